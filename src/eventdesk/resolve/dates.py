"""Resolve time expressions against the publication date, with a precision.

`find_times` reads a parsed article (a spaCy Doc or Span) and returns one `When` per time
expression that names a point in time: "on Thursday", "yesterday", "last week",
"Jan. 5, 2022", "three years ago". Relative expressions are resolved against the
publication date (the *anchor*); without one they keep their words but get no value
(precision "unknown"): a date that is invented is worse than none.

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
import tomllib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Any, Literal

from dateutil.relativedelta import relativedelta, weekday
from spacy.tokens import Doc, Span

from eventdesk.records import TimePrecision, When

log = logging.getLogger(__name__)

DATA_FILE = Path(__file__).parent / "data" / "time_words.toml"

# Datelines sit in the first lines of an article: lines 1-5 (0-based) in every ESC and
# MEANTIME dev document; deeper lines are body text that may quote other dates.
DATELINE_MAX_LINES = 8
# A dateline line is short ("PUBLISHED: 02:31 GMT, 12 March 2013 | UPDATED: ..." is 70
# characters); a longer line is a sentence that happens to mention a date.
DATELINE_MAX_CHARS = 120
# The date starts near the line start ("PUBLISHED: WEDNESDAY, " is 22 characters).
DATELINE_MAX_PREFIX = 40
# Publication dates given in UTC can trail the local date of the text by a day (ESC
# 19_11: a Monday-evening article stamped Tuesday 04:51Z). A month-day up to this many
# days after the anchor is read as this year's, not as last year's.
ANCHOR_SLACK_DAYS = 1
# Years of search either side of the anchor for a month-day (Feb 29 needs up to 4).
YEAR_SEARCH = 4
# Head hops from a time expression to the verb of its clause ("on" → "meet"); further
# up we leave the clause.
MAX_HEAD_HOPS = 3
# Two-digit years ("7/8/07"): below the pivot is 20YY, from it on 19YY.
TWO_DIGIT_YEAR_PIVOT = 50
# Words of left context that may turn a candidate into a set or a duration ("every").
LEFT_CONTEXT_WORDS = 2
NER_LABELS = frozenset({"DATE", "TIME"})
# A clause that completes another ("is due to vote", "will wear ... when it arrives")
# takes that one's future tense.
FOLLOWING_DEPS = frozenset({"xcomp", "advcl"})
# Handlers whose value depends on the publication date.
RELATIVE_HANDLERS = frozenset(
    {"md", "month_year_rel", "month", "day_word", "ago", "weekday", "rel_unit", "weekend"}
)

Resolved = tuple[date | None, TimePrecision, str]
Tense = Literal["past", "future", "unknown"]


@dataclass(frozen=True)
class _Pattern:
    name: str
    handler: str
    explicit: bool
    resolve: re.Pattern[str]
    scan: re.Pattern[str] | None


@dataclass(frozen=True)
class _Grammar:
    months: dict[str, int]
    weekdays: dict[str, int]
    numbers: dict[str, int]
    day_words: dict[str, int]
    month_left: frozenset[str]
    future_aux: frozenset[str]
    future_heads: frozenset[str]
    future_governors: frozenset[str]
    blockers: tuple[tuple[str, re.Pattern[str]], ...]
    patterns: tuple[_Pattern, ...]


@dataclass(frozen=True)
class _Resolution:
    value: date | None
    precision: TimePrecision
    reason: str
    is_date: bool
    match: re.Match[str] | None = None
    pattern: _Pattern | None = None


@dataclass(frozen=True)
class _Context:
    anchor: date | None
    tense: Tense
    grammar: _Grammar

    @property
    def future(self) -> bool:
        return self.tense == "future"


# --- loading the grammar --------------------------------------------------------------


def _full_names(words: dict[str, int]) -> list[str]:
    """The longest word per value: the full month or weekday names."""
    best: dict[int, str] = {}
    for word, value in words.items():
        if len(word) > len(best.get(value, "")):
            best[value] = word
    return list(best.values())


def _alternation(words: list[str], *, scan: bool) -> str:
    """A regex alternation, longest first; capitalised-only forms when scanning text."""
    ordered = sorted(words, key=len, reverse=True)
    if not scan:
        return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)
    forms = [f for w in ordered for f in (w.title(), w.upper())]
    return "(?-i:" + "|".join(re.escape(f) for f in forms) + ")"


def _expand(regex: str, raw: dict[str, Any], *, scan: bool, full_names: bool) -> str:
    months, weekdays = raw["months"], raw["weekdays"]
    month_words = _full_names(months) if full_names else list(months)
    weekday_words = _full_names(weekdays) if full_names else list(weekdays)
    numbers = _alternation(list(raw["numbers"]), scan=False)
    subs = {
        "{MONTH}": f"(?P<month>{_alternation(month_words, scan=scan)})",
        "{WEEKDAY}": f"(?P<weekday>{_alternation(weekday_words, scan=scan)})",
        "{NUM}": rf"(?P<n>\d+|{numbers})",
        "{DAY_WORD}": _alternation(list(raw["day_words"]), scan=False),
    }
    for key, sub in subs.items():
        regex = regex.replace(key, sub)
    return regex


def _compile_pattern(spec: dict[str, Any], raw: dict[str, Any]) -> _Pattern:
    regex = spec["regex"]
    resolve = re.compile(_expand(regex, raw, scan=False, full_names=False), re.I)
    scan = None
    if spec.get("scan", False):
        full = spec.get("scan_full_names", False)
        scan = re.compile(_expand(regex, raw, scan=True, full_names=full), re.I)
    return _Pattern(spec["name"], spec["handler"], spec.get("explicit", False), resolve, scan)


@cache
def _grammar() -> _Grammar:
    """Load the word lists and patterns once per process."""
    with DATA_FILE.open("rb") as fh:
        raw = tomllib.load(fh)
    ctx = raw["context"]
    grammar = _Grammar(
        months=raw["months"],
        weekdays=raw["weekdays"],
        numbers=raw["numbers"],
        day_words={" ".join(k.split()): v for k, v in raw["day_words"].items()},
        month_left=frozenset(ctx["month_left"]),
        future_aux=frozenset(ctx["future_aux"]),
        future_heads=frozenset(ctx["future_heads"]),
        future_governors=frozenset(ctx["future_governors"]),
        blockers=tuple((k, re.compile(v, re.I)) for k, v in raw["blockers"].items()),
        patterns=tuple(_compile_pattern(spec, raw) for spec in raw["pattern"]),
    )
    log.debug("loaded %d time patterns from %s", len(grammar.patterns), DATA_FILE)
    return grammar


# --- calendar arithmetic --------------------------------------------------------------


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _first_of_month(day: date) -> date:
    return day.replace(day=1)


def _year_of(text: str) -> int:
    year = int(text)
    if len(text) == 2:
        year += 2000 if year < TWO_DIGIT_YEAR_PIVOT else 1900
    return year


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _next_month_day(anchor: date, month: int, day: int) -> date | None:
    years = range(anchor.year, anchor.year + YEAR_SEARCH + 1)
    found = (_safe_date(y, month, day) for y in years)
    return next((d for d in found if d is not None and d >= anchor), None)


def _last_month_day(anchor: date, month: int, day: int) -> date | None:
    limit = anchor + timedelta(days=ANCHOR_SLACK_DAYS)
    years = range(anchor.year + 1, anchor.year - YEAR_SEARCH - 1, -1)
    found = (_safe_date(y, month, day) for y in years)
    return next((d for d in found if d is not None and d <= limit), None)


def _nearer(anchor: date, past: date | None, future: date | None) -> date | None:
    """The occurrence closer to the anchor; the past one on a tie."""
    if past is None or future is None:
        return past or future
    return future if (future - anchor) < (anchor - past) else past


def _month_day(anchor: date, month: int, day: int, tense: Tense) -> date | None:
    """The occurrence of a month-day that the clause's tense points to."""
    if tense == "future":
        return _next_month_day(anchor, month, day)
    past = _last_month_day(anchor, month, day)
    if tense == "past":
        return past
    return _nearer(anchor, past, _next_month_day(anchor, month, day))


