"""People captured, seized, nabbed or rounded up are arrested (an abduction when an armed group
does it); places and goods seized are not arrests. Sentences written for this test."""

from __future__ import annotations

from datetime import date

import pytest


ARRESTS = "Strategic developments/Arrests"
ABDUCTION = "Violence against civilians/Abduction/forced disappearance"
PROBES = [
    ("Indonesian soldiers seized 19 suspected militants in a raid in Poso on Sunday.", ARRESTS, 19),
    ("Colombian police nabbed three men wanted for extortion in Cali on Friday.", ARRESTS, 3),
    ("Security forces rounded up dozens of opposition activists in Minsk overnight.", ARRESTS, 12),
    ("Kenyan police captured four suspected cattle rustlers in Isiolo on Wednesday.", ARRESTS, 4),
    ("Rebels captured two aid workers near Goma on Tuesday, the charity said.", ABDUCTION, None),
    ("The customs agency seized 300 kilograms of cocaine at the port of Santos.", None, None),
    ("Troops seized the airport in the north of the country on Wednesday.", "Battles/Government regains territory", None),
]


@pytest.fixture(scope="module")
def found(incidents_of) -> dict[str, list[tuple[str, int | None]]]:
    out = {}
    for (s, _, _), mentions in zip(PROBES, incidents_of([p[0] for p in PROBES], date(2025, 6, 20)), strict=True):
        out[s] = [(f"{m.event_type}/{m.sub_event_type}", next((c.best for c in m.counts if c.kind == "arrested"), None))
                  for m in mentions]
    return out


@pytest.mark.parametrize(("sentence", "want", "arrested"), PROBES, ids=[p[0][:40] for p in PROBES])
def test_people_captured_are_arrested(found, sentence: str, want: str | None, arrested: int | None) -> None:
    assert found[sentence] == ([(want, arrested)] if want else [])
