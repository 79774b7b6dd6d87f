"""Resolve time expressions against the publication date, with a precision.

`find_times` reads a parsed article (a spaCy Doc or Span) and returns one `When` per time
expression that names a point in time: "on Thursday", "yesterday", "last week",
"Jan. 5, 2022", "three years ago". Relative expressions are resolved against the
publication date (the *anchor*); without one they keep their words but get no value
(precision "unknown"): a date that is invented is worse than none.

The grammar (data/time_words.toml) and the handler that resolves each pattern kind
are in timex.py; this module finds the expressions and reads the clause's tense.

Conventions (see also data/time_words.toml):
- A bare weekday is the most recent such day on or before the publication date, the
  publication day itself included ("on Friday" in a Friday paper is that day); in a
  future-tense clause ("will meet on Monday") it is the first one on or after it.
  "last Monday" excludes the publication day, "next Monday" is strictly after it.
- A month-day without a year ("June 15") is its most recent occurrence in a past-tense
  clause, the next one in a future-tense clause, and the nearer of the two when the
  clause has no tense we can read ("arrives on November 11", a verbless headline); a
  bare month ("in March") likewise. `resolve_expression` reads past unless told future.
- `When.value` is the first day of the period: the day itself, the Monday of the ISO week,
  the 1st of the month, January 1st of the year.
- Durations ("30 years of independence", "for three days"), ages ("a 29-year-old"),
  sets ("every Friday") and times of day without a date ("7:37 AM") are not points in
  time: `find_times` returns nothing for them, and `resolve_expression` returns a When
  with value None and the reason.

Why our own grammar rather than dateparser: dateparser resolves a weekday to the previous
week when the article is published on that weekday, its `search_dates` invents dates
("30 years of" → 1992), and a call without `languages=['en']` can take 1.8 s. The common
news forms are few and regular, so a handful of regexes over spaCy's DATE/TIME entities
is both faster (well under a millisecond per article) and predictable.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from spacy.tokens import Doc, Span

from eventdesk.records import TimePrecision, When
from eventdesk.resolve.timex import (
    HANDLERS,
    RELATIVE_HANDLERS,
    Tense,
    _Context,
    _Grammar,
    _Pattern,
    _grammar,
    _group,
    _safe_date,
)

log = logging.getLogger(__name__)

# Datelines sit in the first lines of an article: lines 1-5 (0-based) in every ESC and
# MEANTIME dev document; deeper lines are body text that may quote other dates.
DATELINE_MAX_LINES = 8
# A dateline line is short ("PUBLISHED: 02:31 GMT, 12 March 2013 | UPDATED: ..." is 70
# characters); a longer line is a sentence that happens to mention a date.
DATELINE_MAX_CHARS = 120
# The date starts near the line start ("PUBLISHED: WEDNESDAY, " is 22 characters).
DATELINE_MAX_PREFIX = 40
# Head hops from a time expression to the verb of its clause ("on" → "meet"); further
# up we leave the clause.
MAX_HEAD_HOPS = 3
# Words of left context that may turn a candidate into a set or a duration ("every").
LEFT_CONTEXT_WORDS = 2
NER_LABELS = frozenset({"DATE", "TIME"})
# A clause that completes another ("is due to vote", "will wear ... when it arrives")
# takes that one's future tense.
FOLLOWING_DEPS = frozenset({"xcomp", "advcl"})


@dataclass(frozen=True)
class _Resolution:
    value: date | None
    precision: TimePrecision
    reason: str
    is_date: bool
    match: re.Match[str] | None = None
    pattern: _Pattern | None = None


# --- resolving one expression -----------------------------------------------------------


def _blocked(text: str, g: _Grammar) -> str | None:
    """The kind of non-date this text is (age, set, duration, year range), or None."""
    return next((name for name, rx in g.blockers if rx.search(text)), None)


def _apply(pattern: _Pattern, m: re.Match[str], ctx: _Context) -> _Resolution:
    if pattern.handler in RELATIVE_HANDLERS and ctx.anchor is None:
        reason = f"{pattern.name}: relative expression and no publication date"
        return _Resolution(None, "unknown", reason, True, m, pattern)
    value, precision, reason = HANDLERS[pattern.handler](m, ctx)
    return _Resolution(value, precision, reason, value is not None, m, pattern)


def _resolve_text(text: str, ctx: _Context, left: str = "") -> _Resolution:
    g = ctx.grammar
    kind = _blocked(f"{left} {text}", g)
    if kind is not None:
        return _Resolution(None, "unknown", f"not a date: {kind}", False)
    for pattern in g.patterns:
        m = pattern.resolve.search(text)
        if m is not None:
            return _apply(pattern, m, ctx)
    return _Resolution(None, "unknown", "no date pattern", False)


def resolve_expression(text: str, anchor: date | None, *, future: bool = False) -> When:
    """Resolve one bare time expression against a publication date.

    Args:
        text: the expression, e.g. "on Thursday", "Jan. 5, 2022", "three years ago".
        anchor: the publication date; None leaves relative expressions unresolved.
        future: the expression sits in a future-tense clause ("will meet on Monday").

    Returns:
        A When with value and precision, or value None and precision "unknown" with the
        reason (a duration, an age, a set, no publication date, no date pattern).

    Example:
        >>> resolve_expression("on Thursday", date(2022, 1, 7)).value
        datetime.date(2022, 1, 6)
    """
    res = _resolve_text(text, _Context(anchor, "future" if future else "past", _grammar()))
    precision: TimePrecision = res.precision if res.value is not None else "unknown"
    return When(
        value=res.value, precision=precision, expression=text, anchor=anchor, reason=res.reason
    )


# --- finding expressions in a parsed article --------------------------------------------


def _clean_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim an NER span to its first line and drop edge punctuation ("March 11,")."""
    newline = text.find("\n", start, end)
    if newline != -1:
        end = newline
    while end > start and not (text[end - 1].isalnum() or text[end - 1] == "."):
        end -= 1
    while start < end and not text[start].isalnum():
        start += 1
    return start, end


