from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import update

from eventdesk.errors import NotFoundError, StoreError
from eventdesk.records import Article, Event, Mention, Place, TextSpan, When
from eventdesk.store import Store
from eventdesk.store import schema as t


def _article(text: str = "Police arrested ten people in Almaty.") -> Article:
    return Article(id=Article.make_id(text, None), source="x.txt", text=text, raw_text=text)


def _mention(article: Article) -> Mention:
    return Mention(
        id=Mention.make_id(article.id, 7, "Strategic developments"),
        article_id=article.id,
        event_type="Strategic developments",
        sub_event_type="Arrests",
        trigger=TextSpan(start=7, end=15, text="arrested"),
        sentence=TextSpan(start=0, end=len(article.text), text=article.text),
    )


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(f"sqlite:///{tmp_path}/t.db")


def test_new_database_is_at_the_current_schema_version(store: Store) -> None:
    with store.engine.connect() as conn:
        assert t.current_version(conn) == t.SCHEMA_VERSION


def test_writing_an_article_twice_adds_nothing(store: Store) -> None:
    a = _article()
    assert store.write_article(a, [_mention(a)], {"content_hash": "h"}) is True
    assert store.write_article(a, [_mention(a)], {"content_hash": "h"}) is False
    assert len(store.articles()) == 1 and len(store.mentions()) == 1
    assert store.mentions()[0] == _mention(a)
    assert store.article(a.id).text == a.text


def test_unknown_ids_raise_not_found(store: Store) -> None:
    with pytest.raises(NotFoundError, match="eventdesk articles"):
        store.article("a_missing")
    with pytest.raises(NotFoundError):
        store.event("e_missing")


def test_failures_are_recorded_and_cleared_when_the_source_is_read(store: Store) -> None:
    store.write_failure("x.txt", "empty file")
    store.write_failure("x.txt", "binary file")
    assert store.failures() == [("x.txt", "binary file")]
    store.write_article(_article(), [], {"content_hash": "h"})
    assert store.failures() == []


def test_a_newer_schema_is_refused(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/n.db"
    s = Store(url)
    with s.engine.begin() as conn:
        conn.execute(update(t.meta).where(t.meta.c.key == "schema_version").values(value="999"))
    s.close()
    with pytest.raises(StoreError, match="newer"):
        Store(url)


def test_a_bad_url_is_a_clear_error() -> None:
    with pytest.raises(StoreError, match="cannot open database"):
        Store("nosuchdb://x")


def _event(summary: str) -> Event:
    return Event(id="e_1", story_id="s_1", event_type="Riots", sub_event_type="Mob violence", summary=summary,
                 when=When(value=None, precision="unknown"), place=Place(name=None))  # fmt: skip


def test_an_event_keeps_its_changed_time_until_its_record_changes(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("eventdesk.store.time.time", lambda: 1_700_000_000.5)
    store.save_link({}, [], [_event("a")], {})
    assert store.event_changed(["e_1", "e_nosuch"]) == {"e_1": 1_700_000_000} == store.event_changed()
    monkeypatch.setattr("eventdesk.store.time.time", lambda: 1_700_000_100)
    store.save_link({}, [], [_event("a")], {})  # rebuilt the same
    assert store.event_changed(["e_1"]) == {"e_1": 1_700_000_000}
    store.save_link({}, [], [_event("b")], {})
    assert store.event_changed(["e_1"]) == {"e_1": 1_700_000_100}


def test_dump_leaves_out_when_rows_were_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    stores = []
    for n, now in enumerate([1_000, 2_000]):
        monkeypatch.setattr("eventdesk.store.time.time", lambda now=now: now)
        stores.append(Store(f"sqlite:///{tmp_path}/{n}.db"))
        stores[-1].save_link({}, [], [_event("a")], {})
    assert stores[0].event_changed(["e_1"]) != stores[1].event_changed(["e_1"])
    assert stores[0].dump() == stores[1].dump()


def test_copy_vectors_are_stored_with_their_article_and_read_apart(store: Store) -> None:
    a, b = _article(), _article("Troops shelled the town overnight, killing four.")
    store.write_article(a, [], {"content_hash": "h"}, (b"m" * 384, b"s" * 768))
    store.write_article(b, [], {"content_hash": "h2"})  # no vectors (the setting was off)
    assert store.copy_vector_means() == {a.id: b"m" * 384}
    assert store.copy_vectors([a.id, b.id]) == {a.id: b"s" * 768}
    assert store.article_texts([a.id, b.id]) == {a.id: a.text, b.id: b.text}
    store.update_features({b.id: {"content_hash": "h2", "copy_sents": "x"}})
    assert {r["id"]: r["features"] for r in store.article_rows()}[b.id]["copy_sents"] == "x"


def test_a_retried_article_replaces_its_copy_vectors(store: Store) -> None:
    from eventdesk.records import SkipReason

    a = _article()
    failed = a.model_copy(update={"skipped": SkipReason.EXTRACTION_ERROR, "skip_detail": "boom"})
    store.write_article(failed, [], {"content_hash": "h"})
    assert store.write_article(a, [], {"content_hash": "h"}, (b"n" * 384, b"t" * 384)) is True
    assert store.copy_vectors([a.id]) == {a.id: b"t" * 384}


def test_a_version_4_database_gains_the_copy_vectors_table(tmp_path: Path) -> None:
    from sqlalchemy import create_engine, inspect

    url = f"sqlite:///{tmp_path}/v4.db"
    engine = create_engine(url)
    with engine.begin() as conn:
        for migration in t.MIGRATIONS[:4]:
            migration(conn)
        conn.execute(t.meta.insert().values(key="schema_version", value="4"))
    assert "copy_vectors" not in inspect(engine).get_table_names()
    store = Store(url)
    assert "copy_vectors" in inspect(store.engine).get_table_names()
    with store.engine.connect() as conn:
        assert t.current_version(conn) == t.SCHEMA_VERSION == 5
