"""An incident one sentence calls a suicide bombing and the others an explosion, a blast or a car
bomb is a suicide bomb (assemble.py). Articles written for this test."""

from __future__ import annotations

from datetime import date

import pytest


ARTICLES = [
    "Blast hits police post in Bannu\n\nAn explosion at a police post in Bannu killed four officers on Tuesday. "
    "Officials said a suicide bomber on foot detonated his vest at the gate.",
    "Car bomb kills six at Kismayo checkpoint\n\nA car bomb exploded at a checkpoint in Kismayo on Friday, killing six "
    "soldiers. The militant group said one of its suicide bombers had blown up the vehicle.",
    "Explosion at Maiduguri market\n\nA blast tore through a market in Maiduguri on Sunday, killing nine traders. "
    "Police said a female suicide bomber had detonated explosives strapped to her body.",
    "Kabul mosque blast\n\nA bomb exploded inside a mosque in Kabul during Friday prayers, killing 11 worshippers. "
    "The interior ministry said a suicide attacker had blown himself up among the crowd.",
    "Checkpoint bombing in Mardan\n\nA bombing at a checkpoint in Mardan on Wednesday killed two policemen. "
    "A suicide attacker detonated an explosives-laden car as officers searched it, police said.",
]


@pytest.mark.parametrize("text", ARTICLES, ids=[a.split("\n")[0] for a in ARTICLES])
def test_the_suicide_bombing_is_told_by_the_sentence_that_says_so(incidents_of, text: str) -> None:
    (mentions,) = incidents_of([text], date(2025, 5, 12))
    subs = {m.sub_event_type for m in mentions if m.event_type == "Explosions/Remote violence"}
    assert subs == {"Suicide bomb"}, [(m.sub_event_type, m.sentence.text[:50]) for m in mentions]
