"""Extraction: from one parsed article to its Mentions, every field with its evidence span.

`extract(doc, article)` runs the small readers (events with actors and attribution, counts,
places, times) and attaches to each event mention the counts, place and time of its own
sentence or governing context.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from eventdesk.extract.actors import PUBLISHED
from eventdesk.extract.attribution import cues
from eventdesk.extract.counts import find_counts, named_counts
from eventdesk.extract.events import SCREENED, find_events
from eventdesk.extract.lexicon import CAUSE_PREPS, earlier_clause
from eventdesk.records import Article, Count, Mention, Place, When, hash_id
from eventdesk.resolve.dates import find_times
from eventdesk.resolve.places import find_places, locate
from eventdesk.syntax import clause_rank

# Which count kinds an event type can carry. "other" (vehicles, buildings) goes anywhere.
COUNT_KINDS_BY_TYPE: dict[str, frozenset[str]] = {
    "Battles": frozenset({"killed", "injured", "missing", "displaced", "other"}),
    "Violence against civilians": frozenset({"killed", "injured", "missing", "displaced", "other"}),
    "Explosions/Remote violence": frozenset({"killed", "injured", "missing", "displaced", "other"}),
    "Riots": frozenset({"killed", "injured", "participants", "arrested", "other"}),
    "Protests": frozenset({"killed", "injured", "participants", "arrested", "other"}),
    "Strategic developments": frozenset({"arrested", "displaced", "other"}),
}
# Arrest counts belong to Arrests mentions first; Protests/Riots take them only when the
# sentence has no Arrests mention.
ARRESTS = "Arrests"


def extract(doc: Doc, article: Article, *, rest: Doc | None = None, second_opinion: bool = False) -> list[Mention]:
    """All event mentions of one parsed article, with counts, place and time attached
    (`rest` and `second_opinion`: see `find_events`)."""
    doc.user_data[PUBLISHED] = article.published  # the date named people's roles are looked up on
    mentions = find_events(doc, article_id=article.id, second_opinion=second_opinion, rest=rest)
    if not mentions:
        return []
    places = find_places(doc)
    times = find_times(doc, article.published)
    by_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        by_sentence.setdefault(m.sentence.start, []).append(m)
    out: list[Mention] = []
    for sent_mentions in by_sentence.values():
        sent = sent_mentions[0].sentence
        counts = _sentence_counts(doc, sent.start, sent.end)
        assigned = _assign_counts(sent_mentions, counts, doc)
        for m in sent_mentions:
            place = _place_for(doc, m, places)
            one = m.model_copy(
                update={
                    "counts": [c.model_copy(update={"attributed_to": m.attributed_to}) for c in assigned.get(m.id, [])],
                    "place": place,
                    "when": _time_for(doc, m, times, article),
                }
            )
            out.append(one)
            out += [one.model_copy(update={"id": hash_id(m.id, str(site), prefix="m_"), "place": other, "site": site,
                                           "counts": []})
                    for site, other in enumerate(_listed_with(doc, m, place, places), start=1)]  # fmt: skip
    return out


# Prepositions whose list of places is a list of incident sites ("protests spread to Turkey,
# Germany and Spain", "air strikes on Rafah and Khan Younis"), not a span ("between X and Y").
SITE_PREPS = frozenset({"in", "to", "across", "at", "on", "near", "around", "throughout"})


# What may stand between two places of one list of sites: a comma, "and", "as well as", a
# repeated preposition ("in Madrid as well as in Seville"), "the" ("Denmark and the Netherlands").
LIST_GLUE = re.compile(r"(?:\s*,\s*|\s+(?:,\s*)?(?:as well as|and|or)\s+)(?:as well as\s+|and\s+)?(?:(?:in|to|at|across)\s+)?"
                       r"(?:the\s+)?", re.IGNORECASE)
# What joins a list's last place: a list of sites ends with a conjunction.
LIST_END = re.compile(r"\b(?:and|or|as well as)\b", re.IGNORECASE)


def _listed_with(doc: Doc, mention: Mention, place: Place | None, places: list[Place]) -> list[Place]:
    """The other places of the list the event's place is in, of the same kind (towns with
    towns, countries with countries), when the list hangs on a site preposition: ACLED files one
    event per place, so each gets its own copy of the mention (`Mention.site`), without the
    counts, which the sentence gives for all of them together. The list is read from the text,
    places joined by commas, "and" or "as well as" (LIST_GLUE), since the parser attaches the
    later items of "in Nairobi, as well as Mombasa and Kisumu" anywhere. The list's preposition
    hangs on the trigger's own clause: "protests spread to Turkey and Spain, and dozens of arrests
    were made" lists where the protests were, not the arrests."""
    if place is None or place.start is None or place.end is None or place.role is not None:
        return []
    named = sorted((p for p in places if p.start is not None and p.end is not None and p.role is None
                    and p.feature == place.feature), key=lambda p: p.start or 0)  # fmt: skip
    at = next((i for i, p in enumerate(named) if p.start == place.start), None)
    if at is None:
        return []
    first, last = at, at
    while first > 0 and _glued(doc.text, named[first - 1], named[first]):
        first -= 1
    while last + 1 < len(named) and _glued(doc.text, named[last], named[last + 1]):
        last += 1
    while last > first and not LIST_END.search(doc.text[named[last - 1].end or 0 : named[last].start or 0]):
        last -= 1  # a list ends with "and" ("Lyon, Marseille and Toulouse"); "Soweto, Johannesburg" is no list
    if not first <= at <= last:
        return []
    head = doc.char_span(named[first].start, named[first].end, alignment_mode="expand")
    if head is None or first == last:
        return []
    top = head.root
    while top.dep_ in ("conj", "appos"):
        top = top.head
    if top.dep_ != "pobj" or top.head.lower_ not in SITE_PREPS:
        return []
    trigger = doc.char_span(mention.trigger.start, mention.trigger.end, alignment_mode="expand")
    if trigger is None or clause_rank(doc, top.idx, top.idx + len(top), trigger.root) == 2:
        return []
    out: list[Place] = []
    for found in named[first : last + 1]:
        if found.name != place.name and all(found.name != o.name for o in out):
            out.append(found)
    return out


