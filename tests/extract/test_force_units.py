"""A formation or post of troops (a patrol, a platoon, a garrison, barracks) named bare is the
troops: an attack on it is a battle, not violence against civilians. Sentences written for this
test (none from a dev set or sample)."""

from __future__ import annotations

import pytest

PROBES = [
    ("The patrol was attacked with rifles and grenades in a rural area of Saravena on Monday.", "Battles"),
    ("Gunmen opened fire on a patrol near Kidal on Sunday, killing two.", "Battles"),
    ("Jihadists attacked the garrison at Boulkessi on Tuesday, killing 14.", "Battles"),
    ("Militants attacked a platoon near Palma on Friday, killing four.", "Battles"),
    ("Rebels shelled the barracks in Bunia on Thursday, wounding nine.", "Explosions/Remote violence"),
]


@pytest.fixture(scope="module")
def found(incidents_of) -> list[list]:
    return incidents_of([s for s, _ in PROBES])


@pytest.mark.parametrize("i", range(len(PROBES)), ids=[p[0][:40] for p in PROBES])
def test_a_unit_of_troops_is_the_military(found: list[list], i: int) -> None:
    (m,) = found[i]
    assert m.event_type == PROBES[i][1]
    assert any(a.role == "actor2" and a.kind in ("military", "state forces") for a in m.actors), m.actors
