"""Violence by a state's police or army is ACLED's, never ordinary crime (the desk guidelines:
"state force against people"): sentences written for this test (none from a dev set or sample)."""

from __future__ import annotations

import pytest

STATE_VIOLENCE = [
    "A 19-year-old man was shot three times by a police officer on Elm Street in Memphis late on Friday, police said.",
    "An officer shot dead a teenager during a traffic stop in the Paris suburb of Nanterre on Tuesday.",
    "Soldiers beat a street vendor to death at a checkpoint in Goma on Sunday, witnesses said.",
    "A delivery driver was killed by military police in an alley in Salvador on Sunday night, his family said.",
    "Police officers fatally shot a man armed with a knife outside a supermarket in Bristol on Monday.",
]


@pytest.mark.parametrize("text", STATE_VIOLENCE, ids=[t[:40] for t in STATE_VIOLENCE])
def test_a_state_forces_violence_is_acled_scope(incidents_of, text: str) -> None:  # type: ignore[no-untyped-def]
    [incidents] = incidents_of(["Shooting\n\n" + text])
    violent = [m for m in incidents if m.event_type in ("Violence against civilians", "Battles")]
    assert violent and all(m.scope == "acled" for m in violent), [(m.event_type, m.scope, m.reason[-80:]) for m in incidents]


def test_an_ordinary_murder_stays_crime(incidents_of) -> None:  # type: ignore[no-untyped-def]
    [incidents] = incidents_of(["Murder\n\nA man stabbed his neighbour to death after an argument over parking in Leeds on Sunday."])
    assert incidents and all(m.scope == "crime" for m in incidents), [(m.event_type, m.scope) for m in incidents]
