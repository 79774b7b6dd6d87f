"""Counts: the quantities an article reports (killed, injured, arrested, ...).

Two readers:

- `parse_quantity` (in `quantities.py`, re-exported here) turns a quantity phrase
  ("at least 18", "dozens", "nearly 200", "hundreds of thousands") into a range
  (`Quantity`) following the conventions written at the top of `data/quantities.toml`.
- `find_counts` reads a parsed sentence (or a whole Doc): it finds every
  quantity phrase, decides from the dependency parse what it counts (the
  table in `data/count_kinds.toml`), finds the counted group (`who`), and
  returns `Count` records whose offsets point into `doc.text`. Numbers that
  are not counts of people or things in an event (dates, ages, money, units,
  whole populations, or numbers with no event around them) are skipped;
  `find_count_candidates` returns them too, each with its reason.

Word tables are data files, read once per process.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span, Token

from eventdesk.extract.actors import names_an_act
from eventdesk.extract.quantities import Quantity, _quantity_words, _read_toml, parse_quantity
from eventdesk.records import Count, CountKind

log = logging.getLogger(__name__)

KINDS_FILE = "data/count_kinds.toml"

# The longest quantity phrase read, in tokens: "between one hundred and fifty and two hundred".
MAX_QUANTITY_TOKENS = 9
# Heads climbed from the counted group to its verb: "two" -> "including" -> "killed" is 2,
# "hundreds" -> "troops" -> "by" -> "occupied" is 3; past 6 we are in another clause.
MAX_WALK_STEPS = 6
# Entity labels whose numbers are not counts; the label becomes the skip reason.
SKIP_ENTITY_LABELS = {
    "DATE": "date",
    "TIME": "time",
    "MONEY": "money",
    "PERCENT": "percent",
    "ORDINAL": "ordinal",
    "QUANTITY": "measure",  # OntoNotes QUANTITY = weights and distances, not counts
}
# A bare four-digit number in this span with no counted noun is a year ("in 2022").
YEAR_MIN, YEAR_MAX = 1800, 2100
NOUN_POS = frozenset({"NOUN", "PROPN"})
# Verbs that are not the group's clause: "including two" (prep), "are" in "are missing" (aux).
PASS_THROUGH_DEPS = frozenset({"prep", "aux", "auxpass"})
# Words before a quantity that deny it: "no one was killed", "not one".
NEGATIONS = frozenset({"no", "not", "none"})
VERB_POS = frozenset({"VERB", "AUX"})
# How a number hangs on the noun it counts: "18 members", "several buildings".
COUNTING_DEPS = frozenset({"nummod", "amod", "quantmod", "compound", "det", "nmod"})
# Children of the governing verb that predicate the group: "found dead", "are missing".
COMPLEMENT_DEPS = frozenset({"acomp", "oprd", "xcomp", "ccomp", "advmod"})
# Edges into the governing verb by which the group is what the verb does to it.
OBJECT_DEPS = frozenset({"dobj", "nsubjpass", "oprd", "attr"})
SUBJECT_DEPS = frozenset({"nsubj", "expl"})
# Leading words dropped from `who`: "dozens of the protesters" -> "protesters".
WHO_DROP_DEPS = frozenset({"det", "predet", "punct", "prep", "case"})
ORDINAL_RE = re.compile(r"^\d+(st|nd|rd|th)$", re.IGNORECASE)


# --------------------------------------------------------------------------- kinds


@dataclass(frozen=True, slots=True)
class _KindWords:
    """The tables of count_kinds.toml, typed."""

    object: Mapping[str, CountKind]
    subject: Mapping[str, CountKind]
    predicate: Mapping[str, CountKind]
    phrase: Mapping[str, CountKind]
    noun: Mapping[str, CountKind]
    thing: frozenset[str]
    population: frozenset[str]
    unit: frozenset[str]
    inclusive: frozenset[str]
    measure: frozenset[str]
    kin: frozenset[str]  # "a father of two": the number is a family's size
    killing: frozenset[str]  # "the killing of a journalist": the one "of" it was killed
    fatal_nouns: frozenset[str]  # ... and "the fatal stabbing of a student"
    fatal_words: frozenset[str]
    care_verbs: frozenset[str]  # "taken to hospital", "treated for": the people were hurt
    care_places: frozenset[str]


@cache
def _kind_words() -> _KindWords:
    raw = _read_toml(KINDS_FILE)
    return _KindWords(
        object=raw["object"],
        subject=raw["subject"],
        predicate=raw["predicate"],
        phrase=raw["phrase"],
        noun=raw["noun"],
        thing=frozenset(raw["thing"]["words"]),
        population=frozenset(raw["population"]["words"]),
        unit=frozenset(raw["unit"]["words"]),
        inclusive=frozenset(raw["inclusive"]["words"]),
        measure=frozenset(raw["measure"]["words"]),
        kin=frozenset(raw["kin"]["words"]),
        killing=frozenset(raw["killing"]["nouns"]),
        fatal_nouns=frozenset(raw["killing"]["fatal_nouns"]),
        fatal_words=frozenset(raw["killing"]["fatal_words"]),
        care_verbs=frozenset(raw["care"]["verbs"]),
        care_places=frozenset(raw["care"]["places"]),
    )


def _lookup(token: Token, table: Mapping[str, CountKind]) -> CountKind | None:
    return table.get(token.lemma_.lower()) or table.get(token.lower_)


def _in(token: Token, words: frozenset[str]) -> bool:
    return token.lemma_.lower() in words or token.lower_ in words


@dataclass(frozen=True, slots=True)
class _Governor:
    """The verb the counted group depends on, and the group's role in it."""

    verb: Token | None
    role: str  # "object" (what is done to it), "subject", "doer", or "other"
    path: tuple[Token, ...]  # the tokens climbed through, nearest first
    inclusive: bool  # the group is folded into another ("including two")


