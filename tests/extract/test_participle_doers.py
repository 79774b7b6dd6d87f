"""A weapon or strike whose participle names who handled it ("a drone operated by a criminal
group", "rockets fired by the militia", "an air strike carried out by the army") was used by
that force: it is the incident's actor1. A place there ("a bomb hidden by the roadside") is no
doer. Sentences written for this test, none from a dev set or sample."""

from __future__ import annotations

from datetime import date

import pytest

DOERS = [
    ("A drone operated by a criminal group dropped explosives on a village near Zamora on Sunday, wounding "
     "three farmers.", "a criminal group"),
    ("An air strike carried out by the army killed six people in a village near Pekon on Wednesday.", "the army"),
    ("A grenade thrown by a gang member wounded four people outside a bar in Tegucigalpa on Saturday.",
     "a gang member"),
    ("A drone flown by the insurgents killed two soldiers at a checkpoint near Tillaberi on Monday.", "the insurgents"),
    ("A raid carried out by the militia killed nine villagers near Djibo on Thursday.", "the militia"),
    ("An attack carried out by a criminal organisation killed five people at a bar in Celaya on Friday.",
     "a criminal organisation"),
    ("An ambush staged by the rebels killed seven soldiers near Beni on Sunday.", "the rebels"),
]


@pytest.fixture(scope="module")
def incidents(incidents_of) -> list[list]:
    return incidents_of([s for s, _ in DOERS], date(2025, 11, 20))


@pytest.mark.parametrize("i", range(len(DOERS)), ids=[s[:40] for s, _ in DOERS])
def test_the_participle_names_the_doer(incidents, i: int) -> None:
    got = incidents[i]
    doers = [a.text for m in got for a in m.actors if a.role == "actor1"]
    assert got and doers and all(text == DOERS[i][1] for text in doers), doers
