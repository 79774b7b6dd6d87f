"""The reduce over the store: copies → stories → events, incremental.

`link(store)` runs after each batch. Assignments already made (an article's story, a mention's
event) are kept; only new articles and mentions are placed. Merged fields are rebuilt. All of
it is written in one transaction, so an interrupted link leaves the store as it was.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date

from eventdesk.link.copies import find_copies
from eventdesk.link.events import assign_events, merge_event
from eventdesk.link.stories import assign_stories, build_stories
from eventdesk.records import Event, Mention, Source
from eventdesk.store import Store

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class LinkSummary:
    """What a link run produced."""

    articles: int
    copies: int
    stories: int
    events: int
    new_events: int


def link(store: Store) -> LinkSummary:
    """Place new articles in stories and new mentions in events; rebuild merged records."""
    rows = [r for r in store.article_rows()]
    copies = find_copies([r for r in rows if not r["skipped"]])
    story_of = assign_stories(rows, copies)
    mentions = store.mentions()
    known = store.mention_event_ids()
    event_of = assign_events(mentions, known, story_of)
    article_updates = {
        r["id"]: {
            "story_id": story_of.get(r["id"]),
            "copy_of": copies.get(r["id"], (None, None))[0],
            "copy_score": copies.get(r["id"], (None, None))[1],
        }
        for r in rows
        if (r["story_id"], r["copy_of"]) != (story_of.get(r["id"]), copies.get(r["id"], (None,))[0])
    }
    events = _merge_all(mentions, event_of, story_of, rows, copies, store)
    stories = [
        s.model_copy(update={"countries": _countries(s.id, events)})
        for s in build_stories(rows, story_of, _seqs(rows, story_of, store, "stories"))
    ]
    new_links = {mid: eid for mid, eid in event_of.items() if known.get(mid) != eid}
    store.save_link(article_updates, stories, events, new_links)
    new_events = len({eid for eid in new_links.values()} - {e for e in known.values() if e})
    log.info("linked %d articles into %d stories and %d events", len(rows), len(stories), len(events))
    return LinkSummary(len(rows), len(copies), len(stories), len(events), new_events)


def _countries(story_id: str, events: list[Event]) -> list[str]:
    """The countries a story's events are placed in."""
    return sorted({e.place.country_code for e in events if e.story_id == story_id and e.place.country_code})


def _seqs(rows: list[dict], assigned: dict[str, str], store: Store, table: str) -> dict[str, int]:
    """Creation order for each id: kept for existing records, appended for new ones."""
    existing = {s.id: s.seq for s in store.stories()} if table == "stories" else {}
    nxt = max(existing.values(), default=0) + 1
    out: dict[str, int] = dict(existing)
    for row in rows:
        sid = assigned.get(row["id"])
        if sid and sid not in out:
            out[sid] = nxt
            nxt += 1
    return out


def _merge_all(mentions: list[Mention], event_of, story_of, rows, copies, store: Store):  # type: ignore[no-untyped-def]
    sources = {
        r["id"]: Source(
            article_id=r["id"],
            outlet=r["outlet"],
            url=r["url"],
            published=date.fromisoformat(r["published"]) if r["published"] else None,
            copy_of=copies.get(r["id"], (None,))[0],
        )
        for r in rows
    }
    members: dict[str, list[Mention]] = {}
    for m in mentions:
        members.setdefault(event_of[m.id], []).append(m)
    old_seq = {e.id: e.seq for e in store.events()}
    nxt = max(old_seq.values(), default=0) + 1
    events = []
    for eid, ms in members.items():
        if eid not in old_seq:
            old_seq[eid] = nxt
            nxt += 1
        story = story_of[ms[0].article_id]
        events.append(merge_event(eid, story, ms, sources, old_seq[eid]))
    return events
