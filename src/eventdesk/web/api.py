"""The JSON API: `/api/...` routes, each a thin call into the store and the export functions.

Every HTML page of the UI fetches one of these (its JSON twin), so what an analyst sees on
screen is exactly what a script gets here.
"""

from __future__ import annotations

import logging
from typing import Annotated, Any, get_args

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse

from eventdesk.acled import ACLED_KINDS
from eventdesk.export import event_record
from eventdesk.filters import EVENT_TYPES, REVIEW_STATUSES, event_type_of_sub
from eventdesk.records import ActorRole, CountKind, Event, Mention, TimePrecision
from eventdesk.store import Store
from eventdesk.web import queries
from eventdesk.web.facets import Facets, facets
from eventdesk.web.params import MAX_LIMIT, event_query, get_store
from eventdesk.web.queries import EventQuery
from eventdesk.web.totals import Totals, totals

log = logging.getLogger(__name__)

router = APIRouter(prefix="/api")


StoreDep = Annotated[Store, Depends(get_store)]
QueryDep = Annotated[EventQuery, Depends(event_query)]


@router.get("/events", summary="List events (filter, sort, page)", response_class=JSONResponse)
def list_events(store: StoreDep, query: QueryDep) -> JSONResponse:
    """Events matching the filters as flat rows, one page of them, with the total."""
    page = queries.list_events(store, query)
    # A JSONResponse skips FastAPI's per-value jsonable_encoder pass: the rows are plain JSON
    # already, and on a 100-row page that pass costs more than the SQL.
    return JSONResponse({
        "total": page.total,
        "limit": query.limit,
        "offset": query.offset,
        "sort": query.sort,
        "order": query.order,
        "count": len(page.rows),
        "events": page.rows,
    })


@router.get("/facets", summary="Counts of each filter value, following the other filters")
def get_facets(store: StoreDep, query: QueryDep) -> Facets:
    """What the filter panel offers: types, sub-types, countries, regions, stories and scopes, each
    value with the events it would give under the other filters; the date range."""
    return facets(store, query)


@router.get("/totals", summary="Totals of the matching events: killed, arrested, by type, place and time")
def get_totals(store: StoreDep, query: QueryDep) -> Totals:
    """Events, killed and arrested (best figures, and the range of lows and highs: `high_open`
    when a count has no upper bound) of the events matching the filters, by event type, country,
    first-level region and day or week (month, year over long spans). Sort and page are ignored."""
    return totals(store, query)


@router.get("/events/{event_id}", summary="One event as a schema record")
def get_event(request: Request, store: StoreDep, event_id: str) -> dict[str, Any]:
    """The event record of the shared schema, plus `explain` (reasons and evidence detail) and
    `review` (the analysts' verdict, the fields they set, the audit trail, and whether this
    server takes reviews: `writable`, when it has a write token)."""
    event = store.event(event_id)
    by_id = queries.mentions_for_events(store, [event.id])
    mentions = [by_id[m] for m in event.mention_ids if m in by_id]
    review = {
        "status": event.review_status,
        "edited_fields": event.edited_fields,
        "history": [e.model_dump(mode="json") for e in store.review_history(event.id)],
        "writable": bool(request.app.state.token),
    }
    return event_record(event, mentions) | {"explain": _explain(store, event, mentions), "review": review}


@router.get("/events/{event_id}/history", summary="The review audit trail of one event")
def get_history(store: StoreDep, event_id: str) -> dict[str, Any]:
    """Every review action on the event (also on one merged into another), oldest first: who,
    when, the field, the value before and after, the note."""
    entries = store.review_history(event_id)
    return {"event_id": event_id, "history": [e.model_dump(mode="json") for e in entries]}


def _explain(store: Store, event: Event, mentions: list[Mention]) -> dict[str, Any]:
    arts = queries.article_outlets(store, [m.article_id for m in mentions] + [s.article_id for s in event.sources])
    return {
        "date": {"reason": event.when.reason, "text": event.when.expression},
        "place": {
            "text": event.place.text,
            "feature": event.place.feature,
            "reason": event.place.reason,
        },
        "mentions": [_mention_detail(m, arts.get(m.article_id, {})) for m in mentions],
        "source_groups": source_groups(event, arts),
    }


def _mention_detail(m: Mention, art: dict[str, Any]) -> dict[str, Any]:
    return {
        "mention_id": m.id,
        "article_id": m.article_id,
        "outlet": art.get("outlet"),
        "title": art.get("title"),
        "published": art.get("published"),
        "status": m.status.value,
        "attributed_to": m.attributed_to,
        "confidence": m.confidence,
        "reason": m.reason,
        "sentence": m.sentence.model_dump(),
        "trigger": m.trigger.model_dump(),
    }


