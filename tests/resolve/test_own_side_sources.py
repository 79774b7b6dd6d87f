"""A source that names a side with its own possessive ("the group said its fighters seized the
town") speaks for that side: its account is a party's claim, not a report. Sentences written for
this test, none from a dev set or sample."""

from __future__ import annotations

from datetime import date

import pytest

from eventdesk.records import Status

SENTENCES = [
    "The Rapid Support Forces said its fighters had captured the town of Umm Ruwaba on Friday.",
    "The rebel movement said its forces had attacked an army base near Kutum on Friday, killing five soldiers.",
    "In a statement, the militia said its members had ambushed an army convoy near Beni on Tuesday.",
    "The insurgent group said its fighters had killed four soldiers in an ambush near Kidal on Sunday.",
    "The armed group said on Telegram that its fighters had shelled army positions near Kalay on Monday.",
]


@pytest.fixture(scope="module")
def incidents(incidents_of) -> list[list]:
    return incidents_of(SENTENCES, date(2025, 7, 8))


@pytest.mark.parametrize("i", range(len(SENTENCES)), ids=[s[:40] for s in SENTENCES])
def test_a_source_naming_its_own_side_makes_a_claim(incidents, i: int) -> None:
    assert incidents[i] and all(m.status == Status.CLAIMED for m in incidents[i]), [
        (m.status, m.attributed_to, [(a.role, a.text) for a in m.actors]) for m in incidents[i]]
