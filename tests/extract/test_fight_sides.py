"""A toll killed "in a <fight> with <side>" was killed by that side: "Two militants were killed
in a gunfight with troops" is the troops' act (actor1) on the militants (actor2), not a fight
whose only named side is the troops as actor2 (extract.events._other_side_did_it). Sentences
written for this test."""

from __future__ import annotations

from datetime import date

import pytest

CASES = [
    ("Two militants were killed in a gunfight with troops in Kupwara district on Sunday.", "military", "armed group"),
    ("Four gang members died in a shootout with police in the city on Friday.", "police", "political militia"),
    ("Five rebels were killed in clashes with the army near the border on Monday.", "military", "armed group"),
    ("Six insurgents were killed in a firefight with soldiers in the forest on Wednesday.", "military", "armed group"),
    ("Two smugglers died in a clash with border guards in the desert on Thursday.", "state forces", "political militia"),
]


@pytest.fixture(scope="module")
def found(incidents_of) -> list[list]:
    return incidents_of(["Report\n\n" + s for s, _, _ in CASES], date(2025, 3, 14))


@pytest.mark.parametrize("i", range(len(CASES)), ids=[s[:40] for s, _, _ in CASES])
def test_the_side_fought_with_did_the_killing(found, i: int) -> None:
    _, doer, victim = CASES[i]
    body = [m for m in found[i] if m.sentence.start > 0]
    assert len(body) == 1 and body[0].event_type == "Battles"
    roles = {(a.role, a.kind) for a in body[0].actors}
    assert ("actor1", doer) in roles and ("actor2", victim) in roles, roles
