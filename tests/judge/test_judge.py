"""The incident judge: its training data's schema, its verdicts on probe sentences we wrote
(independent of the training sentences), the assembly of one sentence's candidates, calibration."""

from __future__ import annotations

import tomllib
from collections import defaultdict
from pathlib import Path

import pytest

from eventdesk.assemble import assemble
from eventdesk.errors import ConfigError
from eventdesk.judge.calibration import calibrated, expected_calibration_error, raw_of
from eventdesk.judge.training import load_groups, training_groups
from eventdesk.judge.verdicts import DROP_AT, judge_sentences
from eventdesk.records import Count, Mention, TextSpan

PROBES = Path(__file__).with_name("probes.toml")
# Share of probes judged right per class, at the level the model reaches (measured with the
# per-kind happening head and DROP_AT 0.25: incident 59/60; background, sports, disaster,
# threat_plan, court, statistics, opinion, fiction_media 5/5; idiom, accident, natural_death,
# negated 4/5; before it, with one "none" class and DROP_AT 0.5: incident 58/60, negatives
# 47/60). Floors only move up.
FLOORS = defaultdict(lambda: 0.8, {"incident": 0.95})
NEGATIVE_FLOOR = 0.9  # over all 60 hard negatives (measured 0.93)


@pytest.fixture(scope="module")
def probes() -> list[dict]:
    return tomllib.loads(PROBES.read_text("utf-8"))["probe"]


def _right(probe: dict, p_none: float, background: bool) -> bool:
    if probe["kind"] == "incident":
        return p_none < DROP_AT and not background
    if probe["kind"] == "background":  # flagged background, or dropped: never a current incident
        return p_none >= DROP_AT or background
    return p_none >= DROP_AT


def test_probe_sentences_per_class(probes: list[dict]) -> None:
    assert len(probes) >= 60 and sum(p["kind"] == "incident" for p in probes) * 2 == len(probes)
    verdicts = judge_sentences([p["text"] for p in probes])
    by_kind: dict[str, list[bool]] = defaultdict(list)
    for probe, v in zip(probes, verdicts, strict=True):
        by_kind[probe["kind"]].append(_right(probe, v.p_none, v.is_background))
    shares = {k: sum(v) / len(v) for k, v in by_kind.items()}
    for kind, share in shares.items():
        assert share >= FLOORS[kind], (kind, shares)
    negatives = [ok for k, v in by_kind.items() if k != "incident" for ok in v]
    assert sum(negatives) / len(negatives) >= NEGATIVE_FLOOR, shares


def test_probe_scope(probes: list[dict]) -> None:
    incidents = [p for p in probes if p["kind"] == "incident"]
    verdicts = judge_sentences([p["text"] for p in incidents])
    right = sum((v.p_crime >= 0.5) == (p["scope"] == "crime") for p, v in zip(incidents, verdicts, strict=True))
    assert right / len(incidents) >= 0.9  # measured 58/60


def test_training_data_is_valid_and_large() -> None:
    groups = training_groups()
    kinds = {g.kind for g in groups}
    assert sum(len(g.sentences) for g in groups) >= 4000
    assert {"incident", "background", "idiom", "sports", "accident", "disaster", "natural_death", "negated",
            "threat_plan", "court", "statistics", "opinion"} <= kinds  # fmt: skip
    assert len({g.label for g in groups if g.kind == "incident"}) == 25  # every ACLED sub-type


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('[[group]]\nkind = "incident"\nlabel = "Riots/Mob violence"\nscope = "acled"\nsentences = ["x"]\nweight = 2\n', "keys must be"),
        ('[[group]]\nkind = "rumour"\nlabel = "none"\nscope = "none"\nsentences = ["x"]\n', "unknown kind 'rumour'"),
        ('[[group]]\nkind = "incident"\nlabel = "Riots/Food fight"\nscope = "acled"\nsentences = ["x"]\n', "label 'Riots/Food fight'"),
        ('[[group]]\nkind = "idiom"\nlabel = "Battles/Armed clash"\nscope = "none"\nsentences = ["x"]\n', "for kind 'idiom'"),
        ('[[group]]\nkind = "incident"\nlabel = "Riots/Mob violence"\nscope = "global"\nsentences = ["x"]\n', "unknown scope"),
        ('[[group]]\nkind = "sports"\nlabel = "none"\nscope = "none"\nsentences = []\n', "non-empty list"),
    ],
)
def test_training_file_schema_fails_loudly(body: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message) as info:
        load_groups("bad.toml", body.encode())
    assert "bad.toml [[group]] #1" in str(info.value)


def _mention(start: int, event_type: str, sub: str, trigger: str, counts: list[Count] = ()) -> Mention:  # type: ignore[assignment]
    sentence = "A bomb exploded at the market in Gao, killing two traders, and police arrested a man."
    at = sentence.index(trigger)
    return Mention(
        id=f"m{start}", article_id="a", event_type=event_type, sub_event_type=sub,  # type: ignore[arg-type]
        trigger=TextSpan(start=at, end=at + len(trigger), text=trigger),
        sentence=TextSpan(start=0, end=len(sentence), text=sentence), counts=list(counts), confidence=0.6,
    )  # fmt: skip


def test_one_sentence_one_happening() -> None:
    killed = Count(kind="killed", low=2, high=2, best=2, text="two traders", start=47, end=58)
    bomb = _mention(1, "Explosions/Remote violence", "Remote explosive/landmine/IED", "exploded")
    killing = _mention(2, "Violence against civilians", "Attack", "killing", [killed])
    arrest = _mention(3, "Strategic developments", "Arrests", "arrested")
    out = assemble([killing, arrest, bomb])
    assert [(m.event_type, m.id) for m in out] == [("Explosions/Remote violence", "m1"), ("Strategic developments", "m3")]
    assert out[0].counts == [killed] and "'killing'" in out[0].reason


def test_calibration_maps_and_inverts() -> None:
    assert 0.0 < calibrated(0.2) <= calibrated(0.8) < 1.0
    assert raw_of(calibrated(0.7)) == pytest.approx(0.7, abs=0.02)
    assert expected_calibration_error([(0.9, True)] * 9 + [(0.9, False)]) == pytest.approx(0.0)
    assert expected_calibration_error([(0.9, False)] * 10) == pytest.approx(0.9)
    assert expected_calibration_error([]) is None
