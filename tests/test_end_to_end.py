"""The whole path on real articles: run → store → link → export, re-runs and interruptions."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventdesk.cli import main
from eventdesk.store import Store

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples" / "articles"

SCHEMA = SHARED / "schema" / "event.schema.json"


def _run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def samples_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    samples = SHARED / "samples"
    if not samples.is_dir():
        pytest.skip(f"../shared/samples not found at {samples}")
    url = f"sqlite:///{tmp_path_factory.mktemp('samples')}/s.db"
    result = _run("run", str(samples), "--db", url)
    assert result.exit_code == 0, result.output
    return url


def test_samples_give_events_valid_against_the_shared_schema(samples_db: str, tmp_path: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    validator = jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text()))
    out = tmp_path / "s.jsonl"
    assert _run("export", "--db", samples_db, "--format", "jsonl", "-o", str(out)).exit_code == 0
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(records) >= 3
    for rec in records:
        errors = [e.message for e in validator.iter_errors(rec)]
        assert not errors, (rec["event_id"], errors)


def test_every_evidence_text_is_the_cleaned_text_at_its_offsets(samples_db: str) -> None:
    store = Store(samples_db)
    texts = {a.id: a.text for a in store.articles()}
    from eventdesk.export import iter_records

    n = 0
    for rec in iter_records(store):
        for ev in rec["evidence"]:
            assert texts[ev["article_id"]][ev["start"] : ev["end"]] == ev["text"]
            n += 1
        for c in rec["counts"]:
            assert c["text"]
    assert n >= 3


def test_no_event_comes_from_boilerplate(samples_db: str) -> None:
    store = Store(samples_db)
    for m in store.mentions():
        assert not m.sentence.text.lower().startswith(("also read", "check also", "source link"))


def test_rerunning_leaves_the_same_database(samples_db: str) -> None:
    store = Store(samples_db)
    before = store.dump()
    result = _run("run", str(SHARED / "samples"), "--db", samples_db)
    assert result.exit_code == 0 and "0 new" in result.output
    assert store.dump() == before


def test_csv_and_geojson_exports(samples_db: str, tmp_path: Path) -> None:
    import csv

    _run("export", "--db", samples_db, "--format", "csv", "-o", str(tmp_path / "e.csv"))
    rows = list(csv.DictReader((tmp_path / "e.csv").open()))
    assert rows and {"event_date", "event_type", "sub_event_type", "actor1", "latitude", "geo_precision"} <= set(rows[0])
    _run("export", "--db", samples_db, "--format", "geojson", "-o", str(tmp_path / "e.geojson"))
    fc = json.loads((tmp_path / "e.geojson").read_text())
    assert fc["type"] == "FeatureCollection"
    assert all(f["geometry"]["type"] == "Point" for f in fc["features"])


def test_show_lists_evidence_with_attribution_and_status(samples_db: str) -> None:
    event = Store(samples_db).events()[0]
    result = _run("show", event.id, "--db", samples_db)
    assert result.exit_code == 0
    assert "[reported" in result.output or "[claimed" in result.output or "[unverified" in result.output
    assert _run("show", "e_nosuchevent", "--db", samples_db).exit_code == 3


def test_unreadable_files_are_reported_and_the_batch_goes_on(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "good.txt").write_text(
        "Police arrested 40 protesters in Colombo on Saturday after a march on parliament.\n"
    )
    url = f"sqlite:///{tmp_path}/b.db"
    result = _run("run", str(tmp_path), "--db", url)
    assert result.exit_code == 0, result.output
    assert "empty.txt:" in result.output
    assert len(Store(url).articles()) == 1
    assert Store(url).failures()[0][0].endswith("empty.txt")


def test_nothing_processable_exits_non_zero(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    assert _run("run", str(tmp_path / "empty.txt"), "--db", f"sqlite:///{tmp_path}/e.db").exit_code == 2


def _corpus(tmp_path: Path) -> Path:
    """Our examples/, twice over with a distinguishing last line, so a run takes a while."""
    if not EXAMPLES.is_dir() or not any(EXAMPLES.glob("*.txt")):
        pytest.skip("examples/ is empty")
    corpus = tmp_path / "corpus"
    shutil.copytree(EXAMPLES, corpus)
    for path in sorted(EXAMPLES.glob("*.txt")):
        if path.stat().st_size:
            (corpus / f"zz_{path.name}").write_text(path.read_text() + "\n\nUpdated later the same day.\n")
    return corpus


def _stored(db_path: str) -> int:
    """Articles stored so far, read without touching the schema (the run may be creating it)."""
    import sqlite3

    try:
        with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=0.1) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return 0


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "eventdesk.cli", *args]


def test_a_killed_run_completes_on_rerun_to_the_same_database(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    ref_url = f"sqlite:///{tmp_path}/ref.db"
    subprocess.run(_cli("run", str(corpus), "--db", ref_url, "--batch-size", "1"), check=True, capture_output=True)
    total = len(Store(ref_url).articles())
    url = f"sqlite:///{tmp_path}/killed.db"
    proc = subprocess.Popen(_cli("run", str(corpus), "--db", url, "--batch-size", "1"),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    deadline = time.monotonic() + 300
    db_path = url.removeprefix("sqlite:///")
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
        if _stored(db_path) >= 3:
            break
    assert proc.poll() is None, "the run finished before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert 0 < len(Store(url).articles()) < total
    assert Store(url).events() == []  # the link step had not run
    subprocess.run(_cli("run", str(corpus), "--db", url, "--batch-size", "1"), check=True, capture_output=True)
    assert Store(url).dump() == Store(ref_url).dump()


def test_postgres_gives_the_same_events_as_sqlite(samples_db: str, pg_url: str) -> None:
    from eventdesk.export import iter_records

    result = _run("run", str(SHARED / "samples"), "--db", pg_url)
    assert result.exit_code == 0, result.output
    assert list(iter_records(Store(pg_url))) == list(iter_records(Store(samples_db)))
