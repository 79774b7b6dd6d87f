"""People of no armed group destroying property riot (ACLED's mob violence); an armed group's
destruction is looting/property destruction; fireworks and flares thrown at police are a riot's
missiles (extract/data/event_types.toml). Sentences written for these tests, none from a dev set
or sample."""

from __future__ import annotations

import pytest

from eventdesk.extract.events import find_events


def _types(nlp, text: str) -> list[str]:
    return [f"{m.event_type}/{m.sub_event_type}" for m in find_events(nlp(text), article_id="t")]


CROWDS = [
    "Youths set fire to cars in the suburb of Sevran on Saturday night.",
    "Residents burned the house of a suspected thief in Soweto on Monday.",
    "Villagers torched a police station in Kasese after a man died in custody.",
    "Young men burned tyres and a bus in Kisumu on Tuesday.",
    "Angry residents destroyed the offices of a mining company near Cajamarca.",
]


@pytest.mark.parametrize("text", CROWDS, ids=[s[:30] for s in CROWDS])
def test_people_destroying_property_riot(nlp, text: str) -> None:
    assert "Riots/Mob violence" in _types(nlp, text)


ARMED = [
    "Gunmen burned the house of a councillor in Guerrero on Sunday.",
    "Militants torched a school in Borno on Friday.",
    "Soldiers burned homes in a village near Hpakant.",
    "Bandits set fire to a market in Zamfara on Monday.",
    "Rebels destroyed a bridge near Bunia on Thursday.",
]


@pytest.mark.parametrize("text", ARMED, ids=[s[:30] for s in ARMED])
def test_an_armed_groups_destruction_is_no_riot(nlp, text: str) -> None:
    assert not any(t.startswith("Riots") for t in _types(nlp, text))


THROWN = [
    "Youths threw fireworks at police in Trappes on Saturday.",
    "Fans hurled flares at officers outside the stadium in Marseille.",
    "Protesters threw eggs and bottles at the minister's car in Lima.",
    "Demonstrators pelted riot police with stones in Santiago.",
    "Students threw chairs at police in Dhaka on Monday.",
]


@pytest.mark.parametrize("text", THROWN, ids=[s[:30] for s in THROWN])
def test_missiles_thrown_at_police_are_a_riot(nlp, text: str) -> None:
    assert any(t.startswith("Riots") for t in _types(nlp, text))


MOBS = [
    "A mob torched houses in Imphal East overnight after the clashes.",
    "A mob set fire to a mosque in Delhi after the riot.",
    "An angry mob burned the home of a suspected witch near Kisii after protests in the town.",
    "A mob destroyed shops owned by migrants in Durban during the unrest.",
    "A mob torched a bus in Dhaka after the rally turned violent.",
]


@pytest.mark.parametrize("text", MOBS, ids=[s[:30] for s in MOBS])
def test_a_mobs_destruction_is_mob_violence_whatever_the_crowd_around_it(nlp, text: str) -> None:
    assert "Riots/Mob violence" in _types(nlp, text)
