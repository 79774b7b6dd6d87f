"""Things smashed or vandalised by no one the sentence names are a riot only where the sentence
tells of a crowd, its violence or unrest ("shop windows were smashed and stores looted"); after a
blast, in a storm or at a cemetery they are no riot (and no toll of the article's later sentences
takes a riot's type from them). Sentences written for this test, none from a dev set or sample
(4 of 5 failed before: riots; the hailstorm was no candidate)."""

from __future__ import annotations

import pytest

from eventdesk.extract.events import find_events
from eventdesk.nlp import parse

NO_RIOT = [
    "Windows were smashed and the roof caved in when the shell landed.",
    "Several cars were smashed in the street after the explosion.",
    "Gravestones were vandalized at a cemetery in Strasbourg on Sunday.",
    "The shop's windows were smashed overnight, the owner said.",
    "Dozens of windscreens were smashed in the hailstorm on Tuesday.",
]
RIOTS = [
    "Shop windows were smashed and stores looted in the city centre on Monday.",
    "Statues were smashed overnight during unrest in the capital.",
    "Riots broke out in Paris on Monday.",
    "Cars were vandalized during the protest on Monday.",
]


@pytest.mark.parametrize("text", NO_RIOT, ids=[s[:40] for s in NO_RIOT])
def test_smashed_by_no_one_is_no_riot(text: str) -> None:
    found = find_events(parse(text), article_id="a")
    assert not any(m.event_type == "Riots" for m in found), [(m.trigger.text, m.event_type) for m in found]


@pytest.mark.parametrize("text", RIOTS, ids=[s[:40] for s in RIOTS])
def test_a_crowds_damage_is_a_riot(text: str) -> None:
    found = find_events(parse(text), article_id="a")
    assert any(m.event_type == "Riots" for m in found), [(m.trigger.text, m.event_type) for m in found]