def _governor(anchor: Token) -> _Governor:
    words = _kind_words()
    token, path = anchor, list[Token]()
    for _ in range(MAX_WALK_STEPS):
        while token.dep_ == "conj" and token.head.i != token.i:
            token = token.head  # "troops and hundreds of protesters": the first conjunct's role
        head = token.head
        if head.i == token.i:
            break
        if head.pos_ in VERB_POS and head.dep_ not in PASS_THROUGH_DEPS:
            inclusive = any(_in(t, words.inclusive) for t in path)
            return _Governor(head, _role(token, head, inclusive), tuple(path), inclusive)
        path.append(head)
        token = head
    return _Governor(None, "other", tuple(path), False)


def _role(child: Token, verb: Token, inclusive: bool) -> str:
    dep = child.dep_
    if dep in OBJECT_DEPS or inclusive:
        return "object"
    if dep == "agent":
        return "doer"
    if dep in SUBJECT_DEPS:
        return "object" if _headline_passive(verb) else "subject"
    return "other"


def _headline_passive(verb: Token) -> bool:
    """ "Six Palestinians killed by troops": a past participle without "have" or an object."""
    if verb.tag_ != "VBN":
        return False
    return not any(c.dep_ in ("aux", "dobj") and c.lemma_ != "be" for c in verb.children)


def _attached_kind(group: Token) -> CountKind | None:
    """What the words hanging on the group say: "people killed", "wounded soldiers"."""
    words = _kind_words()
    for child in group.children:
        kind = None
        if child.dep_ == "amod":
            kind = _lookup(child, words.predicate)
        elif child.dep_ in ("acl", "relcl"):
            kind = _lookup(child, words.predicate) or _clause_kind(child)
        if kind:
            return kind
    return None


def _clause_kind(verb: Token) -> CountKind | None:
    """ "people killed", "people who were arrested" count objects; "people who fled" subjects."""
    words = _kind_words()
    deps = {c.dep_ for c in verb.children}
    passive = bool(deps & {"nsubjpass", "auxpass"}) or (verb.tag_ == "VBN" and "nsubj" not in deps)
    return _lookup(verb, words.object if passive else words.subject)