def _glued(text: str, left: Place, right: Place) -> bool:
    """Only list words stand between two places (LIST_GLUE)."""
    return LIST_GLUE.fullmatch(text[left.end or 0 : right.start or 0]) is not None


def _sentence_counts(doc: Doc, start: int, end: int) -> list[Count]:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return []
    counts = find_counts(span)
    named = named_counts(span, counts)
    kept = [c for c in counts if not any(n.kind == c.kind and n.start <= c.start and c.end <= n.end for n in named)]
    return sorted(kept + named, key=lambda c: c.start)


def _assign_counts(mentions: list[Mention], counts: list[Count], doc: Doc) -> dict[str, list[Count]]:
    """Give each count to the nearest compatible mention of its sentence (at most one). A count
    in a cause phrase ("riots following the killing of a teenager") is the toll of the act named
    there: it goes to a mention of that phrase or to none; so is one nearer a trigger the events
    reader turned down (`SCREENED`: "dozens of arrests have been made across the continent",
    told after the protests that spread, counts no protest's arrests)."""
    out: dict[str, list[Count]] = {}
    screened = doc.user_data.get(SCREENED, set())
    for count in counts:
        candidates = [m for m in mentions if count.kind in COUNT_KINDS_BY_TYPE[m.event_type]]
        cause = _cause_span(doc, count)
        if cause is not None:
            candidates = [m for m in candidates if cause[0] <= m.trigger.start < cause[1]]
        if count.kind == "arrested" and any(m.sub_event_type == ARRESTS for m in candidates):
            candidates = [m for m in candidates if m.sub_event_type == ARRESTS]
        if not candidates:
            continue
        best = min(candidates, key=lambda m: abs(m.trigger.start - count.start))
        if any(mentions[0].sentence.start <= at < mentions[0].sentence.end
               and abs(at - count.start) < abs(best.trigger.start - count.start) for at in screened):
            continue
        out.setdefault(best.id, []).append(count)
    return out


def _cause_span(doc: Doc, count: Count) -> tuple[int, int] | None:
    """(start, end) characters of the cause phrase ("following the killing of a teenager") or the
    earlier clause ("after two men were killed in a crash") that holds the count's words, or None
    (lexicon._cause_phrase reads the same phrase from a trigger)."""
    span = doc.char_span(count.start, count.end, alignment_mode="expand") if count.start is not None else None
    if span is None:
        return None
    cause = next((a for a in [span.root, *span.root.ancestors]
                  if a.dep_ == "prep" and a.lower_ in CAUSE_PREPS or earlier_clause(a)), None)
    if cause is None:
        return None
    first, last = cause.left_edge, cause.right_edge
    return first.idx, last.idx + len(last)