def _month_year(anchor: date, month: int, rel: str | None, tense: Tense) -> int:
    """The year of a named month, relative to the anchor's month."""
    if rel == "last":
        return anchor.year if month < anchor.month else anchor.year - 1
    if rel == "next":
        return anchor.year if month > anchor.month else anchor.year + 1
    if rel == "this":
        return anchor.year
    ahead = anchor.year if month >= anchor.month else anchor.year + 1
    behind = anchor.year if month <= anchor.month else anchor.year - 1
    if tense != "unknown":
        return ahead if tense == "future" else behind
    months_ahead = (ahead - anchor.year) * 12 + month - anchor.month
    months_behind = (anchor.year - behind) * 12 + anchor.month - month
    return ahead if months_ahead < months_behind else behind


def _weekday_date(anchor: date, day: int, rel: str | None, future: bool) -> date:
    """A weekday relative to the anchor (python-dateutil's TH(-1) is 'on Thursday')."""
    wd = weekday(day)
    if rel == "last" or rel == "past":
        return anchor - timedelta(days=1) + relativedelta(weekday=wd(-1))
    if rel in ("next", "coming"):
        return anchor + timedelta(days=1) + relativedelta(weekday=wd(+1))
    return anchor + relativedelta(weekday=wd(+1) if future else wd(-1))


