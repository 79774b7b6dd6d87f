"""In an article without a publication date, days stay unresolved: "Thursday" and "Thursday
night" are one day (the part of the day does not make another), "Thursday" and "Saturday night"
two (assemble._agrees). Articles written for this test, read with no publication date."""

from __future__ import annotations

import pytest

ONE_DAY = [
    "Unrest in the capital\n\nRioters set fire to shops in the old town of Tunis on Thursday.\n\n"
    "Rioters also burned a bank in Tunis late on Thursday night, residents said.",
    "Attack on a village\n\nGunmen killed six farmers near Bunia on Friday.\n\n"
    "The gunmen also shot dead two herders near Bunia on Friday evening, officials said.",
    "Shelling of the city\n\nShells hit a market in Kharkiv on Monday, killing four people.\n\n"
    "More shells struck the market in Kharkiv early on Monday afternoon, wounding nine.",
    "Protest turns violent\n\nProtesters clashed with police in Dakar on Wednesday.\n\n"
    "Protesters also clashed with police in Dakar on Wednesday night, witnesses said.",
    "Bombing in the north\n\nA car bomb killed five soldiers in Mosul on Sunday.\n\n"
    "A second blast killed two police officers in Mosul on Sunday morning.",
]
TWO_DAYS = [
    "Unrest in the capital\n\nRioters set fire to shops in the old town of Tunis on Thursday.\n\n"
    "Rioters burned a bank in Tunis on Saturday night, residents said.",
    "Attacks on villages\n\nGunmen killed six farmers near Bunia on Friday.\n\n"
    "Gunmen shot dead two herders near Bunia on Sunday evening, officials said.",
    "Shelling of the city\n\nShells hit a market in Kharkiv on Monday, killing four people.\n\n"
    "Shells struck the market in Kharkiv on Wednesday afternoon, wounding nine.",
    "Protests in Senegal\n\nProtesters clashed with police in Dakar on Wednesday.\n\n"
    "Protesters clashed with police in Dakar again on Friday night, witnesses said.",
    "Bombings in the north\n\nA car bomb killed five soldiers in Mosul on Sunday.\n\n"
    "A roadside bomb killed two police officers in Mosul on Tuesday morning.",
]


@pytest.fixture(scope="module")
def found(incidents_of) -> list[list]:
    return incidents_of([*ONE_DAY, *TWO_DAYS], None)


def _incidents(text: str, mentions: list) -> list[set]:
    """The incident numbers of the mentions of the body's two paragraphs."""
    return [{m.incident for m in mentions if m.sentence.start == text.index(p)} for p in text.split("\n\n")[1:]]


@pytest.mark.parametrize("i", range(len(ONE_DAY)), ids=[t.split("\n")[2][:40] for t in ONE_DAY])
def test_a_part_of_the_same_day_is_the_same_incident(found, i: int) -> None:
    first, second = _incidents(ONE_DAY[i], found[i])
    assert first and first == second, [(m.incident, m.when and m.when.expression) for m in found[i]]


@pytest.mark.parametrize("i", range(len(TWO_DAYS)), ids=[t.split("\n")[2][:40] for t in TWO_DAYS])
def test_another_day_is_another_incident(found, i: int) -> None:
    first, second = _incidents(TWO_DAYS[i], found[len(ONE_DAY) + i])
    assert first and second and not first & second
