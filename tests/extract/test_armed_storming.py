"""An armed group that storms, torches or burns where it kills soldiers or police fights them: a
battle, not a riot, though the sentence has a crowd's words ("stormed", "torched", "burned"); a
crowd that does it riots. A relative clause the parser hangs on a place ("the attack on a market
in the town of Goma, which killed 12") has no place for its doer. Sentences written for this test,
none from a dev set or sample (5 of 5 failed before: riots with "Rioters"; 2 of 3 places as doers)."""

from __future__ import annotations

import pytest

from eventdesk.extract.events import find_events
from eventdesk.nlp import parse

BATTLES = [
    "Rebels who stormed the town killed five soldiers.",
    "Militants stormed an army post near Gao and killed 12 soldiers on Monday.",
    "Gunmen torched a police station and killed three officers in Zamfara on Sunday.",
    "Insurgents burned a military truck and killed two soldiers near Maiduguri on Friday.",
    "Jihadists stormed a gendarmerie post in Tillaberi, killing seven gendarmes.",
]


@pytest.mark.parametrize("text", BATTLES, ids=[s[:40] for s in BATTLES])
def test_an_armed_group_that_kills_forces_fights_them(text: str) -> None:
    found = find_events(parse(text), article_id="a")
    kills = [m for m in found if m.trigger.text.startswith("kill")]
    assert not any(m.event_type == "Riots" for m in found), [(m.trigger.text, m.event_type) for m in found]
    assert any(m.event_type == "Battles" for m in kills), [(m.trigger.text, m.event_type) for m in found]


def test_a_crowd_that_does_it_riots() -> None:
    found = find_events(parse("Youths torched a police post and killed a policeman."), article_id="a")
    assert {m.event_type for m in found} == {"Riots"}


PLACES = [
    "The attack on a market in the town of Goma, which killed 12 people, was blamed on rebels.",
    "The bombing of a bus station in Kano, which killed eight travellers, shocked the city.",
    "The raid on a village near Gao, which left 20 people dead, was the worst this year.",
]


@pytest.mark.parametrize("text", PLACES, ids=[s[:40] for s in PLACES])
def test_a_place_is_no_relative_clauses_doer(text: str) -> None:
    found = find_events(parse(text), article_id="a")
    doers = [a.text for m in found for a in m.actors if a.role == "actor1"]
    assert not any(d in ("Goma", "Kano", "Gao") for d in doers), doers
