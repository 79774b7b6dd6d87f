"""The commands that read a store: they never create one, refuse filters that can match nothing,
and export one story's events. The store is written record by record (no pipeline): two
stories, three events.
"""

from __future__ import annotations

import csv
import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from eventdesk.cli import main
from eventdesk.records import Event, Place, Story, When
from eventdesk.store import Store

READERS = [
    ["events"],
    ["events", "--type", "Riots"],
    ["export", "--format", "csv"],
    ["stories"],
    ["articles"],
    ["articles", "--failed"],
    ["show", "e_0123456789abcdef"],
    ["report"],
    ["serve"],
]


def _cli(*args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(main, list(args), env=env)


@pytest.fixture
def elsewhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder with no database in it, as the working directory, and no $EVENTDESK_DB."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("EVENTDESK_DB", raising=False)
    monkeypatch.delenv("EVENTDESK_TOKEN", raising=False)
    return tmp_path


@pytest.fixture
def no_server(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """uvicorn.run replaced by a recorder: `serve` must refuse before it starts a server."""
    import uvicorn

    started: list[str] = []
    monkeypatch.setattr(uvicorn, "run", lambda *a, **k: started.append("started"))
    return started


@pytest.mark.parametrize("args", READERS, ids=" ".join)
def test_readers_refuse_a_missing_database_and_create_none(args: list[str], elsewhere: Path, no_server: list[str]) -> None:
    result = _cli(*args)
    assert result.exit_code == 1, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, lines
    assert str(elsewhere / "eventdesk.db") in lines[0] and "eventdesk run" in lines[0] and "--db" in lines[0]
    assert not no_server
    assert list(elsewhere.iterdir()) == []  # no database file, no WAL, no lock left behind


def test_readers_refuse_a_missing_database_named_by_db(elsewhere: Path) -> None:
    result = _cli("events", "--db", "sqlite:///sub/typo.db")
    assert result.exit_code == 1
    assert str(elsewhere / "sub" / "typo.db") in result.output
    assert not (elsewhere / "sub").exists()


def test_readers_refuse_a_database_without_tables(elsewhere: Path) -> None:
    (elsewhere / "blank.db").touch()
    result = _cli("stories", "--db", "sqlite:///blank.db")
    assert result.exit_code == 1
    assert "no eventdesk tables" in result.output and "eventdesk run" in result.output
    with sqlite3.connect(elsewhere / "blank.db") as conn:
        assert conn.execute("SELECT count(*) FROM sqlite_master").fetchone() == (0,)  # no tables made


def test_run_still_creates_the_database_and_readers_then_read_it(elsewhere: Path) -> None:
    (elsewhere / "empty.txt").write_text("")
    assert _cli("run", "empty.txt").exit_code == 2  # nothing processable, but the store is made
    assert (elsewhere / "eventdesk.db").is_file()
    result = _cli("stories")
    assert result.exit_code == 0, result.output


def test_serve_with_ingest_on_may_start_a_database(elsewhere: Path, no_server: list[str]) -> None:
    result = _cli("serve", "--db", "sqlite:///new.db", env={"EVENTDESK_TOKEN": "secret"})
    assert result.exit_code == 0, result.output
    assert no_server == ["started"] and (elsewhere / "new.db").is_file()


def test_store_refuses_only_when_asked_not_to_create(tmp_path: Path) -> None:
    from eventdesk.errors import StoreMissingError

    url = f"sqlite:///{tmp_path}/s.db"
    with pytest.raises(StoreMissingError, match="no database at"):
        Store(url, create=False)
    assert not (tmp_path / "s.db").exists()
    Store(url).close()
    Store(url, create=False).close()  # exists now


# -- a small desk: story s_colombo (a riot and a protest in Sri Lanka), story s_almaty (a protest in Kazakhstan)

COLOMBO = Place(name="Colombo", country="Sri Lanka", country_code="LK", lat=6.93, lon=79.85, geo_precision=1)
ALMATY = Place(name="Almaty", country="Kazakhstan", country_code="KZ", lat=43.25, lon=76.95, geo_precision=1)


def _event(eid: str, story: str, etype: str, sub: str, place: Place, day: int, seq: int) -> Event:
    return Event(id=eid, story_id=story, event_type=etype, sub_event_type=sub, summary=f"{sub} in {place.name}",
                 when=When(value=date(2022, 5, day), precision="day"), place=place, seq=seq)  # fmt: skip


@pytest.fixture
def desk(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path}/desk.db"
    store = Store(url)
    stories = [Story(id="s_colombo", title="Unrest in Colombo", seq=1), Story(id="s_almaty", title="Almaty rally", seq=2)]
    events = [
        _event("e_riot", "s_colombo", "Riots", "Violent demonstration", COLOMBO, 9, 1),
        _event("e_march", "s_colombo", "Protests", "Peaceful protest", COLOMBO, 10, 2),
        _event("e_rally", "s_almaty", "Protests", "Peaceful protest", ALMATY, 11, 3),
    ]
    store.save_link({}, stories, events, {})
    store.close()
    return url


def _ids(output: str) -> list[str]:
    """The event ids of the `events` table (tab-separated when not a terminal)."""
    return [line.split("\t")[0] for line in output.splitlines()[1:] if line.startswith("e_")]


@pytest.mark.parametrize("command", ["events", "export"])
@pytest.mark.parametrize(
    ("option", "value", "words"),
    [
        ("--type", "Riot", ["--type", "'Riot'", "use one of", "Riots", "Protests", "Strategic developments"]),
        ("--type", "Looting", ["--type", "'Looting'", "Riots"]),
        ("--country", "Sri Lanka", ["--country", "'Sri Lanka'", "two-letter", "LK"]),
        ("--country", "Kazakstan", ["did you mean Kazakhstan (KZ)"]),
        ("--country", "XX", ["'XX'", "no known", "LK"]),
    ],
)
def test_filters_that_can_match_nothing_are_refused(desk: str, command: str, option: str, value: str, words: list[str]) -> None:
    result = _cli(command, "--db", desk, option, value)
    assert result.exit_code == 1, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), lines
    for word in words:
        assert word in lines[0]


def test_known_values_filter_in_any_case(desk: str) -> None:
    assert _ids(_cli("events", "--db", desk, "--type", "riots", "--country", "lk").output) == ["e_riot"]
    assert _ids(_cli("events", "--db", desk, "--type", "PROTESTS").output) == ["e_march", "e_rally"]
    assert _ids(_cli("events", "--db", desk, "--country", "KZ").output) == ["e_rally"]


def test_a_known_country_without_events_is_an_empty_answer(desk: str, tmp_path: Path) -> None:
    result = _cli("events", "--db", desk, "--country", "NO")
    assert result.exit_code == 0, result.output
    assert _ids(result.output) == []
    out = tmp_path / "none.jsonl"
    result = _cli("export", "--db", desk, "--country", "no", "-o", str(out))
    assert result.exit_code == 0 and out.read_text() == ""


def _exported_ids(fmt: str, text: str) -> list[str]:
    if fmt == "jsonl":
        return [json.loads(line)["event_id"] for line in text.splitlines()]
    if fmt == "csv":
        return [row["event_id"] for row in csv.DictReader(text.splitlines())]
    return [f["properties"]["event_id"] for f in json.loads(text)["features"]]


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "geojson"])
def test_export_story_writes_only_that_storys_events(desk: str, fmt: str, tmp_path: Path) -> None:
    everything = _cli("export", "--db", desk, "--format", fmt)
    assert sorted(_exported_ids(fmt, everything.output)) == ["e_march", "e_rally", "e_riot"]
    out = tmp_path / f"colombo.{fmt}"
    result = _cli("export", "--db", desk, "--format", fmt, "--story", "s_colombo", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert _exported_ids(fmt, out.read_text()) == ["e_riot", "e_march"]
    assert "2 events written" in result.output
    almaty = _cli("export", "--db", desk, "--format", fmt, "--story", "s_almaty", "--type", "protests")
    assert _exported_ids(fmt, almaty.output) == ["e_rally"]


@pytest.mark.parametrize("command", ["export", "events"])
def test_an_unknown_story_is_an_error_and_writes_nothing(desk: str, command: str, tmp_path: Path) -> None:
    out = tmp_path / "s.jsonl"
    result = _cli(command, "--db", desk, "--story", "s_nope", *(["-o", str(out)] if command == "export" else []))
    assert result.exit_code == 3
    assert result.output.strip() == "error: no story with id 's_nope'; list them with `eventdesk stories`"
    assert not out.exists()
