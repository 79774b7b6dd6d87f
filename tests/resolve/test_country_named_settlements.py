"""A country's name before "village" or "town" ("a remote Mali village", "a Sudan town near the
border") names a settlement in that country, not a town called Mali or Sudan elsewhere; and a
name the gazetteer places only outside the article's countries is a guess even where it is the
point a distance is told from ("about 20 km from Palma" in an article about northern Mozambique).
Sentences written for this test, none from a dev set or sample."""

from __future__ import annotations

import pytest

from eventdesk.nlp import parse
from eventdesk.resolve.places import find_places

SETTLEMENTS = [
    ("Gunmen killed nine people in a remote Mali village on Sunday, officials said.", "ML"),
    ("Soldiers burned dozens of homes in a Sudan town near the border on Friday, residents said.", "SD"),
    ("Militants attacked a Peru village in the Vraem valley overnight, police said.", "PE"),
    ("Two farmers were shot dead in a Jordan village near the Syrian border on Monday.", "JO"),
    ("A mob set fire to a mosque in a Lebanon village on Tuesday, local media reported.", "LB"),
]


@pytest.mark.parametrize(("text", "country"), SETTLEMENTS, ids=[s[:40] for s, _ in SETTLEMENTS])
def test_a_country_named_before_village_is_the_country(text: str, country: str) -> None:
    places = find_places(parse(text))
    assert places and all(p.country_code == country for p in places), [(p.text, p.name, p.country_code) for p in places]


def test_a_distance_from_a_name_placed_abroad_is_a_guess() -> None:
    text = ("Insurgents burned houses in Mocimboa da Praia district in Cabo Delgado province, northern "
            "Mozambique, on Sunday. Troops clashed with them about 20 km from Palma, residents said.")
    abroad = [p for p in find_places(parse(text)) if p.country_code != "MZ"]
    assert all(p.role == "guess" for p in abroad), [(p.text, p.name, p.country_code, p.role) for p in abroad]
