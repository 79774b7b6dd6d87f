"""Reports written by the system from the records, in its own words, every sentence cited.

`overview(store)` summarises the whole database (what the `run` summary and the demo report
show); `story_report(store, story_id)` is the situation report of one story.
"""

from __future__ import annotations

import html
from collections import Counter
from dataclasses import dataclass

from eventdesk.records import Event, Status, Story
from eventdesk.store import EventFilter, Store

STATUS_WORDS = {
    Status.REPORTED: "reported",
    Status.CLAIMED: "claimed",
    Status.DENIED: "denied",
    Status.UNVERIFIED: "could not be verified",
    Status.PLANNED: "planned or threatened",
}
TOP_PLACES = 10


@dataclass(frozen=True)
class Overview:
    """Counts over the whole store, for summaries."""

    articles: int
    skipped: Counter[str]
    failures: int
    events_by_type: Counter[str]
    top_places: list[tuple[str, int]]
    stories: list[tuple[Story, int]]


def overview(store: Store) -> Overview:
    """Counts by type, top places and stories of everything stored."""
    arts = store.articles()
    events = store.events()
    places = Counter(_place_label(e) for e in events if e.place.name)
    per_story = Counter(e.story_id for e in events)
    return Overview(
        articles=len(arts),
        skipped=Counter(a.skipped.value for a in arts if a.skipped),
        failures=len(store.failures()),
        events_by_type=Counter(e.event_type for e in events),
        top_places=places.most_common(TOP_PLACES),
        stories=[(s, per_story[s.id]) for s in store.stories()],
    )


def _place_label(e: Event) -> str:
    p = e.place
    return f"{p.name}, {p.country}" if p.country and p.country != p.name else str(p.name)


def _cite(event: Event) -> str:
    outlets = list(dict.fromkeys(s.outlet or s.article_id for s in event.sources))
    return "[" + "; ".join(outlets) + "]"


def _event_sentence(event: Event, statuses: set[Status]) -> str:
    basis = (
        f"{event.independent_sources} independent sources"
        if event.independent_sources > 1
        else "a single source"
    )
    extra = ""
    if Status.REPORTED not in statuses and statuses:
        extra = " It is " + " and ".join(sorted(STATUS_WORDS[s] for s in statuses)) + ", not established."
    return f"{event.summary} Backed by {basis}.{extra} {_cite(event)}"


def story_report(store: Store, story_id: str) -> str:
    """The situation report of one story, in Markdown."""
    story = store.story(story_id)
    events = store.events(EventFilter(story_id=story_id))
    mentions = {m.id: m for m in store.mentions()}
    span = _span_text(story)
    lines = [f"# {story.title}", "", f"{len(story.article_ids)} articles{span}; {len(events)} events.", ""]
    groups: dict[str, list[str]] = {"Confirmed by two or more independent sources": [], "Reported by one source": [], "Claimed by a party or unverified": []}
    for e in events:
        statuses = {mentions[m].status for m in e.mention_ids if m in mentions}
        sentence = _event_sentence(e, statuses)
        if Status.REPORTED not in statuses:
            groups["Claimed by a party or unverified"].append(sentence)
        elif e.independent_sources >= 2:
            groups["Confirmed by two or more independent sources"].append(sentence)
        else:
            groups["Reported by one source"].append(sentence)
        for c in e.conflicts:
            groups["Reported by one source"].append(f"Sources disagree on {c}. {_cite(e)}")
    for title, items in groups.items():
        if items:
            lines += [f"## {title}", ""] + [f"- {s}" for s in items] + [""]
    return "\n".join(lines)


def _span_text(story: Story) -> str:
    if story.first_published and story.last_published:
        return f" published {story.first_published} to {story.last_published}"
    return ""


def overview_markdown(store: Store) -> str:
    """A report over every story in the store, in Markdown."""
    ov = overview(store)
    lines = ["# eventdesk report", "", f"{ov.articles} articles, {sum(ov.events_by_type.values())} events, {len(ov.stories)} stories.", ""]
    if ov.events_by_type:
        lines += ["## Events by type", ""] + [f"- {t}: {n}" for t, n in ov.events_by_type.most_common()] + [""]
    if ov.top_places:
        lines += ["## Top places", ""] + [f"- {p}: {n}" for p, n in ov.top_places] + [""]
    for story, n in ov.stories:
        if n:
            lines += [story_report(store, story.id).replace("# ", "## ", 1), ""]
    return "\n".join(lines)


def to_html(markdown: str) -> str:
    """A minimal, fully escaped HTML rendering of a report."""
    body = []
    for line in markdown.splitlines():
        esc = html.escape(line)
        if line.startswith("## "):
            body.append(f"<h2>{esc[3:]}</h2>")
        elif line.startswith("# "):
            body.append(f"<h1>{esc[2:]}</h1>")
        elif line.startswith("- "):
            body.append(f"<li>{esc[2:]}</li>")
        elif line:
            body.append(f"<p>{esc}</p>")
    return "<!doctype html><meta charset='utf-8'><title>eventdesk report</title>\n" + "\n".join(body)
