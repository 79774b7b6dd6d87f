"""The same store code on PostgreSQL, against a real server the tests start."""

from __future__ import annotations

from eventdesk.records import Article
from eventdesk.store import Store
from eventdesk.store import schema as t


def test_postgres_store_migrates_and_writes_idempotently(pg_url: str) -> None:
    store = Store(pg_url)
    with store.engine.connect() as conn:
        assert t.current_version(conn) == t.SCHEMA_VERSION
    text = "Police detained 12 students outside the university in Kandy on Monday."
    a = Article(id=Article.make_id(text, None), source="k.txt", text=text, raw_text=text)
    assert store.write_article(a, [], {"content_hash": "h"})
    assert not store.write_article(a, [], {"content_hash": "h"})
    assert [x.id for x in Store(pg_url).articles()] == [a.id]
    store.close()


def test_text_with_nul_characters_is_stored_on_postgres(pg_url: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """PostgreSQL refuses NUL in text: readers strip it (with a warning), so a JSONL record with
    "\\u0000" in its text and title is stored like on SQLite, through the CLI."""
    import json

    from click.testing import CliRunner

    from eventdesk.cli import main

    text = "Police arrested 40 protesters\u0000 in Colombo on Saturday after a march on parliament."
    (tmp_path / "nul.jsonl").write_text(json.dumps({"text": text, "title": "Arrests\u0000", "language": "en"}) + "\n")
    result = CliRunner().invoke(main, ["run", str(tmp_path / "nul.jsonl"), "--db", pg_url],
                                env={"EVENTDESK_ISOLATE": "false"})  # fmt: skip
    assert result.exit_code == 0, result.output
    (article,) = Store(pg_url).articles()
    assert "\x00" not in article.text and article.title == "Arrests"
    assert article.text.startswith("Police arrested 40 protesters in Colombo")


def test_counts_above_two_to_the_31_on_postgres(pg_url: str) -> None:
    from sqlalchemy import select

    from eventdesk.records import Count, Event, Place, When

    store = Store(pg_url)
    big = Event(
        id="e_big", story_id="s_1", event_type="Violence against civilians", sub_event_type="Attack",
        when=When(value=None, precision="unknown"), place=Place(name=None),
        counts=[Count(kind="killed", low=3_000_000_000, high=None, best=3_000_000_000, text="x", start=0, end=1)],
    )  # fmt: skip
    small = big.model_copy(update={"id": "e_small", "counts": [big.counts[0].model_copy(update={"best": 5})]})
    store.save_link({}, [], [big, small], {})
    assert {e.id: e.counts[0].best for e in store.events()} == {"e_big": 3_000_000_000, "e_small": 5}
    with store.engine.connect() as conn:
        ordered = conn.execute(select(t.events.c.id, t.events.c.fatalities).order_by(t.events.c.fatalities.desc())).all()
    assert [tuple(r) for r in ordered] == [("e_big", 3_000_000_000), ("e_small", 5)]


def test_one_run_at_a_time_on_postgres(pg_url: str) -> None:
    import pytest

    from eventdesk.errors import StoreBusyError

    first, second = Store(pg_url), Store(pg_url)
    with first.exclusive():
        with pytest.raises(StoreBusyError, match="in use by another eventdesk run"), second.exclusive():
            pass
    with second.exclusive():  # released with the first run
        pass
