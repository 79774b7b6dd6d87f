"""A crowd's act told with another aimed at a state's force (extract/roles.py `_force_aimed_at`),
on sentences written for these tests (none from a dev set or sample): "youths set fire to cars and
fired fireworks at police officers" is a riot whose other side (actor2) is the police, as ACLED
files police at a violent demonstration; a conjunct aimed at anyone else gives no actor2."""

from __future__ import annotations

import pytest

from eventdesk.evaluate.records import acled_kind

# (article, trigger, actor2 kind or None)
PROBES = [
    ("Unrest in Lyon\n\nYouths set fire to cars and fired fireworks at police officers on Friday.", "set", "state forces"),
    ("Unrest in Sevran\n\nGroups of young people set fire to cars across the town and fired fireworks at the "
     "municipal police station.", "set", "state forces"),
    ("Unrest in Nairobi\n\nDemonstrators blocked roads with burning tyres and hurled stones at soldiers.", "blocked",
     "state forces"),
    ("Unrest in Dhaka\n\nActivists vandalised buses and launched rocks at the police on Sunday.", "vandalised",
     "state forces"),
    ("Riots in Patras\n\nRioters torched a bank and fired flares at riot police outside the court.", "torched",
     "state forces"),
    ("Unrest in Lagos\n\nRioters torched a bank and threw the cash at passers-by.", "torched", None),
]


@pytest.fixture(scope="module")
def found(incidents_of) -> list[list]:
    return incidents_of([p[0] for p in PROBES])


@pytest.mark.parametrize("i", range(len(PROBES)), ids=[p[0].split("\n")[0] for p in PROBES])
def test_force_aimed_at(found, i: int) -> None:
    _, trigger, kind = PROBES[i]
    ms = [m for m in found[i] if m.trigger.text == trigger]
    assert ms, [(m.trigger.text, m.event_type) for m in found[i]]
    assert ms[0].event_type == "Riots"
    assert {acled_kind(a.kind) for a in ms[0].actors if a.role == "actor2"} == ({kind} if kind else set())
