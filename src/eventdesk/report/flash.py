"""The flash update of one story, as a humanitarian desk writes one, built from the stored records.

As of when (the latest article's publication date, and when the update was written), the key
figures (events, killed and arrested as the sum of the best figures with the range of the sums,
places affected), a dated chronology of the events, what is claimed and denied and by whom,
where the sources disagree, and the sources. Every sentence carries a `Cite`: the events it
rests on and the articles that report them. `render.py` writes it as Markdown or HTML.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Literal

from pydantic import BaseModel, Field

from eventdesk.figures import Figures, count_figures, sum_figures
from eventdesk.records import Article, Event, Mention, Source, Status
from eventdesk.report import words
from eventdesk.store import EventFilter, Store

FigureKey = Literal["events", "fatalities", "arrests", "places"]
Backing = Literal["confirmed", "single", "claimed"]
CLAIM_STATUSES = (Status.CLAIMED, Status.DENIED)


class CitedSource(BaseModel):
    """An article a sentence rests on, with the label a citation gives it."""

    article_id: str
    label: str


class Cite(BaseModel):
    """What a sentence rests on: its events, and the articles that report them."""

    event_ids: list[str] = Field(default_factory=list)
    sources: list[CitedSource] = Field(default_factory=list)


class Sentence(BaseModel):
    """A sentence in the system's own words and what it rests on."""

    text: str
    cite: Cite


class KeyFigure(BaseModel):
    """One figure of the key-figures box; `value` is the best figure, `low`..`high` the range."""

    key: FigureKey
    label: str
    value: int
    low: int | None = None
    high: int | None = None
    high_open: bool = Field(False, description="Some count has no upper bound: `high` is a floor.")
    names: list[str] = Field(default_factory=list, description="The places, for 'places'.")
    sentence: Sentence


class Entry(BaseModel):
    """One event of the chronology: date, place, what happened, its figures."""

    n: int = Field(description="Its number in the chronology, from 1, in date order.")
    event_id: str
    date: date | None
    date_text: str
    place: str
    event_type: str
    sub_event_type: str
    counts: list[str]
    backing: Backing
    sentence: Sentence


class Claim(BaseModel):
    """What one party claims or denies about one event."""

    event_id: str
    status: Literal["claimed", "denied"]
    party: str | None
    sentence: Sentence


class SourceEntry(BaseModel):
    """An article of the story."""

    article_id: str
    label: str
    outlet: str | None
    title: str | None
    url: str | None
    published: date | None
    copy_of: str | None


class FlashUpdate(BaseModel):
    """The flash update of one story."""

    story_id: str
    title: str
    as_of: date | None = Field(description="The publication date of the story's latest article.")
    written: datetime = Field(description="When this update was written (UTC).")
    as_of_sentence: Sentence
    summary: list[Sentence]
    key_figures: list[KeyFigure]
    chronology: list[Entry]
    claims: list[Claim]
    disagreements: list[Sentence]
    sources: list[SourceEntry]


@dataclass(frozen=True)
class _Material:
    """What the update is written from: the story's events (in date order), their mentions and articles."""

    story_id: str
    title: str
    events: list[Event]
    members: dict[str, list[Mention]]
    articles: list[Article]
    titles: dict[str, str]
    numbers: dict[str, int]

    def cite(self, events: Sequence[Event], sources: Sequence[Source] | None = None) -> Cite:
        """The events (in chronology order) and their sources, or the given sources."""
        chosen = sorted(events, key=lambda e: self.numbers[e.id])
        pool = sources if sources is not None else [s for e in chosen for s in e.sources]
        seen: dict[str, CitedSource] = {}
        for s in pool:
            seen.setdefault(s.article_id, CitedSource(article_id=s.article_id, label=words.source_label(s, self.titles)))
        return Cite(event_ids=[e.id for e in chosen], sources=list(seen.values()))

    def article_sources(self, articles: Sequence[Article] | None = None) -> list[Source]:
        """The story's articles (or these) as sources."""
        chosen = self.articles if articles is None else articles
        return [Source(article_id=a.id, outlet=a.outlet, url=a.url, published=a.published, copy_of=a.copy_of) for a in chosen]


