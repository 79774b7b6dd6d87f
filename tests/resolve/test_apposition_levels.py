"""An apposition says which place of a name is meant ("Kharkiv, Ukraine's second-largest city": the
town, though the article also names "the Kharkiv region"), and what a region's or a city's
possessive owns lies inside it. Sentences written for this test."""

from __future__ import annotations

import pytest

from eventdesk.nlp import parse
from eventdesk.resolve.places import find_places

LEVELS = [
    "A drone hit Kharkiv, Ukraine's second-largest city, on Monday. Shelling also hit villages in the Kharkiv region.",
    "Gunmen attacked a market in Kano, Nigeria's second city, on Sunday. Farmers fled across Kano state.",
    "A blast hit Kandahar, Afghanistan's second-largest city, on Tuesday. Fighting raged in Kandahar province.",
    "Troops entered Kunduz, a northern city, on Monday, while fighting went on across Kunduz province.",
    "Rockets hit Idlib, the largest city held by rebels, on Friday. Air strikes pounded Idlib province.",
]


@pytest.mark.parametrize("text", LEVELS, ids=[t[:30] for t in LEVELS])
def test_the_apposition_names_the_town_and_the_region_word_the_region(text: str) -> None:
    named = [p for p in find_places(parse(text)) if p.feature != "country"]
    assert [p.feature for p in named] == ["city", "admin1"]
