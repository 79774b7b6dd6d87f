"""A killing by one side that sets off a riot, and the riot's later sentences that name the same
force ("police fired tear gas as rioters threw stones"), are two incidents: the killing keeps its
doer and victim, and the riot takes every sentence of the crowd's violence and the looting of its
night (the desk guidelines: different sides make another entry). Sentences written for this test
(none from a dev set or sample)."""

from __future__ import annotations

import pytest

ARTICLES = [
    "Unrest\n\nHundreds of youths clashed with police in Toulouse overnight, burning cars and smashing windows, "
    "after an officer shot dead a 19-year-old rider at a checkpoint on Monday. "
    "Police fired tear gas as rioters threw fireworks at a police station in the Mirail district. "
    "Shops near the station were looted.",
    "Unrest\n\nCrowds rioted in Kisumu on Friday after a police officer shot and killed a hawker in the market. "
    "Officers fired live rounds into the air as the rioters set fire to a police post. "
    "Several stalls were looted.",
    "Unrest\n\nResidents of a Lagos suburb rioted on Tuesday after soldiers shot dead a bus driver at a roadblock. "
    "Soldiers fired tear gas while the crowd burned tyres and stoned army trucks.",
    "Unrest\n\nAngry crowds torched vehicles in Karachi on Sunday after a police constable killed a student "
    "during a raid. Police baton-charged the rioters, who threw stones at officers near the station.",
    "Unrest\n\nRiots broke out in Malmo on Wednesday night after a police officer fatally shot a teenager in a "
    "car chase. Police fired tear gas as masked youths hurled stones and set fire to a school. "
    "Two supermarkets were looted overnight.",
]


@pytest.mark.parametrize("text", ARTICLES, ids=[t[8:48] for t in ARTICLES])
def test_the_killing_that_set_off_a_riot_stays_its_own_incident(incidents_of, text: str) -> None:  # type: ignore[no-untyped-def]
    [incidents] = incidents_of([text])
    riots = {m.incident for m in incidents if m.event_type == "Riots" and m.sentence.start > 0}
    killings = [m for m in incidents if m.event_type == "Violence against civilians"]
    assert len(riots) == 1 and killings, [(m.event_type, m.incident, m.trigger.text) for m in incidents]
    assert all(m.incident not in riots for m in killings)
    assert {a.kind for m in killings for a in m.actors if a.role == "actor1"} <= {"police", "military"}
    looted = [m for m in incidents if "looted" in m.sentence.text and m.sentence.start > 0]
    assert all(m.incident in riots for m in looted), [(m.event_type, m.incident, m.trigger.text) for m in looted]
