"""Who a verb of prevention keeps from an act is the one who tried it: "soldiers stopped gunmen
from attacking a school" (the gunmen attack; the soldiers do not). Sentences written for this
test."""

from __future__ import annotations

from datetime import date

import pytest

PROBES = [
    ("Soldiers stopped gunmen from attacking a school in Maiduguri on Monday.", "gunmen"),
    ("Police prevented protesters from storming the parliament in Tbilisi on Wednesday.", "protesters"),
    ("Villagers stopped militants from burning a church near Beni on Thursday.", "militants"),
    ("Security guards kept a mob from looting the warehouse in Durban on Saturday.", "a mob"),
    ("Guards prevented gunmen from kidnapping a priest in Enugu on Sunday.", "gunmen"),
]


@pytest.fixture(scope="module")
def found(incidents_of) -> dict[str, list]:
    texts = [t for t, _ in PROBES]
    return dict(zip(texts, incidents_of(texts, date(2025, 6, 13)), strict=True))


@pytest.mark.parametrize(("text", "doer"), PROBES, ids=[t[:40] for t, _ in PROBES])
def test_the_prevented_party_is_the_doer(found, text: str, doer: str) -> None:
    assert found[text]
    for m in found[text]:
        assert {a.text for a in m.actors if a.role == "actor1"} == {doer}
