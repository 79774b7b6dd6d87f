"""Judging one article's candidates: drop the non-incidents, flag background, decide the scope.

Every distinct candidate sentence of the article is embedded once (one batch); the three
classifiers of training.py give, per sentence, P(incident / background / none) (none: the sum
over the negative kinds, the likeliest of which is named in the reason), a distribution
over ACLED's sub-types, and P(acled / crime). Then, per candidate:
- `none` at least DROP_AT: the candidate is dropped (an idiom, an accident, a threat ...). A
  candidate whose actor1 is armed (soldiers, police, gunmen, rebels: the lexicon's actor kinds)
  has someone who did it, so it is no accident, disaster or natural death: those kinds leave its
  distribution before `none` is summed (`SentenceJudgement.given`). "Gunmen opened fire on a
  birthday party" reads like a party accident to the embedding; the gunmen say otherwise;
- a candidate the lexicon's modality cues read as planned (announced, called for, vowed: the
  attribution rules of extract/attribution.py) is dropped too: a plan is not an incident until
  it happens, and the cue is a surer sign of that than the embedding; so is one its own clause
  dates after the article ("more protests would follow next week", `_ahead`);
- `background` above `incident`: kept, flagged background (a past incident given as context); so
  is a candidate its own clause dates BACKGROUND_DAYS (a month) or more before the article, to the
  last day its date may stand for, or to an earlier year with no finer date ("closed to rallies
  since 2013, when protests spread", "in March" in a May article): whatever the sentence sounds
  like, that is history the article recalls, as the desk guidelines file only "events of the last
  days" as current (`_long_before`);
- the sub-type: the lexicon's. The model's own guess is written into the reason only: on the
  desk gold's tune part it picks the right sub-type for 47% of the gold incidents' first
  evidence sentences, against 68% for the lexicon on the records it matched (even at p >= 0.8
  it is right 66% of the time), so it does not get to override the rules yet;
- the scope: crime when P(crime) reaches CRIME_AT, else ACLED; violence a state's police or army
  did is ACLED's always (`state_violence`);
- the confidence: P(incident) (P(background) for a background candidate).
The judgement is written into the mention's reason.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

import numpy as np

from eventdesk.assemble import armed_doer, own_force_did
from eventdesk.extract import embed
from eventdesk.judge.training import BACKGROUND, INCIDENT, NONE, models, p_none
from eventdesk.records import Mention, Status, When

# Thresholds, chosen on the desk gold's tune part (`eventdesk eval records --part tune`).
# P(none) at which a candidate is dropped: the per-kind head (training.py) gives tune precision /
# recall 0.726 / 0.517 at 0.5, 0.768 / 0.494 at 0.3, 0.796 / 0.494 at 0.25, 0.816 / 0.460 at 0.2
# (one "none" class at 0.5 gave 0.788 / 0.471); 0.25 has the best F0.5 (precision first).
DROP_AT = 0.25
CRIME_AT = 0.5  # P(crime) from which an incident is ordinary crime, unless a state's force did it
STATE_VIOLENCE_TYPES = frozenset({"Violence against civilians", "Battles", "Explosions/Remote violence"})
BACKGROUND_DAYS = 30  # a candidate dated this long before its article is background
# Negative kinds that are happenings no one does: ruled out when an armed actor1 did it.
AGENTLESS = frozenset({"accident", "disaster", "natural_death"})
# Sentences whose judgement a process keeps (~1 kB each): the encoder costs ~15 ms a sentence
# on one core, and copies of one story repeat most of their sentences.
CACHE_SENTENCES = 20_000


@dataclass(frozen=True)
class SentenceJudgement:
    """The classifiers' view of one sentence."""

    happening: dict[str, float]  # incident / background / none
    negatives: dict[str, float]  # P of each negative kind (idiom, sports, accident ...); they sum to P(none)
    subtype: tuple[str, float]  # the most probable "Type/Sub-type" and its probability
    p_crime: float

    @property
    def p_none(self) -> float:
        return self.happening.get(NONE, 0.0)

    @property
    def likeliest_negative(self) -> str:
        """The negative kind the sentence most resembles."""
        return max(self.negatives, key=self.negatives.__getitem__)

    def given(self, armed_actor1: bool) -> dict[str, float]:
        """P(incident / background / none), without the kinds of happening no one does when an
        armed actor did it (the rest renormalised)."""
        if not armed_actor1:
            return self.happening
        agentless = min(sum(self.negatives.get(k, 0.0) for k in AGENTLESS), 1.0 - 1e-9)
        out = {k: p / (1.0 - agentless) for k, p in self.happening.items()}
        out[NONE] = max(0.0, self.happening[NONE] - agentless) / (1.0 - agentless)
        return out

    @property
    def is_background(self) -> bool:
        return self.happening.get(BACKGROUND, 0.0) > self.happening.get(INCIDENT, 0.0)


