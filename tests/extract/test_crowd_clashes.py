"""Unarmed people fighting the police or the army riot (ACLED: Riots/Violent demonstration),
armed groups fighting them battle; looting told in the same sentence as a riot by the crowd
is part of the riot, an armed group's looting is its own event. Sentences written for this test."""

from __future__ import annotations

from datetime import date

import pytest


RIOT, LOOTING = "Riots/Violent demonstration", "Strategic developments/Looting/property destruction"
PROBES = [
    ("Villagers clashed with soldiers near Kidal on Sunday.", [RIOT]),
    ("Residents clashed with police in the Rio suburb of Mare on Thursday over an eviction.", [RIOT]),
    ("Police clashed with residents of a shanty town in Nairobi on Monday.", [RIOT]),
    ("Militants clashed with soldiers near Kidal on Sunday.", ["Battles/Armed clash"]),
    # looting with the riot it belongs to: one riot
    ("They looted shops, pelted police with stones and set cars alight in the centre of Nantes on Saturday.", [RIOT]),
    ("Demonstrators hurled rocks at police and looted stores in Caracas on Tuesday.", [RIOT]),
    # an armed group's looting stays its own event
    ("Militants looted the clinic in the village of Boni on Thursday.", [LOOTING]),
]


@pytest.fixture(scope="module")
def types(incidents_of) -> dict[str, list[str]]:
    return {s: [f"{m.event_type}/{m.sub_event_type}" for m in mentions]
            for (s, _), mentions in zip(PROBES, incidents_of([p[0] for p in PROBES], date(2025, 4, 7)), strict=True)}


@pytest.mark.parametrize(("sentence", "want"), PROBES, ids=[p[0][:40] for p in PROBES])
def test_crowds_riot_and_loot_within_the_riot(types, sentence: str, want: list[str]) -> None:
    assert types[sentence] == want
