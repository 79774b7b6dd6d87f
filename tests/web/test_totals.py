"""`/api/totals`: events, killed and arrested by type, place and time, on a store of seven events
whose figures are summed here by hand (tests/web/conftest.py, TOTALS_EVENTS)."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise

import pytest
from fastapi.testclient import TestClient

from eventdesk.records import Count, Event, Place, Story, When
from eventdesk.store import BIGINT_MAX, Store
from eventdesk.web.app import create_app
from eventdesk.web.totals import bin_of, event_figures, unit_for

LOCAL = "http://127.0.0.1"


@pytest.fixture(scope="module")
def client(totals_db: str) -> TestClient:
    return TestClient(create_app(totals_db, token=None), base_url=LOCAL)


def get(client: TestClient, path: str, **params: object) -> dict:
    response = client.get(path, params=params)
    assert response.status_code == 200, response.text
    return response.json()


def by(rows: list[dict], *keys: str) -> dict:
    return {tuple(r[k] for k in keys) if len(keys) > 1 else r[keys[0]]: r for r in rows}


# -- totals ---------------------------------------------------------------------------------


def test_totals_sum_best_lows_and_highs_with_an_open_upper_bound(client: TestClient) -> None:
    body = get(client, "/api/totals")
    assert body["events"] == 5  # the crime and the background event are out of the default view
    # killed: 2-5 (best 3), at least 4 (best 4), exactly 1
    assert body["fatalities"] == {"best": 8, "low": 7, "high": 10, "high_open": True, "events": 3}
    # arrested: exactly 10, up to 20 (no low, no best), exactly 7
    assert body["arrests"] == {"best": 17, "low": 17, "high": 37, "high_open": False, "events": 3}


def test_totals_by_type_country_and_region(client: TestClient) -> None:
    body = get(client, "/api/totals")
    countries = by(body["by_country"], "country_code")
    assert [c["country_code"] for c in body["by_country"]] == ["LK", "MV"]  # most events first
    assert countries["LK"]["events"] == 4 and countries["LK"]["country"] == "Sri Lanka"
    assert countries["LK"]["fatalities"] == {"best": 7, "low": 6, "high": 9, "high_open": True, "events": 2}
    assert countries["MV"]["fatalities"]["best"] == 1 and not countries["MV"]["fatalities"]["high_open"]
    assert countries["MV"]["arrests"] == {"best": 0, "low": 0, "high": 20, "high_open": False, "events": 1}
    regions = by(body["by_admin1"], "country_code", "admin1")
    assert set(regions) == {("LK", "Western Province"), ("LK", "Central Province"), ("LK", None), ("MV", "Kaafu Atoll")}
    assert regions["LK", "Western Province"]["events"] == 2
    assert regions["LK", "Western Province"]["fatalities"] == {"best": 3, "low": 2, "high": 5, "high_open": False, "events": 1}
    assert regions["LK", "Central Province"]["fatalities"]["high_open"] is True
    assert regions["MV", "Kaafu Atoll"]["country"] == "Maldives"
    types = by(body["by_type"], "event_type")
    assert {t: v["events"] for t, v in types.items()} == {
        "Protests": 2, "Riots": 1, "Violence against civilians": 1, "Strategic developments": 1,
    }  # fmt: skip
    assert types["Protests"]["arrests"] == {"best": 10, "low": 10, "high": 30, "high_open": False, "events": 2}
    for group in ("by_type", "by_country", "by_admin1"):
        assert sum(g["events"] for g in body[group]) == body["events"]
        assert sum(g["fatalities"]["best"] for g in body[group]) == body["fatalities"]["best"]


def test_totals_over_time_per_day_stacked_by_type(client: TestClient) -> None:
    series = get(client, "/api/totals")["over_time"]
    assert series["unit"] == "day" and series["undated"] == 1
    bins = series["bins"]
    assert [b["start"] for b in bins] == [(date(2022, 4, 1) + timedelta(days=i)).isoformat() for i in range(10)]
    assert all(b["start"] == b["end"] for b in bins)
    days = by(bins, "start")
    assert days["2022-04-01"]["by_type"] == {"Protests": 1} and days["2022-04-01"]["fatalities"] == 0
    assert days["2022-04-02"]["by_type"] == {"Riots": 1} and days["2022-04-02"]["fatalities"] == 3
    assert days["2022-04-05"] == {"start": "2022-04-05", "end": "2022-04-05", "events": 0, "fatalities": 0, "by_type": {}}
    assert days["2022-04-09"]["fatalities"] == 4 and days["2022-04-10"]["fatalities"] == 1
    assert sum(b["events"] for b in bins) == 4


def test_totals_over_a_longer_span_are_per_week_from_monday(client: TestClient) -> None:
    body = get(client, "/api/totals", scope="all", background="true")
    assert body["events"] == 7 and body["fatalities"]["best"] == 158
    series = body["over_time"]
    assert series["unit"] == "week"  # 1 Jun 2021 to 10 Apr 2022
    starts = [date.fromisoformat(b["start"]) for b in series["bins"]]
    assert starts[0] == date(2021, 5, 31) and starts[-1] == date(2022, 4, 4)
    assert all(d.weekday() == 0 for d in starts) and all(b - a == timedelta(days=7) for a, b in pairwise(starts))
    assert sum(b["events"] for b in series["bins"]) == 6
    week = by(series["bins"], "start")["2022-03-28"]  # Monday 28 March to Sunday 3 April
    assert week["end"] == "2022-04-03" and week["by_type"] == {"Protests": 1, "Riots": 1, "Violence against civilians": 1}
    assert week["fatalities"] == 103


@pytest.mark.parametrize(
    "params",
    [{"country": "lk"}, {"actor": "police"}, {"admin1": "Western Province"}, {"sub_type": "attack", "scope": "all"},
     {"story": "s_totals_kandy000"}, {"type": "Protests"}, {"scope": "crime"}, {"background": "true"}],
)  # fmt: skip
def test_totals_follow_the_same_filters_as_the_event_list(client: TestClient, params: dict) -> None:
    rows = get(client, "/api/events", limit=5000, **params)["events"]
    body = get(client, "/api/totals", **params)
    assert body["events"] == len(rows) > 0
    assert body["fatalities"]["best"] == sum(r["fatalities"] for r in rows)
    assert sum(b["events"] for b in body["over_time"]["bins"]) + body["over_time"]["undated"] == len(rows)


def test_totals_of_nothing_are_zero_and_an_empty_series(client: TestClient) -> None:
    body = get(client, "/api/totals", actor="nobody at all")
    assert body["events"] == 0 and body["fatalities"]["best"] == 0 and not body["fatalities"]["high_open"]
    assert body["by_type"] == [] and body["over_time"]["bins"] == []


@pytest.mark.parametrize(("params", "status", "words"), [
    ({"story": "s_nope"}, 404, "no story with id 's_nope'"),
    ({"sub_type": "Picnic"}, 422, "sub_type: unknown value(s) 'Picnic'"),
    ({"country": "Sri Lanka"}, 422, "for Sri Lanka use LK"),
])  # fmt: skip
def test_totals_refuse_what_the_event_list_refuses(client: TestClient, params: dict, status: int, words: str) -> None:
    response = client.get("/api/totals", params=params)
    assert response.status_code == status and words in response.json()["detail"]


def test_totals_of_huge_counts_are_exact(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Counts are unbounded in the JSON: two above 2^62 sum past SQLite's 64-bit SUM, exactly."""
    huge = 2**62 + 1
    url = f"sqlite:///{tmp_path / 'huge.db'}"
    store = Store(url)
    story = Story(id="s_huge", title="Huge")
    events = [
        Event(id=f"e_huge{i}", story_id=story.id, event_type="Battles", sub_event_type="Armed clash", seq=i,
              when=When(value=date(2022, 1, 1 + i), precision="day"), place=Place(name="X", country_code="LK"),
              counts=[Count(kind="killed", low=huge, high=None, best=huge, text="x", start=0, end=1)])
        for i in range(2)
    ]  # fmt: skip
    store.save_link({}, [story], events, {})
    store.close()
    body = get(TestClient(create_app(url, token=None), base_url=LOCAL), "/api/totals")
    assert body["fatalities"]["best"] == body["fatalities"]["low"] == 2 * huge > BIGINT_MAX
    assert body["fatalities"]["high_open"] is True


