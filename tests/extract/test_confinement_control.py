"""Forces that regain control of a prison, a jail, a wing, a stadium or a campus end a riot there;
they retake no territory from an armed group (no Battles/Government regains territory). A town
or an airport retaken still is. Sentences written for this test (4 of 5 were retaken territory
before)."""

from __future__ import annotations

import pytest

from eventdesk.extract.events import find_events

REGAINS = "Battles/Government regains territory"
CONFINEMENT = [
    "Police and soldiers regained control of the wing in the evening.",
    "Guards regained control of the prison in Guayaquil after a six-hour riot.",
    "Security forces restored control of the jail in Port-au-Prince on Sunday.",
    "Police regained control of the stadium after fans rioted in Lima.",
    "Riot police regained control of the campus in Dhaka after clashes with students.",
]
TERRITORY = [
    "Troops regained control of the town of Kidal from rebels on Tuesday.",
    "The army restored control over the airport in Khartoum.",
]


def _types(nlp, sentence: str) -> list[str]:
    return [f"{m.event_type}/{m.sub_event_type}" for m in find_events(nlp(sentence), article_id="t")]


@pytest.mark.parametrize("sentence", CONFINEMENT, ids=[s[:40] for s in CONFINEMENT])
def test_control_of_a_prison_is_no_territory(nlp, sentence: str) -> None:
    assert REGAINS not in _types(nlp, sentence)


@pytest.mark.parametrize("sentence", TERRITORY, ids=[s[:40] for s in TERRITORY])
def test_a_town_retaken_is(nlp, sentence: str) -> None:
    assert _types(nlp, sentence) == [REGAINS]
