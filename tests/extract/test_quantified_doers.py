"""A doer named by a quantity ("some in the crowd", "many of the marchers") is that group, never
the speaker the sentence cites: sentences written for this test (none from a dev set or sample)."""

from __future__ import annotations

import pytest

# (text, the speaker, a word of the group that did it)
QUANTIFIED = [
    ("Some of the protesters threw stones at police in Nakuru on Friday, officials said.", "officials", "protesters"),
    ("Some in the crowd hurled bottles at officers outside the stadium on Sunday, police said.", "police", "crowd"),
    ("Many of the marchers smashed shop windows in central Lyon on Thursday, the prefecture said.", "prefecture", "marchers"),
    ("Several among the strikers attacked a bus depot in Durban on Monday, the company said.", "company", "strikers"),
    ("Dozens of the youths set fire to tyres on the highway near Lahore on Tuesday, witnesses said.", "witnesses", "youths"),
]


@pytest.mark.parametrize(("text", "speaker", "group"), QUANTIFIED, ids=[q[2] for q in QUANTIFIED])
def test_a_quantified_doer_is_its_group_not_the_speaker(incidents_of, text: str, speaker: str, group: str) -> None:  # type: ignore[no-untyped-def]
    [incidents] = incidents_of([text])
    assert incidents
    for m in incidents:
        assert not any(a.role == "actor1" and speaker in (a.text or "") for a in m.actors), m.actors
    assert any(a.role == "actor1" and group in (a.text or "") for m in incidents for a in m.actors), [m.actors for m in incidents]
