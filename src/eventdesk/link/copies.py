"""Copies: which articles repeat another, so a copy family counts as one source.

Three tiers, cheapest first:

1. exact duplicates share the hash of their normalised text (`content_hash`);
2. candidate pairs come from two indexes: MinHash LSH over the article's content-word stems
   (datasketch's MinHash; reordering does not change that set, and synonym swaps, deletions and
   an added headline change only part of it), and the nearest earlier articles by *article
   vector*, the mean of its sentences' vectors (all-MiniLM-L6-v2), which finds rewrites that
   swapped so many words that few stems are left in common;
3. a candidate pair is verified by sentence alignment (alignment.py): on words and syntax, and on
   the sentence vectors where the words were swapped.

What is stored per article: `copy_minhash` and `copy_sents` (strings in the article's features)
and its `CopyVectors` (bytes, in the store's copy_vectors table, read for candidates only).
An article joins the family of the earlier article it copies best; a family's root is its
earliest article (publication date, then ingest order), and every other member points at it.
(Joining every verified pair instead, union-find style, found more spins whose siblings had
joined the original, and chained one story's wire-derived reports into a single family: see
README "Copies".)
"""

from __future__ import annotations

import base64
import logging
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Protocol

import numpy as np
from datasketch import MinHash

from eventdesk.link.alignment import COPY_MIN_COVERAGE, Profile, align, coverage
from eventdesk.link.copy_text import sentences, split_sentences

log = logging.getLogger(__name__)

FEATURE_KEYS = ("copy_minhash", "copy_sents")  # what a row needs; rows without them are re-featured
NUM_PERM = 64  # permutations of the content-word MinHash; 64 × 4 bytes per article
MINHASH_SEED = 20240501  # fixed: stored signatures must stay comparable
BANDS, ROWS = 32, 2  # LSH bands × rows: P(candidate) 0.95 at Jaccard 0.3, 0.56 at 0.16
BUCKET_FIRST, BUCKET_PREV = 3, 3  # per band, the earliest and the latest earlier bucket mates kept
CANDIDATE_MIN_JACCARD = 0.12  # estimated stem Jaccard below which an LSH pair is not aligned
MAX_VERIFY = 4  # LSH candidates aligned per article, best estimated Jaccard first
JACCARD_CHUNK = 200_000  # candidate pairs compared at once (64 × 4 bytes × 2 each: ~100 MB)
# Article vectors: an article's VECTOR_NEIGHBOURS nearest earlier articles with a cosine of at
# least ARTICLE_MIN_COS, published within COPY_WINDOW_DAYS of it (a spinner republishes within
# days; undated articles are compared with all), are candidates too. On the spun-copy bench the
# severe spins' article cosine with their original is ≥ 0.62, independent same-story reports'
# up to 0.98: the cosine finds candidates, it decides nothing.
VECTOR_NEIGHBOURS = 3
ARTICLE_MIN_COS = 0.6
COPY_WINDOW_DAYS = 7
QUERY_CHUNK, KEY_CHUNK = 256, 8192  # article-vector products computed at once (8 MB)
VERIFY_CHUNK = 256  # articles whose candidates are aligned together (their vectors fetched at once)
MAX_EMBEDDED = 60  # sentences of an article the encoder reads (a long page costs ≤ ~1 s)
PROFILE_CACHE = 4096  # decoded profiles kept while verifying (rows are visited roughly in order)

_QUOTE_BIT = 1 << 31


@dataclass(frozen=True)
class CopyVectors:
    """An article's vectors as stored: int8, one row of `embed.DIM` per sentence the encoder read
    (in the order of `copy_text.sentences`), and their normalised mean (the article vector).

    Each row is scaled to fill int8 and normalised again when read: only directions matter.
    """

    mean: bytes
    sentences: bytes


class VectorSource(Protocol):
    """Where `find_copies` reads stored vectors (the store, or a dict in the benchmark)."""

    def copy_vector_means(self) -> dict[str, bytes]:
        """Every article's mean vector, by article id."""
        ...

    def copy_vectors(self, ids: Sequence[str]) -> dict[str, bytes]:
        """The sentence vectors of these articles, by id (absent when not stored)."""
        ...


