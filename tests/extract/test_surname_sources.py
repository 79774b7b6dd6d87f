"""A source given by surname alone ("..., Mokoena said") is the person the article introduced
earlier with a role ("provincial police spokesperson ... Mokoena"): the record shows that
introduction, and a party's spokesperson makes the account a claim. Articles written for this
test, none from a dev set or sample."""

from __future__ import annotations

from datetime import date

import pytest

from eventdesk.records import Status

ARTICLES = [
    ("Arrests after township unrest\n\n"
     "Provincial police spokesperson Colonel Sipho Dlamini said the area was calm by noon. Police arrested 15 "
     "people in raids in Mamelodi on Tuesday morning, Dlamini said.", "police spokesperson"),
    ("Militants killed near Bannu\n\n"
     "Army spokesman Major General Tariq Aziz told reporters that troops remained on alert. Soldiers killed four "
     "militants in a raid near Bannu on Monday, Aziz said.", "army spokesman"),
    ("Gendarmes arrest protesters in Yaounde\n\n"
     "Gendarmerie spokesman Captain Jean-Paul Mbuyi spoke to the radio station by telephone. Gendarmes arrested 22 "
     "protesters outside the university in Yaounde on Sunday, Mbuyi said.", "gendarmerie spokesman"),
    ("Police detain marchers in Minsk\n\n"
     "Interior ministry spokeswoman Olga Chemodanova confirmed that officers had been deployed. Police detained 40 "
     "marchers in central Minsk on Saturday, Chemodanova said.", "interior ministry spokeswoman"),
    ("Navy seizes smuggling boat\n\n"
     "Navy spokesman Commander Rahul Menon briefed journalists in Kochi. The navy captured six suspected smugglers "
     "off the coast on Friday, Menon said.", "navy spokesman"),
]


@pytest.fixture(scope="module")
def incidents(incidents_of) -> list[list]:
    return incidents_of([a for a, _ in ARTICLES], date(2025, 5, 20))


@pytest.mark.parametrize("i", range(len(ARTICLES)), ids=[a.split("\n")[0] for a, _ in ARTICLES])
def test_a_surname_source_is_the_person_introduced_with_a_role(incidents, i: int) -> None:
    text, role = ARTICLES[i]
    last = text.rsplit(". ", 1)[-1]
    said = [m for m in incidents[i] if last in m.sentence.text or m.sentence.text in last]
    assert said, [(m.event_type, m.sentence.text[:40]) for m in incidents[i]]
    for m in said:
        assert role in (m.attributed_to or "").lower() and m.status == Status.CLAIMED, (m.status, m.attributed_to)
