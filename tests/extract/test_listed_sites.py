"""A sentence that lists the places where it happened ("protests were held in Paris, Lyon and
Marseille") tells one incident per place, as ACLED files them: one mention per place, the
counts left to the first (the sentence gives them for all together). Places joined by
"between" or "from" are no list of sites. Sentences written for this test (none from a dev set
or sample)."""

from __future__ import annotations

import unicodedata

import pytest


def _plain(name: str) -> str:
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()

LISTS = [
    ("Protests were held in Paris, Lyon and Marseille on Saturday.", {"Paris", "Lyon", "Marseille"}),
    ("Thousands of teachers marched in Nairobi and Mombasa on Tuesday to demand higher pay.", {"Nairobi", "Mombasa"}),
    ("Farmers blocked roads in Punjab and Haryana on Monday in protest at new laws.", {"Punjab", "Haryana"}),
    ("Solidarity rallies took place across Germany, Austria and Switzerland on Sunday.",
     {"Germany", "Austria", "Switzerland"}),
    ("Hundreds of doctors protested in Lagos and Abuja on Wednesday over unpaid salaries.", {"Lagos", "Abuja"}),
]
NOT_LISTS = [
    "Fighting between Armenia and Azerbaijan killed four soldiers on Monday.",
    "Gunmen from Zamfara and Katsina attacked a village on Sunday, killing six.",
]


@pytest.fixture(scope="module")
def found(incidents_of) -> list[list]:
    return incidents_of([s for s, _ in LISTS] + NOT_LISTS)


@pytest.mark.parametrize("i", range(len(LISTS)), ids=[s[:40] for s, _ in LISTS])
def test_each_listed_place_is_an_incident(found: list[list], i: int) -> None:
    places = {_plain(m.place.name) for m in found[i] if m.place is not None and m.place.name}
    assert places >= LISTS[i][1], places
    counted = [m for m in found[i] if m.counts]
    assert all(m.site == 0 for m in counted)


@pytest.mark.parametrize("i", range(len(NOT_LISTS)), ids=[s[:40] for s in NOT_LISTS])
def test_places_that_are_no_list_of_sites(found: list[list], i: int) -> None:
    ms = found[len(LISTS) + i]
    assert len({m.place.name for m in ms if m.place is not None}) <= 1, [(m.sub_event_type, m.place) for m in ms]


# Lists joined by "as well as", which the parser attaches anywhere (an apposition of the subject,
# an adverb of the verb, a second preposition): the list is read from the text (5 of 5 failed
# before: one place each). "In Soweto, Johannesburg" names one place twice, no list.
AS_WELL_AS = [
    ("Protests spread to Lyon, as well as Marseille and Toulouse, on Saturday.", {"Lyon", "Marseille", "Toulouse"}),
    ("Demonstrations were held in Nairobi, as well as Mombasa and Kisumu, on Tuesday.",
     {"Nairobi", "Mombasa", "Kisumu"}),
    ("Riots broke out in Leeds, as well as Bristol and Liverpool, overnight.", {"Leeds", "Bristol", "Liverpool"}),
    ("Hundreds of teachers protested in Accra as well as in Kumasi and Tamale on Monday.",
     {"Accra", "Kumasi", "Tamale"}),
    ("Thousands of truckers protested in Poland, as well as Hungary and the Czech Republic, on Sunday.",
     {"Poland", "Hungary", "Czechia"}),
]


@pytest.mark.parametrize(("text", "want"), AS_WELL_AS, ids=[s[:40] for s, _ in AS_WELL_AS])
def test_as_well_as_lists_sites(incidents_of, text: str, want: set[str]) -> None:
    (found,) = incidents_of([text])
    places = {_plain(m.place.name) for m in found if m.place is not None and m.place.name}
    assert places >= want, places


def test_a_place_and_its_city_are_no_list(incidents_of) -> None:
    (found,) = incidents_of(["A vigil turned violent on Monday night in Soweto, Johannesburg, police said."])
    assert len({m.site for m in found}) == 1, [(m.site, m.place) for m in found]
