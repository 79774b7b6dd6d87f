"""Counts: the quantities an article reports (killed, injured, arrested, ...).

Two readers:

- `parse_quantity` turns a quantity phrase ("at least 18", "dozens",
  "nearly 200", "hundreds of thousands") into a range (`Quantity`) following
  the conventions written at the top of `data/quantities.toml`.
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
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal
from functools import cache
from importlib import resources
from typing import Any, cast

from spacy.tokens import Doc, Span, Token

from eventdesk.records import Count, CountKind

log = logging.getLogger(__name__)

DATA_PACKAGE = "eventdesk.extract"
QUANTITIES_FILE = "data/quantities.toml"
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
DIGITS_RE = re.compile(r"^\d{1,3}(,\d{3})+$|^\d+$")
DECIMAL_RE = re.compile(r"^\d+(\.\d+)?$")
DASHES_RE = re.compile(r"[\u2010\u2011\u2012\u2013\u2014\u2212-]")


# --------------------------------------------------------------------------- quantities


@dataclass(frozen=True, slots=True)
class Quantity:
    """A quantity read as a range (conventions in `data/quantities.toml`).

    Attributes:
        low: Lowest figure the words allow; None when only a ceiling is stated.
        high: Highest figure; None when no upper bound is stated ("at least 18").
        best: The conservative single figure (ACLED-style); None for a bare ceiling.
        vague: True for vague words ("dozens") and approximations ("about", "nearly").
    """

    low: int | None
    high: int | None
    best: int | None
    vague: bool = False

    @staticmethod
    def exact(n: int) -> Quantity:
        """The range of a number stated exactly."""
        return Quantity(n, n, n, False)


@dataclass(frozen=True, slots=True)
class _QuantityWords:
    """The tables of quantities.toml, typed."""

    ones: Mapping[str, int]
    tens: Mapping[str, int]
    scales: Mapping[str, int]
    multipliers: Mapping[str, int]
    articles: frozenset[str]
    joiners: frozenset[str]
    vague: Mapping[str, Quantity]
    vague_multipliers: frozenset[str]
    prefix: Mapping[str, str]
    suffix: Mapping[str, str]
    range_prefixed: Mapping[str, str]
    range_bare: tuple[str, ...]
    nearly_low_fraction: Decimal
    approx_margin: Decimal
    start_words: frozenset[str]


def _read_toml(name: str) -> dict[str, Any]:
    with resources.files(DATA_PACKAGE).joinpath(name).open("rb") as fh:
        return tomllib.load(fh)


@cache
def _quantity_words() -> _QuantityWords:
    raw = _read_toml(QUANTITIES_FILE)
    words, mods, ranges = raw["words"], raw["modifiers"], raw["ranges"]
    vague = {k: Quantity(v["low"], v["high"], v["best"], True) for k, v in raw["vague"].items()}
    phrases = [*vague, *mods["prefix"], *ranges["prefixed"]]
    numbers = [*words["ones"], *words["tens"], *words["scales"], *words["multipliers"]]
    return _QuantityWords(
        ones=words["ones"],
        tens=words["tens"],
        scales=words["scales"],
        multipliers=words["multipliers"],
        articles=frozenset(words["other"]["articles"]),
        joiners=frozenset(words["other"]["joiners"]),
        vague=vague,
        vague_multipliers=frozenset(raw["vague_multipliers"]["words"]),
        prefix=mods["prefix"],
        suffix=mods["suffix"],
        range_prefixed=ranges["prefixed"],
        range_bare=tuple(ranges["bare"]),
        nearly_low_fraction=Decimal(str(raw["rules"]["nearly_low_fraction"])),
        approx_margin=Decimal(str(raw["rules"]["approx_margin"])),
        start_words=frozenset(p.split()[0] for p in phrases) | frozenset(numbers),
    )


def parse_quantity(text: str) -> Quantity | None:
    """Read a quantity phrase as a range.

    The phrase is the quantity alone, without the noun it counts: "at least 18",
    "more than 2,000", "nearly 200", "about 3,000", "up to 50", "dozens",
    "hundreds of thousands", "1.5 million", "twenty-five", "a dozen",
    "between 10 and 20". The conventions are documented in `data/quantities.toml`.

    Args:
        text: The quantity phrase.

    Returns:
        The range, or None when the text is not (only) a quantity ("2,000 people",
        "many", "the day").

    Example:
        >>> parse_quantity("more than 2,000")
        Quantity(low=2001, high=None, best=2001, vague=False)
    """
    words = _normalise(text)
    if not words:
        return None
    return _parse_range(words) or _parse_modified(words)


def _normalise(text: str) -> list[str]:
    spaced = DASHES_RE.sub(" - ", text.lower())
    return spaced.split()


def _parse_range(words: list[str]) -> Quantity | None:
    table = _quantity_words()
    if words[0] in table.range_prefixed:
        return _split_range(words[1:], table.range_prefixed[words[0]])
    for connector in table.range_bare:
        if connector in words[1:-1]:
            found = _split_range(words, connector)
            if found:
                return found
    return None


def _split_range(words: list[str], connector: str) -> Quantity | None:
    if connector not in words:
        return None
    cut = words.index(connector)
    left, right = words[:cut], words[cut + 1 :]
    if connector == "-" and not (_is_digits(left) and _is_digits(right)):
        return None  # "twenty-five" is a number, "10-20" a range
    low, high = _parse_core(left), _parse_core(right)
    if not low or not high or low.low is None or high.high is None or low.low >= high.high:
        return None
    return Quantity(low.low, high.high, low.low, low.vague or high.vague)


def _is_digits(words: list[str]) -> bool:
    return len(words) == 1 and bool(DIGITS_RE.match(words[0]))


def _parse_modified(words: list[str]) -> Quantity | None:
    table = _quantity_words()
    prefix, words = _strip_phrase(words, table.prefix, at_start=True)
    suffix, words = _strip_phrase(words, table.suffix, at_start=False)
    if suffix and words and words[-1] == "-":  # "2,000-plus"
        words = words[:-1]
    if prefix and suffix:
        return None
    core = _parse_core(words)
    if core is None:
        return None
    rule = prefix or suffix
    return _apply_rule(rule, core) if rule else core


def _strip_phrase(
    words: list[str], phrases: Mapping[str, str], *, at_start: bool
) -> tuple[str | None, list[str]]:
    """Remove the longest modifier phrase at one end; return its rule and the rest."""
    for size in range(min(len(words) - 1, 3), 0, -1):
        part = words[:size] if at_start else words[-size:]
        rule = phrases.get(" ".join(part))
        if rule:
            return rule, words[size:] if at_start else words[:-size]
    return None, words


def _parse_core(words: list[str]) -> Quantity | None:
    table = _quantity_words()
    if not words:
        return None
    phrase = " ".join(words)
    if phrase in table.vague:
        return table.vague[phrase]
    head = " ".join(words[:-1])
    if head in table.vague_multipliers:
        return _vague_times_unit(table.vague[head], words[-1])
    n = _parse_number(words)
    return Quantity.exact(n) if n is not None else None


def _vague_times_unit(vague: Quantity, unit_word: str) -> Quantity | None:
    """ "several hundred" = 300-999 (300): both ends multiplied, the top to the unit's edge."""
    table = _quantity_words()
    unit = table.scales.get(unit_word) or table.multipliers.get(unit_word)
    if unit is None or vague.low is None or vague.high is None or vague.best is None:
        return None
    return Quantity(vague.low * unit, (vague.high + 1) * unit - 1, vague.best * unit, True)


