"""The JSON API on a real store filled by the real pipeline (TestClient, no network)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from eventdesk.store import Store
from eventdesk.web.app import create_app

LOCAL = "http://127.0.0.1"  # the server answers only to its own names (tests/web/test_guard.py)
SCHEMA = Path(__file__).resolve().parents[3] / "shared" / "schema" / "event.schema.json"


@pytest.fixture(scope="module")
def client(web_db: str) -> TestClient:
    return TestClient(create_app(web_db, token=None), base_url=LOCAL)


@pytest.fixture(scope="module")
def store(web_db: str) -> Store:
    return Store(web_db)


def events(client: TestClient, **params: object) -> dict:
    response = client.get("/api/events", params={"limit": 5000, **params})
    assert response.status_code == 200, response.text
    return response.json()


def test_list_has_every_event_with_total(client: TestClient, store: Store) -> None:
    body = events(client)
    assert body["total"] == len(store.events()) > 10
    assert body["count"] == len(body["events"]) == body["total"]
    row = body["events"][0]
    assert {"event_id", "event_type", "date", "lat", "lon", "geo_precision", "fatalities", "statuses"} <= set(row)


def test_pagination_pages_do_not_overlap(client: TestClient) -> None:
    first = events(client, limit=5, offset=0)
    second = events(client, limit=5, offset=5)
    assert first["total"] == second["total"] > 10
    ids1 = [r["event_id"] for r in first["events"]]
    ids2 = [r["event_id"] for r in second["events"]]
    assert len(ids1) == len(ids2) == 5 and not set(ids1) & set(ids2)
    assert ids1 + ids2 == [r["event_id"] for r in events(client, limit=10)["events"]]


@pytest.mark.parametrize(
    ("sort", "key"),
    [("date", lambda r: r["date"]), ("fatalities", lambda r: r["fatalities"]), ("sources", lambda r: r["independent_sources"])],
)
@pytest.mark.parametrize("order", ["asc", "desc"])
def test_sort(client: TestClient, sort: str, key, order: str) -> None:  # type: ignore[no-untyped-def]
    rows = [r for r in events(client, sort=sort, order=order)["events"] if r["date"] is not None]
    values = [key(r) for r in rows]
    assert values == sorted(values, reverse=order == "desc")


def test_filter_by_type(client: TestClient, store: Store) -> None:
    body = events(client, type="Protests")
    assert body["total"] == sum(e.event_type == "Protests" for e in store.events()) > 0
    assert {r["event_type"] for r in body["events"]} == {"Protests"}
    both = events(client, type=["Protests", "Riots"])
    assert {r["event_type"] for r in both["events"]} == {"Protests", "Riots"}
    assert events(client, type="Protests,Riots")["total"] == both["total"]


def test_filter_by_sub_type_and_country(client: TestClient) -> None:
    sub = events(client)["events"][0]["sub_event_type"]
    assert {r["sub_event_type"] for r in events(client, sub_type=sub)["events"]} == {sub}
    lk = events(client, country="lk")["events"]
    assert lk and {r["country_code"] for r in lk} == {"LK"}


def test_filter_by_bbox(client: TestClient) -> None:
    rows = events(client, bbox="79.7,6.8,80.0,7.1")["events"]  # Colombo: not Kandy, Galle or Kegalle
    assert rows
    assert all(79.7 <= r["lon"] <= 80.0 and 6.8 <= r["lat"] <= 7.1 for r in rows)
    assert len(rows) < events(client)["total"]


def test_filter_by_dates(client: TestClient) -> None:
    rows = events(client, since="2022-05-01", until="2022-07-31")["events"]
    assert rows and all("2022-05-01" <= r["date"] <= "2022-07-31" for r in rows)


def test_filter_by_independent_sources(client: TestClient) -> None:
    rows = events(client, min_sources=2)["events"]
    assert rows and all(r["independent_sources"] >= 2 for r in rows)
    assert len(rows) < events(client)["total"]


def test_filter_by_status(client: TestClient) -> None:
    rows = events(client, status="claimed")["events"]
    assert rows and all("claimed" in r["statuses"] for r in rows)


def test_filter_by_text_in_summary_or_evidence(client: TestClient) -> None:
    rows = events(client, q="TEAR GAS")["events"]
    assert rows
    for row in rows:
        rec = client.get(f"/api/events/{row['event_id']}").json()
        texts = [rec["summary"]] + [e["text"] for e in rec["evidence"]]
        assert any("tear gas" in t.lower() for t in texts)
    assert events(client, q="100%_no_such_words")["total"] == 0


@pytest.mark.parametrize(
    ("query", "words"),
    [
        ("bbox=1,2", "bbox"),
        ("bbox=0,50,10,40", "latitudes"),
        ("type=Picnics", "unknown value"),
        ("status=rumoured", "status"),
        ("limit=0", "limit"),
        ("limit=100000", "limit"),
        ("offset=-1", "offset"),
        ("since=yesterday", "since"),
        ("since=2022-05-01&until=2022-04-01", "after"),
        ("sort=colour", "sort"),
        ("country=Sri%20Lanka", "two-letter"),
        ("country=Sri%20Lanka", "for Sri Lanka use LK"),
        ("country=LK,XX", "'XX' is no known"),
        ("type=Riot", "use one of: Battles"),
        ("min_sources=-2", "min_sources"),
    ],
)
def test_bad_parameters_are_422_with_a_message(client: TestClient, query: str, words: str) -> None:
    response = client.get(f"/api/events?{query}")
    assert response.status_code == 422
    detail = response.json()["detail"]
    assert isinstance(detail, str) and words in detail


def test_a_known_country_without_events_is_an_empty_page(client: TestClient) -> None:
    body = events(client, country="no")
    assert body["total"] == 0 and body["events"] == []


@pytest.mark.parametrize("path", ["/api/events/e_nope", "/api/stories/s_nope", "/api/stories/s_nope/report", "/api/articles/a_nope"])
def test_unknown_ids_are_404(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert "no " in response.json()["detail"]


@pytest.mark.parametrize("path", ["/events/e_nope", "/stories/s_nope", "/articles/a_nope"])
def test_unknown_pages_are_404(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert "text/html" in response.headers["content-type"]


def test_event_record_matches_schema_and_text(client: TestClient, store: Store) -> None:
    event = max(store.events(), key=lambda e: e.independent_sources)
    rec = client.get(f"/api/events/{event.id}").json()
    if SCHEMA.is_file():
        import jsonschema

        jsonschema.validate(rec, json.loads(SCHEMA.read_text()))
    assert rec["event_id"] == event.id and rec["evidence"]
    for ev in rec["evidence"]:
        article = client.get(f"/api/articles/{ev['article_id']}").json()
        assert article["text"][ev["start"] : ev["end"]] == ev["text"]
    groups = rec["explain"]["source_groups"]
    assert sum(len(g["members"]) for g in groups) == len(rec["sources"])
    assert rec["explain"]["place"]["reason"]


def test_article_has_text_removed_lines_and_spans(client: TestClient, store: Store) -> None:
    article = next(a for a in store.articles() if a.removed and not a.skipped)
    body = client.get(f"/api/articles/{article.id}").json()
    assert body["text"] == article.text and "raw_text" not in body
    assert body["removed"] and all(r["reason"] for r in body["removed"])
    for m in body["mentions"]:
        s = m["sentence"]
        assert body["text"][s["start"] : s["end"]] == s["text"]


def test_stories_story_and_report(client: TestClient, store: Store) -> None:
    listing = client.get("/api/stories").json()
    assert listing["total"] == len(store.stories()) > 0
    story = max(listing["stories"], key=lambda s: s["events"])
    body = client.get(f"/api/stories/{story['id']}").json()
    assert body["title"] == story["title"] and len(body["events"]) == story["events"]
    report = client.get(f"/api/stories/{story['id']}/report").json()
    assert report["markdown"].startswith("# ") and "<h1>" in report["html"]


def test_facets(client: TestClient, store: Store) -> None:
    body = client.get("/api/facets").json()
    assert body["total"] == len(store.events())
    assert sum(f["count"] for f in body["event_type"]) == body["total"]
    assert any(c["value"] == "LK" for c in body["country"])


def test_export_jsonl(client: TestClient) -> None:
    response = client.get("/api/export?format=jsonl&type=Riots")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/x-ndjson")
    assert 'filename="eventdesk-events.jsonl"' in response.headers["content-disposition"]
    lines = [json.loads(line) for line in response.text.splitlines()]
    assert len(lines) == events(client, type="Riots")["total"] > 0
    assert {r["event_type"] for r in lines} == {"Riots"}


def test_export_csv(client: TestClient) -> None:
    response = client.get("/api/export", params={"format": "csv"})
    assert response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == events(client)["total"]
    assert {"event_id_cnty", "event_date", "latitude", "fatalities"} <= set(rows[0])


def test_export_geojson(client: TestClient) -> None:
    response = client.get("/api/export?format=geojson")
    assert response.headers["content-type"].startswith("application/geo+json")
    body = response.json()
    assert body["type"] == "FeatureCollection"
    located = [r for r in events(client)["events"] if r["lat"] is not None]
    assert len(body["features"]) == len(located)


def test_export_rejects_unknown_format(client: TestClient) -> None:
    assert client.get("/api/export?format=xls").status_code == 422


def test_security_headers_on_pages(client: TestClient) -> None:
    for path in ["/", "/docs", "/stories"]:
        response = client.get(path)
        assert response.status_code == 200
        csp = response.headers["content-security-policy"]
        assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp and "script-src 'self'" in csp
        assert "unsafe-inline" not in csp
        assert response.headers["x-content-type-options"] == "nosniff"


def test_docs_are_offline(client: TestClient) -> None:
    assert client.get("/openapi.json").json()["paths"]["/api/events"]
    page = client.get("/docs").text
    assert "http://" not in page and "https://" not in page


def test_static_ui_loads_nothing_from_outside() -> None:
    static = Path(__file__).resolve().parents[2] / "src" / "eventdesk" / "web" / "static"
    for path in [*static.glob("*.html"), *static.glob("js/*.js"), *static.glob("css/*.css")]:
        text = path.read_text(encoding="utf-8")
        assert ".innerHTML" not in text and "insertAdjacentHTML" not in text and "document.write" not in text, path
        assert "//cdn" not in text and "@import" not in text, path
        assert 'src="http' not in text and 'href="http' not in text and "url(http" not in text, path
        assert "<script>" not in text and " style=" not in text, path  # no inline script or style


# -- POST /api/articles -----------------------------------------------------------------

ARTICLE = {
    "text": "Police fired tear gas at hundreds of students marching in Peradeniya on Tuesday, "
    "university officials said. Three students were injured.",
    "url": "https://example.org/peradeniya-post-test",
    "outlet": "Test Wire",
    "published": "2022-04-12",
    "title": "Tear gas at Peradeniya",
    "language": "en",
}


@pytest.fixture()
def empty_db(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'post.db'}"


def test_post_is_absent_when_no_token_is_set(empty_db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("EVENTDESK_TOKEN", raising=False)
    app = create_app(empty_db)
    client = TestClient(app, base_url=LOCAL)
    response = client.post("/api/articles", json=[ARTICLE], headers={"Authorization": "Bearer anything"})
    assert response.status_code == 404
    assert "ingest is disabled" in response.json()["detail"] and "EVENTDESK_TOKEN" in response.json()["detail"]
    assert "/api/articles" not in client.get("/openapi.json").json()["paths"]
    assert not [r for r in app.routes if "POST" in getattr(r, "methods", ())]


def test_post_needs_the_right_bearer_token(empty_db: str) -> None:
    client = TestClient(create_app(empty_db, token="s3cret"), base_url=LOCAL)
    missing = client.post("/api/articles", json=[ARTICLE])
    assert missing.status_code == 401 and missing.headers["www-authenticate"] == "Bearer"
    wrong = client.post("/api/articles", json=[ARTICLE], headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 403


def test_post_token_from_environment(empty_db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EVENTDESK_TOKEN", "from-env")
    client = TestClient(create_app(empty_db), base_url=LOCAL)
    assert client.post("/api/articles", json=[ARTICLE], headers={"Authorization": "Bearer nope"}).status_code == 403


def test_post_validates_the_body(empty_db: str) -> None:
    client = TestClient(create_app(empty_db, token="s3cret"), base_url=LOCAL)
    auth = {"Authorization": "Bearer s3cret"}
    assert client.post("/api/articles", json=[], headers=auth).status_code == 422
    assert client.post("/api/articles", json=[{"url": "x"}], headers=auth).status_code == 422
    assert client.post("/api/articles", json=[ARTICLE | {"published": "soon"}], headers=auth).status_code == 422


def test_post_ingests_through_the_pipeline(empty_db: str) -> None:
    client = TestClient(create_app(empty_db, token="s3cret"), base_url=LOCAL)
    response = client.post("/api/articles", json=[ARTICLE], headers={"Authorization": "Bearer s3cret"})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["stored"] == 1 and len(body["article_ids"]) == 1
    article = client.get(f"/api/articles/{body['article_ids'][0]}").json()
    assert article["outlet"] == "Test Wire" and "Peradeniya" in article["text"]
    assert article["mentions"], "the pipeline found no event in the posted article"
    assert events(client)["total"] >= 1
    again = client.post("/api/articles", json=[ARTICLE], headers={"Authorization": "Bearer s3cret"}).json()
    assert again["stored"] == 0 and again["already_stored"] == 1
