"""A day a source spoke is the incident's only when its sentence gives no other: "gunmen
kidnapped 20 passengers travelling on a highway on Monday night, police said on Tuesday" is
Monday's kidnapping, though the parser hangs "Monday night" on the passengers' travelling (a
clause below the trigger) and "said on Tuesday" governs it. Sentences written for this test, in
articles of Wednesday 8 April 2026 (5 of 5 failed before)."""

from __future__ import annotations

from datetime import date

import pytest

PUBLISHED = date(2026, 4, 8)
PROBES = [
    ("Gunmen kidnapped 20 passengers travelling on a highway in Kogi state on Monday night, police said on Tuesday.",
     date(2026, 4, 6)),
    ("Soldiers shot dead three men returning from a market near Maiduguri on Sunday, residents said on Tuesday.",
     date(2026, 4, 5)),
    ("Rebels attacked villagers working in their fields near Bunia on Monday morning, the army said on Tuesday.",
     date(2026, 4, 6)),
    ("Police arrested 12 students protesting outside the parliament in Accra on Monday, their union said on Tuesday.",
     date(2026, 4, 6)),
    ("A drone struck a truck carrying fuel near Kherson on Sunday evening, officials said on Monday.",
     date(2026, 4, 5)),
]


@pytest.fixture(scope="module")
def found(incidents_of) -> list[list]:
    return incidents_of([p[0] for p in PROBES], PUBLISHED)


@pytest.mark.parametrize("i", range(len(PROBES)), ids=[p[0][:40] for p in PROBES])
def test_the_incidents_own_day(found: list[list], i: int) -> None:
    days = {m.when.value for m in found[i]}
    assert found[i] and days == {PROBES[i][1]}, [(m.trigger.text, m.when.value, m.when.expression) for m in found[i]]
