"""Attribution and modality: how a sentence presents an event, and on whose word.

For one event trigger, `attribute` returns a `Status` (reported, claimed, denied,
unverified, planned) and who it is attributed to. The cues are data
(`data/attribution.toml`, which also documents the decisions): speech verbs and
their subjects ("police said", "authorities say"), "according to X", quotations,
denial verbs, plan/threat verbs, modals and conditions, and hedges ("could not be
independently verified", "unconfirmed reports", "reportedly"). A media outlet
relaying an event leaves it `reported` (attributed to the outlet); anyone else
makes it `claimed`.
"""

from __future__ import annotations

import logging
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from spacy.tokens import Span, Token

from eventdesk.extract.actors import apposed_name, phrase_tokens, previous_subject
from eventdesk.records import Status

log = logging.getLogger(__name__)

# Clausal links climbed from a trigger to the verbs that frame it.
FRAME_DEPS = frozenset({"ccomp", "xcomp", "advcl", "conj", "pcomp", "pobj", "dobj", "acomp", "relcl",
                        "acl", "nsubj", "nsubjpass", "attr", "oprd", "prep", "agent", "appos"})
# Bound on how far the frame climb goes: deeper embeddings are rare and the climb is per trigger.
MAX_CLIMB = 8
RELATIVE_PRONOUNS = frozenset({"which", "who", "that"})
NOT_SPEAKERS = frozenset({"FAC", "LOC", "DATE", "TIME"})  # entity labels of subjects that say nothing
QUOTES_OPEN = "“\"«"
QUOTES_CLOSE = "”\"»"


@dataclass(frozen=True)
class Cues:
    """The attribution lexicon (`data/attribution.toml`)."""

    speech: frozenset[str]
    claim: frozenset[str]
    deny: frozenset[str]
    plan_verbs: frozenset[str]
    plan_adjectives: frozenset[str]
    plan_nouns: frozenset[str]
    modals: frozenset[str]
    conditionals: frozenset[str]
    realised: frozenset[str]
    attempts: frozenset[str]
    unverified_phrases: tuple[str, ...]
    unverified_adverbs: frozenset[str]
    media_heads: frozenset[str]
    media_names: tuple[str, ...]
    person_pronouns: frozenset[str]


@dataclass(frozen=True)
class Attribution:
    """How one trigger is presented: status, by whom, and why."""

    status: Status
    attributed_to: str | None
    reason: str
    source: Token | None = None


@cache
def cues() -> Cues:
    """Load the attribution cues once."""
    raw = resources.files("eventdesk.extract").joinpath("data/attribution.toml").read_text("utf-8")
    d = tomllib.loads(raw)
    fs = frozenset
    return Cues(
        speech=fs(d["speech"]["verbs"]), claim=fs(d["speech"]["claim_verbs"]), deny=fs(d["speech"]["deny_verbs"]),
        plan_verbs=fs(d["planned"]["verbs"]), plan_adjectives=fs(d["planned"]["adjectives"]),
        plan_nouns=fs(d["planned"]["nouns"]), modals=fs(d["planned"]["modals"]),
        conditionals=fs(d["planned"]["conditional_markers"]), realised=fs(d["planned"]["realised_verbs"]),
        attempts=fs(d["planned"]["attempt_verbs"]),
        unverified_phrases=tuple(d["unverified"]["phrases"]), unverified_adverbs=fs(d["unverified"]["adverbs"]),
        media_heads=fs(d["media"]["heads"]), media_names=tuple(d["media"]["names"]),
        person_pronouns=fs(d["pronouns"]["person"]),
    )