def _place_for(doc: Doc, mention: Mention, places: list[Place]) -> Place | None:
    trigger = doc.char_span(mention.trigger.start, mention.trigger.end, alignment_mode="expand")
    return locate(mention.sentence.start, mention.sentence.end, places, doc,
                  trigger=trigger.root if trigger is not None else None)  # fmt: skip


# A running toll and the verbs it rises by: "the death toll from the bombing rose to 19 on Saturday".
RUNNING_COUNTS = frozenset({"toll", "number", "tally", "count"})
RISE_VERBS = frozenset({"rise", "climb", "reach", "increase", "jump", "mount", "grow", "hit", "top", "stand"})


def _toll_rose_on(doc: Doc, when: When) -> bool:
    """The time hangs on a running toll's rise ("the death toll from a suicide bombing rose to 19
    on Saturday"): the day the toll was told, like a day a source spoke, not the incident's own."""
    span = doc.char_span(when.start, when.end, alignment_mode="expand") if when.start is not None else None
    if span is None:
        return False
    verb = next((t for t in span.root.ancestors if t.pos_ in ("VERB", "AUX")), None)
    return verb is not None and verb.lemma_.lower() in RISE_VERBS and any(
        c.dep_ == "nsubj" and c.lemma_.lower() in RUNNING_COUNTS for c in verb.children)


def _spoken_on(doc: Doc, when: When, trigger: Token | None) -> bool:
    """The time hangs on a speech verb that opens the report of the trigger: "on Tuesday, the
    chairman told reporters that the toll had risen", "police said on Monday that two men were
    killed", or on a claim of responsibility for it ("claimed responsibility on Thursday for an
    ambush")."""
    span = doc.char_span(when.start, when.end, alignment_mode="expand") if when.start is not None else None
    if span is None or trigger is None:
        return False
    tok = span.root
    while tok.head.i != tok.i and tok.pos_ not in ("VERB", "AUX"):
        tok = tok.head
    if tok == trigger or tok.lemma_ not in cues().speech or (span.start < tok.i and tok.i > trigger.i):
        return False  # "..., on Monday, the governor's office said": a closing attribution's day is the
        # act's; one after its verb is the speaking's ("..., the spokesman said in a statement on Sunday")
    path = trigger  # the trigger tells what was said (a clause under the verb), not what is
    while path.head.i != path.i and path != tok:  # reported ("police reported a clash on Sunday")
        if path.dep_ in ("ccomp", "parataxis") and path.head == tok:
            return True
        # "a group claimed responsibility on Thursday for an ambush": the day of the claim (the
        # parser hangs "for" on the verb or on "responsibility")
        if path.head == tok and (path.dep_ == "dobj" and path.lemma_.lower() == "responsibility" or path.lower_ == "for"
                                 and any(c.dep_ == "dobj" and c.lemma_.lower() == "responsibility" for c in tok.children)):
            return True
        path = path.head
    return False


def _time_for(doc: Doc, mention: Mention, times: list[When], article: Article) -> When:
    """The time expression of the trigger's own clause, else of a clause governing it, else the
    sentence's nearest the trigger ("the man arrested on Friday had killed two guards in March":
    the killing is March's), a day a source spoke or a toll rose last (marked `spoken`); else the
    paragraph's last one before it; else unknown (anchored to the publication date, never
    invented)."""
    text = article.text  # the parsed text may have blanked sentences; paragraphs are the article's
    s, e = mention.sentence.start, mention.sentence.end
    inside = [w for w in times if w.start is not None and s <= w.start < e]
    if inside:
        trigger = doc.char_span(mention.trigger.start, mention.trigger.end, alignment_mode="expand")
        head = trigger.root if trigger is not None else None
        ranked = sorted(inside, key=lambda w: (clause_rank(doc, w.start, w.end, head), abs((w.start or 0) - mention.trigger.start)))
        # a day a source spoke or a toll rose is the incident's only when the sentence has no other
        # ("kidnapped 20 passengers travelling on a highway on Monday night, police said on Tuesday")
        told = [w for w in ranked if _spoken_on(doc, w, head) or _toll_rose_on(doc, w)]
        own = [w for w in ranked if w not in told]
        return own[0] if own else told[0].model_copy(update={"spoken": True})
    para_start = text.rfind("\n\n", 0, s) + 1
    before = [w for w in times if w.start is not None and para_start <= w.start < s and w.value]
    if before:
        w = before[-1]
        return w.model_copy(update={"reason": f"{w.reason}; from an earlier sentence of the paragraph"})
    return When(
        value=None,
        precision="unknown",
        anchor=article.published,
        reason="no time expression in the sentence or its paragraph",
    )