# -- the pieces -------------------------------------------------------------------------------


def test_event_range_of_counts_without_bounds() -> None:
    counts_ = [{"kind": "killed", "low": None, "high": None, "best": None},
               {"kind": "killed", "low": 3, "high": 6, "best": 4}, {"kind": "injured", "low": 50, "high": 50, "best": 50}]  # fmt: skip
    r = event_figures(counts_, "killed")
    assert (r.best, r.low, r.high, r.high_open, r.events) == (4, 3, 6, True, 1)
    assert event_figures(counts_, "arrested").events == 0


@pytest.mark.parametrize(
    ("days", "unit"), [(0, "day"), (120, "day"), (121, "week"), (730, "week"), (731, "month"), (7300, "month"), (7301, "year")]
)
def test_unit_for_span(days: int, unit: str) -> None:
    assert unit_for(date(2020, 1, 1), date(2020, 1, 1) + timedelta(days=days)) == unit


def test_bins_at_the_edges_of_the_calendar() -> None:
    assert bin_of(date(2024, 2, 10), "month") == (date(2024, 2, 1), date(2024, 2, 29))
    assert bin_of(date(9999, 12, 31), "week") == (date(9999, 12, 27), date(9999, 12, 31))
    assert bin_of(date(2022, 7, 4), "year") == (date(2022, 1, 1), date(2022, 12, 31))


# -- PostgreSQL -------------------------------------------------------------------------------


def test_totals_are_the_same_on_postgres(pg_totals_db: str, client: TestClient) -> None:
    pg = TestClient(create_app(pg_totals_db, token=None, cache_mb=0), base_url=LOCAL)
    for params in ({}, {"actor": "POLICE"}, {"admin1": "Western Province"}, {"scope": "all", "background": "true"}):
        assert get(pg, "/api/totals", **params) == get(client, "/api/totals", **params), params
