"""The records that flow through eventdesk.

Every stage takes and returns these typed records (pydantic models), never
nested string-keyed dicts. They serialise to JSON for the store and pickle
for worker processes, so the per-article map can run anywhere.

Offsets (`start`, `end`) are always character offsets into the article's
*cleaned* text (`Article.text`), so `article.text[start:end] == text`.
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

EventType = Literal[
    "Battles",
    "Violence against civilians",
    "Explosions/Remote violence",
    "Riots",
    "Protests",
    "Strategic developments",
]
CountKind = Literal["killed", "injured", "arrested", "participants", "displaced", "missing", "other"]
TimePrecision = Literal["day", "week", "month", "year", "unknown"]
GeoPrecision = Literal[1, 2, 3] | None
ActorRole = Literal["actor1", "actor2", "associated"]
# Why a recognised place is not where an event happened (None: an ordinary mention). "in_name":
# inside an organisation's name ("the Health Ministry of Uganda"); "home": an actor's home ("a
# Chicago man", "Smith, of Leeds"); "origin": where a movement starts ("flew in from Moscow");
# "reference": the point a distance is told from ("30 km west of Sweida"); "destination": where
# a vehicle or a journey was going ("buses to Islamabad", "a flight to Dubai");
# "guess": an ambiguous name resolved, without context, to a country the article is not about.
PlaceRole = Literal["in_name", "home", "origin", "reference", "destination", "hospital", "guess", "neighbour"]
Scope = Literal["acled", "crime", "other"]
# An analyst's verdict on an event (see review.py): none yet, confirmed as the machine coded it,
# corrected (fields edited, or the event split or merged), or rejected (not a real event).
ReviewStatus = Literal["unreviewed", "confirmed", "edited", "rejected"]
ReviewAction = Literal["confirm", "reject", "edit", "split", "merge"]


class Status(StrEnum):
    """How an evidence sentence presents its event (see the shared schema)."""

    REPORTED = "reported"
    CLAIMED = "claimed"
    DENIED = "denied"
    UNVERIFIED = "unverified"
    PLANNED = "planned"


class SkipReason(StrEnum):
    """Why an article was stored but not processed for events."""

    EMPTY = "empty"
    NOT_ENGLISH = "not-english"
    NO_TEXT_AFTER_CLEANING = "no-text-after-cleaning"
    EXTRACTION_ERROR = "extraction-error"


def hash_id(*parts: str, prefix: str = "", length: int = 16) -> str:
    """A stable content-hash id (sqlite-utils `hash_id` habit): same input, same id."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return f"{prefix}{digest[:length]}"


class Record(BaseModel):
    """Base for all records: strict field names, JSON round-trip."""

    model_config = ConfigDict(extra="forbid")


class TextSpan(Record):
    """A stretch of the cleaned text."""

    start: int
    end: int
    text: str


class RemovedLine(Record):
    """A line the cleaner removed, kept with its reason (failures are data)."""

    line_no: int = Field(description="0-based line number in the raw text")
    text: str
    reason: str


class Article(Record):
    """One news article. `text` is the cleaned text every offset points into."""

    id: str
    source: str = Field(description="where it was read from: a path, 'stdin', or path#record")
    text: str
    raw_text: str = ""
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: date | None = None
    language: str | None = None
    removed: list[RemovedLine] = Field(default_factory=list)
    skipped: SkipReason | None = None
    skip_detail: str | None = None
    story_id: str | None = Field(default=None, description="set by the link step")
    copy_of: str | None = Field(default=None, description="set by the link step")
    copy_score: float | None = None

    @staticmethod
    def make_id(raw_text: str, url: str | None) -> str:
        """Content-hash id over the raw text and the url, so re-reading adds nothing."""
        return hash_id(raw_text, url or "", prefix="a_")


class Count(Record):
    """A reported quantity as a range. `high` None = no upper bound stated.

    Convention (see extract/data/quantities.toml): low <= best <= high when
    bounded; `best` is the conservative ACLED-style single figure.
    """

    kind: CountKind
    low: int | None
    high: int | None
    best: int | None
    text: str
    start: int
    end: int
    who: str | None = None
    attributed_to: str | None = None


class Place(Record):
    """A resolved place mention. `geo_precision` is ACLED's (1 city, 2 near/part, 3 region/country)."""

    name: str | None
    country: str | None = None
    country_code: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geo_precision: GeoPrecision = None
    gazetteer_id: str | None = None
    feature: str | None = Field(default=None, description="city | admin2 | admin1 | country | region")
    text: str | None = Field(default=None, description="the words in the article")
    start: int | None = None
    end: int | None = None
    reason: str = ""
    role: PlaceRole | None = Field(default=None, description="in_name | home | origin | reference | destination | hospital | guess | neighbour: not an event's place")


class When(Record):
    """A time expression resolved against the publication date (never invented)."""

    value: date | None
    precision: TimePrecision
    expression: str | None = None
    anchor: date | None = None
    start: int | None = None
    end: int | None = None
    reason: str = ""
    # The day a source spoke ("on Tuesday, the chairman told reporters that the toll had risen"):
    # the incident's own day may be earlier (assemble lets such a mention join the incident).
    spoken: bool = False


