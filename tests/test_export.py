"""The exports on a small real store: ACLED's columns in the CSV and XLSX, formula injection
neutralised, outlets as sources, the JSONL's ACLED fields valid against the shared schema."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventdesk.cli import main
from eventdesk.records import Actor, Article, Count, Event, Mention, Place, Source, TextSpan, When
from eventdesk.store import Store

SCHEMA = Path(__file__).resolve().parents[2] / "shared" / "schema" / "event.schema.json"
# ACLED's columns as the ACLED Codebook lists them, written out here rather than imported.
ACLED_31 = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
]  # fmt: skip
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _article(name: str, text: str, outlet: str | None, url: str | None) -> Article:
    return Article(id=Article.make_id(text, url), source=f"{name}.txt", text=text, raw_text=text, outlet=outlet,
                   url=url, published=date(2022, 7, 10))  # fmt: skip


def _mention(article: Article, event_type: str, sub_type: str, trigger: str) -> Mention:
    start = article.text.index(trigger)
    return Mention(
        id=Mention.make_id(article.id, start, event_type), article_id=article.id, event_type=event_type,
        sub_event_type=sub_type, trigger=TextSpan(start=start, end=start + len(trigger), text=trigger),
        sentence=TextSpan(start=0, end=len(article.text), text=article.text),
    )  # fmt: skip


RIOT = "A mob attacked  shoppers in Colombo on Saturday,\nkilling two to three people."
RIOT_COPY = "A mob attacked shoppers in Colombo on Saturday, killing at least two people."
HOSTILE = "=HYPERLINK(\"http://evil.example\") protesters marched in +Town on Sunday."


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """Two articles (one without an outlet) on a riot in Colombo, one hostile article on a protest."""
    store = Store(f"sqlite:///{tmp_path}/x.db")
    a1 = _article("a1", RIOT, "Daily Mirror", "https://www.dailymirror.lk/riot")
    a2 = _article("a2", RIOT_COPY, None, "https://www.newsfirst.lk/riot")
    a3 = _article("a3", HOSTILE, "@Outlet+", None)
    m1, m2 = (_mention(a, "Riots", "Mob violence", "attacked") for a in (a1, a2))
    m3 = _mention(a3, "Protests", "Peaceful protest", "marched")
    for article, mention in ((a1, m1), (a2, m2), (a3, m3)):
        store.write_article(article, [mention], {})
    riot = Event(
        id="e_00000000000000ff", story_id="s_1", event_type="Riots", sub_event_type="Mob violence",
        summary="Mob violence (Riots) by Rioters (Sri Lanka) involving Civilians (Sri Lanka) in Colombo.",
        when=When(value=date(2022, 7, 9), precision="day"),
        place=Place(name="Colombo", country="Sri Lanka", country_code="LK", admin1="Western", lat=6.93, lon=79.85,
                    geo_precision=1),
        actors=[Actor(name="Rioters (Sri Lanka)", role="actor1", kind="rioters"),
                Actor(name="Civilians (Sri Lanka)", role="actor2", kind="civilians"),
                Actor(name="Youth League", role="associated", kind="organisation")],
        counts=[Count(kind="killed", low=2, high=3, best=2, text="two to three people", start=0, end=1),
                Count(kind="participants", low=100, high=None, best=100, text="hundreds of\nyouths", start=0, end=1)],
        mention_ids=[m1.id, m2.id],
        sources=[Source(article_id=a1.id, outlet="Daily Mirror", url=a1.url),
                 Source(article_id=a2.id, outlet=None, url=a2.url, copy_of=a1.id)],
        articles=2, independent_sources=1, seq=1,
    )  # fmt: skip
    protest = Event(
        id="e_0000000000000001", story_id="s_2", event_type="Protests", sub_event_type="Peaceful protest",
        summary="-1+1 protest",
        when=When(value=None, precision="unknown"),
        place=Place(name="=Town", lon=-0.5, lat=-12.25, geo_precision=2),
        actors=[Actor(name="@Protesters", role="actor1", kind="protesters")],
        mention_ids=[m3.id], sources=[Source(article_id=a3.id, outlet="@Outlet+")],
        conflicts=["+counts differ"], articles=1, independent_sources=1, seq=2,
    )  # fmt: skip
    with monkeypatch.context() as clock:
        clock.setattr("eventdesk.store.time.time", lambda: 1_657_500_000.7)
        store.save_link({}, [], [riot, protest], {m1.id: riot.id, m2.id: riot.id, m3.id: protest.id})
    return store.url


def _export(db: str, fmt: str, out: Path) -> Path:
    result = CliRunner().invoke(main, ["export", "--db", db, "--format", fmt, "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out


def _csv(db: str, tmp_path: Path) -> tuple[list[str], dict[str, dict[str, str]]]:
    text = _export(db, "csv", tmp_path / "e.csv").read_text(encoding="utf-8")
    reader = csv.DictReader(io.StringIO(text))
    rows = {row["event_id"]: row for row in reader}
    return list(reader.fieldnames or []), rows


def test_csv_has_acleds_31_columns_in_acleds_order_then_ours(db: str, tmp_path: Path) -> None:
    header, _ = _csv(db, tmp_path)
    assert header[:31] == ACLED_31
    assert {"event_id", "confidence", "status", "scope", "background", "story_id", "independent_sources",
            "fatalities_range", "counts"} <= set(header[31:])  # fmt: skip


def test_csv_row_codes_the_event_as_acled_does(db: str, tmp_path: Path) -> None:
    row = _csv(db, tmp_path)[1]["e_00000000000000ff"]
    assert row["event_id_cnty"] == "LKA255"  # ISO alpha-3, then the id's hash as a number
    assert (row["event_date"], row["year"], row["time_precision"]) == ("2022-07-09", "2022", "1")
    assert row["disorder_type"] == "Political violence; Demonstrations"
    assert (row["actor1"], row["inter1"], row["actor2"], row["inter2"]) == ("Rioters (Sri Lanka)", "5", "Civilians (Sri Lanka)", "7")
    assert (row["assoc_actor_1"], row["assoc_actor_2"], row["interaction"]) == ("Youth League", "", "57")
    assert row["civilian_targeting"] == "Civilian targeting"
    assert (row["iso"], row["region"], row["country"], row["admin1"]) == ("144", "South Asia", "Sri Lanka", "Western")
    assert (row["location"], row["latitude"], row["longitude"], row["geo_precision"]) == ("Colombo", "6.93", "79.85", "1")
    assert (row["fatalities"], row["fatalities_range"]) == ("2", "2-3")
    assert row["tags"] == "crowd size=hundreds of youths"
    assert row["notes"].startswith("Mob violence (Riots)") and '"A mob attacked shoppers in Colombo' in row["notes"]
    assert "\n" not in row["notes"]
    assert row["timestamp"] == "1657500000"
    assert row["status"] == "reported" and row["counts"] == "killed 2-3; participants 100+"


def test_csv_source_names_the_outlets_never_article_ids(db: str, tmp_path: Path) -> None:
    rows = _csv(db, tmp_path)[1]
    assert rows["e_00000000000000ff"]["source"] == "Daily Mirror; newsfirst.lk"  # no outlet: the URL's host
    for row in rows.values():
        assert "a_" not in row["source"]


def test_csv_without_actor2_or_country(db: str, tmp_path: Path) -> None:
    row = _csv(db, tmp_path)[1]["e_0000000000000001"]
    assert row["event_id_cnty"] == "1"  # no country, no ISO prefix
    assert (row["inter1"], row["inter2"], row["interaction"]) == ("6", "0", "60")
    assert (row["iso"], row["region"], row["civilian_targeting"], row["year"], row["time_precision"]) == ("", "", "", "", "3")
    assert row["disorder_type"] == "Demonstrations" and row["tags"] == "crowd size=no report"


def test_csv_neutralises_formulas_in_every_text_column(db: str, tmp_path: Path) -> None:
    row = _csv(db, tmp_path)[1]["e_0000000000000001"]
    assert row["actor1"] == "'@Protesters"
    assert row["location"] == "'=Town"
    assert row["source"] == "'@Outlet+"
    assert row["conflicts"] == "'+counts differ"
    assert row["notes"].startswith("'-1+1 protest")
    assert (row["latitude"], row["longitude"]) == ("-12.25", "-0.5")  # numbers stay numbers
    for column, value in row.items():
        if column not in ("latitude", "longitude"):
            assert not value.startswith(FORMULA_STARTS), (column, value)


def test_xlsx_round_trips_the_csv(db: str, tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    header, rows = _csv(db, tmp_path)
    book = openpyxl.load_workbook(_export(db, "xlsx", tmp_path / "e.xlsx"))
    sheet = book["events"]
    values = list(sheet.iter_rows(values_only=True))
    assert list(values[0]) == header
    got = {r[header.index("event_id")]: r for r in values[1:]}
    assert set(got) == set(rows)
    for event_id, row in rows.items():
        assert ["" if v is None else str(v) for v in got[event_id]] == [row[c] for c in header]
    assert not [c.coordinate for line in sheet.iter_rows() for c in line if c.data_type == "f"]  # no formula
    assert got["e_0000000000000001"][header.index("longitude")] == -0.5
    assert got["e_0000000000000001"][header.index("location")] == "'=Town"


def test_xlsx_needs_a_file(db: str) -> None:
    result = CliRunner().invoke(main, ["export", "--db", db, "--format", "xlsx"])
    assert result.exit_code == 2
    assert "binary workbook" in result.output and "--out FILE" in result.output


def test_xlsx_drops_characters_a_workbook_cannot_hold_before_neutralising() -> None:
    openpyxl = pytest.importorskip("openpyxl")
    from eventdesk.export import CSV_COLUMNS, write_xlsx

    buf = io.BytesIO()
    write_xlsx([dict.fromkeys(CSV_COLUMNS, "") | {"notes": "\x01=1+1", "event_id": "e_1"}], buf)
    buf.seek(0)
    values = list(openpyxl.load_workbook(buf)["events"].iter_rows(values_only=True))
    assert values[1][CSV_COLUMNS.index("notes")] == "'=1+1"


def test_jsonl_has_acleds_codes_and_is_valid_against_the_shared_schema(db: str, tmp_path: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    if not SCHEMA.is_file():
        pytest.skip(f"the shared schema is absent at {SCHEMA}")
    validator = jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))
    records = {r["event_id"]: r for r in map(json.loads, _export(db, "jsonl", tmp_path / "e.jsonl").read_text().splitlines())}
    for rec in records.values():
        assert not [e.message for e in validator.iter_errors(rec)]
    riot, protest = records["e_00000000000000ff"], records["e_0000000000000001"]
    assert {k: riot[k] for k in ("disorder_type", "inter1", "inter2", "interaction", "civilian_targeting")} == {
        "disorder_type": "Political violence; Demonstrations", "inter1": 5, "inter2": 7, "interaction": 57,
        "civilian_targeting": True}  # fmt: skip
    assert [a["acled_kind"] for a in riot["actors"]] == ["rioters", "civilians", None]
    assert (protest["inter2"], protest["interaction"], protest["civilian_targeting"]) == (0, 60, False)


def test_the_web_download_is_the_cli_export(db: str, tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    from fastapi.testclient import TestClient

    from eventdesk.web.app import create_app

    client = TestClient(create_app(db, token=None), base_url="http://127.0.0.1")
    response = client.get("/api/export", params={"format": "xlsx", "scope": "all"})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/vnd.openxmlformats-officedocument.spreadsheetml")
    assert 'filename="eventdesk-events.xlsx"' in response.headers["content-disposition"]
    web = list(openpyxl.load_workbook(io.BytesIO(response.content))["events"].iter_rows(values_only=True))
    cli = list(openpyxl.load_workbook(_export(db, "xlsx", tmp_path / "e.xlsx"))["events"].iter_rows(values_only=True))
    assert sorted(web[1:], key=str) == sorted(cli[1:], key=str) and web[0] == cli[0]
    text = client.get("/api/export", params={"format": "csv"}).text
    assert text.splitlines()[0].split(",")[:31] == ACLED_31


def test_an_event_stored_before_the_store_kept_times_has_no_timestamp(db: str, tmp_path: Path) -> None:
    from sqlalchemy import update

    from eventdesk.store import schema as t

    store = Store(db)
    with store.engine.begin() as conn:
        conn.execute(update(t.events).values(changed=None))
    assert {row["timestamp"] for row in _csv(db, tmp_path)[1].values()} == {""}