# --- per article ------------------------------------------------------------------------------


def copy_features(text: str) -> dict[str, str]:
    """The word features the copy detector needs for one article, to store with it.

    `copy_minhash`: datasketch's MinHash of the article's content-word stems (for LSH);
    `copy_sents`: per sentence, the hashes of its alignment features (layout: count, then each
    sentence's length with the top bit set for a quote, then the hashes). Both are base64 of
    little-endian uint32.
    """
    sents = sentences(text)
    stems = sorted({s for sent in sents for s in sent.stems})
    minhash = MinHash(num_perm=NUM_PERM, seed=MINHASH_SEED)
    minhash.update_batch([s.encode("utf-8") for s in stems])
    per = [np.array(sorted({_hash(f) for f in sent.features}), dtype=np.uint64) for sent in sents]
    flat = np.concatenate(per) if per else np.zeros(0, dtype=np.uint64)
    heads = [len(p) | (_QUOTE_BIT if sent.quoted else 0) for p, sent in zip(per, sents, strict=True)]
    return {
        "copy_minhash": _b64(minhash.hashvalues),
        "copy_sents": _b64(np.array([len(sents), *heads], dtype=np.uint64)) + ":" + _b64(flat),
    }


def copy_vectors(text: str) -> CopyVectors | None:
    """The article's sentence vectors and mean (None when no sentence can align).

    The encoder reads the first MAX_EMBEDDED sentences, in one call (stored vectors depend on the
    text alone); the process keeps them, so the incident judge does not embed them again.
    """
    from eventdesk.extract import embed

    sents = sentences(text)[:MAX_EMBEDDED]
    if not sents:
        return None
    vectors = embed.encode_cached([text[s.start : s.end] for s in sents], refresh=True)
    return CopyVectors(_quantised(_unit(vectors.mean(axis=0, keepdims=True))).tobytes(), _quantised(vectors).tobytes())


def profile(text: str, vectors: CopyVectors | None = None) -> Profile:
    """The alignment profile of a text (what is stored for it, decoded)."""
    return decode_profile(copy_features(text)["copy_sents"], vectors.sentences if vectors else None)


def decode_profile(value: str, sentence_vectors: bytes | None = None) -> Profile:
    """The alignment profile stored in `copy_features(...)["copy_sents"]` and `CopyVectors.sentences`."""
    head_b64, _, flat_b64 = value.partition(":")
    heads, hashes = _unb64(head_b64), _unb64(flat_b64)
    n = int(heads[0]) if heads.size else 0
    lengths = heads[1 : n + 1].astype(np.int64) & ~_QUOTE_BIT
    bounds = np.concatenate([[0], np.cumsum(lengths)]).astype(int)
    sets = [frozenset(hashes[bounds[k] : bounds[k + 1]].tolist()) for k in range(n)]
    quoted = [bool(h & _QUOTE_BIT) for h in heads[1 : n + 1].tolist()]
    return Profile(sets, quoted, _dequantised(sentence_vectors)[:n] if sentence_vectors else None)


def copy_score(text_a: str, text_b: str, *, vectors: bool = True) -> float:
    """The copy score of two texts (with their sentence vectors unless `vectors` is False):
    they are copies when it is ≥ COPY_MIN_COVERAGE."""
    a = profile(text_a, copy_vectors(text_a) if vectors else None)
    b = profile(text_b, copy_vectors(text_b) if vectors else None)
    return coverage(a, b, align(a, b))


def aligned_sentences(text_a: str, text_b: str) -> list[tuple[tuple[int, ...], tuple[int, ...], float]]:
    """Aligned sentences of two texts, for display: indexes into `split_sentences` of each
    (two on one side where a spinner merged or split sentences) and the similarity."""
    sa, sb = sentences(text_a), sentences(text_b)
    index_a = {span: k for k, span in enumerate(split_sentences(text_a))}
    index_b = {span: k for k, span in enumerate(split_sentences(text_b))}
    units = align(profile(text_a, copy_vectors(text_a)), profile(text_b, copy_vectors(text_b)))
    return [
        (tuple(index_a[(sa[i].start, sa[i].end)] for i in u.a), tuple(index_b[(sb[j].start, sb[j].end)] for j in u.b), u.sim)
        for u in units
    ]


