"""A source named by a police rank or a state post ("Chief Inspector Ama Boateng said", "the
deputy commissioner said", "two security sources said") speaks for the state's forces: its
account of what the police or troops did is a party's claim. A title alone that names no side
("regional officials said") stays a report. Sentences written for this test, none from a dev
set or sample."""

from __future__ import annotations

from datetime import date

import pytest

from eventdesk.records import Status

CLAIMS = [
    "Police arrested 23 people in raids in Tema on Saturday night, Chief Inspector Ama Boateng said.",
    "Officers detained 14 youths near the bus terminal on Friday evening, the deputy commissioner told reporters.",
    "Police arrested nine men in Kandy on Thursday on charges of arson, the district superintendent said.",
    "Police detained 31 students outside the campus gates on Monday, the OC of the local police station said.",
    "Soldiers killed six militants in a raid on a hideout near Maiduguri on Sunday, two security sources said.",
    "Police arrested 12 men near the Nashik market on Tuesday, Constable Ravi Kumar said.",
]
REPORTS = [
    "Police arrested 23 people in raids in Tema on Saturday night, regional officials said.",
]


@pytest.fixture(scope="module")
def incidents(incidents_of) -> list[list]:
    return incidents_of(CLAIMS + REPORTS, date(2025, 9, 16))


@pytest.mark.parametrize("i", range(len(CLAIMS)), ids=[s[:40] for s in CLAIMS])
def test_a_state_title_speaks_for_its_forces(incidents, i: int) -> None:
    assert incidents[i] and all(m.status == Status.CLAIMED for m in incidents[i]), [
        (m.status, m.attributed_to, [(a.role, a.kind) for a in m.actors]) for m in incidents[i]]


@pytest.mark.parametrize("i", range(len(REPORTS)), ids=[s[:40] for s in REPORTS])
def test_officials_of_no_side_report(incidents, i: int) -> None:
    got = incidents[len(CLAIMS) + i]
    assert got and all(m.status == Status.REPORTED for m in got), [(m.status, m.attributed_to) for m in got]
