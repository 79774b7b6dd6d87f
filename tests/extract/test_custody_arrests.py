"""People taken or put into custody are arrested, with the figure taken ("took 17 into custody"),
even when the people are protesters ("took 14 protesters into custody" is no protest); goods
seized with the people are no people ("seized nine cattle thieves and a weapons stockpile": 9).
Sentences written for this test."""

from __future__ import annotations

from datetime import date

import pytest


ARRESTS = "Strategic developments/Arrests"
PROBES = [
    # taken into custody
    ("The coast guard took 17 into custody on Saturday after a chase off the coast of Sri Lanka.", 17),
    ("Police in Lagos took 14 protesters into custody on Monday.", 14),
    ("Officers put two students into custody outside the parliament in Dhaka on Tuesday.", 2),
    ("Border guards in Poland took 31 migrants into custody near Bialystok on Friday, a spokesman said.", 31),
    ("Riot police took nine fans into custody after the match in Lyon on Sunday.", 9),
    # people seized with goods
    ("Rangers seized nine cattle thieves and a weapons stockpile near Isiolo on Saturday.", 9),
    ("Police in Karachi arrested four smugglers and a speedboat loaded with fuel on Monday.", 4),
    ("Troops detained 12 fighters and a rocket launcher near Kidal on Sunday.", 12),
    ("Customs officers arrested three men and a quantity of heroin at the Kenyan border on Friday.", 3),
    ("Border police seized two traffickers and a stolen motorcycle near Nogales on Tuesday.", 2),
]


@pytest.fixture(scope="module")
def found(incidents_of) -> dict[str, list[tuple[str, int | None]]]:
    out = {}
    for (s, _), mentions in zip(PROBES, incidents_of([p[0] for p in PROBES], date(2025, 6, 20)), strict=True):
        out[s] = [(f"{m.event_type}/{m.sub_event_type}", next((c.best for c in m.counts if c.kind == "arrested"), None))
                  for m in mentions]
    return out


@pytest.mark.parametrize(("sentence", "arrested"), PROBES, ids=[p[0][:40] for p in PROBES])
def test_custody_is_arrest(found, sentence: str, arrested: int) -> None:
    assert found[sentence] == [(ARRESTS, arrested)]
