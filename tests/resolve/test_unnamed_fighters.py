"""A state's organ telling of armed men killed in a fight it names no doer of speaks for the
other side (resolve/status.py `_unnamed_fighter`), on sentences written for these tests (none from
a dev set or sample): "police said three Maoists were killed in a gunfight" is the police's
claim; "police said two villagers were killed" stays the outlet's report on their word."""

from __future__ import annotations

import pytest

PROBES = [
    ("Clash in Gadchiroli\n\nPolice said three Maoists were killed in a gunfight near Gangaloor on Tuesday.", "claimed"),
    ("Fighting in Borno\n\nThe army said 20 insurgents were killed in clashes near Bama on Friday.", "claimed"),
    ("Raid in Sulu\n\nFive Abu Sayyaf militants died in a firefight on Jolo island, the military said.", "claimed"),
    ("Clash in Kunar\n\nFour Taliban fighters were killed in a clash near Asadabad, the police chief said.", "claimed"),
    ("Clash in Cauca\n\nThe defence ministry said three guerrillas were killed in fighting near Argelia.", "claimed"),
    ("Killing in Bunia\n\nPolice said two villagers were killed near Bunia on Monday.", "reported"),
]


@pytest.fixture(scope="module")
def found(incidents_of) -> list[list]:
    return incidents_of([p[0] for p in PROBES])


@pytest.mark.parametrize("i", range(len(PROBES)), ids=[p[0].split("\n")[0] for p in PROBES])
def test_state_source_of_a_fight(found, i: int) -> None:
    body = [m for m in found[i] if m.sentence.start > 0]
    assert body, [(m.trigger.text, m.event_type) for m in found[i]]
    assert {m.status.value for m in body} == {PROBES[i][1]}
