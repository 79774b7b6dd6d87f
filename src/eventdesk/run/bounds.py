"""Bounded work per article: what the parser is given is never unbounded.

spaCy's cost is not linear in everything a hostile text can hold (measured on this machine):
- a run of punctuation or symbols with no space ("((((", 300k emoji) is tokenised in time
  quadratic in its length (4,000 brackets: 2.7 s; 16,000: 45 s);
- a very long "sentence" (no sentence end, or thousands of short lines the parser chains
  together) makes the parser and the extraction superlinear (a 4,300-token sentence: 3.7 s
  of parse alone) and its memory grow to gigabytes;
- the whole pipeline costs about 0.2 ms and 20 kB a token, so a 1 MB text is minutes and GBs.

So, before the parse: the text is cut at a paragraph boundary at `max_article_chars`, or at
max_article_chars / CHARS_PER_TOKEN tokens if that comes first (the rest is not processed, and
the article says so in its removed lines); runs of symbols longer than
MAX_WORD_CHARS get a space every MAX_WORD_CHARS characters in the text the parser
sees (one character for one, so offsets hold); and a stretch with no sentence end longer than
`max_sentence_chars` gets sentence starts preset at its line starts and, if a line is still too
long, at its last comma or space before the limit. spaCy's parser keeps preset sentence starts,
and normal prose (sentence ends every few hundred characters) has none preset, so its parse is
the same as without these bounds.
"""

from __future__ import annotations

import bisect
import re

from spacy.language import Language
from spacy.tokens import Doc

# Longest run of punctuation and symbols (no letter, digit or space: brackets, emoji) the
# tokenizer gets whole; its cost is ~ length² per run (100 characters: ~2 ms; 4,000: 2.7 s).
# Words, numbers and URLs mix letters in and are tokenised in linear time: never touched.
MAX_WORD_CHARS = 100
_LONG_RUN = re.compile(r"[^\w\s]{%d,}" % (MAX_WORD_CHARS + 1))
# At most max_article_chars / CHARS_PER_TOKEN tokens are parsed per article: prose has ~5-6
# characters a token, so it is bounded by its length; a flood of symbols or digits (a token a
# character, ~20 kB of parser memory each) is cut sooner.
CHARS_PER_TOKEN = 4
_TOKEN = re.compile(r"\w+|[^\w\s]")
# Where a sentence surely ends: sentence-final punctuation (and closing quotes or brackets)
# before white space, or a blank line. Stretches between these are what the parser may treat
# as one sentence.
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*(?=\s)|\n[ \t]*\n")
_LINE_START = re.compile(r"\n[ \t]*(?=\S)")
# A line that ends a sentence: sentence-final punctuation, closing quotes or brackets, or a colon.
_ENDS_SENTENCE = re.compile(r"[.!?…:;][\"'”’)\]]*[ \t]*$")
# A text whose lines mostly run on without a sentence end, or more than one of whose lines
# begins in lower case, is hard-wrapped prose: its line breaks are no paragraph breaks. Below
# this share of lines ending a sentence (of at least WRAPPED_MIN_LINES lines) the lines are left
# to the parser.
WRAPPED_SHARE = 0.5
WRAPPED_MIN_LINES = 6
_LINE = re.compile(r"^[ \t]*(\S[^\n]*)", re.MULTILINE)
_BLANK_LINE = re.compile(r"\n[ \t]*\n\s*(?=\S)")
# Inside an overlong line, a sentence start is preset after a clause break if there is one in
# the last part of the window, else after a space.
_CLAUSE_BREAK = re.compile(r"[,;:]\s+")
_SPACE = re.compile(r"\s+")
_WHITE = re.compile(r"\s")
# Tokens after which the parser may start a sentence inside a paragraph's first stretch.
_FINAL = frozenset({".", "!", "?", "…", ":", ";"})