def _root(article_id: str, copy_of: dict[str, str | None]) -> str:
    seen = {article_id}
    while (parent := copy_of.get(article_id)) and parent not in seen:
        seen.add(parent)
        article_id = parent
    return article_id


def source_groups(event: Event, arts: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """The event's sources grouped by copy family: an original and the articles copying it."""
    copy_of = {s.article_id: s.copy_of for s in event.sources}
    groups: dict[str, list[dict[str, Any]]] = {}
    for s in event.sources:
        member = {
            "article_id": s.article_id,
            "outlet": s.outlet,
            "url": s.url,
            "title": arts.get(s.article_id, {}).get("title"),
            "published": s.published.isoformat() if s.published else None,
            "copy_of": s.copy_of,
        }
        groups.setdefault(_root(s.article_id, copy_of), []).append(member)
    return [
        {"original": root, "independent": True, "members": sorted(ms, key=lambda m: m["article_id"] != root)}
        for root, ms in groups.items()
    ]


@router.get("/taxonomy", summary="The values an event's fields take (for review forms)")
def get_taxonomy() -> dict[str, Any]:
    """ACLED's event types with their sub-event types, the actor kinds (ACLED's eight), actor
    roles, count kinds, time precisions and review statuses."""
    by_type: dict[str, list[str]] = {t: [] for t in EVENT_TYPES}
    for sub, event_type in event_type_of_sub().items():
        by_type[event_type].append(sub)
    return {
        "event_types": by_type,
        "actor_kinds": list(ACLED_KINDS),
        "actor_roles": list(get_args(ActorRole)),
        "count_kinds": list(get_args(CountKind)),
        "time_precisions": list(get_args(TimePrecision)),
        "review_statuses": list(REVIEW_STATUSES),
    }


@router.get("/stories", summary="List stories")
def list_stories(store: StoreDep) -> dict[str, Any]:
    """Every story, in creation order, with its event count."""
    counts = queries.story_event_counts(store)
    stories = [
        s.model_dump(mode="json", exclude={"article_ids"}) | {"articles": len(s.article_ids), "events": counts.get(s.id, 0)}
        for s in store.stories()
    ]
    return {"total": len(stories), "stories": stories}


@router.get("/stories/{story_id}", summary="One story with its events")
def get_story(store: StoreDep, story_id: str) -> dict[str, Any]:
    """The story record and the rows of its events (by date)."""
    story = store.story(story_id)
    # A story larger than one page lists its first MAX_LIMIT events; /api/events?story= pages it.
    page = queries.list_events(store, EventQuery(story_id=story_id, order="asc", limit=MAX_LIMIT))
    return story.model_dump(mode="json") | {"events": page.rows, "events_total": page.total}


@router.get("/stories/{story_id}/report", summary="The flash update of a story")
def get_report(store: StoreDep, story_id: str) -> dict[str, Any]:
    """The story's flash update: its parts (`flash`), as Markdown and as a styled, escaped HTML page."""
    # Imported here: the report pulls in the link step (spaCy, datasketch); a server that is
    # never asked for a report, and each of its worker processes, starts without them.
    from eventdesk.report import flash_html, flash_markdown, flash_update

    flash = flash_update(store, story_id)
    return {"story_id": story_id, "markdown": flash_markdown(flash), "html": flash_html(flash),
            "flash": flash.model_dump(mode="json")}  # fmt: skip


@router.get("/articles/{article_id}", summary="One article: cleaned text, removed lines, spans")
def get_article(
    store: StoreDep,
    article_id: str,
    raw: Annotated[bool, Query(description="Also return the text before cleaning.")] = False,
) -> dict[str, Any]:
    """The cleaned text every offset points into, what cleaning removed and why, and the mentions' spans."""
    article = store.article(article_id)
    body = article.model_dump(mode="json", exclude={"raw_text"} if not raw else set())
    return body | {"mentions": [_article_span(m, eid) for m, eid in queries.article_mentions(store, article.id)]}


def _article_span(m: Mention, event_id: str | None) -> dict[str, Any]:
    return {
        "mention_id": m.id,
        "event_id": event_id,
        "event_type": m.event_type,
        "sub_event_type": m.sub_event_type,
        "status": m.status.value,
        "sentence": m.sentence.model_dump(),
        "trigger": m.trigger.model_dump(),
        "place": _span(m.place.text, m.place.start, m.place.end) if m.place else None,
        "when": _span(m.when.expression, m.when.start, m.when.end) if m.when else None,
        "counts": [_span(c.text, c.start, c.end) for c in m.counts],
        "actors": [_span(a.text, a.start, a.end) for a in m.actors if a.start is not None],
    }


def _span(text: str | None, start: int | None, end: int | None) -> dict[str, Any] | None:
    if start is None or end is None:
        return None
    return {"start": start, "end": end, "text": text}