def _gather(store: Store, story_id: str) -> _Material:
    story = store.story(story_id)
    events = sorted(store.events(EventFilter(story_id=story_id)),
                    key=lambda e: (e.when.value is None, e.when.value or date.min, e.seq))  # fmt: skip
    wanted = {mid for e in events for mid in e.mention_ids}
    by_id = {m.id: m for m in store.mentions() if m.id in wanted}
    members = {e.id: [by_id[m] for m in e.mention_ids if m in by_id] for e in events}
    ids = set(story.article_ids)
    articles = sorted((a for a in store.articles() if a.id in ids),
                      key=lambda a: (a.published is None, a.published or date.min, a.id))  # fmt: skip
    titles = {a.id: a.title or a.text.split("\n", 1)[0] for a in articles}
    numbers = {e.id: i for i, e in enumerate(events, 1)}
    return _Material(story.id, story.title, events, members, articles, titles, numbers)


def flash_update(store: Store, story_id: str, now: datetime | None = None) -> FlashUpdate:
    """The flash update of one story (its events in ACLED's scope, as the desk shows them).

    Args:
        store: the store to read.
        story_id: the story.
        now: when the update is written (defaults to the current time, UTC).
    """
    m = _gather(store, story_id)
    written = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    as_of, as_of_sentence = _as_of(m, written)
    return FlashUpdate(
        story_id=m.story_id, title=m.title, as_of=as_of, written=written, as_of_sentence=as_of_sentence,
        summary=_summary(m), key_figures=key_figures(m), chronology=_chronology(m), claims=_claims(m),
        disagreements=_disagreements(m), sources=_sources(m),
    )  # fmt: skip


# -- as of, summary -----------------------------------------------------------------------


def _as_of(m: _Material, written: datetime) -> tuple[date | None, Sentence]:
    stamp = f"written {written:%Y-%m-%d %H:%M} UTC"
    dates = [a.published for a in m.articles if a.published]
    if not dates:
        text = f"As of the time of writing: no article of this story gives its publication date; {stamp}."
        return None, Sentence(text=text, cite=m.cite([], m.article_sources()))
    latest = max(dates)
    newest = [a for a in m.articles if a.published == latest]
    text = f"As of {words.day_text(latest)}, the publication date of the latest article; {stamp}."
    return latest, Sentence(text=text, cite=m.cite([], m.article_sources(newest)))


def _summary(m: _Material) -> list[Sentence]:
    n = len(m.articles)
    independent = len({a.copy_of or a.id for a in m.articles})
    dates = sorted(a.published for a in m.articles if a.published)
    span = f"published between {dates[0]} and {dates[-1]}" if dates else "with no publication dates known"
    head = (f"This flash update draws on {n} article{'s' if n != 1 else ''} "
            f"({independent} independent after copies are counted once), {span}.")  # fmt: skip
    out = [Sentence(text=head, cite=m.cite([], m.article_sources()))]
    tolls = [(c.best or c.low or 0, c, e) for e in m.events for c in e.counts if c.kind == "killed"]
    if tolls:
        _, c, e = max(tolls, key=lambda t: t[0])
        text = f"The largest reported death toll is {words.count_phrase(c)} ({words.short_what(e)} {words.where(e)}, {words.when(e)})."
        out.append(Sentence(text=text, cite=m.cite([e])))
    return out


# -- key figures --------------------------------------------------------------------------


def key_figures(m: _Material) -> list[KeyFigure]:
    """Events, killed, arrested and places affected, each cited by the events it sums."""
    return [_events_figure(m), _count_figure(m, "fatalities", "killed"), _count_figure(m, "arrests", "arrested"),
            _places_figure(m)]  # fmt: skip


def _everything(m: _Material, events: Sequence[Event]) -> Cite:
    """The events a figure rests on (their articles are cited in the chronology); with none,
    every event (or every article) the absence rests on."""
    if events or m.events:
        return m.cite(events or m.events, sources=[])
    return m.cite([], m.article_sources())


def _events_figure(m: _Material) -> KeyFigure:
    kinds = Counter(e.event_type for e in m.events).most_common()
    n = len(m.events)
    parts = ", ".join(f"{k} {words.TYPE_NOUNS.get(t, (t, t))[k != 1]}" for t, k in kinds)
    text = f"{n} distinct event{'s' if n != 1 else ''}" + (f": {parts}." if parts else " in ACLED's scope.")
    return KeyFigure(key="events", label="Events", value=n, sentence=Sentence(text=text, cite=_everything(m, m.events)))


