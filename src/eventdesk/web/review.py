"""The review write routes: confirm, reject, edit, split and merge an event, behind the bearer token.

Each is a thin call into `eventdesk.review` (the CLI's `eventdesk review` calls the same).
Like ingest, the routes exist only when the server has a token (`EVENTDESK_TOKEN`), checked by
`guard.RequestGuard` before the body is read and again here. A review is written under the
app's write lock (one writer per server) and the store's run lock, so it never interleaves with
an `eventdesk run` beside the server (whose link step rebuilds the same events).
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Request
from pydantic import BaseModel, ConfigDict, Field

from eventdesk import review
from eventdesk.records import Event
from eventdesk.web.api import StoreDep
from eventdesk.web.guard import token_refusal

log = logging.getLogger(__name__)

# Seconds a review waits for an `eventdesk run` on the same store before answering 409: a
# review is a click, and a run can take minutes.
LOCK_WAIT_S = 5

router = APIRouter(prefix="/api")


def require_token(request: Request) -> None:
    """FastAPI dependency, behind `guard.RequestGuard`: 401 without a bearer token, 403 for a
    wrong one (or when the server has none)."""
    expected: str | None = request.app.state.token
    if not expected:
        raise HTTPException(403, "review is disabled on this server; start it with EVENTDESK_TOKEN set to enable it")
    refusal = token_refusal(request.headers.get("authorization", ""), expected)
    if refusal is not None:
        status, message, headers = refusal
        raise HTTPException(status, message, headers=headers or None)


class Signed(BaseModel):
    """Who acts, and why (both go to the audit trail)."""

    model_config = ConfigDict(extra="forbid")

    reviewer: str = Field(min_length=1, max_length=review.MAX_NAME, description="Who is reviewing (a name or initials).")
    note: str = Field(default="", max_length=review.MAX_NOTE, description="Why: kept with the entry in the audit trail.")


class EditIn(Signed):
    """The fields to set (a field left out stays as it is)."""

    fields: review.EventEdit


class SplitIn(Signed):
    """The mentions to move to a new event (some of the event's, not all)."""

    mention_ids: list[str] = Field(min_length=1, max_length=5000)


class MergeIn(Signed):
    """The event to merge into this one."""

    other: str = Field(min_length=1, max_length=64, description="The id of the event merged into this one.")


def _answer(*events: Event) -> dict[str, Any]:
    return {
        "events": [{"event_id": e.id, "review_status": e.review_status, "edited_fields": e.edited_fields,
                    "mention_ids": e.mention_ids, "summary": e.summary} for e in events],
    }  # fmt: skip


def _locked(request: Request, store, action):  # type: ignore[no-untyped-def]
    lock: threading.Lock = request.app.state.write_lock
    with lock, store.exclusive(LOCK_WAIT_S):
        return action()


WRITE = {"dependencies": [Depends(require_token)]}


@router.post("/events/{event_id}/confirm", summary="Confirm an event (bearer token)", **WRITE)
def post_confirm(request: Request, store: StoreDep, event_id: str, body: Signed) -> dict[str, Any]:
    """Confirm the event as coded; a rejected one is restored, an edited one stays `edited`."""
    event = _locked(request, store, lambda: review.confirm(store, event_id, reviewer=body.reviewer, note=body.note))
    return _answer(event)


@router.post("/events/{event_id}/reject", summary="Reject an event (bearer token)", **WRITE)
def post_reject(request: Request, store: StoreDep, event_id: str, body: Signed) -> dict[str, Any]:
    """Reject the event: hidden from the default views (listed with `review=rejected`), kept rejected."""
    event = _locked(request, store, lambda: review.reject(store, event_id, reviewer=body.reviewer, note=body.note))
    return _answer(event)


@router.post("/events/{event_id}/edit", summary="Set fields of an event (bearer token)", **WRITE)
def post_edit(request: Request, store: StoreDep, event_id: str, body: EditIn) -> dict[str, Any]:
    """Set the event's type, sub-type, date (`when`), place, counts or actors; each field changed
    is one audit entry, and the link step keeps it when new evidence rebuilds the event."""
    event = _locked(request, store, lambda: review.edit(store, event_id, body.fields, reviewer=body.reviewer, note=body.note))
    return _answer(event)


@router.post("/events/{event_id}/split", summary="Split an event in two (bearer token)", **WRITE)
def post_split(request: Request, store: StoreDep, event_id: str, body: SplitIn) -> dict[str, Any]:
    """Move the chosen mentions to a new event; this one keeps its id and the others. Answers
    both events, this one first."""
    events = _locked(request, store, lambda: review.split(store, event_id, body.mention_ids, reviewer=body.reviewer, note=body.note))
    return _answer(*events)


@router.post("/events/{event_id}/merge", summary="Merge another event into this one (bearer token)", **WRITE)
def post_merge(request: Request, store: StoreDep, event_id: str, body: MergeIn) -> dict[str, Any]:
    """Merge `other` into this event, which keeps its id; `other` is removed and remembered as
    merged into this one."""
    event = _locked(request, store, lambda: review.merge(store, event_id, body.other, reviewer=body.reviewer, note=body.note))
    return _answer(event)