def _verb_kind(gov: _Governor) -> tuple[CountKind | None, str]:
    words = _kind_words()
    verb = gov.verb
    if verb is None or gov.role == "doer":
        return None, ""
    if gov.role in ("object", "subject"):
        kind = _lookup(verb, words.object if gov.role == "object" else words.subject)
        if kind:
            return kind, f"{gov.role} of '{verb.text}'"
    if verb.tag_ == "VBG" and verb.lower_ in words.predicate:
        return words.predicate[verb.lower_], f"'{verb.text}'"  # "three journalists are missing"
    if gov.role == "other":  # "shot dead a boy during a clash with 30 youths": the verb's victim is not them
        return None, ""
    for child in verb.children:
        kind = _complement_kind(child, gov.role)
        if kind:
            return kind, f"'{verb.text} {child.text}'"
    return None, ""


def _complement_kind(child: Token, role: str) -> CountKind | None:
    words = _kind_words()
    if child.dep_ == "ccomp" and role == "subject":
        return None  # "two residents told reporters six people were killed": what they said, not them
    if child.dep_ in COMPLEMENT_DEPS:
        kind = _lookup(child, words.predicate)
        if kind or child.dep_ != "xcomp" or role != "object":
            return kind
        return _lookup(child, words.subject)  # "forced 10,000 people to flee"
    if child.dep_ == "prep":
        objects = [c for c in child.children if c.dep_ == "pobj"]
        if objects:
            return words.phrase.get(f"{child.lower_} {objects[0].lemma_.lower()}")
    if child.dep_ == "dobj" and role == "subject":  # "three officers suffered minor injuries"
        return words.phrase.get(f"{child.head.lemma_.lower()} {child.lemma_.lower()}")
    return None


def _noun_kind(noun: Token | None, gov: _Governor) -> tuple[CountKind | None, str]:
    """The counted noun, then the nouns the group hangs from ("the bodies of 12 people")."""
    words = _kind_words()
    nouns = [t for t in (noun, *gov.path) if t is not None and t.pos_ in NOUN_POS]
    if gov.verb is not None and gov.role != "doer":  # "the death toll rose to 40"
        nouns += [c for c in gov.verb.children if c.dep_ == "nsubj" and _in(c, words.measure)]
    for token in nouns:
        if _in(token, words.population):
            return None, f"population: '{token.text}'"
        kind = _lookup(token, words.noun)
        if kind:
            return kind, f"noun '{token.text}'"
    return None, ""


def _decide_kind(noun: Token | None, anchor: Token, gov: _Governor) -> tuple[CountKind | None, str]:
    """The kind and the reason for it; kind None = not an event count (reason says why)."""
    words = _kind_words()
    if noun is not None and _in(noun, words.thing):
        return "other", f"thing '{noun.text}'"
    for group in dict.fromkeys(t for t in (noun, anchor) if t is not None):
        kind = _attached_kind(group)
        if kind:
            return kind, f"attached to '{group.text}'"
    kind, reason = _verb_kind(gov)
    if kind:
        return kind, reason
    kind, reason = _noun_kind(noun, gov)
    if kind != "killed" and gov.verb is not None and _cared_for(gov):  # "protesters were taken to
        return "injured", f"'{gov.verb.text}' to care"  # hospital"; "the bodies of 12 people" stay the dead
    if kind or reason:
        return kind, reason
    return None, "no event around it"


def _cared_for(gov: _Governor) -> bool:
    """The group is what a verb of care did: "were taken to hospital", "were treated for burns"."""
    words, verb = _kind_words(), gov.verb
    if verb is None or gov.role != "object" or not _in(verb, words.care_verbs):
        return False
    for prep in (c for c in verb.children if c.dep_ == "prep"):
        place = next((o for o in prep.children if o.dep_ == "pobj"), None)
        if prep.lower_ in ("to", "in", "at", "into") and place is not None and _in(place, words.care_places):
            return True
        if prep.lower_ == "for" and verb.lemma_.lower() == "treat":
            return True
    return verb.lemma_.lower() in ("hospitalise", "hospitalize")


# --------------------------------------------------------------------------- find_counts


