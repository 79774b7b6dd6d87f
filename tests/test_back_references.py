"""A toll that points back with a definite noun ("five were injured in the attack", "wounded in
Friday's ambush") to an incident the article already told is that incident: same type, place and
date, so the link step merges them; one whose sentence names another place or day is another
incident. Articles written for this test."""

from __future__ import annotations

from datetime import date

import pytest


ARTICLES = [
    "Gunmen killed 12 villagers in an attack on a farming community near Kontagora on Sunday.\n\n"
    "Five people were injured in the attack, a police spokesman said.",
    "A car bomb exploded near a market in Baidoa on Thursday, killing six people.\n\n"
    "At least 15 others were wounded in the blast, which destroyed several vehicles.",
    "Rebels and soldiers clashed near Goma on Monday, killing eight fighters.\n\n"
    "Two civilians were also killed in the fighting, local officials said.",
    "Police fired on protesters in Conakry on Tuesday, killing two.\n\n"
    "Dozens of people were injured during the protest, according to a rights group.",
    "Militants ambushed an army convoy near Tillaberi on Friday, killing 11 soldiers.\n\n"
    "Four more soldiers were wounded in Friday's ambush, the army said.",
]


ANOTHER = ("Police fired on protesters in Conakry on Tuesday, killing two.\n\n"
           "The protest in Kankan on Wednesday passed off peacefully, organisers said.")


@pytest.fixture(scope="module")
def incidents(incidents_of) -> list[list]:
    texts = [*ARTICLES, ANOTHER]
    return incidents_of(texts, date(2025, 2, 9))


@pytest.mark.parametrize("i", range(len(ARTICLES)), ids=[a[:40] for a in ARTICLES])
def test_a_toll_pointing_back_is_the_incident_it_names(incidents: list[list], i: int) -> None:
    told = {(m.event_type, m.sub_event_type, m.place and m.place.name, m.when and m.when.value) for m in incidents[i]}
    assert len(told) == 1, [(m.sub_event_type, m.place and m.place.name, m.refers_back) for m in incidents[i]]


def test_the_tolls_pointing_back_are_found(incidents: list[list]) -> None:
    assert sum(any(m.refers_back for m in ms) for ms in incidents) >= 3


def test_a_definite_noun_with_its_own_place_and_day_is_another_incident(incidents: list[list]) -> None:
    places = [m.place.name if m.place else None for m in incidents[-1]]
    assert len(incidents[-1]) == 2 and places[0] != places[1], places
