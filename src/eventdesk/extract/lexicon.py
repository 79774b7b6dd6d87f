"""The event-type lexicon and its typing rules, read from `data/event_types.toml`.

Trigger families (`Family`) with their ordered typing rules (`Rule`), the kind and lemma
groups the rules name, and the sub-event definitions make up the `Lexicon`, loaded once per
process by `lexicon()`. `choose_type` evaluates a family's rules over a trigger's actors
and the lemmas of its sentence, clause and frame; `split_type` splits a full type into
ACLED event and sub-event types. events.py finds the triggers and uses these to type them.
"""

from __future__ import annotations

import dataclasses
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from spacy.tokens import Token

from eventdesk.errors import ConfigError
from eventdesk.extract import actors as act
from eventdesk.records import Actor


@dataclass(frozen=True)
class Rule:
    """One typing rule: all conditions present must hold; `type` "" means no event."""

    type: str
    actor1: str | None = None
    actor2: str | None = None
    context: str | None = None
    clause: str | None = None
    frame: str | None = None

    def describe(self) -> str:
        """A short description of the conditions, for reasons."""
        conds = [f"{k}={v}" for k, v in (("actor1", self.actor1), ("actor2", self.actor2), ("context", self.context),
                                          ("clause", self.clause), ("frame", self.frame)) if v]
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
    exclude_head: frozenset[str] = frozenset()  # a noun trigger governed by one of these is none
    exclude_modifiers: frozenset[str] = frozenset()
    object_role: str = "actor2"
    intransitive: bool = False
    vague: bool = False
    absorbs: bool = False
    absorb_deps: frozenset[str] = frozenset()
    toll: frozenset[str] = frozenset()
    inherit: tuple[str, ...] = ()
    confidence: float = 0.5

    @property
    def types(self) -> frozenset[str]:
        """The full types this family can give (its rules' and its default)."""
        return frozenset(t for t in (self.default, *(r.type for r in self.rules)) if t)


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


DATA_FILE = "data/event_types.toml"
TOP_KEYS = frozenset({"version", "sub_event", "groups", "family", "evidence", "plover"})
FAMILY_KEYS = frozenset({f.name for f in dataclasses.fields(Family)} - {"rules"} | {"rules", "rules_from"})
RULE_KEYS = frozenset(f.name for f in dataclasses.fields(Rule))
ACTOR_WORDS = frozenset({"absent", "none"})  # actor conditions that name no group: no actor / no known kind


@cache
def lexicon() -> Lexicon:
    """Load the event-type lexicon once per process (checked against its schema first)."""
    raw = resources.files("eventdesk.extract").joinpath(DATA_FILE).read_text("utf-8")
    data = tomllib.loads(raw)
    check_schema(data, raw)
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


def check_schema(data: dict, raw: str, name: str = DATA_FILE) -> None:
    """Fail loudly, naming the file and line, on a key, group or type the lexicon does not know.

    Raises:
        ConfigError: an unknown top-level, family or rule key; a rule naming a kind or lemma
            group that `[groups]` lacks; a type that is not one of the `[[sub_event]]` types; a
            `rules_from` naming no family.
    """
    def fail(anchor: str, problem: str) -> ConfigError:
        line = next((i for i, text in enumerate(raw.splitlines(), 1) if anchor in text), 0)
        return ConfigError(f"{name}:{line}: {problem}")

    if unknown := set(data) - TOP_KEYS:
        raise fail(f"[{sorted(unknown)[0]}", f"unknown section(s) {sorted(unknown)}; known: {sorted(TOP_KEYS)}")
    types = {f"{s['event_type']}/{s['sub_event_type']}" for s in data["sub_event"]} | {""}
    kinds, lemma_groups = data["groups"]["kinds"], data["groups"]["lemmas"]
    families = {f["name"] for f in data["family"]}
    for fam in data["family"]:
        anchor = f'name = "{fam["name"]}"'
        if unknown := set(fam) - FAMILY_KEYS:
            raise fail(anchor, f"family {fam['name']!r}: unknown key(s) {sorted(unknown)}; known: {sorted(FAMILY_KEYS)}")
        if fam["default"] not in types:
            raise fail(anchor, f"family {fam['name']!r}: default {fam['default']!r} is not a [[sub_event]] type")
        if fam.get("rules_from", fam["name"]) not in families:
            raise fail(anchor, f"family {fam['name']!r}: rules_from {fam['rules_from']!r} names no family")
        for rule in fam.get("rules", []):
            _check_rule(rule, fam["name"], types, kinds, lemma_groups, lambda problem: fail(anchor, problem))


