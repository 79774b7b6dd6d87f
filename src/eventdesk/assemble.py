"""Assemble: an article's judged candidates become its incidents, one per happening.

The lexicon proposes a candidate per trigger word, so one sentence that tells one happening
with several words ("gunmen stormed the hotel, opened fire and killed five") gives several
candidates, often of different types for one act ("a bomb exploded, killing two officers":
an explosion and a killing; "rioters clashed with police": a riot and a clash). Here they
become one incident: the candidates of one sentence that fall in one *happening class* (below)
fold into the one whose type ranks first in its class (then by position), which takes the
counts of kinds it lacks and the actors of roles it lacks from the others, with a reason naming
the words folded in. A crowd's act and violence in one sentence by the same actor ("youths
attacked a police station with petrol bombs", "militants stormed a hotel, killing nine") are one
happening as well: a riot or protest when the actor is a crowd (or the police acting on it),
violence when it is an armed group; so is looting told with a riot or protest, unless an armed
group or a state's force loots. Strategic developments (arrests, deployments, curfews ...)
stay apart from the violence they follow and from each other (looting and arrests told in one
sentence are two of ACLED's events), and candidates of different sentences stay apart: the link
step merges those when place, date and actors agree. To let it, a later sentence that points back
with a definite noun to an incident already told ("five were injured in the attack") takes that
incident's type, place and date (`_point_back`).
"""

from __future__ import annotations

from eventdesk.link.events import PROTEST_SEVERITY
from eventdesk.records import Mention


# Event types that, in one sentence, tell one happening; the first listed names it: the most
# specific means (an explosive) over a fight between armed sides over one-sided violence; a
# riot over the protest it grew from.
HAPPENING_CLASSES = (
    ("Explosions/Remote violence", "Battles", "Violence against civilians"),
    ("Riots", "Protests"),
)
RANK = {t: (i, j) for i, types in enumerate(HAPPENING_CLASSES) for j, t in enumerate(types)}


# Kinds of an armed group whose storming or attacking is violence, not a riot ("militants
# stormed a hotel, killing nine"); a crowd's, or the police's at a protest, stays a riot or a
# protest ("youths attacked a police station with petrol bombs", "police fired on protesters").
ARMED_NONSTATE = frozenset({"armed group", "rebel group", "political militia", "identity militia"})
ARMED_STATE = frozenset({"state forces", "police", "military", "foreign state forces"})
VIOLENCE, CROWD = 0, 1  # the indices of the two classes in HAPPENING_CLASSES
# Looting or destruction in a sentence that tells a riot or protest, by the crowd or by nobody
# named ("they looted shops, pelted police with stones and set cars alight"), is part of it, as
# ACLED files it; an armed group's looting stays its own event, unless it is the attackers' own
# in the attack the sentence tells ("gunmen opened fire on residents, burning several houses").
LOOTING = ("Strategic developments", "Looting/property destruction")


def assemble(mentions: list[Mention]) -> list[Mention]:
    """One mention per (sentence, happening class, background flag), in the order of the
    article; looting folded into the riot or attack of its sentence (LOOTING); a crowd's act and
    violence of one sentence done by the same actor are one happening too (`_one_actor`); then
    the incidents that point back (`_point_back`)."""
    groups: dict[tuple[int, object, bool], list[Mention]] = {}
    for m in sorted(mentions, key=lambda m: (m.sentence.start, m.trigger.start)):
        happening = _class(m)
        groups.setdefault((m.sentence.start, happening, m.background), []).append(m)
    folded = {key: _fold(group) for key, group in groups.items()}
    for (sent, happening, bg), looting in list(folded.items()):
        if happening != LOOTING:
            continue
        crowd, violence = folded.get((sent, CROWD, bg)), folded.get((sent, VIOLENCE, bg))
        if crowd is not None and not _armed(looting):
            folded[(sent, CROWD, bg)] = _fold([crowd, looting], head=crowd)
        elif violence is not None and (not _has_actor1(looting) or _one_actor(looting, violence)):
            folded[(sent, VIOLENCE, bg)] = _fold([violence, looting], head=violence)
        else:
            continue
        del folded[(sent, happening, bg)]
    for (sent, happening, bg), crowd in list(folded.items()):
        violence = folded.get((sent, VIOLENCE, bg))
        if happening != CROWD or violence is None or not _one_actor(crowd, violence):
            continue
        armed = any(a.role != "actor2" and a.kind in ARMED_NONSTATE for a in crowd.actors)  # the crowd
        # convention keeps the group it renamed "Rioters" as an associated actor
        head, other = (violence, crowd) if armed else (crowd, violence)
        folded[(sent, VIOLENCE, bg)] = _fold([head, other], head=head)
        del folded[(sent, CROWD, bg)]
    return _point_back(sorted(folded.values(), key=lambda m: (m.sentence.start, m.trigger.start)))


