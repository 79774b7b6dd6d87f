"""Judging one article's candidates: drop the non-incidents, flag background, decide the scope.

Every distinct candidate sentence of the article is embedded once (one batch); the three
classifiers of training.py give, per sentence, P(incident / background / none), a distribution
over ACLED's sub-types, and P(acled / crime). Then, per candidate:
- `none` at least DROP_AT: the candidate is dropped (an idiom, an accident, a threat ...);
- a candidate the lexicon's modality cues read as planned (announced, called for, vowed: the
  attribution rules of extract/attribution.py) is dropped too: a plan is not an incident until
  it happens, and the cue is a surer sign of that than the embedding;
- `background` above `incident`: kept, flagged background (a past incident given as context);
- the sub-type: the lexicon's. The model's own guess is written into the reason only: on the
  desk gold's tune part it picks the right sub-type for 47% of the gold incidents' first
  evidence sentences, against 68% for the lexicon on the records it matched (even at p >= 0.8
  it is right 66% of the time), so it does not get to override the rules yet;
- the scope: crime when P(crime) reaches CRIME_AT, else ACLED;
- the confidence: P(incident) (P(background) for a background candidate).
The judgement is written into the mention's reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import numpy as np

from eventdesk.extract import embed
from eventdesk.judge.training import BACKGROUND, INCIDENT, NONE, models
from eventdesk.records import Mention, Status

# Thresholds, chosen on the desk gold's tune part (`eventdesk eval records --part tune`).
DROP_AT = 0.5  # P(none) at which a candidate is dropped
CRIME_AT = 0.5  # P(crime) from which an incident is ordinary crime
# Sentences whose judgement a process keeps (~1 kB each): the encoder costs ~15 ms a sentence
# on one core, and copies of one story repeat most of their sentences.
CACHE_SENTENCES = 20_000


@dataclass(frozen=True)
class SentenceJudgement:
    """The classifiers' view of one sentence."""

    happening: dict[str, float]
    subtype: tuple[str, float]  # the most probable "Type/Sub-type" and its probability
    p_crime: float

    @property
    def p_none(self) -> float:
        return self.happening.get(NONE, 0.0)

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
    crime = m.scope.labels.index("crime") if "crime" in m.scope.labels else None
    out = []
    for i in range(len(sentences)):
        best = int(np.argmax(subtype[i]))
        out.append(SentenceJudgement(
            happening={label: float(p) for label, p in zip(m.happening.labels, happening[i], strict=True)},
            subtype=(m.subtype.labels[best], float(subtype[i, best])),
            p_crime=float(scope[i, crime]) if crime is not None else 0.0,
        ))  # fmt: skip
    return out


def judge(mentions: list[Mention]) -> list[Mention]:
    """The article's candidates the judge keeps, each with its scope, background flag and confidence."""
    verdicts = judge_sentences([m.sentence.text for m in mentions])
    return [_apply(m, v) for m, v in zip(mentions, verdicts, strict=True)
            if v.p_none < DROP_AT and m.status != Status.PLANNED]  # fmt: skip


def _apply(m: Mention, v: SentenceJudgement) -> Mention:
    label, p_label = v.subtype
    background = v.is_background
    probs = ", ".join(f"{k} {p:.2f}" for k, p in sorted(v.happening.items()))
    note = f"judge: {probs}; sub-type {label} ({p_label:.2f}); crime {v.p_crime:.2f}"
    return m.model_copy(update={
        "background": background,
        "scope": "crime" if v.p_crime >= CRIME_AT else "acled",
        "confidence": round(v.happening.get(BACKGROUND if background else INCIDENT, 0.0), 3),
        "reason": f"{m.reason}; {note}" if m.reason else note,
    })  # fmt: skip