def _parse_number(words: list[str]) -> int | None:
    table = _quantity_words()
    if _is_digits(words):
        return int(words[0].replace(",", ""))
    if len(words) == 2 and DECIMAL_RE.match(words[0].replace(",", "")):
        unit = table.scales.get(words[1]) or table.multipliers.get(words[1])
        value = Decimal(words[0].replace(",", "")) * unit if unit else None
        return int(value) if value is not None and value == value.to_integral_value() else None
    return _parse_number_words(words)


def _parse_number_words(words: list[str]) -> int | None:
    """ "one hundred and fifty" = 150, "twenty-five" = 25, "a dozen" = 12, "two dozen" = 24."""
    table = _quantity_words()
    # `prev` is the kind of the last number word; a "+" marks a joiner after it.
    total, current, prev = 0, 0, ""
    for i, word in enumerate(words):
        step = _number_word_step(word, prev, first=i == 0, last=i == len(words) - 1)
        if step is None:
            return None
        if step == "ones":
            current += table.ones[word]
        elif step == "tens":
            current += table.tens[word]
        elif step == "unit":
            current = (current or 1) * (table.multipliers.get(word) or table.scales[word])
        elif step == "scale":
            total, current = total + (current or 1) * table.scales[word], 0
        elif step == "article":
            current = 1
        prev = step if step != "joiner" else prev + "+"
    return total + current if prev in ("ones", "tens", "unit", "scale") else None


