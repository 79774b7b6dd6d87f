"""A first-level region outranks a bigger town of its name only where the article points to the
region's country or a neighbour of it: a story that names no country means the city ("Portland",
"Manchester", "Toledo"), not a parish of Jamaica, a parish of Bermuda or a district of Belize;
one that names the region's country keeps the region. Sentences written for this test (6 of 6
failed before: Jamaica twice, Belize, Bermuda, Ghana, the Dominican Republic)."""

from __future__ import annotations

import pytest

from eventdesk.nlp import parse
from eventdesk.resolve.places import find_places

ALONE = [
    ("A man was shot dead outside a bar in Toledo on Saturday.", "Toledo", "US"),
    ("Police fired tear gas at protesters in Portland on Saturday night.", "Portland", "US"),
    ("Rioters set fire to two cars in Manchester overnight.", "Manchester", "GB"),
    ("A man was stabbed to death in Southampton on Friday.", "Southampton", "GB"),
    ("Two people were shot dead outside a nightclub in Savannah on Sunday.", "Savannah", "US"),
    ("Thousands of students marched through Santiago on Tuesday.", "Santiago", "CL"),
]
IN_CONTEXT = [
    ("Jamaican police said two men were shot dead in Manchester on Sunday.", "Manchester", "JM"),
    ("Police in Belize said two men were arrested in Toledo on Monday.", "Toledo", "BZ"),
]


@pytest.mark.parametrize(("text", "name", "country"), ALONE + IN_CONTEXT, ids=[f"{a[1]}-{a[2]}" for a in ALONE + IN_CONTEXT])
def test_a_region_needs_its_country_in_the_article(text: str, name: str, country: str) -> None:
    found = [p.country_code for p in find_places(parse(text)) if p.text == name]
    assert found == [country], found