def attribute(trigger: Token, within: Span | None = None) -> Attribution:
    """Status and attribution of the event that `trigger` reports.

    Precedence: denied > planned > unverified > claimed > reported; the speaker
    found on the way is kept as `attributed_to` whatever the status.

    Args:
        trigger: the event trigger token (verb or event noun) in a parsed Doc.
        within: the evidence span (defaults to the trigger's sentence); speakers and
            hedges outside it are ignored.

    Returns:
        An `Attribution` with a reason naming the cue that decided it.
    """
    span = within if within is not None else trigger.sent
    speaker, verb = find_speaker(trigger, span)
    who = speaker_name(speaker) if speaker is not None else None
    if verb is not None and verb.lemma_ in cues().deny:
        return Attribution(Status.DENIED, who, f"denied by '{who}' ('{verb.text}')", speaker)
    plan = planned_cue(trigger)
    if plan:
        if speaker is None:  # "X summoned troops to fight ...": the plan is X's
            speaker = planner(trigger, span)
            who = speaker_name(speaker) if speaker is not None else None
        return Attribution(Status.PLANNED, who, plan + (f", planned by '{who}'" if who else ""), speaker)
    hedge = unverified_cue(span)
    if hedge:
        return Attribution(Status.UNVERIFIED, who, hedge, speaker)
    if speaker is None:
        return Attribution(Status.REPORTED, None, "stated by the outlet (no attribution cue)")
    if is_media(speaker):
        return Attribution(Status.REPORTED, who, f"relayed by media '{who}' ('{verb.text if verb else 'according to'}')", speaker)
    how = f"'{verb.text}'" if verb is not None else "'according to'"
    hedge = _hedge_after(span)
    if hedge:  # "The claim could not be independently verified." after the claim
        return Attribution(Status.UNVERIFIED, who, f"attributed to '{who}' ({how}); next sentence: {hedge}", speaker)
    return Attribution(Status.CLAIMED, who, f"attributed to '{who}' ({how})", speaker)


# A sentence this short after a claim that only hedges ("The claim could not be independently
# verified.", "Reuters could not confirm the accounts.") hedges that claim.
HEDGE_MAX_TOKENS = 16


def _hedge_after(span: Span) -> str | None:
    """The hedge of the short sentence right after span, if it is one (`unverified_cue`)."""
    doc = span.doc
    if span.end >= len(doc):
        return None
    after = doc[span.end].sent
    if after.start != span.end or len(after) > HEDGE_MAX_TOKENS:
        return None
    return unverified_cue(after)


# --------------------------------------------------------------------------
# Speakers
# --------------------------------------------------------------------------
def _ancestors(tok: Token) -> list[Token]:
    chain: list[Token] = []
    cur = tok
    for _ in range(MAX_CLIMB):
        if cur.head == cur:
            break
        cur = cur.head
        chain.append(cur)
    return chain


def _subject(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            return c
    for c in verb.children:
        if c.dep_ == "agent":
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    return None


def _negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in verb.children)


def find_speaker(trigger: Token, span: Span) -> tuple[Token | None, Token | None]:
    """The (speaker, speech verb) framing a trigger, or (None, None).

    Looks, in order, at speech verbs above the trigger ("police said they had killed"),
    a parenthetical speech verb attached to the clause ("..., police said"),
    "according to X", and a speech verb of a quotation the trigger stands in.
    """
    c = cues()
    chain = [t for t in (trigger, *_ancestors(trigger)) if span.start <= t.i < span.end]
    for verb in chain[1:]:
        if verb.pos_ in ("VERB", "AUX") and verb.lemma_ in c.speech | c.deny and not _negated(verb):
            subj = _who_speaks(_subject(verb))
            if subj is not None and subj not in trigger.subtree:
                return subj, verb
    for node in chain:
        for child in node.children:
            if _parenthetical_speech(child) and child not in chain and (subj := _who_speaks(_subject(child))) is not None:
                return subj, child
    accord = according_to(span)
    if accord is not None:
        return accord, None
    if in_quotation(trigger):
        return _quote_speaker(span)
    return None, None


def _who_speaks(subj: Token | None) -> Token | None:
    """The speaker a speech verb's subject stands for: a relative pronoun's antecedent ("the
    army, which said ..."); None for a place that cannot speak (a street, a district, a river:
    spaCy's FAC and LOC entities), the parser's subject of a misread clause."""
    if subj is None:
        return None
    if subj.lower_ in RELATIVE_PRONOUNS and subj.head.dep_ == "relcl":
        subj = subj.head.head
    if subj.ent_type_ in NOT_SPEAKERS:
        return None
    return subj


