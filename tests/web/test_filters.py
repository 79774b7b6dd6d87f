"""The event filters every listing route shares (story, sub-type, actor, admin1, scope) and the
facet counts, through `/api/events` and `/api/facets`, on a store of seven events written
record by record (tests/web/conftest.py, TOTALS_EVENTS; their ids end in 1 to 7)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from eventdesk.web.app import create_app

LOCAL = "http://127.0.0.1"


@pytest.fixture(scope="module")
def client(totals_db: str) -> TestClient:
    return TestClient(create_app(totals_db, token=None), base_url=LOCAL)


def get(client: TestClient, path: str, **params: object) -> dict:
    response = client.get(path, params=params)
    assert response.status_code == 200, response.text
    return response.json()


def event_ids(client: TestClient, **params: object) -> set[str]:
    """The last digit of the id of each listed event (e_totals000000001 -> "1")."""
    return {r["event_id"][-1] for r in get(client, "/api/events", limit=5000, **params)["events"]}


# -- the filters ------------------------------------------------------------------------------


def test_actor_filter_is_a_case_insensitive_substring_of_a_name(client: TestClient) -> None:
    assert event_ids(client, actor="POLICE") == {"1", "2", "5"}
    assert event_ids(client, actor="forces of sri") == {"1", "5"}
    assert event_ids(client, actor="  protesters ") == {"1", "4"}


@pytest.mark.parametrize("pattern", ["%", "_", "Police%Lanka", "'; DROP TABLE events; --"])
def test_actor_filter_matches_text_not_patterns(client: TestClient, pattern: str) -> None:
    assert event_ids(client, actor=pattern) == set()
    assert get(client, "/api/events")["total"] == 5  # the events are still there


def test_admin1_filter_one_region_or_several(client: TestClient) -> None:
    assert event_ids(client, admin1="Western Province") == {"1", "2"}
    assert event_ids(client, admin1=["Western Province", "Central Province"]) == {"1", "2", "3"}
    # one parameter is one name, commas and all ("Bristol, City of")
    assert event_ids(client, admin1="Western Province,Central Province") == set()


def test_sub_type_filter_takes_any_case_and_refuses_unknown_names(client: TestClient) -> None:
    assert event_ids(client, sub_type="violent DEMONSTRATION") == {"2"}
    assert event_ids(client, sub_type="Peaceful protest,Protest with intervention") == {"1", "4"}
    response = client.get("/api/events", params={"sub_type": "Picnic"})
    assert response.status_code == 422
    assert "sub_type: unknown value(s) 'Picnic'; use one of: Armed clash" in response.json()["detail"]


def test_story_filter_and_an_unknown_story(client: TestClient) -> None:
    assert event_ids(client, story="s_totals_kandy000") == {"3", "5"}
    assert event_ids(client, story="s_totals_kandy000", scope="all", background="true") == {"3", "5", "6", "7"}
    for path in ("/api/events", "/api/facets"):
        response = client.get(path, params={"story": "s_nope"})
        assert response.status_code == 404 and "no story with id 's_nope'" in response.json()["detail"]


def test_scope_and_background(client: TestClient) -> None:
    assert event_ids(client, scope="crime") == {"6"}
    assert event_ids(client, scope="all") == {"1", "2", "3", "4", "5", "6"}
    assert event_ids(client, background="true") == {"1", "2", "3", "4", "5", "7"}


@pytest.mark.parametrize(("query", "words"), [("actor=" + "x" * 201, "actor"), ("admin1=" + "x" * 201, "admin1")])
def test_overlong_text_filters_are_422(client: TestClient, query: str, words: str) -> None:
    response = client.get(f"/api/events?{query}")
    assert response.status_code == 422 and words in response.json()["detail"]


# -- facets -----------------------------------------------------------------------------------


def counts(facets: dict, name: str) -> dict[str, int]:
    return {f["value"]: f["count"] for f in facets[name]}


def test_facet_counts_follow_every_filter_but_their_own(client: TestClient) -> None:
    body = get(client, "/api/facets", type="Protests")
    assert body["total"] == 2
    # the type counts ignore the type filter: the other types keep their counts
    assert counts(body, "event_type") == {"Protests": 2, "Riots": 1, "Violence against civilians": 1, "Strategic developments": 1}
    # every other facet follows it
    assert counts(body, "country") == {"LK": 1, "MV": 1}
    assert counts(body, "admin1") == {"Western Province": 1, "Kaafu Atoll": 1}
    assert counts(body, "sub_event_type") == {"Peaceful protest": 1, "Protest with intervention": 1}
    assert counts(body, "story") == {"s_totals_protest0": 2}
    assert counts(body, "scope") == {"acled": 2}


def test_facet_counts_with_a_country_and_an_actor(client: TestClient) -> None:
    body = get(client, "/api/facets", country="LK", actor="police")
    assert body["total"] == 3  # events 1, 2 and 5
    assert counts(body, "country") == {"LK": 3}  # the Maldives event has no police: not 1
    assert counts(body, "event_type") == {"Protests": 1, "Riots": 1, "Strategic developments": 1}
    assert counts(body, "admin1") == {"Western Province": 2}  # event 5 has no region
    by_value = {f["value"]: f for f in body["story"]}
    assert by_value["s_totals_protest0"]["label"] == "Protest and riot in Colombo"
    assert counts(body, "story") == {"s_totals_protest0": 2, "s_totals_kandy000": 1}


def test_scope_facet_counts_every_scope_under_the_other_filters(client: TestClient) -> None:
    assert counts(get(client, "/api/facets"), "scope") == {"acled": 5, "crime": 1}
    assert counts(get(client, "/api/facets", admin1="Central Province"), "scope") == {"acled": 1}
    assert counts(get(client, "/api/facets", background="true"), "scope") == {"acled": 6, "crime": 1}


FACET_PARAMS = {"event_type": "type", "sub_event_type": "sub_type", "country": "country", "admin1": "admin1",
                "story": "story", "scope": "scope"}  # fmt: skip


@pytest.mark.parametrize(
    "params",
    [{}, {"type": "Protests"}, {"country": "LK", "actor": "police"}, {"scope": "all", "background": "true"},
     {"admin1": "Western Province", "scope": "all"}, {"story": "s_totals_kandy000", "type": "Violence against civilians"}],
)  # fmt: skip
def test_each_facet_count_is_the_event_list_with_that_value_instead(client: TestClient, params: dict) -> None:
    """The count beside a value is the number of events the desk lists when that value is
    chosen in place of the facet's own filter, the others kept."""
    body = get(client, "/api/facets", **params)
    rows = get(client, "/api/events", limit=5000, **params)["events"]
    assert body["total"] == len(rows)
    dates = sorted(r["date"] for r in rows if r["date"])
    assert (body["date"]["min"], body["date"]["max"]) == ((dates[0], dates[-1]) if dates else (None, None))
    for facet, param in FACET_PARAMS.items():
        for value in body[facet]:
            listed = get(client, "/api/events", limit=5000, **(params | {param: value["value"]}))["total"]
            assert value["count"] == listed, (facet, value)


# -- PostgreSQL -------------------------------------------------------------------------------


def test_filters_and_facets_are_the_same_on_postgres(pg_totals_db: str, client: TestClient) -> None:
    """The actor filter searches the JSON list with json_array_elements there, json_each here."""
    pg = TestClient(create_app(pg_totals_db, token=None, cache_mb=0), base_url=LOCAL)
    for params in ({}, {"actor": "POLICE"}, {"actor": "%"}, {"admin1": "Western Province"}, {"type": "Protests"},
                   {"scope": "all", "background": "true"}, {"story": "s_totals_kandy000", "sub_type": "attack"}):  # fmt: skip
        assert get(pg, "/api/events", **params) == get(client, "/api/events", **params), params
        assert get(pg, "/api/facets", **params) == get(client, "/api/facets", **params), params
