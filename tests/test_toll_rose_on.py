"""The day a running toll rose is the day it was told, not the incident's: "the death toll from a
suicide bombing at a market in Mosul rose to 23 on Saturday", then "the attacker detonated his
explosives in the crowded market on Friday morning", is one incident of Friday, not a Saturday
bombing and a Friday one. Articles written for this test, published on a Saturday (5 of 5 failed
before)."""

from __future__ import annotations

from datetime import date

import pytest

SATURDAY = date(2025, 3, 15)
FRIDAY = date(2025, 3, 14)
ARTICLES = [
    "The death toll from a suicide bombing at a market in Mosul rose to 23 on Saturday, officials said.\n\n"
    "The attacker detonated his explosives in the crowded market on Friday morning.",
    "The number of people killed in the shelling of Kramatorsk climbed to 11 on Saturday.\n\n"
    "Friday's attack hit a residential block in the city centre.",
    "The death toll from an attack on a church in Butembo reached 17 on Saturday, local officials said.\n\n"
    "Gunmen stormed the church on Friday morning.",
    "The toll from a bombing at a mosque in Quetta rose to 30 on Saturday.\n\n"
    "The bomber blew himself up at the mosque on Friday.",
    "The death toll from clashes in Tripoli rose to nine on Saturday.\n\n"
    "Fighting between rival militias broke out on Friday evening.",
]


@pytest.fixture(scope="module")
def found(incidents_of) -> list[list]:
    return incidents_of(ARTICLES, SATURDAY)


@pytest.mark.parametrize("i", range(len(ARTICLES)), ids=[a[:40] for a in ARTICLES])
def test_one_incident_of_its_own_day(found: list[list], i: int) -> None:
    violent = [m for m in found[i] if m.event_type != "Strategic developments"]
    assert len({m.incident for m in violent}) == 1 and all(m.when.value == FRIDAY for m in violent), \
        [(m.trigger.text, m.incident, m.when.value) for m in violent]
