"""People taken to, admitted to or treated in a place of care were hurt ("seven people were taken
to hospital with burns", "11 protesters were treated for breathing difficulties"): an injured
count, whatever noun names them; the bodies of the dead taken to hospital stay the dead.
Sentences written for this test, none from a dev set or sample."""

from __future__ import annotations

import pytest

from eventdesk.extract.counts import find_counts
from eventdesk.nlp import parse

CARED = [
    ("Seven other people, including two firefighters, were taken to hospital with burns.", 7),
    ("Eight protesters were admitted to hospital with gunshot wounds.", 8),
    ("Twenty students were rushed to a clinic after inhaling tear gas.", 20),
    ("Five officers were hospitalised after the clashes.", 5),
    ("A health official said 11 protesters were treated for breathing difficulties.", 11),
]


@pytest.mark.parametrize(("text", "n"), CARED, ids=[s[:40] for s, _ in CARED])
def test_people_taken_into_care_were_injured(text: str, n: int) -> None:
    counts = find_counts(parse(text))
    assert any(c.kind == "injured" and c.best == n for c in counts), [(c.kind, c.best) for c in counts]


def test_the_bodies_taken_to_hospital_are_the_dead() -> None:
    counts = find_counts(parse("The bodies of 12 people were taken to hospital in Kaduna."))
    assert [(c.kind, c.best) for c in counts] == [("killed", 12)]