def _number_word_step(word: str, prev: str, *, first: bool, last: bool) -> str | None:
    """The kind of one number word given the one before it; None if the sequence is not a number."""
    table = _quantity_words()
    if first and word in table.articles and not last:
        return "article"
    if word == "-":
        return "joiner" if prev == "tens" and not last else None  # "twenty-five"
    if word in table.joiners:
        return "joiner" if prev in ("unit", "scale") and not last else None  # "hundred and fifty"
    if word in table.ones:
        return "ones" if prev in ("", "tens", "tens+", "unit", "scale", "unit+", "scale+") else None
    if word in table.tens:
        return "tens" if prev in ("", "unit", "scale", "unit+", "scale+") else None
    if word in table.multipliers or table.scales.get(word) == 100:
        return "unit" if prev in ("", "ones", "tens", "article") else None
    if word in table.scales:
        return "scale" if prev in ("", "ones", "tens", "unit", "article") else None
    return None


def _apply_rule(rule: str, core: Quantity) -> Quantity:
    if core.vague:
        return _open_vague(rule, core)
    n = cast(int, core.best)
    table = _quantity_words()
    if rule == "at_least":
        return Quantity(n, None, n, False)
    if rule == "more_than":
        return Quantity(n + 1, None, n + 1, False)
    if rule == "nearly":
        high = max(n - 1, 0)
        low = min(_ceil(n * table.nearly_low_fraction), high)
        return Quantity(low, high, low, True)
    if rule == "about":
        margin = max(1, _round(n * table.approx_margin))
        return Quantity(max(n - margin, 0), n + margin, n, True)
    if rule == "up_to":
        return Quantity(None, n, None, False)
    if rule == "fewer_than":
        return Quantity(None, max(n - 1, 0), None, False)
    log.warning("unknown quantity rule %r in %s: ignored", rule, QUANTITIES_FILE)
    return core


def _open_vague(rule: str, core: Quantity) -> Quantity:
    """A modifier on a vague word keeps its range and opens it as the modifier says."""
    if rule in ("at_least", "more_than"):
        return Quantity(core.low, None, core.best, True)
    if rule in ("up_to", "fewer_than"):
        return Quantity(None, core.high, None, True)
    return core


def _ceil(value: Decimal) -> int:
    return int(value.to_integral_value(rounding=ROUND_CEILING))


def _round(value: Decimal) -> int:
    return int(value.to_integral_value(rounding=ROUND_HALF_UP))


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
    for child in verb.children:
        kind = _complement_kind(child, gov.role)
        if kind:
            return kind, f"'{verb.text} {child.text}'"
    return None, ""


def _complement_kind(child: Token, role: str) -> CountKind | None:
    words = _kind_words()
    if child.dep_ in COMPLEMENT_DEPS:
        kind = _lookup(child, words.predicate)
        if kind or child.dep_ != "xcomp" or role != "object":
            return kind
        return _lookup(child, words.subject)  # "forced 10,000 people to flee"
    if child.dep_ == "prep":
        objects = [c for c in child.children if c.dep_ == "pobj"]
        if objects:
            return words.phrase.get(f"{child.lower_} {objects[0].lemma_.lower()}")
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
    if kind or reason:
        return kind, reason
    return None, "no event around it"


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
    return ""


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
