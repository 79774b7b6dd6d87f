"""The review routes of the API (TestClient over a small store): token, validation, each action,
the audit trail in the event's record, the review filter on every listing."""

from __future__ import annotations

import csv
import io
import json

import pytest
from fastapi.testclient import TestClient

from eventdesk.web import review as review_routes
from eventdesk.web.app import REVIEW_PATHS, create_app

LOCAL = "http://127.0.0.1"
TOKEN = "s3cret"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture()
def client(reviewable: str) -> TestClient:
    return TestClient(create_app(reviewable, token=TOKEN), base_url=LOCAL)


def post(client: TestClient, path: str, body: dict, headers: dict | None = None):  # type: ignore[no-untyped-def]
    return client.post(f"/api/events/{path}", json=body, headers=AUTH if headers is None else headers)


def test_review_paths_match_the_review_router() -> None:
    import re

    paths = {route.path for route in review_routes.router.routes}
    assert len(paths) == 5 and all(re.fullmatch(REVIEW_PATHS, p.replace("{event_id}", "e_1")) for p in paths)


def test_writes_need_the_token_and_are_absent_without_one(client: TestClient, reviewable: str) -> None:
    assert post(client, "e_shooting/confirm", {"reviewer": "jd"}, headers={}).status_code == 401
    assert post(client, "e_shooting/confirm", {"reviewer": "jd"}, headers={"Authorization": "Bearer no"}).status_code == 403
    readonly = TestClient(create_app(reviewable, token=""), base_url=LOCAL)
    response = readonly.post("/api/events/e_shooting/confirm", json={"reviewer": "jd"})
    assert response.status_code == 404 and "review is disabled" in response.json()["detail"]
    assert readonly.get("/api/events/e_shooting").json()["review"]["writable"] is False
    assert "/api/events/{event_id}/confirm" not in readonly.get("/openapi.json").json()["paths"]
    assert client.get("/api/events/e_shooting").json()["review"]["writable"] is True


def test_edit_returns_the_event_and_the_record_carries_the_trail(client: TestClient) -> None:
    body = {"reviewer": "jd", "note": "wrong town", "fields": {"place": {"name": "Rambukkana", "lat": 7.3247, "lon": 80.3914}}}
    response = post(client, "e_shooting/edit", body)
    assert response.status_code == 200, response.text
    (event,) = response.json()["events"]
    assert (event["event_id"], event["review_status"], event["edited_fields"]) == ("e_shooting", "edited", ["place"])
    rec = client.get("/api/events/e_shooting").json()
    assert rec["location"]["name"] == "Rambukkana" and rec["review_status"] == "edited" and rec["edited_fields"] == ["place"]
    (entry,) = rec["review"]["history"]
    assert (entry["action"], entry["field"], entry["reviewer"], entry["note"]) == ("edit", "place", "jd", "wrong town")
    assert entry["old"]["name"] == "Colombo" and entry["new"]["name"] == "Rambukkana"
    assert client.get("/api/events/e_shooting/history").json()["history"] == [entry]
    row = next(r for r in client.get("/api/events").json()["events"] if r["event_id"] == "e_shooting")
    assert row["review_status"] == "edited" and row["place"] == "Rambukkana"


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ({"reviewer": "jd", "fields": {"place": {"lat": 91}}}, "fields.place.lat"),
        ({"reviewer": "jd", "fields": {"when": {"precision": "century"}}}, "fields.when.precision"),
        ({"reviewer": "jd", "fields": {"colour": "red"}}, "fields.colour"),
        ({"reviewer": "", "fields": {"event_type": "Riots"}}, "reviewer"),
        ({"reviewer": "jd", "fields": {"event_type": "Riot"}}, "use one of"),
        ({"reviewer": "jd", "fields": {"counts": [{"kind": "killed", "low": -1}]}}, "fields.counts.0.low"),
    ],
)
def test_bad_edits_are_422_with_a_message(client: TestClient, body: dict, words: str) -> None:
    response = post(client, "e_shooting/edit", body)
    assert response.status_code == 422 and words in response.json()["detail"]


def test_reject_filters_and_exports(client: TestClient) -> None:
    assert post(client, "e_riot/reject", {"reviewer": "jd", "note": "no riot"}).status_code == 200
    ids = lambda **p: [r["event_id"] for r in client.get("/api/events", params=p).json()["events"]]  # noqa: E731
    assert ids() == ["e_shooting"] and ids(review="rejected") == ["e_riot"] and sorted(ids(review="all")) == ["e_riot", "e_shooting"]
    assert client.get("/api/facets").json()["total"] == 1 and client.get("/api/facets", params={"review": "all"}).json()["total"] == 2
    assert client.get("/api/totals", params={"review": "rejected"}).json()["events"] == 1
    assert client.get("/api/events", params={"review": "maybe"}).status_code == 422
    rows = list(csv.DictReader(io.StringIO(client.get("/api/export", params={"format": "csv", "review": "all"}).text)))
    assert {r["event_id"]: r["review_status"] for r in rows} == {"e_shooting": "unreviewed", "e_riot": "rejected"}
    records = [json.loads(line) for line in client.get("/api/export", params={"review": "rejected"}).text.splitlines()]
    assert [(r["event_id"], r["review_status"]) for r in records] == [("e_riot", "rejected")]


def test_split_and_merge(client: TestClient) -> None:
    mentions = client.get("/api/events/e_shooting").json()["explain"]["mentions"]
    response = post(client, "e_shooting/split", {"reviewer": "jd", "mention_ids": [mentions[-1]["mention_id"]]})
    assert response.status_code == 200, response.text
    kept, new = response.json()["events"]
    assert kept["event_id"] == "e_shooting" and new["mention_ids"] == [mentions[-1]["mention_id"]]
    assert post(client, "e_shooting/split", {"reviewer": "jd", "mention_ids": ["m_x"]}).status_code == 422
    merged = post(client, "e_shooting/merge", {"reviewer": "jd", "other": new["event_id"]})
    assert merged.status_code == 200 and len(merged.json()["events"][0]["mention_ids"]) == len(mentions)
    gone = client.get(f"/api/events/{new['event_id']}")
    assert gone.status_code == 404 and "merged into 'e_shooting'" in gone.json()["detail"]
    page = client.get(f"/events/{new['event_id']}", follow_redirects=False)
    assert page.status_code == 307 and page.headers["location"] == "/events/e_shooting"
    assert [e["action"] for e in client.get(f"/api/events/{new['event_id']}/history").json()["history"]] == ["split", "merge"]
    assert post(client, "e_nope/confirm", {"reviewer": "jd"}).status_code == 404
    assert client.get("/api/events/e_nope/history").status_code == 404


def test_taxonomy_lists_what_review_forms_offer(client: TestClient) -> None:
    body = client.get("/api/taxonomy").json()
    assert body["event_types"]["Riots"] == ["Violent demonstration", "Mob violence"]
    assert "state forces" in body["actor_kinds"] and body["review_statuses"][0] == "unreviewed"
    assert "killed" in body["count_kinds"] and "day" in body["time_precisions"]
