"""The small buildings of trade and farming ("market stalls", "kiosks", "huts", "shacks",
"tents") are property a crowd or an armed group destroys, as houses and shops are; a government's
or a council's demolition of them is an administrative act, no event. Sentences written for this
test, none from a dev set or sample."""

from __future__ import annotations

import pytest

from eventdesk.extract.events import find_events
from eventdesk.nlp import parse

SENTENCES = [
    ("Rioters burned stalls at the market in Kano on Monday.", "Riots"),
    ("Youths torched kiosks along the main road in Kisumu on Friday.", "Riots"),
    ("Gunmen razed huts in a village near Gusau on Sunday.", "Strategic developments"),
    ("A mob burned shacks belonging to migrants in Durban on Tuesday.", "Riots"),
    ("Protesters burned tents at the camp in Goma on Wednesday.", "Riots"),
]


@pytest.mark.parametrize(("text", "event_type"), SENTENCES, ids=[s[:40] for s, _ in SENTENCES])
def test_burning_small_buildings_is_destruction(text: str, event_type: str) -> None:
    found = find_events(parse(text), article_id="a")
    assert [m.event_type for m in found] == [event_type], [(m.event_type, m.sub_event_type) for m in found]


DEMOLITIONS = [
    "The city council demolished more than 300 stalls in Lusaka last week, saying they were illegal.",
    "The municipality demolished 40 kiosks along the highway in Nairobi on Monday.",
    "City officials razed shacks at the camp in Durban on Tuesday.",
    "The district administration demolished 50 shops near the bus park in Mbale on Friday.",
    "The governor's office demolished houses built on state land in Kaduna on Thursday.",
]


@pytest.mark.parametrize("text", DEMOLITIONS, ids=[s[:40] for s in DEMOLITIONS])
def test_a_government_demolition_is_no_event(text: str) -> None:
    found = find_events(parse(text), article_id="a")
    assert not found, [(m.event_type, m.sub_event_type, m.reason) for m in found]
