"""Protesters shot by the police stay the victims (extract/roles.py `_reduced_passive`,
extract/events.py `_merge_tolls`), on sentences written for these tests (none from a dev set or
sample): a labelled headline's bare participle ("Fuel protests: Protester shot dead in Nairobi")
is a passive whose subject suffered it, and a passive toll told with the shooting ("a protester
was shot dead and 14 people were injured") adds to the crowd's victims; neither makes the
protesters the shooters (a riot)."""

from __future__ import annotations

import pytest

from eventdesk.evaluate.records import acled_kind

PROBES = [
    "Fuel protests: Protester shot dead in Nairobi as police fire live rounds and tear gas",
    "Pension reform: Marcher shot dead in Valparaiso as police break up rally",
    "Unrest in Nairobi\n\nA protester was shot dead and 14 people were injured in Nairobi on Tuesday.",
    "Unrest in Conakry\n\nOne demonstrator was shot dead and at least nine people hurt in Conakry on Monday.",
    "March in Dhaka\n\nTwo protesters were shot dead and dozens more were wounded near the university on Sunday.",
]


@pytest.fixture(scope="module")
def found(incidents_of) -> list[list]:
    return incidents_of(PROBES)


@pytest.mark.parametrize("i", range(len(PROBES)), ids=[p.split("\n")[0][:30] for p in PROBES])
def test_protesters_shot_are_victims(found, i: int) -> None:
    shot = [m for m in found[i] if m.trigger.text == "shot"]
    assert shot, [(m.trigger.text, m.event_type) for m in found[i]]
    m = shot[0]
    assert (m.event_type, m.sub_event_type) == ("Protests", "Excessive force against protesters")
    assert {acled_kind(a.kind) for a in m.actors if a.role == "actor1"} == {"state forces"}
    assert {acled_kind(a.kind) for a in m.actors if a.role == "actor2"} == {"protesters"}
