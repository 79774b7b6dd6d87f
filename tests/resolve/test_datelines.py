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
    # a town of two words in capitals
    ("Mayor shot dead\n\nMEXICO CITY - Gunmen shot dead a mayor in the town of Iguala on Monday.", "Mexico City",
     "Iguala"),
    ("Clashes in the north\n\nSAN SALVADOR (Wire) - Gang members clashed with police in Santa Ana on Monday.",
     "San Salvador", "Santa Ana"),
]
# towns in capitals NER does not tag at a sentence start: the gazetteer finds them
UNTAGGED = [
    ("Teachers tear-gassed\n\nLAHORE - Police fired tear gas at hundreds of teachers on Tuesday.", "Lahore", None),
    ("Two shot dead\n\nKARACHI (Indus Wire) - Gunmen killed two shopkeepers on Monday.", "Karachi", None),
    ("Strike turns violent\n\nDHAKA, May 2 - Workers clashed with police on Saturday.", "Dhaka", None),
    ("March on the capital\n\nQUITO - Thousands of farmers marched on Wednesday.", "Quito", None),
    ("Checkpoint attacked\n\nMAIDUGURI (Sahel Post) - Insurgents attacked a checkpoint on Friday.", "Maiduguri", None),
]
# a web page: headline, standfirst, byline and a caption before the dateline
WEB = [
    ("Blast at army base kills five\n\nSuicide car bomb hits base, army says\n\n"
     "The attack was the deadliest this month. A second standfirst line tells more of what happened there.\n\n"
     "Horn Wire Newsroom | 19 August 2025 | Updated 13:30 EAT\n\n"
     "Smoke rises from the gate of the base after Monday's explosion, in an image shared on social media by "
     "residents of the town, who said the blast was heard several kilometres away and shook their windows.\n\n"
     "MOGADISHU - A suicide bomber drove a vehicle into the gate of an army base in Baidoa on Monday.",
     "Mogadishu", "Baidoa"),
]


@pytest.mark.parametrize(("text", "dateline", "site"), CASES + WEB + UNTAGGED, ids=[c[1] for c in CASES + WEB + UNTAGGED])
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
