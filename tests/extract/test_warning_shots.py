"""Shots fired "into the air" or "in the air" are warning shots, not an air strike; an air strike
stays one. Sentences written for this test."""

from __future__ import annotations

from datetime import date

import pytest

AIR = ("Explosions/Remote violence", "Air/drone strike")
WARNING = [
    "Officers were shooting into the air near the roundabout in Nairobi on Tuesday, and one man was shot dead.",
    "Police fired shots in the air and tear gas at protesters in Dhaka on Sunday.",
    "Gunmen fired into the air before abducting two teachers in Kaduna on Thursday.",
    "Troops fired in the air as the crowd stormed the depot in Goma on Monday.",
]
STRIKES = [
    "An air strike hit a market in Maarat on Friday, killing seven people.",
    "Jets struck targets in the air base at Tiyas on Monday.",
]


@pytest.fixture(scope="module")
def found(incidents_of) -> dict[str, list]:
    texts = WARNING + STRIKES
    return dict(zip(texts, incidents_of(texts, date(2025, 6, 13)), strict=True))


@pytest.mark.parametrize("text", WARNING, ids=[t[:40] for t in WARNING])
def test_warning_shots_are_no_air_strike(found, text: str) -> None:
    assert found[text]
    assert all((m.event_type, m.sub_event_type) != AIR for m in found[text])


@pytest.mark.parametrize("text", STRIKES, ids=[t[:40] for t in STRIKES])
def test_air_strikes_stay(found, text: str) -> None:
    assert any((m.event_type, m.sub_event_type) == AIR for m in found[text])
