"""One crowd episode told over several sentences stays one incident, and another day's crowd
event stays another: articles written for this test (none from a dev set or sample).

- a night's riot told across midnight ("on Saturday night" ... "shortly after 2 a.m. on Sunday");
- the crowd named again by its own noun ("garment workers clashed ..." then "thousands of workers
  blocked the highway");
- a vigil or march its own sentence dates to another day than the riot before it."""

from __future__ import annotations

from datetime import date

import pytest

ONE_NIGHT = [
    "Riot in Leicester\n\nHundreds of youths threw bottles at police in Leicester on Saturday night.\n"
    "Officers used dogs and batons to break up the crowd shortly after 2 a.m. on Sunday.",
    "Unrest in Marseille\n\nRioters burned cars in the north of Marseille on Friday night.\n"
    "Police fired tear gas to disperse the last groups at about 3 a.m. on Saturday.",
    "Clashes in Bogota\n\nProtesters threw stones at riot police in central Bogota on Thursday evening.\n"
    "Police fired tear gas to clear the square shortly after midnight on Friday.",
    "Violence in Belfast\n\nYouths hurled petrol bombs at police lines in west Belfast on Sunday night.\n"
    "Police fired water cannon to push the crowd back in the early hours of Monday.",
    "Riot in Durban\n\nResidents blocked roads with burning tyres and stoned police in Durban on Wednesday night.\n"
    "Police fired rubber bullets to disperse the crowd before dawn on Thursday.",
]
SAME_NOUN = [
    "Workers clash with police\n\nGarment workers clashed with police in Gazipur on Tuesday, leaving 25 injured.\n"
    "Thousands of workers from nearby factories blocked the highway for six hours.",
    "Students clash with police\n\nStudents fought running battles with police outside the university in Nairobi on Monday.\n"
    "Hundreds of students blocked the main road with stones and burning tyres.",
    "Teachers clash with police\n\nTeachers clashed with police outside parliament in Accra on Friday.\n"
    "Hundreds of teachers blocked the road with desks and chairs.",
    "Farmers clash with police\n\nFarmers clashed with police on a highway near Delhi on Thursday.\n"
    "Thousands of farmers blocked the highway near the border crossing.",
    "Taxi drivers riot\n\nTaxi drivers fought with police and burned tyres in Johannesburg on Monday.\n"
    "Hundreds of drivers blocked the streets of the city centre.",
]
ANOTHER_DAY = [
    "Rioting in Rochdale\n\nYouths set fire to cars and threw stones at police in Rochdale on Sunday night.\n"
    "Monday's vigil outside the town hall drew several hundred people.",
    "Unrest in Nantes\n\nRioters burned a bus in Nantes on Friday night.\n"
    "Hundreds of people marched peacefully through the city centre on Saturday.",
]


@pytest.fixture(scope="module")
def found(incidents_of) -> list[list]:  # type: ignore[no-untyped-def]
    return incidents_of(ONE_NIGHT + SAME_NOUN + ANOTHER_DAY, date(2025, 6, 16))


def _crowd_incidents(ms: list) -> set:
    return {m.incident for m in ms if m.event_type in ("Riots", "Protests") and m.sentence.start > 0}


@pytest.mark.parametrize("i", range(len(ONE_NIGHT + SAME_NOUN)), ids=[t.split("\n")[0] for t in ONE_NIGHT + SAME_NOUN])
def test_one_episode_is_one_incident(found, i: int) -> None:  # type: ignore[no-untyped-def]
    body = [m for m in found[i] if m.sentence.start > 0 and m.event_type in ("Riots", "Protests")]
    assert len({m.sentence.start for m in body}) == 2, [(m.sentence.text[:30], m.event_type) for m in found[i]]
    assert len(_crowd_incidents(found[i])) == 1, [(m.sentence.text[:30], m.incident, m.when and m.when.value) for m in body]


@pytest.mark.parametrize("i", range(len(ANOTHER_DAY)), ids=[t.split("\n")[0] for t in ANOTHER_DAY])
def test_another_days_crowd_event_stays_apart(found, i: int) -> None:  # type: ignore[no-untyped-def]
    ms = found[len(ONE_NIGHT + SAME_NOUN) + i]
    assert len(_crowd_incidents(ms)) == 2, [(m.sentence.text[:30], m.incident, m.event_type) for m in ms]
