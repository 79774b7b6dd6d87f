"""The fast path's sentence pre-filter: parse only the sentences that can carry events.

A full parse costs ~0.2 ms a word on this machine (NER half of it, the parser a third); many
sentences of a news article report no event. Sentences without a trigger of the event lexicon (with its required objects, if the
family has any), without a time word and outside the lead are blanked: replaced by spaces of the
same length, so that the parse of what is left keeps every character offset of the cleaned text.
Written by hand because it must run before spaCy, on plain strings, in microseconds: no library
maps lemmas to surface forms without a parse.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from eventdesk.extract.events import lexicon

WORD = re.compile(r"[a-z]+(?:-[a-z]+)?")
# Sentence ends inside a line: ., ! or ? (and a closing quote or bracket), then space and a
# capital or an opening quote. A rough split is enough: spaCy re-splits what is kept.
SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]?\s+(?=[\"'“‘(]?[A-Z0-9])")


@dataclass(frozen=True)
class Filter:
    """Surface forms of triggers and of their families' required words."""

    triggers: dict[str, tuple[frozenset[str], ...]]  # form -> required-word sets (empty = none)
    keep_words: frozenset[str]  # time and hedge words: each keeps a sentence that has no trigger
    lead_lines: int


def _inflections(lemma: str) -> set[str]:
    """Regular inflections of an English verb or noun (over-generation is harmless here)."""
    forms = {lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "d", lemma + "ing"}
    if lemma.endswith("e"):
        forms |= {lemma[:-1] + "ing", lemma[:-1] + "ed"}
    if lemma.endswith("y"):
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if len(lemma) > 2 and lemma[-1] not in "aeiouwy" and lemma[-2] in "aeiou":
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}  # "stopped", "shipping"
    return forms


@cache
def load_filter() -> Filter:
    """The pre-filter built from the event lexicon and data/prefilter.toml (once per process)."""
    data = tomllib.loads(resources.files("eventdesk.extract").joinpath("data/prefilter.toml").read_text("utf-8"))
    irregular: dict[str, list[str]] = data["irregular"]

    def forms(lemma: str) -> set[str]:
        return _inflections(lemma) | set(irregular.get(lemma, ()))

    triggers: dict[str, list[frozenset[str]]] = {}
    for fam in lexicon().families:
        required = frozenset(f for w in fam.require_object | fam.require_head for f in forms(w))
        for lemma in fam.verbs | fam.nouns:
            for form in forms(lemma):
                triggers.setdefault(form, []).append(required)
    return Filter(
        triggers={k: tuple(v) for k, v in triggers.items()},
        keep_words=frozenset(data["time_words"]) | frozenset(data["hedge_words"]),
        lead_lines=int(data["lead_lines"]),
    )


def wanted(sentence: str, flt: Filter) -> bool:
    """Whether a sentence may report an event (or date one) and so must be parsed."""
    words = set(WORD.findall(sentence.lower()))
    if words & flt.keep_words:
        return True
    for word in words:
        for required in flt.triggers.get(word, ()):
            if not required or words & required:
                return True
    return False


def sentences(text: str) -> list[tuple[int, int]]:
    """Rough sentence spans (start, end) of a cleaned text, line by line."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        start = pos
        for m in SENTENCE_END.finditer(line):
            spans.append((start, pos + m.start()))
            start = pos + m.end()
        if start < pos + len(line):
            spans.append((start, pos + len(line)))
        pos += len(line) + 1
    return spans


def split_for_parse(text: str) -> tuple[str, str, float]:
    """The text to parse (unwanted sentences blanked), its complement (only those sentences,
    for a light tagging pass), and the share of characters kept for the parse."""
    flt = load_filter()
    lead_end = _lead_end(text, flt.lead_lines)
    parse, rest = list(text), list(text)
    blanked = 0
    for start, end in sentences(text):
        if start < lead_end or wanted(text[start:end], flt):
            rest[start:end] = " " * (end - start)
        else:
            parse[start:end] = " " * (end - start)
            blanked += end - start
    kept = 1.0 - blanked / len(text) if text else 1.0
    return "".join(parse), "".join(rest), kept


def _lead_end(text: str, lines: int) -> int:
    """Offset just past the first `lines` non-empty lines."""
    seen = 0
    for m in re.finditer(r"[^\n]*\S[^\n]*", text):
        seen += 1
        if seen >= lines:
            return m.end()
    return len(text)


# A first line with at least this share of capitalised words (of at least TITLE_MIN_WORDS
# words) is a Title Case headline: spaCy tags its verbs as proper nouns ("Russia Sends Troops"),
# so the words we know to be common (triggers, their objects, stop words) are lower-cased for
# the parse. Names keep their capitals; the first word too. Same length, same offsets.
TITLE_CASE_SHARE = 0.7
TITLE_MIN_WORDS = 4
_TITLE_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")


@cache
def _common_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    flt = load_filter()
    required = {w for sets in flt.triggers.values() for req in sets for w in req}
    return frozenset(flt.triggers) | frozenset(required) | frozenset(STOP_WORDS)


# A line ending in a word or a bracket, followed by a blank line: a headline, caption or teaser
# with no final stop. The parser would run it into the next paragraph ("... Russia sends troops
# / Illustration: ..." made "Illustration" the object of "sends").
_OPEN_PARAGRAPH_END = re.compile(r"(?<=[\w)\]])\n(?=[ \t]*\n)")


# A dateline opening a paragraph: a capitalised place, a comma and at most a date and an
# outlet, then a dash ("COLOMBO, July 9 (Indian Ocean Wire) - ", "Almaty, MINA – "). Unclosed,
# the parser makes the place the subject of the first sentence.
_DATELINE_DASH = re.compile(r"(?m)^[A-Z][\w.'-]*(?: [A-Z][\w.'-]*)*,[^\n.!?]{1,70}? ([-\u2013\u2014]) ")


def for_parser(text: str) -> str:
    """The text the parser sees: a Title Case headline in sentence case, every paragraph without
    a final stop closed by one, and every dateline's dash made a stop. Same length as `text` (one
    character for one), so offsets carry over; run/process.py re-reads evidence from the article."""
    out = _OPEN_PARAGRAPH_END.sub(".", sentence_case_headline(text))
    return _DATELINE_DASH.sub(lambda m: m.group(0)[: -2] + ". ", out)


def closed_stops(text: str) -> frozenset[int]:
    """The offsets where `for_parser` closes a paragraph with a stop the article lacks (a
    headline's, a caption's, a list item's): the line is still one with no sentence end
    (syntax.is_title_line)."""
    return frozenset(m.start() for m in _OPEN_PARAGRAPH_END.finditer(text))


def sentence_case_headline(text: str) -> str:
    """The text with a Title Case first line put in sentence case where the words are common."""
    end = text.find("\n")
    line = text[: len(text) if end < 0 else end]
    words = list(_TITLE_WORD.finditer(line))
    capitalised = [w for w in words if w.group()[0].isupper()]
    if len(words) < TITLE_MIN_WORDS or len(capitalised) / len(words) < TITLE_CASE_SHARE:
        return text
    common = _common_words()
    out = list(text)
    for w in words[1:]:
        word = w.group()
        if word[0].isupper() and word[1:].islower() and word.lower() in common:
            out[w.start()] = word[0].lower()
    return "".join(out)
