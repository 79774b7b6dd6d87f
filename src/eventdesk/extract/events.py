"""Event detection and typing into ACLED event and sub-event types.

`find_events(doc, article_id=...)` reads a parsed article and returns one
`Mention` per event per sentence. Design, in short:

1. A sentence is looked at only if it holds a trigger lemma (a set lookup).
2. Each token whose lemma belongs to a trigger family (`data/event_types.toml`)
   is checked in its dependency context: modifiers ("Burning vehicles",
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
import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from spacy.tokens import Doc, Span, Token

from eventdesk.extract import actors as act
from eventdesk.extract.attribution import Attribution, attribute
from eventdesk.records import Actor, Mention, Status, TextSpan

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


@dataclass(frozen=True)
class Rule:
    """One typing rule: all conditions present must hold; `type` "" means no event."""

    type: str
    actor1: str | None = None
    actor2: str | None = None
    context: str | None = None
    clause: str | None = None

    def describe(self) -> str:
        """A short description of the conditions, for reasons."""
        conds = [f"{k}={v}" for k, v in (("actor1", self.actor1), ("actor2", self.actor2),
                                          ("context", self.context), ("clause", self.clause)) if v]
        return " & ".join(conds) or "default"


@dataclass(frozen=True)
class Family:
    """A trigger family from the data file."""

    name: str
    verbs: frozenset[str]
    nouns: frozenset[str]
    default: str
    rules: tuple[Rule, ...] = ()
    require_object: frozenset[str] = frozenset()
    require_head: frozenset[str] = frozenset()
    exclude_modifiers: frozenset[str] = frozenset()
    object_role: str = "actor2"
    intransitive: bool = False
    vague: bool = False
    absorbs: bool = False
    confidence: float = 0.5


@dataclass(frozen=True)
class Lexicon:
    """Everything events.py reads from `data/event_types.toml`."""

    families: tuple[Family, ...]
    by_lemma: dict[str, tuple[Family, ...]]
    kind_groups: dict[str, frozenset[str]]
    lemma_groups: dict[str, frozenset[str]]
    sub_events: dict[str, str]  # "Type/Sub-type" -> definition
    skip_prefixes: tuple[str, ...] = ()

    @property
    def lemmas(self) -> frozenset[str]:
        """All trigger lemmas (the cheap pre-filter)."""
        return frozenset(self.by_lemma)


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


@cache
def lexicon() -> Lexicon:
    """Load the event-type lexicon once per process."""
    raw = resources.files("eventdesk.extract").joinpath("data/event_types.toml").read_text("utf-8")
    data = tomllib.loads(raw)
    rules_by_name = {f["name"]: tuple(Rule(**r) for r in f.get("rules", [])) for f in data["family"]}
    families = tuple(_family(f, rules_by_name) for f in data["family"])
    by_lemma: dict[str, list[Family]] = {}
    for fam in families:
        for lemma in fam.verbs | fam.nouns:
            by_lemma.setdefault(lemma, []).append(fam)
    return Lexicon(
        families=families,
        by_lemma={k: tuple(v) for k, v in by_lemma.items()},
        kind_groups={k: frozenset(v) for k, v in data["groups"]["kinds"].items()},
        lemma_groups={k: frozenset(v) for k, v in data["groups"]["lemmas"].items()},
        sub_events={f"{s['event_type']}/{s['sub_event_type']}": s["definition"] for s in data["sub_event"]},
        skip_prefixes=tuple(data["evidence"]["skip_prefixes"]),
    )


def _family(f: dict, rules_by_name: dict[str, tuple[Rule, ...]]) -> Family:
    fs = frozenset
    rules = rules_by_name[f["rules_from"]] if "rules_from" in f else rules_by_name[f["name"]]
    return Family(
        name=f["name"], verbs=fs(f.get("verbs", [])), nouns=fs(f.get("nouns", [])), default=f["default"],
        rules=rules, require_object=fs(f.get("require_object", [])), require_head=fs(f.get("require_head", [])),
        exclude_modifiers=fs(f.get("exclude_modifiers", [])), object_role=f.get("object_role", "actor2"),
        intransitive=f.get("intransitive", False), vague=f.get("vague", False),
        absorbs=f.get("absorbs", False), confidence=f.get("confidence", 0.5),
    )


def split_type(full_type: str) -> tuple[str, str]:
    """"Explosions/Remote violence/Air/drone strike" -> ("Explosions/Remote violence", "Air/drone strike")."""
    if full_type.startswith("Explosions/Remote violence/"):
        return "Explosions/Remote violence", full_type[len("Explosions/Remote violence/"):]
    event_type, _, sub = full_type.partition("/")
    return event_type, sub


# --------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------
def find_events(doc: Doc, *, article_id: str, rejected: list[str] | None = None) -> list[Mention]:
    """Find and type the events reported in a parsed article.

    Args:
        doc: the spaCy Doc of the article's cleaned text (offsets point into it).
        article_id: the article's id, used in mention ids.
        rejected: if given, a reason string is appended for every trigger candidate
            that was considered and dropped (negated, background, no event by rule).

    Returns:
        Mentions in text order, each with trigger, sentence, status, attribution,
        actors, confidence and reason. Counts, place and date are left empty.
    """
    lex = lexicon()
    home = act.home_country(doc)
    out: list[Mention] = []
    for seg in evidence_segments(doc):
        if not any(t.lemma_.lower() in lex.lemmas or t.lower_ in lex.lemmas for t in seg):
            continue
        if seg.text.lower().startswith(lex.skip_prefixes):
            _reject(rejected if rejected is not None else [], seg[0], "boilerplate line")
            continue
        out.extend(sentence_events(seg, article_id=article_id, home=home, rejected=rejected))
    return out


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


def sentence_events(seg: Span, *, article_id: str, home: str | None = None,
                    rejected: list[str] | None = None) -> list[Mention]:
    """Mentions of one evidence segment (see `find_events`)."""
    notes = rejected if rejected is not None else []
    cands = [c for tok in seg if (c := _candidate(tok, notes)) is not None]
    cands = _absorb(cands, notes)
    typed = [c for c in cands if _type_candidate(c, seg, home, notes)]
    return [_mention(c, seg, article_id) for c in _merge(typed)]


# --------------------------------------------------------------------------
# Candidates
# --------------------------------------------------------------------------
def _candidate(tok: Token, notes: list[str]) -> Candidate | None:
    lex = lexicon()
    fams = lex.by_lemma.get(tok.lemma_.lower()) or lex.by_lemma.get(tok.lower_)
    if not fams or tok.pos_ not in ("VERB", "NOUN", "PROPN"):
        return None
    if tok.dep_ in MODIFIER_DEPS or tok.ent_type_ in NAME_ENTITIES:
        return None
    for fam in fams:
        words = fam.verbs if tok.pos_ == "VERB" else fam.nouns
        if tok.lemma_.lower() in words or tok.lower_ in words:
            if _constraints_hold(tok, fam):
                return _screen(Candidate(tok, fam), notes)
    return None


def _constraints_hold(tok: Token, fam: Family) -> bool:
    if fam.exclude_modifiers and _argument_modifiers(tok) & fam.exclude_modifiers:
        return False
    if fam.require_object and not (object_lemmas(tok, fam) & fam.require_object):
        return False
    if fam.require_head and tok.pos_ != "VERB":
        return _head_lemma(tok) in fam.require_head
    return True


def _argument_modifiers(tok: Token) -> set[str]:
    """Lemmas modifying the trigger or its subject/object ("stun grenades exploded")."""
    args = [tok] + [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
    return {m.lemma_.lower() for a in args for m in a.children if m.dep_ in ("compound", "amod", "nmod")} | {
        m.lemma_.lower() for m in tok.children}


def object_lemmas(tok: Token, fam: Family) -> set[str]:
    """Lemmas of what a trigger acts on (with their compounds), used by `require_object`."""
    heads: list[Token] = []
    if tok.pos_ == "VERB":
        heads += [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass", "oprd", "acomp", "advmod", "prt")]
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


def _screen(cand: Candidate, notes: list[str]) -> Candidate | None:
    tok = cand.token
    why = negation(tok) or background(tok)
    if why:
        _reject(notes, tok, why)
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
    return None


def _reject(notes: list[str], tok: Token, why: str) -> None:
    note = f"dropped '{tok.text}' at {tok.idx}: {why}"
    log.debug(note)
    notes.append(note)


def _absorb(cands: list[Candidate], notes: list[str]) -> list[Candidate]:
    absorbers = [c for c in cands if c.family.absorbs]
    keep = []
    for cand in cands:
        owner = next((a for a in absorbers if a is not cand and cand.token in a.token.subtree), None)
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
    return True


def event_actors(trigger: Token, fam: Family, home: str | None, attribution: Attribution | None,
                 seg: Span) -> list[Actor]:
    """actor1 / actor2 / associated actors of a trigger, resolved against the actor table.

    Role heads must lie in the evidence segment, except a pronoun's antecedent.
    """
    agent, patient = (t if t is not None and seg.start <= t.i < seg.end else None for t in _roles(trigger, fam))
    agent = _resolve_pronoun(agent, attribution)
    if fam.object_role == "none":
        patient = None
    if fam.object_role == "actor1" and patient is not None:
        return _deployment_actors(agent, patient, home)
    out: list[Actor] = []
    for head, role in ((agent, "actor1"), (patient, "actor2")):
        if head is None or act.is_pronoun(head):
            continue
        out.append(act.resolve_actor(head, role, home=home, within=seg))  # type: ignore[arg-type]
        out += [act.resolve_actor(c, "associated", home=home, within=seg) for c in head.children if c.dep_ == "conj"]
    return out


def _deployment_actors(sender: Token | None, force: Token, home: str | None) -> list[Actor]:
    """"Russia deployed paratroopers": the force is actor1 (of the sender's country), the sender associated."""
    out: list[Actor] = []
    sent_by = act.resolve_actor(sender, "associated", home=home) if sender is not None else None
    if sender is not None and act.is_pronoun(sender):
        sent_by = None
    country = sent_by.country_code if sent_by is not None else None
    out.append(act.resolve_actor(force, "actor1", home=home, country=country))
    return out + ([sent_by] if sent_by is not None else [])


def _roles(trigger: Token, fam: Family) -> tuple[Token | None, Token | None]:
    if trigger.pos_ != "VERB":
        return act.noun_roles(trigger)
    subj, obj = act.subject_of(trigger), act.verb_object(trigger)
    if obj is None and subj is not None and fam.object_role == "actor2" and _reduced_passive(trigger):
        return None, subj  # headline style: "Dozens of Protesters Killed"
    return subj, obj


def _reduced_passive(verb: Token) -> bool:
    """A bare participle with a subject and no auxiliary or object: a headline's passive."""
    if verb.tag_ != "VBN" or verb.dep_ not in ("ROOT", "conj", "ccomp"):
        return False
    return not any(c.dep_ in ("aux", "auxpass", "dobj") for c in verb.children)


def _resolve_pronoun(agent: Token | None, attribution: Attribution | None) -> Token | None:
    if agent is None or not act.is_pronoun(agent):
        return agent
    if attribution is not None and attribution.source is not None and not act.is_pronoun(attribution.source):
        return attribution.source  # "police said they had killed": they = the police
    return act.previous_subject(agent)


def choose_type(trigger: Token, fam: Family, actors: list[Actor]) -> tuple[str, str]:
    """(full type, rule description) from the family's rules; full type "" = no event."""
    lex = lexicon()
    kinds = {role: next((a.kind for a in actors if a.role == role), None) for role in ("actor1", "actor2")}
    sent_lemmas = {t.lemma_.lower() for t in trigger.sent} | {t.lower_ for t in trigger.sent}
    clause_lemmas = clause_lemma_set(trigger)
    for rule in fam.rules:
        if _rule_holds(rule, kinds, sent_lemmas, clause_lemmas, lex):
            return rule.type, rule.describe()
    return fam.default, "default"


# Children that open another clause: their words are not the trigger's own clause.
SUBCLAUSE_DEPS = frozenset({"conj", "advcl", "ccomp", "parataxis", "relcl", "acl", "xcomp"})


def clause_lemma_set(trigger: Token) -> set[str]:
    """Lemmas of the trigger's own clause: its subtree without sub-clauses (and a noun's siblings)."""
    out = {trigger.lemma_.lower()}
    stack = [c for c in trigger.children if c.dep_ not in SUBCLAUSE_DEPS]
    while stack:
        tok = stack.pop()
        out.add(tok.lemma_.lower())
        stack.extend(c for c in tok.children if c.dep_ not in SUBCLAUSE_DEPS)
    if trigger.pos_ != "VERB":
        out |= {c.lemma_.lower() for c in trigger.head.children if c.dep_ in ("compound", "amod", "nsubj")}
    elif trigger.dep_ == "conj" and not any(c.dep_.startswith("nsubj") for c in trigger.children):
        subj = act.subject_of(trigger)  # "an explosion killed two and wounded five": the shared subject
        out |= {t.lemma_.lower() for t in subj.subtree} if subj is not None else set()
    return out


def _rule_holds(rule: Rule, kinds: dict[str, str | None], sent: set[str], clause: set[str], lex: Lexicon) -> bool:
    for role, group in (("actor1", rule.actor1), ("actor2", rule.actor2)):
        if group is None:
            continue
        kind = kinds[role]
        if group == "none" and kind is not None:
            return False
        if group != "none" and kind not in lex.kind_groups.get(group, frozenset({group})):
            return False
    if rule.context and not (sent & lex.lemma_groups[rule.context]):
        return False
    return not (rule.clause and not (clause & lex.lemma_groups[rule.clause]))


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
    toks = [tok] + [c for c in tok.children if c.dep_ == "prt" and c.i == tok.i + 1]
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1])
    return TextSpan(start=start, end=end, text=tok.doc.text[start:end])


def _confidence(c: Candidate) -> float:
    conf = c.family.confidence
    if any(a.kind for a in c.actors if a.role in ("actor1", "actor2")):
        conf += ACTOR_BONUS
    status = c.attribution.status if c.attribution else Status.REPORTED
    if status == Status.PLANNED:
        conf -= PLANNED_PENALTY
    if status == Status.UNVERIFIED:
        conf -= UNVERIFIED_PENALTY
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
        sentence=TextSpan(start=sent.start_char, end=sent.end_char, text=sent.text),
        status=attribution.status,
        attributed_to=attribution.attributed_to,
        actors=c.actors,
        confidence=_confidence(c),
        reason=_reason(c),
    )
