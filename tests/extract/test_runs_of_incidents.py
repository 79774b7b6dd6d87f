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
    "Armed gangs have killed thousands of people in the northwest in recent years and kidnapped hundreds of pupils.",
]
# a habit or a state told in the simple present, in an article's body
PRESENT = [
    "Sonora is home to rival cartels fighting over smuggling routes into Arizona.",
    "Gangs fight over the routes and extort traders in the market towns.",
    "Militants attack army posts in the region almost every week.",
    '"They shoot at us whenever we go to the fields," a farmer said.',
    "Armed herders raid the villages at harvest time, residents say.",
    "Separatist fighters control much of the countryside and kidnap travellers for ransom.",
]
ONE_INCIDENT = [
    "Two blasts killed 12 people in a market in Kabul on Monday.",
    "Rebels have killed 20 villagers since Sunday, local officials said.",
    "Gunmen killed five people in a village in Zamfara last month.",
    "Thousands of protesters rallied in Santiago last month against the pension reform.",
    "Armed men repeatedly stabbed a shopkeeper in Karachi on Tuesday.",
    "Three rockets struck a base near Erbil on Wednesday night, wounding two soldiers.",
    "The army said it had repelled several attacks on its positions in Bakhmut on Friday.",
    # past and perfect in the body, and a present the tagger may read as a past
    "Police say gunmen killed five people in the village.",
    "Protesters are marching on parliament in Lima, witnesses said.",
    "As the protests spread to Porto, police detained dozens of people in Lisbon.",
]


@pytest.mark.parametrize("sentence", RUNS, ids=[s[:40] for s in RUNS])
def test_a_run_of_incidents_is_no_event(nlp, sentence: str) -> None:
    assert find_events(nlp(sentence), article_id="t") == []


@pytest.mark.parametrize("sentence", ONE_INCIDENT, ids=[s[:40] for s in ONE_INCIDENT])
def test_one_incident_told_with_a_count_stays(nlp, sentence: str) -> None:
    assert find_events(nlp(sentence), article_id="t")


# A body sentence, after a headline and a first sentence of news.
BODY = "Violence in the region\n\nThe town was calm on Monday. "


@pytest.mark.parametrize("sentence", PRESENT, ids=[s[:40] for s in PRESENT])
def test_a_habit_in_the_present_is_no_event(nlp, sentence: str) -> None:
    doc = nlp(BODY + sentence)
    assert [m for m in find_events(doc, article_id="t") if m.sentence.start >= len(BODY)] == []


def test_a_headline_in_the_present_is_news(nlp) -> None:
    assert find_events(nlp("Gunmen kill five in Zamfara village\n\nThe town was calm on Monday."), article_id="t")