@dataclass(frozen=True)
class _Article:
    """A Doc with what we read from it more than once (spaCy rebuilds `Doc.text` per call)."""

    doc: Doc
    text: str
    parsed: bool


def _raw_candidates(art: _Article, start: int, end: int) -> Iterator[tuple[int, int]]:
    for ent in art.doc.ents:
        if ent.label_ in NER_LABELS and start <= ent.start_char and ent.end_char <= end:
            s, e = _clean_bounds(art.text, ent.start_char, ent.end_char)
            if e > s:
                yield s, e
    for pattern in _grammar().patterns:
        if pattern.scan is None:
            continue
        core = "core" in pattern.scan.groupindex
        for m in pattern.scan.finditer(art.text, start, end):
            yield m.span("core") if core else m.span()


def _candidates(art: _Article, start: int, end: int) -> list[tuple[int, int]]:
    """NER entities and pattern matches, overlapping ones merged into one span."""
    merged: list[tuple[int, int]] = []
    for s, e in sorted(_raw_candidates(art, start, end)):
        if merged and s < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged


def _in_url(text: str, start: int, end: int) -> bool:
    """Whether the expression sits inside a URL ("/news/2010-05-05/3-dead...")."""
    left = max(text.rfind(" ", 0, start), text.rfind("\n", 0, start)) + 1
    ends = [i for i in (text.find(" ", end), text.find("\n", end)) if i != -1]
    chunk = text[left : min(ends, default=len(text))]
    return "://" in chunk or chunk.startswith("www.")


def _left_words(text: str, start: int) -> str:
    line_start = text.rfind("\n", 0, start) + 1
    return " ".join(text[line_start:start].split()[-LEFT_CONTEXT_WORDS:])


