"""A place the text calls a village is no city of its name (resolve/places.py `_fits_level`), on
sentences written for these tests (none from a dev set or sample): villages share their names
with large cities elsewhere, and the city is the wrong place; the event then takes its place from
the region the sentence names, and the city's country no longer pulls the article's focus."""

from __future__ import annotations

import pytest

from eventdesk.resolve.places import find_places

# (sentence, the village's name, the country of the sentence's other places)
PROBES = [
    ("Gunmen killed five farmers in the village of Kaduna in Zamfara state on Monday.", "Kaduna", "NG"),
    ("Militants torched ten houses in the village of Lahore in Swabi district on Friday.", "Lahore", "PK"),
    ("Troops clashed with rebels in the village of Mosul near Beni in North Kivu on Sunday.", "Mosul", "CD"),
    ("Bandits raided the village of Abuja in Katsina state, abducting twelve people.", "Abuja", "NG"),
    ("Fighters stormed the village of Aleppo near Gao on Tuesday, residents said.", "Aleppo", "ML"),
    ("Police said two men were hacked to death in Multan village, Sindh province, on Saturday.", "Multan", "PK"),
]


@pytest.mark.parametrize(("sentence", "village", "country"), PROBES, ids=[p[1] for p in PROBES])
def test_village_is_no_city(nlp, sentence: str, village: str, country: str) -> None:
    places = find_places(nlp(sentence))
    assert village not in {p.text for p in places}  # the gazetteer knows only the city of the name
    assert places and {p.country_code for p in places} == {country}


def test_a_city_named_so_is_still_the_city(nlp) -> None:
    places = find_places(nlp("Gunmen attacked a bus station in the city of Kaduna on Monday."))
    assert [(p.name, p.country_code) for p in places] == [("Kaduna", "NG")]
