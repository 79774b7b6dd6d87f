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