def _clause_verb(token: Any, g: _Grammar) -> Any:
    """Climb from the expression to the verb (or forward-pointing head) of its clause."""
    for _ in range(MAX_HEAD_HOPS):
        if token.pos_ in ("VERB", "AUX") or token.lemma_.lower() in g.future_heads:
            return token
        if token.head is token:
            break
        token = token.head
    return token


def _tense(art: _Article, start: int, end: int, g: _Grammar) -> Tense:
    """The tense of the clause around an expression, from the dependency parse."""
    span = art.doc.char_span(start, end, alignment_mode="expand") if art.parsed else None
    if span is None:
        return "unknown"
    verb = _clause_verb(span.root, g)
    if verb.lemma_.lower() in g.future_heads or _has_future_aux(verb, g):
        return "future"
    governor = verb.head
    if verb.dep_ in FOLLOWING_DEPS and governor is not verb:
        if verb.dep_ == "xcomp" and _governs_future(governor, g):
            return "future"
        if _has_future_aux(governor, g):
            return "future"
    return "past" if _is_past(verb) else "unknown"


def _governs_future(governor: Any, g: _Grammar) -> bool:
    """'plans to', 'is due to', 'going to' (not 'went to'), 'is to be voted'."""
    lemma = governor.lemma_.lower()
    if lemma == "be":
        return governor.tag_ in ("VBZ", "VBP")
    if lemma in g.future_governors:
        return lemma != "go" or governor.tag_ == "VBG"
    return False


