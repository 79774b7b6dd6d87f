"""Actor roles and canonical names (real spaCy pipeline)."""

from __future__ import annotations

from eventdesk.extract.actors import country_of_word, home_country, resolve_actor
from eventdesk.extract.events import find_events


def actors(nlp, text: str) -> dict[str, tuple[str, str | None, str | None]]:
    (m,) = find_events(nlp(text), article_id="t")
    return {a.role: (a.name, a.kind, a.country_code) for a in m.actors}


def test_active_voice_roles(nlp):
    got = actors(nlp, "Police arrested dozens of protesters in the square.")
    assert got["actor1"][:2] == ("Police Forces", "police")
    assert got["actor2"][:2] == ("Protesters", "protesters")


def test_passive_voice_roles(nlp):
    got = actors(nlp, "Dozens of protesters were arrested by police on Monday.")
    assert got["actor1"][1] == "police" and got["actor2"][1] == "protesters"


def test_russian_paratroopers_canonical(nlp):
    doc = nlp("Kazakhstan said the Kazakh army and Russian paratroopers were in Almaty. Kazakhstan closed its border.")
    tok = next(t for t in doc if t.text == "paratroopers")
    actor = resolve_actor(tok, "actor1", home=home_country(doc))
    assert actor.name == "Military Forces of Russia"
    assert actor.kind == "foreign state forces" and actor.country_code == "RU"
    assert home_country(doc) == "KZ"


def test_tokayev_canonical(nlp):
    doc = nlp("President Tokayev ordered the arrests.")
    actor = resolve_actor(doc[1], "actor1")
    assert (actor.name, actor.kind, actor.country_code) == ("Kassym-Jomart Tokayev", "political leader", "KZ")


def test_generic_police_country_left_empty(nlp):
    doc = nlp("Police fired on the crowd.")
    actor = resolve_actor(doc[0], "actor1")
    assert actor.country_code is None and actor.text == "Police"


def test_demonyms():
    assert country_of_word("Kazakh") == "KZ"
    assert country_of_word("Russians") == "RU"
    assert country_of_word("Nigeria") == "NG"
    assert country_of_word("teacher") is None


def test_deployment_force_takes_sender_country(nlp):
    (m,) = find_events(nlp("Turkey deployed troops to the border."), article_id="t")
    a1 = next(a for a in m.actors if a.role == "actor1")
    assert a1.name == "Military Forces of Turkey" and a1.country_code == "TR"
