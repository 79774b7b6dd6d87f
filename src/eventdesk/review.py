"""Review and correction: an analyst confirms, rejects, edits, splits and merges events.

ACLED's coders review every event before it is published; this is that human step over the
machine's events. Each action is one function over the store, called alike by `eventdesk review`,
the API's write routes and the event page, and written in one transaction with its audit entries:
who, when, the value before and after, and a note (`Store.review_history`).

What an analyst decides outlasts the link step. The fields they set replace the merged ones
whenever the event is rebuilt from its mentions (`link.events.apply_review`), so new evidence
still attaches to the event and changes only what they left alone; a rejected event stays
rejected (hidden from the default views, not deleted); the mentions a split or merge placed stay
where they were put (`Store.review_pins`). Ids are stable: a split keeps the event's id for the
mentions left in it and derives the new event's id from the moved ones; a merge keeps the first
event's id and remembers the second as merged into it.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from datetime import date, datetime, timezone

from pydantic import BaseModel, ConfigDict, Field

from eventdesk.acled import ACLED_KINDS, acled_kind
from eventdesk.errors import BadParameterError
from eventdesk.filters import EVENT_TYPES, checked, checked_countries, countries, event_type_of_sub
from eventdesk.link import article_sources
from eventdesk.link.events import apply_review, merge_event
from eventdesk.records import (
    Actor,
    ActorRole,
    Count,
    CountKind,
    Event,
    Place,
    ReviewAction,
    ReviewEntry,
    ReviewState,
    ReviewStatus,
    TimePrecision,
    When,
    hash_id,
)
from eventdesk.store import Store

MAX_NAME = 200  # characters of a name typed by an analyst (a place, an actor, a reviewer)
MAX_NOTE = 2000  # a note is a few sentences of reasons, not a document
MAX_ITEMS = 50  # counts or actors in one edit: an event has a handful


class Edit(BaseModel):
    """Input records of an edit: hostile until checked, so unknown keys are refused."""

    model_config = ConfigDict(extra="forbid")


class WhenEdit(Edit):
    """A date and its precision; a part left out keeps its value."""

    value: date | None = None
    precision: TimePrecision | None = None


class PlaceEdit(Edit):
    """A place; a part left out keeps its value. Setting any part makes the place the analyst's
    (no longer the gazetteer's or the text's)."""

    name: str | None = Field(default=None, max_length=MAX_NAME)
    country_code: str | None = Field(default=None, max_length=MAX_NAME)  # checked_countries says what to send
    admin1: str | None = Field(default=None, max_length=MAX_NAME)
    lat: float | None = Field(default=None, ge=-90, le=90)
    lon: float | None = Field(default=None, ge=-180, le=180)
    geo_precision: int | None = Field(default=None, ge=1, le=3)


class CountEdit(Edit):
    """One count as a range; `best` defaults to `low` (ACLED's conservative figure)."""

    kind: CountKind
    low: int | None = Field(default=None, ge=0)
    high: int | None = Field(default=None, ge=0)
    best: int | None = Field(default=None, ge=0)
    who: str | None = Field(default=None, max_length=MAX_NAME)


class ActorEdit(Edit):
    """One actor in a role."""

    name: str = Field(min_length=1, max_length=MAX_NAME)
    role: ActorRole
    kind: str | None = Field(default=None, max_length=MAX_NAME)
    country_code: str | None = Field(default=None, max_length=MAX_NAME)  # checked_countries says what to send


class EventEdit(Edit):
    """The fields to set; one left out stays as it is. Counts and actors are whole lists."""

    event_type: str | None = Field(default=None, max_length=MAX_NAME)
    sub_event_type: str | None = Field(default=None, max_length=MAX_NAME)
    when: WhenEdit | None = None
    place: PlaceEdit | None = None
    counts: list[CountEdit] | None = Field(default=None, max_length=MAX_ITEMS)
    actors: list[ActorEdit] | None = Field(default=None, max_length=MAX_ITEMS)


# -- the actions --------------------------------------------------------------------------


def confirm(store: Store, event_id: str, *, reviewer: str, note: str = "") -> Event:
    """Confirm an event as coded (an edited one stays `edited`; a rejected one is restored)."""
    return _verdict(store, event_id, "confirm", reviewer, note)


def reject(store: Store, event_id: str, *, reviewer: str, note: str = "") -> Event:
    """Reject an event: not a real event, or not one to publish. It is kept, hidden from the
    default views (listed with review=rejected), and stays rejected when it is rebuilt."""
    return _verdict(store, event_id, "reject", reviewer, note)


def edit(store: Store, event_id: str, changes: EventEdit, *, reviewer: str, note: str = "") -> Event:
    """Set fields of an event (one audit entry per field changed); they are kept over rebuilds.

    Raises:
        BadParameterError: a value is not valid, or nothing would change.
    """
    who, why = _person(reviewer), _note(note)
    event = store.event(event_id)
    fields = corrections(event, changes, who)
    if not fields:
        raise BadParameterError(f"nothing to change: the values sent are those event {event_id} has")
    state = _state(store, event)
    updated = state.corrections.model_copy(update=fields)
    status: ReviewStatus = "rejected" if state.status == "rejected" else "edited"
    new_state = state.model_copy(update={"corrections": updated, "status": status})
    at = _now()
    entries = [_entry(event_id, "edit", who, at, why, field=name, old=_json(getattr(event, name)), new=_json(value))
               for name, value in fields.items()]  # fmt: skip
    reviewed = apply_review(event, new_state)
    store.save_review(entries, [new_state], [reviewed])
    return reviewed


def split(store: Store, event_id: str, mention_ids: Sequence[str], *, reviewer: str, note: str = "") -> tuple[Event, Event]:
    """Split an event in two: the chosen mentions become a new event, the others stay in this one
    (which keeps its id and the fields set on it). Returns (this event, the new one).

    Raises:
        BadParameterError: a mention is not the event's, none or all were chosen, or the event
            is rejected.
    """
    who, why = _person(reviewer), _note(note)
    event = store.event(event_id)
    _not_rejected(event, "split")
    moved = list(dict.fromkeys(mention_ids))
    if foreign := [m for m in moved if m not in event.mention_ids]:
        raise BadParameterError(f"mention_ids: {', '.join(foreign[:5])} not in event {event_id}; its mentions are "
                                f"listed in its record (explain.mentions) and by `eventdesk show {event_id}`")  # fmt: skip
    kept = [m for m in event.mention_ids if m not in moved]
    if not moved or not kept:
        raise BadParameterError(f"mention_ids: choose some of the {len(event.mention_ids)} mentions of event {event_id} "
                                "to move to a new event, not none and not all")  # fmt: skip
    new_id = hash_id(event.id, *sorted(moved), prefix="e_")
    state = _state(store, event)
    states = {
        event.id: state.model_copy(update={"status": "edited", "mention_ids": kept}),
        new_id: ReviewState(event_id=new_id, status="edited", mention_ids=moved),
    }
    at = _now()
    entries = [
        _entry(event.id, "split", who, at, why, field="mentions", old=event.mention_ids, new=kept, other=new_id),
        _entry(new_id, "split", who, at, why, field="mentions", old=None, new=moved, other=event.id),
    ]
    rebuilt = _rebuilt(store, {eid: s.mention_ids for eid, s in states.items()}, states)
    store.save_review(entries, list(states.values()), rebuilt, {m: new_id for m in moved})
    return rebuilt[0], rebuilt[1]


def merge(store: Store, event_id: str, other_id: str, *, reviewer: str, note: str = "") -> Event:
    """Merge another event into this one: this one keeps its id and gets every mention; the
    fields set on it stand, the other's fill the ones it lacks. The other is removed and
    remembered as merged into this one (asking for it names this one).

    Raises:
        BadParameterError: the two are one event, or one of them is rejected.
    """
    who, why = _person(reviewer), _note(note)
    if event_id == other_id:
        raise BadParameterError(f"other: an event cannot be merged with itself ({event_id}); name another event")
    event, other = store.event(event_id), store.event(other_id)
    for e in (event, other):
        _not_rejected(e, "merge")
    mine, theirs = _state(store, event), _state(store, other)
    corrections_ = theirs.corrections.model_copy(update=mine.corrections.fields())
    members = event.mention_ids + other.mention_ids
    states = {
        event.id: mine.model_copy(update={"status": "edited", "corrections": corrections_, "mention_ids": members}),
        other.id: theirs.model_copy(update={"mention_ids": [], "merged_into": event.id}),
    }
    at = _now()
    entries = [
        _entry(event.id, "merge", who, at, why, field="mentions", old=event.mention_ids, new=members, other=other.id),
        _entry(other.id, "merge", who, at, why, field="mentions", old=other.mention_ids, new=None, other=event.id),
    ]
    (merged,) = _rebuilt(store, {event.id: members}, states)
    store.save_review(entries, list(states.values()), [merged], {m: event.id for m in other.mention_ids}, deleted=[other.id])
    return merged


def history(store: Store, event_id: str | None = None) -> list[ReviewEntry]:
    """The audit trail of an event (also one merged away), or of every event; oldest first.

    Raises:
        NotFoundError: no event has this id and none ever had.
    """
    return store.review_history(event_id)


# -- what an edit sets --------------------------------------------------------------------


def corrections(event: Event, changes: EventEdit, reviewer: str) -> dict[str, object]:
    """The typed value of each field the edit changes, checked; fields it would leave as they
    are are left out.

    Raises:
        BadParameterError: a value is not valid (the message names the field).
    """
    event_type, sub = _types(event, changes)
    found: dict[str, object] = {"event_type": event_type, "sub_event_type": sub}
    if changes.when is not None:
        found["when"] = _when(event.when, changes.when, reviewer)
    if changes.place is not None:
        found["place"] = _place(event.place, changes.place, reviewer)
    if changes.counts is not None:
        found["counts"] = _counts(event.counts, changes.counts, reviewer)
    if changes.actors is not None:
        found["actors"] = _actors(event.actors, changes.actors)
    return {name: value for name, value in found.items() if _key(name, value) != _key(name, getattr(event, name))}


def _types(event: Event, changes: EventEdit) -> tuple[str, str]:
    """The event type and sub-type after the edit, which must agree with ACLED's taxonomy."""
    event_type = checked("event_type", [changes.event_type], EVENT_TYPES)[0] if changes.event_type else event.event_type
    taxonomy = event_type_of_sub()
    sub = changes.sub_event_type or event.sub_event_type
    sub = checked("sub_event_type", [sub], tuple(taxonomy))[0] if changes.sub_event_type else sub
    if taxonomy.get(sub, event_type) != event_type:
        own = [s for s, t in taxonomy.items() if t == event_type]
        raise BadParameterError(f"sub_event_type: {sub!r} is a sub-type of {taxonomy[sub]}, not of {event_type}; "
                                f"send one of: {', '.join(own)}")  # fmt: skip
    return event_type, sub


def _when(current: When, changes: WhenEdit, reviewer: str) -> When:
    given = changes.model_fields_set
    value = changes.value if "value" in given else current.value
    precision = changes.precision if "precision" in given and changes.precision else current.precision
    if value is None:
        precision = "unknown"
    elif precision == "unknown":
        raise BadParameterError(f"when.precision: a date ({value}) needs a precision: day, week, month or year")
    return When(value=value, precision=precision, reason=f"set by {reviewer} in review")


def _place(current: Place, changes: PlaceEdit, reviewer: str) -> Place:
    given = changes.model_dump(include=changes.model_fields_set)
    for name in ("name", "admin1"):
        if name in given:
            given[name] = _text(f"place.{name}", given[name]) or None
    if "country_code" in given:
        code = given["country_code"]
        given["country_code"] = checked_countries("place.country_code", [code])[0] if code else None
    place = current.model_dump() | given
    if (place["lat"] is None) != (place["lon"] is None):
        raise BadParameterError("place: send both lat and lon, or neither (a place without coordinates)")
    if "country_code" in given:
        place["country"] = countries().get(place["country_code"] or "")
    provenance = {"gazetteer_id": None, "feature": None, "text": None, "start": None, "end": None}
    return Place.model_validate(place | provenance | {"reason": f"set by {reviewer} in review"})


def _counts(current: list[Count], changes: list[CountEdit], reviewer: str) -> list[Count]:
    """Counts as sent; one whose figures a count of the event already has keeps its words and
    evidence, a new one is the analyst's (their name where a source would be)."""
    by_key = {_count_key(c): c for c in current}
    out = []
    for i, c in enumerate(changes):
        best = c.best if c.best is not None else c.low
        if c.low is not None and c.high is not None and c.low > c.high:
            raise BadParameterError(f"counts[{i}]: low ({c.low}) is above high ({c.high})")
        if best is not None and not (c.low or 0) <= best <= (c.high if c.high is not None else best):
            raise BadParameterError(f"counts[{i}]: best ({best}) is outside low..high ({c.low}..{c.high})")
        who = _text(f"counts[{i}].who", c.who) or None
        words = str(best) if best is not None else "unknown"
        new = Count(kind=c.kind, low=c.low, high=c.high, best=best, who=who, text=words, start=0, end=0,
                    attributed_to=f"{reviewer} (review)")  # fmt: skip
        out.append(by_key.get(_count_key(new), new))
    return out


def _actors(current: list[Actor], changes: list[ActorEdit]) -> list[Actor]:
    """Actors as sent; one the event already has (name, role and kind; the country too, when
    one is sent) keeps its country and evidence."""
    by_key = {(a.name, a.role, a.kind): a for a in current}
    known_kinds = {a.kind for a in current if a.kind}
    out = []
    for i, a in enumerate(changes):
        name = _text(f"actors[{i}].name", a.name)
        if not name:
            raise BadParameterError(f"actors[{i}].name: empty; name the actor (e.g. Police Forces of Sri Lanka)")
        kind = _text(f"actors[{i}].kind", a.kind).lower() or None
        if kind is not None and kind not in known_kinds and acled_kind(kind) is None:
            raise BadParameterError(f"actors[{i}].kind: {a.kind!r} is no actor kind eventdesk knows; use one of "
                                    f"ACLED's: {', '.join(ACLED_KINDS)}")  # fmt: skip
        code = checked_countries(f"actors[{i}].country_code", [a.country_code])[0] if a.country_code else None
        same = by_key.get((name, a.role, kind))
        if same is not None and code in (None, same.country_code):
            out.append(same)
        else:
            out.append(Actor(name=name, role=a.role, kind=kind, country_code=code))
    return out


def _count_key(c: Count) -> tuple:
    return (c.kind, c.who, c.low, c.high, c.best)


def _actor_key(a: Actor) -> tuple:
    return (a.name, a.role, a.kind, a.country_code)


def _key(name: str, value: object) -> object:
    """What makes two values of a field the same to an analyst (not the reason or evidence)."""
    if isinstance(value, When):
        return (value.value, value.precision)
    if isinstance(value, Place):
        return (value.name, value.country_code, value.admin1, value.lat, value.lon, value.geo_precision)
    if name == "counts":
        return [_count_key(c) for c in value]  # type: ignore[attr-defined]
    if name == "actors":
        return [_actor_key(a) for a in value]  # type: ignore[attr-defined]
    return value


# -- helpers ------------------------------------------------------------------------------


def _verdict(store: Store, event_id: str, action: ReviewAction, reviewer: str, note: str) -> Event:
    who, why = _person(reviewer), _note(note)
    event = store.event(event_id)
    state = _state(store, event)
    edited = state.corrections.fields() or state.mention_ids
    status: ReviewStatus = "rejected" if action == "reject" else "edited" if edited else "confirmed"
    new_state = state.model_copy(update={"status": status})
    entry = _entry(event_id, action, who, _now(), why, old=event.review_status, new=status)
    reviewed = apply_review(event, new_state)
    store.save_review([entry], [new_state], [reviewed])
    return reviewed


def _state(store: Store, event: Event) -> ReviewState:
    """The event's review so far (a fresh one for an unreviewed event)."""
    return store.reviews([event.id]).get(event.id) or ReviewState(event_id=event.id, status=event.review_status)


def _rebuilt(store: Store, members: dict[str, list[str]], states: dict[str, ReviewState]) -> list[Event]:
    """Events built again from these mentions (event id -> mention ids) as the link step builds
    them, in ingest order, with the stories and copies it stored, then reviewed."""
    rows = store.article_rows()
    order = {r["id"]: i for i, r in enumerate(rows)}
    story_of = {r["id"]: r["story_id"] for r in rows}
    sources = article_sources(rows, {r["id"]: r["copy_of"] for r in rows})
    found = store.mentions_by_id([m for ids in members.values() for m in ids])
    seqs = store.event_seqs()
    nxt = max(seqs.values(), default=0) + 1
    events = []
    for eid, ids in members.items():
        ms = sorted((found[m] for m in ids), key=lambda m: (order[m.article_id], m.trigger.start, m.id))
        seq = seqs.get(eid)
        if seq is None:
            seq, nxt = nxt, nxt + 1
        events.append(apply_review(merge_event(eid, story_of[ms[0].article_id], ms, sources, seq), states[eid]))
    return events


def _not_rejected(event: Event, action: str) -> None:
    if event.review_status == "rejected":
        raise BadParameterError(f"event {event.id} is rejected: confirm it first (`eventdesk review confirm {event.id}`), then {action} it")


def _entry(event_id: str, action: ReviewAction, reviewer: str, at: datetime, note: str, *, field: str | None = None,
           old: object = None, new: object = None, other: str | None = None) -> ReviewEntry:  # fmt: skip
    return ReviewEntry(event_id=event_id, action=action, field=field, old=old, new=new, other_event_id=other,
                       reviewer=reviewer, at=at, note=note)  # fmt: skip


def _json(value: object) -> object:
    """A field's value as JSON (records dumped), for the audit trail."""
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    if isinstance(value, list):
        return [_json(v) for v in value]
    return value


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(microsecond=0)  # the store keeps whole seconds


def _text(name: str, value: str | None, limit: int = MAX_NAME, *, lines: bool = False) -> str:
    """Typed text, trimmed; control characters (a NUL, a terminal escape; a line break unless
    `lines`) are refused."""
    value = (value or "").strip()
    allowed = "\n\t" if lines else ""
    if any(unicodedata.category(ch) == "Cc" and ch not in allowed for ch in value):
        raise BadParameterError(f"{name}: contains control characters{'' if lines else ' or a line break'}; send plain text")
    if len(value) > limit:
        raise BadParameterError(f"{name}: {len(value)} characters; send at most {limit}")
    return value


def _person(reviewer: str) -> str:
    who = _text("reviewer", reviewer, MAX_NAME)
    if not who:
        raise BadParameterError("reviewer: empty; name who is reviewing (e.g. your initials): the audit trail records it")
    return who


def _note(note: str) -> str:
    return _text("note", note, MAX_NOTE, lines=True)

