"""Actor roles and canonical names (real spaCy pipeline)."""

from __future__ import annotations

from eventdesk.extract.actors import country_of_word, home_country, resolve_actor, subject_of
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


def test_a_named_leader_canonical(nlp):
    doc = nlp("President Putin ordered the arrests.")
    actor = resolve_actor(doc[1], "actor1")
    assert (actor.name, actor.kind, actor.country_code) == ("Vladimir Putin", "political leader", "RU")


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


def _roles(nlp, text: str) -> list[tuple[str, str, str | None, str | None]]:
    return [(a.role, a.name, a.kind, a.text) for m in find_events(nlp(text), article_id="t") for a in m.actors]


def test_head_word_decides_kind(nlp):
    doc = nlp("Police cleared anti-government protesters and an opposition leader from the square.")
    protesters = resolve_actor(next(t for t in doc if t.text == "protesters"), "actor2")
    leader = resolve_actor(next(t for t in doc if t.text == "leader"), "actor2")
    assert protesters.kind == "protesters" and leader.kind == "political party"


def test_subject_nearest_the_verb_not_the_dateline(nlp):
    doc = nlp("COLOMBO, July 22 (Indian Ocean Wire) - Sri Lankan troops and police cleared protesters "
              "from around the Presidential Secretariat.")
    assert subject_of(next(t for t in doc if t.text == "cleared")).text == "troops"


def test_multiword_demonym_gives_country(nlp):
    doc = nlp("Sri Lankan troops were deployed.")
    assert resolve_actor(doc[2], "actor1").name == "Military Forces of Sri Lanka"


def test_crowd_takes_the_event_types_name(nlp):
    got = _roles(nlp, "Thousands of people kept up a sit-in outside the secretariat.")
    assert ("actor1", "Protesters", "protesters", "Thousands of people") in got
    got = _roles(nlp, "Protesters clashed with police in the capital.")
    assert ("actor1", "Rioters", "rioters", "Protesters") in got
    assert ("actor2", "Police Forces", "police", "police") in got


def test_named_group_at_the_head_of_a_crowd_is_associated(nlp):
    got = _roles(nlp, "Opposition MPs tried to march to the square.")
    assert ("actor1", "Protesters", "protesters", "Opposition MPs") in got
    assert any(role == "associated" and kind == "political party" for role, _, kind, _ in got)


def test_force_acting_on_a_protest_is_actor2(nlp):
    got = _roles(nlp, "Sri Lankan troops and police cleared anti-government protesters from the square.")
    assert ("actor1", "Protesters", "protesters", "anti-government protesters") in got
    assert any(role == "actor2" and kind == "military" for role, _, kind, _ in got)


def test_force_alone_is_never_the_crowd(nlp):
    got = _roles(nlp, "Police opened fire on protesters in the town.")
    assert all(not (kind == "protesters" and text == "Police") for _, _, kind, text in got)


def test_protest_target_without_crowd_stays_actor2(nlp):
    got = _roles(nlp, "A group of refugees continued a hunger strike in protest of the government's refusal.")
    assert any(role == "actor2" and kind == "government" for role, _, kind, _ in got)


def test_head_of_state_acts_as_government_via_light_noun(nlp):
    got = _roles(nlp, "Sri Lankan President Gotabaya Rajapaksa declared a state of emergency on Friday.")
    assert got == [("actor1", "Government of Sri Lanka", "political leader",
                    "Sri Lankan President Gotabaya Rajapaksa")]
    got = _roles(nlp, "Late on Sunday, 26 Cabinet ministers handed in their letters of resignation.")
    assert [(r, k) for r, _, k, _ in got] == [("actor1", "government")]


def test_passive_pronoun_resolved_to_the_speaker(nlp):
    got = _roles(nlp, "A journalist said he had been beaten by soldiers.")
    assert ("actor2", "Journalists", "journalists", "A journalist") in got


def test_singular_pronoun_is_not_a_plural_source(nlp):
    got = _roles(nlp, "Police said he had been beaten by soldiers.")
    assert all(not (role == "actor2" and kind == "police") for role, _, kind, _ in got)


def test_reporting_police_made_the_arrests(nlp):
    got = _roles(nlp, "Police said nine people were arrested.")
    assert ("actor1", "Police Forces", "police", "Police") in got
    got = _roles(nlp, "Witnesses said nine people were arrested.")
    assert all(role != "actor1" for role, *_ in got)
    got = _roles(nlp, "A curfew was imposed in the town, authorities said.")
    assert got == [("actor1", "Government", "government", "authorities")]


def test_owner_of_a_place_is_the_target(nlp):
    got = _roles(nlp, "Israeli tanks shelled positions of the Palestinian security forces.")
    a2 = [(name, text) for role, name, _, text in got if role == "actor2"]
    assert a2 == [("Security Forces of Palestinian Territory", "positions of the Palestinian security forces")]


def test_a_sender_is_named_after_the_person_apposed_to_it(nlp):
    got = [(a.role, a.name) for m in find_events(nlp(
        "The governor's deputy, Colonel Amadou Sow, summoned soldiers to the town."), article_id="t") for a in m.actors]
    assert ("associated", "Colonel Amadou Sow") in got, got  # not "Deputy" or the governor


def test_home_country_is_where_things_happen_not_who_acts(nlp):
    from eventdesk.extract.actors import home_country

    doc = nlp("Russia sent paratroopers. Russian troops landed on Friday. Russia said it would help. "
              "Protests spread across Kazakhstan after fuel prices rose in Kazakhstan.")
    assert home_country(doc) == "KZ"  # two places against three acting mentions
    parsed, tagged = nlp("Russia sent paratroopers."), nlp("Protests spread in Kazakhstan and Kazakhstan.")
    assert home_country(parsed) == "RU"
    assert home_country(parsed, tagged) == "KZ"  # the fast path's tagged-only sentences count too


def test_opening_fire_on_a_crowd_names_the_crowd_not_the_fire(nlp):
    got = _roles(nlp, "Police opened fire on protesters in the town.")
    assert [(r, k) for r, _, k, _ in got] == [("actor2", "police"), ("actor1", "protesters")]


def test_the_object_of_a_sending_verb_does_its_infinitive(nlp):
    ms = find_events(nlp("The president summoned Russian troops to fight the rebels."), article_id="t")
    (fight,) = [m for m in ms if m.trigger.text == "fight"]
    assert [a.name for a in fight.actors if a.role == "actor1"] == ["Military Forces of Russia"]  # not the president
    ms = find_events(nlp("Police tried to disperse the crowd with tear gas."), article_id="t")
    assert [a.kind for m in ms for a in m.actors if a.name.startswith("Police")] == ["police"]  # subject control


def test_students_workers_and_farmers_are_civilians_unless_they_protest(nlp):
    (shot,) = find_events(nlp("Soldiers shot dead two farmers on Tuesday."), article_id="t")
    assert (shot.event_type, [a.kind for a in shot.actors if a.role == "actor2"]) == ("Violence against civilians", ["civilians"])
    (beaten,) = find_events(nlp("Police beat striking workers outside the factory."), article_id="t")
    assert beaten.sub_event_type == "Excessive force against protesters"


def test_a_participle_hung_on_a_place_takes_the_clause_subject(nlp):
    got = _roles(nlp, "Members of the special forces roamed the surrounding streets firing live ammunition.")
    assert [(r, n) for r, n, _, _ in got if r == "actor1"] == [("actor1", "Security Forces")]
