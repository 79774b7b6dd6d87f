"""A word next to a name says which place of the name is meant, where a region and a town share
it (resolve/places.py `_level`), and a hospital's town is not where the wounded were hurt
(`_at_hospital`). Sentences written for these tests, none from a dev set or sample."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from eventdesk.records import Place
from eventdesk.resolve.places import find_places, locate


def _places(nlp, text: str) -> list[Place]:
    return [p for p in find_places(nlp(text)) if not p.reason.startswith("phrase")]


def _where(nlp, text: str, trigger: str) -> Place | None:
    doc: Doc = nlp(text)
    tok = next(t for t in doc if t.text == trigger)
    return locate(tok.sent.start_char, tok.sent.end_char, find_places(doc), doc, trigger=tok)


# (sentence, the name): the region of the name, not its town
REGIONS = [
    ("Gunmen ambushed a patrol in the northeastern province of Arauca on Wednesday.", "Arauca"),
    ("Militants attacked a checkpoint in Kunduz province on Monday.", "Kunduz"),
    ("Bandits killed nine people in the northern state of Kano.", "Kano"),
    ("Troops clashed with rebels in Herat province, officials said.", "Herat"),
    ("Two people were killed in Balkh province on Sunday.", "Balkh"),
    ("Gunmen shot dead a councillor in the southern state of Guerrero.", "Guerrero"),
]


@pytest.mark.parametrize(("text", "name"), REGIONS, ids=[r[1] for r in REGIONS])
def test_a_region_word_names_the_region(nlp, text: str, name: str) -> None:
    places = [p for p in _places(nlp, text) if name in p.text]
    assert places and all(p.feature == "admin1" and p.geo_precision == 3 for p in places), places


# (sentence, the name): the town of the name
TOWNS = [
    ("Fighting erupted in the city of Kandahar on Friday.", "Kandahar"),
    ("Police fired tear gas in Kano city on Friday.", "Kano"),
    ("Rockets hit the city of Herat overnight.", "Herat"),
    ("Gunmen stormed a bank in the town of Kunduz.", "Kunduz"),
    ("Protesters marched through the city of Guerrero.", "Guerrero"),
]


@pytest.mark.parametrize(("text", "name"), TOWNS, ids=[t[1] for t in TOWNS])
def test_a_town_word_names_the_town(nlp, text: str, name: str) -> None:
    places = [p for p in _places(nlp, text) if name in p.text]
    assert places and all(p.feature == "city" and p.geo_precision == 1 for p in places), places


def test_a_town_inside_the_region_of_the_sentence_is_the_place(nlp) -> None:
    where = _where(nlp, "Gunmen shot dead a mayor in the state of Guerrero as he left his home in the town of "
                        "Tixtla on Wednesday.", "shot")
    assert where is not None and where.name.startswith("Tixtla"), where


def test_the_town_of_a_name_is_that_name_not_the_town_before(nlp) -> None:
    doc = nlp("ACCRA - Soldiers opened fire on a crowd in the town of Tamale on Monday.")
    assert not any(p.reason.startswith("phrase") for p in find_places(doc))


# (sentence, trigger, the hospital's town)
HOSPITALS = [
    ("His driver was wounded in the arm and taken to hospital in the state capital, Chilpancingo.", "wounded",
     "Chilpancingo"),
    ("The injured were rushed to a hospital in Peshawar.", "injured", "Peshawar"),
    ("Five wounded were taken to hospitals in Kaduna, officials said.", "wounded", "Kaduna"),
    ("Three people were treated at a clinic in Goma for gunshot wounds.", "wounds", "Goma"),
    ("Two of the injured later died in hospital in Jos.", "injured", "Jos"),
    ("Soldiers took the wounded to a hospital in Bamako.", "wounded", "Bamako"),
]


@pytest.mark.parametrize(("text", "trigger", "town"), HOSPITALS, ids=[h[2] for h in HOSPITALS])
def test_where_the_wounded_were_taken_is_not_the_place(nlp, text: str, trigger: str, town: str) -> None:
    places = [p for p in find_places(nlp(text)) if p.text.endswith(town)]
    assert places and all(p.role == "hospital" for p in places), places
    where = _where(nlp, text, trigger)
    assert where is None or town not in where.name, where


# A hospital that is the target keeps its town.
TARGETS = [
    ("A bomb exploded outside a hospital in Mogadishu.", "exploded", "Mogadishu"),
    ("Militants stormed a clinic in Mosul.", "stormed", "Mosul"),
    ("Gunmen attacked a hospital in Maiduguri on Sunday.", "attacked", "Maiduguri"),
    ("Shells hit a clinic in Kharkiv overnight.", "hit", "Kharkiv"),
    ("Protesters gathered outside a hospital in Lahore.", "gathered", "Lahore"),
]


@pytest.mark.parametrize(("text", "trigger", "town"), TARGETS, ids=[t[2] for t in TARGETS])
def test_a_hospital_attacked_keeps_its_town(nlp, text: str, trigger: str, town: str) -> None:
    where = _where(nlp, text, trigger)
    assert where is not None and where.text.endswith(town), where


# (article, the name): the level the article once gives a name holds where it names it bare
ONE_SENSE = [
    ("Blast in Kandahar kills four\n\nA bomb exploded in Kandahar province on Friday.", "Kandahar"),
    ("Checkpoint attacked in Kunduz\n\nMilitants attacked a checkpoint in Kunduz province.", "Kunduz"),
    ("Bandits raid villages in Kano\n\nBandits killed nine people in the northern state of Kano.", "Kano"),
    ("Shelling in Herat\n\nArtillery hit a market in Herat province, and later Herat was calm.", "Herat"),
    ("Balkh clashes\n\nTwo people were killed in Balkh province on Sunday.", "Balkh"),
]


@pytest.mark.parametrize(("text", "name"), ONE_SENSE, ids=[o[1] for o in ONE_SENSE])
def test_one_article_one_level_per_name(nlp, text: str, name: str) -> None:
    places = [p for p in _places(nlp, text) if name in p.text]
    assert len(places) >= 2 and all(p.feature == "admin1" for p in places), places


# (sentence, trigger, the speaker's country): a country naming a speaker is not the event's place
SPEAKERS = [
    ("A U.S. defence official confirmed that a drone had hit the base.", "hit", "U.S."),
    ("A Pakistan official said militants attacked a post near the border.", "attacked", "Pakistan"),
    ("A Kenya police spokesman said officers were ambushed on the highway.", "ambushed", "Kenya"),
    ("A Turkey official said drones struck the camp overnight.", "struck", "Turkey"),
    ("An Iran envoy said the tanker was seized in the strait.", "seized", "Iran"),
]


@pytest.mark.parametrize(("text", "trigger", "home"), SPEAKERS, ids=[s[2] for s in SPEAKERS])
def test_a_speakers_country_is_not_the_place(nlp, text: str, trigger: str, home: str) -> None:
    doc = nlp(text)
    assert any(p.text == home and p.role == "home" for p in find_places(doc))
    where = _where(nlp, text, trigger)
    assert where is None or where.text != home, where


# A level word that is part of a title or a thing ("the Kano state governor", "a Washington state
# farm") gives the other mentions of the name no level: the bare name keeps its own reading.
TITLES = [
    "The Kano state governor condemned the attack on a market in Kano.",
    "Gunmen attacked a bank in Kano, the Kano state police commissioner said.",
    "Protesters marched through Herat, the Herat province governor's office said.",
    "Police in Nakuru fired tear gas, the Nakuru county police commander said.",
    "Bandits raided a farm near Kaduna, a Kaduna state official said.",
]


@pytest.mark.parametrize("text", TITLES, ids=[t[:30] for t in TITLES])
def test_a_title_gives_no_level_to_the_name(nlp, text: str) -> None:
    doc = nlp(text)
    towns = [p for p in find_places(doc) if p.feature == "city" and not p.reason.startswith("phrase")]
    assert towns, find_places(doc)


# (headline of two incidents, trigger of the first, the second's place): a place of the other
# part of a semicolon's sentence is not the first incident's
SEMICOLONS = [
    ("Gunmen kill five in Kaduna; police arrest ten in Kano", "kill", "Kano"),
    ("Bomb wounds three soldiers near Gao; rebels seize town in Kidal region", "wounds", "Kidal"),
    ("Protesters clash with police in Lima; curfew declared in Cusco", "clash", "Cusco"),
    ("Drone strike hits market in Idlib; rebels shell Latakia", "hits", "Latakia"),
    ("Militants attack checkpoint in Bannu; two soldiers killed in Peshawar", "attack", "Peshawar"),
]


@pytest.mark.parametrize(("text", "trigger", "other"), SEMICOLONS, ids=[s[2] for s in SEMICOLONS])
def test_the_other_part_of_a_semicolon_gives_no_place(nlp, text: str, trigger: str, other: str) -> None:
    where = _where(nlp, text, trigger)
    assert where is None or other not in (where.text or "") and other not in where.name, where
