"""`eventdesk eval records`: the shared scorer's verdicts and figures, reproduced."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventdesk.cli import main
from eventdesk.evaluate.records import DeskArticle, evaluate_records, load_desk_gold, score
from eventdesk.evaluate.split import part_of

ROOT = Path(__file__).resolve().parents[2]

# A tiny gold of our own: two articles, invented text.
TEXT_A = (
    "Gunmen killed four villagers in Tanga on Monday, police said. "
    "Hundreds of teachers marched through Dodoma on Tuesday to demand back pay. "
    "Officers arrested 12 people after the march. "
    "The minister promised a new budget."
)
GOLD_ATTACK = {
    "scope": "acled", "background": False, "event_type": "Violence against civilians", "sub_event_type": "Attack",
    "evidence": ["Gunmen killed four villagers in Tanga on Monday, police said."],
    "place": {"name": "Tanga", "country_code": "TZ", "lat": -5.07, "lon": 39.1, "geo_precision": 1},
    "date": {"value": "2024-03-04", "precision": "day"},
    "counts": [{"kind": "killed", "low": 4, "high": 4, "best": 4}],
    "actor1": {"name": "Unidentified Armed Group (Tanzania)", "kind": "rebel group"},
    "actor2": {"name": "Civilians (Tanzania)", "kind": "civilians"},
    "status": "claimed", "attributed_to": "police",
}  # fmt: skip
GOLD_MARCH = {
    "scope": "acled", "background": False, "event_type": "Protests", "sub_event_type": "Peaceful protest",
    "evidence": ["Hundreds of teachers marched through Dodoma on Tuesday to demand back pay."],
    "place": {"name": "Dodoma", "country_code": "TZ", "lat": -6.17, "lon": 35.74, "geo_precision": 1},
    "date": {"value": "2024-03-05", "precision": "day"}, "counts": [],
    "actor1": {"name": "Protesters (Tanzania)", "kind": "protesters"}, "actor2": None, "status": "reported",
}  # fmt: skip
GOLD_ARRESTS = {
    "scope": "acled", "background": False, "event_type": "Strategic developments", "sub_event_type": "Arrests",
    "evidence": ["Officers arrested 12 people after the march."], "place": None,
    "date": {"value": "2024-03-05", "precision": "day"},
    "counts": [{"kind": "arrested", "low": 12, "high": 12, "best": 12}],
    "actor1": {"name": "Police Forces of Tanzania", "kind": "state forces"},
    "actor2": {"name": "Protesters (Tanzania)", "kind": "protesters"}, "status": "reported",
}  # fmt: skip


def _record(event_id: str, sentence: str, **fields: object) -> dict:
    """An exported event (the JSONL contract) with one evidence sentence in article a."""
    base = {
        "event_id": event_id, "event_type": "Violence against civilians", "sub_event_type": "Attack",
        "date": {"value": "2024-03-04", "precision": "day"},
        "location": {"name": "Tanga", "country_code": "TZ", "lat": -5.1, "lon": 39.05, "geo_precision": 1},
        "actors": [{"role": "actor1", "kind": "armed group"}, {"role": "actor2", "kind": "civilians"}],
        "counts": [{"kind": "killed", "low": 4, "high": 4, "best": 4}],
        "evidence": [{"article_id": "A", "text": sentence, "status": "claimed"}],
        "sources": [{"article_id": "A", "url": "desk://a"}],
    }  # fmt: skip
    base.update(fields)
    return base


ATTACK = GOLD_ATTACK["evidence"][0]


def _verdicts(records: list[dict], events: tuple[dict, ...] = (GOLD_ATTACK, GOLD_MARCH, GOLD_ARRESTS)) -> list[str]:
    tally = score([DeskArticle(doc_id="a", text=TEXT_A, split="tune", events=events)], records)["all"]
    return [line.split("\t")[3] if "\tMISSED\t" not in line else "MISSED " + line.split("\t")[2] for line in tally.listing]


def test_match_duplicate_spurious_and_missed() -> None:
    records = [
        _record("e1", ATTACK),
        # overlaps the same gold event, with the wrong type: the better record takes the match
        _record("e2", "gunmen killed four villagers in Tanga on Monday", event_type="Battles"),
        _record("e3", "The minister promised a new budget."),
    ]
    assert _verdicts(records) == [
        "match ALL-RIGHT", "duplicate", "spurious",
        "MISSED Protests/Peaceful protest", "MISSED Strategic developments/Arrests",
    ]  # fmt: skip
    tally = score([DeskArticle(doc_id="a", text=TEXT_A, events=(GOLD_ATTACK, GOLD_MARCH, GOLD_ARRESTS))], records)["all"]
    line = tally.summary_line()
    assert line.startswith("fully_right=0.333 precision=0.333 lenient_precision=0.333 dup_rate=0.333 spurious_rate=0.333 recall=0.333")
    assert line.endswith("records=3 gold=3 articles=1")


@pytest.mark.parametrize(
    ("fields", "wrong"),
    [
        ({"event_type": "Battles", "sub_event_type": "Armed clash"}, "type,sub_type"),
        ({"sub_event_type": "Abduction/forced disappearance"}, "sub_type"),
        ({"location": {"country_code": "KE", "lat": -4.05, "lon": 39.67, "geo_precision": 1}}, "place"),  # Mombasa, ~130 km
        ({"location": {}}, "place"),  # the gold names a town; no coordinates is wrong
        ({"date": {"value": "2024-03-01", "precision": "day"}}, "date"),
        ({"date": {"value": None, "precision": "unknown"}}, "date"),
        ({"counts": [{"kind": "killed", "low": 40, "high": 40, "best": 40}]}, "counts"),
        ({"counts": [{"kind": "killed", "best": 4}, {"kind": "injured", "best": 2}]}, "counts"),  # a kind the gold lacks
        ({"actors": [{"role": "actor1", "kind": "civilians"}, {"role": "actor2", "kind": "civilians"}]}, "actors"),
        ({"actors": [{"role": "actor1", "kind": "armed group"}]}, "actors"),  # actor2 missing
        ({"evidence": [{"article_id": "A", "text": ATTACK, "status": "reported"}]}, "status"),
    ],
)
def test_each_field_wrong_on_purpose(fields: dict, wrong: str) -> None:
    verdict = _verdicts([_record("e1", ATTACK, **fields)])[0]
    assert re.sub(r"\[[^]]*\]", "", verdict) == f"match wrong: {wrong}"  # less --list's [want ... got ...]
    assert wrong not in ("counts", "actors", "status") or f"{wrong}[want " in verdict


def test_background_match_is_not_current() -> None:
    background = {**GOLD_ATTACK, "background": True}
    tally = score([DeskArticle(doc_id="a", text=TEXT_A, events=(background,))], [_record("e1", ATTACK)])["all"]
    assert tally.listing[0].split("\t")[3] == "background wrong: "  # the contract: never fully right, no field wrong
    assert (tally.current, tally.background, tally.fully_right, tally.gold_current) == (0, 1, 0, 0)


def test_place_without_gold_point_and_week_precision() -> None:
    gold = {**GOLD_ARRESTS, "date": {"value": "2024-03-05", "precision": "week"}}
    country_point = {"country_code": "TZ", "lat": -6.0, "lon": 35.0, "geo_precision": 3}
    ok = _record("e1", GOLD_ARRESTS["evidence"][0], event_type="Strategic developments", sub_event_type="Arrests",
                 location=country_point, date={"value": "2024-03-10", "precision": "day"},
                 counts=[{"kind": "arrested", "low": 12, "high": 12, "best": 12}],
                 actors=[{"role": "actor1", "kind": "police"}, {"role": "actor2", "kind": "protesters"}],
                 evidence=[{"article_id": "A", "text": GOLD_ARRESTS["evidence"][0], "status": "reported"}])  # fmt: skip
    assert _verdicts([ok], (gold,)) == ["match ALL-RIGHT"]
    town = {"country_code": "TZ", "lat": -6.17, "lon": 35.74, "geo_precision": 1}
    assert _verdicts([{**ok, "location": town}], (gold,)) == ["match wrong: place"]


def test_parts_add_up_and_the_split_is_fixed() -> None:
    a = DeskArticle(doc_id="a", text=TEXT_A, split="tune", events=(GOLD_ATTACK,))
    b = DeskArticle(doc_id="b", text=TEXT_A, split="check", events=(GOLD_MARCH,))
    rec_b = _record("e9", GOLD_MARCH["evidence"][0], sources=[{"article_id": "B", "url": "desk://b"}],
                    evidence=[{"article_id": "B", "text": GOLD_MARCH["evidence"][0], "status": "reported"}])  # fmt: skip
    parts = score([a, b], [_record("e1", ATTACK), rec_b])
    assert (parts["tune"].records, parts["check"].records, parts["all"].records) == (1, 1, 2)
    assert parts["tune"].fully_right == 1 and parts["check"].fully_right == 0
    assert part_of({"doc_id": "x", "split": "check"}) == "check"
    assert part_of({"doc_id": "doc-1"}) == part_of({"doc_id": "doc-1", "text": "other"})  # by the key only
    assert part_of({"topic": "7", "doc_id": "7_1ecb"}, "stories") == part_of({"topic": "7", "doc_id": "7_9ecbplus"}, "stories")


def test_cli_scores_an_export(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"doc_id": "a", "split": "tune", "text": TEXT_A, "events": [GOLD_ATTACK]}) + "\n")
    export = tmp_path / "export.jsonl"
    export.write_text(json.dumps(_record("e1", ATTACK)) + "\n")
    result = CliRunner().invoke(main, ["eval", "records", "--gold", str(gold), "--export", str(export), "--list"])
    assert result.exit_code == 0, result.output
    lines = result.output.strip().splitlines()
    assert lines[0].startswith("a\te1\t") and "match ALL-RIGHT" in lines[0]
    assert lines[-1].startswith("fully_right=1.000 precision=1.000")


def test_same_figures_as_the_shared_scorer(shared: Path, tmp_path: Path) -> None:
    gold = shared / "data" / "desk-gold" / "desk_dev.jsonl"
    scorer = shared / "tools" / "score_records.py"
    if not gold.is_file() or not scorer.is_file():
        pytest.skip("the desk gold or the shared scorer is absent")
    assert {a.split for a in load_desk_gold(gold)} == {"tune", "check"}
    cli = ROOT / ".venv" / "bin" / "eventdesk"
    if not cli.exists():
        cli = Path(sys.executable).with_name("eventdesk")
    done = subprocess.run([sys.executable, str(scorer), str(gold), "--cli", str(cli)],
                          capture_output=True, text=True, cwd=tmp_path, timeout=900)  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    theirs = done.stdout.strip().splitlines()[-1]
    report = evaluate_records(gold)
    assert report.summary_line() == theirs
    assert report.details()[-4:-1] == [f"[all] {line}" for line in done.stdout.strip().splitlines()[-4:-1]]
