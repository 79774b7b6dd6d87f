"""A country of two words names the actor's country whole: "South Sudanese soldiers" are South
Sudan's, not Sudan's; "North Korean troops" North Korea's; "the government of South Sudan" is
South Sudan's government (the country in an "of" phrase). Sentences written for this test, none
from a dev set or sample (5 of 5 failed before: Sudan, South Korea, or no country)."""

from __future__ import annotations

import pytest

from eventdesk.extract.events import find_events
from eventdesk.nlp import parse

SENTENCES = [
    ("South Sudanese soldiers looted a village in Central Equatoria on Friday.", "SS"),
    ("North Korean troops attacked a border post near Kaesong on Monday.", "KP"),
    ("The government of South Sudan arrested three generals in Juba on Tuesday.", "SS"),
    ("South Sudan's army shelled rebel positions near Malakal on Sunday.", "SS"),
    ("The army of Sudan bombed a market in Kauda on Wednesday.", "SD"),
]


@pytest.mark.parametrize(("text", "country"), SENTENCES, ids=[s[:40] for s, _ in SENTENCES])
def test_doer_country_of_two_words(text: str, country: str) -> None:
    found = find_events(parse(text), article_id="a")
    doers = {a.country_code for m in found for a in m.actors if a.role == "actor1"}
    assert doers == {country}, [(m.event_type, [(a.role, a.name, a.country_code) for a in m.actors]) for m in found]