# --- handlers: one per pattern kind -----------------------------------------------------


def _group(m: re.Match[str], name: str) -> str | None:
    return m.groupdict().get(name)


def _month_of(m: re.Match[str], g: _Grammar) -> int:
    return g.months[m["month"].lower().rstrip(".")]


def _h_ymd(m: re.Match[str], ctx: _Context) -> Resolved:
    year, day = _year_of(m["y"]), int(m["d"])
    month = int(m["m"]) if _group(m, "m") else _month_of(m, ctx.grammar)
    if month > 12 >= day:  # 13/5/2010: day first
        month, day = day, month
    value = _safe_date(year, month, day)
    if value is None:
        return None, "unknown", f"not a calendar date: {year}-{month}-{day}"
    return value, "day", "explicit date"


def _h_ym(m: re.Match[str], ctx: _Context) -> Resolved:
    return date(_year_of(m["y"]), _month_of(m, ctx.grammar), 1), "month", "explicit month"


def _h_y(m: re.Match[str], ctx: _Context) -> Resolved:
    return date(int(m["y"]), 1, 1), "year", "explicit year"


def _h_md(m: re.Match[str], ctx: _Context) -> Resolved:
    assert ctx.anchor is not None
    month, day = _month_of(m, ctx.grammar), int(m["d"])
    value = _month_day(ctx.anchor, month, day, ctx.tense)
    if value is None:
        return None, "unknown", "not a calendar date"
    when = {"future": "next", "past": "most recent", "unknown": "nearest"}[ctx.tense]
    return value, "day", f"month-day: {when} occurrence from the publication date"


def _h_month_year_rel(m: re.Match[str], ctx: _Context) -> Resolved:
    assert ctx.anchor is not None
    shift = {"last": -1, "this": 0, "next": 1}[m["rel"].lower()]
    value = date(ctx.anchor.year + shift, _month_of(m, ctx.grammar), 1)
    return value, "month", f"month of {m['rel'].lower()} year"


def _h_month(m: re.Match[str], ctx: _Context) -> Resolved:
    assert ctx.anchor is not None
    rel = (_group(m, "rel") or "").lower() or None
    month = _month_of(m, ctx.grammar)
    year = _month_year(ctx.anchor, month, rel, ctx.tense)
    how = f"'{rel}'" if rel in ("last", "next", "this") else f"{ctx.tense} tense"
    return date(year, month, 1), "month", f"month name ({how})"