def _parenthetical_speech(verb: Token) -> bool:
    """ "..., police said." : a speech verb hanging off the clause, not a subordinate "though X said"."""
    if verb.dep_ not in ("parataxis", "advcl", "ccomp") or verb.lemma_ not in cues().speech:
        return False
    if any(m.dep_ == "mark" for m in verb.children) or _negated(verb):
        return False
    return _subject(verb) is not None


def according_to(sent: Span) -> Token | None:
    """The X of "according to X" in a sentence, if any."""
    for tok in sent:
        if tok.lower_ == "according":
            to = next((c for c in tok.children if c.lower_ == "to"), None)
            obj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
            if obj is not None:
                return obj
    return None


def in_quotation(trigger: Token) -> bool:
    """True when the trigger stands between an opening and a closing quotation mark."""
    before = trigger.doc[trigger.sent.start : trigger.i].text  # not doc.text: O(doc) per call
    opened = sum(before.count(q) for q in QUOTES_OPEN if q != '"') - sum(
        before.count(q) for q in QUOTES_CLOSE if q != '"')
    return opened > 0 or before.count('"') % 2 == 1


def _quote_speaker(sent: Span) -> tuple[Token | None, Token | None]:
    for tok in sent:
        if tok.lemma_ in cues().speech and tok.pos_ == "VERB":
            subj = _subject(tok)
            if subj is not None:
                return subj, tok
    return None, None


def speaker_name(speaker: Token) -> str:
    """A readable name for a speaker: the compact phrase, a role noun named by its apposed person
    ("Nazarbayev's successor, President Tokayev" → Kassym-Jomart Tokayev), pronouns resolved
    to the last PERSON."""
    named = apposed_name(speaker)
    if named is not speaker:
        ent = next((e for e in speaker.doc.ents if e.start <= named.i < e.end), None)
        return ent.text if ent is not None else named.text
    if speaker.lower_ in cues().person_pronouns:
        antecedent = previous_subject(speaker)
        if antecedent is not None and antecedent.pos_ == "PROPN":
            speaker = antecedent
        else:
            return _previous_person(speaker) or speaker.text
    toks = phrase_tokens(speaker)
    if len(toks) == 1 and speaker.pos_ == "PROPN" and (introduced := _introduction(speaker)) is not None:
        return introduced
    text = speaker.doc[toks[0].i : toks[-1].i + 1].text
    return text.rsplit("\n", 1)[-1].strip() or text  # a phrase the parser ran across a line break


def _introduction(surname: Token) -> str | None:
    """A person given by surname alone ("..., Mokoena said") is the one the article introduced
    earlier under a full name with its role ("provincial police spokesperson Brigadier Thandi
    Mokoena"): that introduction, so whom they speak for shows; None when there is none."""
    for ent in surname.doc.ents:
        if ent.label_ == "PERSON" and ent.end <= surname.i and len(ent) > 1 and ent[-1].text == surname.text:
            toks = phrase_tokens(ent[-1])
            if len(toks) > len(ent):  # the name with words before it: a role, a rank, an office
                return surname.doc[toks[0].i : toks[-1].i + 1].text
    return None


def _previous_person(tok: Token) -> str | None:
    people = [e for e in tok.doc.ents if e.label_ == "PERSON" and e.end <= tok.i]
    return people[-1].text if people else None


def is_media(speaker: Token) -> bool:
    """True when the speaker phrase names a media outlet or a media report."""
    c = cues()
    toks = phrase_tokens(speaker)
    low = " ".join(t.lower_ for t in toks)
    if any(f" {name} " in f" {low} " for name in c.media_names):
        return True
    return speaker.lemma_.lower() in c.media_heads or any(t.lemma_.lower() in c.media_heads for t in toks
                                                          if t.dep_ == "compound")


