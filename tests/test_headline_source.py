"""A headline states what the body attributes: when the lead tells the incident as a party's
claim ("..., the army said"), the headline's mention of it carries that claim and source, not
"reported" by the outlet. Articles written for this test, none from a dev set or sample."""

from __future__ import annotations

from datetime import date

import pytest

from eventdesk.records import Status

ARTICLES = [
    ("Troops kill 12 militants in Borno\n\n"
     "Troops killed 12 militants in an ambush near Bama on Tuesday, the army said.", "the army"),
    ("Police arrest 30 opposition supporters in Kampala\n\n"
     "Police arrested 30 opposition supporters at a rally in Kampala on Monday, a police spokesman said.",
     "a police spokesman"),
    ("Rebels seize town in North Kivu\n\n"
     "Rebels took control of the town of Rubaya in North Kivu on Sunday, the rebel group said in a statement.",
     "the rebel group"),
    ("Soldiers kill five in raid on rebel camp\n\n"
     "Soldiers killed five rebels in a raid on a camp in Cauca on Friday, the defence ministry said.",
     "the defence ministry"),
    ("Militants attack army base near Baidoa\n\n"
     "Militants attacked an army base near Baidoa on Thursday, killing three soldiers, the militant group said.",
     "the militant group"),
]


@pytest.fixture(scope="module")
def incidents(incidents_of) -> list[list]:
    return incidents_of([a for a, _ in ARTICLES], date(2025, 4, 18))


@pytest.mark.parametrize("i", range(len(ARTICLES)), ids=[a.split("\n")[0] for a, _ in ARTICLES])
def test_the_headline_carries_the_leads_claim(incidents, i: int) -> None:
    text, source = ARTICLES[i]
    headline = [m for m in incidents[i] if m.sentence.start == 0]
    assert headline, [(m.event_type, m.sentence.text[:40]) for m in incidents[i]]
    assert all(m.status == Status.CLAIMED and (m.attributed_to or "").lower() == source.lower() for m in headline), [
        (m.status, m.attributed_to) for m in incidents[i]]
