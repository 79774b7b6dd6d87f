"""Force on protesters that the link step finds no more than an intervention (tear gas, water
cannon, no one hurt) takes ACLED's sides of an intervention: the protesters are actor1, the force
actor2. Articles written for this test (none from a dev set or sample)."""

from __future__ import annotations

import pytest

from eventdesk.link.events import merge_event
from eventdesk.records import Source

# a protest, then force the lexicon reads as excessive but that hurt no one the text tells of
TEXTS = [
    "Teachers dispersed\n\nTeachers staged a sit-in outside the assembly in Lahore on Tuesday. "
    "When the protesters refused to leave, police fired several rounds at them.",
    "Students dispersed\n\nStudents marched through central Bogota on Thursday. "
    "When the marchers reached the gates, police fired rounds at them.",
    "Vendors dispersed\n\nHundreds of vendors protested outside city hall in Lagos on Monday. "
    "When the protesters blocked the road, officers fired several rounds at them.",
    "Farmers dispersed\n\nFarmers rallied outside the ministry in Delhi on Friday. "
    "When the demonstrators pushed at the barricades, police fired rounds at them.",
    "Nurses dispersed\n\nNurses held a sit-in outside the health ministry in Nairobi on Wednesday. "
    "When the protesters would not move, police fired several rounds at them.",
]


@pytest.mark.parametrize("text", TEXTS, ids=[t.split("\n")[0] for t in TEXTS])
def test_an_intervention_has_the_protesters_as_actor1(incidents_of, text: str) -> None:  # type: ignore[no-untyped-def]
    [incidents] = incidents_of([text])
    protest = [m for m in incidents if m.event_type == "Protests"]
    assert protest
    sources = {m.article_id: Source(article_id=m.article_id, outlet="probe") for m in protest}
    event = merge_event("e_1", "s_1", protest, sources, 0)
    assert event.sub_event_type == "Protest with intervention"
    assert {a.kind for a in event.actors if a.role == "actor1"} == {"protesters"}, event.actors
    assert {a.kind for a in event.actors if a.role == "actor2"} <= {"police", "state forces", "military"}, event.actors
