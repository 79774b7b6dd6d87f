"""An incident first told by its destruction ("Houses burnt by insurgents near Macomia on
Saturday") and then by its killing ("Insurgents beheaded three men and set fire to 20 houses")
is an attack: a later sentence that retells the killing without its doer ("- Three men beheaded
near Macomia on Saturday") joins it as it joins any attack (assemble._joins reads the group's
violent event, not its first sentence). Articles written for this test."""

from __future__ import annotations

from datetime import date

import pytest

ARTICLES = [
    ("Insurgents raid village in Cabo Delgado\n\nHouses burnt by insurgents in a village near "
     "Macomia on Saturday.\n\nInsurgents beheaded three men and set fire to 20 houses in a "
     "village near Macomia on Saturday, residents said.\n\n- Three men beheaded and houses burnt "
     "near Macomia on Saturday."),
    ("Raid in Zamfara\n\nShops looted by bandits in a market near Anka on Friday.\n\nBandits shot "
     "dead seven traders and looted shops at a market near Anka on Friday, police said.\n\n- "
     "Seven traders shot dead near Anka on Friday."),
    ("Attack in Ituri\n\nHomes torched by militiamen near Djugu on Sunday.\n\nMilitiamen killed "
     "11 villagers and torched homes near Djugu on Sunday, officials said.\n\n- Eleven villagers "
     "killed near Djugu on Sunday."),
    ("Attack in Borno\n\nA church set ablaze by gunmen near Chibok on Monday.\n\nGunmen killed "
     "four worshippers and set a church ablaze near Chibok on Monday, residents said.\n\n- Four "
     "worshippers killed near Chibok on Monday."),
    ("Raid in Tillaberi\n\nGranaries burned by armed men near Ouallam on Tuesday.\n\nArmed men "
     "killed six farmers and burned granaries near Ouallam on Tuesday, the mayor said.\n\n- Six "
     "farmers killed near Ouallam on Tuesday."),
]


@pytest.fixture(scope="module")
def found(incidents_of) -> list[list]:
    return incidents_of(ARTICLES, date(2025, 6, 13))


@pytest.mark.parametrize("i", range(len(ARTICLES)), ids=[t.split("\n")[0] for t in ARTICLES])
def test_the_retold_killing_joins_the_attack_told_by_its_destruction(found, i: int) -> None:
    mentions = found[i]
    assert len({m.sentence.start for m in mentions}) >= 2
    assert len({m.incident for m in mentions}) == 1, [(m.incident, m.sentence.text[:50]) for m in mentions]
    assert {m.event_type for m in mentions} == {"Violence against civilians"}
