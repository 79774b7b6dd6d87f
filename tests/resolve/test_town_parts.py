"""A town's name with a compass word after it ("Imphal East", "Durban North", "Kampala Central
division") names a part of that town: the town, at the precision of a part of it, never a
first-level region abroad named "East" or "North". Sentences written for this test, none from a
dev set or sample."""

from __future__ import annotations

import pytest

from eventdesk.nlp import parse
from eventdesk.resolve.places import find_places

SENTENCES = [
    ("A mob torched 12 houses in Imphal East district on Monday, police said.", "Imphal", "IN"),
    ("Gunmen killed four villagers in Lagos West on Friday, residents said.", "Lagos", "NG"),
    ("Protesters blocked roads in Nairobi South on Tuesday.", "Nairobi", "KE"),
    ("Two men were shot dead in Durban North on Saturday night.", "Durban", "ZA"),
    ("Police clashed with traders in Kampala Central division on Thursday.", "Kampala", "UG"),
]


@pytest.mark.parametrize(("text", "town", "country"), SENTENCES, ids=[s[:40] for s, _, _ in SENTENCES])
def test_a_compass_word_after_a_town_names_part_of_it(text: str, town: str, country: str) -> None:
    places = find_places(parse(text))
    assert places and all(p.name == town and p.country_code == country for p in places), [
        (p.text, p.name, p.country_code) for p in places]