def _hash(feature: str) -> int:
    return zlib.crc32(feature.encode("utf-8"))


def _b64(array: np.ndarray) -> str:
    return base64.b64encode(array.astype("<u4").tobytes()).decode("ascii")


def _unb64(value: str) -> np.ndarray:
    return np.frombuffer(base64.b64decode(value), dtype="<u4")


def _unit(x: np.ndarray) -> np.ndarray:
    return x / np.maximum(np.linalg.norm(x, axis=-1, keepdims=True), 1e-12)  # type: ignore[no-any-return]


def _quantised(x: np.ndarray) -> np.ndarray:
    scale = np.maximum(np.abs(x).max(axis=-1, keepdims=True), 1e-12)
    return np.round(x / scale * 127).astype(np.int8)  # type: ignore[no-any-return]


def _dequantised(raw: bytes) -> np.ndarray:
    from eventdesk.extract.embed import DIM

    return _unit(np.frombuffer(raw, dtype=np.int8).reshape(-1, DIM).astype(np.float32))


# --- find copies --------------------------------------------------------------------------------


def find_copies(rows: Sequence[dict], vectors: VectorSource | None = None) -> dict[str, tuple[str, float]]:
    """article id → (id of the original it copies, score) for every copy among `rows`.

    `rows` are in ingest order with keys id, published, content_hash and features (with
    FEATURE_KEYS from `copy_features`; a row without them is matched by its hash only).
    `vectors` gives the stored `CopyVectors`; without it, or for rows it has none for, pairs
    are found and aligned on words alone.
    """
    order = sorted(range(len(rows)), key=lambda i: (rows[i]["published"] or "9999", i))
    rank = np.empty(len(rows), dtype=np.int64)
    rank[order] = np.arange(len(rows))
    matches = _aligned_matches(rows, rank, vectors)
    by_hash: dict[str, str] = {}
    root: dict[str, str] = {}
    out: dict[str, tuple[str, float]] = {}
    for i in order:
        row = rows[i]
        aid = row["id"]
        found = (by_hash[row["content_hash"]], 1.0) if row["content_hash"] in by_hash else None
        if found is None and i in matches:
            found = (rows[matches[i][0]]["id"], matches[i][1])
        by_hash.setdefault(row["content_hash"], aid)
        if found:
            original, score = found
            root[aid] = root.get(original, original)
            out[aid] = (root[aid], round(score, 3))
    log.info("copies: %d of %d articles", len(out), len(rows))
    return out


def _aligned_matches(rows: Sequence[dict], rank: np.ndarray, vectors: VectorSource | None) -> dict[int, tuple[int, float]]:
    """row index → (row index of the earlier article it copies best, score), by candidates
    then alignment."""
    # Exact duplicates are settled by their content hash: only the first of each text (in
    # publication order) needs candidates and alignment, which keeps mass reposts cheap.
    firsts: dict[str, int] = {}
    for i in sorted(range(len(rows)), key=lambda i: rank[i]):
        firsts.setdefault(rows[i]["content_hash"], i)
    idx = np.array(
        [i for i, r in enumerate(rows) if all(k in r["features"] for k in FEATURE_KEYS) and firsts[r["content_hash"]] == i],
        dtype=np.int64,
    )
    if idx.size < 2:
        return {}
    groups = _candidates(rows, idx, rank[idx], vectors)
    profiles = _Profiles(rows, vectors)
    out: dict[int, tuple[int, float]] = {}
    items = sorted(groups.items(), key=lambda kv: rank[kv[0]])
    for start in range(0, len(items), VERIFY_CHUNK):
        chunk = items[start : start + VERIFY_CHUNK]
        profiles.prefetch({p for p, cands in chunk for p in (p, *cands)})
        for p, cands in chunk:
            best = _best_aligned(p, cands, profiles)
            if best is not None:
                out[p] = best
    log.debug("copies: %d articles with candidates, %d copies by alignment", len(groups), len(out))
    return out


