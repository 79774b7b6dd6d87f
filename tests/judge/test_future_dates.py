"""A candidate dated after its article is a plan, not an incident that happened: "the march ended
without incident, and the organisers said more protests would follow in Novi Sad next week" stores
no march in Novi Sad next week (the march told there is the day's, already stored). Articles
written for this test, published on Sunday 5 April 2026 (2 of 5 failed before)."""

from __future__ import annotations

from datetime import date

import pytest

PUBLISHED = date(2026, 4, 5)
ARTICLES = [
    ("Thousands marched in Belgrade on Saturday against corruption.\n\nThe march ended outside parliament without "
     "incident, and the organisers said more protests would follow in Novi Sad next week.", "Novi Sad"),
    ("Thousands of teachers rallied in Nairobi on Saturday over pay.\n\nThe rally broke up peacefully, and union "
     "leaders said another would be held in Mombasa next month.", "Mombasa"),
    ("Hundreds of traders staged a sit-in in Accra on Saturday over new taxes.\n\nThe sit-in ended at dusk, and the "
     "organisers said they would protest in Kumasi next week.", "Kumasi"),
    ("Students protested in Buenos Aires on Saturday against university cuts.\n\nThe protest dispersed by evening, "
     "but the students vowed a new march in Cordoba next week.", "Cordoba"),
    ("Farmers demonstrated in Paris on Saturday against fuel taxes.\n\nThe demonstration passed off calmly, and the "
     "farmers said tractors would converge on Lyon next Monday.", "Lyon"),
]


@pytest.fixture(scope="module")
def found(incidents_of) -> list[list]:
    return incidents_of([a[0] for a in ARTICLES], PUBLISHED)


@pytest.mark.parametrize("i", range(len(ARTICLES)), ids=[a[1] for a in ARTICLES])
def test_no_incident_after_the_article(found: list[list], i: int) -> None:
    later = [(m.trigger.text, m.when.value) for m in found[i] if m.when.value is not None and m.when.value > PUBLISHED]
    elsewhere = [m.trigger.text for m in found[i] if m.place is not None and m.place.name == ARTICLES[i][1]]
    assert not later and not elsewhere, (later, elsewhere)
