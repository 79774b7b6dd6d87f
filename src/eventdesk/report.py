"""Reports written by the system from the records, in its own words, every sentence cited.

`overview(store)` summarises the whole database (what the `run` summary and the demo report
show); `story_report(store, story_id)` is the situation report of one story: what happened,
where and when, the figures as ranges, then the events sorted by how well they are backed
(two or more independent sources / one source / only a party's claim or unverifiable), where
the sources disagree, and the list of sources. No sentence is copied from an article; each one
ends with the sources it rests on, as [outlet or headline, article id].
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from eventdesk.link.events import event_key
from eventdesk.records import Count, Event, Mention, Source, Status, Story
from eventdesk.store import EventFilter, Store

TOP_PLACES = 10
CITE_TITLE_CHARS = 40  # a headline used as a citation label is cut to this length
# How the report names a measure (Strategic developments) from its trigger family.
MEASURE_WORDS = {
    "deploy": "a deployment of troops or security forces",
    "curfew": "a curfew",
    "emergency": "a state of emergency",
    "martial_law": "martial law",
    "expulsion": "expulsions",
    "ban": "a ban on a group or activity",
    "base": "a base established",
    "withdrawal": "a withdrawal of forces",
    "agreement": "an agreement or ceasefire",
    "disrupted": "a weapon use prevented",
    "guard": "security forces posted to guard a site",
    "order": "an official order",
    "resignation": "a resignation",
}
TYPE_NOUNS = {
    "Battles": ("battle", "battles"),
    "Violence against civilians": ("attack on civilians", "attacks on civilians"),
    "Explosions/Remote violence": ("explosion or remote attack", "explosions or remote attacks"),
    "Riots": ("riot", "riots"),
    "Protests": ("protest", "protests"),
    "Strategic developments": ("strategic development", "strategic developments"),
}
SUB_EVENT_WORDS = {
    "Government regains territory": "government forces regaining control of territory",
    "Non-state actor overtakes territory": "a non-state group taking territory",
    "Excessive force against protesters": "excessive force used against protesters",
    "Abduction/forced disappearance": "an abduction",
    "Looting/property destruction": "looting or destruction of property",
    "Change to group/activity": "a change to a group or its activity",
}
COUNT_WORDS = {
    "killed": "killed",
    "injured": "injured",
    "arrested": "arrested",
    "participants": "taking part",
    "displaced": "displaced",
    "missing": "missing",
}
WHEN_WORDS = {"day": "on {}", "week": "in the week of {}", "month": "in {:%B %Y}", "year": "in {:%Y}"}
SECTIONS = (
    ("confirmed", "Confirmed by two or more independent sources"),
    ("single", "Reported by a single source"),
    ("claimed", "Claimed by a party, denied or not verifiable"),
)


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


# -- phrases ------------------------------------------------------------------------------


def _label(source: Source, titles: dict[str, str]) -> str:
    if source.outlet:
        return source.outlet
    title = titles.get(source.article_id, "")
    if title:
        return f"“{title[:CITE_TITLE_CHARS].rstrip()}{'…' if len(title) > CITE_TITLE_CHARS else ''}”"
    return "unnamed outlet"


def _cite(sources: Sequence[Source], titles: dict[str, str]) -> str:
    """[outlet or headline, article id; ...] for the given sources (each article once)."""
    seen = dict.fromkeys(s.article_id for s in sources)
    by_id = {s.article_id: s for s in sources}
    return "[" + "; ".join(f"{_label(by_id[a], titles)}, {a}" for a in seen) + "]"


def count_range(c: Count) -> str:
    """A count as words: '18', 'at least 18', 'up to 99', '12 to 99 (best estimate 12)'."""
    if c.low is not None and c.low == c.high:
        return f"{c.low:,}"
    if c.high is None:
        return f"at least {c.low:,}" if c.low is not None else "an unstated number of"
    if c.low is None:
        return f"up to {c.high:,}"
    best = f" (best estimate {c.best:,})" if c.best is not None else ""
    return f"{c.low:,} to {c.high:,}{best}"


def _count_phrase(c: Count) -> str:
    who = (c.who or "people").lower()
    return f"{count_range(c)} {who} {COUNT_WORDS.get(c.kind, 'counted')}"


def _what(event: Event, cue: str) -> str:
    if event.event_type == "Strategic developments" and event.sub_event_type == "Other":
        family, _, obj = cue.partition(":")
        if family == "shutdown":
            return f"a shutdown or closure ({obj or 'services'})"
        return MEASURE_WORDS.get(family, "a strategic development")
    if event.sub_event_type == "Arrests":
        return "arrests"
    sub = SUB_EVENT_WORDS.get(event.sub_event_type)
    if sub is None:
        sub = f"{_article(event.sub_event_type)} {event.sub_event_type.lower()}"
    kind = TYPE_NOUNS.get(event.event_type, (event.event_type.lower(),))[0]
    return sub if kind.split()[0] in sub else f"{sub} ({kind})"


def _article(noun: str) -> str:
    return "an" if noun[:1].lower() in "aeiou" else "a"


def _where(event: Event) -> str:
    p = event.place
    if not p.name:
        return "at a place the reports do not name"
    if p.geo_precision == 3:
        return f"in {p.name} (no more precise place given)"
    country = f", {p.country}" if p.country and p.country != p.name else ""
    return f"in {p.name}{country}"


def _when(event: Event) -> str:
    w = event.when
    if w.value is None:
        return "on a date the reports do not fix"
    return WHEN_WORDS.get(w.precision, "around {}").format(w.value)


def _actors(event: Event) -> str:
    a1 = [a.name for a in event.actors if a.role == "actor1"]
    a2 = [a.name for a in event.actors if a.role == "actor2"]
    if a1 and a2:
        return f" The reports name {', '.join(a1)} as acting against {', '.join(a2)}."
    if a1 or a2:
        return f" The reports name {', '.join(a1 or a2)} as involved."
    return ""


def _figures(event: Event) -> str:
    counts = [c for c in event.counts if c.kind in COUNT_WORDS]
    if not counts:
        return ""
    return " Reported figures: " + "; ".join(_count_phrase(c) for c in counts) + "."


def _basis(event: Event, members: Sequence[Mention]) -> str:
    statuses = {m.status for m in members}
    parties = sorted({m.attributed_to for m in members if m.attributed_to and m.status != Status.REPORTED})
    if Status.REPORTED in statuses:
        n = event.independent_sources
        copies = event.articles - n
        extra = f" ({event.articles} articles, {copies} of them copies)" if copies else ""
        return f" Stated by {n} independent sources{extra}." if n > 1 else f" Stated by one source only{extra}."
    notes = []
    if Status.CLAIMED in statuses:
        notes.append("claimed by " + (", ".join(parties) if parties else "an involved party"))
    if Status.DENIED in statuses:
        notes.append("denied")
    if Status.UNVERIFIED in statuses:
        notes.append("described by the reports themselves as unverified")
    if Status.PLANNED in statuses:
        notes.append("announced or threatened, not reported as done")
    return " Not established: " + "; ".join(notes) + "."


def event_sentence(event: Event, members: Sequence[Mention], titles: dict[str, str]) -> str:
    """One event in the system's own words, with its figures, basis and citation."""
    cue = _event_cue(members)
    what = _what(event, cue)
    text = f"{what[0].upper()}{what[1:]} {_where(event)}, {_when(event)}."
    return text + _actors(event) + _figures(event) + _basis(event, members) + " " + _cite(event.sources, titles)