def _check_rule(rule: dict, family: str, types: set[str], kinds: dict, lemmas: dict, fail) -> None:  # type: ignore[no-untyped-def]
    if unknown := set(rule) - RULE_KEYS:
        raise fail(f"family {family!r}: rule key(s) {sorted(unknown)} unknown; known: {sorted(RULE_KEYS)}")
    if rule.get("type") not in types:
        raise fail(f"family {family!r}: rule type {rule.get('type')!r} is not a [[sub_event]] type")
    for key in ("actor1", "actor2"):
        if key in rule and rule[key] not in kinds and rule[key] not in ACTOR_WORDS:
            raise fail(f"family {family!r}: {key} = {rule[key]!r} is no [groups.kinds] group")
    for key in ("context", "clause", "frame"):
        if key in rule and rule[key] not in lemmas:
            raise fail(f"family {family!r}: {key} = {rule[key]!r} is no [groups.lemmas] group")


def _family(f: dict, rules_by_name: dict[str, tuple[Rule, ...]]) -> Family:
    fs = frozenset
    rules = rules_by_name[f["rules_from"]] if "rules_from" in f else rules_by_name[f["name"]]
    return Family(
        name=f["name"], verbs=fs(f.get("verbs", [])), nouns=fs(f.get("nouns", [])), default=f["default"],
        rules=rules, require_object=fs(f.get("require_object", [])), require_head=fs(f.get("require_head", [])),
        exclude_head=fs(f.get("exclude_head", [])), exclude_modifiers=fs(f.get("exclude_modifiers", [])), object_role=f.get("object_role", "actor2"),
        intransitive=f.get("intransitive", False), vague=f.get("vague", False),
        absorbs=f.get("absorbs", False), absorb_deps=fs(f.get("absorb_deps", [])), toll=fs(f.get("toll", [])),
        inherit=tuple(f.get("inherit", [])), confidence=f.get("confidence", 0.5),
    )


def split_type(full_type: str) -> tuple[str, str]:
    """"Explosions/Remote violence/Air/drone strike" -> ("Explosions/Remote violence", "Air/drone strike")."""
    if full_type.startswith("Explosions/Remote violence/"):
        return "Explosions/Remote violence", full_type[len("Explosions/Remote violence/"):]
    event_type, _, sub = full_type.partition("/")
    return event_type, sub


# --------------------------------------------------------------------------
# Typing rules
# --------------------------------------------------------------------------
def choose_type(trigger: Token, fam: Family, actors: list[Actor]) -> tuple[str, str]:
    """(full type, rule description) from the family's rules; full type "" = no event."""
    lex = lexicon()
    kinds = {role: next((a.kind or UNKNOWN_KIND for a in actors if a.role == role), None) for role in ("actor1", "actor2")}
    kit = lex.lemma_groups["kit"]
    context = [t for t in _cause_phrase(trigger) or trigger.sent if not _names_kit(t, kit)]
    sent_lemmas = {word_lemma(t) for t in context} | {t.lower_ for t in context}
    lemmas = {"context": sent_lemmas, "clause": clause_lemma_set(trigger), "frame": frame_lemma_set(trigger)}
    for rule in fam.rules:
        if _rule_holds(rule, kinds, lemmas, lex):
            return rule.type, rule.describe()
    return fam.default, "default"


def _names_kit(tok: Token, kit: frozenset[str]) -> bool:
    """A modifier of a force's or a thing's noun ("riot police", "anti-riot gear", "stone walls"):
    it names the unit or the thing, not what a crowd did."""
    return tok.dep_ in ("compound", "amod", "nmod") and tok.head is not tok and tok.head.lemma_.lower() in kit


# Prepositions of a cause: "protests since the police shooting of a teenager", "riots over the
# killing of a student". An act named in their phrase set the rest of the sentence off.
CAUSE_PREPS = frozenset({"since", "after", "over", "following", "against"})
# Conjunctions of a clause that tells what came before the main clause's act ("riots broke out after
# a teenager was killed", "the unrest began a day after a man died in custody").
EARLIER_MARKS = frozenset({"after", "since"})


def earlier_clause(tok: Token) -> bool:
    """tok heads a clause that tells what came before its head's act ("after a teenager was killed")."""
    return tok.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in EARLIER_MARKS for m in tok.children)


def _cause_phrase(trigger: Token) -> list[Token] | None:
    """The cause phrase the trigger is named in ("since the fatal police shooting of a boy"), or
    None: there the rest of the sentence (the protests it set off) is no context of the act."""
    tok = trigger
    while tok.dep_ in ("compound", "amod", "conj", "appos") and tok.head is not tok:
        tok = tok.head
    if tok.dep_ in ("pobj", "pcomp") and tok.head.lower_ in CAUSE_PREPS:
        return list(tok.head.subtree)
    return None


# An actor whose kind the table does not know (a rule's "none" accepts it, "absent" does not).
UNKNOWN_KIND = "?"
# How many governing words up a trigger's `frame` looks ("violence in which eight died").
FRAME_CLIMB = 3


