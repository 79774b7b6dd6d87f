"""Place recognition, resolution and event location on real articles (real pipeline)."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from eventdesk.records import Place
from eventdesk.resolve.places import find_places, is_metonymy, locate

REAL = {"Almaty": (43.2567, 76.9286), "Aktau": (43.6481, 51.1722), "Aktobe": (50.2797, 57.2072)}


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2, dl = math.radians(lat1), math.radians(lat2), math.radians(lon2 - lon1)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 12742 * math.asin(math.sqrt(h))


def _sample(samples: list[Path], prefix: str) -> str:
    path = next((p for p in samples if p.name.startswith(prefix)), None)
    if path is None:
        pytest.skip(f"sample {prefix}* absent")
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def kz_places(nlp, samples):
    out = []
    for prefix in ("000", "004"):
        doc = nlp(_sample(samples, prefix))
        out.append((doc, find_places(doc)))
    return out


def test_kazakh_cities_resolve_to_kazakhstan(kz_places) -> None:
    named = {p.text: p for _, places in kz_places for p in places}
    for name, (lat, lon) in REAL.items():
        place = named[name]
        assert place.country_code == "KZ" and place.geo_precision == 1, place
        assert _km(place.lat, place.lon, lat, lon) < 30, place
        assert place.reason


def test_offsets_point_into_the_text(kz_places) -> None:
    for doc, places in kz_places:
        for p in places:
            assert doc.text[p.start : p.end] == p.text


def test_western_kazakhstan_is_a_region_of_the_country(kz_places) -> None:
    doc, places = kz_places[1]
    hit = [p for p in places if p.text and "western Kazakhstan" in p.text]
    assert hit and hit[0].country_code == "KZ" and hit[0].geo_precision in (2, 3)


def test_people_and_common_words_are_not_places(kz_places) -> None:
    for _, places in kz_places:
        assert not [p for p in places if p.text in {"Samal", "Police"}]


def test_moscow_said_is_metonymy_not_an_event_place(kz_places) -> None:
    doc, places = kz_places[0]
    start = doc.text.index("Moscow said")
    moscow = next(p for p in places if p.start == start)
    assert is_metonymy(moscow)
    sent = next(s for s in doc.sents if s.start_char <= start < s.end_char)
    where = locate(sent.start_char, sent.end_char, places, doc)
    assert where is not None and where.name != "Moscow"


def test_dateline_and_context(nlp) -> None:
    text = "ALMATY, Jan 6 (Reuters) - Protesters stormed the town hall.\n\nHundreds were detained."
    doc = nlp(text)
    places = find_places(doc)
    assert places[0].name == "Almaty" and places[0].reason.startswith("dateline")
    sents = list(doc.sents)
    last = locate(sents[-1].start_char, sents[-1].end_char, places, doc)
    assert last is not None and last.name == "Almaty" and "dateline" in last.reason


def test_never_the_first_toponym_just_because_it_is_first(nlp) -> None:
    text = ("Russia condemned the attack.\n\nIn Kazakhstan, protests spread. Police fired on "
            "crowds in Aktau.\n\nShops were looted.")  # fmt: skip
    doc = nlp(text)
    places = find_places(doc)
    sents = list(doc.sents)
    where = locate(sents[-1].start_char, sents[-1].end_char, places, doc)
    assert where is not None and where.name != "Russia"


@pytest.mark.parametrize(("state", "admin1"), [("Illinois", "Illinois"), ("Massachusetts", "Massachusetts")])
def test_containment_picks_the_right_springfield(nlp, state: str, admin1: str) -> None:
    doc = nlp(f"Officials in Springfield, {state}, said the river flooded on Monday.")
    city = next(p for p in find_places(doc) if p.text == "Springfield")
    assert city.admin1 == admin1 and city.geo_precision == 1
    assert "contained" in city.reason


def test_phrases_resolve_to_the_focus(nlp) -> None:
    doc = nlp("Protests erupted in Kazakhstan on Monday. Troops were sent to the capital, "
              "and the internet was cut across the country.")  # fmt: skip
    places: list[Place] = find_places(doc)
    by_text = {p.text: p for p in places}
    assert by_text["the capital"].name == "Astana"
    assert by_text["across the country"].country_code == "KZ"
    assert by_text["across the country"].geo_precision == 3


def test_disease_names_are_not_places(nlp) -> None:
    doc = nlp("A tourist visiting Uganda died of the Marburg virus. Marburg virus causes "
              "Marburg hemorrhagic fever. It was an imported case of Marburg, officials said.")  # fmt: skip
    texts = [p.text for p in find_places(doc)]
    assert "Uganda" in texts and "Marburg" not in texts


def test_container_resolves_to_the_region_that_holds_the_town(nlp) -> None:
    doc = nlp("Samples from Sumatra in Indonesia were tested in Indonesia and at the "
              "Centers for Disease Control in Atlanta, Georgia.")  # fmt: skip
    georgia = next(p for p in find_places(doc) if p.text == "Georgia")
    assert georgia.country_code == "US" and georgia.feature == "admin1"


def test_a_list_of_states_is_not_containment(nlp) -> None:
    doc = nlp("It was found in states including Georgia, Oklahoma, Pennsylvania and Wisconsin.")
    oklahoma = next(p for p in find_places(doc) if p.text == "Oklahoma")
    assert oklahoma.feature == "admin1" and "contained" not in oklahoma.reason


def test_place_named_at_the_start_of_an_organisation(nlp) -> None:
    doc = nlp("Officials at the US Centers for Disease Control and Prevention confirmed the case.")
    us = [p for p in find_places(doc) if p.text == "US"]
    assert us and us[0].country_code == "US"


def test_ambiguous_names_do_not_set_the_focus(nlp) -> None:
    doc = nlp("Health officials in the Gaza Strip confirmed five cases. Neighbouring Israel "
              "has a blockade on Gaza. Supplies reach Gaza through Egypt.")  # fmt: skip
    gaza = [p for p in find_places(doc) if p.text == "Gaza"]
    assert gaza and all(p.country_code == "PS" for p in gaza)