def _h_day_word(m: re.Match[str], ctx: _Context) -> Resolved:
    assert ctx.anchor is not None
    word = " ".join(m["word"].lower().split())
    offset = ctx.grammar.day_words[word]
    return ctx.anchor + timedelta(days=offset), "day", f"'{word}' from the publication date"


def _number(text: str, g: _Grammar) -> int | None:
    return int(text) if text.isdigit() else g.numbers.get(text.lower())


def _h_ago(m: re.Match[str], ctx: _Context) -> Resolved:
    assert ctx.anchor is not None
    n, unit = _number(m["n"], ctx.grammar), m["unit"].lower()
    if n is None:
        return None, "unknown", "vague number"
    anchor = ctx.anchor
    if unit == "day":
        return anchor - timedelta(days=n), "day", "days ago"
    if unit == "week":
        return _monday(anchor - timedelta(weeks=n)), "week", "weeks ago"
    if unit == "month":
        return _first_of_month(anchor - relativedelta(months=n)), "month", "months ago"
    return date(anchor.year - n, 1, 1), "year", "years ago"


def _h_weekday(m: re.Match[str], ctx: _Context) -> Resolved:
    assert ctx.anchor is not None
    rel = (_group(m, "rel") or "").lower() or None
    day = ctx.grammar.weekdays[m["weekday"].lower().rstrip(".")]
    value = _weekday_date(ctx.anchor, day, rel, ctx.future)
    if rel in ("last", "past", "next", "coming"):
        return value, "day", f"weekday: {rel} one from the publication date"
    if ctx.future:
        return value, "day", "weekday: first on or after the publication date (future tense)"
    return value, "day", "weekday: most recent on or before the publication date"


def _h_rel_unit(m: re.Match[str], ctx: _Context) -> Resolved:
    assert ctx.anchor is not None
    rel, unit = m["rel"].lower(), m["unit"].lower()
    shift = {"last": -1, "previous": -1, "this": 0, "next": 1, "coming": 1}[rel]
    anchor = ctx.anchor
    if unit == "week":
        return _monday(anchor + timedelta(weeks=shift)), "week", f"{rel} week"
    if unit == "month":
        return _first_of_month(anchor + relativedelta(months=shift)), "month", f"{rel} month"
    return date(anchor.year + shift, 1, 1), "year", f"{rel} year"


def _h_weekend(m: re.Match[str], ctx: _Context) -> Resolved:
    assert ctx.anchor is not None
    rel, anchor = (_group(m, "rel") or "the").lower(), ctx.anchor
    if rel == "last":  # the weekend before the current week's
        saturday = _monday(anchor) - timedelta(days=2)
    elif rel in ("next", "coming") or ctx.future:
        saturday = anchor + relativedelta(weekday=weekday(5)(+1))
    else:  # "the/this/past weekend" in a past clause: the current or latest one
        saturday = anchor + relativedelta(weekday=weekday(5)(-1))
    return _monday(saturday), "week", f"{rel} weekend (week precision)"


HANDLERS: dict[str, Callable[[re.Match[str], _Context], Resolved]] = {
    "ymd": _h_ymd,
    "ym": _h_ym,
    "y": _h_y,
    "md": _h_md,
    "month_year_rel": _h_month_year_rel,
    "month": _h_month,
    "day_word": _h_day_word,
    "ago": _h_ago,
    "weekday": _h_weekday,
    "rel_unit": _h_rel_unit,
    "weekend": _h_weekend,
}


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


def _group_times(art: _Article, start: int, end: int, anchor: date | None) -> Iterator[When]:
    g, text = _grammar(), art.text
    expr = text[start:end]
    ctx = _Context(anchor, _tense(art, start, end, g), g)
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
    for s, e in _candidates(art, start, end):
        found.extend(_group_times(art, s, e, anchor))
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
