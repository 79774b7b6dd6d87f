"""A doer's record told in the perfect is a tally, not an incident, even where no span of time is
named: events counted ("has carried out dozens of bombings", "have staged several attacks") or
people counted by thousands ("has killed thousands of civilians in eastern Congo"). A count
nearer such a turned-down trigger than to any incident of its sentence is the tally's, not
another incident's ("as the marches spread ..., dozens of arrests have been made": no protest's
arrests). Sentences written for this test (7 of 7 tallies were incidents before; 5 of 5 protests
took the tally's arrests once the tallies were turned down)."""

from __future__ import annotations

from datetime import date

import pytest

from eventdesk.extract.events import find_events

TALLIES = [
    "The Allied Democratic Forces, a Ugandan-origin group linked to the Islamic State, has killed thousands of "
    "civilians in eastern Congo.",
    "Al-Shabaab has carried out dozens of bombings in Mogadishu.",
    "The Lord's Resistance Army has abducted thousands of children in northern Uganda.",
    "Jihadists have staged several attacks on army posts in Burkina Faso.",
    "Security forces have detained thousands of opposition supporters in Minsk.",
    "Rebels have launched dozens of attacks on the army in Kachin state.",
    "Bandits have kidnapped thousands of people across Zamfara and Katsina.",
]
INCIDENTS = [  # the perfect of one incident, or thousands who act
    "Gunmen have killed 12 villagers in an attack on a village in Plateau state, police said.",
    "Thousands of protesters have taken to the streets of Tbilisi.",
    "Militants have attacked a police station in Quetta, killing four officers.",
]
PROTESTS_NEXT_TO_TALLIES = [
    "As the marches spread to Lyon and Lille, dozens of arrests have been made across the country.",
    "Protests spread to Kisumu and Mombasa, and dozens of arrests have been made nationwide.",
    "Students marched in Dhaka as police have carried out dozens of arrests in the capital.",
    "Rallies were held in Porto and Braga, where police have made dozens of arrests.",
    "Demonstrators marched in Accra while security forces have made dozens of arrests across the region.",
]


@pytest.mark.parametrize("sentence", TALLIES, ids=[s[:40] for s in TALLIES])
def test_a_record_in_the_perfect_is_no_incident(nlp, sentence: str) -> None:
    assert [m.trigger.text for m in find_events(nlp(sentence), article_id="t")] == []


@pytest.mark.parametrize("sentence", INCIDENTS, ids=[s[:40] for s in INCIDENTS])
def test_one_incident_in_the_perfect_still_is(nlp, sentence: str) -> None:
    assert find_events(nlp(sentence), article_id="t")


@pytest.fixture(scope="module")
def protests(incidents_of) -> dict[str, list]:
    return dict(zip(PROTESTS_NEXT_TO_TALLIES, incidents_of(PROTESTS_NEXT_TO_TALLIES, date(2025, 6, 20)), strict=True))


@pytest.mark.parametrize("sentence", PROTESTS_NEXT_TO_TALLIES, ids=[s[:40] for s in PROTESTS_NEXT_TO_TALLIES])
def test_a_tallys_count_is_no_protests(protests, sentence: str) -> None:
    found = protests[sentence]
    assert found and all(m.event_type == "Protests" and not m.counts for m in found), \
        [(m.sub_event_type, m.counts) for m in found]
