"""Attribution and modality cues (real spaCy pipeline)."""

from __future__ import annotations

from eventdesk.extract.attribution import attribute
from eventdesk.extract.events import find_events
from eventdesk.records import Status


def status_of(nlp, text: str, trigger: str):
    doc = nlp(text)
    return attribute(next(t for t in doc if t.text == trigger))


def test_unverified(nlp):
    a = status_of(nlp, "Eleven villagers were killed, but the figure could not be independently verified.", "killed")
    assert a.status == Status.UNVERIFIED


def test_according_to_health_ministry_is_claimed(nlp):
    a = status_of(nlp, "Twelve people were killed in the shelling, according to the health ministry.", "killed")
    assert a.status == Status.CLAIMED and "health ministry" in a.attributed_to.lower()


def test_authorities_say_is_claimed(nlp):
    a = status_of(nlp, "Authorities say at least nine officers were killed overnight.", "killed")
    assert a.status == Status.CLAIMED and a.attributed_to.lower() == "authorities"


def test_media_relay_stays_reported(nlp):
    a = status_of(nlp, "Reuters reported that soldiers had arrested the mayor.", "arrested")
    assert a.status == Status.REPORTED and a.attributed_to == "Reuters"


def test_outlet_statement_is_reported(nlp):
    a = status_of(nlp, "Soldiers arrested the mayor on Monday.", "arrested")
    assert a.status == Status.REPORTED and a.attributed_to is None


def test_denial(nlp):
    a = status_of(nlp, "The army denied that soldiers had killed the villagers.", "killed")
    assert a.status == Status.DENIED and "army" in a.attributed_to.lower()


def test_plans_and_calls_are_planned(nlp):
    assert status_of(nlp, "The ministry plans to deploy troops next week.", "deploy").status == Status.PLANNED
    assert status_of(nlp, "The governor would impose a curfew if riots continue.", "curfew").status == Status.PLANNED


def test_quotation_is_claimed(nlp):
    text = "“They burned the station and looted the shops,” said a local shopkeeper."
    ms = find_events(nlp(text), article_id="t")
    assert ms and all(m.status == Status.CLAIMED for m in ms)


def test_reportedly_is_unverified(nlp):
    assert status_of(nlp, "Gunmen reportedly kidnapped two engineers.", "kidnapped").status == Status.UNVERIFIED


def test_past_attempt_is_reported_and_a_coordinated_verb_is_not_planned(nlp):
    assert status_of(nlp, "Opposition MPs tried to march to the square on Sunday.", "march").status == Status.REPORTED
    a = status_of(nlp, "Late on Wednesday night, protesters trying to reach the parliament complex clashed with troops "
                       "and police at the Polduwa junction.", "clashed")
    assert a.status == Status.REPORTED
    assert status_of(nlp, "The students will try to march on Friday.", "march").status == Status.PLANNED


def test_a_plan_is_attributed_to_its_planner(nlp):
    a = status_of(nlp, "The union threatened to strike across the country next week.", "strike")
    assert a.status == Status.PLANNED and a.attributed_to == "The union"
    a = status_of(nlp, "The interior minister's deputy, Anna Petrova, sent police to disperse the march.", "disperse")
    assert a.status == Status.PLANNED and a.attributed_to == "Anna Petrova"  # the person apposed to the role


def test_a_crowd_that_gathers_to_protest_is_protesting(nlp):
    assert status_of(nlp, "Hundreds of farmers gathered outside parliament to protest against the tax.",
                     "protest").status == Status.REPORTED
    assert status_of(nlp, "The union plans to march to parliament next week.", "march").status == Status.PLANNED


def test_a_relative_pronoun_speaks_for_its_antecedent(nlp):
    for text, source in [
        ("The ministry, which said soldiers had killed nine fighters near the border, gave no names.", "ministry"),
        ("The rebel group, which said its fighters shot down a helicopter on Monday, posted a video.", "rebel group"),
    ]:
        doc = nlp(text)
        trigger = next(t for t in doc if t.text in ("killed", "shot"))
        who = attribute(trigger).attributed_to
        assert who is not None and source in who.lower() and "which" not in who.lower(), (text, who)


def test_a_speaker_phrase_across_a_line_break_keeps_its_last_line(nlp):
    a = status_of(nlp, "Wire Service Daily\nResidents said gunmen killed four traders in the market.", "killed")
    assert a.attributed_to is not None and "\n" not in a.attributed_to