@dataclass(frozen=True, slots=True)
class CountCandidate:
    """A quantity found in the text: kept as a `Count`, or skipped with a reason.

    Attributes:
        text: The quantity phrase ("at least 18").
        start: Char offset of the phrase in `doc.text`.
        end: Char offset of its end.
        quantity: The phrase read as a range.
        count: The count, or None when the number is not an event count.
        reason: Why it was kept (the evidence for its kind) or skipped.
    """

    text: str
    start: int
    end: int
    quantity: Quantity
    count: Count | None
    reason: str


def find_counts(span: Span | Doc) -> list[Count]:
    """Find the event counts in a sentence (or a whole Doc).

    Args:
        span: A parsed sentence, or a Doc (parser and NER required).

    Returns:
        Counts in text order; `text == doc.text[start:end]` for each, where
        `text` is the quantity with the group it counts ("at least 18 members
        of the security forces") and `who` that group without the number.

    Example:
        >>> [c.kind for c in find_counts(nlp("More than 2,000 people have been arrested."))]
        ['arrested']
    """
    return [c.count for c in find_count_candidates(span) if c.count is not None]


# Kinds a person is counted in by being named ("a police officer was killed": killed 1).
NAMED_KINDS = frozenset({"killed", "injured", "arrested", "missing"})
# [object] verbs whose object is no person often enough that naming counts nothing ("held a rally").
NAMED_VERB_SKIP = frozenset({"hold", "draw", "attract", "evacuate", "displace", "execute"})
# Determiners of one person ("a police officer", "the driver", "one man", "another soldier").
ONE_DETS = frozenset({"a", "an", "the", "one", "another", "this", "that"})
# Pronouns of one person: "he was arrested".
ONE_PRONOUNS = frozenset({"he", "she", "him", "her"})
# Entities that are no person: "killed the deal", "arrested the rise of ...".
NOT_PEOPLE_ENTITIES = frozenset({"GPE", "LOC", "FAC", "ORG", "DATE", "TIME", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "MONEY"})


def named_counts(span: Span | Doc, counts: list[Count]) -> list[Count]:
    """People counted by naming them (ACLED counts a named death as fatalities 1; see the desk
    guidelines): the object or passive subject of a killing, wounding, arrest or abduction verb,
    or the subject of a dying one ("a second protester died overnight"), that is one person ("a
    bomb technician", "the driver", a PERSON name, "he"), with each conjoined one ("a police
    officer and a bomb technician were killed": 2), a figure conjoined with them included
    ("wounding the driver and three passengers": 4, which the caller keeps in place of the 3);
    and conjoined figures, summed ("nine officers and 14 civilians were hurt": 23 in place of the
    9 and the 14; ACLED files one total). Plural nouns with no number ("protesters were
    arrested") count nothing; a negated verb counts nothing; a group some quantity already
    counts is not counted again.
    """
    words = _kind_words()
    taken = [(c.start, c.end) for c in counts]
    out: list[Count] = []
    for verb in span:
        if verb.pos_ == "NOUN":  # "the fatal shooting of a teenager", "the killing of a journalist"
            kind, group = _killed_of(verb)
        else:
            kind = (_lookup(verb, words.object) or _dead(verb)) if verb.pos_ == "VERB" else None
            dying = kind is None and verb.pos_ == "VERB" and _lookup(verb, words.subject) == "killed"
            if dying:  # "a second protester died overnight": killed 1
                kind = "killed"
            # "a bank teller suffered minor injuries", "the mayor was treated for wounds": the subject
            # is the one hurt
            phrased = kind is None and verb.pos_ == "VERB" and (kind := _phrase_kind(verb)) is not None
            if kind not in NAMED_KINDS or verb.lemma_.lower() in NAMED_VERB_SKIP:
                continue
            if any(c.dep_ == "neg" for c in verb.children):
                continue
            passive = _passive(verb)
            role = "nsubj" if dying or phrased and not passive else "nsubjpass" if passive else "dobj"
            group = next((c for c in verb.children if c.dep_ == role), None)
            if group is None and verb.dep_ == "conj" and verb.tag_ == "VBN" and _passive(verb.head):
                # "a guard was shot dead and a shop assistant wounded": the auxiliary is the first verb's
                group = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if group is None:
            continue
        members = [group, *(t for t in group.conjuncts if t.i > group.i)]
        people = [t for t in members if _one_person(t)]
        counted = [c for c in counts if c.kind == kind and any(c.start <= t.idx < c.end for t in members)]
        if len(people) + len(counted) < len(members):
            continue  # a plural with no number among them ("the driver and passengers"): no figure
        if not people and len(counted) < 2:
            continue  # one figure alone is its own count
        if any(c.kind == kind and c not in counted and _governs(verb, c, span) for c in counts):
            continue  # the verb's own figure counts them
        doc = verb.doc
        first, last = min(t.left_edge.i for t in members), max(t.right_edge.i if t in people else t.i for t in members)
        start, end = doc[first].idx, doc[last].idx + len(doc[last])
        if any(s < end and start < e for s, e in taken if not any(c.start == s and c.end == e for c in counted)):
            continue
        n = len(people) + sum(c.best or c.low or 0 for c in counted)
        text = doc.text[start:end]
        out.append(Count(kind=kind, low=n, high=n, best=n, text=text, start=start, end=end, who=text))
    return _summed(out, span.doc.text)


