"""Document context for ambiguous place names (resolve/places.py), on sentences written for
these tests (none from a dev set or sample): the countries an article names by their people
vote for the article's focus, a place next to a focus country earns part of its vote, and a
country name that several countries share names one of them."""

from __future__ import annotations


import pytest


# (sentence, the country of its incident's place); each name is shared across countries
PROBES = [
    ("Lebanese soldiers clashed with gunmen near Tripoli on Sunday.", "LB"),
    ("Libyan militias clashed near Tripoli on Sunday.", "LY"),
    ("Bolivian police arrested 40 farmers in Beni on Friday.", "BO"),
    ("Congolese soldiers clashed with rebels near Beni on Friday.", "CD"),
    ("Gunmen killed four villagers near Beni in eastern Congo on Wednesday.", "CD"),
    ("Witnesses said gunmen killed four villagers near Beni, Congo, on Wednesday.", "CD"),
    ("Colombian troops killed three rebels in Cordoba on Tuesday.", "CO"),
    ("Israeli aircraft struck a house in Gaza on Monday, killing five people.", "PS"),
    ("Mozambican police arrested ten men in Gaza province on Monday.", "MZ"),
]


@pytest.fixture(scope="module")
def placed(incidents_of) -> dict[str, set[str | None]]:
    sentences = [p[0] for p in PROBES]
    return {s: {m.place.country_code if m.place else None for m in mentions}
            for s, mentions in zip(sentences, incidents_of(sentences), strict=True)}


@pytest.mark.parametrize(("sentence", "country"), PROBES, ids=[p[0][:40] for p in PROBES])
def test_country_from_document_context(placed, sentence: str, country: str) -> None:
    assert placed[sentence] == {country}
