"""The counts the filter panel shows beside each value, following the other filters.

The count beside a value is how many events that value would give with every other filter
as it is: the counts by type are computed with every filter except the type filter, those by
country with every filter except the country filter, and so on. Ticking a type changes the
country counts, not the type counts (which would all drop to zero but the ticked one).

All counts come from one scan (`facets`), not a query per filter: nine scans of a 49,000-event
store took 2.8 s, the one scan 0.8 s (before this, six facets took 1.5 s).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from pydantic import BaseModel, Field
from sqlalchemy import ColumnElement, and_, case, func, literal, null, select
from sqlalchemy.sql import Select

from eventdesk.store import Store
from eventdesk.store import schema as t
from eventdesk.web.queries import (
    EventQuery,
    admin1_column,
    scope_column,
    sources_column,
    where_clauses,
)

_E = t.events


class FacetValue(BaseModel):
    """One value of a filter and the events it would give."""

    value: str
    label: str | None = Field(None, description="What to show for it: a country's or a story's name.")
    count: int


class DateRange(BaseModel):
    """The first and last date of the matching events."""

    min: str | None
    max: str | None


class Facets(BaseModel):
    """The matching events' total and, for each filter, the count of each of its values."""

    total: int
    event_type: list[FacetValue]
    sub_event_type: list[FacetValue]
    country: list[FacetValue]
    admin1: list[FacetValue]
    story: list[FacetValue]
    scope: list[FacetValue]
    date: DateRange
    max_independent_sources: int


@dataclass(frozen=True)
class _Facet:
    """A filter the panel counts: its name in `Facets`, its `EventQuery` field and the value
    of that field that filters nothing, the column it filters, and a label to show."""

    name: str
    field: str
    cleared: Any
    column: ColumnElement
    label: ColumnElement | None = None


def _facet_filters() -> tuple[_Facet, ...]:
    return (
        _Facet("event_type", "types", (), _E.c.event_type),
        _Facet("sub_event_type", "sub_types", (), _E.c.sub_event_type),
        _Facet("country", "countries", (), _E.c.country_code, _E.c.data["place"]["country"].as_string()),
        _Facet("admin1", "admin1s", (), admin1_column()),
        _Facet("story", "story_id", None, _E.c.story_id, t.stories.c.title),
        _Facet("scope", "scope", None, scope_column()),
    )


# A query with every filter off (EventQuery's defaults keep to ACLED's scope and current events).
_NO_FILTER = EventQuery(scope=None, background=True, review=None)


def _statement(query: EventQuery, dialect: str, facets_: tuple[_Facet, ...]) -> Select:
    """Events grouped by every facet's value, with whether each group passes each facet's own
    filter; the filters that are no facet (dates, text, actor, ...) in the WHERE clause."""
    common = where_clauses(replace(query, **{f.field: f.cleared for f in facets_}), dialect)

    def passes(f: _Facet) -> ColumnElement:
        """1 when a group passes the facet's own filter (the same in every row of a group: the
        filter is on the grouped value), else 0."""
        own = where_clauses(replace(_NO_FILTER, **{f.field: getattr(query, f.field)}), dialect)
        return func.min(case((and_(*own), 1), else_=0)) if own else literal(1)

    keys = [f.column for f in facets_]
    flags = [passes(f) for f in facets_]
    labels = [null() if f.label is None else func.max(f.label) for f in facets_]
    stats = [func.count(), func.min(_E.c.date), func.max(_E.c.date), func.max(sources_column())]
    joined = _E.outerjoin(t.stories, t.stories.c.id == _E.c.story_id)
    return select(*keys, *flags, *labels, *stats).select_from(joined).where(*common).group_by(*keys)


def facets(store: Store, query: EventQuery) -> Facets:
    """Counts by type, sub-type, country, admin1, story and scope, each following the other
    filters; the total, date range and largest source count of the matching events.

    One scan: the events that pass the filters which are no facet, grouped by every facet's
    value. A group that passes every facet filter counts for the total and for every facet; a
    group that fails one facet filter only counts for that facet (its count ignores its own
    filter); a group that fails two counts for none.
    """
    facets_ = _facet_filters()
    k = len(facets_)
    values: list[dict[str, FacetValue]] = [{} for _ in facets_]
    total, max_sources = 0, 0
    dated: list[str] = []  # the first and last date of every group counted in the total
    with store.engine.connect() as conn:
        for row in conn.execute(_statement(query, store.engine.dialect.name, facets_)):
            keys, flags, labels = row[:k], row[k : 2 * k], row[2 * k : 3 * k]
            n, first, last, sources = row[3 * k :]
            failed = [i for i in range(k) if not flags[i]]
            if not failed:
                total += n
                dated += [d for d in (first, last) if d]
                max_sources = max(max_sources, sources or 0)
            for i in range(k) if not failed else failed if len(failed) == 1 else ():
                if keys[i] is not None:
                    value = values[i].setdefault(keys[i], FacetValue(value=keys[i], label=labels[i], count=0))
                    value.count += n
    ordered = {f.name: sorted(vs.values(), key=lambda v: (-v.count, v.label or v.value)) for f, vs in zip(facets_, values)}
    dates = DateRange(min=min(dated, default=None), max=max(dated, default=None))
    return Facets(total=total, **ordered, date=dates, max_independent_sources=max_sources)
