"""Disasters and accidents are no political violence (issue 13's hard negatives), on sentences
written for these tests (none from a dev set or sample); violence in their wake still is."""

from __future__ import annotations

import pytest

from eventdesk.extract.events import find_events

NOT_EVENTS = [
    "A powerful earthquake rocked the city of Van on Sunday, killing 12 people and destroying dozens of buildings.",
    "Two people were killed in a car crash on the highway near Accra on Friday.",
    "The fire destroyed 40 homes in a township outside Cape Town on Monday.",
    "Floods swept through villages in Sindh province, killing 30 people.",
    "Three miners died in a collapse at a gold mine in Ghana on Wednesday.",
    "A series of strong tremors shook the island of Flores on Monday, killing three people.",
    "The province was hit by a magnitude 6.3 earthquake on Monday, the latest tremor to shake the region, destroying homes.",
    "The town was hit by floods on Monday, killing ten people.",
    # a toll with no doer in a sentence about a disaster is the disaster's
    "A powerful cyclone battered the coast of Odisha on Tuesday, the second storm this month to hit a state where 12 people were killed last week.",
    "Floods swept through northern Sindh overnight, the worst in a province where dozens were killed and hundreds of homes were destroyed in July.",
    "The island was struck by a 5.8-magnitude quake on Friday, weeks after a tremor in which 30 people were killed and hundreds of houses were destroyed.",
    "Heavy rain triggered mudslides in Petropolis, where at least 18 people were killed and dozens were injured.",
    "A wildfire raced through the hills above Valparaiso, where 40 homes were destroyed and two residents were killed.",
    "At least four people died in Sumbawa, where the runway of the airport was split by the force of the quake.",
    "Six people died in the valley overnight after floods swept away dozens of homes.",
    "Two climbers died on the mountain after an avalanche buried their camp.",
    "Five people died in the capital after the storm brought down power lines.",
]
EVENTS = [
    "Gunmen killed four people in a village hit by the earthquake last month.",
    "A bomb exploded in a market in Kabul, killing 12 people.",
    "Rioters set fire to a police station in Lagos on Tuesday.",
    "Two protesters were killed by army fire in Bamako on Friday.",
    "The village was attacked by gunmen on Monday, killing ten people.",
    # ... unless the sentence names a weapon or an armed actor
    "Gunmen attacked a bus in Zamfara on Sunday, in a district where floods had displaced thousands, and nine passengers were killed.",
    "Soldiers patrolled the flooded district of Beira, where three looters were killed on Saturday.",
    "Shells hit the town after the earthquake, and six people were killed.",
    "Three people died in Kano on Friday when gunmen attacked a market.",
    "Two protesters died in Khartoum on Thursday after security forces fired on a march.",
]


@pytest.mark.parametrize("sentence", NOT_EVENTS, ids=[s[:40] for s in NOT_EVENTS])
def test_a_disaster_or_accident_is_no_event(nlp, sentence: str) -> None:
    assert find_events(nlp(sentence), article_id="t") == []


@pytest.mark.parametrize("sentence", EVENTS, ids=[s[:40] for s in EVENTS])
def test_violence_near_a_disaster_still_is(nlp, sentence: str) -> None:
    assert find_events(nlp(sentence), article_id="t")
