"""find_events on invented sentences and on the shared samples (real spaCy pipeline)."""

from __future__ import annotations

import time
from pathlib import Path


from eventdesk.extract.events import evidence_segments, find_events, lexicon
from eventdesk.records import Status


def events(nlp, text: str, rejected: list[str] | None = None):
    return find_events(nlp(text), article_id="t", rejected=rejected)


def types(mentions) -> set[tuple[str, str]]:
    return {(m.event_type, m.sub_event_type) for m in mentions}


def test_lexicon_has_acled_taxonomy():
    lex = lexicon()
    assert len(lex.sub_events) == 25
    assert {k.split("/")[0] for k in lex.sub_events} >= {"Battles", "Riots", "Protests"}
    for fam in lex.families:
        if fam.default == "":  # no event unless one of its rules fires
            assert fam.rules, fam.name
            continue
        assert fam.default.rsplit("/", 1)[0] in {k.rsplit("/", 1)[0] for k in lex.sub_events} or fam.default in lex.sub_events


def test_police_killing_protesters_is_claimed_excessive_force(nlp):
    ms = events(nlp, "Officers in the capital said they had shot dead nine marchers. Riot police said they killed four demonstrators.")
    m = next(m for m in ms if m.trigger.text == "killed")
    assert (m.event_type, m.sub_event_type) == ("Protests", "Excessive force against protesters")
    assert m.status == Status.CLAIMED
    assert m.attributed_to and "police" in m.attributed_to.lower()
    assert "kill" in m.reason and "→" in m.reason


def test_agentless_passive_arrests(nlp):
    (m,) = events(nlp, "Some 300 students have been detained.")
    assert (m.event_type, m.sub_event_type) == ("Strategic developments", "Arrests")
    assert [a.role for a in m.actors] == ["actor2"]
    assert m.status == Status.REPORTED


def test_internet_shutdown_and_troop_deployment(nlp):
    ms = events(nlp, "Mobile internet was cut off in the north. The government deployed soldiers to the border town.")
    assert ("Strategic developments", "Other") in types(ms)
    assert len([m for m in ms if m.event_type == "Strategic developments"]) == 2


def test_storming_and_looting_is_one_riot(nlp):
    ms = events(nlp, "The parliament building was stormed and looted by protesters on Monday.")
    assert types(ms) == {("Riots", "Violent demonstration")}
    assert len(ms) == 1 and "merged" in ms[0].reason


def test_regained_control_is_government_regains_territory(nlp):
    (m,) = events(nlp, "Soldiers regained control of the city's airport on Friday.")
    assert (m.event_type, m.sub_event_type) == ("Battles", "Government regains territory")


def test_speech_about_consulting_is_no_event(nlp):
    assert events(nlp, "Paris said it would consult with its partners on the crisis.") == []


def test_threat_to_send_troops_is_planned(nlp):
    ms = events(nlp, "The neighbouring state threatened to send troops to the region.")
    assert ms and all(m.status == Status.PLANNED for m in ms)


def test_negation_drops_event_with_reason(nlp):
    rejected: list[str] = []
    assert events(nlp, "Police did not fire on the crowd and did not arrest anyone.", rejected) == []
    assert any("negated" in r for r in rejected)


def test_background_violence_is_dropped(nlp):
    rejected: list[str] = []
    ms = events(nlp, "It was the worst violence since the war.", rejected)
    assert ms == []


def test_stun_grenades_are_not_explosions(nlp):
    ms = events(nlp, "Stun grenades exploded as the crowd gathered.")
    assert all(m.event_type != "Explosions/Remote violence" for m in ms)


def test_killed_in_gunbattle_is_one_battle(nlp):
    ms = events(nlp, "Rebel fighters killed five soldiers in a gunbattle near the river.")
    assert types(ms) == {("Battles", "Armed clash")}


def test_mention_offsets_point_into_text(nlp):
    text = "Headline: Troops Deployed\n\nThousands of people marched in the capital. Police arrested 40."
    doc = nlp(text)
    for m in find_events(doc, article_id="a"):
        assert text[m.sentence.start:m.sentence.end] == m.sentence.text
        assert text[m.trigger.start:m.trigger.end] == m.trigger.text
        assert m.id.startswith("m_") and m.counts == [] and m.place is None and m.when is None
    assert all("\n" not in s.text for s in evidence_segments(doc))


# ---------------------------------------------------------------- shared samples
def _sample_mentions(nlp, samples: list[Path]):
    return {p.name: find_events(nlp(p.read_text(encoding="utf-8")), article_id=p.stem) for p in samples}


def test_samples_key_events_found(nlp, samples):
    found = set()
    for ms in _sample_mentions(nlp, samples).values():
        found |= {(m.event_type, m.sub_event_type, m.status) for m in ms}
    assert ("Protests", "Excessive force against protesters", Status.CLAIMED) in found  # police killings
    assert ("Strategic developments", "Arrests", Status.REPORTED) in found
    assert ("Riots", "Violent demonstration", Status.REPORTED) in found  # storming, looting, arson, airport
    assert ("Battles", "Government regains territory", Status.REPORTED) in found  # airport retaken
    assert ("Strategic developments", "Other", Status.REPORTED) in found  # troops, internet


def test_samples_terrorist_statement_not_reported(nlp, samples):
    for ms in _sample_mentions(nlp, samples).values():
        for m in ms:
            if "terrorist" in m.sentence.text.lower() and m.event_type != "Strategic developments":
                assert m.status != Status.REPORTED, m.reason


