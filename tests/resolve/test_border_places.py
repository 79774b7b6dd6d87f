"""The country across a border ("near the border with Venezuela", "along the frontier with
Afghanistan") is not where the event happened, nor where the article is. Sentences written for
this test."""

from __future__ import annotations

import pytest

from eventdesk.nlp import parse
from eventdesk.resolve.places import find_places, locate

# (sentence, the country across the border, the event's town or None where the sentence names none)
PROBES = [
    ("Two soldiers were killed on Tuesday when drones hit a military base in Tibu, near the border with Venezuela.",
     "VE", "Tibú"),
    ("Gunmen attacked a checkpoint in Chaman, on the border with Afghanistan, on Monday, killing three policemen.",
     "AF", "Chaman"),
    ("Militants ambushed a patrol near Kurram along the frontier with Afghanistan on Friday.", "AF", None),
    ("Smugglers clashed with soldiers near Ruwaished close to the border with Syria on Sunday.", "SY", None),
    ("A landmine killed two shepherds near Kasumbalesa, on the border with Zambia, on Wednesday.", "ZM", None),
    ("Troops fired on migrants near Ciudad Juarez on the border with the United States on Saturday.", "US",
     "Ciudad Juárez"),
]


@pytest.mark.parametrize(("text", "across", "town"), PROBES, ids=[t[:40] for t, _, _ in PROBES])
def test_the_country_across_the_border_is_not_the_place(text: str, across: str, town: str | None) -> None:
    doc = parse(text)
    place = locate(0, len(doc.text), find_places(doc), doc)
    assert place is None or place.country_code != across
    assert (place.name if place else None) == town
