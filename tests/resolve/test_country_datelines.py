"""A dateline of a town and its country ("KISUMU, Kenya - ...") places the article's incidents
whose sentences name no place, as a dateline of the town alone does: the parser's text turns the
dash into a stop, and the town, contained by its country, is still the dateline. Articles written
for this test, none from a dev set or sample."""

from __future__ import annotations

from datetime import date

import pytest

ARTICLES = [
    ("Teachers strike over unpaid wages\nKISUMU, Kenya - Thousands of teachers marched on Tuesday to demand "
     "unpaid wages.\nPolice detained 14 people during the afternoon, officers said.", "Kisumu"),
    ("Vendors protest evictions\nBULAWAYO, Zimbabwe - Hundreds of street vendors protested on Monday against "
     "evictions from the city market.\nPolice arrested 22 vendors in the evening.", "Bulawayo"),
    ("Fuel price protest turns violent\nAREQUIPA, Peru - Protesters blocked roads and burned tyres on Friday "
     "over fuel prices.\nOfficers detained 31 people overnight.", "Arequipa"),
    ("Students clash with police\nKUMASI, Ghana - Students threw stones at police on Wednesday after a "
     "classmate was hit by a bus.\nPolice arrested nine students, a spokesman said.", "Kumasi"),
    ("Miners march on company offices\nRUSTENBURG, South Africa - About 2,000 miners marched to the company's "
     "offices on Thursday to demand a pay rise.\nPolice arrested 11 miners later that day.", "Rustenburg"),
]


@pytest.fixture(scope="module")
def incidents(incidents_of) -> list[list]:
    return incidents_of([t for t, _ in ARTICLES], date(2025, 5, 30))


@pytest.mark.parametrize("i", range(len(ARTICLES)), ids=[t.split("\n")[1][:30] for t, _ in ARTICLES])
def test_the_dateline_town_places_the_arrests(incidents, i: int) -> None:
    arrests = [m for m in incidents[i] if m.sub_event_type == "Arrests"]
    assert arrests and all(m.place is not None and m.place.name == ARTICLES[i][1] for m in arrests), [
        (m.place and m.place.name, m.place and m.place.reason) for m in arrests]
