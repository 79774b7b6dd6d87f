"""The reduce over the store: copies → stories → events, incremental.

`link(store)` runs after each batch. Assignments already made (an article's story, a mention's
event) are kept; only new articles and mentions are placed. Events that gained a mention, or
whose sources' copy relations changed, are rebuilt from their mentions. All of it is written in
one transaction, so an interrupted link leaves the store as it was.

Memory: mentions are streamed once into small `Placement`s for the assignment, and the events
to rebuild are merged in chunks, their mentions fetched by id: never all mentions at once.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from eventdesk.link.copies import FEATURE_KEYS, copy_features, find_copies
from eventdesk.link.events import Placement, apply_review, assign_events, merge_event
from eventdesk.link.stories import assign_stories, build_stories
from eventdesk.records import Event, Source
from eventdesk.store import EventFilter, Store

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class LinkSummary:
    """What a link run produced."""

    articles: int
    copies: int
    stories: int
    events: int
    new_events: int


# Copy features of earlier versions, replaced when a row is re-featured: the 5-word-shingle
# MinHash of the first version and the hand-rolled MinHash of the second.
STALE_KEYS = ("minhash", "copy_sig")

# Mentions loaded at once to rebuild events (whole events per chunk; an event larger than this
# is loaded alone). ~5 KB each in memory: 5,000 keep a chunk near 25 MB.
MERGE_CHUNK_MENTIONS = 5000


def link(store: Store) -> LinkSummary:
    """Place new articles in stories and new mentions in events; rebuild merged records."""
    rows = store.article_rows()
    _refeature([r for r in rows if not r["skipped"]], store)
    copies = find_copies([r for r in rows if not r["skipped"]], store)
    story_of = assign_stories(rows, copies)
    placements = [Placement.of(m) for m in store.iter_mentions()]
    known = store.mention_event_ids()
    # What analysts decided (review.py): a mention placed by a split or merge stays where they put
    # it, and an event they edited takes new mentions that agree with it as they left it.
    edited = {e.id: Placement.of_event(e) for e in store.edited_events()}
    event_of = assign_events(placements, known | store.review_pins(), story_of, edited)
    article_updates = {
        r["id"]: {
            "story_id": story_of.get(r["id"]),
            "copy_of": copies.get(r["id"], (None, None))[0],
            "copy_score": copies.get(r["id"], (None, None))[1],
        }
        for r in rows
        if (r["story_id"], r["copy_of"]) != (story_of.get(r["id"]), copies.get(r["id"], (None,))[0])
    }
    new_links = {mid: eid for mid, eid in event_of.items() if known.get(mid) != eid}
    touched = set(new_links.values()) | {event_of[p.id] for p in placements if p.article_id in article_updates}
    events = _merge(placements, event_of, touched, story_of, rows, copies, store)
    stories = [
        s.model_copy(update={"countries": _countries(s.id, events, store)})
        for s in build_stories(rows, story_of, _seqs(rows, story_of, store, "stories"))
    ]
    store.save_link(article_updates, stories, events, new_links)
    new_events = len(set(new_links.values()) - {e for e in known.values() if e})
    total = len(set(event_of.values()))
    log.info("linked %d articles into %d stories and %d events", len(rows), len(stories), total)
    return LinkSummary(len(rows), len(copies), len(stories), total, new_events)


def _refeature(rows: list[dict], store: Store) -> None:
    """Give the rows stored before the copy detector's current features (FEATURE_KEYS) those
    features, from their stored text, and save them (in place; once per article)."""
    stale = [r for r in rows if r["features"].get("copy_sents") is not None or "minhash" in r["features"]]
    stale = [r for r in stale if not all(k in r["features"] for k in FEATURE_KEYS)]
    if not stale:
        return
    log.info("copies: %d articles stored before the current copy features; computing them from their text", len(stale))
    texts = store.article_texts([r["id"] for r in stale])
    updates = {}
    for row in stale:
        kept = {k: v for k, v in row["features"].items() if k not in STALE_KEYS}
        row["features"] = updates[row["id"]] = {**kept, **copy_features(texts[row["id"]])}
    store.update_features(updates)


def _countries(story_id: str, rebuilt: list[Event], store: Store) -> list[str]:
    """The countries a story's events are placed in (rebuilt ones, then those stored)."""
    fresh = {e.id: e.place.country_code for e in rebuilt if e.story_id == story_id}
    stored = {e.id: e.place.country_code for e in store.events(EventFilter(story_id=story_id)) if e.id not in fresh}
    return sorted({c for c in (fresh | stored).values() if c})


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


def _merge(placements, event_of, touched, story_of, rows, copies, store: Store) -> list[Event]:  # type: ignore[no-untyped-def]
    """Rebuild the touched events from their mentions, in chunks of MERGE_CHUNK events."""
    sources = article_sources(rows, {a: c[0] for a, c in copies.items()})
    members: dict[str, list[str]] = {}
    for p in placements:  # ingest order, so members keep it
        if event_of[p.id] in touched:
            members.setdefault(event_of[p.id], []).append(p.id)
    seqs = store.event_seqs()
    nxt = max(seqs.values(), default=0) + 1
    for eid in members:
        if eid not in seqs:
            seqs[eid], nxt = nxt, nxt + 1
    events: list[Event] = []
    for chunk in _chunks_of_mentions(members):
        found = store.mentions_by_id([mid for eid in chunk for mid in members[eid]])
        reviews = store.reviews(chunk)  # an analyst's verdict and fields outlast the rebuild
        for eid in chunk:
            ms = [found[mid] for mid in members[eid]]
            events.append(apply_review(merge_event(eid, story_of[ms[0].article_id], ms, sources, seqs[eid]), reviews.get(eid)))
    return events


def article_sources(rows: list[dict], copy_of: dict[str, str | None]) -> dict[str, Source]:
    """article id -> the article as a source of the events it reports (`Store.article_rows`
    rows; `copy_of`: article id -> the article it copies)."""
    return {
        r["id"]: Source(
            article_id=r["id"],
            outlet=r["outlet"],
            url=r["url"],
            published=date.fromisoformat(r["published"]) if r["published"] else None,
            copy_of=copy_of.get(r["id"]),
        )
        for r in rows
    }


def _chunks_of_mentions(members: dict[str, list[str]]) -> Iterator[list[str]]:
    """Event ids in groups holding about MERGE_CHUNK_MENTIONS mentions."""
    chunk: list[str] = []
    size = 0
    for eid, mids in members.items():
        if chunk and size + len(mids) > MERGE_CHUNK_MENTIONS:
            yield chunk
            chunk, size = [], 0
        chunk.append(eid)
        size += len(mids)
    if chunk:
        yield chunk