def _count_figure(m: _Material, key: FigureKey, kind: str) -> KeyFigure:
    per_event = [(e, count_figures(e.counts, kind)) for e in m.events]
    counted = [e for e, f in per_event if f.events]
    total = sum_figures(f for _, f in per_event)
    label = words.COUNT_WORDS[kind]
    if not counted:
        text = f"No event of this story reports anyone {label}."
    else:
        text = (f"{total.best:,} people reported {label} (the sum of the best figures{range_words(total)}), "
                f"in {len(counted)} event{'s' if len(counted) != 1 else ''}.")  # fmt: skip
    return KeyFigure(key=key, label=label.capitalize(), value=total.best, low=total.low, high=total.high,
                     high_open=total.high_open, sentence=Sentence(text=text, cite=_everything(m, counted)))  # fmt: skip


def range_words(f: Figures) -> str:
    """'; range 19 to 40 or more', or '' when every count is exact."""
    if f.low == f.high and not f.high_open:
        return ""
    return f"; range {f.low:,} to {f.high:,}{' or more' if f.high_open else ''}"


def _places_figure(m: _Material) -> KeyFigure:
    placed = [e for e in m.events if e.place.name]
    per_place = Counter(words.place_label(e) for e in placed)
    names = [p for p, _ in per_place.most_common()]
    unplaced = len(m.events) - len(placed)
    listed = "; ".join(f"{p} ({k} event{'s' if k != 1 else ''})" for p, k in per_place.most_common())
    text = f"{len(names)} place{'s' if len(names) != 1 else ''} affected" + (f": {listed}." if listed else ".")
    if unplaced:
        text += f" {unplaced} event{'s' if unplaced != 1 else ''} at a place the reports do not name."
    return KeyFigure(key="places", label="Places affected", value=len(names), names=names,
                     sentence=Sentence(text=text, cite=_everything(m, m.events)))  # fmt: skip


# -- chronology, claims, disagreements, sources -------------------------------------------


def _chronology(m: _Material) -> list[Entry]:
    out = []
    for e in m.events:
        ms = m.members.get(e.id, [])
        place = words.place_label(e) if e.place.name else "place not named"
        out.append(Entry(
            n=m.numbers[e.id], event_id=e.id, date=e.when.value, date_text=words.date_text(e.when), place=place,
            event_type=e.event_type, sub_event_type=e.sub_event_type, counts=words.event_counts(e),
            backing=words.backing(e, ms), sentence=Sentence(text=words.event_text(e, ms), cite=m.cite([e])),
        ))  # fmt: skip
    return out


def _claims(m: _Material) -> list[Claim]:
    out = []
    for e in m.events:
        ms = m.members.get(e.id, [])
        groups: dict[tuple[Status, str], list[Mention]] = {}  # one party however it is capitalised
        for mention in ms:
            if mention.status in CLAIM_STATUSES:
                groups.setdefault((mention.status, (mention.attributed_to or "").casefold()), []).append(mention)
        reported = any(x.status == Status.REPORTED for x in ms)
        for (status, _), said in groups.items():
            out.append(_claim(m, e, status, said[0].attributed_to, said, reported))
    return out


def _claim(m: _Material, e: Event, status: Status, party: str | None, said: list[Mention], reported: bool) -> Claim:
    verb = "Claimed" if status == Status.CLAIMED else "Denied"
    counts = [words.count_phrase(c) for x in said for c in x.counts if c.kind in words.COUNT_WORDS]
    figures = f", with {'; '.join(dict.fromkeys(counts))}" if counts else ""
    standing = "Other reports state it as fact." if reported else "No report states it as fact."
    text = f"{verb} by {party or 'an unnamed party'}: {words.what(e, words.event_cue(said))} {words.where(e)}, {words.when(e)}{figures}. {standing}"
    ids = {x.article_id for x in said}
    sources = [s for s in e.sources if s.article_id in ids] or [Source(article_id=a) for a in sorted(ids)]
    return Claim(event_id=e.id, status="claimed" if status == Status.CLAIMED else "denied", party=party,
                 sentence=Sentence(text=text, cite=m.cite([e], sources)))  # fmt: skip


def _disagreements(m: _Material) -> list[Sentence]:
    return [
        Sentence(text=f"On {words.short_what(e)} {words.where(e)}, {words.when(e)}, the figures disagree: {c}.", cite=m.cite([e]))
        for e in m.events
        for c in e.conflicts
    ]


def _sources(m: _Material) -> list[SourceEntry]:
    return [
        SourceEntry(article_id=a.id, label=words.source_label(s, m.titles), outlet=a.outlet, title=m.titles.get(a.id),
                    url=a.url, published=a.published, copy_of=a.copy_of)  # fmt: skip
        for a, s in zip(m.articles, m.article_sources(), strict=True)
    ]
