"""One run at a time per database; failed articles stored, listed and replaced by a retry; the
64-bit killed count and the migration that adds it (SQLite here, PostgreSQL in test_postgres)."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import delete, insert, select

from eventdesk.cli import main
from eventdesk.errors import StoreBusyError
from eventdesk.records import Article, Count, Event, Place, SkipReason, When
from eventdesk.store import Store
from eventdesk.store import schema as t


def _article(text: str = "Police arrested ten people in Almaty.", **update: object) -> Article:
    return Article(id=Article.make_id(text, None), source="x.txt", text=text, raw_text=text, **update)


def test_a_second_run_on_a_database_in_use_is_refused_with_a_message(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/busy.db"
    (tmp_path / "a.txt").write_text("Police arrested 40 protesters in Colombo on Saturday.\n")
    holder = Store(url)
    with holder.exclusive():
        result = CliRunner().invoke(main, ["run", str(tmp_path / "a.txt"), "--db", url])
    assert result.exit_code == 1
    assert "is in use by another eventdesk run" in result.output and "lock_wait" in result.output
    assert Store(url).articles() == []


def test_a_second_run_waits_when_asked_to(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/wait.db"
    store = Store(url)
    released = threading.Event()

    def hold() -> None:
        with store.exclusive():
            time.sleep(1.0)
        released.set()

    holder = threading.Thread(target=hold)
    holder.start()
    time.sleep(0.2)
    told: list[str] = []
    with Store(url).exclusive(wait_seconds=30, on_wait=told.append):
        assert released.is_set()
    holder.join()
    assert told and told[0].startswith("waiting for another eventdesk run")
    with pytest.raises(StoreBusyError), store.exclusive(), Store(url).exclusive(wait_seconds=0.3):
        pass


def test_a_failed_article_is_kept_until_a_retry_succeeds(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path}/f.db")
    failed = _article(skipped=SkipReason.EXTRACTION_ERROR, skip_detail="stopped after 60 s (article_timeout)")
    assert store.write_article(failed, [], {"content_hash": "h"})
    other = _article("Troops were deployed in Kandy.")
    store.write_article(other, [], {"content_hash": "h2"})
    assert [a.id for a in store.failed_articles()] == [failed.id]
    assert store.known_article_ids([failed.id, other.id]) == {failed.id, other.id}
    assert store.known_article_ids([failed.id, other.id], include_failed=False) == {other.id}
    assert not store.write_article(failed, [], {"content_hash": "h"})  # failed again: kept as it was
    assert store.write_article(_article(), [], {"content_hash": "h"})  # processed: replaces it
    assert store.failed_articles() == []
    assert [a.id for a in store.articles()] == [failed.id, other.id]  # in its place, not doubled


def _event(killed: int) -> Event:
    return Event(
        id="e_big", story_id="s_1", event_type="Violence against civilians", sub_event_type="Attack",
        when=When(value=None, precision="unknown"), place=Place(name=None),
        counts=[Count(kind="killed", low=killed, high=killed, best=killed, text="x", start=0, end=1)],
    )  # fmt: skip


def test_counts_above_two_to_the_31_are_stored_and_sorted(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path}/c.db")
    store.save_link({}, [], [_event(3_000_000_000)], {})
    assert store.events()[0].counts[0].best == 3_000_000_000
    with store.engine.connect() as conn:
        assert conn.scalar(select(t.events.c.fatalities)) == 3_000_000_000


def test_a_version_1_database_migrates_and_fills_the_killed_count(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/old.db"
    store = Store(url)
    with store.engine.begin() as conn:  # back to what version 1 wrote
        conn.exec_driver_sql("ALTER TABLE events DROP COLUMN fatalities")
        conn.exec_driver_sql("ALTER TABLE events DROP COLUMN changed")
        for table in sorted(t.LATER_TABLES):
            conn.exec_driver_sql(f"DROP TABLE {table}")
        conn.execute(delete(t.meta))
        conn.execute(insert(t.meta).values(key="schema_version", value="1"))
        data = _event(12).model_dump(mode="json")
        conn.exec_driver_sql(
            "INSERT INTO events (id, story_id, event_type, sub_event_type, seq, data) VALUES (?, ?, ?, ?, ?, ?)",
            ("e_big", "s_1", "Battles", "Armed clash", 1, __import__("json").dumps(data)),
        )
    store.close()
    migrated = Store(url)
    with migrated.engine.connect() as conn:
        assert t.current_version(conn) == t.SCHEMA_VERSION
        assert conn.scalar(select(t.events.c.fatalities)) == 12
    assert migrated.event_changed(["e_big"]) == {"e_big": None}  # not known for events stored before
