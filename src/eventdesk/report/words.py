"""The system's own words for one event: what happened, where, when, who, the figures and how
well it is backed. No phrase is copied from an article; names (places, actors, parties) and
quoted figures are the only words that come from the records.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date

from eventdesk.link.events import event_key
from eventdesk.records import Count, Event, Mention, Source, Status, When

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
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def place_label(e: Event) -> str:
    """'Colombo, Sri Lanka' (the country once when the place is the country)."""
    p = e.place
    return f"{p.name}, {p.country}" if p.country and p.country != p.name else str(p.name)


def source_label(source: Source, titles: dict[str, str]) -> str:
    """How a citation names an article: its outlet, else its headline cut short."""
    if source.outlet:
        return source.outlet
    title = titles.get(source.article_id, "")
    if title:
        return f"“{title[:CITE_TITLE_CHARS].rstrip()}{'…' if len(title) > CITE_TITLE_CHARS else ''}”"
    return "unnamed outlet"


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


def count_phrase(c: Count) -> str:
    """'12 to 99 (best estimate 12) protesters killed'."""
    who = (c.who or "people").lower()
    return f"{count_range(c)} {who} {COUNT_WORDS.get(c.kind, 'counted')}"


def event_counts(event: Event) -> list[str]:
    """The event's figures of the kinds a report states, as phrases."""
    return [count_phrase(c) for c in event.counts if c.kind in COUNT_WORDS]


def what(event: Event, cue: str = "") -> str:
    """What happened, as a noun phrase: 'a curfew', 'a violent demonstration (riot)'."""
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


def short_what(event: Event) -> str:
    """What happened without the type in brackets: 'a violent demonstration'."""
    return what(event).split(" (")[0]


def _article(noun: str) -> str:
    return "an" if noun[:1].lower() in "aeiou" else "a"


def where(event: Event) -> str:
    """'in Colombo, Sri Lanka', or why the place is vague."""
    p = event.place
    if not p.name:
        return "at a place the reports do not name"
    if p.geo_precision == 3:
        return f"in {p.name} (no more precise place given)"
    country = f", {p.country}" if p.country and p.country != p.name else ""
    return f"in {p.name}{country}"


def when(event: Event) -> str:
    """'on 2022-05-09', 'in the week of ...', or that the date is not fixed."""
    w = event.when
    if w.value is None:
        return "on a date the reports do not fix"
    return WHEN_WORDS.get(w.precision, "around {}").format(w.value)


def date_text(w: When) -> str:
    """A chronology's date column: '9 May 2022', 'week of 9 May 2022', 'May 2022', '2022'."""
    if w.value is None:
        return "date not fixed"
    day = day_text(w.value)
    return {"week": f"week of {day}", "month": f"{MONTHS[w.value.month - 1]} {w.value.year}",
            "year": str(w.value.year)}.get(w.precision, day)  # fmt: skip


def day_text(d: date) -> str:
    """'11 May 2022'."""
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def _actors(event: Event) -> str:
    a1 = [a.name for a in event.actors if a.role == "actor1"]
    a2 = [a.name for a in event.actors if a.role == "actor2"]
    if a1 and a2:
        return f" The reports name {', '.join(a1)} as acting against {', '.join(a2)}."
    if a1 or a2:
        return f" The reports name {', '.join(a1 or a2)} as involved."
    return ""


def _figures(event: Event) -> str:
    counts = event_counts(event)
    return " Reported figures: " + "; ".join(counts) + "." if counts else ""


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


def event_text(event: Event, members: Sequence[Mention]) -> str:
    """One event in the system's own words, with its figures and basis (no citation)."""
    said = what(event, event_cue(members))
    text = f"{said[0].upper()}{said[1:]} {where(event)}, {when(event)}."
    return text + _actors(event) + _figures(event) + _basis(event, members)


def event_cue(members: Sequence[Mention]) -> str:
    """The trigger family most of the event's mentions share ('curfew', 'shutdown:internet')."""
    keys = Counter(event_key(m) for m in members).most_common(1)
    return keys[0][0][2] if keys and len(keys[0][0]) > 2 else ""


def backing(event: Event, members: Sequence[Mention]) -> str:
    """How well the event is backed: 'confirmed' (two or more independent sources stating it),
    'single' (one source), or 'claimed' (only a party's claim, a denial or unverifiable)."""
    if not any(m.status == Status.REPORTED for m in members):
        return "claimed"
    return "confirmed" if event.independent_sources >= 2 else "single"
