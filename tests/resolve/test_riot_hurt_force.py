"""A riot whose sentences name no force the rioters fought but count officers among its hurt
("youths set fire to cars ... five officers were treated for injuries") engaged that force:
the police are actor2, as ACLED files a violent demonstration's state side. Articles written for
this test, none from a dev set or sample."""

from __future__ import annotations

from datetime import date

import pytest

ARTICLES = [
    "Rioters set fire to cars and smashed shop windows in Bradford on Saturday night. Police said six officers "
    "were treated for injuries.",
    "Hundreds of youths rioted in the centre of Lyon on Friday night, burning bins and looting shops. Eight "
    "officers were injured, the prefecture said.",
    "Rioters torched a bus and looted stores in Valparaiso on Sunday. Four policemen were hurt, officials said.",
    "Rioters looted shops and burned cars in Kano on Monday night. Police said 15 people were arrested and that "
    "two officers were treated for injuries.",
    "Angry residents rioted in Soweto on Tuesday, burning tyres and looting shops. Three officers were injured.",
]


@pytest.fixture(scope="module")
def incidents(incidents_of) -> list[list]:
    return incidents_of(ARTICLES, date(2025, 10, 14))


@pytest.mark.parametrize("i", range(len(ARTICLES)), ids=[a[:40] for a in ARTICLES])
def test_the_force_hurt_in_a_riot_is_its_other_side(incidents, i: int) -> None:
    riots = [m for m in incidents[i] if m.event_type == "Riots"]
    assert riots and any(a.role == "actor2" and a.kind == "police" for m in riots for a in m.actors), [
        (m.sub_event_type, [(a.role, a.kind, a.text) for a in m.actors], [(c.kind, c.who) for c in m.counts])
        for m in riots]