def _is_past(verb: Any) -> bool:
    """Simple past, a perfect, or a past participle ("killed on Saturday")."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    if verb.tag_ in ("VBD", "VBN"):
        return True
    return any(c.tag_ == "VBD" for c in verb.children if c.dep_.startswith("aux"))


def _has_future_aux(verb: Any, g: _Grammar) -> bool:
    return any(c.lower_ in g.future_aux for c in verb.children if c.dep_.startswith("aux"))


def _explicit_matches(expr: str, g: _Grammar) -> list[tuple[_Pattern, re.Match[str]]]:
    """Non-overlapping self-contained dates in one expression ("from 2009 to 2011")."""
    taken: list[tuple[_Pattern, re.Match[str]]] = []
    for pattern in g.patterns:
        if not pattern.explicit:
            continue
        for m in pattern.resolve.finditer(expr):
            if all(m.end() <= t.start() or m.start() >= t.end() for _, t in taken):
                taken.append((pattern, m))
    return sorted(taken, key=lambda pm: pm[1].start())


def _when(res: _Resolution, text: str, start: int, end: int, anchor: date | None) -> When:
    precision: TimePrecision = res.precision if res.value is not None else "unknown"
    return When(
        value=res.value,
        precision=precision,
        expression=text[start:end],
        anchor=anchor,
        start=start,
        end=end,
        reason=res.reason,
    )


def _bare_month(res: _Resolution, left: str, g: _Grammar) -> bool:
    """A month name alone with no preposition before it ("March participants chanted")."""
    if res.pattern is None or res.pattern.handler != "month" or res.match is None:
        return False
    if _group(res.match, "rel") or res.match.start() > 0:
        return False
    last = left.split()[-1].lower() if left else ""
    return last not in g.month_left


def _group_times(art: _Article, start: int, end: int, anchor: date | None, previous: date | None = None,
                 ) -> Iterator[When]:
    g, text = _grammar(), art.text
    expr = text[start:end]
    ctx = _Context(anchor, _tense(art, start, end, g), g, previous)
    explicit = _explicit_matches(expr, g)
    if len(explicit) > 1:
        for pattern, m in explicit:
            s, e = start + m.start(), start + m.end()
            yield _when(_apply(pattern, m, ctx), text, s, e, anchor)
        return
    if _in_url(text, start, end):
        log.debug("date %r inside a URL: not a time expression of the text", expr)
        return
    left = _left_words(text, start)
    res = _resolve_text(expr, ctx, left)
    if not res.is_date:
        log.debug("no date in %r: %s", expr, res.reason)
        return
    if _bare_month(res, left, g):
        log.debug("bare month name %r without a preposition: not a date", expr)
        return
    yield _when(res, text, start, end, anchor)


def find_times(doc_or_span: Doc | Span, anchor: date | None) -> list[When]:
    """Find and resolve the time expressions in a parsed article or sentence.

    Candidates are spaCy's DATE and TIME entities plus pattern matches for what the NER
    misses (data/time_words.toml); overlapping ones are merged. Durations, ages, sets and
    times of day without a date yield nothing (see the module docstring).

    Args:
        doc_or_span: a spaCy Doc, or a Span of one (e.g. a sentence).
        anchor: the publication date; None leaves relative expressions with value None
            and precision "unknown" (the expression is kept).

    Returns:
        One When per expression, in text order, with `start`/`end` character offsets into
        the Doc's text and a short `reason`.

    Example:
        >>> [w.value for w in find_times(nlp("Police fired on Thursday."), date(2022, 1, 7))]
        [datetime.date(2022, 1, 6)]
    """
    doc = doc_or_span.doc if isinstance(doc_or_span, Span) else doc_or_span
    art = _Article(doc, doc.text, doc.has_annotation("DEP"))
    start, end = 0, len(art.text)
    if isinstance(doc_or_span, Span):
        start, end = doc_or_span.start_char, doc_or_span.end_char
    found: list[When] = []
    previous: date | None = None  # the last day named: "the night before" counts from it
    for s, e in _candidates(art, start, end):
        for w in _group_times(art, s, e, anchor, previous):
            found.append(w)
            if w.precision == "day" and w.value is not None:
                previous = w.value
    return found


# --- publication date from a dateline ----------------------------------------------------

_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-]([01]?\d)[/-]([0-3]?\d)(?:[/-]|$)")


def _dateline_in(line: str, near: date | None) -> date | None:
    g = _grammar()
    ctx = _Context(near, "past", g)
    for pattern in g.patterns:
        if pattern.handler not in ("ymd", "md") or (pattern.handler == "md" and near is None):
            continue
        m = pattern.resolve.search(line)
        if m is not None and m.start() <= DATELINE_MAX_PREFIX:
            res = _apply(pattern, m, ctx)
            if res.value is not None:
                return res.value
    return None


def _url_date(lines: list[str]) -> date | None:
    for line in lines:
        if "://" not in line and not line.startswith("www."):
            continue
        m = _URL_DATE.search(line)
        if m is not None:
            return _safe_date(int(m[1]), int(m[2]), int(m[3]))
    return None


def publication_date(text: str, *, near: date | None = None) -> date | None:
    """Read the publication date from a dateline at the start of an article.

    Used when the metadata has none. Looks at the first short lines for a full date
    ("March 01, 2008", "PUBLISHED: 02:31 GMT, 12 March 2013", "Updated 5/5/2010 1:41 PM"),
    then at a date in a URL on those lines ("/2010/05/05/").

    Args:
        text: the article text.
        near: a date close to publication (a crawl or file date). Only with it is a
            dateline without a year ("ALMATY, Jan 6 (Reuters) -") resolved, to its most
            recent occurrence; without it such a dateline gives None, never a guess.

    Returns:
        The date, or None when no dateline is found.

    Example:
        >>> publication_date("Title\\nMarch 01, 2008\\nText.")
        datetime.date(2008, 3, 1)
    """
    lines = text.split("\n")[:DATELINE_MAX_LINES]
    for line in lines:
        if len(line.strip()) > DATELINE_MAX_CHARS or "://" in line:
            continue
        found = _dateline_in(line.strip(), near)
        if found is not None:
            return found
    return _url_date(lines)
