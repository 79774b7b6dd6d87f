"""The link step keeps what analysts decided: fields set, verdicts, splits and merges outlast a
re-run of the pipeline with new articles on the same store (the real pipeline, four example
articles, then two more reports of the same shooting)."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from eventdesk import review
from eventdesk.link.events import apply_review
from eventdesk.records import Corrections, Event, Place, ReviewState, When
from eventdesk.store import EventFilter, Store

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "articles"
FIRST = ("04_rambukkana_shooting", "07_rambukkana_aftermath", "16_galle_face_raid", "17_galle_face_raid_wire")
LATER = ("05_rambukkana_shooting_asiadesk", "06_rambukkana_shooting_meridian")
RAMBUKKANA = {"name": "Rambukkana", "admin1": "Sabaragamuwa Province", "lat": 7.3247, "lon": 80.3914}


def test_apply_review_sets_fields_and_rewrites_the_summary() -> None:
    event = Event(id="e_1", story_id="s_1", event_type="Riots", sub_event_type="Violent demonstration",
                  when=When(value=date(2022, 5, 9), precision="day"), place=Place(name="Colombo"))  # fmt: skip
    assert apply_review(event, None) is event
    state = ReviewState(event_id="e_1", status="edited", corrections=Corrections(place=Place(name="Kandy"), counts=[]))
    reviewed = apply_review(event, state)
    assert reviewed.place.name == "Kandy" and reviewed.edited_fields == ["counts", "place"]
    assert "in Kandy" in reviewed.summary and reviewed.review_status == "edited"
    assert apply_review(event, ReviewState(event_id="e_1", status="rejected")).summary == event.summary


def test_an_edited_event_takes_mentions_that_agree_with_it_as_corrected() -> None:
    from eventdesk.link.events import Placement, assign_events
    from eventdesk.records import Mention, TextSpan

    def mention(article: str, place: Place, day: int) -> Mention:
        return Mention(id=f"m_{article}", article_id=article, event_type="Riots", sub_event_type="Mob violence",
                       trigger=TextSpan(start=0, end=1, text="x"), sentence=TextSpan(start=0, end=1, text="x"),
                       place=place, when=When(value=date(2022, 4, day), precision="day"))  # fmt: skip

    colombo = Place(name="Colombo", country_code="LK", lat=6.93, lon=79.85, geo_precision=1)
    rambukkana = Place(name="Rambukkana", country_code="LK", lat=7.3247, lon=80.3914, geo_precision=1)
    ms = [mention("a1", colombo, 19), mention("a2", rambukkana, 19), mention("a3", rambukkana, 25)]
    story = {m.article_id: "s_1" for m in ms}
    corrected = Event(id="e_1", story_id="s_1", event_type="Riots", sub_event_type="Mob violence", place=rambukkana,
                      when=When(value=date(2022, 4, 19), precision="day"))  # fmt: skip
    machine = assign_events(ms, {"m_a1": "e_1"}, story)
    assert machine["m_a2"] != "e_1"  # 70 km from Colombo: another event, as the machine sees it
    reviewed = assign_events(ms, {"m_a1": "e_1"}, story, {"e_1": Placement.of_event(corrected)})
    assert reviewed["m_a2"] == "e_1" and reviewed["m_a3"] != "e_1"  # never across different days


def _copy(names: tuple[str, ...], into: Path) -> Path:
    into.mkdir()
    for name in names:
        for path in EXAMPLES.glob(f"{name}.*"):
            shutil.copy(path, into / path.name)
    return into


def _one(store: Store, sub: str, day: str | None) -> Event:
    (event,) = [e for e in store.events(EventFilter(scope=None, background=True, review=None))
                if e.sub_event_type == sub and (e.when.value.isoformat() if e.when.value else None) == day]  # fmt: skip
    return event


@pytest.fixture(scope="module")
def reviewed(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """A store of the first articles, reviewed (one of each action), then run again with the later ones."""
    from eventdesk.run.local import run

    tmp = tmp_path_factory.mktemp("reviewlink")
    first, later = _copy(FIRST, tmp / "first"), _copy(LATER, tmp / "later")
    store = Store(f"sqlite:///{tmp / 'r.db'}")
    run([first], store)
    protest = _one(store, "Excessive force against protesters", "2022-04-19")
    kegalle = _one(store, "Excessive force against protesters", None)
    raid = _one(store, "Excessive force against protesters", "2022-07-22")  # two reports of the raid
    before = {"protest": protest, "kegalle": kegalle, "raid": raid}
    review.edit(store, protest.id, review.EventEdit.model_validate({"place": RAMBUKKANA}), reviewer="jd")
    review.merge(store, protest.id, kegalle.id, reviewer="jd")
    kept, split_off = review.split(store, raid.id, raid.mention_ids[-1:], reviewer="jd")
    # an undated protest in Colombo the aftermath article mentions
    rejected = review.reject(store, _one(store, "Peaceful protest", None).id, reviewer="jd")
    confirmed = review.confirm(store, _one(store, "Arrests", "2022-07-22").id, reviewer="jd")
    summary = run([first, later], store)
    dump = store.dump()
    again = run([first, later], store)
    return {"store": store, "before": before, "split_off": split_off, "rejected": rejected, "confirmed": confirmed,
            "summary": summary, "unchanged": store.dump() == dump and again.stored == 0}  # fmt: skip


def test_fields_set_stay_and_new_evidence_attaches(reviewed: dict) -> None:
    store, protest = reviewed["store"], reviewed["before"]["protest"]
    after = store.event(protest.id)
    assert after.articles > protest.articles + 1  # the merged Kegalle report and the two new copies
    assert (after.place.name, after.place.lat, after.place.lon) == ("Rambukkana", 7.3247, 80.3914)
    assert after.review_status == "edited" and after.edited_fields == ["place"] and "Rambukkana" in after.summary


def test_a_merge_is_not_undone(reviewed: dict) -> None:
    store, kegalle = reviewed["store"], reviewed["before"]["kegalle"]
    after = store.event(reviewed["before"]["protest"].id)
    assert set(kegalle.mention_ids) <= set(after.mention_ids)
    assert kegalle.id not in {e.id for e in store.events(EventFilter(scope=None, background=True, review=None))}


def test_a_split_is_not_undone(reviewed: dict) -> None:
    store, split_off = reviewed["store"], reviewed["split_off"]
    assert store.event(split_off.id).mention_ids[:1] == split_off.mention_ids
    assert split_off.mention_ids[0] not in store.event(reviewed["before"]["raid"].id).mention_ids


def test_verdicts_stay(reviewed: dict) -> None:
    store = reviewed["store"]
    assert store.event(reviewed["rejected"].id).review_status == "rejected"
    assert reviewed["rejected"].id not in {e.id for e in store.events()}
    assert store.event(reviewed["confirmed"].id).review_status == "confirmed"


def test_a_second_identical_run_changes_nothing(reviewed: dict) -> None:
    assert reviewed["summary"].stored == len(LATER)
    assert reviewed["unchanged"]
