"""An incident whose sentence, paragraph and dateline name no place happened in the article's
main town: the one it names most often (at least twice, more than any other), at precision 2,
not the country's point. Articles written for this test, none from a dev set or sample."""

from __future__ import annotations

from datetime import date

import pytest

ARTICLES = [
    ("Hotel protest turns violent\n\nProtesters gathered outside a hotel in Carlisle on Sunday evening.\n\n"
     "The Carlisle hotel houses asylum seekers; a counter-protest came from Penrith.\n\n"
     "Eleven people were arrested overnight.", "Carlisle"),
    ("Market fire protest\n\nTraders marched through Kumasi on Monday after a fire destroyed their stalls.\n\n"
     "Many had come from Obuasi, but most work in the Kumasi central market.\n\n"
     "Police arrested 14 traders in the evening.", "Kumasi"),
    ("Water protest in the township\n\nResidents blocked roads in Soweto on Tuesday over water cuts.\n\n"
     "Soweto has had no water for a week, while Pretoria was spared.\n\n"
     "Police arrested nine residents on Tuesday night.", "Soweto"),
    ("Fuel price unrest\n\nRioters burned tyres in Arequipa on Thursday over fuel prices.\n\n"
     "Arequipa's mayor called for calm; unions in Cusco said they would join.\n\n"
     "Twenty-two people were arrested.", "Arequipa"),
    ("Student clashes\n\nStudents clashed with police in Rajshahi on Wednesday after a bus accident.\n\n"
     "The university in Rajshahi closed its halls; classes in Khulna went on.\n\n"
     "Police arrested 12 students on Wednesday evening.", "Rajshahi"),
]


@pytest.fixture(scope="module")
def incidents(incidents_of) -> list[list]:
    return incidents_of([t for t, _ in ARTICLES], date(2025, 8, 21))


@pytest.mark.parametrize("i", range(len(ARTICLES)), ids=[t.split("\n")[0] for t, _ in ARTICLES])
def test_an_unplaced_incident_is_in_the_main_town(incidents, i: int) -> None:
    arrests = [m for m in incidents[i] if m.sub_event_type == "Arrests"]
    assert arrests and all(m.place is not None and m.place.name == ARTICLES[i][1] for m in arrests), [
        (m.place and m.place.name, m.place and m.place.reason) for m in arrests]
