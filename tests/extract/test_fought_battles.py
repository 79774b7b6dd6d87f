"""The side a fight is fought with, named after the fight noun a verb takes ("fought running
battles with riot police", "waged a gun battle against troops"), is the verb's other side: a crowd
of people so fighting a state's force riots, an armed group fights a battle. People named by age
or trade ("masked teenagers", "a bus driver") are civilians, a crowd when they riot. Sentences
written for this test (none from a dev set or sample)."""

from __future__ import annotations

import pytest

from eventdesk.extract.events import find_events
from eventdesk.nlp import parse

FIGHTS = [
    ("Hooded youths armed with stones and firebombs fought running battles with police in Lyon overnight.",
     "Riots", "rioters", "police"),
    ("Students fought pitched battles with riot police outside the campus in Dhaka on Monday.",
     "Riots", "rioters", "police"),
    ("Groups of teenagers roamed the streets of Malmo at night, fighting running battles with police.",
     "Riots", "rioters", "police"),
    ("Rebels fought a fierce battle with soldiers near Beni on Sunday.", "Battles", "armed group", "military"),
    ("Gang members waged a gun battle against troops in Culiacan on Friday.",
     "Battles", "political militia", "military"),
]


@pytest.mark.parametrize(("text", "event_type", "doer", "side"), FIGHTS, ids=[f[0][:40] for f in FIGHTS])
def test_the_side_of_the_fight_noun(text: str, event_type: str, doer: str, side: str) -> None:
    found = find_events(parse(text), article_id="t")
    main = [m for m in found if m.trigger.text.startswith(("fought", "fighting", "waged", "battle"))]
    assert main, [(m.trigger.text, m.event_type) for m in found]
    m = main[0]
    kinds = {(a.role, a.kind) for a in m.actors}
    assert m.event_type == event_type and ("actor1", doer) in kinds and ("actor2", side) in kinds, (
        m.event_type, kinds)


PEOPLE = [
    ("Masked teenagers threw stones at police in Bordeaux on Saturday.", "actor1", "rioters"),
    ("Gunmen shot dead a bus driver near Quetta on Tuesday.", "actor2", "civilians"),
    ("Soldiers beat two street vendors at a market in Harare on Monday.", "actor2", "civilians"),
    ("A bomb killed three worshippers outside a mosque in Peshawar on Friday.", "actor2", "civilians"),
    ("Militiamen abducted four schoolgirls from a village near Gusau on Sunday.", "actor2", "civilians"),
]


@pytest.mark.parametrize(("text", "role", "kind"), PEOPLE, ids=[p[0][:40] for p in PEOPLE])
def test_people_by_age_or_trade(text: str, role: str, kind: str) -> None:
    found = find_events(parse(text), article_id="t")
    assert any((role, kind) in {(a.role, a.kind) for a in m.actors} for m in found), [
        (m.trigger.text, [(a.role, a.kind, a.text) for a in m.actors]) for m in found]
