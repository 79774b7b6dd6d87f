"""Totals of the events a filter matches: how many, killed and arrested, by type, place and time.

What the desk's totals box and charts draw, and `/api/totals` returns. A count is a range, so a
total is three sums (best, lows, highs) and a flag when the highs are only a floor: see
figures.py, which the flash update's key figures (report/) sum with too.

Summed in Python over the filtered rows, not in SQL: counts are unbounded integers in the
JSON, and SQLite's SUM raises on a 64-bit overflow (one hostile "10^19 killed" would turn the
desk's totals into an error) where Python's ints stay exact. The rows are one narrow query;
the answer is cached per data version like every GET under /api/ (web/cache.py).
"""

from __future__ import annotations

import calendar
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Literal

from pydantic import BaseModel, Field
from sqlalchemy import select

from eventdesk.figures import Figures
from eventdesk.store import Store
from eventdesk.store import schema as t
from eventdesk.web.queries import EventQuery, where_clauses

KILLED, ARRESTED = "killed", "arrested"
TimeUnit = Literal["day", "week", "month", "year"]
# The bin width for the days the dated events span, as the desk's timeline chooses it
# (timeline.js): a bar per day up to four months, per week up to two years, then per month;
# per year beyond twenty years (a misread "1990" in a year of events), so a series stays
# under ~250 bins however far apart its dates are.
DAY_BINS_UP_TO = 120
WEEK_BINS_UP_TO = 730
MONTH_BINS_UP_TO = 7300

_E = t.events


class CountTotal(BaseModel):
    """One kind of count (killed, arrested) summed over events."""

    best: int = Field(0, description="Sum of the conservative best figures (what the table shows per event).")
    low: int = Field(0, description="Sum of the lower bounds (0 where a count states none).")
    high: int = Field(0, description="Sum of the upper bounds; where a count has none, its best or low figure.")
    high_open: bool = Field(False, description="Some count has no upper bound: `high` is a floor ('12+').")
    events: int = Field(0, description="Events that report a count of this kind.")


class Tally(BaseModel):
    """Events and their killed and arrested totals."""

    events: int = 0
    fatalities: CountTotal = Field(default_factory=CountTotal)
    arrests: CountTotal = Field(default_factory=CountTotal)


class TypeTally(Tally):
    """The totals of one event type."""

    event_type: str


class CountryTally(Tally):
    """The totals of one country (`country_code` null: events placed in no country)."""

    country_code: str | None
    country: str | None


class Admin1Tally(Tally):
    """The totals of one first-level region of a country (`admin1` null: none known)."""

    country_code: str | None
    country: str | None
    admin1: str | None


class TimeBin(BaseModel):
    """One day, week, month or year of the series, from `start` to `end` inclusive."""

    start: date
    end: date
    events: int = 0
    fatalities: int = Field(0, description="Sum of the best killed figures.")
    by_type: dict[str, int] = Field(default_factory=dict, description="Events per event type.")


class Series(BaseModel):
    """The dated events over time, every bin from the first to the last (empty ones too)."""

    unit: TimeUnit
    bins: list[TimeBin]
    undated: int = Field(0, description="Events without a date: in the totals, not in the series.")


class Totals(Tally):
    """Totals of the events matching a filter, whole and broken down."""

    by_type: list[TypeTally]
    by_country: list[CountryTally]
    by_admin1: list[Admin1Tally]
    over_time: Series


def event_figures(counts: Iterable[dict[str, Any]], kind: str) -> Figures:
    """One event's counts of one kind (stored JSON) summed: `events` is 1 if it has any."""
    out = Figures()
    for c in counts:
        if c.get("kind") == kind:
            out.add_count(c.get("low"), c.get("high"), c.get("best"))
    return out


def _total(f: Figures) -> CountTotal:
    """A sum as the API gives it."""
    return CountTotal(best=f.best, low=f.low, high=f.high, high_open=f.high_open, events=f.events)


@dataclass(slots=True)
class _Sums:
    """Events and their killed and arrested figures."""

    events: int = 0
    killed: Figures = field(default_factory=Figures)
    arrested: Figures = field(default_factory=Figures)

    def add(self, other: _Sums) -> None:
        self.events += other.events
        self.killed.add(other.killed)
        self.arrested.add(other.arrested)

    def tally(self) -> dict[str, Any]:
        return {"events": self.events, "fatalities": _total(self.killed), "arrests": _total(self.arrested)}


# The events of one type, day and region: rows are summed into these cells first (one dict
# look-up per event), then the few cells are rolled up into each breakdown.
_Cell = tuple[str, date | None, str | None, str | None]  # event type, day, country code, admin1