class Actor(Record):
    """A participant of an event, with a canonical name when the actor table knows it."""

    name: str
    role: ActorRole
    kind: str | None = None
    country_code: str | None = None
    text: str | None = None
    start: int | None = None
    end: int | None = None


class Mention(Record):
    """One article's report of one event, with the sentence and spans behind every field."""

    id: str
    article_id: str
    event_type: EventType
    sub_event_type: str
    trigger: TextSpan
    sentence: TextSpan
    status: Status = Status.REPORTED
    attributed_to: str | None = None
    actors: list[Actor] = Field(default_factory=list)
    counts: list[Count] = Field(default_factory=list)
    place: Place | None = None
    when: When | None = None
    confidence: float = 0.5
    reason: str = ""
    cue: str = Field(default="", description="the trigger family that fired (e.g. 'arrest', 'shutdown')")
    scope: Scope = Field(default="acled", description="acled, crime (ordinary crime) or other: the judge's call")
    background: bool = Field(default=False, description="a past incident the article mentions only as context")
    site: int = Field(
        default=0,
        description="which place of a list of incident sites the sentence gives this copy is ('protests spread to "
        "Turkey, Germany and Spain': 0 for the first, 1, 2 ...); ACLED files one event per place",
    )
    refers_back: str | None = Field(
        default=None,
        description="the definite noun by which the trigger's clause points to an incident the article already "
        "reported ('five were injured in the attack'): the mention tells more of that incident",
    )
    incident: int | None = Field(
        default=None,
        description="which of its article's violent or crowd incidents assemble made this mention part of (0, 1, "
        "...): two mentions of one article with different numbers tell two happenings, and the link step never "
        "puts them in one event; None for the kinds assemble leaves to the link step (strategic developments)",
    )

    @staticmethod
    def make_id(article_id: str, trigger_start: int, event_type: str) -> str:
        """Stable id: the article, where the trigger is, and the type."""
        return hash_id(article_id, str(trigger_start), event_type, prefix="m_")


class Source(Record):
    """An article that reports an event, with the article it copies (if any)."""

    article_id: str
    outlet: str | None = None
    url: str | None = None
    published: date | None = None
    copy_of: str | None = None


class Event(Record):
    """One real-world event merged from every mention that reports it."""

    id: str
    story_id: str
    event_type: EventType
    sub_event_type: str
    summary: str = ""
    when: When
    place: Place
    actors: list[Actor] = Field(default_factory=list)
    counts: list[Count] = Field(default_factory=list)
    mention_ids: list[str] = Field(default_factory=list)
    sources: list[Source] = Field(default_factory=list)
    articles: int = 0
    independent_sources: int = 0
    conflicts: list[str] = Field(default_factory=list)
    confidence: float = 0.5
    scope: Scope = "acled"
    background: bool = False
    seq: int = Field(default=0, description="creation order, for stable listing")
    review_status: ReviewStatus = Field(default="unreviewed", description="an analyst's verdict (review.py)")
    edited_fields: list[str] = Field(default_factory=list, description="the fields an analyst set, kept over rebuilds")


class Corrections(Record):
    """The fields of an event an analyst set; None: not set, the merged value stands. Each one
    replaces the whole field (a place's name and coordinates go together)."""

    event_type: EventType | None = None
    sub_event_type: str | None = None
    when: When | None = None
    place: Place | None = None
    counts: list[Count] | None = None
    actors: list[Actor] | None = None

    def fields(self) -> dict[str, object]:
        """The set fields by name, as typed values."""
        return {name: getattr(self, name) for name in type(self).model_fields if getattr(self, name) is not None}


class ReviewState(Record):
    """Where an event's review stands: its verdict, the fields set, and the mentions an analyst
    placed in it by a split or merge (the link step keeps them there)."""

    event_id: str
    status: ReviewStatus
    corrections: Corrections = Field(default_factory=Corrections)
    mention_ids: list[str] = Field(default_factory=list, description="placed by a split or merge")
    merged_into: str | None = Field(default=None, description="the event this one was merged into")


class ReviewEntry(Record):
    """One line of the audit trail: who did what to an event, when, the value before and after."""

    id: int = 0
    event_id: str
    action: ReviewAction
    field: str | None = Field(default=None, description="the field edited; 'mentions' for a split or merge")
    old: object = None
    new: object = None
    other_event_id: str | None = Field(default=None, description="the event split off, or merged with")
    reviewer: str
    at: datetime
    note: str = ""


class Story(Record):
    """Articles about one developing situation."""

    id: str
    title: str
    article_ids: list[str] = Field(default_factory=list)
    countries: list[str] = Field(default_factory=list)
    first_published: date | None = None
    last_published: date | None = None
    seq: int = Field(default=0, description="creation order, for stable listing")


class ReadFailure(Record):
    """An input that could not be read as an article, with a one-line reason."""

    source: str
    reason: str
