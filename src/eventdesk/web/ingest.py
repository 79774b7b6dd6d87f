"""`POST /api/articles`: articles in through the real pipeline, behind a bearer token.

Off unless a token is configured (`EVENTDESK_TOKEN` or `create_app(token=...)`): a desk that
only reads never exposes a write path (the app does not include this router). The token is
checked by `guard.RequestGuard` before the body is read, and again here. Writes are serialised
by one lock per app (SQLite has one writer; the pipeline's link step rebuilds merged records
and must not interleave), which is why `eventdesk serve` runs one process when ingest is on.
"""

from __future__ import annotations

import logging
import threading
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, HTTPException, Request
from pydantic import BaseModel, ConfigDict, Field

from eventdesk.config import load_config
from eventdesk.read.language import normalise_language
from eventdesk.read.meta import Meta, make_article
from eventdesk.records import Article
from eventdesk.run.local import ingest
from eventdesk.run.process import Options
from eventdesk.web.api import StoreDep
from eventdesk.web.guard import token_refusal

log = logging.getLogger(__name__)

MAX_ARTICLES = 100  # per request: one request runs the spaCy pipeline synchronously
MAX_TEXT_CHARS = 200_000  # a long feature is ~50k characters; more is likely not an article
SOURCE_PREFIX = "api"

router = APIRouter(prefix="/api")


class ArticleIn(BaseModel):
    """One article to ingest, as a desk tool or a scraper would send it."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, max_length=MAX_TEXT_CHARS, description="Plain text of the article.")
    url: str | None = Field(default=None, max_length=2000)
    outlet: str | None = Field(default=None, max_length=200)
    published: date | None = Field(default=None, description="YYYY-MM-DD; anchors relative dates.")
    title: str | None = Field(default=None, max_length=1000)
    language: str | None = Field(default=None, max_length=16, description="ISO 639-1; detected if absent.")


def to_article(item: ArticleIn, number: int) -> Article:
    """The pipeline's Article for one posted item (same id rules as the file readers)."""
    meta = Meta(
        title=item.title,
        url=item.url,
        outlet=item.outlet,
        published=item.published,
        language=normalise_language(item.language),
    )
    return make_article(item.text, f"{SOURCE_PREFIX}#{item.url or number}", meta)


def require_token(request: Request) -> None:
    """FastAPI dependency, behind `guard.RequestGuard` (which refuses before the body is read).

    403 when ingest is off, 401 without a bearer token, 403 for a wrong one.
    """
    expected: str | None = request.app.state.token
    if not expected:
        raise HTTPException(
            403, "ingest is disabled on this server; start it with EVENTDESK_TOKEN set to enable POST /api/articles"
        )
    refusal = token_refusal(request.headers.get("authorization", ""), expected)
    if refusal is not None:
        status, message, headers = refusal
        raise HTTPException(status, message, headers=headers or None)


@router.post("/articles", summary="Ingest articles (bearer token)", dependencies=[Depends(require_token)])
def post_articles(
    request: Request,
    store: StoreDep,
    items: Annotated[list[ArticleIn], Body(min_length=1, max_length=MAX_ARTICLES)],
) -> dict[str, Any]:
    """Run the posted articles through clean → nlp → extract → resolve, store them, then link."""
    articles = [to_article(item, n) for n, item in enumerate(items, start=1)]
    lock: threading.Lock = request.app.state.write_lock
    with lock:
        summary = ingest(articles, store, options=Options.from_config(load_config()))
    log.info("ingested %d posted articles (%d new)", len(articles), summary.stored)
    link = summary.link
    return {
        "article_ids": [a.id for a in articles],
        "stored": summary.stored,
        "already_stored": summary.already_stored,
        "mentions": summary.mentions,
        "skipped": dict(summary.skipped),
        "events": link.events if link else None,
        "new_events": link.new_events if link else None,
    }
