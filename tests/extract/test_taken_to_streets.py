"""Crowds that take to or pour into the streets protest; activists or marchers who are taken
somewhere, take part or a break, or pour cold water on a plan do not. Sentences written for this
test (5 of 5 of the second kind were protests before)."""

from __future__ import annotations

import pytest

from eventdesk.extract.events import find_events

STREETS = [
    "Thousands of protesters took to the streets of Nairobi on Monday.",
    "Angry residents poured into the streets of Lagos after the verdict.",
    "Opposition supporters took to the streets in Lusaka on Friday.",
]
NOT_STREETS = [
    "The activists, members of an opposition party, were taken to the central police station in Bulawayo.",
    "Activists poured cold water on the government's plan in Lusaka on Monday.",
    "Activists took part in a radio debate in Kampala on Friday.",
    "The marchers were taken by bus to the airport in Dakar.",
    "Protesters took a break in the afternoon in Quito.",
]


def _protests(nlp, sentence: str) -> list[str]:
    return [m.sub_event_type for m in find_events(nlp(sentence), article_id="t") if m.event_type == "Protests"]


@pytest.mark.parametrize("sentence", STREETS, ids=[s[:40] for s in STREETS])
def test_a_crowd_in_the_streets_protests(nlp, sentence: str) -> None:
    assert _protests(nlp, sentence) == ["Peaceful protest"]


@pytest.mark.parametrize("sentence", NOT_STREETS, ids=[s[:40] for s in NOT_STREETS])
def test_taken_somewhere_is_no_protest(nlp, sentence: str) -> None:
    assert _protests(nlp, sentence) == []
