"""Read queries the web face needs beyond `Store`'s: filtered, sorted, paged events in SQL.

`Store.events(EventFilter)` filters on the indexed columns only and returns whole records.
The map, the table and the API filter on fields inside the event JSON too (bbox, independent
sources, evidence status, text), page through the result with a total, and sort by
fatalities; doing that in Python would load every event per request. These queries push it
all into SQL through SQLAlchemy's JSON paths, which compile to `json_extract` on SQLite and
`->`/`->>` on PostgreSQL, so the same code serves both backends. A list inside the record (the
actors) is searched row by row with the backend's own table function: `json_each` on SQLite,
`json_array_elements` on PostgreSQL.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from sqlalchemy import JSON, ColumnElement, and_, exists, func, or_, select, type_coerce
from sqlalchemy.sql import Select
from sqlalchemy.sql.selectable import TableValuedAlias

from eventdesk.records import Mention
from eventdesk.store import SHOWN_REVIEWS, Store
from eventdesk.store import schema as t

log = logging.getLogger(__name__)

SortKey = Literal["date", "fatalities", "sources"]
Order = Literal["asc", "desc"]
SORT_KEYS: tuple[str, ...] = ("date", "fatalities", "sources")
CHUNK = 500  # ids per IN (...) clause: well under SQLite's variable limit

_E, _M = t.events, t.mentions


@dataclass(frozen=True)
class EventQuery:
    """What to list: every filter is optional; lists mean "any of"."""

    types: tuple[str, ...] = ()
    sub_types: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    admin1s: tuple[str, ...] = ()  # first-level regions by name, as the records spell them
    bbox: tuple[float, float, float, float] | None = None
    since: date | None = None
    until: date | None = None
    min_sources: int | None = None
    statuses: tuple[str, ...] = ()
    q: str | None = None
    actor: str | None = None  # part of an actor's name, in any case
    story_id: str | None = None
    scope: str | None = "acled"  # None: every scope (ACLED, ordinary crime, other)
    background: bool = False  # True: also the past incidents articles mention as context
    review: tuple[str, ...] | None = SHOWN_REVIEWS  # review statuses shown (not rejected); None: all
    sort: SortKey = "date"
    order: Order = "desc"
    limit: int = 100
    offset: int = 0


@dataclass(frozen=True)
class EventPage:
    """One page of event rows, with the number of events matching the filters."""

    total: int
    rows: list[dict[str, Any]]


def _lat() -> ColumnElement:
    return _E.c.data["place"]["lat"].as_float()


def _lon() -> ColumnElement:
    return _E.c.data["place"]["lon"].as_float()


def sources_column() -> ColumnElement:
    """The event's number of independent sources."""
    return _E.c.data["independent_sources"].as_integer()


def _bbox_clause(bbox: tuple[float, float, float, float]) -> ColumnElement:
    min_lon, min_lat, max_lon, max_lat = bbox
    lat_ok = _lat().between(min_lat, max_lat)
    if min_lon <= max_lon:
        return and_(lat_ok, _lon().between(min_lon, max_lon))
    # A box across the antimeridian (e.g. 170,-20,-170,20): either side of it.
    return and_(lat_ok, or_(_lon() >= min_lon, _lon() <= max_lon))


def admin1_column() -> ColumnElement:
    """The name of the first-level region the event is placed in."""
    return _E.c.data["place"]["admin1"].as_string()


def scope_column() -> ColumnElement:
    """The event's scope; records from before the judge carry none: they were ACLED's."""
    return func.coalesce(_E.c.data["scope"].as_string(), "acled")


def review_column() -> ColumnElement:
    """The event's review status; records from before review carry none: unreviewed."""
    return func.coalesce(_E.c.data["review_status"].as_string(), "unreviewed")


def _json_elements(path: str, dialect: str) -> tuple[TableValuedAlias, ColumnElement]:
    """One row per element of a list in the event record (`actors`), to select from inside a
    query on events, and the element as a JSON value (`element["name"]`)."""
    if dialect == "postgresql":
        rows = func.json_array_elements(_E.c.data[path]).table_valued("value").render_derived()
    else:
        rows = func.json_each(_E.c.data, f"$.{path}").table_valued("value")
    return rows, type_coerce(rows.c.value, JSON)


def _actor_clause(needle: str, dialect: str) -> ColumnElement:
    rows, actor = _json_elements("actors", dialect)
    name = func.lower(actor["name"].as_string())
    # A bound LIKE pattern with % and _ escaped: the text typed is matched as text.
    return exists(select(1).select_from(rows).where(name.contains(needle.lower(), autoescape=True)))