def _summed(named: list[Count], text: str) -> list[Count]:
    """One sentence's people named in separate clauses, of one kind, are that many in all ("the police
    chief was critically injured and a bank teller suffered minor injuries": injured 2); the count
    spans them all."""
    out: list[Count] = []
    for kind in dict.fromkeys(c.kind for c in named):
        same = [c for c in named if c.kind == kind]
        if len(same) == 1:
            out += same
            continue
        n, start, end = sum(c.best or 0 for c in same), same[0].start, same[-1].end
        words = text[start:end]
        out.append(Count(kind=kind, low=n, high=n, best=n, text=words, start=start, end=end, who=words))
    return sorted(out, key=lambda c: c.start)


def _phrase_kind(verb: Token) -> CountKind | None:
    """The kind a verb's object or prepositional phrase gives its subject (`[phrase]` of the data
    file: "suffered injuries", "treated for wounds", "held in custody"), as `_complement_kind` reads it."""
    return next((k for c in verb.children if c.dep_ in ("dobj", "prep") and (k := _complement_kind(c, "subject"))),
                None)


def _killed_of(noun: Token) -> tuple[CountKind | None, Token | None]:
    """("killed", the one "of" a killing noun: the `[killing]` table of the data file) or (None, None)."""
    words = _kind_words()
    lemma = noun.lemma_.lower()
    fatal = lemma in words.fatal_nouns and any(
        c.dep_ == "amod" and c.lower_ in words.fatal_words for c in noun.children)
    if lemma not in words.killing and not fatal:
        return None, None
    prep = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    group = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    return ("killed", group) if group is not None else (None, None)


def _dead(verb: Token) -> CountKind | None:
    """'killed' for a verb predicated dead ("shot dead", "was beaten dead"), else None."""
    return "killed" if any(c.lower_ == "dead" and c.dep_ in COMPLEMENT_DEPS for c in verb.children) else None


def _passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def _governs(verb: Token, count: Count, span: Span | Doc) -> bool:
    """True when a count's words hang from this verb (the verb's own toll)."""
    doc = verb.doc
    return verb.left_edge.idx <= count.start and count.end <= verb.right_edge.idx + len(verb.right_edge) and any(
        t.idx >= count.start and t.idx < count.end and verb in t.ancestors for t in doc[verb.left_edge.i : verb.right_edge.i + 1]
    )


def _named_people(group: Token) -> list[Token]:
    """The group and its conjuncts when every one is one person; [] otherwise."""
    members = [group, *(t for t in group.conjuncts if t.i > group.i)]
    return members if all(_one_person(t) for t in members) else []


