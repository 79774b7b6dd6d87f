"""Query parameters of the event list, parsed and checked once for every route that filters.

A bad value is a `BadParameterError` whose message names the parameter, what was wrong and
what to send instead; the app turns it into a 422. Which types, statuses and countries exist
is `eventdesk.filters`' to say, for the CLI's options too.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from fastapi import Depends, Query, Request

from eventdesk.errors import BadParameterError
from eventdesk.filters import EVENT_TYPES, REVIEW_STATUSES, STATUSES, checked, checked_countries, sub_event_types
from eventdesk.store import SHOWN_REVIEWS, Store
from eventdesk.web.queries import SORT_KEYS, EventQuery, Order, SortKey

MAX_LIMIT = 5000  # one page the map can draw at once; larger exports go through /api/export
DEFAULT_LIMIT = 100
MAX_TEXT = 200  # characters of a typed filter (text search, actor, region): a phrase, not a page


def get_store(request: Request) -> Store:
    """FastAPI dependency: the app's one Store (opened by `create_app`)."""
    return request.app.state.store


def split_values(values: list[str] | None) -> tuple[str, ...]:
    """Repeated and comma-separated values flattened (`type=A&type=B` or `type=A,B`)."""
    out: list[str] = []
    for value in values or []:
        out.extend(v.strip() for v in value.split(",") if v.strip())
    return tuple(dict.fromkeys(out))


def parse_bbox(raw: str | None) -> tuple[float, float, float, float] | None:
    """`minlon,minlat,maxlon,maxlat` in degrees (a box may cross the antimeridian)."""
    if raw is None or not raw.strip():
        return None
    parts = raw.split(",")
    try:
        min_lon, min_lat, max_lon, max_lat = (float(p) for p in parts)
    except ValueError:
        raise BadParameterError(
            f"bbox: {raw!r} is not four numbers; send minlon,minlat,maxlon,maxlat, e.g. bbox=79.5,5.8,82,10"
        ) from None
    if not (-180 <= min_lon <= 180 and -180 <= max_lon <= 180):
        raise BadParameterError(f"bbox: longitudes must lie in [-180, 180], got {min_lon} and {max_lon}")
    if not (-90 <= min_lat <= max_lat <= 90):
        raise BadParameterError(f"bbox: latitudes must satisfy -90 <= minlat <= maxlat <= 90, got {min_lat} and {max_lat}")
    return (min_lon, min_lat, max_lon, max_lat)


def checked_admin1s(values: list[str] | None) -> tuple[str, ...]:
    """Region names as sent, one per parameter (not split at commas: "Bristol, City of")."""
    out = tuple(dict.fromkeys(v.strip() for v in values or [] if v.strip()))
    if too_long := [v for v in out if len(v) > MAX_TEXT]:
        raise BadParameterError(f"admin1: a region name of {len(too_long[0])} characters; send at most {MAX_TEXT}")
    return out


def checked_story(store: Store, story_id: str | None) -> str | None:
    """A story id the store holds (None for none): an unknown id is NotFoundError (404), as
    `eventdesk events --story` refuses it, not an empty list."""
    if story_id is not None:
        store.story(story_id)
    return story_id


def checked_review(values: list[str] | None) -> tuple[str, ...] | None:
    """The review statuses to show: the default hides rejected events; `all` shows every one."""
    wanted = checked("review", split_values(values), (*REVIEW_STATUSES, "all"))
    if not wanted:
        return SHOWN_REVIEWS
    return None if "all" in wanted else wanted


TypeParam = Annotated[list[str] | None, Query(description="Event type(s), repeated or comma-separated.")]
SubTypeParam = Annotated[list[str] | None, Query(description="ACLED sub-event type(s), repeated or comma-separated.")]
CountryParam = Annotated[list[str] | None, Query(description="ISO 3166-1 alpha-2 code(s), e.g. LK.")]
Admin1Param = Annotated[
    list[str] | None, Query(description="First-level region(s) by name, e.g. Western Province; repeat the parameter for several.")
]
ReviewParam = Annotated[
    list[str] | None,
    Query(description="Review status(es): " + ", ".join(REVIEW_STATUSES) + ", or all (default: all but rejected)."),
]
StatusParam = Annotated[
    list[str] | None, Query(description="Evidence status(es): " + ", ".join(STATUSES) + ".")
]


def event_query(  # noqa: PLR0913 - one argument per documented filter
    store: Annotated[Store, Depends(get_store)],
    type: TypeParam = None,  # noqa: A002 - the public parameter name
    sub_type: SubTypeParam = None,
    country: CountryParam = None,
    admin1: Admin1Param = None,
    bbox: Annotated[str | None, Query(description="minlon,minlat,maxlon,maxlat")] = None,
    since: Annotated[date | None, Query(description="Events on or after (YYYY-MM-DD).")] = None,
    until: Annotated[date | None, Query(description="Events on or before (YYYY-MM-DD).")] = None,
    min_sources: Annotated[int | None, Query(ge=0, description="At least this many independent sources.")] = None,
    status: StatusParam = None,
    q: Annotated[str | None, Query(max_length=MAX_TEXT, description="Text in the summary or evidence.")] = None,
    actor: Annotated[str | None, Query(max_length=MAX_TEXT, description="Part of an actor's name, in any case.")] = None,
    story: Annotated[str | None, Query(description="Events of one story id.")] = None,
    scope: Annotated[Literal["acled", "crime", "other", "all"], Query(description="ACLED's scope (default), ordinary crime, other, or all.")] = "acled",
    background: Annotated[bool, Query(description="Also past incidents that articles mention only as context.")] = False,
    review: ReviewParam = None,
    sort: Annotated[SortKey, Query(description="Sort key: " + ", ".join(SORT_KEYS) + ".")] = "date",
    order: Annotated[Order, Query(description="asc or desc.")] = "desc",
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> EventQuery:
    """FastAPI dependency: the event filters, sort and page of a request."""
    if since and until and since > until:
        raise BadParameterError(f"since ({since}) is after until ({until}); swap them")
    return EventQuery(
        types=checked("type", split_values(type), EVENT_TYPES),
        sub_types=checked("sub_type", split_values(sub_type), sub_event_types()),
        countries=checked_countries("country", split_values(country)),
        admin1s=checked_admin1s(admin1),
        bbox=parse_bbox(bbox),
        since=since,
        until=until,
        min_sources=min_sources,
        statuses=checked("status", split_values(status), STATUSES),
        q=q.strip() if q and q.strip() else None,
        actor=actor.strip() if actor and actor.strip() else None,
        story_id=checked_story(store, story),
        scope=None if scope == "all" else scope,
        background=background,
        review=checked_review(review),
        sort=sort,
        order=order,
        limit=limit,
        offset=offset,
    )
