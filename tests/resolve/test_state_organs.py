"""A state's local and executive organs speak for its forces (extract/data/actors.toml, read by
resolve/status.py), on sentences written for these tests (none from a dev set or sample): a
prefecture, a governorate, a municipality, a presidency or a sheriff's office telling what the
state's police or soldiers did makes the report a party's claim, and a coast guard, rangers or
sheriff's deputies are the state's forces."""

from __future__ import annotations

import pytest

from eventdesk.evaluate.records import acled_kind

# (article, trigger, status, actor1 kind)
PROBES = [
    ("Clashes in Lyon\n\nRiot police fired tear gas and detained 14 people near the station on Tuesday, "
     "the prefecture said.", "detained", "claimed", "state forces"),
    ("Raid in Deir al-Balah\n\nSecurity forces killed four gunmen in a raid near the town on Tuesday, "
     "the governorate said in a statement.", "killed", "claimed", "state forces"),
    ("Market protest\n\nPolice arrested nine traders protesting outside the market in Kumasi on Monday, "
     "the municipality said.", "arrested", "claimed", "state forces"),
    ("Border shooting\n\nSoldiers shot dead two smugglers near the border town of Gabu on Sunday, the "
     "presidency said.", "shot", "claimed", "state forces"),
    ("Shootout in Oklahoma\n\nSheriff's deputies shot and wounded a man who opened fire on them near Tulsa "
     "on Friday, the sheriff's office said.", "shot", "claimed", "state forces"),
    ("Boat seized\n\nThe coast guard seized a fishing boat and detained its crew of six off Palawan on "
     "Thursday.", "detained", "reported", "state forces"),
    ("Gunfight in Narathiwat\n\nRangers clashed with insurgents near a rubber plantation in "
     "Narathiwat on Wednesday.", "clashed", "reported", "state forces"),
]


@pytest.fixture(scope="module")
def found(incidents_of) -> list[list]:
    return incidents_of([p[0] for p in PROBES])


@pytest.mark.parametrize("i", range(len(PROBES)), ids=[p[0].split("\n")[0] for p in PROBES])
def test_state_organs(found, i: int) -> None:
    _, trigger, status, kind = PROBES[i]
    ms = [m for m in found[i] if m.trigger.text == trigger]
    assert ms, [m.trigger.text for m in found[i]]
    m = ms[0]
    assert m.status.value == status
    assert {acled_kind(a.kind) for a in m.actors if a.role == "actor1"} == {kind}
