"""Which recognised place is an event's place (resolve/places.py `locate`), on sentences written
for these tests (none from a dev set or sample): the place of the trigger's own clause, never an
actor's home ("a Denver man") or an organisation's name ("the Killeen Police Department")."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from eventdesk.records import Place
from eventdesk.resolve.places import find_places, locate


def _where(nlp, text: str, trigger: str) -> tuple[Place | None, list[Place]]:
    doc: Doc = nlp(text)
    places = find_places(doc)
    tok = next(t for t in doc if t.text == trigger)
    sent = tok.sent
    return locate(sent.start_char, sent.end_char, places, doc, trigger=tok), places


# (sentence, trigger, the home's words): the home is recognised and is not the event's place
HOMES = [
    ("A Denver man was shot dead on Friday.", "shot", "Denver"),
    ("A Melbourne woman was stabbed on Tuesday night.", "stabbed", "Melbourne"),
    ("Two Nairobi students were arrested after the march.", "arrested", "Nairobi"),
    ("A teenager from Hamburg was beaten by a crowd on Sunday.", "beaten", "Hamburg"),  # "from Lyon": NER says ORG, not recognised (a gap)
    ("A Karachi businessman was kidnapped on Monday.", "kidnapped", "Karachi"),
]


@pytest.mark.parametrize(("text", "trigger", "home"), HOMES, ids=[h[2] for h in HOMES])
def test_an_actors_home_is_not_the_events_place(nlp, text: str, trigger: str, home: str) -> None:
    where, places = _where(nlp, text, trigger)
    assert any(p.text == home and p.role == "home" for p in places), places
    assert where is None or where.text != home, where


# (sentence, trigger, the place of the trigger's clause, another place of the sentence)
CLAUSES = [
    ("Police in Lagos said gunmen killed six farmers in Kaduna on Monday.", "killed", "Kaduna", "Lagos"),
    ("Officials in Kabul said a bomb exploded in Kandahar on Friday.", "exploded", "Kandahar", "Kabul"),
    ("Reporters in Nairobi said troops shot two protesters in Mombasa.", "shot", "Mombasa", "Nairobi"),
    ("A spokesman in Islamabad said militants attacked a checkpoint in Peshawar.", "attacked", "Peshawar", "Islamabad"),
    ("Witnesses in Manila said soldiers clashed with rebels in Davao on Sunday.", "clashed", "Davao", "Manila"),
]


@pytest.mark.parametrize(("text", "trigger", "site", "other"), CLAUSES, ids=[c[2] for c in CLAUSES])
def test_the_place_of_the_triggers_clause_wins(nlp, text: str, trigger: str, site: str, other: str) -> None:
    where, _ = _where(nlp, text, trigger)
    assert where is not None and where.text == site, where


# (sentence, trigger, the place inside an organisation's name)
ORG_NAMES = [
    ("The Killeen Police Department arrested four men on Friday.", "arrested", "Killeen"),
    ("The Leeds City Council building was set on fire by rioters.", "fire", "Leeds"),
    ("Students of Boston University marched against the war on Monday.", "marched", "Boston"),
    ("Gunmen robbed a Nairobi Bank branch and shot a guard.", "robbed", "Nairobi"),
    ("Officers of the Ohio State Police detained two protesters.", "detained", "Ohio"),
]


@pytest.mark.parametrize(("text", "trigger", "name"), ORG_NAMES, ids=[o[2] for o in ORG_NAMES])
def test_a_place_in_an_organisations_name_is_not_the_events_place(nlp, text: str, trigger: str, name: str) -> None:
    where, places = _where(nlp, text, trigger)
    assert all(p.role == "in_name" for p in places if p.text and p.text.startswith(name)), places
    assert where is None or not (where.text or "").startswith(name) or where.reason.startswith("article"), where


# (sentence, trigger, where the casualties were carried): not where they were hurt
CARRIED = [
    ("The army put the toll at four soldiers killed, adding that the wounded had been flown to Nairobi for treatment.",
     "killed", "Nairobi"),
    ("Three survivors of the attack were evacuated to Kabul by helicopter.", "attack", "Kabul"),
    ("Five people were injured and the injured were rushed to Peshawar, police said.", "injured", "Peshawar"),
    ("Four people who were hurt in the blast were transferred to Lagos for treatment.", "blast", "Lagos"),
    ("Six villagers were killed and the bodies were taken to Maiduguri, a relative said.", "killed", "Maiduguri"),
]


@pytest.mark.parametrize(("text", "trigger", "there"), CARRIED, ids=[c[2] for c in CARRIED])
def test_where_the_casualties_were_carried_is_not_the_events_place(nlp, text: str, trigger: str, there: str) -> None:
    where, places = _where(nlp, text, trigger)
    assert any(p.text == there and p.role == "hospital" for p in places), places
    assert where is None or where.text != there, where


def test_a_movement_of_others_to_a_place_keeps_it(nlp) -> None:  # type: ignore[no-untyped-def]
    """Only casualties carried somewhere lose the place: "police took the suspects to Lagos" is no
    carrying of the wounded."""
    _, places = _where(nlp, "Police took the suspects to Lagos for questioning after the raid.", "raid")
    assert all(p.role != "hospital" for p in places if p.text == "Lagos"), places
