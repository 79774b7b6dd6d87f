"""A sentence that restates an incident's toll without its place ("- Five farmers were shot dead
on Monday." in a closing summary) is the incident that gave that toll, not whichever incident
was told just before it (assemble._one_per_happening). Articles written for this test."""

from __future__ import annotations

from datetime import date

import pytest

ARTICLES = [
    "Attacks in the north\n\nGunmen shot dead five farmers near Gusau on Monday.\n\n"
    "In a separate attack, a bomb wounded 12 traders at a market in Maiduguri on Monday.\n\n"
    "- Five farmers were shot dead on Monday.",
    "Violence in the east\n\nMilitiamen killed nine villagers near Djugu on Saturday.\n\n"
    "Elsewhere, shells hit a camp near Goma on Saturday, wounding 30 people.\n\n"
    "- Nine villagers were killed by militiamen on Saturday.",
    "Two attacks in Sahel\n\nJihadists killed 14 soldiers at a base near Djibo on Friday.\n\n"
    "In another attack, a roadside bomb wounded seven civilians near Fada N'Gourma on Friday.\n\n"
    "- Fourteen soldiers were killed in the assault on the base.",
    "Deadly day in Balochistan\n\nGunmen killed six labourers near Turbat on Wednesday.\n\n"
    "Separately, a grenade wounded four policemen at a checkpoint in Quetta on Wednesday.\n\n"
    "- Six labourers were shot dead by gunmen on Wednesday.",
    "Strikes on two cities\n\nAir strikes killed eight civilians in Saraqib on Tuesday.\n\n"
    "In a separate strike, rockets wounded 11 people in Jableh on Tuesday.\n\n"
    "- Eight civilians were killed in the air strikes on Tuesday.",
]


@pytest.fixture(scope="module")
def found(incidents_of) -> list[list]:
    return incidents_of(ARTICLES, date(2025, 6, 13))


@pytest.mark.parametrize("i", range(len(ARTICLES)), ids=[t.split("\n")[0] for t in ARTICLES])
def test_a_restated_toll_joins_the_incident_that_gave_it(found, i: int) -> None:
    text = ARTICLES[i]
    first, other, restated = ({m.incident for m in found[i] if m.sentence.start == text.index(p)}
                              for p in text.split("\n\n")[1:])
    assert first and restated == first, [(m.incident, m.sentence.text[:40]) for m in found[i]]
    assert other and not other & first
