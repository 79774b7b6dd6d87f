"""A toll told in the present perfect over a war or a campaign ("nine soldiers have been killed in
the conflict", "more than 60 towns have been recaptured since the offensive began") is the war's
running tally, not an incident, and so is what its subject tells ("civilians hit by rocket
fire"); an episode's tally ("since the riots broke out") and a perfect with no war stay.
Sentences written for this test, none from a dev set or sample (3 of 5 failed before; the
other two were dropped already for the months they name)."""

from __future__ import annotations

import pytest

from eventdesk.extract.events import find_events
from eventdesk.nlp import parse

TALLIES = [
    "At least 300 soldiers have died since the offensive began in March, the ministry said.",
    "Some 40 aid workers have been killed during the war, the UN said.",
    "Eleven Ukrainians, including four children hit by shelling, have been killed in the conflict this month.",
    "More than 600 Ethiopians have been killed so far in the twelve weeks of the war in Tigray.",
    "Over 20 villages have been recaptured since the campaign against the insurgents began.",
]
KEPT = [
    "Police have arrested 120 people since the riots broke out on Friday.",
    "Nine people have been killed in the conflict-hit district of Kurram, police said on Tuesday.",
    "Rebels stormed the town on Monday and killed nine people, the army said.",
]


@pytest.mark.parametrize("text", TALLIES, ids=[s[:40] for s in TALLIES])
def test_a_wars_tally_is_no_incident(text: str) -> None:
    found = find_events(parse(text), article_id="a")
    assert not found, [(m.trigger.text, m.event_type) for m in found]


@pytest.mark.parametrize("text", KEPT, ids=[s[:40] for s in KEPT])
def test_incidents_and_episode_tallies_stay(text: str) -> None:
    assert find_events(parse(text), article_id="a")