def _mention_exists(condition: ColumnElement) -> ColumnElement:
    return exists().where(and_(_M.c.event_id == _E.c.id, condition))


def _text_clause(q: str) -> ColumnElement:
    needle = q.lower()
    summary = func.lower(_E.c.data["summary"].as_string()).contains(needle, autoescape=True)
    sentence = func.lower(_M.c.data["sentence"]["text"].as_string())
    return or_(summary, _mention_exists(sentence.contains(needle, autoescape=True)))


def where_clauses(query: EventQuery, dialect: str) -> list[ColumnElement]:
    """The SQL conditions for a query's filters (empty when it filters nothing), for the
    store's SQL dialect (`store.engine.dialect.name`)."""
    conds: list[ColumnElement] = []
    if query.types:
        conds.append(_E.c.event_type.in_(query.types))
    if query.sub_types:
        conds.append(_E.c.sub_event_type.in_(query.sub_types))
    if query.countries:
        conds.append(_E.c.country_code.in_([c.upper() for c in query.countries]))
    if query.admin1s:
        conds.append(admin1_column().in_(query.admin1s))
    if query.bbox is not None:
        conds.append(_bbox_clause(query.bbox))
    if query.since is not None:
        conds.append(_E.c.date >= query.since.isoformat())
    if query.until is not None:
        conds.append(_E.c.date <= query.until.isoformat())
    if query.min_sources is not None:
        conds.append(sources_column() >= query.min_sources)
    if query.statuses:
        conds.append(_mention_exists(_M.c.data["status"].as_string().in_(query.statuses)))
    if query.q:
        conds.append(_text_clause(query.q))
    if query.actor:
        conds.append(_actor_clause(query.actor, dialect))
    if query.story_id is not None:
        conds.append(_E.c.story_id == query.story_id)
    if query.scope is not None:
        conds.append(scope_column() == query.scope)
    if query.review is not None:
        conds.append(review_column().in_(query.review))
    if not query.background:
        conds.append(or_(_E.c.data["background"].as_boolean().is_(None), _E.c.data["background"].as_boolean().is_(False)))
    return conds


def _ordered(stmt: Select, query: EventQuery, dialect: str) -> Select:
    seq = _E.c.seq.desc() if query.order == "desc" else _E.c.seq.asc()
    if query.sort == "date":
        # Undated events go last either way (they are the least placeable). Written as NULLS
        # LAST rather than an `date IS NULL` sort key, SQLite walks ix_events_date and stops at
        # the page's end: 121 ms -> 4 ms for the first 100 of 49,000 events.
        key = _E.c.date.desc() if query.order == "desc" else _E.c.date.asc()
        return stmt.order_by(key.nulls_last(), seq)
    key = {"sources": sources_column(), "fatalities": _E.c.fatalities}[query.sort]  # 64-bit, kept by the store
    primary = key.desc() if query.order == "desc" else key.asc()
    return stmt.order_by(_E.c.date.is_(None), primary, seq)


def _statuses_column(dialect: str) -> ColumnElement:
    """The distinct evidence statuses of each event, comma-joined, as a correlated subquery."""
    status = _M.c.data["status"].as_string()
    joined = func.string_agg(status.distinct(), ",") if dialect == "postgresql" else func.group_concat(status.distinct())
    return select(joined).where(_M.c.event_id == _E.c.id).scalar_subquery()


def list_events(store: Store, query: EventQuery) -> EventPage:
    """One page of events matching the query, as flat rows, with the total count."""
    dialect = store.engine.dialect.name
    conds = where_clauses(query, dialect)
    # The page is cut on ids alone, then only its events are read and their statuses computed:
    # sorting whole records, each with its statuses computed first, cost 45 ms for 15,000.
    page_ids = _ordered(select(_E.c.id).where(*conds), query, dialect).limit(query.limit).offset(query.offset)
    stmt = _ordered(select(_E.c.data, _statuses_column(dialect)).where(_E.c.id.in_(page_ids)), query, dialect)
    with store.engine.connect() as conn:
        rows = conn.execute(stmt).all()
        # A page that is not full is the last one: its total needs no COUNT(*) query.
        if query.offset == 0 and len(rows) < query.limit:
            total = len(rows)
        else:
            total = conn.scalar(select(func.count()).select_from(_E).where(*conds)) or 0
    return EventPage(total=total, rows=[event_row(d, sorted((st or "").split(",")) if st else []) for d, st in rows])


def iter_matching_ids(store: Store, query: EventQuery) -> Iterator[list[str]]:
    """Ids of every event matching the filters (no paging), in the query's order, in chunks."""
    dialect = store.engine.dialect.name
    stmt = _ordered(select(_E.c.id).where(*where_clauses(query, dialect)), query, dialect)
    with store.engine.connect() as conn:
        ids = list(conn.scalars(stmt))
    for i in range(0, len(ids), CHUNK):
        yield ids[i : i + CHUNK]


