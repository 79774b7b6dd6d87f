"""Whether an actor phrase names an actor at all: people, groups, organisations, forces, states.

The parse hands roles to whatever stands in a subject or object slot: "the air" ("fired
shots into the air"), "stones" ("hurt by stones"), "The revolt", "Thursday night". An
actor must be one of:

- a phrase the actor table gives a kind (police, protesters, government ...);
- a spaCy PERSON, ORG, NORP or GPE entity, a demonym or country name, an unknown proper noun;
- a noun from the actor kinds' pattern words or the `[animate]` words of `data/actors.toml`.

A bare quantifier ("two found beheaded", "two people were shot dead and five wounded",
"two of whom") takes its name and kind from the counted noun it refers to, or is dropped.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources

from spacy.tokens import Span, Token

from eventdesk.extract import actors as act
from eventdesk.records import Actor

# Entity labels that name actors; any other entity label (DATE, FAC, LOC, MONEY ...) names none.
ACTOR_ENTITIES = frozenset({"PERSON", "ORG", "NORP", "GPE"})
# Prepositions whose object owns the thing they modify ("positions of X", "a camp for X").
OWNER_PREPS = frozenset({"of", "for"})
# How many sentences back a bare quantifier may look for the noun it counts.
COUNTED_WINDOW = 1


@cache
def animate_words() -> frozenset[str]:
    """Head words of people and groups: the last word of every actor-kind pattern, plus `[animate]`."""
    data = tomllib.loads(resources.files("eventdesk.extract").joinpath("data/actors.toml").read_text("utf-8"))
    heads = {p.split()[-1] for row in data["actor"] for p in row["patterns"]}
    return frozenset(heads | set(data.get("animate", {}).get("words", [])))


def is_animate(tok: Token) -> bool:
    """True when the head token can name an actor (see the module docstring)."""
    if tok.ent_type_:
        return tok.ent_type_ in ACTOR_ENTITIES
    if tok.pos_ == "PROPN" or act.country_of_word(tok.text):
        return True
    words = animate_words()
    return tok.lemma_.lower() in words or tok.lower_ in words


def is_quantifier(tok: Token) -> bool:
    """A number or quantity word standing for the people it counts ("two", "One", "dozens")."""
    if tok.like_num or tok.pos_ == "NUM":
        return True
    return tok.lower_ in act.actor_table().partitive and not is_animate(tok)


def checked(head: Token, actor: Actor, *, home: str | None = None, within: Span | None = None) -> Actor | None:
    """`actor` (resolved from the phrase headed by `head`) if it names an actor, else None.

    A bare quantifier keeps its own words but takes the counted noun's name, kind and country.
    """
    inner = act.descend_partitive(head)
    if inner.lower_ in act.RELATIVE_PRONOUNS:  # "two of whom": whom = the noun the clause modifies
        counted = _relative_antecedent(inner)
    elif is_quantifier(inner):
        counted = counted_noun(inner)
    elif actor.kind is not None or is_animate(inner):
        return actor
    else:  # "Sweden's decision", "positions of the security forces": the owner acts or is acted on
        owner = owner_of(inner)
        return _possessor(owner, actor, home, within) if owner is not None else None
    if counted is None:
        return None
    named = act.resolve_actor(counted, actor.role, home=home, within=within)
    if named.kind is None and not is_animate(act.descend_partitive(counted)):
        return None
    return actor.model_copy(update={"name": named.name, "kind": named.kind,
                                    "country_code": actor.country_code or named.country_code})


def owner_of(thing: Token) -> Token | None:
    """The animate owner of a thing: its possessor ("Sweden's decision"), else the object of its
    "of" or "for" ("positions of the Palestinian security forces", "a camp for refugees")."""
    owner = next((c for c in thing.children if c.dep_ == "poss" and not act.is_pronoun(c)), None)
    if owner is None:
        owner = act.descend_partitive(o) if (o := act.prep_object(thing, OWNER_PREPS)) is not None else None
    return owner if owner is not None and not act.is_pronoun(owner) and is_animate(owner) else None


def _possessor(owner: Token, actor: Actor, home: str | None, within: Span | None) -> Actor:
    """`actor` named after its owner; an owner after the thing ("a camp for refugees") joins its words."""
    named = act.resolve_actor(owner, actor.role, home=home, within=within)
    update = {"name": named.name, "kind": named.kind, "country_code": named.country_code}
    if actor.start is not None and actor.end is not None and named.end is not None and named.end > actor.end:
        joined = owner.doc.char_span(actor.start, named.end)  # token-aligned: both ends are token edges
        if joined is not None:
            update |= {"end": named.end, "text": joined.text}
    return actor.model_copy(update=update)


def _relative_antecedent(tok: Token) -> Token | None:
    for anc in tok.ancestors:
        if anc.dep_ == "relcl":
            return anc.head
    return None


def counted_noun(tok: Token) -> Token | None:
    """The noun a bare quantifier counts: its conjoined counted noun ("two people ... and five"),
    else the nearest earlier counted or partitive animate noun in the sentence or the one before."""
    if tok.dep_ == "conj" and tok.head.pos_ in ("NOUN", "PROPN") and not is_quantifier(tok.head):
        return tok.head
    sent = tok.sent
    start = sent.start
    for _ in range(COUNTED_WINDOW):
        start = tok.doc[start - 1].sent.start if start > 0 else start
    for cand in reversed(tok.doc[start : tok.i]):
        if cand.pos_ not in ("NOUN", "PROPN") or is_quantifier(cand):
            continue
        counted = any(c.dep_ in ("nummod", "quantmod") for c in cand.children) or (
            cand.dep_ == "pobj" and is_quantifier(cand.head.head))
        inner = act.descend_partitive(cand)
        if counted or inner != cand:
            return inner if is_animate(inner) else None
    return None
