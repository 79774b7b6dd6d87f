"""Petrol bombs, Molotov cocktails and fire bombs are thrown fire, not explosives: a crowd's
attack with them is a riot, an armed group's an attack; never Explosions/Remote violence.
Sentences written for this test."""

from __future__ import annotations

from datetime import date

import pytest


PROBES = [
    ("Youths attacked a police station with petrol bombs in central Lyon overnight.", "Riots"),
    ("Protesters hurled Molotov cocktails at riot police outside the parliament in Tbilisi on Saturday.", "Riots"),
    ("Masked men attacked a mosque in Leicester with fire bombs early on Sunday, police said.", "Violence against civilians"),
    ("A crowd pelted the governor's office in Kisumu with stones and petrol bombs on Monday.", "Riots"),
    ("Rioters attacked a bank in Valparaiso with gasoline bombs and set it ablaze.", "Riots"),
    # a bomb with no incendiary word stays an explosive
    ("Militants attacked a checkpoint in Kirkuk with bombs and rifles, killing four soldiers.", "Explosions/Remote violence"),
]


@pytest.fixture(scope="module")
def types(incidents_of) -> dict[str, list[str]]:
    found = incidents_of([p[0] for p in PROBES], date(2025, 9, 2))
    return {s: [m.event_type for m in mentions] for (s, _), mentions in zip(PROBES, found, strict=True)}


@pytest.mark.parametrize(("sentence", "want"), PROBES, ids=[p[0][:40] for p in PROBES])
def test_incendiaries_are_no_explosives(types, sentence: str, want: str) -> None:
    assert types[sentence] == [want]
