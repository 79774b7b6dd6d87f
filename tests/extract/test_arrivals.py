"""Forces that arrive or land are the actor of their arrival (extract/roles.py), on sentences
written for these tests (none from a dev set or sample): the subject of the intransitive "arrived"
or "landed" is the force (actor1), and a time or place after it ("on Thursday", "at the airport")
is no one. Before, the time was filed as the arriving actor and the force as associated."""

from __future__ import annotations

import pytest

from eventdesk.evaluate.records import acled_kind

PROBES = [
    "Deployment in Papua\n\nAbout 300 additional soldiers arrived in Ilaga on Thursday, the military said.",
    "Peacekeepers in Goma\n\nAbout 200 Kenyan peacekeepers arrived in Goma on Monday, the UN mission said.",
    "Troops in Kidal\n\nMalian soldiers arrived in Kidal on Tuesday, the army said.",
    "Reinforcements for Cabo Delgado\n\nRwandan troops arrived in Mocimboa da Praia on Wednesday.",
    "Troops in Gao\n\nHundreds of soldiers arrived at the base in Gao on Sunday after the attack.",
]


@pytest.fixture(scope="module")
def found(incidents_of) -> list[list]:
    return incidents_of(PROBES)


@pytest.mark.parametrize("i", range(len(PROBES)), ids=[p.split("\n")[0] for p in PROBES])
def test_arriving_force_is_actor1(found, i: int) -> None:
    arrivals = [m for m in found[i] if m.trigger.text in ("arrived", "landed")]
    assert arrivals, [(m.trigger.text, m.event_type) for m in found[i]]
    actor1 = [a for a in arrivals[0].actors if a.role == "actor1"]
    assert len(actor1) == 1 and acled_kind(actor1[0].kind) in ("state forces", "external/other forces"), actor1
    assert actor1[0].text and actor1[0].text.split()[-1].lower() in (
        "soldiers", "peacekeepers", "marines", "troops"), actor1