def token_limit(text: str, max_chars: int) -> int:
    """How many characters of the text fit the bounds: `max_chars`, or fewer when the text holds
    more than max_chars / CHARS_PER_TOKEN tokens before that (a flood of symbols or numbers is
    a token a character; the parse costs by the token)."""
    budget = max(1, max_chars // CHARS_PER_TOKEN)
    for count, match in enumerate(_TOKEN.finditer(text, 0, max_chars), start=1):
        if count > budget:
            return match.start()
    return min(len(text), max_chars)


def cut_point(text: str, max_chars: int) -> int:
    """Where to cut a text over the bounds (`token_limit`): at or before the limit, at the last
    paragraph break, else line break, else sentence end, else space in the second half of the
    window; at the limit itself when there is none. `len(text)` when no cut is needed."""
    limit = token_limit(text, max_chars)
    if len(text) <= limit:
        return len(text)
    head = text[:limit]
    floor = limit // 2
    for separator in ("\n\n", "\n"):
        at = head.rfind(separator)
        if at >= floor:
            return at
    ends = [m.end() for m in _SENTENCE_END.finditer(head, floor)]
    if ends:
        return ends[-1]
    spaces = [m.start() for m in _SPACE.finditer(head, floor)]
    return spaces[-1] if spaces else limit


def break_long_runs(text: str) -> str:
    """The text with a space every MAX_WORD_CHARS characters of each longer run of symbols
    (same length; the parser's view only)."""
    runs = list(_LONG_RUN.finditer(text))
    if not runs:
        return text
    chars = list(text)
    for run in runs:
        for at in range(run.start() + MAX_WORD_CHARS, run.end(), MAX_WORD_CHARS):
            chars[at] = " "
    return "".join(chars)


def _split_line(text: str, start: int, end: int, limit: int) -> list[int]:
    """Offsets that cut text[start:end] into pieces of at most `limit` characters."""
    cuts: list[int] = []
    while end - start > limit:
        window_end = start + limit
        floor = start + limit // 2
        breaks = [m.end() for m in _CLAUSE_BREAK.finditer(text, floor, window_end)]
        if not breaks:
            breaks = [m.end() for m in _SPACE.finditer(text, floor, window_end)]
        at = breaks[-1] if breaks and breaks[-1] < window_end else window_end
        cuts.append(at)
        start = at
    return cuts


def _visible(text: str, start: int, end: int) -> int:
    """Characters in text[start:end] that are not white space (the fast path blanks sentences)."""
    return end - start - len(_WHITE.findall(text, start, end))


def sentence_starts(text: str, limit: int) -> list[int]:
    """Offsets where a sentence must start so that no stretch without a sentence end is longer
    than `limit` characters (white space aside); none for normal prose."""
    starts: list[int] = []
    begin = 0
    bounds = [m.end() for m in _SENTENCE_END.finditer(text)] + [len(text)]
    for end in bounds:
        if end - begin > limit and _visible(text, begin, end) > limit:
            lines = [begin] + [m.end() for m in _LINE_START.finditer(text, begin, end)] + [end]
            for a, b in zip(lines, lines[1:], strict=False):
                if a > begin:
                    starts.append(a)
                starts.extend(_split_line(text, a, b, limit))
        begin = end
    return starts


def paragraph_starts(text: str) -> list[int]:
    """The starts of the text's paragraphs: after every blank line and, where the text's lines
    are paragraphs, at every line start (a headline, a caption, a byline, a list item).

    spaCy's parser reads a line break as white space, so "Police fire tear gas at marchers" over
    "Two soldiers were killed in the north on Sunday." is one sentence to it (and a list item
    after a blank line, "- Rebels seized the town.", joins the item before it): one context for
    the typing rules, one sentence for the assembly, actors across both. A scraped page puts
    each paragraph on its own line; hard-wrapped prose (most lines running on with no sentence
    end: WRAPPED_SHARE) breaks its lines mid-sentence, and only its blank lines count."""
    lines = [(m.start(1), m.group(1)) for m in _LINE.finditer(text)]
    blank_after = {m.end() for m in _BLANK_LINE.finditer(text)}
    ending = sum(bool(_ENDS_SENTENCE.search(line)) for _, line in lines)
    running_on = sum(line[:1].islower() for _, line in lines[1:])  # a line that goes on with the sentence
    wrapped = (len(lines) >= WRAPPED_MIN_LINES and ending < WRAPPED_SHARE * len(lines)) or running_on > 1
    return [start for start, _ in lines[1:] if not wrapped or start in blank_after]


def sentence_lengths_over(doc: Doc, limit: int) -> bool:
    """Whether the parser made a sentence longer than `limit` characters, white space aside (the
    fast path blanks the sentences it does not parse: a sentence may span their spaces)."""
    return any(sum(len(t) for t in sent if not t.is_space) > limit for sent in doc.sents)


def rough_starts(text: str, limit: int) -> list[int]:
    """Every line start and sentence end of the text, plus the cuts of overlong lines: the
    sentence starts preset when the parser made an overlong sentence anyway."""
    starts = {m.end() for m in _SENTENCE_END.finditer(text)} | {m.end() for m in _LINE_START.finditer(text)}
    starts.update(sentence_starts(text, limit))
    return sorted(s for s in starts if 0 < s < len(text))


def bounded_doc(pipeline: Language, text: str, limit: int, starts: list[int] | None = None) -> Doc:
    """The unparsed Doc of a parser text (long runs broken) with sentence starts preset at
    `starts` (default: `sentence_starts(text, limit)` and `paragraph_starts(text)`), ready for
    `pipeline.pipe`. By default no paragraph is cut before its first sentence end (or a preset
    start): after an unstopped line the parser cut a lead at a dateline's slash, brackets or dash
    ("SANAA" / "/" / "RIYADH (Agency) - Gunmen ..."), leaving the lead's subject in a "sentence" of
    its own."""
    text = break_long_runs(text)
    doc = pipeline.make_doc(text)
    paragraphs = paragraph_starts(text) if starts is None else []
    offsets = sorted(set(sentence_starts(text, limit)) | set(paragraphs)) if starts is None else starts
    if len(doc) < 2:
        return doc
    token_starts = [token.idx for token in doc]
    preset = {_first_word(doc, token_starts, offset) for offset in offsets} - {0, len(doc)}
    for i in preset:
        doc[i].is_sent_start = True
    for i in (_first_word(doc, token_starts, offset) for offset in [0, *paragraphs] if starts is None):
        for j in range(i + 1, len(doc)):
            if j in preset or "\n" in doc[j].text or doc[j - 1].text in _FINAL:
                break
            doc[j].is_sent_start = False
    return doc


def _first_word(doc: Doc, token_starts: list[int], offset: int) -> int:
    """The index of the first token at or after `offset` that is not white space."""
    i = bisect.bisect_left(token_starts, offset)
    while i < len(doc) and doc[i].is_space:
        i += 1
    return i
