"""A place a distance is told from is not where the event happened (resolve/places.py
`_measured_from`, role "reference"), on sentences written for these tests (none from a dev set or
sample): "near Izraa, in Daraa province, about 30 km west of Sweida" happened in Daraa province;
with no other place in the sentence the reference still places it ("20 km south of Mogadishu")."""

from __future__ import annotations

import pytest

# (sentence, the incident's place, the place the distance is told from)
PROBES = [
    ("Israeli jets struck a column of tanks on the road near Izraa, in Daraa province, about 30 km west of "
     "Sweida, on Sunday.", "Dar'ā", "Sweida"),
    ("Gunmen ambushed a bus on the highway near Bagega, in Zamfara state, about 60 km north of Gusau, on "
     "Monday.", "Zamfara", "Gusau"),
    ("Troops clashed with rebels on a hill near Tahan, in Kayin state, some 40 km east of Hpa-an, on Friday.",
     "Kayin", "Hpa-an"),
    ("Protesters blocked the road near Pongo, in Cochabamba department, about 50 kilometres west of Santa "
     "Cruz, on Thursday.", "Cochabamba", "Santa Cruz"),
    ("Militants attacked a checkpoint near Gwadar, in Balochistan province, about 70 km east of Turbat, on "
     "Saturday.", "Gwadar", "Turbat"),
    ("Fighters shelled positions near Kupiansk, in Kharkiv region, some 100 km east of Kharkiv city, on "
     "Tuesday.", "Kupyansk", "Kharkiv"),
]


@pytest.fixture(scope="module")
def found(incidents_of) -> list[list]:
    return incidents_of(["Report\n\n" + p[0] for p in PROBES])


@pytest.mark.parametrize("i", range(len(PROBES)), ids=[p[2] for p in PROBES])
def test_reference_is_not_the_place(found, i: int) -> None:
    _, where, reference = PROBES[i]
    assert {m.place.name for m in found[i] if m.place is not None} == {where}


def test_a_lone_reference_still_places_the_event(incidents_of) -> None:
    [mentions] = incidents_of(["Blast\n\nA roadside bomb exploded 20 kilometres south of Mogadishu on Sunday, killing three soldiers."])
    assert {m.place.name for m in mentions if m.place is not None} == {"Mogadishu"}
