"""Tear gas shells, stun grenades and rubber rounds are crowd control, not shelling or grenade
attacks: sentences written for this test (none from a dev set or sample)."""

from __future__ import annotations

import pytest

CROWD_MUNITIONS = [
    "A teacher said she had been struck on the back by a tear gas shell outside the assembly on Monday.",
    "Police fired rubber bullets and stun grenades at the crowd outside the stadium in Kampala on Sunday.",
    "Officers lobbed tear gas shells into a crowd of farmers near the toll plaza on Tuesday.",
    "Riot police launched smoke grenades at students blocking the highway in Santiago on Friday.",
    "Several marchers were hurt when they were hit by tear gas grenades fired from an armoured vehicle in Tbilisi.",
    "Police fired several rounds of tear gas shells at the protesting nurses in Peshawar on Monday.",
]


@pytest.mark.parametrize("text", CROWD_MUNITIONS, ids=[t[:40] for t in CROWD_MUNITIONS])
def test_crowd_munitions_are_no_explosions(incidents_of, text: str) -> None:  # type: ignore[no-untyped-def]
    [incidents] = incidents_of([text])
    assert not [m for m in incidents if m.event_type == "Explosions/Remote violence"], incidents


def test_real_shells_and_grenades_stay_explosions(incidents_of) -> None:  # type: ignore[no-untyped-def]
    texts = ["Two children were killed when an artillery shell hit their home in Donetsk on Monday.",
             "A grenade thrown by gunmen exploded outside a bar in Culiacan on Saturday, wounding six people.",
             "Militants fired mortar shells at an army post near Bannu on Monday."]
    for incidents in incidents_of(texts):
        assert any(m.event_type == "Explosions/Remote violence" for m in incidents), incidents
