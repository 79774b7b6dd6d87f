"""A state, ministry or embassy protesting, or a protest lodged, filed or voiced, is a complaint,
not a demonstration; people protesting in the street still are. Sentences written for this test."""

from __future__ import annotations

import pytest

from eventdesk.extract.events import find_events

COMPLAINTS = [
    "Germany protested strongly against the detention of its citizen abroad.",
    "The foreign ministry protested to the Russian ambassador over the expulsion of two diplomats.",
    "The embassy lodged a protest with the authorities over the closure of its consulate.",
    "Japan filed a formal protest with Beijing over the incident at sea.",
    "The ambassador voiced his protest at the closure of the consulate.",
]
DEMONSTRATIONS = [
    "Hundreds of teachers protested outside the education ministry in Nairobi on Monday.",
    "Opposition supporters staged a protest outside the electoral commission in Lusaka on Friday.",
    "Students held a protest in Dhaka on Sunday.",
]


def _protests(nlp, sentence: str) -> list[str]:
    return [m.sub_event_type for m in find_events(nlp(sentence), article_id="t") if m.event_type == "Protests"]


@pytest.mark.parametrize("sentence", COMPLAINTS, ids=[s[:40] for s in COMPLAINTS])
def test_a_complaint_is_no_demonstration(nlp, sentence: str) -> None:
    assert _protests(nlp, sentence) == []


@pytest.mark.parametrize("sentence", DEMONSTRATIONS, ids=[s[:40] for s in DEMONSTRATIONS])
def test_people_protesting_still_demonstrate(nlp, sentence: str) -> None:
    assert _protests(nlp, sentence) == ["Peaceful protest"]