def judge_sentences(sentences: list[str]) -> list[SentenceJudgement]:
    """One judgement per sentence: those judged before in this process from the cache (wire
    copies and rewrites repeat sentences word for word), the others embedded in one batch."""
    cache = _judged()
    todo = [s for s in dict.fromkeys(sentences) if s not in cache]
    for sentence, verdict in zip(todo, _judge_new(todo), strict=True):
        if len(cache) >= CACHE_SENTENCES:
            cache.pop(next(iter(cache)))  # the oldest first
        cache[sentence] = verdict
    return [cache[s] for s in sentences]


@cache
def _judged() -> dict[str, SentenceJudgement]:
    """This process's judged sentences (insertion-ordered, bounded by CACHE_SENTENCES)."""
    return {}


def _judge_new(sentences: list[str]) -> list[SentenceJudgement]:
    if not sentences:
        return []
    m = models()
    x = embed.encode_cached(sentences)
    happening, subtype, scope = m.happening.probs(x), m.subtype.probs(x), m.scope.probs(x)
    none = p_none(m.happening.labels, happening)
    negative = [i for i, label in enumerate(m.happening.labels) if label not in (INCIDENT, BACKGROUND)]
    column = {label: i for i, label in enumerate(m.happening.labels)}
    crime = m.scope.labels.index("crime") if "crime" in m.scope.labels else None
    out = []
    for i in range(len(sentences)):
        best = int(np.argmax(subtype[i]))
        out.append(SentenceJudgement(
            happening={INCIDENT: float(happening[i, column[INCIDENT]]), BACKGROUND: float(happening[i, column[BACKGROUND]]),
                       NONE: float(none[i])},
            negatives={m.happening.labels[j]: float(happening[i, j]) for j in negative},
            subtype=(m.subtype.labels[best], float(subtype[i, best])),
            p_crime=float(scope[i, crime]) if crime is not None else 0.0,
        ))  # fmt: skip
    return out


def judge(mentions: list[Mention]) -> list[Mention]:
    """The article's candidates the judge keeps (not a plan, by its status or a date after the
    article's), each with its scope, background flag and confidence."""
    verdicts = judge_sentences([m.sentence.text for m in mentions])
    kept = []
    for m, v in zip(mentions, verdicts, strict=True):
        armed = armed_doer(m)
        if v.given(armed)[NONE] < DROP_AT and m.status != Status.PLANNED and not _ahead(m):
            kept.append(_apply(m, v, armed))
    return kept


def _ahead(m: Mention) -> bool:
    """Its own date lies after the article's ("more protests would follow next week"): a plan,
    not an incident that happened."""
    w = m.when
    return w is not None and w.value is not None and w.anchor is not None and w.value > w.anchor


def state_violence(m: Mention) -> bool:
    """A state's own police or army did violence to someone ("shot dead by a police officer"):
    ACLED's, never ordinary crime, whatever the sentence sounds like."""
    return m.event_type in STATE_VIOLENCE_TYPES and own_force_did(m)


def _long_before(m: Mention) -> bool:
    """Its date, to the last day it may stand for ("last month": that month's last day), lies
    BACKGROUND_DAYS or more before the article's, or in an earlier year given alone."""
    w = m.when
    if w is None or w.value is None or w.anchor is None:
        return False
    return (w.anchor - _last_day(w)).days >= BACKGROUND_DAYS or (w.precision == "year" and w.value.year < w.anchor.year)


def _last_day(w: When) -> date:
    """The last day a resolved date may stand for: the day, the week's, the month's or the year's last."""
    assert w.value is not None
    if w.precision == "week":
        return w.value + timedelta(days=6)
    if w.precision == "month":
        return w.value.replace(day=calendar.monthrange(w.value.year, w.value.month)[1])
    if w.precision == "year":
        return w.value.replace(month=12, day=31)
    return w.value


def _apply(m: Mention, v: SentenceJudgement, armed: bool) -> Mention:
    label, p_label = v.subtype
    old = _long_before(m)
    background = v.is_background or old
    probs = ", ".join(f"{k} {p:.2f}" for k, p in sorted(v.happening.items()))
    p = v.given(armed)
    given = f"; with an armed actor1 (no accident, disaster or natural death): none {p[NONE]:.2f}" if armed else ""
    dated = f"; dated {m.when.value} for an article of {m.when.anchor}: background" if old and m.when else ""
    note = (f"judge: {probs} (most like {v.likeliest_negative}){given}; sub-type {label} ({p_label:.2f}); "
            f"crime {v.p_crime:.2f}{dated}")
    return m.model_copy(update={
        "background": background,
        "scope": "crime" if v.p_crime >= CRIME_AT and not state_violence(m) else "acled",
        # a date-made background incident happened all the same: as sure as the sentence tells one
        "confidence": round(p[BACKGROUND] if v.is_background else p[INCIDENT] + (p[BACKGROUND] if old else 0.0), 3),
        "reason": f"{m.reason}; {note}" if m.reason else note,
    })  # fmt: skip