def test_samples_no_boilerplate_mentions(nlp, samples):
    for ms in _sample_mentions(nlp, samples).values():
        assert ms
        assert not any(m.sentence.text.startswith("Also Read") for m in ms)


def test_speed_given_parsed_doc(nlp, samples):
    docs = [nlp(p.read_text(encoding="utf-8")) for p in samples]
    start = time.perf_counter()
    for doc in docs:
        find_events(doc, article_id="s")
    elapsed = time.perf_counter() - start
    assert elapsed / len(docs) < 0.5  # far above the ~10 ms measured: a regression guard only


# ---------------------------------------------------------------- ACLED sub-types (examples gold)
def test_sit_in_and_vigil_are_peaceful_protests(nlp):
    ms = events(nlp, "Thousands of people kept up a sit-in opposite the secretariat. "
                     "Students held a candle-lit vigil for the dead man.")
    assert [(m.event_type, m.sub_event_type) for m in ms] == [("Protests", "Peaceful protest")] * 2
    assert ms[0].trigger.text == "sit-in"


def test_tear_gas_on_students_is_intervention_with_protesters_first(nlp):
    ms = events(nlp, "Police fired tear gas and water cannon at students who tried to march out of the campus.")
    m = next(m for m in ms if m.trigger.text == "fired")
    assert (m.event_type, m.sub_event_type) == ("Protests", "Protest with intervention")
    roles = {a.role: a.kind for a in m.actors}
    assert roles == {"actor1": "protesters", "actor2": "police"}


def test_clashes_between_protesters_and_police_are_riots_with_toll_merged(nlp):
    ms = events(nlp, "A man died and 84 other people were injured in clashes between protesters and police.")
    assert types(ms) == {("Riots", "Violent demonstration")} and len(ms) == 1


def test_resignation_is_strategic_but_a_demanded_one_is_not(nlp):
    (m,) = events(nlp, "Central Bank Governor Ajith Cabraal announced his resignation on Monday.")
    assert (m.event_type, m.sub_event_type) == ("Strategic developments", "Other")
    assert events(nlp, "Thousands marched, demanding that the president step down.") == [] or all(
        m.event_type == "Protests" for m in events(nlp, "Thousands marched, demanding that the president step down."))


def test_supporters_attacking_protesters_is_violence_against_civilians(nlp):
    ms = events(nlp, "Hundreds of government supporters attacked peaceful protesters with clubs.")
    assert ("Violence against civilians", "Attack") in types(ms)


def test_agentless_arson_inherits_the_riot_and_mobs_are_mob_violence(nlp):
    ms = events(nlp, "Mobs set fire to the minister's house on Monday.\n\nIn Negombo, a hotel was torched.")
    assert [(m.event_type, m.sub_event_type) for m in ms] == [("Riots", "Mob violence")] * 2


def test_definite_reference_back_to_violence_is_no_new_event(nlp):
    rejected: list[str] = []
    ms = events(nlp, "Police shot dead a protester on Tuesday. The shooting came as thousands kept up a sit-in.", rejected)
    assert [m.event_type for m in ms] == ["Protests", "Protests"]
    assert any("definite reference" in r for r in rejected)


def test_agentless_toll_after_reported_violence_takes_that_events_type(nlp):
    got = events(nlp, ("Protesters stormed the police station and set fire to vehicles.\n"
                         "Police said 15 officers had also been hurt by stones."), [])
    riot = next(m for m in got if m.trigger.text == "stormed")
    toll = next(m for m in got if m.trigger.text == "hurt")
    assert (toll.event_type, toll.sub_event_type) == (riot.event_type, riot.sub_event_type)


def test_forces_killed_are_a_toll_of_the_riot_not_of_force_against_protesters(nlp):
    doc = nlp("Rioters stormed the city hall on Friday. Police said they had killed dozens of protesters. "
              "At least 18 police officers were killed.")
    riot, force, toll = find_events(doc, article_id="t")
    assert force.sub_event_type == "Excessive force against protesters"
    assert (toll.event_type, toll.sub_event_type) == (riot.event_type, riot.sub_event_type) == ("Riots", "Mob violence")


def test_events_counted_over_time_or_in_a_series_are_background(nlp):
    doc = nlp("It was the first death in weeks of demonstrations over fuel prices.")
    assert find_events(doc, article_id="t") == []
    doc = nlp("Demonstrations over fuel prices continued in the capital on Monday.")
    assert [m.event_type for m in find_events(doc, article_id="t")] == ["Protests"]


def test_crowds_burning_houses_are_mob_violence(nlp):
    (m,) = find_events(nlp("Crowds burned dozens of houses belonging to ruling party politicians."), article_id="t")
    assert (m.event_type, m.sub_event_type) == ("Riots", "Mob violence")
    (m,) = find_events(nlp("Unidentified men burned dozens of houses in the village."), article_id="t")
    assert m.sub_event_type == "Looting/property destruction"


def test_the_matter_of_a_charge_or_a_lawsuit_is_no_new_event(nlp):
    for text in ("Three men were convicted of killing a journalist in 2019.",
                 "Two nationals suspected of blowing up a plane were handed over.",
                 "A businessman is suing the state for damages to his plant, which was destroyed in a missile attack."):
        assert find_events(nlp(text), article_id="t") == [], text
    got = [(m.event_type, m.trigger.text) for m in find_events(
        nlp("Police arrested two men suspected of attacking a bus on Monday."), article_id="t")]
    assert got == [("Strategic developments", "arrested")]  # the arrest is news, the attack alleged
