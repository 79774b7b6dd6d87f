"""People arrested who belong to no armed group, named as persons or by what they do ("a
34-year-old nurse", "two journalists", "a local trader"), are filed as ACLED files
arrestees: "Civilians (country)", the words kept. Sentences written for this test, none from a
dev set or sample."""

from __future__ import annotations

from datetime import date

import pytest

SENTENCES = [
    "Police in Lusaka arrested a 34-year-old nurse at her home on Thursday.",
    "Officers detained two journalists outside the court in Harare on Monday.",
    "Police arrested a local trader in Mombasa on Friday over a social media post.",
    "Police arrested a taxi driver in Kisumu on Tuesday after a crash that killed a cyclist.",
    "Police arrested a 45-year-old farmer in Tamale on Wednesday over a land dispute.",
]


@pytest.fixture(scope="module")
def incidents(incidents_of) -> list[list]:
    return incidents_of(SENTENCES, date(2025, 9, 5))


@pytest.mark.parametrize("i", range(len(SENTENCES)), ids=[s[:40] for s in SENTENCES])
def test_a_person_arrested_is_a_civilian(incidents, i: int) -> None:
    arrests = [m for m in incidents[i] if m.sub_event_type == "Arrests"]
    arrested = [(a.kind, a.text) for m in arrests for a in m.actors if a.role == "actor2"]
    assert arrests and arrested and all(kind == "civilians" for kind, _ in arrested), arrested
