"""The time-expression grammar: word lists, patterns and what each pattern means.

`_grammar()` loads `data/time_words.toml` once per process (month, weekday, number and
day words, the context words that read tense, the "not a date" blockers) and compiles its
patterns, each for resolving a bare expression and, where marked, for scanning text.
`HANDLERS` maps each pattern's handler to the function that turns a match into a date,
a precision and a reason, given the publication date (the anchor) and the clause's tense,
using the calendar arithmetic defined here. dates.py finds the expressions in a parsed
article and applies these; the conventions are in its module docstring.
"""

from __future__ import annotations

import logging
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Any, Literal

from dateutil.relativedelta import relativedelta, weekday

from eventdesk.records import TimePrecision

log = logging.getLogger(__name__)

DATA_FILE = Path(__file__).parent / "data" / "time_words.toml"

# Publication dates given in UTC can trail the local date of the text by a day (ESC
# 19_11: a Monday-evening article stamped Tuesday 04:51Z). A month-day up to this many
# days after the anchor is read as this year's, not as last year's.
ANCHOR_SLACK_DAYS = 1
# Years of search either side of the anchor for a month-day (Feb 29 needs up to 4).
YEAR_SEARCH = 4
# Two-digit years ("7/8/07"): below the pivot is 20YY, from it on 19YY.
TWO_DIGIT_YEAR_PIVOT = 50
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
class _Context:
    anchor: date | None
    tense: Tense
    grammar: _Grammar
    previous: date | None = None  # the day the article's last time expression before this one named

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


def _h_from_previous(m: re.Match[str], ctx: _Context) -> Resolved:
    """"The night before", "two days later", "the following day", "later that day": days from the
    day the article named last; nothing without one (never from the publication date, which the
    text did not count from)."""
    if ctx.previous is None:
        return None, "unknown", "told from an earlier day, and the article names none before it"
    words = m.group(0).lower().split()
    if _group(m, "rel"):
        offset = -1 if m["rel"].lower() == "previous" else 1
    elif _group(m, "dir"):
        n = m["n"].lower()
        offset = (1 if n in ("the", "a", "an") else _number(n, ctx.grammar) or 0) * (
            -1 if m["dir"].lower() in ("before", "earlier") else 1)
    else:  # "later that day", "hours later"
        offset = 0
    value = ctx.previous + timedelta(days=offset)
    if ctx.anchor is not None and value > ctx.anchor:
        return None, "unknown", "told from an earlier day, and would fall after the publication date"
    return value, "day", f"'{' '.join(words)}' from the article's previous day"


HANDLERS: dict[str, Callable[[re.Match[str], _Context], Resolved]] = {
    "from_previous": _h_from_previous,
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