def _cells(store: Store, query: EventQuery) -> tuple[dict[_Cell, _Sums], dict[str, str]]:
    """The matching events summed per cell, and the country name of each country code."""
    place = _E.c.data["place"]
    stmt = select(
        _E.c.event_type, _E.c.date, _E.c.country_code, place["country"].as_string(), place["admin1"].as_string(),
        _E.c.data["counts"],
    ).where(*where_clauses(query, store.engine.dialect.name))  # fmt: skip
    cells: dict[_Cell, _Sums] = {}
    names: dict[str, str] = {}
    with store.engine.connect() as conn:
        for event_type, day, code, country, admin1, counts in conn.execute(stmt):
            key = (event_type, date.fromisoformat(day) if day else None, code, admin1)
            cell = cells.get(key) or cells.setdefault(key, _Sums())
            cell.add(_Sums(1, event_figures(counts or [], KILLED), event_figures(counts or [], ARRESTED)))
            if code and country:
                names.setdefault(code, country)
    return cells, names


def _roll_up(cells: dict[_Cell, _Sums], key: Callable[[_Cell], Any]) -> dict[Any, _Sums]:
    out: dict[Any, _Sums] = {}
    for cell, sums in cells.items():
        out.setdefault(key(cell), _Sums()).add(sums)
    return out


def unit_for(first: date, last: date) -> TimeUnit:
    """The bin width for a series from `first` to `last` (see DAY_BINS_UP_TO and the others)."""
    span = (last - first).days
    if span <= DAY_BINS_UP_TO:
        return "day"
    if span <= WEEK_BINS_UP_TO:
        return "week"
    return "month" if span <= MONTH_BINS_UP_TO else "year"


def bin_of(day: date, unit: TimeUnit) -> tuple[date, date]:
    """The first and last day of the bin holding `day` (weeks start on Monday, as in the timeline).

    Example:
        >>> bin_of(date(2022, 4, 13), "week")
        (datetime.date(2022, 4, 11), datetime.date(2022, 4, 17))
    """
    if unit == "day":
        return day, day
    if unit == "week":
        monday = day - timedelta(days=day.weekday())
        return monday, monday + timedelta(days=min(6, (date.max - monday).days))  # the last week of 9999
    if unit == "month":
        return day.replace(day=1), day.replace(day=calendar.monthrange(day.year, day.month)[1])
    return day.replace(month=1, day=1), day.replace(month=12, day=31)


def series(cells: dict[_Cell, _Sums]) -> Series:
    """The dated cells gathered into bins of one width, every bin from the first to the last."""
    days = sorted({day for _, day, _, _ in cells if day is not None})
    undated = sum(sums.events for (_, day, _, _), sums in cells.items() if day is None)
    if not days:
        return Series(unit="day", bins=[], undated=undated)
    unit = unit_for(days[0], days[-1])
    bins: dict[date, TimeBin] = {}
    start, end = bin_of(days[0], unit)
    while True:
        bins[start] = TimeBin(start=start, end=end)
        if end >= days[-1]:
            break
        start, end = bin_of(end + timedelta(days=1), unit)
    for (event_type, day, _, _), sums in cells.items():
        if day is None:
            continue
        b = bins[bin_of(day, unit)[0]]
        b.events += sums.events
        b.fatalities += sums.killed.best
        b.by_type[event_type] = b.by_type.get(event_type, 0) + sums.events
    return Series(unit=unit, bins=list(bins.values()), undated=undated)


def _largest_first(tallies: Iterable[Any], name: Callable[[Any], str | None]) -> list[Any]:
    return sorted(tallies, key=lambda x: (-x.events, -x.fatalities.best, name(x) or ""))


def totals(store: Store, query: EventQuery) -> Totals:
    """Totals of the events matching the query's filters (its sort and page are ignored)."""
    cells, names = _cells(store, query)
    whole = _Sums()
    for sums in cells.values():
        whole.add(sums)
    types = [TypeTally(event_type=k, **v.tally()) for k, v in _roll_up(cells, lambda c: c[0]).items()]
    countries = [CountryTally(country_code=k, country=names.get(k or ""), **v.tally())
                 for k, v in _roll_up(cells, lambda c: c[2]).items()]  # fmt: skip
    admin1s = [Admin1Tally(country_code=code, country=names.get(code or ""), admin1=admin1, **v.tally())
               for (code, admin1), v in _roll_up(cells, lambda c: (c[2], c[3])).items()]  # fmt: skip
    return Totals(
        **whole.tally(),
        by_type=_largest_first(types, lambda x: x.event_type),
        by_country=_largest_first(countries, lambda x: x.country or x.country_code),
        by_admin1=_largest_first(admin1s, lambda x: f"{x.admin1} {x.country_code}"),
        over_time=series(cells),
    )
