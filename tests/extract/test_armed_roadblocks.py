"""An armed group that blocks a road is doing part of its attack, not protesting: no protest (and
no event of its own); crowds and strikers blocking roads still protest. Sentences written for this
test (5 of 5 armed roadblocks were protests before)."""

from __future__ import annotations

import pytest

from eventdesk.extract.events import find_events

ARMED = [
    "The attackers blocked the Lokoja-Abuja road near the village of Gegu and forced passengers out of two buses.",
    "Gunmen blocked the highway near Zaria and robbed motorists.",
    "Militants blocked the road to the base before the assault.",
    "Bandits blocked a bridge outside Gusau and seized three trucks.",
    "Rebels barricaded the main road into Bunia with felled trees.",
]
CROWDS = [
    "Protesters blocked the highway near Kisumu on Monday.",
    "Truck drivers blocked roads into Lagos on Tuesday.",
]


def _blockades(nlp, sentence: str) -> list[str]:
    return [f"{m.event_type}/{m.sub_event_type}" for m in find_events(nlp(sentence), article_id="t")
            if m.trigger.text in ("blocked", "barricaded")]


@pytest.mark.parametrize("sentence", ARMED, ids=[s[:40] for s in ARMED])
def test_an_armed_roadblock_is_no_protest(nlp, sentence: str) -> None:
    assert _blockades(nlp, sentence) == []


@pytest.mark.parametrize("sentence", CROWDS, ids=[s[:40] for s in CROWDS])
def test_a_crowds_roadblock_protests(nlp, sentence: str) -> None:
    assert _blockades(nlp, sentence) == ["Protests/Peaceful protest"]