def _candidates(rows: Sequence[dict], idx: np.ndarray, rank: np.ndarray, vectors: VectorSource | None) -> dict[int, list[int]]:
    """row index → the earlier row indexes to align it with: its best LSH candidates, then its
    nearest earlier articles by vector."""
    sigs = np.stack([_unb64(rows[i]["features"]["copy_minhash"]) for i in idx])
    later, earlier = _candidate_pairs(sigs, rank)
    est = _estimated_jaccard(sigs, later, earlier)
    keep = est >= CANDIDATE_MIN_JACCARD
    later, earlier, est = later[keep], earlier[keep], est[keep]
    order = np.lexsort((-est, later))  # by article, best estimate first
    groups: dict[int, list[int]] = {}
    for q, e in zip(later[order].tolist(), earlier[order].tolist(), strict=True):
        cands = groups.setdefault(int(idx[q]), [])
        if len(cands) < MAX_VERIFY:
            cands.append(int(idx[e]))
    if vectors is not None:
        for q, e in _vector_pairs(rows, idx, rank, vectors):
            cands = groups.setdefault(int(idx[q]), [])
            if int(idx[e]) not in cands:
                cands.append(int(idx[e]))
    return groups


def _estimated_jaccard(sigs: np.ndarray, later: np.ndarray, earlier: np.ndarray) -> np.ndarray:
    """Share of equal MinHash values per pair, in chunks (bounded memory)."""
    out = np.empty(len(later), dtype=np.float32)
    for k in range(0, len(later), JACCARD_CHUNK):
        sl = slice(k, k + JACCARD_CHUNK)
        out[sl] = (sigs[later[sl]] == sigs[earlier[sl]]).mean(axis=1)
    return out


