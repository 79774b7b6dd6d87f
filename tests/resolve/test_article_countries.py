"""Document context for places, in sentences written for this test:

- a state or province abbreviation after a town and a comma ("Burlington, Vt.", "Kingston, Ont.")
  holds the town;
- a name placed outside the countries the article's other names point to (an ambiguous name
  taken by size, a small foreign town, a name known only as another name of a foreign place)
  is a guess, never an event's place; people named by nation do not make such a guess.
"""

from __future__ import annotations

import pytest

from eventdesk.nlp import parse
from eventdesk.resolve.places import NOT_EVENT_ROLES, find_places

ABBREVIATED = [
    ("BURLINGTON, Vt. - Hundreds rallied outside City Hall on Saturday.", "Burlington", "US", "Vermont"),
    ("Police in Athens, Ga., arrested two men on Friday.", "Athens", "US", "Georgia"),
    ("A gunman opened fire at a bar in Kingston, Ont., on Sunday, killing one man.", "Kingston", "CA", "Ontario"),
    ("HARTFORD, Conn. (AP) - A fire damaged a church on Monday.", "Hartford", "US", "Connecticut"),
    ("Protesters marched in Portland, OR on Tuesday.", "Portland", "US", "Oregon"),
    ("Two men were shot in Paris, Tenn., late Friday.", "Paris", "US", "Tennessee"),
    ("Floods hit Victoria, B.C., on Monday.", "Victoria", "CA", "British Columbia"),
]

ONE_COUNTRY = [
    ("Insurgents attacked Palma on Monday, days after fighting near Mocímboa da Praia. Displaced families "
     "reached Pemba and Montepuez in Cabo Delgado province.", "MZ"),
    ("Veterans marched down Church Street on Saturday. The rally in Burlington, Vt., drew hundreds from "
     "Winooski and Montpelier.", "US"),
    ("Residents of Gulshan blocked University Road on Thursday. The student was shot in Gulshan late on "
     "Wednesday, Karachi police said. Police in Karachi, Sindh, arrested two men.", "PK"),
    ("Gunmen killed two farmers in Santa Cruz on Friday, police in Laguna said. The victims were from "
     "Calamba and Los Baños.", "PH"),
    ("Police in Kisumu fired tear gas at traders on Monday; protests also hit Kericho and Eldoret.", "KE"),
]


@pytest.mark.parametrize(("text", "town", "country", "region"), ABBREVIATED, ids=[a[1] for a in ABBREVIATED])
def test_an_abbreviated_state_holds_its_town(text: str, town: str, country: str, region: str) -> None:
    places = {p.name: p for p in find_places(parse(text))}
    assert (places[town].country_code, places[town].admin1, places[town].geo_precision) == (country, region, 1)
    assert places[region].geo_precision == 3


@pytest.mark.parametrize(("text", "country"), ONE_COUNTRY, ids=[t[:30] for t, _ in ONE_COUNTRY])
def test_no_event_place_outside_the_articles_country(text: str, country: str) -> None:
    usable = [p for p in find_places(parse(text)) if p.role not in NOT_EVENT_ROLES]
    assert usable
    assert {p.country_code for p in usable} == {country}


def test_people_named_by_nation_make_no_guess() -> None:
    (badme,) = [p for p in find_places(parse("The Ethiopians shelled villages near Badme on Friday.")) if p.name == "Badme"]
    assert badme.role is None
