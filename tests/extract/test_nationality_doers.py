"""An event noun modified by a nationality names its doer ("Russian shelling", "an Israeli air
strike"): the state's military (ACLED's convention for remote violence). A place in that slot
("a Gaza air strike") names no doer. Sentences written for this test (none from a dev set or
sample)."""

from __future__ import annotations

import pytest

PROBES = [
    ("An Israeli air strike killed five people in Rafah on Monday.", "Military Forces of Israel"),
    ("Russian shelling killed two people in Kharkiv on Tuesday.", "Military Forces of Russia"),
    ("A Turkish artillery barrage wounded four villagers near Qamishli on Sunday.", "Military Forces of Turkey"),
    ("Ukrainian drone strikes set an oil depot ablaze in Bryansk on Friday, officials said.", "Military Forces of Ukraine"),
    ("A Pakistani air strike hit a house in Khost province on Wednesday, killing eight people.",
     "Military Forces of Pakistan"),
]


@pytest.fixture(scope="module")
def found(incidents_of) -> list[list]:
    return incidents_of([s for s, _ in PROBES])


@pytest.mark.parametrize("i", range(len(PROBES)), ids=[p[0][:40] for p in PROBES])
def test_a_nationality_names_the_doer(found: list[list], i: int) -> None:
    assert found[i], "no incident"
    doers = {a.name for m in found[i] for a in m.actors if a.role == "actor1"}
    assert PROBES[i][1] in doers, [(m.sub_event_type, [(a.role, a.name) for a in m.actors]) for m in found[i]]