def _candidate_pairs(sigs: np.ndarray, rank: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(later, earlier) positions into `sigs` of pairs sharing an LSH band, deduplicated.

    The banding of MinHash LSH (datasketch's `MinHashLSH` with params=(BANDS, ROWS)), over a
    sorted array per band instead of a dict of Python sets: at 20,000 articles datasketch's
    index takes ~195 MB, this one the signatures alone. Per band, an article is paired with the
    BUCKET_FIRST earliest and the BUCKET_PREV latest earlier articles in its bucket, so a bucket
    of thousands (one wire story copied everywhere) costs linear, not quadratic, work.
    """
    n = len(sigs)
    bands = sigs[:, : BANDS * ROWS].reshape(n, BANDS, ROWS).astype(np.uint64)
    keys = bands[:, :, 0] << np.uint64(32) | bands[:, :, 1]  # ROWS == 2: two uint32 make one key
    at = np.arange(n)
    codes = np.zeros(0, dtype=np.int64)
    for b in range(BANDS):
        sorted_pos = np.lexsort((rank, keys[:, b]))
        k = keys[sorted_pos, b]
        run_start = np.maximum.accumulate(np.where(np.concatenate([[True], k[1:] != k[:-1]]), at, 0))
        mates = [run_start + t for t in range(BUCKET_FIRST)] + [at - t for t in range(1, BUCKET_PREV + 1)]
        band_codes = [sorted_pos[at[ok]] * n + sorted_pos[m[ok]] for m in mates if (ok := (m < at) & (m >= run_start)).any()]
        if band_codes:
            codes = np.union1d(codes, np.concatenate(band_codes))
    return codes // n, codes % n


def _vector_pairs(rows: Sequence[dict], idx: np.ndarray, rank: np.ndarray, vectors: VectorSource) -> Iterable[tuple[int, int]]:
    """(later, earlier) positions into `idx`: each article's VECTOR_NEIGHBOURS nearest earlier
    articles by article vector, cosine ≥ ARTICLE_MIN_COS, within COPY_WINDOW_DAYS.

    Articles are taken in publication order, so an article's window is a run of the order:
    the work is the number of articles times those published in a window, in blocks of
    QUERY_CHUNK × KEY_CHUNK products."""
    stored = vectors.copy_vector_means()
    have = [k for k in range(len(idx)) if rows[int(idx[k])]["id"] in stored]
    if len(have) < 2:
        return []
    have.sort(key=lambda k: rank[k])
    means = np.stack([_dequantised(stored[rows[int(idx[k])]["id"]])[0] for k in have])
    days = np.array([_day(rows[int(idx[k])]["published"]) for k in have], dtype=np.float64)
    out = []
    for q0 in range(0, len(have), QUERY_CHUNK):
        q1 = min(q0 + QUERY_CHUNK, len(have))
        dated = days[q0:q1][~np.isnan(days[q0:q1])]
        lo = 0 if len(dated) < q1 - q0 else int(np.searchsorted(days, dated.min() - COPY_WINDOW_DAYS))
        best = np.full((q1 - q0, VECTOR_NEIGHBOURS), -1.0)
        best_at = np.full((q1 - q0, VECTOR_NEIGHBOURS), -1)
        for k0 in range(lo, q1, KEY_CHUNK):
            k1 = min(k0 + KEY_CHUNK, q1)
            sims = means[q0:q1] @ means[k0:k1].T
            later_than = np.arange(q0, q1)[:, None] > np.arange(k0, k1)[None, :]
            near = np.abs(days[q0:q1, None] - days[None, k0:k1]) <= COPY_WINDOW_DAYS
            near |= np.isnan(days[q0:q1, None]) | np.isnan(days[None, k0:k1])
            sims = np.where(later_than & near & (sims >= ARTICLE_MIN_COS), sims, -1.0)
            hit = np.flatnonzero((sims > 0).any(axis=1))  # most rows have no neighbour in a block
            if hit.size:
                merged = np.concatenate([best[hit], sims[hit]], axis=1)
                merged_at = np.concatenate([best_at[hit], np.broadcast_to(np.arange(k0, k1), (hit.size, k1 - k0))], axis=1)
                top = np.argpartition(-merged, VECTOR_NEIGHBOURS - 1, axis=1)[:, :VECTOR_NEIGHBOURS]
                best[hit], best_at[hit] = np.take_along_axis(merged, top, 1), np.take_along_axis(merged_at, top, 1)
        for r, c in zip(*np.nonzero(best > 0), strict=True):
            out.append((have[q0 + r], have[int(best_at[r, c])]))
    return out


def _day(published: str | None) -> float:
    return float(date.fromisoformat(published).toordinal()) if published else float("nan")


class _Profiles:
    """Decoded profiles by row index, their vectors fetched in batches (bounded)."""

    def __init__(self, rows: Sequence[dict], vectors: VectorSource | None) -> None:
        self.rows, self.vectors = rows, vectors
        self.cache: dict[int, Profile] = {}

    def prefetch(self, wanted: set[int]) -> None:
        todo = [i for i in wanted if i not in self.cache]
        if len(self.cache) + len(todo) > PROFILE_CACHE:
            self.cache = {i: p for i, p in self.cache.items() if i in wanted}
        found = self.vectors.copy_vectors([self.rows[i]["id"] for i in todo]) if self.vectors and todo else {}
        for i in todo:
            sents = self.rows[i]["features"]["copy_sents"]
            self.cache[i] = decode_profile(sents, found.get(self.rows[i]["id"]))

    def __getitem__(self, i: int) -> Profile:
        if i not in self.cache:
            self.prefetch({i})
        return self.cache[i]


def _best_aligned(p: int, cands: list[int], profiles: _Profiles) -> tuple[int, float] | None:
    a = profiles[p]
    best: tuple[int, float] | None = None
    for q in cands:
        b = profiles[q]
        score = coverage(a, b, align(a, b))
        if score >= COPY_MIN_COVERAGE and (best is None or score > best[1]):
            best = (q, score)
    return best
