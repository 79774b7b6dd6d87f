"""Datelines in capitals without a comma ("YANGON (Agency) -", "KYIV -", either town of
"SANAA/RIYADH (Agency) -") are datelines: where the report was filed, not where the lead's
incident happened when the lead names its own place; the outlet in the brackets is no place.
Articles written for this test (none from a dev set or sample)."""

from __future__ import annotations

import pytest

from eventdesk.resolve.places import find_places

CASES = [
    ("Air strike kills nine\n\nYANGON (Delta Courier) - A military jet bombed a village near Monywa on Tuesday.",
     "Yangon", "Monywa"),
    ("Checkpoint attacked\n\nKABUL - Gunmen attacked a checkpoint in Kandahar overnight, wounding six police.", "Kabul",
     "Kandahar"),
    ("Market hit\n\nSANAA/RIYADH (Gulf Affairs Wire) - An air strike hit a market in Saada on Wednesday.",
     "Sanaa", "Saada"),
    ("Protest turns violent\n\nNAIROBI (Lake Basin Post) - Police fired tear gas at protesters in Kisumu on Friday.",
     "Nairobi", "Kisumu"),
    ("Bomb kills soldiers\n\nBAMAKO (Sahel Wire) - A roadside bomb killed four soldiers near Mopti on Sunday.",
     "Bamako", "Mopti"),
]


@pytest.mark.parametrize(("text", "dateline", "site"), CASES, ids=[c[1] for c in CASES])
def test_a_capitals_dateline_is_found_and_its_outlet_is_no_place(nlp, text: str, dateline: str, site: str) -> None:
    places = find_places(nlp(text))
    lines = [p for p in places if p.reason.startswith("dateline")]
    assert lines and lines[0].name in (dateline, "Sana'a"), [(p.name, p.reason) for p in places]
    outlet = text.index("(") if "(" in text else len(text)
    close = text.find(")", outlet)
    assert not [p for p in places if outlet < (p.start or 0) < close], "a place read from the outlet's name"


@pytest.mark.parametrize(("text", "dateline", "site"), CASES, ids=[c[1] for c in CASES])
def test_the_leads_own_place_is_the_incidents(incidents_of, text: str, dateline: str, site: str) -> None:
    (found,) = incidents_of([text])
    lead = [m for m in found if m.sentence.start > 0]
    assert lead and all(m.place is not None and m.place.name != dateline for m in lead), [
        (m.place and m.place.name) for m in found]
