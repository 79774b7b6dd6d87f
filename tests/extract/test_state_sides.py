"""A nation named by its people as the side that shells or bombs is its military ("Military
Forces of Russia", foreign where the event is abroad); the doer of "..., killing five" is the
main verb's subject, so aircraft and drones make it an air strike; and "five members of one
family" counts the five, not the family. Sentences written for this test."""

from __future__ import annotations

from datetime import date

import pytest


AIR = "Explosions/Remote violence/Air/drone strike"
SHELLING = "Explosions/Remote violence/Shelling/artillery/missile attack"
PROBES = [
    # sentence, full type, actor1 (name, kind), killed
    ("The Russians shelled the outskirts of Kharkiv on Tuesday, killing three civilians.",
     SHELLING, ("Military Forces of Russia", "foreign state forces"), 3),
    ("The Ethiopians shelled villages near Badme on Friday, killing six people.",
     SHELLING, ("Military Forces of Ethiopia", "foreign state forces"), 6),
    ("Israeli aircraft struck a house in Rafah on Monday, killing five members of one family.",
     AIR, ("Military Forces of Israel", "foreign state forces"), 5),
    ("Turkish drones hit a farm outside Kobani on Monday, killing two shepherds.",
     AIR, ("Military Forces of Turkey", "foreign state forces"), 2),
    ("Saudi jets pounded a market in Saada on Sunday, killing seven members of two families.",
     AIR, ("Military Forces of Saudi Arabia", "foreign state forces"), 7),
]


@pytest.fixture(scope="module")
def found(incidents_of) -> dict[str, list]:
    texts = [p[0] for p in PROBES]
    return dict(zip(texts, incidents_of(texts, date(2025, 5, 12)), strict=True))


@pytest.mark.parametrize(("sentence", "want", "actor1", "killed"), PROBES, ids=[p[0][:40] for p in PROBES])
def test_state_sides_and_their_tolls(found, sentence: str, want: str, actor1: tuple[str, str], killed: int) -> None:
    (m,) = found[sentence]
    assert f"{m.event_type}/{m.sub_event_type}" == want
    assert [(a.name, a.kind) for a in m.actors if a.role == "actor1"] == [actor1]
    assert [c.best for c in m.counts if c.kind == "killed"] == [killed]
