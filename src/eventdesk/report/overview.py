"""The whole store in a few counts (what the `run` summary and the demo report show), and a
Markdown report over every story: the counts, then each story's flash update."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime

from eventdesk.records import Story
from eventdesk.report.flash import flash_update
from eventdesk.report.render import flash_markdown
from eventdesk.report.words import place_label
from eventdesk.store import Store

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
    places = Counter(place_label(e) for e in events if e.place.name)
    per_story = Counter(e.story_id for e in events)
    return Overview(
        articles=len(arts),
        skipped=Counter(a.skipped.value for a in arts if a.skipped),
        failures=len(store.failures()),
        events_by_type=Counter(e.event_type for e in events),
        top_places=places.most_common(TOP_PLACES),
        stories=[(s, per_story[s.id]) for s in store.stories()],
    )


def overview_markdown(store: Store, now: datetime | None = None) -> str:
    """A report over every story in the store, in Markdown: counts, then each flash update."""
    ov = overview(store)
    lines = ["# eventdesk report", "", f"{ov.articles} articles, {sum(ov.events_by_type.values())} events, {len(ov.stories)} stories.", ""]
    if ov.events_by_type:
        lines += ["## Events by type", ""] + [f"- {t}: {n}" for t, n in ov.events_by_type.most_common()] + [""]
    if ov.top_places:
        lines += ["## Top places", ""] + [f"- {p}: {n}" for p, n in ov.top_places] + [""]
    for story, n in ov.stories:
        if n:
            update = flash_markdown(flash_update(store, story.id, now))
            lines += [update.replace("\n## ", "\n### ").replace("# ", "## ", 1), ""]  # one level down
    return "\n".join(lines)
