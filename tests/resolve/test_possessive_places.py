"""A name right after a place's possessive lies in that place ("Dhaka's Victoria Park", "Kenya's
Rift Valley"), and a kind-of-place word ending a longer name ("Victoria Island") is no place of
its own. Sentences written for this test."""

from __future__ import annotations

import pytest

from eventdesk.nlp import parse
from eventdesk.resolve.places import find_places

# (sentence, the name's text, the country it must lie in; None: no place of that text)
POSSESSED = [
    ("Riot police charged protesters in Dhaka's Victoria Park on Monday.", "Victoria Park", "BD"),
    ("Mortar rounds landed near Mogadishu's Aden Adde International Airport on Tuesday night.", "Aden", "SO"),
    ("Gunmen shot dead two men in Manila's Santa Ana district on Friday.", "Santa Ana", "PH"),
    ("Soldiers raided homes in Bogota's San Cristobal district on Thursday.", "San Cristobal", "CO"),
    ("Gunmen attacked a bus in Pakistan's Hyderabad on Friday.", "Hyderabad", "PK"),
    ("Police arrested students in India's Hyderabad on Saturday.", "Hyderabad", "IN"),
    ("Gunmen killed nine villagers in Nigeria's Plateau state on Sunday.", "Plateau", "NG"),
]
FEATURES = [
    ("Police shot dead a suspect near Lagos's Victoria Island on Thursday.", "Island"),
    ("Floods cut roads in Kenya's Rift Valley on Monday.", "Valley"),
    ("Fishermen were detained off Sri Lanka's Mannar Island on Sunday.", "Island"),
]


@pytest.mark.parametrize(("text", "name", "country"), POSSESSED, ids=[t[:40] for t, _, _ in POSSESSED])
def test_a_possessed_name_lies_in_its_possessor(text: str, name: str, country: str) -> None:
    places = [p for p in find_places(parse(text)) if p.text == name]
    assert places and all(p.country_code == country for p in places), places


@pytest.mark.parametrize(("text", "word"), FEATURES, ids=[t[:40] for t, _ in FEATURES])
def test_a_kind_of_place_word_is_no_place_of_its_own(text: str, word: str) -> None:
    assert not [p for p in find_places(parse(text)) if p.text == word]
