"""What a doer is known for is its record, not an incident: "notorious for kidnappings and
bombings", "known for its car bombings", "a reputation for arson attacks" name no happening,
whatever else the sentence tells. Sentences written for this test, none from a dev set or sample
(5 of 5 records failed before: their acts became events)."""

from __future__ import annotations

import pytest

from eventdesk.extract.events import find_events
from eventdesk.nlp import parse

RECORDS = [
    "The cartel, which is known for kidnappings and car bombings along the border, denied any role.",
    "The rebels, feared for their massacres of villagers, now control most of the district.",
    "The gang has a reputation for arson attacks on rival traders' shops.",
    "Al-Shabaab, infamous for its suicide bombings in the capital, has lost ground this year.",
    "The group has been notorious for kidnappings for ransom, beheadings and raids on police posts.",
]


@pytest.mark.parametrize("text", RECORDS, ids=[s[:40] for s in RECORDS])
def test_a_record_is_no_incident(text: str) -> None:
    found = find_events(parse(text), article_id="a")
    assert not found, [(m.trigger.text, m.event_type) for m in found]


KEPT = [
    "The militia, known for its attacks on herders, killed six villagers in Benue on Sunday.",
    "The group was blamed for the bombing of a market in Kano on Monday.",
    "Police arrested five men for the killing of a trader on Monday.",
]


@pytest.mark.parametrize("text", KEPT, ids=[s[:40] for s in KEPT])
def test_the_incident_beside_a_record_stays(text: str) -> None:
    found = find_events(parse(text), article_id="a")
    assert found and not any(m.trigger.text in ("attacks",) for m in found), [(m.trigger.text, m.event_type) for m in found]


def test_an_article_abduction_keeps_its_type(incidents_of) -> None:
    text = ("Gunmen abduct three traders near Marawi\n\n"
            "Armed men abducted three traders from a bus near Marawi on Tuesday, the army said.\n\n"
            "The group, notorious for kidnappings, beheadings and bombings, has been weakened by offensives.")
    (found,) = incidents_of([text])
    assert {m.sub_event_type for m in found} == {"Abduction/forced disappearance"}, [(m.trigger.text, m.sub_event_type) for m in found]
