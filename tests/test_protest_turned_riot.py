"""A protest whose crowd then riots, told in two sentences of one day and place, is one incident:
a riot, its crowd the rioters (the desk guidelines: one continuous episode is one entry). Force
on protesters stays its own event. Sentences written for this test (none from a dev set or sample)."""

from __future__ import annotations

import pytest

TURNED = [
    "Hundreds of people marched to the police station in Kisumu on Saturday night to protest the death of a rider. "
    "Some in the crowd threw stones at officers and set fire to a police car.",
    "About 300 students rallied outside the governor's office in Jos on Monday. "
    "Later the crowd threw stones at police and burned tyres on the main road.",
    "Thousands of farmers marched through Lahore on Friday over wheat prices. "
    "Some of the marchers pelted police with stones near the assembly.",
    "Residents gathered outside the town hall in Grenoble on Tuesday evening to demand answers. "
    "Youths among them torched two cars and threw fireworks at police.",
    "Hundreds of workers protested outside a garment factory in Gazipur on Wednesday. "
    "They threw stones at police and set fire to two buses on the highway.",
]


@pytest.mark.parametrize("text", TURNED, ids=[t[:40] for t in TURNED])
def test_a_protest_that_turned_into_a_riot_is_one_riot(incidents_of, text: str) -> None:  # type: ignore[no-untyped-def]
    [incidents] = incidents_of(["Unrest\n\n" + text])
    crowd = [m for m in incidents if m.event_type in ("Protests", "Riots")]
    assert crowd and {(m.event_type, m.incident) for m in crowd} == {("Riots", crowd[0].incident)}, [
        (m.event_type, m.sub_event_type, m.incident, m.trigger.text) for m in crowd]
    assert {a.kind for m in crowd for a in m.actors if a.role == "actor1"} == {"rioters"}


def test_force_on_protesters_stays_apart_from_the_riot(incidents_of) -> None:  # type: ignore[no-untyped-def]
    text = ("Unrest\n\nPolice shot dead two protesters at a march in Mombasa on Tuesday. "
            "Angry youths then burned a police post and looted shops in the town.")
    [incidents] = incidents_of([text])
    assert "Excessive force against protesters" in {m.sub_event_type for m in incidents}
    assert "Riots" in {m.event_type for m in incidents}
