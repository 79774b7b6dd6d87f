"""What the copy detector reads of a text: its sentences, each with its words and its syntax.

A sentence is a character span of the text, its *content-word stems* (stop words dropped,
words cut to a prefix, so that "protesters" and "protest" meet), its *skeleton* (function-word
trigrams with at most one content-word slot: a spinner swaps content words but keeps the
syntax, independent writers do not share it) and whether it is a quote. Headlines, datelines,
URLs and sentences of fewer than MIN_SENTENCE_WORDS content words are left out: they do not
tell a copy from an independent report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS

STEM_CHARS = 6  # words are cut to this prefix: "protesters"/"protest", "injured"/"injuries" meet
NEWS_STOP_WORDS = frozenset({"said", "says", "told", "according", "reported", "reports", "also",
                             "new", "year", "years", "week", "time", "people", "including"})  # fmt: skip
MIN_SENTENCE_WORDS = 3  # a sentence with fewer content words (a caption, "Source link") is skipped
HEADLINE_MAX_WORDS = 20  # a line this short without end punctuation is a headline/dateline/URL
QUOTE_SHARE = 0.5  # a sentence with this share of its characters inside quotation marks is a quote
QUOTE_MAX_LINES = 3  # an unclosed quotation mark stops counting after this many lines
MAX_SENTENCES = 400  # longer texts are cut (keeps the feature of a book-length page bounded)

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_END_PUNCT = (".", "!", "?", '"', "”", "'", "’", ")")
_QUOTE_OR_NEWLINE = re.compile(r"\n[ \t]*(?:\n[ \t]*)*|``|''|[\"“”]")
_OPENERS, _CLOSERS = frozenset({'"', "“", "``"}), frozenset({'"', "”", "''"})
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[\"“‘'(]?[A-Z0-9])")
_STOP = frozenset(w.lower() for w in STOP_WORDS) | NEWS_STOP_WORDS


@dataclass(frozen=True)
class Sentence:
    """A sentence of a text: its character span, its alignment features, whether it is a quote."""

    start: int
    end: int
    stems: frozenset[str]
    features: frozenset[str]
    quoted: bool


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of `text` (lines, then end punctuation + capital)."""
    spans = []
    for line in re.finditer(r"[^\n]+", text):
        start = line.start()
        for m in _SENTENCE_END.finditer(line.group(0)):
            spans.append((start, line.start() + m.start()))
            start = line.start() + m.end()
        spans.append((start, line.end()))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def content_stems(sentence: str) -> frozenset[str]:
    """Content-word stems of a sentence: lower-cased, stop words out, cut to STEM_CHARS."""
    out = set()
    for word in _WORD.findall(sentence):
        w = word.lower().replace("’", "'").removesuffix("'s")
        if (len(w) > 1 and w not in _STOP) or w.isdigit():
            out.add(w[:STEM_CHARS])
    return frozenset(out)


def skeleton_grams(sentence: str) -> frozenset[str]:
    """Function-word trigrams with at most one content-word slot ("at the _", "it could not").

    A spinner swaps content words but keeps the syntax; independent writers do not share it.
    """
    words = [w.lower().replace("’", "'") for w in _WORD.findall(sentence)]
    skeleton = [w if w in _STOP else "_" for w in words]
    grams = (skeleton[i : i + 3] for i in range(len(skeleton) - 2))
    return frozenset("#" + " ".join(g) for g in grams if g.count("_") <= 1)


def sentences(text: str) -> list[Sentence]:
    """The sentences of `text` that can align, with their features.

    Headline-like lines (short, no end punctuation: headlines, datelines, URLs, "Source link")
    and sentences with fewer than MIN_SENTENCE_WORDS content words are left out.
    """
    quoted = _quoted_chars(text)
    out = []
    for a, b in split_sentences(text)[:MAX_SENTENCES]:
        if _headline_like(text, a, b):
            continue
        stems = content_stems(text[a:b])
        if len(stems) >= MIN_SENTENCE_WORDS:
            share = sum(quoted[a:b]) / max(1, b - a)
            out.append(Sentence(a, b, stems, stems | skeleton_grams(text[a:b]), share >= QUOTE_SHARE))
    return out


def _headline_like(text: str, a: int, b: int) -> bool:
    line_start = text.rfind("\n", 0, a) + 1
    line_end = text.find("\n", b)
    line = text[line_start : len(text) if line_end < 0 else line_end].strip()
    return len(line.split()) <= HEADLINE_MAX_WORDS and not line.endswith(_END_PUNCT)


def _quoted_chars(text: str) -> bytearray:
    """1 for each character inside quotation marks ("…", “…”, ``…''), 0 elsewhere.

    A quote left open is closed at a blank line or after QUOTE_MAX_LINES lines.
    """
    inside = bytearray(len(text))
    is_open, opened_line, line_no, pos = False, 0, 0, 0
    for m in _QUOTE_OR_NEWLINE.finditer(text):
        if is_open:
            inside[pos : m.start()] = b"\x01" * (m.start() - pos)
        mark = m.group(0)
        if mark.startswith("\n"):
            line_no += mark.count("\n")
            if is_open and (mark.count("\n") > 1 or line_no - opened_line >= QUOTE_MAX_LINES):
                is_open = False
        elif mark in _OPENERS and not is_open:
            is_open, opened_line = True, line_no
        elif mark in _CLOSERS and is_open:
            is_open = False
        pos = m.end()
    return inside
