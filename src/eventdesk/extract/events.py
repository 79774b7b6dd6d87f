"""Event detection and typing into ACLED event and sub-event types.

`find_events(doc, article_id=...)` reads a parsed article and returns one
`Mention` per event per sentence. Design, in short:

1. A sentence is looked at only if it holds a trigger lemma (a set lookup).
2. Each token whose lemma belongs to a trigger family (`data/event_types.toml`,
   loaded by lexicon.py) is checked in its dependency context: modifiers ("Burning vehicles",
   "protest movement") are not events; a family may require an object
   ("send" fires only with troops, "cut" only with the internet, banks ...),
   a governing verb ("violence erupted"), or forbid modifiers ("stun grenades").
3. Negated triggers ("police did not fire") are dropped; background mentions
   ("the worst violence since ...") are dropped; both with a logged reason.
4. Roles come from the parse (actors.py), type and sub-type from the family's
   ordered rules over the actors' kinds and the sentence context.
5. Status and attribution come from attribution.py: speech about an event is
   not itself an event, but the event it reports is kept with status claimed.
6. Triggers of one event in one clause are merged: "stormed and looted by
   protesters" is one Riots mention; triggers of different types stay apart
   ("killing one person and arresting 12" gives an attack and an arrest).

Every decision leaves a `reason` on the mention; rejected candidates can be
collected with the `rejected` argument.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc, Span, Token

from eventdesk.extract import actors as act
from eventdesk.extract import second_opinion as opinion
from eventdesk.extract.attribution import Attribution, attribute
from eventdesk.extract.roles import event_actors
# The lexicon and its typing rules live in lexicon.py; the names unused here are re-exported.
from eventdesk.extract.lexicon import (
    Family,
    Lexicon,  # noqa: F401
    Rule,  # noqa: F401
    choose_type,
    clause_lemma_set,  # noqa: F401
    earlier_clause,
    frame_lemma_set,  # noqa: F401
    lexicon,
    split_type,
)
from eventdesk.records import Actor, Mention, Status, TextSpan
from eventdesk.resolve.dates import resolve_expression
from eventdesk.syntax import article_end

log = logging.getLogger(__name__)

# Confidence adjustments. The family's base confidence (data file) is moved by these.
ACTOR_BONUS = 0.1  # a resolved actor with a known kind makes the typing rule better grounded
PLANNED_PENALTY = 0.25  # a plan or threat is weak evidence that anything happened
UNVERIFIED_PENALTY = 0.15  # the text itself doubts it
VAGUE_CAP = 0.35  # vague nouns ("violence erupted") never exceed this
# Entity labels under which a trigger word is a name, not an event ("last March", "Storm Center").
NAME_ENTITIES = frozenset({"DATE", "TIME", "PERSON", "GPE", "LOC", "FAC", "ORG", "EVENT", "WORK_OF_ART", "LAW"})
# Dependency labels under which a trigger word is a modifier, not an event.
MODIFIER_DEPS = frozenset({"amod", "compound", "nmod"})
# Superlatives and time-contrast words marking a background comparison ("the worst violence since").
BACKGROUND_PREPS = frozenset({"since"})
COPULA_LEMMAS = frozenset({"be", "remain", "become"})
# Prepositions whose object completes a trigger verb for `require_object` ("set it on fire",
# "broke into the residence", "broke through police lines", "pelted police with stones").
OBJECT_PREPS = frozenset({"on", "into", "through", "with"})
AIMED_PREPS = OBJECT_PREPS | {"at"}  # ... and for a family whose object is a target: "fired at protesters"


@dataclass
class Candidate:
    """A trigger under consideration in one sentence."""

    token: Token
    family: Family
    actors: list[Actor] = field(default_factory=list)
    full_type: str = ""
    rule: str = ""
    attribution: Attribution | None = None
    merged: list[Token] = field(default_factory=list)
    opinion: opinion.Verdict | None = None  # the second opinion, when the lexicon was unsure


# --------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------
def find_events(doc: Doc, *, article_id: str, rejected: list[str] | None = None,
                second_opinion: bool = False, rest: Doc | None = None) -> list[Mention]:
    """Find and type the events reported in a parsed article.

    Args:
        doc: the spaCy Doc of the article's cleaned text (offsets point into it).
        article_id: the article's id, used in mention ids.
        rejected: if given, a reason string is appended for every trigger candidate
            that was considered and dropped (negated, background, no event by rule).
        second_opinion: ask the embedding classifier about candidates the lexicon is unsure
            of (second_opinion.py); off, the lexicon alone decides.
        rest: on the fast path, the sentences that were only tagged (they still tell which
            country the article is about).

    Returns:
        Mentions in text order, each with trigger, sentence, status, attribution,
        actors, confidence and reason. Counts, place and date are left empty.
    """
    lex = lexicon()
    home = act.home_country(doc, rest)
    kept: list[tuple[Candidate, Span]] = []
    earlier: list[str] = []
    for seg in evidence_segments(doc):
        if not any(k in lex.lemmas for t in seg for k in _lexicon_keys(t)):
            continue
        if seg.text.lower().startswith(lex.skip_prefixes):
            _reject(rejected if rejected is not None else [], seg[0], "boilerplate line")
            continue
        kept += [(c, seg) for c in _sentence_candidates(seg, home, rejected, earlier)]
    if second_opinion:
        _second_opinion(kept)
    return [_mention(c, seg, article_id) for c, seg in kept]


def evidence_segments(doc: Doc) -> list[Span]:
    """Sentences cut at line breaks and trimmed of whitespace: the units of evidence.

    The parser may run a headline or a teaser line into the next sentence; a line
    break always ends a piece of evidence.
    """
    segs: list[Span] = []
    for sent in doc.sents:
        start = sent.start
        for tok in sent:
            if tok.is_space and "\n" in tok.text:
                segs.append(doc[start:tok.i])
                start = tok.i + 1
        segs.append(doc[start:sent.end])
    return [t for s in segs if (t := _trim(s)) is not None]


def _trim(span: Span) -> Span | None:
    start, end = span.start, span.end
    while start < end and span.doc[start].is_space:
        start += 1
    while end > start and span.doc[end - 1].is_space:
        end -= 1
    return span.doc[start:end] if end > start else None


def _sentence_candidates(seg: Span, home: str | None, rejected: list[str] | None,
                         earlier: list[str] | None) -> list[Candidate]:
    """The typed, merged event candidates of one evidence segment (see `find_events`).

    `earlier` lists the full types of the article's earlier mentions, oldest first: it lets an
    agentless arson take the type of the riot it belongs to, and drops definite references
    back to violence already reported ("the shooting came as ...").
    """
    notes = rejected if rejected is not None else []
    history = earlier if earlier is not None else []
    cands = [c for tok in seg if (c := _candidate(tok, notes)) is not None]
    cands = _absorb(cands, notes)
    typed = [c for c in cands if _type_candidate(c, seg, home, notes)]
    typed = [_inherit(c, history) for c in typed if not _back_reference(c, history, notes)]
    typed = [c for c in typed if not _cause_toll(c, notes)]
    kept = _stale_tolls(_merge(_merge_tolls(typed, notes)), history)
    history += [c.full_type for c in kept]
    return kept


def _unsure(c: Candidate) -> bool:
    """The lexicon is unsure when no rule chose among the family's several types (it fell back
    to the default) or the trigger is a vague noun ("violence", "unrest")."""
    return (c.rule == "default" and len(c.family.types) > 1) or c.family.vague


# Words on each side of the trigger that the second opinion reads: the trigger's own clause,
# not the other events of a long sentence (and a third of the encoder's work on a long one).
OPINION_WINDOW = 10


def _opinion_text(c: Candidate, seg: Span) -> str:
    start = max(seg.start, c.token.i - OPINION_WINDOW)
    end = min(seg.end, c.token.i + OPINION_WINDOW + 1)
    return seg.doc[start:end].text


def _second_opinion(kept: list[tuple[Candidate, Span]]) -> None:
    """Let the embedding classifier review the unsure candidates (in place; see second_opinion.py)."""
    unsure = [(c, seg) for c, seg in kept if _unsure(c)]
    if not unsure:
        return
    items = [(_opinion_text(c, seg), c.full_type, c.family.types) for c, seg in unsure]
    for (c, _), verdict in zip(unsure, opinion.review(items), strict=True):
        if verdict.full_type != c.full_type:
            c.rule = f"second opinion over the family's types (was {c.full_type})"
            c.full_type = verdict.full_type
            c.actors = act.crowd_roles(split_type(c.full_type)[0], c.actors)
        c.opinion = verdict


# --------------------------------------------------------------------------
# Tolls, back-references and inherited types
# --------------------------------------------------------------------------
# Types of violent events: a definite reference back to one of them is no new event.
EXCESSIVE_FORCE = "Protests/Excessive force against protesters"
VIOLENT_TYPES = ("Violence against civilians", "Battles", "Explosions/Remote violence", "Riots", EXCESSIVE_FORCE)
DEFINITE_DETS = frozenset({"the", "this", "that", "these", "those"})
# Types whose victims are civilians or protesters by definition.
CIVILIAN_VICTIM_TYPES = ("Violence against civilians", EXCESSIVE_FORCE)


def _is_toll(c: Candidate) -> bool:
    """A casualty word without an agent of its own ("one man was killed", "84 were injured")."""
    return c.token.lemma_.lower() in c.family.toll and not any(a.role == "actor1" for a in c.actors)


def _cause_toll(c: Candidate, notes: list[str]) -> bool:
    """A casualty word with no doer in a clause that tells what set off the main clause's act
    ("Riots broke out after a teenager was killed in a crash"): a death before the event and
    not its toll; with no doer named it is no incident of its own either (a doer makes it one:
    "after police shot a teenager")."""
    tok = c.token
    if not (_is_toll(c) and earlier_clause(tok)):
        return False
    if tok.head.lemma_.lower() in c.family.toll:
        return False  # "a man died after he was shot": one happening
    _reject(notes, tok, f"a death that came before '{tok.head.text}', not its toll")
    return True


def _merge_tolls(cands: list[Candidate], notes: list[str]) -> list[Candidate]:
    """Casualty words join the nearest event of the sentence that has an agent or is an event noun
    ("died in clashes", "was killed after police shot at demonstrators"); Strategic developments take none."""
    owners = [c for c in cands if not _is_toll(c) and not c.full_type.startswith("Strategic developments")
              and (c.token.pos_ != "VERB" or any(a.role == "actor1" for a in c.actors))]
    if not owners:
        return cands
    keep: list[Candidate] = []
    for cand in cands:
        if not _is_toll(cand):
            keep.append(cand)
            continue
        owner = min(owners, key=lambda o: abs(o.token.i - cand.token.i))
        owner.merged.append(cand.token)
        # force on a crowd keeps its sides: its victims are the crowd (`crowd_roles` made them actor1),
        # and the toll's are more of them
        if owner.full_type != EXCESSIVE_FORCE:
            _other_side_did_it(owner, cand)
            had_victims = any(a.role == "actor2" for a in owner.actors)
            _fill_roles(owner, cand)
            if not had_victims and any(a.role == "actor2" for a in owner.actors):
                # the toll names who the event hit ("two soldiers were killed in an ambush"): type it again
                full_type, rule = choose_type(owner.token, owner.family, owner.actors)
                if full_type:
                    owner.full_type, owner.rule = full_type, rule
        _reject(notes, cand.token, f"toll of the '{owner.token.text}' event")
    return keep


def _stale_tolls(cands: list[Candidate], earlier: list[str]) -> list[Candidate]:
    """A casualty word with no agent and no event to join in its sentence ("Several students were
    hurt.", "At least 18 members of the security forces were killed") is a toll of violence the
    article already reported: it takes that event's type, so the link step merges it (and its
    count) into that event instead of starting a new one."""
    forces = lexicon().kind_groups["forces"]
    for c in cands:
        if not (_is_toll(c) and _violent(c.full_type)):
            continue
        # forces killed are no toll of violence against civilians or protesters (ACLED: the
        # victims of those are civilians): they died in the riot or the battle
        victims_are_forces = any(a.role == "actor2" and a.kind in forces for a in c.actors)
        latest = next((t for t in reversed(earlier) if _violent(t)
                       and not (victims_are_forces and t.startswith(CIVILIAN_VICTIM_TYPES))), None)
        if latest is not None and c.full_type != latest:
            c.rule = f"toll of the article's earlier '{latest}' (typed {c.full_type} alone)"
            c.full_type = latest
    return cands


def _violent(full_type: str) -> bool:
    return full_type.startswith(VIOLENT_TYPES)


def _back_reference(c: Candidate, earlier: list[str], notes: list[str]) -> bool:
    """A definite noun ("the shooting", "the attack on protesters") or a relative clause on a
    definite noun ("the man who was killed") naming violence the article already reported."""
    if not (_violent(c.full_type) and any(_violent(t) for t in earlier)):
        return False
    tok = c.token
    # a verb counts only as a casualty on a definite victim ("the man who was killed"), never
    # as a clause on a place ("the airport previously seized by protesters" is news)
    relative = tok.dep_ in ("relcl", "acl") and tok.lemma_.lower() in c.family.toll
    noun = tok if tok.pos_ != "VERB" else (tok.head if relative else None)
    if noun is None or not any(d.dep_ == "det" and d.lower_ in DEFINITE_DETS for d in noun.children):
        return False
    _reject(notes, tok, f"definite reference back to earlier violence ('{noun.text}')")
    return True


def _inherit(c: Candidate, earlier: list[str]) -> Candidate:
    """A trigger of an `inherit` family that no rule typed takes the latest earlier type it lists."""
    if not c.family.inherit or c.rule != "default":
        return c
    latest = next((t for t in reversed(earlier) if t.startswith(c.family.inherit)), None)
    if latest is not None:
        c.full_type, c.rule = latest, f"inherited from the article's earlier '{latest}'"
    return c


# --------------------------------------------------------------------------
# Candidates
# --------------------------------------------------------------------------
def _candidate(tok: Token, notes: list[str]) -> Candidate | None:
    lex = lexicon()
    keys = _lexicon_keys(tok)
    fams = next((lex.by_lemma[k] for k in keys if k in lex.by_lemma), None)
    if not fams or tok.pos_ not in ("VERB", "NOUN", "PROPN", "ADP"):
        return None
    if tok.pos_ == "ADP" and _hyphen_left(tok) is None:
        return None
    if tok.dep_ in MODIFIER_DEPS or tok.ent_type_ in NAME_ENTITIES:
        return None
    for fam in fams:
        words = fam.verbs if tok.pos_ == "VERB" else fam.nouns
        if any(k in words for k in keys) and _constraints_hold(tok, fam):
            return _screen(Candidate(tok, fam), notes)
    return None


def _lexicon_keys(tok: Token) -> list[str]:
    """The forms a token is looked up under: its hyphenated compound first ("sit-in", which the
    tokenizer splits into "sit", "-", "in"), then its lemma and its lower-cased text."""
    keys = [tok.lemma_.lower(), tok.lower_]
    left = _hyphen_left(tok)
    return [f"{left.lower_}-{tok.lower_}", *keys] if left is not None else keys


def _hyphen_left(tok: Token) -> Token | None:
    """The left part of a hyphenated compound ending at `tok`, when written without spaces."""
    if tok.i < 2 or tok.doc[tok.i - 1].text != "-":
        return None
    left, dash = tok.doc[tok.i - 2], tok.doc[tok.i - 1]
    return left if not left.whitespace_ and not dash.whitespace_ else None


def _constraints_hold(tok: Token, fam: Family) -> bool:
    if fam.exclude_modifiers and _argument_modifiers(tok) & fam.exclude_modifiers:
        return False
    if fam.require_object and not (object_lemmas(tok, fam) & fam.require_object):
        return False
    if fam.exclude_head and tok.pos_ != "VERB" and _head_lemma(tok) in fam.exclude_head:
        return False
    if fam.require_head and tok.pos_ != "VERB":
        return _head_lemma(tok) in fam.require_head
    return True


def _argument_modifiers(tok: Token) -> set[str]:
    """Lemmas modifying the trigger or its subject, object or agent, with their own compounds
    ("stun grenades exploded", "hit by a tear gas shell", "fired smoke grenades")."""
    args = [tok] + [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
    args += [o for p in tok.children if p.dep_ in ("agent", "prep") and p.lower_ in ("by", "with")
             for o in p.children if o.dep_ == "pobj"]
    args += [o for a in args[1:] if (o := act.prep_object(a, {"of"})) is not None]  # "several rounds of tear gas shells"
    mods = [m for a in args for m in a.children if m.dep_ in ("compound", "amod", "nmod")]
    mods += [c for m in mods for c in m.children if c.dep_ in ("compound", "amod")]  # "tear" of "tear gas shell"
    return {m.lemma_.lower() for m in mods} | {m.lemma_.lower() for m in tok.children}


def object_lemmas(tok: Token, fam: Family) -> set[str]:
    """Lemmas of what a trigger acts on (with their compounds), used by `require_object`."""
    heads: list[Token] = []
    if tok.pos_ == "VERB":
        heads += [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass", "oprd", "acomp", "advmod", "prt")]
        preps = AIMED_PREPS if fam.object_role == "target" else OBJECT_PREPS
        heads += [o for p in tok.children if p.dep_ == "prep" and p.lower_ in preps for o in p.children if o.dep_ == "pobj"]
        if any(c.dep_ == "auxpass" for c in tok.children):  # "personnel remained deployed"
            heads += [c for c in tok.children if c.dep_ == "nsubj"]
        obj = act.verb_object(tok)
        heads += [obj] if obj is not None else []
        if fam.intransitive:
            subj = act.subject_of(tok) or act.passive_subject(tok)
            heads += [subj] if subj is not None else []
    else:
        heads += [c for c in tok.children if c.dep_ in ("compound", "amod", "nmod", "poss")]
        _, patient = act.noun_roles(tok)
        heads += [patient] if patient is not None else []
    out: set[str] = set()
    for h in heads:
        inner = act.descend_partitive(h)
        for t in (h, inner):
            out.add(t.lemma_.lower())
            out.update(c.lemma_.lower() for c in t.children if c.dep_ in ("compound", "amod", "conj"))
            out.update(g.lemma_.lower() for c in t.children if c.dep_ == "conj" for g in [c])
    return out


def _head_lemma(noun: Token) -> str:
    head = noun.head
    if head.dep_ == "prep" or head.pos_ == "ADP":
        head = head.head
    return head.lemma_.lower()


# Doc.user_data key: the character offsets of the triggers `_screen` turned down, whose counts
# are theirs, not another trigger's of the sentence (`extract._assign_counts`).
SCREENED = "eventdesk.screened"


def _screen(cand: Candidate, notes: list[str]) -> Candidate | None:
    tok = cand.token
    why = negation(tok) or background(tok) or allegation(tok) or hazard(tok, cand.family) or generic(tok)
    if why:
        _reject(notes, tok, why)
        tok.doc.user_data.setdefault(SCREENED, set()).add(tok.idx)
        return None
    return cand


def negation(tok: Token) -> str | None:
    """Why a trigger is negated ("did not kill", "no clashes"), or None."""
    if any(c.dep_ == "neg" for c in tok.children):
        return f"negated trigger '{tok.text}'"
    if tok.pos_ != "VERB" and any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children):
        return f"negated noun 'no {tok.text}'"
    head = tok.head
    if tok.pos_ != "VERB" and tok.dep_ in ("dobj", "nsubjpass") and any(c.dep_ == "neg" for c in head.children):
        return f"negated verb '{head.text}' over '{tok.text}'"
    return None


# Prepositions that give a death or damage its cause ("killed in a car crash", "hurt by the blast
# of the storm", "died during the floods").
CAUSE_PREPS = frozenset({"in", "by", "during", "after", "from"})


def hazard(tok: Token, fam: Family) -> str | None:
    """Why a trigger tells a disaster or an accident, not political violence, or None: its doer is
    a natural hazard or an accident ("an earthquake rocked the town, killing four", "the fire
    destroyed 40 homes"), or, with no other doer, its cause is one ("two died in a car crash").
    The words are the `hazards` lemma group of data/event_types.toml."""
    agent = act.subject_of(tok) if tok.pos_ == "VERB" and fam.object_role != "victim" else None  # "miners died"
    if agent is None and tok.tag_ == "VBG" and tok.dep_ == "acl":
        agent = tok.head  # "the latest tremor to shake the region, destroying homes"
    elif agent is None and tok.tag_ == "VBG" and tok.dep_ in ("advcl", "conj", "xcomp"):
        agent = act.prep_object(tok.head, {"by"})  # "the town was hit by a quake, killing ten"
    if agent is not None and not act.is_pronoun(agent):
        noun = act.descend_partitive(agent)
        of = act.prep_object(noun, {"of"})  # "a series of tremors", "a wave of floods"
        done_by = noun if _is_hazard(noun) else of if of is not None and _is_hazard(of) else None
        return f"done by '{done_by.text}', a disaster or accident" if done_by is not None else None
    for prep in (c for c in tok.children if c.dep_ in ("prep", "agent") and c.lower_ in CAUSE_PREPS):
        cause = next((g for g in prep.children if g.dep_ == "pobj"), None)
        if cause is not None and _is_hazard(cause) and not (cause.lemma_.lower() == "fire" and prep.lower_ != "in"):
            return f"caused by '{cause.text}', a disaster or accident"  # "by fire" may be gunfire
    return _hazard_toll(tok, fam)


# Doers' dependency labels: subjects, and the "by" phrase of a passive.
DOER_DEPS = frozenset({"nsubj", "nsubjpass", "pobj"})


def _hazard_toll(tok: Token, fam: Family) -> str | None:
    """A toll with no doer ("were killed", "were destroyed", "died") in a sentence whose doers are
    natural hazards or accidents and nobody armed: the toll is the disaster's ("the latest tremor
    to shake the region where five people were killed", "floods swept the province, where dozens
    died", "four died where the runway was split by the force of the quake"). A sentence naming
    a weapon or an armed actor keeps it."""
    if tok.pos_ != "VERB":
        return None
    if fam.object_role != "victim" and (not act._is_passive(tok) or act._passive_agent(tok) is not None):
        return None
    lex = lexicon()
    groups = lex.lemma_groups
    weapons = groups["explosive"] | groups["shelling"] | groups["air"] | groups["grenade"] | groups["battle"]
    sent = tok.sent
    if any(t.lemma_.lower() in weapons for t in sent):
        return None
    doers = [t for t in sent if t.dep_ in DOER_DEPS and (t.dep_ != "pobj" or t.head.lower_ == "by")]
    # the hazard a doer names: itself, or its "of" ("the force of the quake")
    named = {t: next((h for h in (act.descend_partitive(t), act.prep_object(t, {"of"}))
                      if h is not None and _is_hazard(h)), None) for t in doers}  # fmt: skip
    hazards = [t for t, h in named.items() if h is not None]
    if not hazards:
        return None
    armed = any(t.pos_ in ("NOUN", "PROPN") and t not in hazards and (e := act.entry_for(t.lemma_)) is not None
                and e.kind in lex.kind_groups["armed"] for t in sent)  # "the force of the quake" is the quake's
    if not armed:
        return f"a toll in a sentence about '{named[hazards[0]].text}', a disaster or accident"
    return None


def _is_hazard(noun: Token) -> bool:
    """A hazard noun, unless someone's weapon fire ("army fire", "fire from the soldiers")."""
    if noun.lemma_.lower() not in lexicon().lemma_groups["hazards"]:
        return False
    return not (noun.lemma_.lower() == "fire" and any(
        c.dep_ in ("compound", "amod", "poss", "nmod") or c.lower_ == "from" for c in noun.children))


def background(tok: Token) -> str | None:
    """Why a trigger is background rather than a new event ("the worst violence since ..."), or None."""
    if tok.pos_ == "VERB":
        return None
    if any(c.tag_ == "JJS" for c in tok.children):
        return f"superlative comparison on '{tok.text}' (background)"
    if any(c.dep_ == "prep" and c.lower_ in BACKGROUND_PREPS for c in tok.children):
        return f"'since' comparison on '{tok.text}' (background)"
    if tok.dep_ in ("nsubj", "attr") and tok.head.lemma_ in COPULA_LEMMAS:
        return f"'{tok.text}' described by a copula (background, not a new event)"
    of = tok.head
    if tok.dep_ == "pobj" and of.lower_ == "of" and of.head.lemma_.lower() in lexicon().lemma_groups["background_heads"]:
        return f"'{of.head.text} of {tok.text}' (background, not a new event)"
    return None


# Links a trigger climbs to find the legal word it is the complement of ("suing ... for damages to
# his plant, which was destroyed in a missile attack": attack → in → destroyed → plant → to → ...).
ALLEGATION_CLIMB = 8
ALLEGATION_DEPS = frozenset({"pobj", "pcomp", "prep", "acl", "relcl", "dobj"})


def allegation(tok: Token) -> str | None:
    """Why a trigger is the matter of an accusation, a charge or a lawsuit, or None."""
    words = lexicon().lemma_groups["allegation"]
    cur = tok
    for _ in range(ALLEGATION_CLIMB):
        listed = cur.dep_ == "conj" and cur.head.pos_ in ("NOUN", "PROPN")  # "of riotous assembly and throwing stones"
        if cur.dep_ not in ALLEGATION_DEPS and not listed or cur.head == cur:
            return None
        cur = cur.head
        if cur.lemma_.lower() in words:
            return f"'{tok.text}' is what '{cur.text}' is about (an allegation, not a new event)"
    return None


# Verbs whose past is their present form: a plural subject's "spread", "hit", "set" may be either.
SAME_PAST = frozenset({"spread", "hit", "set", "cut", "shut", "beat", "burst", "hurt", "put", "quit", "split",
                       "cast", "let", "shed", "upset", "bet", "thrust", "broadcast", "bid", "rid"})
# Any fixed day: `generic` reads a sentence's time expressions by the precision they resolve to.
_ANY_DAY = date(2000, 6, 15)
NUMBER_DEPS = frozenset({"nummod", "amod", "quantmod"})


def generic(tok: Token) -> str | None:
    """Why a trigger tells a run of incidents rather than one (a habit, a tally), or None: a word
    of frequency on it or its verb ("have repeatedly fired", "frequent fighting", "near-nightly
    raids"), or, over a span of months or years the sentence names ("last year", "since 2021",
    "in recent months"), events counted ("four strikes", "dozens of attacks", "several
    protests") or a perfect ("have killed hundreds in recent years"); or a habit or state told in
    the simple present (`_habitual_present`); or what a doer is known for (`_known_for`). A
    sentence that names a day tells its incidents, whatever it counts ("two blasts on Monday")."""
    groups = lexicon().lemma_groups
    if (known := _known_for(tok, groups["reputation"])) is not None:
        return f"what a doer is '{known.text}' for: its record, not one incident"
    if (war := _war_tally(tok, groups["wars"])) is not None:
        return f"'{tok.text}' told in the perfect over the '{war.text}': a war's tally, not one incident"
    days, period = _times(tok.sent, groups["period_units"])
    if days:
        return None
    if (present := _habitual_present(tok)) is not None:
        return f"'{present.text}' in the simple present: a habit or a state, not one incident"
    arg = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "of" else tok  # "dozens of bombings"
    verb = tok if tok.pos_ == "VERB" else arg.head if arg.dep_ in ("nsubj", "nsubjpass", "dobj") else None
    for t in (tok, verb):
        freq = next((c for c in t.children if c.dep_ in ("advmod", "amod", "npadvmod") and c.lower_ in groups["frequency"]),
                    None) if t is not None else None  # fmt: skip
        if freq is not None:
            return f"'{freq.text}' on '{t.text}': a run of incidents, not one"
    counted = tok.tag_ == "NNS" and act.entry_for(tok.lemma_) is None and (  # events, not "thousands of protesters"
        any(c.dep_ in NUMBER_DEPS and (c.like_num or c.lower_ in {"several", "many", "numerous", "multiple"})
            and c.lower_ not in {"one", "1"} for c in tok.children)
        or tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in groups["tally"])
    clause = verb
    while clause is not None and clause.dep_ == "conj" and not any(c.dep_.startswith("aux") for c in clause.children):
        clause = clause.head  # "have killed thousands and kidnapped hundreds": the perfect is the head's
    perfect = clause is not None and clause.pos_ in ("VERB", "AUX") and any(
        c.dep_ in ("aux", "auxpass") and c.lemma_ == "have" and c.tag_ in ("VBP", "VBZ") for c in clause.children)
    if period is None:
        # no span named: events counted in the perfect ("has carried out dozens of bombings"), or
        # the perfect over thousands ("has killed thousands of civilians in eastern Congo")
        if perfect and (counted or _vast(clause)):
            return f"'{tok.text}' told in the perfect over {'events counted' if counted else 'thousands'}: a tally, not one incident"
        return None
    if counted or perfect:
        return f"'{tok.text}' {'counted' if counted else 'told in the perfect'} over '{period}': a tally, not one incident"
    return None


# Words of a number no single incident reaches: "thousands of civilians", "tens of thousands".
VAST = frozenset({"thousands", "millions"})


def _vast(verb: Token | None) -> bool:
    """What the verb was done to counts people by thousands or millions, in words (its object or
    passive subject: "thousands of protesters have taken to the streets" is no tally)."""
    return verb is not None and any(t.lower_ in VAST for c in verb.children
                                    if c.dep_ in ("nsubjpass", "dobj") for t in c.subtree)


def _known_for(tok: Token, reputation: frozenset[str]) -> Token | None:
    """The word of repute whose "for" the trigger noun hangs on, through the list it is in and
    the nouns it modifies: "has been notorious for kidnappings for ransom, beheadings and
    bombings", "is known for car bombings", "a reputation for massacres"."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return None
    word = tok
    while word.head.i != word.i:
        head = word.head
        if word.dep_ == "pobj" and head.lower_ == "for" and _reputed(head.head, reputation):
            return head.head
        if head.pos_ in ("VERB", "AUX") and not _reputed(head, reputation):
            return None
        word = head
    return None


def _war_tally(tok: Token, wars: frozenset[str]) -> Token | None:
    """The war a toll verb in the present perfect is told over ("nine soldiers have been killed in
    the conflict", "300 soldiers have died since the offensive began", "in the twelve days of the
    offensive"), for that verb or a trigger inside its subject ("civilians hit by rocket fire")."""
    verb, word = tok, tok
    while word.head.i != word.i:
        if word.dep_ in ("nsubj", "nsubjpass"):
            verb = word.head
            break
        if word is not tok and word.pos_ in ("VERB", "AUX") and word.dep_ not in ("acl", "relcl", "prep"):
            break  # another clause: the trigger is not in the subject of the toll
        word = word.head
    if verb.pos_ != "VERB" or not any(c.dep_ in ("aux", "auxpass") and c.lemma_ == "have" and c.tag_ in ("VBP", "VBZ")
                                      for c in verb.children):
        return None
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in ("in", "since", "during", "throughout"):
            obj = next((t for t in c.children if t.dep_ == "pobj"), None)
            of = act.prep_object(obj, {"of"}) if obj is not None else None
            war = next((t for t in (obj, of) if t is not None and t.lemma_.lower() in wars), None)
        elif c.dep_ == "advcl" and any(m.lower_ == "since" for m in c.children):
            war = next((t for t in c.children if t.dep_ in ("nsubj", "nsubjpass") and t.lemma_.lower() in wars), None)
        else:
            continue
        if war is not None:
            return war
    return None


def _reputed(word: Token, reputation: frozenset[str]) -> bool:
    return word.lower_ in reputation or word.lemma_.lower() in reputation


def _habitual_present(tok: Token) -> Token | None:
    """The simple-present verb of the trigger's clause in the body of an article ("gangs fight over
    the routes", "the province is home to groups fighting over them"): news is told in the past,
    a habit or a state in the present. A headline or a line without a full stop tells news in the
    present ("Gunmen kill five"); a progressive or a perfect ("are fighting", "has killed") is no
    simple present."""
    sent = tok.sent
    if sent.start == 0 or not sent.text.rstrip().rstrip('"\u201d\'').endswith("."):
        return None
    verb = tok
    while verb.pos_ not in ("VERB", "AUX") or verb.tag_ == "VBG" and verb.dep_ == "acl":
        if verb.head.i == verb.i:
            return None
        verb = verb.head
    while verb.dep_ == "conj" and verb.tag_ == "VB" and verb.head.pos_ in ("VERB", "AUX"):
        verb = verb.head  # "control the countryside and kidnap travellers"
    if verb.tag_ not in ("VBZ", "VBP") or any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return None
    if verb.tag_ == "VBP" and verb.lower_ in SAME_PAST:
        return None  # "as protests spread to Turkey": the tagger's present may be a past
    return verb


def _times(sent: Span, units: frozenset[str]) -> tuple[bool, str | None]:
    """Whether the sentence names a day, and the span of months or years it names, if any."""
    days, period = False, None
    for ent in sent.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        precision = resolve_expression(ent.text, _ANY_DAY).precision
        if precision == "day":
            days = True
        elif precision in ("month", "year") or any(t.lower_ in units for t in ent):
            period = period or ent.text
    return days, period


def _reject(notes: list[str], tok: Token, why: str) -> None:
    note = f"dropped '{tok.text}' at {tok.idx}: {why}"
    log.debug(note)
    notes.append(note)


def _absorbed_scope(absorber: Candidate) -> set[Token]:
    """The tokens an absorbing trigger owns: its subtree, or only that of the listed child relations."""
    deps = absorber.family.absorb_deps
    if not deps:
        return set(absorber.token.subtree)
    return {t for c in absorber.token.children if c.dep_ in deps for t in c.subtree}


def _absorb(cands: list[Candidate], notes: list[str]) -> list[Candidate]:
    absorbers = [c for c in cands if c.family.absorbs]
    keep = []
    for cand in cands:
        owner = next((a for a in absorbers if a is not cand and cand.token in _absorbed_scope(a)), None)
        if owner is not None:
            owner.merged.append(cand.token)
            _reject(notes, cand.token, f"part of the '{owner.token.text}' event")
        else:
            keep.append(cand)
    return keep


# --------------------------------------------------------------------------
# Roles and typing
# --------------------------------------------------------------------------
def _type_candidate(cand: Candidate, seg: Span, home: str | None, notes: list[str]) -> bool:
    cand.attribution = attribute(cand.token, seg)
    cand.actors = event_actors(cand.token, cand.family, home, cand.attribution, seg)
    full_type, rule = choose_type(cand.token, cand.family, cand.actors)
    if not full_type:
        _reject(notes, cand.token, f"family '{cand.family.name}' rule {rule} says no event")
        return False
    cand.full_type, cand.rule = full_type, rule
    cand.actors = act.crowd_roles(split_type(full_type)[0], cand.actors)  # ACLED: the crowd is actor1
    return True


# --------------------------------------------------------------------------
# Merging and building mentions
# --------------------------------------------------------------------------
# Bound on the noun -> preposition -> verb climb to a noun trigger's clause verb.
NOUN_CLIMB = 3
# Clausal links that keep two triggers in one event: a participle ("opened fire, killing"),
# an infinitive of purpose ("began a strike to protest").
SAME_EVENT_DEPS = frozenset({"advcl", "xcomp"})


def _clause_head(tok: Token) -> Token:
    cur = tok
    for _ in range(NOUN_CLIMB):
        if cur.pos_ == "VERB" or cur.head == cur:
            break
        cur = cur.head
    while cur.dep_ in SAME_EVENT_DEPS and cur.tag_ in ("VBG", "VB") and cur.head != cur:
        cur = cur.head
    return cur


def _same_event(a: Candidate, b: Candidate) -> bool:
    """One event: same type, and the same clause, or conjoined verbs sharing a subject."""
    if a.full_type != b.full_type:
        return False
    ta, tb = a.token, b.token
    for x, y in ((ta, tb), (tb, ta)):
        if y.dep_ == "conj" and y.head == x and not any(c.dep_ in ("nsubj", "nsubjpass") for c in y.children):
            return True
    return _clause_head(ta) == _clause_head(tb)


def _merge(cands: list[Candidate]) -> list[Candidate]:
    kept: list[Candidate] = []
    for cand in cands:
        twin = next((k for k in kept if _same_event(k, cand)), None)
        if twin is None:
            kept.append(cand)
            continue
        if _status_rank(cand) < _status_rank(twin):
            cand.merged += [twin.token, *twin.merged]
            _fill_roles(cand, twin)
            kept[kept.index(twin)] = cand
        else:
            twin.merged.append(cand.token)
            _fill_roles(twin, cand)
    return kept


def _other_side_did_it(fight: Candidate, toll: Candidate) -> None:
    """"Two militants were killed in a gunfight with troops": the side the fight was with killed
    the toll's victims, so it is the fight's actor1 (the parse gave it as the fight's actor2)."""
    if fight.token.pos_ == "VERB" or any(a.role == "actor1" for a in fight.actors):
        return
    where = fight.token.head  # the fight is where the toll happened: "killed in a gunfight with ..."
    if not any(a.role == "actor2" for a in toll.actors) or where.dep_ != "prep" or where.head.i != toll.token.i:
        return
    side = next((c for p in fight.token.children if p.dep_ == "prep" and p.lower_ == "with"
                 for c in p.children if c.dep_ == "pobj"), None)
    if side is None:
        return
    span = (side.left_edge.idx, side.right_edge.idx + len(side.right_edge))
    fight.actors = [a.model_copy(update={"role": "actor1"})
                    if a.role == "actor2" and a.start is not None and span[0] <= a.start < span[1] else a
                    for a in fight.actors]


def _fill_roles(into: Candidate, other: Candidate) -> None:
    """A merged mention keeps its own actors and borrows the roles it lacks from its twin."""
    have = {a.role for a in into.actors}
    for role in ("actor1", "actor2"):
        if role not in have:
            into.actors += [a for a in other.actors if a.role == role]


def _status_rank(c: Candidate) -> int:
    order = [Status.REPORTED, Status.CLAIMED, Status.UNVERIFIED, Status.PLANNED, Status.DENIED]
    return order.index(c.attribution.status) if c.attribution else 0


def _trigger_span(tok: Token) -> TextSpan:
    left = _hyphen_left(tok)
    toks = ([left] if left is not None else []) + [tok]
    toks += [c for c in tok.children if c.dep_ == "prt" and c.i == tok.i + 1]
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1])
    return TextSpan(start=start, end=end, text=tok.doc[toks[0].i : toks[-1].i + 1].text)


