"""A crowd word that modifies a force's or its kit's noun ("riot police", "an anti-riot unit",
"officers in riot gear", "riot-control vehicles") names the unit, not what the crowd did: a
peaceful march watched by riot police is no riot. Sentences written for this test."""

from __future__ import annotations

from datetime import date

import pytest

PROBES = [
    ("Riot police watched as about 2,000 nurses marched peacefully through central Lisbon on Friday to demand "
     "higher pay.", "Protests/Peaceful protest"),
    ("Hundreds of farmers rallied outside the parliament in Warsaw on Tuesday, ringed by officers in riot gear.",
     "Protests/Peaceful protest"),
    ("An anti-riot unit dispersed a sit-in by dismissed miners outside the governor's office in Potosi on Monday.",
     "Protests/Protest with intervention"),
    ("Students marched to the education ministry in Santiago on Wednesday as riot squads blocked the side streets.",
     "Protests/Peaceful protest"),
    ("Taxi drivers staged a demonstration in front of city hall in Accra on Thursday, watched by riot-control "
     "vehicles.", "Protests/Peaceful protest"),
    ("Riot police used pepper spray on Saturday against women trying to march towards the main square in Izmir.",
     "Protests/Protest with intervention"),
]


@pytest.fixture(scope="module")
def found(incidents_of) -> dict[str, list]:
    texts = [t for t, _ in PROBES]
    return dict(zip(texts, incidents_of(texts, date(2025, 6, 13)), strict=True))


@pytest.mark.parametrize(("text", "want"), PROBES, ids=[t[:40] for t, _ in PROBES])
def test_riot_police_do_not_make_a_riot(found, text: str, want: str) -> None:
    assert [f"{m.event_type}/{m.sub_event_type}" for m in found[text]] == [want]
