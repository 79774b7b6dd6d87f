"""Who did what to whom: the actors of one event trigger, by their dependency roles.

`event_actors` finds a trigger's agent and patient in the parse (active and passive voice,
event nouns, headline participles, targets of "fired at"), resolves pronouns through the
speaker of the sentence or the previous subject, and names each role from the actor table
(actors.py), checked for animacy (animacy.py). A family's `object_role` (data file) says what
its object is: the victim, the deployed force, a place, or the target of a weapon.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from eventdesk.extract import actors as act
from eventdesk.extract.animacy import checked, is_animate
from eventdesk.extract.attribution import Attribution
from eventdesk.extract.lexicon import Family
from eventdesk.records import Actor
from eventdesk.syntax import is_title_span


# Prepositions by which a quantifying pronoun names its group: "some in the crowd", "many of them",
# "several among the marchers".
GROUP_PREPS = frozenset({"of", "in", "among", "from"})
QUANTIFIER_POS = frozenset({"PRON", "ADJ", "DET", "NUM"})


def event_actors(trigger: Token, fam: Family, home: str | None, attribution: Attribution | None,
                 seg: Span) -> list[Actor]:
    """actor1 / actor2 / associated actors of a trigger, resolved against the actor table.

    Role heads must lie in the evidence segment, except a pronoun's antecedent.
    """
    agent, patient = (t if t is not None and seg.start <= t.i < seg.end else None for t in _roles(trigger, fam))
    agent = _resolve_pronoun(agent, attribution)
    if patient is not None and patient.dep_ == "nsubjpass":  # "a journalist said he had been beaten"
        patient = _resolve_pronoun(patient, attribution)
    if fam.object_role == "none" or patient is not None and act.names_an_act(patient):
        patient = None  # "a police shooting ... was killed": an act the parser took for its victim
    if fam.object_role == "actor1" and patient is not None:
        if not (fam.intransitive and agent is not None):
            return _deployment_actors(agent, patient, home, seg)
        patient = None  # "soldiers arrived in Ilaga on Thursday": the subject is the force, "Thursday" no one
    out: list[Actor] = []
    for head, role in ((agent, "actor1"), (patient, "actor2")):
        actor = None if head is None or act.is_pronoun(head) else _named_actor(head, role, home, seg)
        if head is None or actor is None or (actor := checked(head, actor, home=home, within=seg)) is None:
            continue  # no role, an unresolved pronoun, or no actor at all ("the air", "stones")
        out.append(actor)
        out += [a for c in head.children if c.dep_ == "conj"
                if (a := checked(c, act.resolve_actor(c, "associated", home=home, within=seg))) is not None]
    if trigger.pos_ == "VERB" and not any(a.role == "actor2" for a in out) and any(
            a.role == "actor1" and a.kind in act.actor_table().crowd.kinds for a in out):
        out += _force_aimed_at(trigger, home, seg)
    if fam.name in REGAIN_FAMILIES and not any(a.role == "actor2" for a in out):
        out += _former_holder(trigger, home, seg)
    source = attribution.source if attribution is not None else None
    reporter = act.reporting_agent(fam.name, source, home=home, within=seg) if agent is None else None
    return ([reporter] if reporter is not None else []) + out


# Families of a place taken back, and the verbs that tell who held it before.
REGAIN_FAMILIES = frozenset({"regain", "retake"})
HOLD_VERBS = frozenset({"seize", "hold", "capture", "occupy", "control", "take", "overrun"})


def _former_holder(verb: Token, home: str | None, seg: Span) -> list[Actor]:
    """Who held the place taken back, as its participle or relative clause tells ("regained the
    airport seized by protesters", "retook the town, which had been held by rebels"): the side
    that lost it, actor2."""
    place = act.verb_object(verb)
    if place is not None and place.lower_ == "control":  # "regained control of the airport"
        place = act.prep_object(place, {"of"}) or place
    named = act.prep_object(place, {"of"}) if place is not None else None  # "the town of Kidal, held by"
    clauses = [c for p in (place, named) if p is not None for c in p.children if c.dep_ in ("acl", "relcl")]
    clauses += [c for c in verb.children if c.dep_ == "advcl" and c.tag_ == "VBN"  # the parser may hang the
                and not any(x.dep_.startswith("nsubj") for x in c.children)]  # participle on the verb
    for clause in clauses:
        if clause.lemma_.lower() not in HOLD_VERBS:
            continue
        by = act.prep_object(clause, {"by"})
        if by is not None and seg.start <= by.i < seg.end and not act.is_pronoun(by):
            actor = checked(by, act.resolve_actor(by, "actor2", home=home, within=seg), home=home, within=seg)
            return [actor] if actor is not None else []
    return []


def _force_aimed_at(verb: Token, home: str | None, seg: Span) -> list[Actor]:
    """A state's force that a conjunct of a crowd's verb, with the verb's subject, is aimed at:
    "youths set fire to cars and fired fireworks at police officers" (the police are the side the
    rioters fought, actor2). Only a force: what else a conjunct aims at is its own act's."""
    for conj in verb.children:
        if conj.dep_ != "conj" or conj.pos_ != "VERB" or any(c.dep_ in ("nsubj", "nsubjpass") for c in conj.children):
            continue
        target = act.target_of(conj)
        if target is None or not seg.start <= target.i < seg.end:
            continue
        actor = checked(target, act.resolve_actor(target, "actor2", home=home, within=seg), home=home, within=seg)
        if actor is not None and actor.kind in act.actor_table().crowd.forces:
            return [actor]
    return []


def _named_actor(head: Token, role: str, home: str | None, seg: Span) -> Actor:
    """The actor of a phrase, named after the person apposed to it ("Nazarbayev's successor,
    President Tokayev" keeps its words and takes Tokayev's name and kind)."""
    actor = act.resolve_actor(head, role, home=home, within=seg)  # type: ignore[arg-type]
    person = act.apposed_name(head)
    if person is head:
        return actor
    named = act.resolve_actor(person, role, home=home, within=seg)  # type: ignore[arg-type]
    return actor.model_copy(update={"name": named.name, "kind": named.kind or actor.kind,
                                    "country_code": named.country_code or actor.country_code})


def _deployment_actors(sender: Token | None, force: Token, home: str | None, seg: Span) -> list[Actor]:
    """"Russia deployed paratroopers": the force is actor1 (of the sender's country), the sender
    associated, named after the person apposed to it ("Nazarbayev's successor, President Tokayev
    summoned Russian troops": Tokayev)."""
    out: list[Actor] = []
    sent_by = None
    if sender is not None and not act.is_pronoun(sender):
        sent_by = _named_actor(sender, "associated", home, seg)
    country = sent_by.country_code if sent_by is not None else None
    out.append(act.resolve_actor(force, "actor1", home=home, country=country))
    return out + ([sent_by] if sent_by is not None else [])


def _roles(trigger: Token, fam: Family) -> tuple[Token | None, Token | None]:
    if trigger.pos_ != "VERB":
        agent, patient = act.noun_roles(trigger)
        if fam.object_role == "victim":  # "three officers suffered injuries": they bore them
            return None, patient or agent
        return agent, patient
    if fam.object_role == "target":  # "fired tear gas at students": the target, not the weapon
        target = act.target_of(trigger)
        if target is None or not is_animate(target):  # "pelted police with stones": the object
            obj = act.verb_object(trigger)
            target = obj if obj is not None and is_animate(obj) else target
        return _subject(trigger), target
    if fam.object_role == "victim":  # "a man died": the subject suffered it
        return None, _subject(trigger)
    subj, obj = _subject(trigger), act.verb_object(trigger)
    if subj is not None and (not is_animate(subj) or act.owned_weapon(subj.lemma_)):  # "a Turkish artillery barrage
        subj = act.modifying_actor(subj) or subj  # wounded four", "a drone operated by a cartel wounded three"
    if obj is None and subj is not None and fam.object_role == "actor2" and _reduced_passive(trigger):
        return None, subj  # headline style: "Dozens of Protesters Killed"
    return subj, obj


def _subject(verb: Token) -> Token | None:
    """The verb's subject; for a participle the parser hung on a place or a thing ("roamed the
    streets firing live ammunition"), the subject of the clause that place belongs to."""
    subj = act.subject_of(verb)
    noun = verb.head
    if subj is None and verb.dep_ == "acl" and verb.tag_ == "VBG" and is_animate(noun):
        return noun  # "gunmen firing at random", "a police shooting" the parser read as police shooting
    if (subj is None and verb.dep_ == "acl" and verb.tag_ == "VBG" and noun.dep_ in ("dobj", "pobj")
            and not is_animate(noun)):
        clause = noun.head.head if noun.dep_ == "pobj" else noun.head
        return act.subject_of(clause) if clause.pos_ in ("VERB", "AUX") else None
    return subj


def _reduced_passive(verb: Token) -> bool:
    """A bare participle with a subject and no auxiliary or object: a headline's passive. The
    parser tags a headline's participle a past tense as often ("Two protesters shot dead in
    Nairobi", "Nine fishermen abducted off Sulu"), so in a line with no sentence end (a headline,
    a standfirst, a list item) a bare past tense counts too; in prose it is the doer's act."""
    if verb.dep_ not in ("ROOT", "conj", "ccomp", "relcl", "advcl") and not (
            verb.dep_ == "acl" and any(c.dep_ == "nsubj" for c in verb.children)):  # advcl: "..., four officers
        return False  # hurt"; a labelled headline's clause hung on the label: "Fuel protests: Protester shot dead"
    if verb.tag_ != "VBN" and not (verb.tag_ == "VBD" and is_title_span(verb.sent)):
        return False
    return not any(c.dep_ in ("aux", "auxpass", "dobj") for c in verb.children)


def _resolve_pronoun(agent: Token | None, attribution: Attribution | None) -> Token | None:
    if agent is not None and agent.pos_ in QUANTIFIER_POS and (group := act.prep_object(agent, GROUP_PREPS)) is not None:
        agent = group  # "some in the crowd threw rocks", "several among the strikers", "many of them": the group
    if agent is None or not act.is_pronoun(agent):
        return agent
    source = attribution.source if attribution is not None else None
    if (source is not None and agent.lower_ in act.PRONOUNS and not act.is_pronoun(source)
            and act.agrees(agent, source)):
        return source  # "police said they had killed": they = the police; "some", "others" never the speaker
    return act.previous_subject(agent)
