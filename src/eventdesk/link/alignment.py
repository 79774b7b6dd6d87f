"""Sentence alignment of two articles, and the copy score it gives.

Each article is a `Profile`: per sentence, the hashes of its words and skeleton (copy_text.py),
whether it is a quote, and, for the sentences the encoder read, a unit vector (all-MiniLM-L6-v2,
extract/embed.py). Two sentences *match* when

- they share most of their words and syntax (feature cosine ≥ SENTENCE_MIN_SIM): a copy, or a
  spin that kept the words; or
- they mean nearly the same (vector cosine ≥ EMBED_MIN_SIM, set high) and still share some of
  their words and syntax (feature cosine ≥ EMBED_MIN_LEXICAL): a spin that swapped the words.
  Set lower, this path pairs the facts independent reports share: two outlets telling one fact
  ("a 6.1 quake struck Aceh on Tuesday") write sentences the encoder finds as close as a spin's.

Sentences are paired one to one, best first, in any order: spinners move paragraphs, and an
order-preserving alignment, measured on the benchmark's tune part, found 66% of the heavy spins
against 94% in any order, with more independent reports aligned, not fewer (they tell their
facts in the same inverted-pyramid order). A matched pair then grows by a neighbouring unmatched
sentence when the merged unit matches better: a spinner that merged two sentences into one, or
split one in two.

The copy score is the share of the shorter article's words that lie in aligned sentences, with
floors on the longer article's share and on the number of aligned units (`coverage`).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

# Feature cosine of two sentences for a word-level match: swept 0.35-0.5 on the spun-copy bench;
# below 0.5 independent sentences about one fact ("a 6.1 quake struck Aceh") align.
SENTENCE_MIN_SIM = 0.5
SENTENCE_MIN_SHARED = 3  # ... and at least this many shared features
# Vector cosine for a match on meaning. Chosen on the copy benchmark's tune part by what the
# meaning path aligns (bench/copies_sweep.py --units), per pair of independent same-story
# reports and per pair of an original and its heavy or severe spin: 0.85 and 0.69 at 0.7, 0.18
# and 0.39 at 0.8, 0.06 and 0.22 at 0.85, 0.02 and 0.08 at 0.9. The rule: the lowest cosine at
# which fewer than one independent pair in ten gets a sentence aligned on meaning alone. Lower,
# it finds the facts that independent reports share more than the sentences a spinner rewrote:
# at 0.7 (with union-find families, a first try) one earthquake story of the check part fell
# into a single family. The model is small: one verb swapped ("gave way" → "collapsed") can
# take a sentence's cosine from 1.0 to 0.66, so spins that recast clauses are found by their
# words and syntax, if at all.
EMBED_MIN_SIM = 0.85
# ... and the feature cosine and shared features a match on meaning still needs: the spinner
# keeps names, numbers and syntax. Swept 0.1-0.3 on the tune part: no change (the shared-feature
# floor already decides), so it stays a guard for texts unlike the benchmark's.
EMBED_MIN_LEXICAL = 0.2
EMBED_MIN_SHARED = 2
# Share of the shorter article's words in aligned sentences from which the pair is a copy:
# swept 0.5 and 0.6 on the tune part; 0.5 finds one more severe spin in 64 at EMBED_MIN_SIM 0.7
# and none at 0.85, and lets more independent reports through when the parts disagree.
COPY_MIN_COVERAGE = 0.6
COPY_MIN_ALIGNED = 3  # aligned units needed (one shared quote is not a copy) ...
SHORT_MIN_SIM = 0.7  # ... unless the shorter text has fewer: then all, by words, at this mean
# Share of the *longer* article's words in aligned sentences below which the pair is not a copy
# whatever the shorter side's coverage: a short piece built from a few wire sentences of a long
# report quotes it, it does not copy it. It also keeps copy-of-a-copy chains from bridging into
# a longer independent report. Swept 0.4-0.55 on the tune part: below 0.5, two or three more
# gold pairs (wire rewrites) join a family; 0.55 loses a tenth of the severe spins (they drop a
# third of the sentences and merge a quarter of the rest).
COPY_MIN_LONG_COVERAGE = 0.5
QUOTE_WEIGHT = 0.25  # weight of a quoted sentence's words in the coverage
MAX_UNIT = 2  # sentences on one side of an aligned unit (one merge or split)


@dataclass(frozen=True)
class Profile:
    """What alignment needs of one article, per sentence in text order.

    `vectors` holds unit vectors for the first len(vectors) sentences (the encoder reads at most
    a bounded number), or None when the article has none (stored before vectors existed, or the
    encoder is off): those sentences match by words only.
    """

    sets: list[frozenset[int]]
    quoted: list[bool]
    vectors: np.ndarray | None = None


@dataclass(frozen=True)
class Unit:
    """Aligned sentences: indexes into each profile (one or two each) and their similarity."""

    a: tuple[int, ...]
    b: tuple[int, ...]
    sim: float
    by_words: bool  # matched on words (feature cosine), not only on meaning


def align(a: Profile, b: Profile) -> list[Unit]:
    """The aligned units of two profiles, sorted by position in `a`.

    Three passes: sentence pairs, best first; each pair grown by a neighbour; then, among the
    sentences still unaligned, a sentence against two neighbours of the other text that only
    match together (a merge or split whose halves match nothing alone).
    """
    pairs = _word_pairs(a, b)
    used_a: set[int] = set()
    used_b: set[int] = set()
    units = _greedy([u for i, j, lex, shared in pairs if (u := _judge(a, b, (i,), (j,), lex, shared))], used_a, used_b)
    units = [_grown(u, a, b, used_a, used_b) for u in units]
    merged = []
    for i, j, _, _ in pairs:
        for ia, jb in (((i, i + 1), (j,)), ((i - 1, i), (j,)), ((i,), (j, j + 1)), ((i,), (j - 1, j))):
            free = all(0 <= k < len(a.sets) and k not in used_a for k in ia) and all(0 <= k < len(b.sets) and k not in used_b for k in jb)
            if free and (unit := _judge(a, b, ia, jb, *_lexical(a, b, ia, jb))) is not None:
                merged.append(unit)
    units += _greedy(merged, used_a, used_b)
    return sorted(units, key=lambda u: u.a)


def _greedy(scored: list[Unit], used_a: set[int], used_b: set[int]) -> list[Unit]:
    """The units that do not overlap, best first (`used_*` are updated)."""
    units = []
    for unit in sorted(scored, key=lambda u: (-u.sim, u.a, u.b)):
        if used_a.isdisjoint(unit.a) and used_b.isdisjoint(unit.b):
            used_a.update(unit.a)
            used_b.update(unit.b)
            units.append(unit)
    return units


def coverage(a: Profile, b: Profile, units: Sequence[Unit]) -> float:
    """Copy score: share of the shorter text's words that lie in aligned sentences.

    0.0 when the aligned sentences cover less than COPY_MIN_LONG_COVERAGE of either text, or
    when fewer than COPY_MIN_ALIGNED units align that are not quotes on both sides. A shorter
    text with fewer unquoted sentences than that needs all of them aligned, by words, at a mean
    feature cosine ≥ SHORT_MIN_SIM (one-sentence reports of one fact are often near-identical
    in meaning). Quotes weigh QUOTE_WEIGHT of their length: independent reports quote the same
    statement word for word.
    """
    wa, wb = _weights(a), _weights(b)
    if not sum(wa) or not sum(wb):
        return 0.0
    a_short = sum(wa) <= sum(wb)
    short = a if a_short else b
    own = [u for u in units if not (all(a.quoted[i] for i in u.a) and all(b.quoted[j] for j in u.b))]
    need = max(1, min(COPY_MIN_ALIGNED, short.quoted.count(False)))
    if len(own) < need:
        return 0.0
    if len(own) < COPY_MIN_ALIGNED and not all(u.by_words for u in own):
        return 0.0
    if len(own) < COPY_MIN_ALIGNED and sum(_lexical(a, b, u.a, u.b)[0] for u in own) < SHORT_MIN_SIM * len(own):
        return 0.0
    cover_a = sum(wa[i] for u in units for i in u.a) / sum(wa)
    cover_b = sum(wb[j] for u in units for j in u.b) / sum(wb)
    if min(cover_a, cover_b) < COPY_MIN_LONG_COVERAGE:
        return 0.0
    return cover_a if a_short else cover_b


def copy_score(a: Profile, b: Profile) -> float:
    """The copy score of two profiles: they are copies when it is ≥ COPY_MIN_COVERAGE."""
    return coverage(a, b, align(a, b))


# --- similarity of sentences and units ---------------------------------------------------------


def _word_pairs(a: Profile, b: Profile) -> list[tuple[int, int, float, int]]:
    """(i, j, feature cosine, shared features) of the sentence pairs that share enough features
    to match either way (an inverted index over b's features: no n × m loop over sets)."""
    where: dict[int, list[int]] = defaultdict(list)
    for j, sent in enumerate(b.sets):
        for h in sent:
            where[h].append(j)
    floor = min(SENTENCE_MIN_SHARED, EMBED_MIN_SHARED)
    out = []
    for i, sent in enumerate(a.sets):
        shared = Counter(j for h in sent for j in where.get(h, ()))
        for j, k in shared.items():
            if k >= floor:
                out.append((i, j, k / (len(sent) * len(b.sets[j])) ** 0.5, k))
    return out


def _judge(a: Profile, b: Profile, ia: tuple[int, ...], jb: tuple[int, ...], lex: float, shared: int) -> Unit | None:
    """The unit of these sentences if they match (by words, else by meaning), else None."""
    by_words = lex >= SENTENCE_MIN_SIM and shared >= SENTENCE_MIN_SHARED
    meaning = _vector_sim(a, b, ia, jb)
    if by_words:
        return Unit(ia, jb, round(meaning if meaning is not None else lex, 4), True)
    if meaning is not None and meaning >= EMBED_MIN_SIM and lex >= EMBED_MIN_LEXICAL and shared >= EMBED_MIN_SHARED:
        return Unit(ia, jb, round(meaning, 4), False)
    return None


def _lexical(a: Profile, b: Profile, ia: Sequence[int], jb: Sequence[int]) -> tuple[float, int]:
    sa = frozenset().union(*(a.sets[i] for i in ia))
    sb = frozenset().union(*(b.sets[j] for j in jb))
    shared = len(sa & sb)
    return (shared / (len(sa) * len(sb)) ** 0.5 if sa and sb else 0.0), shared


def _vector_sim(a: Profile, b: Profile, ia: Sequence[int], jb: Sequence[int]) -> float | None:
    """Cosine of the units' vectors (a merged unit: the word-weighted mean of its sentences'),
    None when a sentence of either unit has no vector."""
    va, vb = _unit_vector(a, ia), _unit_vector(b, jb)
    return None if va is None or vb is None else float(va @ vb)


def _unit_vector(p: Profile, idx: Sequence[int]) -> np.ndarray | None:
    if p.vectors is None or max(idx) >= len(p.vectors):
        return None
    if len(idx) == 1:
        return p.vectors[idx[0]]  # type: ignore[no-any-return]
    v = sum(p.vectors[i] * len(p.sets[i]) for i in idx)
    return v / max(float(np.linalg.norm(v)), 1e-12)  # type: ignore[no-any-return]


def _grown(unit: Unit, a: Profile, b: Profile, used_a: set[int], used_b: set[int]) -> Unit:
    """The unit with an unaligned neighbouring sentence added on either side when the merged
    unit still matches, and better (a spinner's merge or split); `used_*` are updated."""
    for side in ("a", "b"):
        idx, used, size = (unit.a, used_a, len(a.sets)) if side == "a" else (unit.b, used_b, len(b.sets))
        if len(idx) >= MAX_UNIT:
            continue
        best = unit
        for k in (idx[0] - 1, idx[-1] + 1):
            if 0 <= k < size and k not in used:
                grown = tuple(sorted((*idx, k)))
                ia, jb = (grown, unit.b) if side == "a" else (unit.a, grown)
                candidate = _judge(a, b, ia, jb, *_lexical(a, b, ia, jb))
                if candidate is not None and candidate.sim > best.sim:
                    best = candidate
        if best is not unit:
            used.update(best.a if side == "a" else best.b)
            unit = best
    return unit


def _weights(p: Profile) -> list[float]:
    return [len(s) * (QUOTE_WEIGHT if q else 1.0) for s, q in zip(p.sets, p.quoted, strict=True)]
