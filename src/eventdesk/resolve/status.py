"""Whose word: a claim is a party's account of the incident, anyone else's is a report.

The attribution cues (extract/attribution.py) mark a sentence `claimed` when someone other than
the outlet is its source ("police said", "doctors said", "according to the charge sheet"). The
desk files `claimed` only for the account of a party to the incident, one of its sides
(actor1 or actor2; the desk guidelines: "attributed to a party"): "the army said it killed 20
militants", "police said they arrested nine", "the rebels said the army shelled their base", "the
group said its fighters seized the town" (a side named by the source's own possessive).
An account from someone outside the act (doctors counting the dead, a court, witnesses, an
aid agency) is the outlet's report on that source's word: `reported`, with `attributed_to`
kept so the source still shows. A state's organs speak for its forces.
"""

from __future__ import annotations

import re

from eventdesk.extract.actors import ActorEntry, entry_for
from eventdesk.records import Actor, Mention, Status
from eventdesk.resolve.actors import ARMED_NONSTATE, FOREIGN, STATE_KINDS

# Kinds of one side: a state's organs speak for its forces ("the ministry said its troops ...").
STATE_SIDE = STATE_KINDS | {FOREIGN}
WORD = re.compile(r"[a-z]+")
# Possessives by which a source names its own side ("the rebel group said its fighters seized ...").
OWN_POSSESSIVES = frozenset({"its", "their", "our"})
# Words of a source phrase that name no one in particular.
FUNCTION_WORDS = frozenset({"the", "a", "an", "of", "in", "and", "its", "their", "his", "her", "said", "says", "local",
                            "official", "officials", "source", "sources", "spokesman", "spokeswoman", "spokesperson"})


def party_status(mention: Mention) -> Mention:
    """The mention with `claimed` turned into `reported` when its source is no party to it."""
    if mention.status != Status.CLAIMED or not mention.attributed_to:
        return mention
    sides = [a for a in mention.actors if a.role in ("actor1", "actor2")]
    if any(_speaks_for(mention.attributed_to, a) for a in sides) or _unnamed_fighter(mention) or any(
            _own_side(a) for a in mention.actors):
        return mention
    return mention.model_copy(update={"status": Status.REPORTED})


def _own_side(actor: Actor) -> bool:
    """The source names this actor with its own possessive ("its fighters", "their forces")."""
    return (actor.text or "").lower().split(" ", 1)[0] in OWN_POSSESSIVES


def _unnamed_fighter(mention: Mention) -> bool:
    """A state's organ tells of armed men killed or fought with no one named as doing it ("police
    said three Maoists were killed in a gunfight", "the army said 20 militants died in clashes"):
    its forces are the other side, so its word is a party's."""
    source = _source_entry(mention.attributed_to or "")
    if source is None or source.kind not in STATE_SIDE:
        return False
    if any(a.role == "actor1" and a.text for a in mention.actors):
        return False
    return any(a.role == "actor2" and a.kind in ARMED_NONSTATE for a in mention.actors) or (
        mention.event_type == "Battles" and mention.sub_event_type == "Armed clash")


def _speaks_for(source: str, actor: Actor) -> bool:
    if _words(source) & _words(f"{actor.text or ''} {actor.name}"):
        return True
    entry = _source_entry(source)
    return entry is not None and entry.kind in STATE_SIDE and actor.kind in STATE_SIDE


def _words(text: str) -> set[str]:
    """The words of a phrase that name someone (FUNCTION_WORDS left out)."""
    return set(WORD.findall(text.lower())) - FUNCTION_WORDS


def _source_entry(source: str) -> ActorEntry | None:
    """The actor-table entry a source names, if any: one of its words ("the army" → Military
    Forces), else a title of two words neither of which names anyone alone ("two security
    sources", "Chief Inspector Gareth Doherty"; not "regional officials", whom no word names)."""
    words = WORD.findall(source.lower())
    return next((e for w in sorted(set(words) - FUNCTION_WORDS) if (e := entry_for(w)) is not None), None) or next(
        (e for a, b in zip(words, words[1:], strict=False)
         if entry_for(a) is None and entry_for(b) is None and (e := entry_for(f"{a} {b}")) is not None), None)
