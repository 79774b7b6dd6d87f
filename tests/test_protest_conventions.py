"""Protests as ACLED files them: a protest met with lethal force is excessive force whichever
trigger of the sentence names it first (the most severe sub-type wins), with the force as actor1
and the protesters as actor2; a protest with intervention has the protesters as actor1 and the
force that intervenes as actor2. Sentences written for this test."""

from __future__ import annotations

from datetime import date

import pytest


FORCE, INTERVENTION = "Excessive force against protesters", "Protest with intervention"
PROBES = [
    ("Kenyan police fired tear gas and live rounds at thousands of protesters in central Nairobi on Tuesday, "
     "killing one man, witnesses said.", FORCE, ("police", "protesters")),
    ("Police fired tear gas at protesters in Lima on Thursday, killing one demonstrator.", FORCE, ("police", "protesters")),
    ("Troops fired on a crowd of protesters in Mandalay on Sunday, killing at least seven.", FORCE, ("military", "protesters")),
    ("Police used water cannon to disperse protesters in Valparaiso on Friday.", INTERVENTION, ("protesters", "police")),
    ("Police fired tear gas to disperse protesters in Quito on Wednesday.", INTERVENTION, ("protesters", "police")),
]


@pytest.fixture(scope="module")
def found(incidents_of) -> dict[str, list]:
    texts = [p[0] for p in PROBES]
    return dict(zip(texts, incidents_of(texts, date(2024, 6, 27)), strict=True))


@pytest.mark.parametrize(("sentence", "sub", "kinds"), PROBES, ids=[p[0][:40] for p in PROBES])
def test_protest_sub_type_and_sides(found, sentence: str, sub: str, kinds: tuple[str, str]) -> None:
    (m,) = found[sentence]
    assert (m.event_type, m.sub_event_type) == ("Protests", sub)
    sides = tuple(next(a.kind for a in m.actors if a.role == role) for role in ("actor1", "actor2"))
    assert sides == kinds


# Force that kills or injures no one (tear gas, warning shots, a charge) met a protest: the event
# is a protest with intervention, whatever the trigger first called it. Sentences written for this test.
NOT_GRAVE = [
    ("Police fired shots in the air and tear gas at protesters in Dhaka on Sunday.", INTERVENTION),
    ("Troops fired tear gas and rubber bullets at a crowd of protesters in Conakry on Monday.", INTERVENTION),
    ("Police fired tear gas at protesters in Lima on Thursday, killing one demonstrator.", FORCE),
    ("Riot police beat protesters with batons outside parliament in Kampala on Monday.", FORCE),
    ("Security forces opened fire on protesters in Khartoum on Saturday, wounding 12.", FORCE),
]


@pytest.mark.parametrize(("sentence", "sub"), NOT_GRAVE, ids=[p[0][:40] for p in NOT_GRAVE])
def test_excessive_force_is_force_that_kills_or_injures(incidents_of, sentence: str, sub: str) -> None:
    from eventdesk.link.events import merged_sub_type

    protests = [m for m in incidents_of([sentence], date(2024, 6, 27))[0] if m.event_type == "Protests"]
    assert protests
    assert merged_sub_type(protests) == sub