def _event_cue(members: Sequence[Mention]) -> str:
    keys = Counter(event_key(m) for m in members).most_common(1)
    return keys[0][0][2] if keys and len(keys[0][0]) > 2 else ""


def _section(event: Event, members: Sequence[Mention]) -> str:
    if not any(m.status == Status.REPORTED for m in members):
        return "claimed"
    return "confirmed" if event.independent_sources >= 2 else "single"


# -- the story report ---------------------------------------------------------------------


def story_report(store: Store, story_id: str) -> str:
    """The situation report of one story, in Markdown."""
    story = store.story(story_id)
    events = store.events(EventFilter(story_id=story_id))
    wanted = {mid for e in events for mid in e.mention_ids}
    members: dict[str, list[Mention]] = {}
    by_id = {m.id: m for m in store.mentions() if m.id in wanted}
    for e in events:
        members[e.id] = [by_id[m] for m in e.mention_ids if m in by_id]
    articles = [a for a in store.articles() if a.id in set(story.article_ids)]
    titles = {a.id: a.title or a.text.split("\n", 1)[0] for a in articles}
    sources = [Source(article_id=a.id, outlet=a.outlet, url=a.url, published=a.published, copy_of=a.copy_of) for a in articles]
    lines = [f"# Situation report: {story.title}", ""]
    lines += [_overview_paragraph(story, events, sources, titles), ""]
    lines += _event_sections(events, members, titles)
    lines += _conflict_section(events, titles)
    lines += _sources_section(sources, titles)
    return "\n".join(lines).rstrip() + "\n"


