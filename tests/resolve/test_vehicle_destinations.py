"""Where a vehicle or a journey was going is not where anything happened to it: "buses to
Islamabad", "a minibus to Kano", "a train to Quetta" name a destination (role "destination"),
which never gives an event its place; a deployment's "to" (troops sent to a country) and a march
to a building are no vehicle's. Sentences written for this test (5 of 5 failed before)."""

from __future__ import annotations

import pytest

from eventdesk.nlp import parse
from eventdesk.resolve.places import find_places

DESTINATIONS = [
    ("The attacker detonated his vest near a ticket counter as passengers waited to board buses to Islamabad.",
     "Islamabad"),
    ("Gunmen stopped a minibus to Kano and abducted 12 passengers.", "Kano"),
    ("A bomb exploded on a train to Quetta near Sibi on Tuesday.", "Quetta"),
    ("Police arrested the man on a ferry to Zanzibar.", "Zanzibar"),
    ("Hundreds of migrants boarded boats to Lampedusa after the raid in Sfax.", "Lampedusa"),
]
NOT_DESTINATIONS = [
    ("Russia sent troops to Kazakhstan on Thursday.", "Kazakhstan"),
    ("Police escorted the activists to Nairobi.", "Nairobi"),
    ("Protesters marched to Parliament in Accra.", "Accra"),
]


@pytest.mark.parametrize(("text", "name"), DESTINATIONS, ids=[d[1] for d in DESTINATIONS])
def test_a_vehicles_destination_is_no_event_place(text: str, name: str) -> None:
    assert [p.role for p in find_places(parse(text)) if p.text == name] == ["destination"]


@pytest.mark.parametrize(("text", "name"), NOT_DESTINATIONS, ids=[d[1] for d in NOT_DESTINATIONS])
def test_other_tos_are_places(text: str, name: str) -> None:
    assert [p.role for p in find_places(parse(text)) if p.text == name] == [None]