def frame_lemma_set(trigger: Token) -> set[str]:
    """Lemmas framing a trigger: its governing words, and the subjects of its adverbial clauses
    ("killed as violence swept the country")."""
    out: set[str] = set()
    cur = trigger
    for _ in range(FRAME_CLIMB):
        if cur.head == cur:
            break
        cur = cur.head
        out.add(cur.lemma_.lower())
    for clause in (c for c in trigger.children if c.dep_ == "advcl"):
        out |= {c.lemma_.lower() for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")}
    return out


# Children of a noun trigger's verb that describe the noun ("turned violent", "was peaceful").
PREDICATE_DEPS = frozenset({"acomp", "oprd", "attr"})
# Children that open another clause: their words are not the trigger's own clause.
SUBCLAUSE_DEPS = frozenset({"conj", "advcl", "ccomp", "parataxis", "relcl", "acl", "xcomp"})


def word_lemma(tok: Token) -> str:
    """The token's lemma for the typing rules; a thrown incendiary ("petrol bombs", "fire bombs",
    "Molotov bombs") reads "firebomb", which is no explosive; a rocket-propelled grenade "rpg"."""
    lemma = tok.lemma_.lower()
    groups = lexicon().lemma_groups
    if (lemma in groups["explosive"] or lemma in groups["grenade"]) and any(
        c.dep_ in ("compound", "amod") and c.lemma_.lower() in groups["incendiary"] for c in tok.children
    ):
        return "firebomb"
    if lemma in ("rocket", "grenade") and _rocket_propelled(tok):
        return "rpg"  # a rocket-propelled grenade is a fighter's weapon: no shelling, no thrown grenade
    return lemma


def _rocket_propelled(tok: Token) -> bool:
    """"rocket-propelled grenades": the rocket (under "propelled") and the grenade (over it)."""
    if tok.head.lemma_.lower() == "propel" and tok.dep_ == "npadvmod":
        return True
    return any(c.lemma_.lower() == "propel" and any(r.lemma_.lower() == "rocket" for r in c.children)
               for c in tok.children)


def clause_lemma_set(trigger: Token) -> set[str]:
    """Lemmas of the trigger's own clause: its subtree without sub-clauses (and a noun's siblings).
    Words read through `word_lemma`."""
    out = {trigger.lemma_.lower()}
    stack = [c for c in trigger.children if c.dep_ not in SUBCLAUSE_DEPS]
    while stack:
        tok = stack.pop()
        if not _warning_shot(tok):
            out.add(word_lemma(tok))
        stack.extend(c for c in tok.children if c.dep_ not in SUBCLAUSE_DEPS)
    if trigger.pos_ != "VERB":
        out |= {c.lemma_.lower() for c in trigger.head.children if c.dep_ in ("compound", "amod", "nsubj")}
    if trigger.pos_ != "VERB" and trigger.dep_ == "nsubj":  # "the protest turned violent"
        out |= {c.lemma_.lower() for c in trigger.head.children if c.dep_ in PREDICATE_DEPS}
    elif trigger.dep_ in ("conj", "advcl") and not any(c.dep_.startswith("nsubj") for c in trigger.children) and (
        trigger.dep_ == "conj" or trigger.tag_ == "VBG"
    ):
        # the shared subject: "an explosion killed two and wounded five", "drones hit the
        # village, wounding four" (the doer of the participle is the main verb's subject)
        subj = act.subject_of(trigger) if trigger.dep_ == "conj" else act.subject_of(trigger.head)
        out |= {t.lemma_.lower() for t in subj.subtree} if subj is not None else set()
    return out


def _warning_shot(tok: Token) -> bool:
    """"into the air", "in the air": where warning shots go, not an air strike (read from the
    words: the parser may join "the air and tear gas")."""
    doc = tok.doc
    return (tok.lower_ == "air" and tok.i >= 2 and doc[tok.i - 1].lower_ == "the"
            and doc[tok.i - 2].lower_ in {"into", "in"})


def _rule_holds(rule: Rule, kinds: dict[str, str | None], lemmas: dict[str, set[str]], lex: Lexicon) -> bool:
    for role, group in (("actor1", rule.actor1), ("actor2", rule.actor2)):
        if group is None:
            continue
        kind = kinds[role]
        if group == "absent" and kind is not None:
            return False
        if group == "none" and kind not in (None, UNKNOWN_KIND):
            return False
        if group not in ("none", "absent") and kind not in lex.kind_groups.get(group, frozenset({group})):
            return False
    for key, group in (("context", rule.context), ("clause", rule.clause), ("frame", rule.frame)):
        if group and not (lemmas[key] & lex.lemma_groups[group]):
            return False
    return True
