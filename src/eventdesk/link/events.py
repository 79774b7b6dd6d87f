"""Events: mentions of one real-world event merged, within a story.

A mention joins an existing event of its story when the type, the place (within precision),
the date window and the actors agree, and, for Strategic developments, the sub-event type and
the measure (`event_key`: an arrest, a deployment, an internet shutdown and a bank closure are
four events even when no date tells them apart); otherwise it starts one whose id is derived
from the mention's id. Assignments are kept once made, so event ids are stable as articles arrive;
each event's merged fields (place, date, counts, sources, conflicts) are rebuilt from its
mentions on every link run.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from collections.abc import Iterable, Sequence
from functools import cache

from eventdesk.extract.actors import entry_for
from eventdesk.extract.events import lexicon
from eventdesk.records import Actor, Count, Event, Mention, Place, ReviewState, Scope, Source, Status, When, hash_id
from eventdesk.judge.calibration import calibrated
from eventdesk.resolve.actors import ARMED_KINDS, ARMED_STATE, in_country
from eventdesk.resolve.gazetteer import haversine_km

# Count kinds whose figures tell one event's reports from another's (`_fit`).
TOLL_KINDS = frozenset({"killed", "injured"})
# Mentions whose resolved dates are further apart than this are different events.
SAME_EVENT_MAX_DAYS = 1
# Places further apart than this (km) are different events, unless one is only a region or
# country (geo_precision 3) that contains the other.
SAME_EVENT_MAX_KM = 50.0


# Event types whose mentions are told apart by what was done (the trigger family): a
# government's measures are separate events; the many verbs of one clash (stormed, looted,
# set fire) describe one riot, so the violent types merge across cues.
CUE_KEYED_TYPES = frozenset({"Strategic developments"})
# Trigger families that report the same act from the other end (troops "deployed" by one
# side are troops that "landed" in the other country) or in other words (suspects "captured"
# are suspects "arrested" or "taken into custody"; shops "looted", "wrecked" or "torched" are one destruction).
CUE_GROUPS = {"arrival": "deploy", "step_down": "resignation", "capture": "arrest", "custody": "arrest", "destruction": "looting",
              "arson": "looting"}
# Families whose object names the measure: an internet shutdown and a bank closure are two
# measures though both fire the `shutdown` family; the nearest object word tells them apart.
OBJECT_CUES = frozenset({"shutdown"})
# Cues whose sentence place is unreliable: a deployment is told from where the troops come
# from (Moscow) and where they go (Almaty), so place does not split deployments; date and
# actors still do.
PLACE_FREE_CUES = frozenset({"deploy"})


@cache
def _objects(family: str) -> tuple[str, ...]:
    fam = next((f for f in lexicon().families if f.name == family), None)
    return tuple(sorted(fam.require_object)) if fam else ()


def _nearest_object(mention: Mention) -> str:
    """The family's object word nearest the trigger, looked for first in the trigger's clause
    (the sentence cut at , ; :) and then in the whole sentence; '' when none."""
    sent = mention.sentence.text.lower()
    start = mention.trigger.start - mention.sentence.start
    end = start + len(mention.trigger.text)
    cuts = [0, *(m.end() for m in re.finditer(r"[,;:]", sent)), len(sent) + 1]
    lo = max(c for c in cuts if c <= start)
    hi = min(c for c in cuts if c > start)
    for a, b in ((lo, hi), (0, len(sent))):
        found = _closest(sent, start, end, a, b, _objects(mention.cue))
        if found:
            return found
    return ""


def _closest(sent: str, start: int, end: int, lo: int, hi: int, words: Sequence[str]) -> str:
    best: tuple[int, str] | None = None
    for word in words:
        for m in re.finditer(rf"\b{re.escape(word)}", sent[lo:hi]):
            ws, we = m.start() + lo, m.end() + lo
            gap = start - we if we <= start else ws - end
            if best is None or gap < best[0]:
                best = (gap, word)
    return best[1] if best else ""


def event_key(mention: Mention) -> tuple[str, ...]:
    """What must be equal for two mentions to be one event (before place, date, actors). A
    background mention (a past incident given as context) never joins a current one."""
    kind = "background:" + mention.event_type if mention.background else mention.event_type
    if mention.event_type not in CUE_KEYED_TYPES:
        return (kind,)
    cue = CUE_GROUPS.get(mention.cue, mention.cue)
    if cue in OBJECT_CUES:
        cue = f"{cue}:{_nearest_object(mention)}"
    return (kind, mention.sub_event_type, cue)


def _actors_agree(a: frozenset[str], b: frozenset[str]) -> bool:
    """False when both name actor1s of known countries and the countries differ."""
    return not a or not b or bool(a & b)


def places_agree(a: Place | None, b: Place | None) -> bool:
    """True when two places can be the place of one event."""
    return _places_agree(*(_place_constraint(p) for p in (a, b)))


def _place_constraint(p: Place | None) -> tuple | None:
    """(lat, lon, geo_precision, country_code, admin1, is a first-level region, may name its
    first-level region) of a place, None for none."""
    if p is None or p.lat is None:
        return None
    return p.lat, p.lon, p.geo_precision, p.country_code, p.admin1, p.feature == "admin1", names_region(p)


def names_region(p: Place) -> bool:
    """A town named like its first-level region ("Katsina", "Idlib", "Kandahar"): the name may
    stand for the region ("gunmen kill 12 in Katsina" over a raid on a village of Katsina state)."""
    if p.feature != "city" or not p.admin1:
        return False
    name, region = p.name.casefold(), p.admin1.casefold()
    return region == name or len(name) >= 4 and region.split()[0].startswith(name)  # "Kharkivska oblast"


def _places_agree(a: tuple | None, b: tuple | None) -> bool:
    """`places_agree` on `_place_constraint` tuples: a region or country holds what lies in it
    (a first-level region only its own towns: "Middle Juba" does not hold a town of Lower
    Shabelle); towns agree within SAME_EVENT_MAX_KM."""
    if a is None or b is None:
        return True
    if a[2] == 3 or b[2] == 3:
        if a[3] != b[3]:
            return False
        if (a[5] or b[5]) and a[4] and b[4]:
            return a[4] == b[4]
        return True
    if (a[6] or b[6]) and a[3] == b[3] and a[4] and a[4] == b[4]:
        return True
    return haversine_km(a[0] or 0.0, a[1] or 0.0, b[0] or 0.0, b[1] or 0.0) <= SAME_EVENT_MAX_KM


def dates_agree(a: When | None, b: When | None) -> bool:
    """True when two resolved dates can be the date of one event."""
    return _dates_agree(_when_constraint(a), _when_constraint(b))


def _when_constraint(w: When | None) -> tuple | None:
    """(value, precision) of a dated mention; (None, publication date or None) of one its text
    does not date; None when nothing is known (a mention stored before dates were resolved)."""
    if w is None:
        return None
    return (w.value, w.precision) if w.value is not None else (None, w.anchor)


def _dates_agree(a: tuple | None, b: tuple | None) -> bool:
    """`dates_agree` on `_when_constraint` tuples. A mention its text does not date may be any
    day up to its article's publication, not after it (what happened later is another
    incident); one of an undated article cannot be placed in time at all, so it joins only
    others that cannot: it may report another year's incident of the same kind (two navy actions
    against pirates three years apart)."""
    if a is None or b is None:
        return True
    if (a == (None, None)) != (b == (None, None)):
        return False
    if a[0] is None or b[0] is None:
        if a[0] is None and b[0] is None:
            return True
        dated, undated = (b, a) if a[0] is None else (a, b)
        return dated[0] <= undated[1] + timedelta(days=SAME_EVENT_MAX_DAYS)
    if "day" not in (a[1], b[1]) or a[1] != b[1]:
        return abs((a[0] - b[0]).days) <= 7  # a week/month figure contains the day
    return abs((a[0] - b[0]).days) <= SAME_EVENT_MAX_DAYS


@dataclass(frozen=True, slots=True)
class Placement:
    """What event assignment reads of a mention: its id, article, event key and constraints.
    Small, so a store of millions of mentions can be assigned without holding the mentions."""

    id: str
    article_id: str
    key: tuple[str, ...]
    constraints: tuple
    incident: int | None = None  # `Mention.incident`: which of its article's incidents it tells
    # what tells apart two events a mention could join: its sub-type and its tolls (kind, best)
    sub_type: str = ""
    tolls: frozenset[tuple[str, int]] = frozenset()

    @classmethod
    def of(cls, m: Mention) -> Placement:
        tolls = frozenset((c.kind, c.best) for c in m.counts if c.kind in TOLL_KINDS and c.best)
        return cls(m.id, m.article_id, event_key(m), _constraints(m.place, m.when, m.actors), m.incident,
                   m.sub_event_type, tolls)

    @classmethod
    def of_event(cls, e: Event) -> Placement:
        """An event as a mention of itself: what a new mention must agree with to join it as it stands."""
        return cls(e.id, "", (e.event_type,), _constraints(e.place, e.when, e.actors))


def _constraints(p: Place | None, w: When | None, actors: Sequence[Actor]) -> tuple:
    """Everything `compatible` reads of a mention: its place, its date, its actor1 countries."""
    return _place_constraint(p), _when_constraint(w), frozenset(
        a.country_code for a in actors if a.role == "actor1" and a.country_code)


def compatible(mention: Placement, members: Iterable[Placement]) -> bool:
    """Whether a mention can join an event made of these members (all of one event key)."""
    place_free = len(mention.key) > 2 and mention.key[2] in PLACE_FREE_CUES
    place, when, actors = mention.constraints
    return all(
        (place_free or _places_agree(place, m.constraints[0]))
        and _dates_agree(when, m.constraints[1])
        and _actors_agree(actors, m.constraints[2])
        and not _two_days_of_one_article(mention, m)
        for m in members
    )


def _two_days_of_one_article(a: Placement, b: Placement) -> bool:
    """One article dates the two to different days ("14 were arrested on Saturday night", "22 on
    Sunday night"): two events. (Reports of different articles may be a day apart for one event.)"""
    x, y = a.constraints[1], b.constraints[1]
    return (a.article_id == b.article_id and x is not None and y is not None and x[0] is not None
            and y[0] is not None and x[1] == y[1] == "day" and x[0] != y[0])


class _Events:
    """Events being assigned: per (story, event key) the events in creation order, and per
    event one representative per distinct constraint value (members that share it are
    interchangeable, so checks stay cheap for events of hundreds of mentions)."""

    def __init__(self, reviewed: dict[str, Placement]) -> None:
        self.by_key: dict[tuple, list[str]] = {}
        self.reps: dict[str, dict[tuple, Placement]] = {}
        self.incidents: dict[str, set[tuple[str, int]]] = {}  # per event: (article, incident) of its members
        # per event: the article of its latest member (an article's mentions come one after another)
        self.last_article: dict[str, str] = {}
        # (event key, day) -> events with a member told to that day in a town or region (`_pinned`), of any story
        self.by_day: dict[tuple, list[str]] = {}
        self.reviewed = reviewed

    def add(self, story: str, eid: str, m: Placement) -> None:
        if eid not in self.reps:
            self.reps[eid] = {}
            self.by_key.setdefault((story, m.key), []).append(eid)
        if (day := _pinned(m)) is not None and eid not in (same := self.by_day.setdefault((m.key, day), [])):
            same.append(eid)
        self.reps[eid].setdefault(m.constraints, m)
        self.last_article[eid] = m.article_id
        if m.incident is not None:
            self.incidents.setdefault(eid, set()).add((m.article_id, m.incident))

    def _other_incident(self, eid: str, m: Placement) -> bool:
        """The event holds another incident of m's article: assemble told the two apart."""
        return m.incident is not None and any(
            a == m.article_id and i != m.incident for a, i in self.incidents.get(eid, ()))

    def find(self, story: str, m: Placement) -> str | None:
        """The event of the story this mention fits best (`_fit`) of those it can join, on a tie
        one its own article already told (an arrest with no place after the article's "took 12
        poachers into custody near Mwanza" is that arrest, not another report's), then the first;
        an event an analyst reviewed that takes it comes first (their judgement of what belongs
        together stands)."""
        best, best_fit, most = None, (False, 0, False), (True, 1 + 2 * len(m.tolls), True)
        for eid in self.by_key.get((story, m.key), ()):
            if self._other_incident(eid, m):
                continue
            # An event an analyst corrected, split or merged takes a mention that agrees with it
            # as they left it, or with any one of its members: they may have put together reports
            # the machine kept apart (Colombo and Kegalle), or moved it away from all of them.
            reviewed = eid in self.reviewed and any(
                compatible(m, [r]) for r in (self.reviewed[eid], *self.reps[eid].values()))
            if reviewed or compatible(m, self.reps[eid].values()):
                fit = (reviewed, _fit(m, self.reps[eid].values()), self.last_article.get(eid) == m.article_id)
                if best is None or fit > best_fit:
                    best, best_fit = eid, fit
                if fit == most:
                    break  # no event fits better: the first that does is the one
        return best if best is not None else self._told_elsewhere(m)

    def _told_elsewhere(self, m: Placement) -> str | None:
        """The event of another story that this mention matches point for point: the same key and
        sub-type, told to the same day in the same town or region (`_pinned`), every constraint
        agreeing and no toll of its far from the event's. Two outlets' reports of one kidnapping
        that the story step kept apart ("Gunmen kidnap 20 passengers in Kogi", "Bandits abduct bus
        passengers on Abuja-Lokoja highway") are one event, as ACLED counts one event per type,
        day and place."""
        day = _pinned(m)
        if day is None:
            return None
        for eid in self.by_day.get((m.key, day), ()):
            reps = list(self.reps[eid].values())
            if self._other_incident(eid, m) or not compatible(m, reps):
                continue
            if any(x.sub_type == m.sub_type for x in reps) and _no_far_toll(m, reps):
                return eid
        return None


def _pinned(m: Placement) -> date | None:
    """The day a mention is told to, when it is also told in a town or near one (precision 1 or 2)
    or in a first-level region ("in Kogi state"), not a whole country: what pins one incident down
    across stories. None otherwise."""
    place, when, _actors = m.constraints
    if place is None or place[2] not in (1, 2) and not place[5] or when is None or when[0] is None or when[1] != "day":
        return None
    return when[0]


def _no_far_toll(m: Placement, members: Iterable[Placement]) -> bool:
    """No toll of the mention is far (`_close`) from every figure of its kind the members give."""
    theirs = _their_tolls(members)
    return all(any(_close(n, o) for o in theirs[kind]) for kind, n in m.tolls if kind in theirs)


def _their_tolls(members: Iterable[Placement]) -> dict[str, set[int]]:
    """The figures the members give, per toll kind."""
    theirs: dict[str, set[int]] = {}
    for x in members:
        for kind, n in x.tolls:
            theirs.setdefault(kind, set()).add(n)
    return theirs


def _fit(m: Placement, members: Iterable[Placement]) -> int:
    """How well a mention fits an event it may join: a toll of a kind the event gives, close to
    one of its figures (`_close`), and the same sub-type, each count for it; a toll far from all
    of them counts against. Undated reports of one town's strikes ("12 of a family killed in a
    strike on their house", "43 killed at the school") join the one whose toll they give."""
    members = list(members)
    fit = int(any(x.sub_type == m.sub_type for x in members))
    theirs = _their_tolls(members)
    for kind, n in m.tolls:
        if kind in theirs:
            fit += 2 if any(_close(n, other) for other in theirs[kind]) else -1
    return fit


def _close(a: int, b: int) -> bool:
    """Two figures of one toll as reports give it: within a quarter of the larger, or two."""
    return abs(a - b) <= max(2, max(a, b) // 4)


def assign_events(
    mentions: Iterable[Placement | Mention],
    known: dict[str, str | None],
    story_of_article: dict[str, str],
    reviewed: dict[str, Placement] | None = None,
) -> dict[str, str]:
    """mention id → event id for every mention (in ingest order); known assignments are kept,
    new ones added in order (so the same input always gives the same ids). `reviewed`: the
    events analysts edited (`Placement.of_event`), which also take mentions that agree with them."""
    placements = [Placement.of(m) if isinstance(m, Mention) else m for m in mentions]
    events = _Events(reviewed or {})
    assigned: dict[str, str] = {}
    for m in placements:
        eid = known.get(m.id)
        if eid:
            events.add(story_of_article[m.article_id], eid, m)
            assigned[m.id] = eid
    for m in placements:
        if m.id in assigned:
            continue
        story = story_of_article[m.article_id]
        eid = events.find(story, m) or hash_id(m.id, prefix="e_")
        events.add(story, eid, m)
        assigned[m.id] = eid
    return assigned


# Protest sub-types from least to most severe. One protest reported as peaceful by one sentence
# and as met with lethal force by another was, by ACLED's rules, a protest with excessive force:
# the most severe sub-type any mention supports wins; otherwise the most frequent one does.
PROTEST_SEVERITY = ("Peaceful protest", "Protest with intervention", "Excessive force against protesters")


def merged_sub_type(members: Sequence[Mention]) -> str:
    """The merged event's sub-type (see PROTEST_SEVERITY); excessive force only where a member
    tells of force that kills or injures (`_grave`), else the protest met an intervention. A riot
    any member tells as a violent demonstration was one (ACLED's mob violence is rioting outside a
    demonstration), however many members tell only of rioters attacking."""
    subs = [m.sub_event_type for m in members]
    severe = [s for s in subs if s in PROTEST_SEVERITY]
    if severe and len(severe) == len(subs):
        sub = max(severe, key=PROTEST_SEVERITY.index)
        if sub == PROTEST_SEVERITY[-1] and not any(_grave(m) for m in members):
            return PROTEST_SEVERITY[1]  # tear gas, warning shots, a baton charge: an intervention
        return sub
    if members[0].event_type == "Riots" and "Violent demonstration" in subs:
        return "Violent demonstration"
    return Counter(subs).most_common(1)[0][0]


INTERVENTION = PROTEST_SEVERITY[1]


def _intervention_sides(actors: list[Actor]) -> list[Actor]:
    """Force on protesters that `merged_sub_type` found an intervention: the protesters are actor1
    and the force that intervened actor2, as ACLED files a protest with intervention."""
    sides = {"protesters": "actor1"} | dict.fromkeys(ARMED_STATE, "actor2")
    out: list[Actor] = []
    for a in actors:
        if a.role in ("actor1", "actor2") and a.kind in sides:
            a = a.model_copy(update={"role": sides[a.kind]})
        if not any((b.role, b.name) == (a.role, a.name) for b in out):
            out.append(a)
    return out


# Words of lethal or grave force against people: ACLED's excessive force against protesters.
GRAVE = re.compile(r"\b(?:kill|shot\b|shoots?\b|shooting|wound|injur|hurt|beat|stab|dead|die|massacr|lynch"
                   r"|live (?:rounds|ammunition|fire)|open(?:ed|s|ing)? fire)", re.IGNORECASE)


def _grave(m: Mention) -> bool:
    """The mention tells of force that kills or injures: a death or injury counted, or a sentence
    of shooting, beating or wounding people."""
    counted = any(c.kind in ("killed", "injured") and (c.best or c.low) for c in m.counts)
    return counted or GRAVE.search(m.sentence.text) is not None


def merge_event(
    eid: str,
    story_id: str,
    members: Sequence[Mention],
    sources: dict[str, Source],
    seq: int,
) -> Event:
    """Build the merged Event record from its mentions."""
    event_type = members[0].event_type
    sub = merged_sub_type(members)
    place = _best_place(members)
    background = all(m.background for m in members)
    when = _best_when(members, background)
    srcs = [sources[a] for a in dict.fromkeys(m.article_id for m in members)]
    families = {s.copy_of or s.article_id for s in srcs}
    counts, conflicts = reconcile_counts(members, sources)
    scope = _scope(members)
    actors = [in_country(a, place.country_code) for a in _merge_actors(members, scope)]
    if sub == INTERVENTION and any(m.sub_event_type != sub for m in members):
        actors = _intervention_sides(actors)
    event = Event(
        id=eid,
        story_id=story_id,
        event_type=event_type,
        sub_event_type=sub,
        when=when,
        place=place,
        actors=actors,
        counts=counts,
        mention_ids=[m.id for m in members],
        sources=srcs,
        articles=len(srcs),
        independent_sources=len(families),
        conflicts=conflicts,
        confidence=_confidence(members, len(families)),
        scope=scope,
        background=background,
        seq=seq,
    )
    return event.model_copy(update={"summary": summarise(event)})


def apply_review(event: Event, review: ReviewState | None) -> Event:
    """The event as an analyst reviewed it: each field they set replaces the merged one (and the
    summary is written again from them), with their verdict. New evidence still changes the
    fields they did not set. Unchanged without a review."""
    if review is None:
        return event
    fields = review.corrections.fields()
    reviewed = event.model_copy(update=fields | {"review_status": review.status, "edited_fields": sorted(fields)})
    return reviewed.model_copy(update={"summary": summarise(reviewed)}) if fields else reviewed


def _best_place(members: Sequence[Mention]) -> Place:
    places = [m.place for m in members if m.place is not None and m.place.name]
    if not places:
        return Place(name=None, reason="no place in any mention")
    freq = Counter(p.gazetteer_id or p.name for p in places)
    return min(places, key=lambda p: (p.geo_precision or 4, -freq[p.gazetteer_id or p.name]))


def _scope(members: Sequence[Mention]) -> Scope:
    """The scope most of the mentions give; ACLED's on a tie (the analyst's default view)."""
    votes = Counter(m.scope for m in members)
    return max(votes, key=lambda s: (votes[s], s == "acled"))


def _best_when(members: Sequence[Mention], background: bool = False) -> When:
    """The most precise date its mentions give (the most reported on a tie). When none gives a
    date, ACLED's practice: the week of the first report, at week precision (each mention's
    own date stays unknown: nothing in its text dates it) — except for a background incident,
    which happened before the report by definition and stays undated."""
    whens = [m.when for m in members if m.when is not None and m.when.value is not None]
    if not whens and background:
        return When(value=None, precision="unknown", reason="a past incident given as context, with no date in the text")
    if not whens:
        anchors = sorted(m.when.anchor for m in members if m.when is not None and m.when.anchor is not None)
        if not anchors:
            return When(value=None, precision="unknown", reason="no date in the evidence and no publication date")
        return When(value=anchors[0], precision="week", anchor=anchors[0],
                    reason=f"no date in the evidence: the week of the first report ({anchors[0].isoformat()})")
    rank = {"day": 0, "week": 1, "month": 2, "year": 3, "unknown": 4}
    freq = Counter(w.value for w in whens)
    return min(whens, key=lambda w: (rank[w.precision], -freq[w.value]))


def _merge_actors(members: Sequence[Mention], scope: Scope = "acled") -> list[Actor]:
    """The actors of all mentions, once per (role, name). An actor that only ACLED's convention
    put there (no words in any text: "Unidentified Armed Group" where a report named no one)
    yields to an actor some report names in the same role. In an ACLED event, the individual
    an ordinary-crime sentence made its doer with words that name no one ("This individual took
    the lives of two officers", "the man") is associated, as resolve/actors.py files such words
    in ACLED's scope: the event's convention keeps the role."""
    seen: dict[tuple[str, str], Actor] = {}
    for m in members:
        for a in m.actors:
            if scope == "acled" and m.scope == "crime" and a.role == "actor1" and a.kind == "person" and _no_one(a):
                a = a.model_copy(update={"role": "associated"})
            seen.setdefault((a.role, a.name.lower()), a)
    named = {a.role for a in seen.values() if a.text}
    return [a for a in seen.values() if a.text or a.role not in named]


# Words that open a phrase naming no one in particular ("this individual", "a man", "the suspect").
NO_ONE = frozenset({"this", "that", "the", "a", "an", "one"})


def _no_one(actor: Actor) -> bool:
    words = (actor.text or actor.name).split()
    return bool(words) and words[0].lower() in NO_ONE


def _confidence(members: Sequence[Mention], independent: int) -> float:
    """The calibrated probability that the event is a real current incident (judge/calibration.py)
    of a raw score: the best mention's confidence, lowered when no source asserts it, raised
    with each independent source."""
    base = max(m.confidence for m in members)
    asserted = any(m.status == Status.REPORTED for m in members)
    score = base * (1.0 if asserted else 0.7) + 0.1 * (min(independent, 4) - 1)
    return calibrated(max(0.0, min(1.0, score)))


GROUP_ALIASES = {
    "demonstrators": "protesters",
    "protester": "protesters",
    "civilians": "people",
    "persons": "people",
    "police": "security forces",
    "police officers": "security forces",
    "soldiers": "security forces",
    "troops": "security forces",
}


def group_of(count: Count) -> str:
    """A coarse name of the counted group, so protesters and security forces stay apart."""
    who = (count.who or "people").lower().removeprefix("members of the ").removeprefix("the ")
    return GROUP_ALIASES.get(who, who)


def _per_article(members: Sequence[Mention]) -> dict[tuple[str, str, str], tuple[Count, Mention]]:
    """One count per (kind, group, article): an article does not contradict itself, so when it
    gives several figures for one group ("at least 18 ... including two beheaded") the most
    inclusive one (the highest lower bound) stands for it."""
    out: dict[tuple[str, str, str], tuple[Count, Mention]] = {}
    for m in members:
        for c in m.counts:
            key = (c.kind, group_of(c), m.article_id)
            if key not in out or (c.low or 0) > (out[key][0].low or 0):
                out[key] = (c, m)
    return out


def _intersect(counts: Sequence[Count]) -> tuple[int | None, int | None] | None:
    low = max((c.low for c in counts if c.low is not None), default=None)
    highs = [c.high for c in counts if c.high is not None]
    high = min(highs) if highs else None
    if low is not None and high is not None and low > high:
        return None
    return low, high


def reconcile_counts(
    members: Sequence[Mention], sources: dict[str, Source]
) -> tuple[list[Count], list[str]]:
    """One count per (kind, group): each article's figure first (its most inclusive one), then
    across articles the ranges intersected where consistent with the lowest best figure inside
    the intersection (conservative, ACLED-style); where articles disagree (the ranges do not
    meet), the union range, the lowest best figure, and a conflict a person can read."""
    per_article = _per_article(members)
    groups: dict[tuple[str, str], list[tuple[Count, Mention]]] = {}
    for (kind, group, _article), items in [*per_article.items(), *_article_totals(per_article).items()]:
        groups.setdefault((kind, group), []).append(items)
    merged: list[Count] = []
    conflicts: list[str] = []
    for (kind, group), items in groups.items():
        counts = [c for c, _ in items]
        bests = [c.best for c in counts if c.best is not None]
        meet = _intersect(counts)
        if meet is not None:
            low, high = meet
            best = min(bests) if bests else low
            if low is not None and best is not None:
                best = max(best, low)
            if high is not None and best is not None:
                best = min(best, high)
        else:
            low = min(c.low for c in counts if c.low is not None)
            high = None if any(c.high is None for c in counts) else max(c.high for c in counts)  # type: ignore[type-var]
            best = min(bests) if bests else None
            conflicts.append(_conflict_text(kind, group, items, sources))
        # The words shown are those of the figure kept as best (a real source's words), not
        # simply the first article's.
        words = next((c for c in counts if c.best == best), counts[0])
        merged.append(words.model_copy(update={"low": low, "high": high, "best": best}))
    return merged + _other_reports_totals(merged), conflicts


# Words for a count of everyone, of whatever side.
EVERYONE = frozenset({"people", "persons", "person", "others", "victims"})
# Kinds whose figures of different sides add up to the incident's toll.
TOTAL_KINDS = ("killed", "injured")


# The group name of a toll of all sides (`_totals`), beside the groups `group_of` names.
ALL_SIDES = "all sides"


def _article_totals(
    per_article: dict[tuple[str, str, str], tuple[Count, Mention]],
) -> dict[tuple[str, str, str], tuple[Count, Mention]]:
    """Each article's toll of all sides (`_totals` of its own figures), keyed like `_per_article`:
    sides are added up within one report only ("five soldiers and two civilians"); other reports
    name the same dead in other words ("a protester", "a man"), never more of them."""
    by_article: dict[str, list[tuple[Count, Mention]]] = {}
    for (_kind, _group, article), item in per_article.items():
        by_article.setdefault(article, []).append(item)
    out: dict[tuple[str, str, str], tuple[Count, Mention]] = {}
    for article, items in by_article.items():
        for total in _totals([c for c, _ in items]):
            out[(total.kind, ALL_SIDES, article)] = (total, next(m for c, m in items if c.kind == total.kind))
    return out


def _other_reports_totals(merged: list[Count]) -> list[Count]:
    """Where no report adds up its own sides, the toll of sides that different reports give
    ("dozens of protesters" in one, "18 members of the security forces" in another), when at most
    one of those sides is unarmed: armed sides cannot be the same dead twice, but "a protester",
    "a man" and "one of its supporters" in three reports may all be one person."""
    told = {c.kind for c in merged if c.who is None}
    sides = [c for c in merged if c.who is not None and c.kind not in told]
    return [t for t in _totals(sides)
            if sum(_side(c) not in ARMED_KINDS for c in sides if c.kind == t.kind) <= 1]


def _totals(counts: list[Count]) -> list[Count]:
    """The toll of all sides (ACLED's fatalities are one figure): where one report gives an
    incident's dead or wounded only side by side, as groups of different kinds ("five soldiers",
    "two civilians", "six attackers") and none of them as everyone ("seven people"), their sum,
    with `who` None. Groups of one kind ("14 villagers", "14 people") are one group told twice."""
    out: list[Count] = []
    for kind in TOTAL_KINDS:
        mine = [c for c in counts if c.kind == kind and c.low is not None]
        sides = {_side(c) for c in mine}
        if len(mine) < 2 or len(sides) != len(mine) or None in sides:
            continue
        low = sum(c.low for c in mine if c.low is not None)
        high = None if any(c.high is None for c in mine) else sum(c.high for c in mine if c.high is not None)
        best = sum((c.best if c.best is not None else c.low or 0) for c in mine)
        text = "; ".join(c.text for c in mine)
        out.append(mine[0].model_copy(update={"low": low, "high": high, "best": best, "who": None, "text": text}))
    return out


def _side(count: Count) -> str | None:
    """The kind of actor a counted group is ("soldiers": military), None for people in general."""
    if count.who is None or count.who.lower() in EVERYONE:
        return None
    entry = entry_for(count.who)
    return entry.kind if entry is not None else None


def _conflict_text(kind: str, group: str, items, sources: dict[str, Source]) -> str:  # type: ignore[no-untyped-def]
    parts = []
    for c, m in items:
        outlet = sources[m.article_id].outlet or m.article_id
        by = f"{m.attributed_to}, via {outlet}" if m.attributed_to else f"via {outlet}"
        part = f"'{c.text}' ({by})"
        if part not in parts:
            parts.append(part)
    label = kind if group == "people" else f"{kind} ({group})"
    return f"{label}: " + " vs ".join(parts)


def _when_words(when: When) -> str:
    if when.value is None:
        return ", date unknown"
    if when.precision == "day":
        return f" on {when.value.isoformat()}"
    if when.precision == "week":
        return f" in the week of {when.value.isoformat()}"
    if when.precision == "month":
        return f" in {when.value:%B %Y}"
    return f" in {when.value.year}"


def summarise(event: Event) -> str:
    """One sentence in the system's own words: who did what to whom, where, when."""
    a1 = next((a.name for a in event.actors if a.role == "actor1"), None)
    a2 = next((a.name for a in event.actors if a.role == "actor2"), None)
    what = f"{event.sub_event_type} ({event.event_type})"
    who = f" by {a1}" if a1 else ""
    whom = f" involving {a2}" if a2 else ""
    where = f" in {event.place.name}" if event.place.name else " at an unknown place"
    if event.place.country and event.place.country != event.place.name:
        where += f", {event.place.country}"
    when = _when_words(event.when)
    counts = "; ".join(
        f"{c.kind}: {c.text}" for c in event.counts if c.kind != "other"
    )
    tail = f" ({counts})" if counts else ""
    return f"{what}{who}{whom}{where}{when}{tail}."
