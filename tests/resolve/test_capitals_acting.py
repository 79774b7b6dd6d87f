"""A capital that breaks a truce, violates an agreement, orders an offensive or imposes a curfew
stands for its government, as one that "said" or "warned" does: never the place of the fighting
the sentence tells. Sentences written for this test, none from a dev set or sample (4 of 5 failed
before: the event placed in the capital)."""

from __future__ import annotations

import pytest

SENTENCES = [
    ("Moscow broke the ceasefire on Monday, when Russian troops shelled the town of Vuhledar, killing four soldiers.",
     "Moscow"),
    ("Ankara violated the truce on Friday when Turkish jets bombed villages near Qamishli, killing six civilians.",
     "Ankara"),
    ("Kigali breached the agreement on Sunday as Rwandan soldiers attacked a camp near Goma, killing three people.",
     "Kigali"),
    ("Addis Ababa ordered an offensive on Tuesday, and government troops stormed the town of Shire, killing 12 fighters.",
     "Addis Ababa"),
    ("Khartoum imposed a curfew on Wednesday after soldiers shot dead five protesters in Omdurman.", "Khartoum"),
]


@pytest.mark.parametrize(("text", "capital"), SENTENCES, ids=[s[:40] for s, _ in SENTENCES])
def test_a_capital_that_acts_is_no_events_place(incidents_of, text: str, capital: str) -> None:
    (found,) = incidents_of([text])
    assert found
    assert all(m.place is None or m.place.text != capital for m in found), [(m.event_type, m.place) for m in found]
