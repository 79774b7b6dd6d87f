"""Conflict verbs the lexicon lacked (extract/data/event_types.toml): a weapon that struck, an
ambush, an armed group storming a place, and a toll that names whom a noun event hit. Sentences
written for these tests, none from a dev set or sample."""

from __future__ import annotations

import pytest

from eventdesk.extract.events import find_events


def _types(nlp, text: str) -> list[str]:
    return [f"{m.event_type}/{m.sub_event_type}" for m in find_events(nlp(text), article_id="t")]


STRUCK = [
    ("Drones struck a fuel depot in Belgorod on Monday.", "Explosions/Remote violence/Air/drone strike"),
    ("Warplanes struck a market in Saada on Tuesday, killing 11 people.", "Explosions/Remote violence/Air/drone strike"),
    ("A missile hit an apartment block in Dnipro on Sunday.", "Explosions/Remote violence/Shelling/artillery/missile attack"),
    ("The army pounded rebel positions near Goma with artillery on Friday.",
     "Explosions/Remote violence/Shelling/artillery/missile attack"),
    ("Rockets slammed into a residential district of Kharkiv overnight.",
     "Explosions/Remote violence/Shelling/artillery/missile attack"),
    ("Helicopter gunships targeted a convoy near Kidal on Thursday.", "Explosions/Remote violence/Air/drone strike"),
]


@pytest.mark.parametrize(("text", "want"), STRUCK, ids=[s[0][:30] for s in STRUCK])
def test_a_weapon_that_struck_is_remote_violence(nlp, text: str, want: str) -> None:
    assert want in _types(nlp, text)


NOT_STRUCK = [
    "Teachers struck for a second day in Lagos.",
    "An earthquake struck the province on Monday.",
    "A car hit a pedestrian in Leeds on Friday.",
    "The storm hit the coast of Mozambique on Sunday.",
    "The new tax hit small traders in Accra hardest.",
]


@pytest.mark.parametrize("text", NOT_STRUCK, ids=[s[:30] for s in NOT_STRUCK])
def test_a_strike_without_a_weapon_is_no_remote_violence(nlp, text: str) -> None:
    assert not any(t.startswith("Explosions") for t in _types(nlp, text))


AMBUSHES = [
    ("Rebels ambushed an army patrol in Arauca on Wednesday.", "Battles/Armed clash"),
    ("Insurgents ambushed a police convoy near Bannu on Monday.", "Battles/Armed clash"),
    ("Gunmen ambushed a bus carrying traders near Maiduguri on Sunday.", "Violence against civilians/Attack"),
    ("Two soldiers were killed in an ambush near Kidal on Friday.", "Battles/Armed clash"),
    ("Five villagers were killed in an ambush near Beni on Saturday.", "Violence against civilians/Attack"),
]


@pytest.mark.parametrize(("text", "want"), AMBUSHES, ids=[s[0][:30] for s in AMBUSHES])
def test_an_ambush_is_an_attack_on_whom_it_hit(nlp, text: str, want: str) -> None:
    assert want in _types(nlp, text)


STORMED = [
    ("Militants stormed a hotel in Mogadishu on Friday.", "Violence against civilians/Attack"),
    ("Gunmen stormed a school in Kuriga on Thursday.", "Violence against civilians/Attack"),
    ("Insurgents stormed an army base near Gao on Sunday.", "Battles/Armed clash"),
    ("Protesters stormed the parliament building in Colombo.", "Riots/Violent demonstration"),
    ("Rioters stormed a supermarket in Durban on Tuesday.", "Riots/Mob violence"),
]


@pytest.mark.parametrize(("text", "want"), STORMED, ids=[s[0][:30] for s in STORMED])
def test_who_stormed_a_place_decides_the_type(nlp, text: str, want: str) -> None:
    assert want in _types(nlp, text)


FIRED = [
    "Hamas fired rockets at Ashkelon on Monday.",
    "Militants fired mortar shells at a base near Kidal on Sunday.",
    "The Houthis launched missiles at a tanker in the Red Sea on Tuesday.",
    "Russia launched a barrage of missiles at Kyiv overnight.",
    "Troops fired artillery at villages near Sittwe on Friday.",
]


@pytest.mark.parametrize("text", FIRED, ids=[s[:30] for s in FIRED])
def test_a_weapon_fired_at_a_target_is_remote_violence(nlp, text: str) -> None:
    assert any(t.startswith("Explosions/Remote violence") for t in _types(nlp, text))


NOT_FIRED = [
    "Police fired tear gas at protesters in Nairobi.",
    "The company launched a new phone in Seoul on Monday.",
    "The club fired its coach after the defeat in Porto.",
    "The agency launched an inquiry into the crash near Lyon.",
    "Police fired rubber bullets at the crowd in Santiago.",
]


@pytest.mark.parametrize("text", NOT_FIRED, ids=[s[:30] for s in NOT_FIRED])
def test_firing_no_weapon_of_war_is_no_remote_violence(nlp, text: str) -> None:
    assert not any(t.startswith("Explosions") for t in _types(nlp, text))


SITES = [
    ("Insurgents attacked a checkpoint near Kunduz on Monday.", "Battles/Armed clash"),
    ("Militants attacked an army base in Borno on Sunday.", "Battles/Armed clash"),
    ("Rebels attacked a military outpost near Falam.", "Battles/Armed clash"),
    ("Gunmen attacked a village near Kunduz on Monday.", "Violence against civilians/Attack"),
    ("Militants attacked a school in Bunia on Friday.", "Violence against civilians/Attack"),
]


@pytest.mark.parametrize(("text", "want"), SITES, ids=[s[0][:30] for s in SITES])
def test_an_armed_groups_attack_on_a_military_site_is_a_clash(nlp, text: str, want: str) -> None:
    assert want in _types(nlp, text)
