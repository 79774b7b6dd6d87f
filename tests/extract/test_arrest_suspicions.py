"""What people are arrested on suspicion of is the offence they are held for, not another incident
the sentence reports ("arrested on suspicion of throwing petrol bombs": one arrest, no riot).
Sentences written for this test."""

from __future__ import annotations

from datetime import date

import pytest

PROBES = [
    "Police arrested three men on suspicion of throwing petrol bombs at a bus in Belfast on Monday.",
    "A teenager was detained in Lyon on Saturday on suspicion of setting fire to a police car.",
    "Officers in Leeds arrested a 19-year-old on Sunday on suspicion of stabbing a man outside a nightclub.",
    "Police detained a man in Kandy on Sunday on suspicion of planting a bomb near a mosque.",
    "Two boys were arrested in Derry on Tuesday on suspicion of riotous assembly and throwing stones at police.",
]


@pytest.fixture(scope="module")
def found(incidents_of) -> dict[str, list]:
    return dict(zip(PROBES, incidents_of(PROBES, date(2025, 6, 13)), strict=True))


@pytest.mark.parametrize("text", PROBES, ids=[t[:40] for t in PROBES])
def test_a_suspicion_is_no_incident_of_its_own(found, text: str) -> None:
    assert [f"{m.event_type}/{m.sub_event_type}" for m in found[text]] == ["Strategic developments/Arrests"]
