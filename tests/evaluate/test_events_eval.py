"""Event evaluation: the PLOVER dev floor and the article gold format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventdesk.errors import GoldFormatError
from eventdesk.evaluate.events import evaluate_events, map_plover

# Measured on plover_gsr_dev.jsonl with the incident judge (judge/): weighted_f1=0.81
# macro_f1=0.86 unmapped_fp=0.05 actor_acc=0.44 conf_auc=0.778. Without it (EVENTDESK_JUDGE=false,
# the lexicon alone) 0.90 / 0.92 / 0.06 / 0.45 / 0.751: the floors were lowered when the judge
# came in because it drops candidates it reads as no incident, and on PLOVER's one-sentence
# records that costs mapped events (on the tune part: an agreement to resign, a ban, a
# deportation, a death in custody) for one unmapped false positive less; on the desk gold's real articles the
# same judge takes record precision from 0.46 to 0.68 (tune) and 0.32 to 0.48 (check). Floors
# sit slightly below and only move up. conf_auc is over ~40 predictions: one entering or leaving
# moves it by up to 0.02, so its floor keeps a wider margin.
FLOOR_WEIGHTED_F1 = 0.79  # measured 0.82 with the per-kind judge head (0.84 before)
FLOOR_MACRO_F1 = 0.84
CEILING_UNMAPPED_FP = 0.07
# actor_acc fell from 0.44 to 0.32 when eval events began filing actors as a run does (ACLED's
# conventions, resolve/actors.py): PLOVER names a protest's target ("to protest Sweden's
# decision": Sweden) and counts it as the target actor, where ACLED files no actor2 for a
# peaceful protest (the desk gold does the same, and its actors_acc rose from 0.21 to 0.49 on
# tune); the string match also misses the convention's names ("Unidentified Armed Group",
# "Civilians (Mali)") where PLOVER quotes the words. Lowered on purpose, to just below 0.32.
# 0.30 -> 0.27 and conf_auc 0.74 -> 0.60 on purpose, with the judge's per-kind head (judge/
# training.py) and DROP_AT 0.25: it drops more non-incidents (unmapped_fp 0.05 -> 0.02; desk gold
# precision tune 0.788 -> 0.796, check 0.575 -> 0.605), and PLOVER's predictions fall to 31, of
# which 4 are wrong: an AUC over 4 wrong predictions moves by 0.03 with each swap of rank
# (measured 0.625). actor_acc is over the correctly typed gold events: 8 of 26 before, 7 of 25 now.
FLOOR_ACTOR_ACC = 0.27
FLOOR_CONF_AUC = 0.60
# Measured on examples/gold/events.jsonl (87 events) with the judge: weighted_f1=0.62 macro_f1=0.49
# actor_acc=0.58 sub_acc=0.93 conf_auc=0.695 (lexicon alone 0.68 / 0.52 / 0.54 / 0.93 / 0.525:
# restated casualty tolls keep their counts and join the event they restate, which the
# sentence-level gold scores as false positives).
EXAMPLES_GOLD = Path(__file__).resolve().parents[2] / "examples" / "gold" / "events.jsonl"
FLOOR_EXAMPLES_WEIGHTED_F1 = 0.60
FLOOR_EXAMPLES_MACRO_F1 = 0.47
# 0.54 -> 0.52 on purpose: the examples' gold files excessive force against protesters with the
# protesters as actor1, the convention the desk gold and issue 14 call wrong (ACLED: the force
# is actor1); filing it the desk's way (resolve/actors.py) costs 4 of 57 there and gains 3
# riots whose crowd is now named. 0.52 -> 0.51: the judge retrained on attributed incidents keeps
# one more correctly typed gold event (57 -> 58) whose actors are not right; 30 are right both times.
# 0.51 -> 0.50: the judge's per-kind head (DROP_AT 0.25) drops two correctly typed gold events of
# the examples with right actors (31 of 59 -> 29 of 57: 0.509); its precision is the trade.
FLOOR_EXAMPLES_ACTOR_ACC = 0.50
FLOOR_EXAMPLES_SUB_ACC = 0.90


def test_plover_dev_floor(shared: Path):
    gold = shared / "data" / "events-plover-gsr" / "plover_gsr_dev.jsonl"
    if not gold.is_file():
        pytest.skip(f"{gold} absent")
    report = evaluate_events(gold)
    assert report.weighted_f1 >= FLOOR_WEIGHTED_F1, "\n".join(report.details())
    assert report.macro_f1 >= FLOOR_MACRO_F1, "\n".join(report.details())
    assert report.unmapped_fp is not None and report.unmapped_fp <= CEILING_UNMAPPED_FP, "\n".join(report.details())
    assert report.actor_acc >= FLOOR_ACTOR_ACC, "\n".join(report.details())
    assert report.conf_auc is not None and report.conf_auc >= FLOOR_CONF_AUC
    line = report.summary_line()
    assert "\n" not in line and line.startswith("weighted_f1=") and "n=" in line


def test_examples_gold_floor():
    if not EXAMPLES_GOLD.is_file():
        pytest.skip(f"{EXAMPLES_GOLD} absent")
    report = evaluate_events(EXAMPLES_GOLD)
    assert report.n == 87
    assert report.weighted_f1 >= FLOOR_EXAMPLES_WEIGHTED_F1, "\n".join(report.details())
    assert report.macro_f1 >= FLOOR_EXAMPLES_MACRO_F1, "\n".join(report.details())
    assert report.actor_acc >= FLOOR_EXAMPLES_ACTOR_ACC, "\n".join(report.details())
    assert report.sub_acc is not None and report.sub_acc >= FLOOR_EXAMPLES_SUB_ACC, "\n".join(report.details())


def test_plover_mapping():
    rec = {"event_type": "PROTEST", "mode": "riot-spon", "text": "x", "source_actors": [], "target_actors": []}
    g = map_plover(rec)
    assert g is not None and g.primary == "Riots"
    assert map_plover({**rec, "event_type": "THREATEN"}) is None


def test_article_gold_format(tmp_path: Path):
    (tmp_path / "gold").mkdir()
    text = "Riot police arrested 40 students in the capital on Monday. The weather was mild."
    (tmp_path / "story.txt").write_text(text, encoding="utf-8")
    row = {"article": "story.txt", "events": [{
        "event_type": "Strategic developments", "sub_event_type": "Arrests",
        "sentence": "Riot police arrested 40 students in the capital on Monday.",
        "actor1": "Police Forces", "actor2": "students", "counts": [], "status": "reported",
        "attributed_to": None, "date": None, "place": None}]}
    gold = tmp_path / "gold" / "events.jsonl"
    gold.write_text(json.dumps(row) + "\n", encoding="utf-8")
    report = evaluate_events(gold)
    assert report.gold_format == "articles"
    assert report.per_type["Strategic developments"].tp == 1
    assert report.actor_acc == 1.0
    assert "unmapped_fp=na" in report.summary_line()


def test_unknown_format_is_an_error(tmp_path: Path):
    bad = tmp_path / "x.jsonl"
    bad.write_text('{"foo": 1}\n', encoding="utf-8")
    with pytest.raises(GoldFormatError, match="not a known gold format"):
        evaluate_events(bad)


def test_misses_name_what_was_missed_and_what_was_spurious(tmp_path: Path):
    from click.testing import CliRunner

    from eventdesk.cli import main

    (tmp_path / "gold").mkdir()
    text = "Riot police arrested 40 students on Monday. Soldiers shot dead two farmers on Tuesday."
    (tmp_path / "story.txt").write_text(text, encoding="utf-8")
    row = {"article": "story.txt", "events": [
        {"event_type": "Strategic developments", "sub_event_type": "Arrests",
         "sentence": "Riot police arrested 40 students on Monday."},
        {"event_type": "Protests", "sub_event_type": "Peaceful protest", "sentence": "Farmers marched on Friday."}]}
    gold = tmp_path / "gold" / "events.jsonl"
    gold.write_text(json.dumps(row) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", "events", "--gold", str(gold), "--misses"])
    lines = result.output.splitlines()
    assert any("missed Protests" in line for line in lines)
    assert any("spurious Violence against civilians" in line and "Soldiers shot dead" in line for line in lines)
    assert lines[-1].startswith("weighted_f1=")
