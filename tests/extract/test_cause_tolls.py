"""A death that set off unrest ("riots broke out after a teenager was killed in a crash") is
not the unrest's toll: sentences written for this test (none from a dev set or sample)."""

from __future__ import annotations

import pytest

CAUSES = [
    "Riots broke out in the suburb of Villiers on Sunday after a teenager was killed in a scooter crash.",
    "The unrest began on Monday evening in Bondy, a day after a young man died in a fall from a balcony.",
    "Protests erupted in Nakuru on Tuesday after two men were killed in a traffic accident.",
    "Youths burned tyres and threw stones at police in Soweto on Friday, two days after a boy was killed by a falling wall.",
    "Hundreds rioted in the town of Rosengard on Saturday after a man was found dead in a stairwell.",
]


@pytest.mark.parametrize("text", CAUSES, ids=[t[:40] for t in CAUSES])
def test_a_death_that_set_off_unrest_is_not_its_toll(incidents_of, text: str) -> None:  # type: ignore[no-untyped-def]
    [incidents] = incidents_of([text])
    assert incidents
    assert not [c for m in incidents for c in m.counts if c.kind == "killed"], [(m.event_type, m.counts) for m in incidents]


def test_a_death_after_a_shooting_keeps_its_toll(incidents_of) -> None:  # type: ignore[no-untyped-def]
    [incidents] = incidents_of(["Two protesters died in Mombasa on Monday after they were shot by police."])
    assert [c for m in incidents for c in m.counts if c.kind == "killed"], incidents
