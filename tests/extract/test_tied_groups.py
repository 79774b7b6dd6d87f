"""Armed men tied to a named group by a participle or adjective ("fighters linked to
al-Shabaab", "militants loyal to the Islamic State group", "gunmen affiliated with the Sinaloa
Cartel") are that group, however the parser hangs the tie (on the noun, or as the sentence's verb
with the attack its conjunct). Sentences written for this test, none from a dev set or sample
(5 of 5 failed before: an unnamed armed group)."""

from __future__ import annotations

import pytest

from eventdesk.extract.events import find_events
from eventdesk.nlp import parse

SENTENCES = [
    ("Fighters linked to al-Shabaab attacked a police post in Mandera on Friday.", "Al-Shabaab"),
    ("Militants loyal to the Islamic State group stormed a village in Cabo Delgado on Sunday.", "Islamic State"),
    ("Militants linked to Boko Haram attacked a military base in Borno on Thursday.", "Boko Haram"),
    ("Gunmen affiliated with the Sinaloa Cartel ambushed a police patrol in Culiacan on Friday.", "Sinaloa Cartel"),
    ("Insurgents linked to the Islamic State group killed twelve villagers in Tillaberi on Sunday.", "Islamic State"),
]


@pytest.mark.parametrize(("text", "group"), SENTENCES, ids=[s[:40] for s, _ in SENTENCES])
def test_tied_group_is_the_doer(text: str, group: str) -> None:
    found = find_events(parse(text), article_id="a")
    doers = {a.name for m in found for a in m.actors if a.role == "actor1"}
    assert doers == {group}, doers


def test_an_unnamed_gang_stays_unnamed() -> None:
    found = find_events(parse("Gunmen linked to a local gang killed a trader in Kano on Monday."), article_id="a")
    assert {a.name for m in found for a in m.actors if a.role == "actor1"} == {"Unidentified Armed Group"}