def _point_back(incidents: list[Mention]) -> list[Mention]:
    """An incident whose trigger points back with a definite noun ("five were injured in the
    attack", "wounded in Sunday's blast") to one the article already told, of the same happening
    class, is that incident: it takes its type, place and date, so the link step merges the two
    (its own sentence, counts and actors stay as evidence)."""
    out: list[Mention] = []
    for m in incidents:
        earlier = next((e for e in reversed(out) if e.sentence.start < m.sentence.start and not e.background
                        and _class(e) == _class(m)), None) if m.refers_back and not m.background else None  # fmt: skip
        if earlier is not None and _own_place_or_date(m, earlier):
            earlier = None  # "the protest in Lagos on Friday": another one
        if earlier is not None:
            m = m.model_copy(update={
                "event_type": earlier.event_type, "sub_event_type": earlier.sub_event_type,
                "place": earlier.place, "when": earlier.when,
                "reason": f"{m.reason}; '{m.refers_back}' points back to the {earlier.sub_event_type.lower()} "
                          f"told by '{earlier.trigger.text}'",
            })  # fmt: skip
        out.append(m)
    return out


def _own_place_or_date(m: Mention, earlier: Mention) -> bool:
    """Its sentence names a place or a date other than the earlier incident's."""
    s, e = m.sentence.start, m.sentence.end
    own_place = m.place is not None and m.place.start is not None and s <= m.place.start < e
    own_date = m.when is not None and m.when.start is not None and s <= m.when.start < e
    return (own_place and (earlier.place is None or m.place.name != earlier.place.name)) or (
        own_date and (earlier.when is None or m.when.value != earlier.when.value))  # type: ignore[union-attr]


def _class(m: Mention) -> object:
    return RANK[m.event_type][0] if m.event_type in RANK else (m.event_type, m.sub_event_type)


def _severity(m: Mention) -> int:
    """A protest's sub-type rank in PROTEST_SEVERITY (police firing on a crowd and killing one is
    excessive force, not an intervention); 0 for other types."""
    return PROTEST_SEVERITY.index(m.sub_event_type) if m.sub_event_type in PROTEST_SEVERITY else 0


def _has_actor1(m: Mention) -> bool:
    return any(a.role == "actor1" for a in m.actors)


def _armed(m: Mention) -> bool:
    """Its actor1 is an armed group or a state's force."""
    return any(a.role == "actor1" and a.kind in ARMED_NONSTATE | ARMED_STATE for a in m.actors)


def _one_actor(a: Mention, b: Mention) -> bool:
    """Both tell what one actor did: their actor1 is the same words ("militants stormed a hotel,
    killing nine": the killing's doer is the militants). One without an actor1 may be another
    happening ("a police shooting touched off riots"), so it stays apart."""
    first = [{(x.start, x.end) for x in m.actors if x.role == "actor1" and x.start is not None} for m in (a, b)]
    return bool(first[0] & first[1])


def _fold(group: list[Mention], head: Mention | None = None) -> Mention:
    if head is None:  # the first of the best-ranked type, of a protest the most severe sub-type
        head = min(group, key=lambda m: (RANK.get(m.event_type, (0, 0))[1], -_severity(m)))
    rest = [m for m in group if m is not head]
    if not rest:
        return head
    counts = list(head.counts)
    kinds = {c.kind for c in counts}
    roles = {a.role for a in head.actors}
    actors = list(head.actors)
    for m in rest:
        counts += [c for c in m.counts if c.kind not in kinds]
        kinds |= {c.kind for c in m.counts}
        actors += [a for a in m.actors if a.role not in roles]
        roles |= {a.role for a in m.actors}
    folded = ", ".join(repr(m.trigger.text) for m in rest)
    reason = f"{head.reason}; one happening with {folded} of the same sentence"
    refers_back = next((m.refers_back for m in [head, *rest] if m.refers_back), None)
    return head.model_copy(update={
        "counts": counts, "actors": actors, "confidence": max(m.confidence for m in group), "reason": reason,
        "refers_back": refers_back,
    })  # fmt: skip
