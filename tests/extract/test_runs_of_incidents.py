"""A run of incidents is no incident (issue 13's "generic statistics" and habits): a word of
frequency, a tally over months or years, a perfect over a span (extract/events.py `generic`).
Sentences written for these tests, none from a dev set or sample; one incident told with a
count, a day or a plural stays an event."""

from __future__ import annotations

import pytest

from eventdesk.extract.events import find_events

RUNS = [
    # a word of frequency
    "Armed groups have repeatedly attacked convoys on the road to Goma.",
    "The border district has seen frequent clashes between herders and farmers.",
    "Soldiers routinely detain young men at checkpoints outside Mosul.",
    "Separatists regularly ambush army patrols in the Anglophone regions.",
    "Israel has carried out near-nightly raids in the northern West Bank.",
    "Militants often fire rockets at the airport in Tripoli.",
    # events counted over months or years
    "Police recorded 85 bombings in the province last year, according to the interior ministry.",
    "Dock workers staged three national strikes in 2023.",
    "The group carried out dozens of attacks on schools in Burkina Faso this year.",
    "Farmers held several protests outside parliament in Warsaw last month.",
    "There were 40 kidnappings in the state in recent months, officials said.",
    # a perfect over a span
    "Gang violence has killed more than 2,000 people in Port-au-Prince since January.",
    "Kenyan and Somali troops have conducted joint operations against the militants since 2021.",
    "Air strikes have killed hundreds of civilians in the region in recent years.",
    "Protests against the tax have been held in several cities this month.",
    "Security forces have arrested thousands of opposition supporters over the past two years.",
]
ONE_INCIDENT = [
    "Two blasts killed 12 people in a market in Kabul on Monday.",
    "Rebels have killed 20 villagers since Sunday, local officials said.",
    "Gunmen killed five people in a village in Zamfara last month.",
    "Thousands of protesters rallied in Santiago last month against the pension reform.",
    "Armed men repeatedly stabbed a shopkeeper in Karachi on Tuesday.",
    "Three rockets struck a base near Erbil on Wednesday night, wounding two soldiers.",
    "The army said it had repelled several attacks on its positions in Bakhmut on Friday.",
]


@pytest.mark.parametrize("sentence", RUNS, ids=[s[:40] for s in RUNS])
def test_a_run_of_incidents_is_no_event(nlp, sentence: str) -> None:
    assert find_events(nlp(sentence), article_id="t") == []


@pytest.mark.parametrize("sentence", ONE_INCIDENT, ids=[s[:40] for s in ONE_INCIDENT])
def test_one_incident_told_with_a_count_stays(nlp, sentence: str) -> None:
    assert find_events(nlp(sentence), article_id="t")
