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
    # datelines in capitals that NER does not tag as places: the abbreviation finds the town
    ("ROCHESTER, N.Y. (Valley Dispatch) - Several hundred people held a vigil on Monday.", "Rochester", "US", "New York"),
    ("DOVER, Del. (AP) - Police arrested two men on Monday.", "Dover", "US", "Delaware"),
    ("LAKE CHARLES, La. - Hundreds of people marched on Sunday.", "Lake Charles", "US", "Louisiana"),
    ("FLINT, Mich. (Lakes Wire) - Residents rallied outside City Hall on Friday.", "Flint", "US", "Michigan"),
    ("ERIE, Pa. - A man was shot dead outside a bar early on Saturday.", "Erie", "US", "Pennsylvania"),
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


# A country's other name that is a big city's own name (the gazetteer has two: "Salvador" of El
# Salvador, "Macau" of Macao): the city, when nothing in the sentence says otherwise.
OWN_NAMES = [
    ("Residents set fire to three buses in Salvador on Monday.", "Salvador", "BR"),
    ("SALVADOR (Bahia Wire) - Police shot dead a teenager on Sunday night.", "Salvador", "BR"),
    ("Thousands of teachers marched through Salvador on Wednesday.", "Salvador", "BR"),
    ("Police in Macau detained two men after a casino robbery.", "Macau", "MO"),
    ("Gangs clashed in San Salvador, the capital of El Salvador, on Monday.", "San Salvador", "SV"),
]


@pytest.mark.parametrize(("text", "name", "country"), OWN_NAMES, ids=[o[0][:30] for o in OWN_NAMES])
def test_a_citys_own_name_beats_a_countrys_other_name(text: str, name: str, country: str) -> None:
    places = [p for p in find_places(parse(text)) if p.text == name or p.text == name.upper()]
    assert places and all(p.country_code == country and p.geo_precision == 1 for p in places), places