# --------------------------------------------------------------------------
# Modality and hedges
# --------------------------------------------------------------------------
def planned_cue(trigger: Token) -> str | None:
    """Why the trigger is only planned/threatened/hypothetical, or None if it is not."""
    c = cues()
    frame = trigger if trigger.pos_ in ("VERB", "AUX") else _governing_verb(trigger)
    if frame is not None:
        modal = next((a for a in frame.children if a.dep_ == "aux" and a.lower_ in c.modals), None)
        if modal is not None:
            return f"modal '{modal.text}' on '{frame.text}'"
    if frame is not None and _purpose_infinitive(frame):
        return f"infinitive of purpose/intent under '{frame.head.text}'"
    return _planned_frame(trigger)


def planner(trigger: Token, span: Span) -> Token | None:
    """Whose plan, threat or call a planned trigger is: the subject of the nearest governing
    verb that has one ("Tokayev summoned troops to fight ...", "the union threatened to strike")."""
    frame = trigger if trigger.pos_ in ("VERB", "AUX") else _governing_verb(trigger)
    for verb in [frame, *_ancestors(frame)] if frame is not None else []:
        if verb is trigger or verb.pos_ not in ("VERB", "AUX"):
            continue
        subj = _subject(verb)
        if subj is not None and span.start <= subj.i < span.end and subj not in trigger.subtree:
            return subj
    return None


def _governing_verb(noun: Token) -> Token | None:
    cur = noun
    for _ in range(3):  # noun -> prep -> verb at most
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX"):
            return cur
        if cur.head == cur:
            return None
    return None


def _purpose_infinitive(verb: Token) -> bool:
    c = cues()
    to = any(a.dep_ == "aux" and a.tag_ == "TO" for a in verb.children)
    perfect = any(a.dep_ == "aux" and a.lemma_ == "have" for a in verb.children)
    if not to or perfect or verb.dep_ not in ("advcl", "xcomp", "acl", "relcl", "ccomp"):
        return False
    if verb.head.lemma_ in c.attempts and verb.head.tag_ == "VBD":
        return False  # "tried to march": the attempt happened
    return verb.head.lemma_ not in c.realised and verb.head.lemma_ not in c.claim | c.speech


def _planned_frame(trigger: Token) -> str | None:
    c = cues()
    prev = trigger
    for node in [trigger, *_ancestors(trigger)]:
        mark = next((m for m in node.children if m.dep_ == "mark" and m.lower_ in c.conditionals), None)
        if mark is not None:
            return f"condition '{mark.text}'"
        coordinated, prev = prev.dep_ == "conj" and prev.head == node, node
        if node == trigger or coordinated:  # "tried to reach ... and clashed": a sibling, not a frame
            continue
        lemma = node.lemma_.lower()
        if node.pos_ == "VERB" and lemma in c.attempts and node.tag_ == "VBD":
            continue  # "tried to march": the attempt happened
        if node.pos_ == "VERB" and lemma in c.plan_verbs:
            return f"under plan/threat/call verb '{node.text}'"
        if node.pos_ == "ADJ" and lemma in c.plan_adjectives:
            return f"under '{node.text}'"
        if node.pos_ == "NOUN" and lemma in c.plan_nouns:
            return f"under '{node.text}'"
        if node.lemma_ in c.speech:
            modal = next((a for a in node.children if a.dep_ == "aux" and a.lower_ in c.modals), None)
            if modal is None:
                return None
    return None


def unverified_cue(sent: Span) -> str | None:
    """The hedge in a sentence ("could not be independently verified", "reportedly"), if any."""
    c = cues()
    lemmas = " ".join(t.lemma_.lower() for t in sent)
    words = " ".join(t.lower_ for t in sent)
    for phrase in c.unverified_phrases:
        if phrase in lemmas or phrase in words:
            return f"hedge '{phrase}'"
    adverb = next((t for t in sent if t.lower_ in c.unverified_adverbs), None)
    return f"hedge '{adverb.text}'" if adverb is not None else None
