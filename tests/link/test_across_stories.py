"""Reports of one incident that the story step put in two stories are one event when they match
point for point: the same type and sub-type, told to the same day in the same town or region,
every constraint agreeing and no toll far from the other's (ACLED counts one event per type, day
and place). Reports that differ in sub-type or toll, or that name only a country, stay apart.
Articles written for this test; each report is given its own story here, as the story step may
(5 of 5 pairs were two events before)."""

from __future__ import annotations

from datetime import date

import pytest

from eventdesk.link.events import assign_events

PUBLISHED = date(2026, 4, 8)  # a Wednesday
ONE = [
    ("Gunmen kidnap 20 passengers in Kogi\n\nGunmen kidnapped at least 20 passengers on a highway in Kogi state "
     "on Monday night, police said.",
     "Bandits abduct bus travellers\n\nArmed men abducted 23 travellers from two buses on the Abuja-Lokoja highway "
     "in Kogi State late on Monday, residents said."),
    ("Market shelled in Donetsk\n\nShelling hit a market in Donetsk on Monday, killing 12 people.",
     "Shells strike Donetsk market\n\nArtillery shells struck a crowded market in Donetsk on Monday, killing at "
     "least 13 civilians, officials said."),
    ("Police fire tear gas in Kisumu\n\nPolice fired tear gas at traders protesting new levies in Kisumu on Monday.",
     "Kisumu traders dispersed\n\nOfficers used tear gas to break up a demonstration by market vendors in Kisumu "
     "on Monday."),
    ("Rebels attack army post near Bunia\n\nRebels attacked an army post near Bunia on Monday, killing six "
     "soldiers, the army said.",
     "Six soldiers dead in Bunia raid\n\nSix soldiers were killed when militants raided a military "
     "position outside Bunia on Monday."),
    ("Students arrested in Rajshahi\n\nPolice arrested 40 students in Rajshahi on Monday.",
     "Campus crackdown\n\nSecurity forces detained 41 students during a raid on a hostel in Rajshahi on Monday."),
]
APART = [
    # another toll: another shooting in the same city that day
    ("Gunmen kill two in Kano\n\nGunmen shot dead two traders in Kano on Monday.",
     "Nine killed in Kano attack\n\nGunmen killed nine worshippers at a mosque in Kano on Monday."),
    # only the country named
    ("Protest in Kenya\n\nTeachers protested in Kenya on Monday over pay.",
     "Kenyan nurses march\n\nNurses marched in Kenya on Monday to demand overdue wages."),
]


@pytest.fixture(scope="module")
def found(incidents_of) -> list[list]:
    return incidents_of([text for pair in ONE + APART for text in pair], PUBLISHED)


def _events(a: list, b: list) -> tuple[set[str], set[str]]:
    mentions = [m for m in a + b if m.event_type != "Strategic developments" or m.sub_event_type == "Arrests"]
    event_of = assign_events(mentions, {}, {m.article_id: m.article_id for m in mentions})  # one story each
    return {event_of[m.id] for m in a if m in mentions}, {event_of[m.id] for m in b if m in mentions}


@pytest.mark.parametrize("i", range(len(ONE)), ids=[p[0].split("\n")[0] for p in ONE])
def test_one_incident_across_stories(found: list[list], i: int) -> None:
    first, second = _events(found[2 * i], found[2 * i + 1])
    assert first and first == second, (first, second)


@pytest.mark.parametrize("i", range(len(APART)), ids=[p[0].split("\n")[0] for p in APART])
def test_other_incidents_stay_apart(found: list[list], i: int) -> None:
    j = len(ONE) + i
    first, second = _events(found[2 * j], found[2 * j + 1])
    assert first and second and not first & second, (first, second)