def _one_person(tok: Token) -> bool:
    if tok.lower_ in ONE_PRONOUNS:
        return True
    if tok.ent_type_ == "PERSON":
        return True
    if tok.pos_ != "NOUN" or tok.tag_ != "NN" or tok.ent_type_ in NOT_PEOPLE_ENTITIES or names_an_act(tok):
        return False  # names_an_act: "a police shooting" the parser read as police shooting
    if _in(tok, _kind_words().thing) or any(c.dep_ == "nummod" for c in tok.children):
        return False
    # "a bomb technician", "his wife", "the town's police chief", "Kenya's interior minister"
    return any(c.dep_ == "poss" or c.dep_ == "det" and c.lower_ in ONE_DETS for c in tok.children)


def find_count_candidates(span: Span | Doc) -> list[CountCandidate]:
    """Every quantity phrase in `span`, each kept as a count or skipped with its reason."""
    doc = span if isinstance(span, Doc) else span.doc
    found: list[CountCandidate] = []
    verbs: list[Token | None] = []
    for first, last, quantity in _quantity_phrases(span):
        candidate, verb = _read_candidate(doc, first, last, quantity, found, verbs)
        if candidate.count is None:
            log.debug("skipped quantity %r: %s", candidate.text, candidate.reason)
        found.append(candidate)
        verbs.append(verb)
    return found


def _quantity_phrases(span: Span | Doc) -> Iterator[tuple[int, int, Quantity]]:
    """Longest quantity phrases, left to right, as (first token, end token, quantity)."""
    doc = span if isinstance(span, Doc) else span.doc
    start, stop = (0, len(doc)) if isinstance(span, Doc) else (span.start, span.end)
    i = start
    while i < stop:
        if _can_start(doc[i]):
            for j in range(min(stop, i + MAX_QUANTITY_TOKENS), i, -1):
                quantity = parse_quantity(doc[i:j].text)
                if quantity is not None:
                    yield i, j, quantity
                    i = j
                    break
            else:
                i += 1
        else:
            i += 1


def _can_start(token: Token) -> bool:
    return token.like_num or token.lower_ in _quantity_words().start_words


def _read_candidate(
    doc: Doc,
    first: int,
    end: int,
    quantity: Quantity,
    earlier: list[CountCandidate],
    earlier_verbs: list[Token | None],
) -> tuple[CountCandidate, Token | None]:
    phrase = doc[first:end]
    top = _phrase_top(phrase)
    noun, anchor = _counted_noun(doc, first, end, top)
    skip = _skip_reason(doc, first, end, noun)
    gov = _governor(anchor)
    kind, reason = (None, skip) if skip else _decide_kind(noun, anchor, gov)
    count = None
    if kind is not None:
        who_span = _who_span(doc, noun, end) if noun is not None else None
        who = who_span.text if who_span is not None else None
        if who is None and gov.inclusive:
            who = _inherited_who(gov.verb, earlier, earlier_verbs)
        count = _make_count(doc, phrase, who_span, kind, quantity, who)
    candidate = CountCandidate(
        phrase.text, phrase.start_char, phrase.end_char, quantity, count, reason
    )
    return candidate, gov.verb


def _phrase_top(phrase: Span) -> Token:
    """The token of the phrase whose head lies outside it (the last such, e.g. "million")."""
    outside = [t for t in phrase if not (phrase.start <= t.head.i < phrase.end) or t.head.i == t.i]
    return outside[-1] if outside else phrase[-1]


def _counted_noun(doc: Doc, first: int, end: int, top: Token) -> tuple[Token | None, Token]:
    """The noun the number counts, and the token whose role in the clause is the group's."""
    head = top.head
    if head.i >= end and head.pos_ in NOUN_POS and top.dep_ in COUNTING_DEPS and _one_line(doc, end, head.i):
        return head, head  # "18 members", "19 million people", "several buildings"
    for token in doc[first:end]:
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "of" and child.i >= end:
                objects = [c for c in child.children if c.dep_ == "pobj" and _one_line(doc, end, c.i)]
                if objects:
                    return objects[0], top  # "dozens of protesters"
    return None, top  # "including two found beheaded", "killing 12"