def events_by_ids(store: Store, ids: Sequence[str]) -> list[dict[str, Any]]:
    """The stored event JSON for these ids, in the given order."""
    with store.engine.connect() as conn:
        found = {d["id"]: d for d in conn.scalars(select(_E.c.data).where(_E.c.id.in_(ids)))}
    return [found[i] for i in ids if i in found]


def event_statuses(store: Store, event_ids: Sequence[str]) -> dict[str, list[str]]:
    """The distinct evidence statuses of each event (reported, claimed, ...)."""
    out: dict[str, set[str]] = defaultdict(set)
    with store.engine.connect() as conn:
        for i in range(0, len(event_ids), CHUNK):
            chunk = list(event_ids[i : i + CHUNK])
            status = _M.c.data["status"].as_string()
            stmt = select(_M.c.event_id, status).where(_M.c.event_id.in_(chunk)).distinct()
            for event_id, status in conn.execute(stmt):
                out[event_id].add(status)
    return {k: sorted(v) for k, v in out.items()}


def mentions_for_events(store: Store, event_ids: Sequence[str]) -> dict[str, Mention]:
    """Mentions linked to these events, by mention id."""
    out: dict[str, Mention] = {}
    with store.engine.connect() as conn:
        for i in range(0, len(event_ids), CHUNK):
            stmt = select(_M.c.data).where(_M.c.event_id.in_(list(event_ids[i : i + CHUNK])))
            out.update((d["id"], Mention.model_validate(d)) for d in conn.scalars(stmt))
    return out


def article_mentions(store: Store, article_id: str) -> list[tuple[Mention, str | None]]:
    """An article's mentions in text order, each with the event it was linked to."""
    stmt = select(_M.c.data, _M.c.event_id).where(_M.c.article_id == article_id).order_by(_M.c.start)
    with store.engine.connect() as conn:
        return [(Mention.model_validate(d), eid) for d, eid in conn.execute(stmt)]


def article_outlets(store: Store, article_ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """Outlet, title, published and copy_of of these articles (for grouping sources)."""
    cols = [t.articles.c.id, t.articles.c.outlet, t.articles.c.title, t.articles.c.published,
            t.articles.c.copy_of, t.articles.c.copy_score]  # fmt: skip
    out: dict[str, dict[str, Any]] = {}
    with store.engine.connect() as conn:
        for i in range(0, len(article_ids), CHUNK):
            stmt = select(*cols).where(t.articles.c.id.in_(list(article_ids[i : i + CHUNK])))
            out.update((r.id, dict(r._mapping)) for r in conn.execute(stmt))
    return out


def story_event_counts(store: Store) -> dict[str, int]:
    """How many events each story shows: those its page lists by default (ACLED scope, current
    incidents, not rejected: `EventQuery`'s defaults), so the count and the list agree."""
    conds = where_clauses(EventQuery(), store.engine.dialect.name)
    stmt = select(_E.c.story_id, func.count()).where(*conds).group_by(_E.c.story_id)
    with store.engine.connect() as conn:
        return {sid: n for sid, n in conn.execute(stmt)}


def fatalities(data: dict[str, Any]) -> int:
    """Killed, summed over the event's counts' conservative `best` figures."""
    return sum(c.get("best") or 0 for c in data.get("counts", []) if c.get("kind") == "killed")


def event_row(data: dict[str, Any], statuses: list[str]) -> dict[str, Any]:
    """A flat table row of one stored event (what the map, timeline and table draw)."""
    place, when = data.get("place") or {}, data.get("when") or {}
    return {
        "event_id": data["id"],
        "story_id": data.get("story_id"),
        "event_type": data.get("event_type"),
        "sub_event_type": data.get("sub_event_type"),
        "summary": data.get("summary", ""),
        "date": when.get("value"),
        "date_precision": when.get("precision"),
        "place": place.get("name"),
        "admin1": place.get("admin1"),
        "country": place.get("country"),
        "country_code": place.get("country_code"),
        "lat": place.get("lat"),
        "lon": place.get("lon"),
        "geo_precision": place.get("geo_precision"),
        "fatalities": fatalities(data),
        "articles": data.get("articles", 0),
        "independent_sources": data.get("independent_sources", 0),
        "statuses": statuses,
        "conflicts": len(data.get("conflicts", [])),
        "confidence": data.get("confidence"),
        "review_status": data.get("review_status", "unreviewed"),
    }
