"""The HTML pages: static shells that fetch their JSON twin (`/events/{id}` ↔ `/api/events/{id}`).

A page for an id that does not exist answers 404 with the not-found page, so links and
bookmarks fail visibly rather than as an empty shell.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import resources
from pathlib import Path
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, RedirectResponse

from eventdesk.errors import MergedError, NotFoundError
from eventdesk.store import Store

STATIC_DIR = Path(str(resources.files("eventdesk.web").joinpath("static")))

router = APIRouter(include_in_schema=False)


def static_page(name: str, status_code: int = 200) -> FileResponse:
    """One HTML shell from static/ (revalidated on each load, so upgrades show at once)."""
    return FileResponse(
        STATIC_DIR / name, status_code=status_code, media_type="text/html; charset=utf-8",
        headers={"Cache-Control": "no-cache"},
    )  # fmt: skip


def _page_if_found(request: Request, lookup: Callable[[Store], object], name: str) -> FileResponse:
    try:
        lookup(request.app.state.store)
    except NotFoundError:
        return static_page("404.html", status_code=404)
    return static_page(name)


@router.get("/")
def index() -> FileResponse:
    """The desk: map, timeline, filters and table."""
    return static_page("index.html")


@router.get("/events/{event_id}", response_model=None)
def event_page(request: Request, event_id: str) -> FileResponse | RedirectResponse:
    """One event with its evidence highlighted in the articles; an event a review merged into
    another sends the browser on to that one."""
    try:
        request.app.state.store.event(event_id)
    except MergedError as merged:
        return RedirectResponse(f"/events/{quote(merged.into, safe='')}", status_code=307)
    except NotFoundError:
        return static_page("404.html", status_code=404)
    return static_page("event.html")


@router.get("/stories/{story_id}")
def story_page(request: Request, story_id: str) -> FileResponse:
    """A story's flash update and events."""
    return _page_if_found(request, lambda s: s.story(story_id), "story.html")


@router.get("/articles/{article_id}")
def article_page(request: Request, article_id: str) -> FileResponse:
    """An article's cleaned text with its mentions marked, and what cleaning removed."""
    return _page_if_found(request, lambda s: s.article(article_id), "article.html")


@router.get("/stories")
def stories_page() -> FileResponse:
    """Every story."""
    return static_page("stories.html")


@router.get("/docs")
def docs() -> FileResponse:
    """The API reference, rendered offline from /openapi.json."""
    return static_page("docs.html")
