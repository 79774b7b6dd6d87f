"""A party is political only when the phrase says so: gunfire at a house, birthday, office or
wedding party hits its guests (civilians), never a "Political Party"; an opposition party's
offices or members stay political. Sentences written for this test (none from a dev set or
sample)."""

from __future__ import annotations

import pytest

GATHERINGS = [
    "Two killed, four wounded in shooting at Memphis house party",
    "Gunmen opened fire on a birthday party in Soweto on Saturday, killing three guests.",
    "A man shot dead two colleagues at an office party in Houston on Friday, police said.",
    "Bandits attacked a wedding party near Gusau on Sunday, abducting 12 guests.",
    "A grenade was thrown into a crowded graduation party in Cali on Thursday, wounding nine.",
]
POLITICAL = "Supporters of the ruling party attacked opposition party members in Harare on Monday, wounding six."


@pytest.fixture(scope="module")
def found(incidents_of) -> list[list]:
    return incidents_of([*GATHERINGS, POLITICAL])


@pytest.mark.parametrize("i", range(len(GATHERINGS)), ids=[g[:40] for g in GATHERINGS])
def test_a_partys_guests_are_no_political_party(found: list[list], i: int) -> None:
    kinds = {a.kind for m in found[i] for a in m.actors}
    assert found[i] and "political party" not in kinds, [[(a.role, a.name, a.kind) for a in m.actors] for m in found[i]]


def test_a_political_party_stays_one(found: list[list]) -> None:
    assert any(a.kind == "political party" for m in found[-1] for a in m.actors), [
        [(a.role, a.name, a.kind) for a in m.actors] for m in found[-1]]
