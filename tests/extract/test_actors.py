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


def _all_actors(nlp, text: str) -> list[tuple[str, str, str | None]]:
    return [(a.role, a.text, a.kind) for m in find_events(nlp(text), article_id="t") for a in m.actors]


def test_abstract_nouns_are_not_actors(nlp):
    got = _all_actors(nlp, "Police fired tear gas and shots into the air to disperse the crowd.")
    assert all(text != "the air" for _, text, _ in got)
    got = _all_actors(nlp, "The revolt began on Sunday in western Kazakhstan to protest against soaring fuel prices.")
    assert got == []


def test_bare_quantifier_takes_counted_noun_kind(nlp):
    text = "Authorities say at least 18 members of the security forces were killed, including two found beheaded."
    got = _all_actors(nlp, text)
    two = [kind for _, t, kind in got if t == "two"]
    assert two and all(k == "state forces" for k in two)


def test_possessor_stands_for_inanimate_target(nlp):
    got = _all_actors(nlp, "Up to 1,000 ethnic Turks began a hunger strike to protest against Sweden's decision.")
    assert all(text != "Sweden's decision" or kind is not None for _, text, kind in got)