def _confidence(c: Candidate) -> float:
    conf = c.family.confidence
    if any(a.kind for a in c.actors if a.role in ("actor1", "actor2")):
        conf += ACTOR_BONUS
    status = c.attribution.status if c.attribution else Status.REPORTED
    if status == Status.PLANNED:
        conf -= PLANNED_PENALTY
    if status == Status.UNVERIFIED:
        conf -= UNVERIFIED_PENALTY
    if c.opinion is not None:
        conf += c.opinion.confidence_delta
    if c.family.vague:
        conf = min(conf, VAGUE_CAP)
    return round(max(0.05, min(conf, 0.95)), 2)


def _reason(c: Candidate) -> str:
    tok = c.token
    pos = "verb" if tok.pos_ == "VERB" else "noun"
    parts = [f"trigger '{tok.lemma_}' ({pos}, family {c.family.name})"]
    for a in c.actors:
        if a.role != "associated":
            parts.append(f"{'by' if a.role == 'actor1' else 'on'} '{a.text}' ({a.kind or 'unknown kind'})")
    rule = f"rule {c.rule}" if c.rule != "default" else "default"
    text = " ".join(parts) + f" → {c.full_type} [{rule}]"
    if c.merged:
        text += "; merged with " + ", ".join(f"'{m.text}'" for m in c.merged)
    if c.opinion is not None:
        text += f"; {c.opinion.note}"
    if c.attribution:
        text += f"; status {c.attribution.status.value}: {c.attribution.reason}"
    return text


