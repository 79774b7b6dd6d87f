"""Reading the review tables: an event's review, the mentions placed by reviews, the audit trail.

A mixin of `Store` (it reads through the store's engine). The writes go with the events' in one
transaction, in `Store.save_review`; the actions themselves are `eventdesk.review`'s.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timezone

from sqlalchemy import Engine, select

from eventdesk.records import Event, ReviewEntry, ReviewState
from eventdesk.store import schema as t


class ReviewReads:
    """The reads of the `reviews` and `review_log` tables."""

    engine: Engine

    def event(self, event_id: str) -> Event:
        """One event by id: `Store.event` (named here for the history's not-found check)."""
        raise NotImplementedError

    def reviews(self, event_ids: Sequence[str] | None = None) -> dict[str, ReviewState]:
        """event id -> its review, for these events (or every reviewed one)."""
        query = select(t.reviews)
        with self.engine.connect() as conn:
            if event_ids is None:
                return {r.event_id: _review_from_row(r) for r in conn.execute(query)}
            out: dict[str, ReviewState] = {}
            for i in range(0, len(event_ids), 500):
                rows = conn.execute(query.where(t.reviews.c.event_id.in_(list(event_ids[i : i + 500]))))
                out.update((r.event_id, _review_from_row(r)) for r in rows)
            return out

    def review_pins(self) -> dict[str, str]:
        """mention id -> the event an analyst placed it in (by a split or merge)."""
        query = select(t.reviews.c.event_id, t.reviews.c.mention_ids).where(t.reviews.c.merged_into.is_(None))
        with self.engine.connect() as conn:
            return {mid: eid for eid, mids in conn.execute(query) for mid in mids}

    def edited_events(self) -> list[Event]:
        """The events an analyst edited, split or merged (review status `edited`), in creation order."""
        query = (
            select(t.events.c.data)
            .join(t.reviews, t.reviews.c.event_id == t.events.c.id)
            .where(t.reviews.c.status == "edited")
            .order_by(t.events.c.seq)
        )
        with self.engine.connect() as conn:
            return [Event.model_validate(d) for d in conn.scalars(query)]

    def review_history(self, event_id: str | None = None) -> list[ReviewEntry]:
        """The audit trail of one event (also of one merged away), or of every event; oldest
        first. NotFoundError for an id no event has, nor ever had."""
        query = select(t.review_log).order_by(t.review_log.c.id)
        if event_id is not None:
            query = query.where(t.review_log.c.event_id == event_id)
        with self.engine.connect() as conn:
            entries = [_entry_from_row(r) for r in conn.execute(query)]
        if event_id is not None and not entries:
            self.event(event_id)  # an unknown id is an error, not an empty trail
        return entries


def _review_from_row(row) -> ReviewState:  # type: ignore[no-untyped-def]
    return ReviewState(event_id=row.event_id, status=row.status, corrections=row.corrections,
                       mention_ids=row.mention_ids, merged_into=row.merged_into)  # fmt: skip


def _entry_from_row(row) -> ReviewEntry:  # type: ignore[no-untyped-def]
    data = dict(row._mapping)
    data["at"] = datetime.fromtimestamp(data["at"], tz=timezone.utc)
    return ReviewEntry.model_validate(data)
