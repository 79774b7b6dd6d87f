"""Assemble: an article's judged candidates become its incidents, one per happening.

The lexicon proposes a candidate per trigger word, so one sentence that tells one happening
with several words ("gunmen stormed the hotel, opened fire and killed five") gives several
candidates, often of different types for one act ("a bomb exploded, killing two officers":
an explosion and a killing; "rioters clashed with police": a riot and a clash). Here they
become one incident: the candidates of one sentence that fall in one *happening class* (below)
fold into the one whose type ranks first in its class (then by position), which takes the
counts of kinds it lacks and the actors of roles it lacks from the others, with a reason naming
the words folded in. Strategic developments (arrests, deployments, curfews ...) stay apart from
the violence they follow, and candidates of different sentences stay apart: the link step
merges those when place, date and actors agree.
"""

from __future__ import annotations

from eventdesk.records import Mention


# Event types that, in one sentence, tell one happening; the first listed names it: the most
# specific means (an explosive) over a fight between armed sides over one-sided violence; a
# riot over the protest it grew from.
HAPPENING_CLASSES = (
    ("Explosions/Remote violence", "Battles", "Violence against civilians"),
    ("Riots", "Protests"),
)
RANK = {t: (i, j) for i, types in enumerate(HAPPENING_CLASSES) for j, t in enumerate(types)}


def assemble(mentions: list[Mention]) -> list[Mention]:
    """One mention per (sentence, happening class, background flag), in the order of the article."""
    groups: dict[tuple[int, object, bool], list[Mention]] = {}
    for m in sorted(mentions, key=lambda m: (m.sentence.start, m.trigger.start)):
        happening = RANK[m.event_type][0] if m.event_type in RANK else m.event_type
        groups.setdefault((m.sentence.start, happening, m.background), []).append(m)
    return [_fold(group) for group in groups.values()]


def _fold(group: list[Mention]) -> Mention:
    head = min(group, key=lambda m: RANK.get(m.event_type, (0, 0))[1])  # the first of the best-ranked type
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
    return head.model_copy(update={
        "counts": counts, "actors": actors, "confidence": max(m.confidence for m in group), "reason": reason,
    })  # fmt: skip