def _mention(c: Candidate, sent: Span, article_id: str) -> Mention:
    event_type, sub = split_type(c.full_type)
    attribution = c.attribution or Attribution(Status.REPORTED, None, "")
    trigger = _trigger_span(c.token)
    return Mention(
        id=Mention.make_id(article_id, trigger.start, event_type),
        article_id=article_id,
        event_type=event_type,  # type: ignore[arg-type]
        sub_event_type=sub,
        trigger=trigger,
        sentence=TextSpan(start=sent.start_char, end=(end := article_end(sent)), text=sent.doc.text[sent.start_char : end]),
        status=attribution.status,
        attributed_to=attribution.attributed_to,
        actors=c.actors,
        confidence=_confidence(c),
        reason=_reason(c),
        cue=c.family.name,
        refers_back=_refers_back(c.token),
    )


# Prepositions by which a toll points at the incident it belongs to ("injured in the attack").
BACK_PREPS = frozenset({"in", "during"})


def _refers_back(tok: Token) -> str | None:
    """The definite incident noun by which a trigger points at an incident ("the attack",
    "Sunday's blast", "the clashes"): a noun trigger itself, or the noun of a verb trigger's
    "in"/"during" phrase ("injured in the attack"); else None. Whether the article told that
    incident before is assemble.py's to find."""
    if tok.pos_ != "VERB":
        return tok.text if _definite_incident(tok) else None
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ in BACK_PREPS):
        for noun in (g for g in prep.children if g.dep_ == "pobj"):
            if _definite_incident(noun):
                return noun.text
    return None


def _definite_incident(noun: Token) -> bool:
    lex = lexicon()
    incident = noun.lemma_.lower() in lex.lemma_groups["incident_nouns"] or any(
        k in lex.by_lemma for k in _lexicon_keys(noun))
    return incident and any(d.dep_ == "det" and d.lower_ in DEFINITE_DETS or d.dep_ == "poss" for d in noun.children)