def _one_line(doc: Doc, start: int, end: int) -> bool:
    """No line break between the tokens: the parser sometimes joins a number to the next
    paragraph's first noun ("... eight" + blank line + "COLOMBO")."""
    return not any(t.is_space and "\n" in t.text or "\n" in t.whitespace_ for t in doc[start - 1 : end])


def _skip_reason(doc: Doc, first: int, end: int, noun: Token | None) -> str:
    """Why these words are not a count of people or things; "" when they may be."""
    words = _kind_words()
    for token in doc[first:end]:
        if token.ent_type_ in SKIP_ENTITY_LABELS:
            return SKIP_ENTITY_LABELS[token.ent_type_]
        if ORDINAL_RE.match(token.text):
            return "ordinal"
    if first > 0 and doc[first - 1].tag_ == "$":
        return "money"
    if first > 0 and doc[first - 1].lower_ in NEGATIONS:
        return "negated"  # "no one was killed": a zero count is not read (yet)
    following = [t for t in doc[end : end + 2] if t.text != "-"][:1]
    if (noun is not None and _in(noun, words.unit)) or any(_in(t, words.unit) for t in following):
        return "unit"
    text = doc[first:end].text
    if noun is None and text.isdigit() and len(text) == 4 and YEAR_MIN <= int(text) <= YEAR_MAX:
        return "year"
    if noun is not None and _in_subset(noun):
        return "part of a toll already counted"  # "killing seven, including four soldiers"
    of = _of_head(doc[first:end])
    if of is not None and noun is None and _in(of, words.kin):
        return "family size"  # "a father of two"
    if of is not None and (of.like_num or any(c.dep_ == "nummod" for c in of.children)):
        return "whole of a part"  # "two of the 30 hostages", "five members of one family": the part is counted
    return ""


# Prepositions that introduce a part of a group already counted ("including four soldiers",
# "among them three children").
SUBSET_PREPS = frozenset({"including", "among", "incl"})


def _in_subset(noun: Token) -> bool:
    """The counted noun (or the first of its conjuncts) names a part of a group counted before."""
    while noun.dep_ == "conj" and noun.head.i != noun.i:
        noun = noun.head
    prep = noun.head
    # "were among seven people killed": the group after a copula's "among" is the whole
    return noun.dep_ == "pobj" and prep.lower_ in SUBSET_PREPS and prep.head.lemma_ != "be"


def _of_head(phrase: Span) -> Token | None:
    """The word an "of" phrase holding these words hangs from ("father" in "a father of two",
    "Two" in "two of the 30 hostages"), else None."""
    tok = phrase.root
    while tok.dep_ in ("nummod", "quantmod", "compound", "amod", "det") and tok.head is not tok:
        tok = tok.head
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head is not tok.head:
        return tok.head.head
    return None


def _who_span(doc: Doc, noun: Token, phrase_end: int) -> Span | None:
    """The counted group without the number: the noun, its modifiers, its "of" phrase."""
    left = max(noun.left_edge.i, phrase_end)
    while left < noun.i and (doc[left].dep_ in WHO_DROP_DEPS or doc[left].tag_ == "PRP$"):
        left += 1
    right = noun.i
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            right = child.right_edge.i
    return doc[min(left, noun.i) : right + 1]


def _inherited_who(
    verb: Token | None, earlier: list[CountCandidate], earlier_verbs: list[Token | None]
) -> str | None:
    """ "18 members ... were killed, including two": the two are of the earlier group."""
    for candidate, other_verb in zip(reversed(earlier), reversed(earlier_verbs), strict=True):
        if verb is not None and other_verb == verb and candidate.count is not None:
            return candidate.count.who
    return None


def _make_count(
    doc: Doc,
    phrase: Span,
    who_span: Span | None,
    kind: CountKind,
    quantity: Quantity,
    who: str | None,
) -> Count:
    start = phrase.start_char
    end = max(phrase.end_char, who_span.end_char if who_span is not None else 0)
    text = doc.text[start:end].rstrip()  # a trailing space token is not part of the count
    return Count(
        kind=kind,
        low=quantity.low,
        high=quantity.high,
        best=quantity.best,
        text=text,
        start=start,
        end=start + len(text),
        who=who,
    )
