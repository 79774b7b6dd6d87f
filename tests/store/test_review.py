"""Reviews and their audit trail in the store, on SQLite and on PostgreSQL (a real server the
tests start): each action is written with its entries in one transaction, ids stay stable, a
rejected event is hidden from the default views, a merged one names the event it went into."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import delete, insert, select

from eventdesk import review
from eventdesk.errors import BadParameterError, MergedError, NotFoundError
from eventdesk.store import EventFilter, Store
from eventdesk.store import schema as t

@pytest.fixture(params=["sqlite", "postgresql"])
def url(request, tmp_path: Path) -> str:  # type: ignore[no-untyped-def]
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'review.db'}"
    return request.getfixturevalue("pg_url")


@pytest.fixture
def store(url: str, fill_reviewable) -> Store:  # type: ignore[no-untyped-def]
    """Two events in one story: a shooting reported by two articles (three mentions), a riot."""
    return Store(fill_reviewable(url))


def test_a_new_store_has_the_review_tables_at_the_current_version(store: Store) -> None:
    with store.engine.connect() as conn:
        assert t.current_version(conn) == t.SCHEMA_VERSION
        assert conn.dialect.has_table(conn, "reviews") and conn.dialect.has_table(conn, "review_log")
    assert store.reviews() == {} and store.review_history() == []
    assert {e.review_status for e in store.events()} == {"unreviewed"}


def test_a_version_3_store_migrates_to_reviews(url: str) -> None:
    store = Store(url)
    with store.engine.begin() as conn:
        for table in ("copy_vectors", "review_log", "reviews"):  # the tables of v4 and later
            conn.exec_driver_sql(f"DROP TABLE {table}")
        conn.execute(delete(t.meta))
        conn.execute(insert(t.meta).values(key="schema_version", value="3"))
    store.close()
    again = Store(url)
    with again.engine.connect() as conn:
        assert t.current_version(conn) == t.SCHEMA_VERSION
    assert again.review_history() == []


def test_edit_writes_one_entry_per_field_with_the_old_and_new_value(store: Store) -> None:
    before = store.event("e_shooting")
    changes = review.EventEdit.model_validate({
        "place": {"name": "Rambukkana", "admin1": "Sabaragamuwa Province", "lat": 7.3247, "lon": 80.3914},
        "when": {"value": "2022-04-19", "precision": "day"},  # what it is already: no entry
        "counts": [{"kind": "killed", "low": 1, "high": 2}],
    })
    after = review.edit(store, "e_shooting", changes, reviewer="jd", note="the wire's dateline is wrong")
    assert after.review_status == "edited" and after.edited_fields == ["counts", "place"]
    assert after.place.name == "Rambukkana" and after.place.gazetteer_id is None and "jd" in after.place.reason
    assert after.counts[0].attributed_to == "jd (review)" and "Rambukkana" in after.summary
    entries = store.review_history("e_shooting")
    assert [(e.action, e.field, e.reviewer, e.note) for e in entries] == [
        ("edit", "place", "jd", "the wire's dateline is wrong"), ("edit", "counts", "jd", "the wire's dateline is wrong"),
    ]  # fmt: skip
    assert entries[0].old["name"] == before.place.name == "Colombo" and entries[0].new["name"] == "Rambukkana"
    assert entries[1].old[0]["high"] == 1 and entries[1].new[0]["high"] == 2
    assert entries[0].at.tzinfo is not None and entries[0].at == entries[1].at
    assert store.event("e_shooting") == after
    state = store.reviews(["e_shooting"])["e_shooting"]
    assert state.status == "edited" and state.corrections.place == after.place


def test_edits_are_checked_and_nothing_is_written_for_a_bad_one(store: Store) -> None:
    bad = [
        ({"sub_event_type": "Mob violence"}, "sub-type of Riots"),
        ({"event_type": "Riots"}, "send one of: Violent demonstration, Mob violence"),
        ({"place": {"country_code": "Sri Lanka"}}, "place.country_code"),
        ({"place": {"name": "Kandy\x1b[31m"}}, "control characters"),
        ({"counts": [{"kind": "killed", "low": 5, "high": 2}]}, "above high"),
        ({"actors": [{"name": "Police", "role": "actor1", "kind": "wizards"}]}, "ACLED's"),
        ({"when": {"value": "2022-04-19"}}, "nothing to change"),
    ]
    for fields, words in bad:
        with pytest.raises(BadParameterError, match=words):
            review.edit(store, "e_shooting", review.EventEdit.model_validate(fields), reviewer="jd")
    with pytest.raises(BadParameterError, match="reviewer"):
        review.confirm(store, "e_shooting", reviewer="  ")
    assert store.review_history() == [] and store.reviews() == {}


def test_reject_hides_the_event_and_confirm_restores_it(store: Store) -> None:
    review.reject(store, "e_riot", reviewer="jd", note="a bus fire, no riot")
    assert [e.id for e in store.events()] == ["e_shooting"]
    assert [e.id for e in store.events(EventFilter(review=("rejected",)))] == ["e_riot"]
    assert len(store.events(EventFilter(review=None))) == 2
    with pytest.raises(BadParameterError, match="confirm it first"):
        review.merge(store, "e_shooting", "e_riot", reviewer="jd")
    restored = review.confirm(store, "e_riot", reviewer="mk")
    assert restored.review_status == "confirmed"
    assert [(e.action, e.old, e.new, e.reviewer) for e in store.review_history("e_riot")] == [
        ("reject", "unreviewed", "rejected", "jd"), ("confirm", "rejected", "confirmed", "mk"),
    ]  # fmt: skip


def test_split_moves_the_chosen_mentions_to_a_new_event_with_a_stable_id(store: Store) -> None:
    shooting = store.event("e_shooting")
    moved = shooting.mention_ids[-1:]
    kept, new = review.split(store, "e_shooting", moved, reviewer="jd")
    assert kept.id == "e_shooting" and kept.mention_ids == shooting.mention_ids[:-1]
    assert new.mention_ids == moved and new.id.startswith("e_") and new.seq == 3
    assert {kept.review_status, new.review_status} == {"edited"}
    assert store.mention_event_ids()[moved[0]] == new.id
    assert store.review_pins()[moved[0]] == new.id
    assert [e.id for e in store.edited_events()] == ["e_shooting", new.id]
    assert [(e.event_id, e.action, e.other_event_id) for e in store.review_history()] == [
        ("e_shooting", "split", new.id), (new.id, "split", "e_shooting"),
    ]  # fmt: skip
    with pytest.raises(BadParameterError, match="not none and not all"):
        review.split(store, new.id, new.mention_ids, reviewer="jd")
    with pytest.raises(BadParameterError, match="not in event"):
        review.split(store, "e_shooting", ["m_nope"], reviewer="jd")


def test_merge_keeps_the_first_id_and_remembers_the_second(store: Store) -> None:
    edited = review.edit(store, "e_riot", review.EventEdit(sub_event_type="Mob violence"), reviewer="jd")
    merged = review.merge(store, "e_shooting", "e_riot", reviewer="mk", note="one clash")
    assert merged.id == "e_shooting" and set(edited.mention_ids) <= set(merged.mention_ids)
    assert merged.review_status == "edited"
    with pytest.raises(MergedError, match="merged into 'e_shooting'") as info:
        store.event("e_riot")
    assert info.value.into == "e_shooting"
    assert {e.id for e in store.events(EventFilter(review=None))} == {"e_shooting"}
    assert set(store.mention_event_ids().values()) == {"e_shooting"}
    assert [e.action for e in review.history(store, "e_riot")] == ["edit", "merge"]  # kept for the id merged away
    with pytest.raises(NotFoundError):
        review.history(store, "e_never")


def test_hostile_text_is_stored_as_text(store: Store) -> None:
    note = "'; DROP TABLE events; -- <script>alert(1)</script>"
    review.confirm(store, "e_shooting", reviewer="<img src=x onerror=1>", note=note)
    (entry,) = store.review_history("e_shooting")
    assert (entry.reviewer, entry.note) == ("<img src=x onerror=1>", note)
    with store.engine.connect() as conn:
        assert conn.scalar(select(t.review_log.c.note)) == note
    assert len(store.events()) == 2
