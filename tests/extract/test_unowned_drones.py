"""A drone is a state's military only when its phrase names the state ("Turkish drones", "a US
drone"): states, rebels and cartels all fly them, so "a drone struck the market" names no doer,
and no state's forces are invented for it. Sentences written for this test, none from a dev set
or sample."""

from __future__ import annotations

from datetime import date

import pytest

UNOWNED = [
    "A drone struck a crowded market in the town of Kadugli on Tuesday, killing nine people.",
    "Drones hit a fuel depot on the outskirts of Port Sudan on Sunday, setting it ablaze.",
    "A drone dropped explosives on a village near Uruapan on Saturday, wounding four farmers.",
    "An armed drone targeted a car on the coastal road near Sirte on Monday, killing two men.",
    "Two drones attacked a power station outside Marib overnight, officials said.",
]
OWNED = [
    ("Turkish drones struck a farm near Qamishli on Monday, killing two shepherds.", "TR"),
    ("A US drone hit a vehicle near Jilib on Friday, killing three militants.", "US"),
]


@pytest.fixture(scope="module")
def incidents(incidents_of) -> list[list]:
    return incidents_of(UNOWNED + [s for s, _ in OWNED], date(2025, 10, 2))


@pytest.mark.parametrize("i", range(len(UNOWNED)), ids=[s[:40] for s in UNOWNED])
def test_a_drone_of_no_named_state_is_no_state_force(incidents, i: int) -> None:
    got = incidents[i]
    assert got and all(m.event_type == "Explosions/Remote violence" for m in got), [(m.event_type, m.sub_event_type) for m in got]
    doers = [(a.name, a.kind) for m in got for a in m.actors if a.role == "actor1"]
    assert not any(kind in ("military", "state forces", "foreign state forces") for _, kind in doers), doers


@pytest.mark.parametrize("i", range(len(OWNED)), ids=[s[:40] for s, _ in OWNED])
def test_a_drone_of_a_named_state_is_its_military(incidents, i: int) -> None:
    got = incidents[len(UNOWNED) + i]
    doers = [(a.name, a.country_code) for m in got for a in m.actors if a.role == "actor1"]
    assert any(name.startswith("Military Forces") and code == OWNED[i][1] for name, code in doers), doers
