"""Whose word: a claim is a party's account of the incident, anyone else's is a report.

The attribution cues (extract/attribution.py) mark a sentence `claimed` when someone other than
the outlet is its source ("police said", "doctors said", "according to the charge sheet"). The
desk files `claimed` only for the account of a party to the incident, one of its sides
(actor1 or actor2; the desk guidelines: "attributed to a party"): "the army said it killed 20
militants", "police said they arrested nine", "the rebels said the army shelled their base".
An account from someone outside the act (doctors counting the dead, a court, witnesses, an
aid agency) is the outlet's report on that source's word: `reported`, with `attributed_to`
kept so the source still shows. A state's organs speak for its forces.
"""

from __future__ import annotations

import re

from eventdesk.extract.actors import entry_for
from eventdesk.records import Actor, Mention, Status
from eventdesk.resolve.actors import FOREIGN, STATE_KINDS

# Kinds of one side: a state's organs speak for its forces ("the ministry said its troops ...").
STATE_SIDE = STATE_KINDS | {FOREIGN}
WORD = re.compile(r"[a-z]+")
# Words of a source phrase that name no one in particular.
FUNCTION_WORDS = frozenset({"the", "a", "an", "of", "in", "and", "its", "their", "his", "her", "said", "says", "local",
                            "official", "officials", "source", "sources", "spokesman", "spokeswoman", "spokesperson"})


def party_status(mention: Mention) -> Mention:
    """The mention with `claimed` turned into `reported` when its source is no party to it."""
    if mention.status != Status.CLAIMED or not mention.attributed_to:
        return mention
    sides = [a for a in mention.actors if a.role in ("actor1", "actor2")]
    if any(_speaks_for(mention.attributed_to, a) for a in sides):
        return mention
    return mention.model_copy(update={"status": Status.REPORTED})


def _speaks_for(source: str, actor: Actor) -> bool:
    words = set(WORD.findall(source.lower())) - FUNCTION_WORDS
    if words & (set(WORD.findall(f"{actor.text or ''} {actor.name}".lower())) - FUNCTION_WORDS):
        return True
    entry = next((e for w in sorted(words) if (e := entry_for(w)) is not None), None)
    return entry is not None and entry.kind in STATE_SIDE and actor.kind in STATE_SIDE
