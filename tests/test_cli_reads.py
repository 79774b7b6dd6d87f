"""The commands that read a store: they never create one, and refuse filters that match nothing."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from eventdesk.cli import main
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