def _overview_paragraph(story: Story, events: Sequence[Event], sources: Sequence[Source], titles: dict[str, str]) -> str:
    independent = len({s.copy_of or s.article_id for s in sources})
    span = (
        f"published between {story.first_published} and {story.last_published}"
        if story.first_published and story.last_published
        else "with no publication dates known"
    )
    places = Counter(_place_label(e) for e in events if e.place.name).most_common(3)
    where = f", mostly in {'; '.join(p for p, _ in places)}" if places else ""
    kinds = Counter(e.event_type for e in events).most_common()
    what = ", ".join(f"{n} {TYPE_NOUNS.get(t, (t, t))[n != 1]}" for t, n in kinds) or "no events"
    head = (
        f"This note draws on {len(sources)} article{'s' if len(sources) != 1 else ''} "
        f"({independent} independent after copies are counted once), {span}."
    )
    body = f" They describe {len(events)} distinct event{'s' if len(events) != 1 else ''}{where}: {what}."
    return head + body + _gravest(events) + " " + _cite(sources, titles)


def _gravest(events: Sequence[Event]) -> str:
    tolls = [(c.best or c.low or 0, c, e) for e in events for c in e.counts if c.kind == "killed"]
    if not tolls:
        return ""
    _, c, e = max(tolls, key=lambda t: t[0])
    return f" The largest reported death toll is {_count_phrase(c)} ({_what(e, '').split(' (')[0]} {_where(e)})."


def _event_sections(events: Sequence[Event], members: dict[str, list[Mention]], titles: dict[str, str]) -> list[str]:
    groups: dict[str, list[str]] = {key: [] for key, _ in SECTIONS}
    for e in events:
        ms = members.get(e.id, [])
        groups[_section(e, ms)].append(event_sentence(e, ms, titles))
    lines: list[str] = []
    for key, title in SECTIONS:
        if groups[key]:
            lines += [f"## {title}", ""] + [f"- {s}" for s in groups[key]] + [""]
    return lines


def _conflict_section(events: Sequence[Event], titles: dict[str, str]) -> list[str]:
    items = [
        f"On {_what(e, '').split(' (')[0]} {_where(e)}, the figures disagree: {c}. {_cite(e.sources, titles)}"
        for e in events
        for c in e.conflicts
    ]
    return ["## Where the sources disagree", ""] + [f"- {s}" for s in items] + [""] if items else []


def _sources_section(sources: Sequence[Source], titles: dict[str, str]) -> list[str]:
    lines = ["## Sources", ""]
    for s in sources:
        when = f", published {s.published}" if s.published else ", publication date unknown"
        copy = f"; copies {s.copy_of}, so it is not counted as an independent source" if s.copy_of else ""
        lines.append(f"- {s.article_id}: {_label(s, titles)}{when}{copy}.")
    return lines + [""]


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
