"""Copies: which articles repeat another, so a copy family counts as one source.

Three tiers, cheapest first:

1. exact duplicates share the hash of their normalised text (`content_hash`);
2. candidates come from MinHash LSH over the article's *content-word stems* (stop words
   dropped, words cut to a prefix): reordering does not change that set, and synonym swaps,
   deletions and an added headline or trailer change only part of it;
3. a candidate pair is verified by *sentence alignment*: each sentence is a set of content-word
   stems plus function-word trigrams (its syntax skeleton, which a spinner keeps while swapping
   synonyms); sentences are paired one-to-one by their overlap, in any order, and the pair is a
   copy when the aligned sentences cover most of the shorter article and at least half of the
   longer one (a short piece quoting a long one is not its copy). Headlines, datelines and
   trailers are left out, and quotes count little. Independent reports of one event share
   names, facts and quotes, but rarely sentence after sentence of the same wording.

The per-article features (`copy_features`) are compact strings (base64 of uint32 arrays), so
the link step holds 100,000 articles' features in a few hundred MB. The earlier article
(publication date, then ingest order) is the original; a copy points at its family's root.
Rows stored before these features existed carry only the 5-word-shingle `minhash`; they are
still matched among themselves by estimated Jaccard (the earlier method).
"""

from __future__ import annotations

import base64
import logging
import re
import zlib
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash, MinHashLSH
from spacy.lang.en.stop_words import STOP_WORDS

log = logging.getLogger(__name__)

# --- features ---------------------------------------------------------------------------------
STEM_CHARS = 6  # words are cut to this prefix: "protesters"/"protest", "injured"/"injuries" meet
NEWS_STOP_WORDS = frozenset({"said", "says", "told", "according", "reported", "reports", "also",
                             "new", "year", "years", "week", "time", "people", "including"})  # fmt: skip
MIN_SENTENCE_WORDS = 3  # a sentence with fewer content words (a caption, "Source link") is skipped
HEADLINE_MAX_WORDS = 20  # a line this short without end punctuation is a headline/dateline/URL
QUOTE_SHARE = 0.5  # a sentence with this share of its characters inside quotation marks is a quote
QUOTE_MAX_LINES = 3  # an unclosed quotation mark stops counting after this many lines
MAX_SENTENCES = 400  # longer texts are cut (keeps the feature of a book-length page bounded)
NUM_PERM = 64  # permutations of the content-word MinHash; 64 × 4 bytes per article
BANDS, ROWS = 32, 2  # LSH bands × rows: P(candidate) 0.95 at Jaccard 0.3, 0.27 at 0.1
_PRIME = np.uint64((1 << 61) - 1)
_perm_rng = np.random.RandomState(20240501)  # fixed: stored signatures must stay comparable
_PERM_A = _perm_rng.randint(1, 1 << 32, size=NUM_PERM, dtype=np.uint64)
_PERM_B = _perm_rng.randint(0, 1 << 32, size=NUM_PERM, dtype=np.uint64)
del _perm_rng

# --- candidates and verification ----------------------------------------------------------------
BUCKET_FIRST, BUCKET_PREV = 3, 3  # per band, the earliest and the latest earlier bucket mates kept
CANDIDATE_MIN_JACCARD = 0.12  # estimated stem Jaccard below which a pair is not aligned at all
MAX_VERIFY = 4  # candidates aligned per article, best estimated Jaccard first
JACCARD_CHUNK = 200_000  # candidate pairs compared at once (64 × 4 bytes × 2 each: ~100 MB)
# Cosine of two sentences' features (stems + skeleton trigrams) for them to align: swept
# 0.35-0.5; below 0.5 independent sentences about one fact ("a 6.1 quake struck Aceh") align.
SENTENCE_MIN_SIM = 0.5
SENTENCE_MIN_SHARED = 3  # ... and at least this many shared features
# Share of the shorter article's words in aligned sentences from which the pair is a copy.
# Swept 0.4-0.7 on the spun-copy bench (`eval copies`, ECB+ dev originals): 0.6 gives P 0.975 /
# R 0.967 at 10k articles; 0.7 loses 4% of heavy spins and removes only one ECB+ pair (the
# same-story pairs above 0.6 share wire text sentence for sentence). examples/06 scores 0.67.
COPY_MIN_COVERAGE = 0.6
COPY_MIN_ALIGNED = 3  # aligned sentences needed (one shared quote is not a copy) ...
SHORT_MIN_SIM = 0.7  # ... unless the shorter text has fewer: then all, at this mean similarity
# ... and share of the *longer* article's words in aligned sentences, below which the pair is
# not a copy whatever the shorter side's coverage: a short piece built from a few wire
# sentences of a long report quotes it, it does not copy it. Swept 0.4-0.55 on the bench
# (10k articles): 0.4 P 0.969 / R 0.960 / 10 ECB+ same-story pairs; 0.45 P 0.972 / R 0.963 / 8;
# 0.5 P 0.971 / R 0.960 / 6 (heavy spins 0.940 → 0.933); 0.55 loses ~10% of heavy spins (they
# drop 30% of the sentences). The count no longer depends on ingest order (6 in 20 shuffles,
# 11-22 before): long-side coverage keeps copy-of-a-copy chains from bridging into a longer
# independent report. Re-verifying chained copies against the family root was measured too
# and dropped: with this floor it removes no ECB+ pair and costs 4-5 points of recall.
COPY_MIN_LONG_COVERAGE = 0.5
QUOTE_WEIGHT = 0.25  # weight of a quoted sentence's words in the coverage

# --- the earlier method, for rows without the new features --------------------------------------
SCHEME = MinHash(num_perm=1).scheme  # stored signatures are rebuilt with the scheme that made them
LEGACY_NUM_PERM = 128  # datasketch's default
SHINGLE = 5  # words per shingle
# Estimated Jaccard over 5-word shingles above which one article copies another (light edits).
NEAR_DUPLICATE_JACCARD = 0.5

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_END_PUNCT = (".", "!", "?", '"', "”", "'", "’", ")")
_QUOTE_OR_NEWLINE = re.compile(r"\n[ \t]*(?:\n[ \t]*)*|``|''|[\"“”]")
_OPENERS, _CLOSERS = frozenset({'"', "“", "``"}), frozenset({'"', "”", "''"})
_QUOTE_BIT = 1 << 31
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[\"“‘'(]?[A-Z0-9])")
_STOP = frozenset(w.lower() for w in STOP_WORDS) | NEWS_STOP_WORDS


@dataclass(frozen=True)
class Sentence:
    """A sentence of a text: its character span, its alignment features, whether it is a quote."""

    start: int
    end: int
    stems: frozenset[str]
    features: frozenset[str]
    quoted: bool


@dataclass(frozen=True)
class Profile:
    """What alignment needs of one article: per sentence, its feature hashes and quote flag."""

    sets: list[frozenset[int]]
    quoted: list[bool]


# --- text → features ----------------------------------------------------------------------------


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of `text` (lines, then end punctuation + capital)."""
    spans = []
    for line in re.finditer(r"[^\n]+", text):
        start = line.start()
        for m in _SENTENCE_END.finditer(line.group(0)):
            spans.append((start, line.start() + m.start()))
            start = line.start() + m.end()
        spans.append((start, line.end()))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def content_stems(sentence: str) -> frozenset[str]:
    """Content-word stems of a sentence: lower-cased, stop words out, cut to STEM_CHARS."""
    out = set()
    for word in _WORD.findall(sentence):
        w = word.lower().replace("’", "'").removesuffix("'s")
        if (len(w) > 1 and w not in _STOP) or w.isdigit():
            out.add(w[:STEM_CHARS])
    return frozenset(out)


def skeleton_grams(sentence: str) -> frozenset[str]:
    """Function-word trigrams with at most one content-word slot ("at the _", "it could not").

    A spinner swaps content words but keeps the syntax; independent writers do not share it.
    """
    words = [w.lower().replace("’", "'") for w in _WORD.findall(sentence)]
    skeleton = [w if w in _STOP else "_" for w in words]
    grams = (skeleton[i : i + 3] for i in range(len(skeleton) - 2))
    return frozenset("#" + " ".join(g) for g in grams if g.count("_") <= 1)


def sentences(text: str) -> list[Sentence]:
    """The sentences of `text` that can align, with their features.

    Headline-like lines (short, no end punctuation: headlines, datelines, URLs, "Source link")
    and sentences with fewer than MIN_SENTENCE_WORDS content words are left out.
    """
    quoted = _quoted_chars(text)
    out = []
    for a, b in split_sentences(text)[:MAX_SENTENCES]:
        if _headline_like(text, a, b):
            continue
        stems = content_stems(text[a:b])
        if len(stems) >= MIN_SENTENCE_WORDS:
            share = sum(quoted[a:b]) / max(1, b - a)
            out.append(Sentence(a, b, stems, stems | skeleton_grams(text[a:b]), share >= QUOTE_SHARE))
    return out


def _headline_like(text: str, a: int, b: int) -> bool:
    line_start = text.rfind("\n", 0, a) + 1
    line_end = text.find("\n", b)
    line = text[line_start : len(text) if line_end < 0 else line_end].strip()
    return len(line.split()) <= HEADLINE_MAX_WORDS and not line.endswith(_END_PUNCT)


def _quoted_chars(text: str) -> bytearray:
    """1 for each character inside quotation marks ("…", “…”, ``…''), 0 elsewhere.

    A quote left open is closed at a blank line or after QUOTE_MAX_LINES lines.
    """
    inside = bytearray(len(text))
    is_open, opened_line, line_no, pos = False, 0, 0, 0
    for m in _QUOTE_OR_NEWLINE.finditer(text):
        if is_open:
            inside[pos : m.start()] = b"\x01" * (m.start() - pos)
        mark = m.group(0)
        if mark.startswith("\n"):
            line_no += mark.count("\n")
            if is_open and (mark.count("\n") > 1 or line_no - opened_line >= QUOTE_MAX_LINES):
                is_open = False
        elif mark in _OPENERS and not is_open:
            is_open, opened_line = True, line_no
        elif mark in _CLOSERS and is_open:
            is_open = False
        pos = m.end()
    return inside


def _hash(feature: str) -> int:
    return zlib.crc32(feature.encode("utf-8"))


def _signature(hashes: np.ndarray) -> np.ndarray:
    """MinHash (NUM_PERM uint32) of a set of 32-bit hashes."""
    if hashes.size == 0:
        return np.full(NUM_PERM, 0xFFFFFFFF, dtype=np.uint32)
    values = (_PERM_A[:, None] * hashes[None, :] + _PERM_B[:, None]) % _PRIME
    return (values.min(axis=1) & np.uint64(0xFFFFFFFF)).astype(np.uint32)


def _b64(array: np.ndarray) -> str:
    return base64.b64encode(array.astype("<u4").tobytes()).decode("ascii")


def _unb64(value: str) -> np.ndarray:
    return np.frombuffer(base64.b64decode(value), dtype="<u4")


def copy_features(text: str) -> dict[str, str]:
    """The features the copy detector needs for one article, to store with it.

    `copy_sig`: the MinHash of the article's content-word stems (for LSH candidates);
    `copy_sents`: per sentence, the hashes of its alignment features (layout: count, then each
    sentence's length with the top bit set for a quote, then the hashes). Both are base64 of
    little-endian uint32: a tenth of the size of a JSON list of ints.
    """
    sents = sentences(text)
    stems = np.array(sorted({_hash(s) for sent in sents for s in sent.stems}), dtype=np.uint64)
    per = [np.array(sorted({_hash(f) for f in sent.features}), dtype=np.uint64) for sent in sents]
    flat = np.concatenate(per) if per else np.zeros(0, dtype=np.uint64)
    heads = [len(p) | (_QUOTE_BIT if sent.quoted else 0) for p, sent in zip(per, sents, strict=True)]
    return {
        "copy_sig": _b64(_signature(stems)),
        "copy_sents": _b64(np.array([len(sents), *heads], dtype=np.uint64)) + ":" + _b64(flat),
    }


def profile(text: str) -> Profile:
    """The alignment profile of a text (what `copy_features` stores, decoded)."""
    return decode_profile(copy_features(text)["copy_sents"])


def decode_profile(value: str) -> Profile:
    """The alignment profile stored in `copy_features(...)["copy_sents"]`."""
    head_b64, _, flat_b64 = value.partition(":")
    heads, hashes = _unb64(head_b64), _unb64(flat_b64)
    n = int(heads[0]) if heads.size else 0
    lengths = heads[1 : n + 1].astype(np.int64) & ~_QUOTE_BIT
    bounds = np.concatenate([[0], np.cumsum(lengths)]).astype(int)
    sets = [frozenset(hashes[bounds[k] : bounds[k + 1]].tolist()) for k in range(n)]
    return Profile(sets, [bool(h & _QUOTE_BIT) for h in heads[1 : n + 1].tolist()])


# --- alignment -------------------------------------------------------------------------------------


def align_sets(a: Sequence[frozenset], b: Sequence[frozenset]) -> list[tuple[int, int, float]]:
    """One-to-one sentence alignment of two texts given as sentence feature sets.

    Pairs (i, j, cosine) with cosine ≥ SENTENCE_MIN_SIM and ≥ SENTENCE_MIN_SHARED shared
    features, taken greedily from the most similar; order in the texts is ignored (spins reorder).
    """
    where: dict = defaultdict(list)
    for j, sent in enumerate(b):
        for h in sent:
            where[h].append(j)
    scored = []
    for i, sent in enumerate(a):
        shared = Counter(j for h in sent for j in where.get(h, ()))
        for j, k in shared.items():
            sim = k / (len(sent) * len(b[j])) ** 0.5
            if k >= SENTENCE_MIN_SHARED and sim >= SENTENCE_MIN_SIM:
                scored.append((sim, i, j))
    used_a: set[int] = set()
    used_b: set[int] = set()
    pairs = []
    for sim, i, j in sorted(scored, reverse=True):
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            pairs.append((i, j, round(sim, 3)))
    return sorted(pairs)


def coverage(a: Profile, b: Profile, pairs: list[tuple[int, int, float]]) -> float:
    """Copy score: share of the shorter text's words that lie in aligned sentences.

    0.0 when the aligned sentences cover less than COPY_MIN_LONG_COVERAGE of either text.

    Quotes count for little, since independent reports quote the same statement word for word:
    quoted sentences weigh QUOTE_WEIGHT of their length, and only aligned pairs that are not
    both quotes count towards COPY_MIN_ALIGNED. A shorter text with fewer unquoted sentences
    than that needs all of them (at least one) aligned, at a mean similarity ≥ SHORT_MIN_SIM.
    """
    wa, wb = _weights(a), _weights(b)
    a_short = sum(wa) <= sum(wb)
    short = a if a_short else b
    own = [(i, j, sim) for i, j, sim in pairs if not (a.quoted[i] and b.quoted[j])]
    need = max(1, min(COPY_MIN_ALIGNED, short.quoted.count(False)))
    if len(own) < need:
        return 0.0
    if len(own) < COPY_MIN_ALIGNED and sum(sim for _, _, sim in own) < SHORT_MIN_SIM * len(own):
        return 0.0
    cover_a = sum(wa[i] for i, _, _ in pairs) / sum(wa)
    cover_b = sum(wb[j] for _, j, _ in pairs) / sum(wb)
    if min(cover_a, cover_b) < COPY_MIN_LONG_COVERAGE:
        return 0.0
    return cover_a if a_short else cover_b


def _weights(p: Profile) -> list[float]:
    return [len(s) * (QUOTE_WEIGHT if q else 1.0) for s, q in zip(p.sets, p.quoted, strict=True)]


def align(text_a: str, text_b: str) -> list[tuple[int, int, float]]:
    """Aligned sentence pairs (i, j, similarity) of two texts, for display.

    i and j index `split_sentences(text_a)` and `split_sentences(text_b)`.
    """
    sa, sb = sentences(text_a), sentences(text_b)
    index_a = {span: k for k, span in enumerate(split_sentences(text_a))}
    index_b = {span: k for k, span in enumerate(split_sentences(text_b))}
    pairs = align_sets([profile_set(s) for s in sa], [profile_set(s) for s in sb])
    return [(index_a[(sa[i].start, sa[i].end)], index_b[(sb[j].start, sb[j].end)], sim) for i, j, sim in pairs]


def profile_set(sentence: Sentence) -> frozenset[int]:
    """A sentence's alignment features as the hashes stored in `copy_sents`."""
    return frozenset(_hash(f) for f in sentence.features)


def copy_score(text_a: str, text_b: str) -> float:
    """The copy score of two texts: they are copies when it is ≥ COPY_MIN_COVERAGE."""
    a, b = profile(text_a), profile(text_b)
    return coverage(a, b, align_sets(a.sets, b.sets))


# --- find copies -----------------------------------------------------------------------------------


def find_copies(rows: Sequence[dict]) -> dict[str, tuple[str, float]]:
    """article id → (id of the original it copies, score) for every copy among `rows`.

    `rows` are in ingest order with keys id, published, content_hash and features (with
    `copy_sig` and `copy_sents` from `copy_features`, or the older `minhash`).
    """
    order = sorted(range(len(rows)), key=lambda i: (rows[i]["published"] or "9999", i))
    rank = np.empty(len(rows), dtype=np.int64)
    rank[order] = np.arange(len(rows))
    matches = _aligned_matches(rows, rank)
    legacy = _LegacyIndex()
    by_hash: dict[str, str] = {}
    root: dict[str, str] = {}
    out: dict[str, tuple[str, float]] = {}
    for i in order:
        row = rows[i]
        aid = row["id"]
        found = (by_hash[row["content_hash"]], 1.0) if row["content_hash"] in by_hash else None
        found = found or matches.get(i) and (rows[matches[i][0]]["id"], matches[i][1])
        if "copy_sig" not in row["features"]:
            found = found or legacy.add(aid, row["features"].get("minhash"))
        by_hash.setdefault(row["content_hash"], aid)
        if found:
            original, score = found
            root[aid] = root.get(original, original)
            out[aid] = (root[aid], round(score, 3))
    log.info("copies: %d of %d articles", len(out), len(rows))
    return out


def _aligned_matches(rows: Sequence[dict], rank: np.ndarray) -> dict[int, tuple[int, float]]:
    """row index → (row index of the earlier article it copies, score), by LSH then alignment."""
    # Exact duplicates are settled by their content hash: only the first of each text (in
    # publication order) needs candidates and alignment, which keeps mass reposts cheap.
    firsts: dict[str, int] = {}
    for i in sorted(range(len(rows)), key=lambda i: rank[i]):
        firsts.setdefault(rows[i]["content_hash"], i)
    idx = np.array(
        [i for i, r in enumerate(rows) if "copy_sig" in r["features"] and firsts[r["content_hash"]] == i],
        dtype=np.int64,
    )
    if idx.size < 2:
        return {}
    sigs = np.stack([_unb64(rows[i]["features"]["copy_sig"]) for i in idx])
    later, earlier = _candidate_pairs(sigs, rank[idx])
    est = _estimated_jaccard(sigs, later, earlier)
    keep = est >= CANDIDATE_MIN_JACCARD
    later, earlier, est = later[keep], earlier[keep], est[keep]
    if later.size == 0:
        return {}
    order = np.lexsort((-est, later))  # by article, best estimate first
    later, earlier = later[order], earlier[order]
    firsts = np.flatnonzero(np.concatenate([[True], later[1:] != later[:-1]]))
    ends = np.append(firsts[1:], len(later))
    cache: dict[int, Profile] = {}
    out: dict[int, tuple[int, float]] = {}
    for a, b in zip(firsts.tolist(), ends.tolist(), strict=True):
        cands = [int(idx[q]) for q in earlier[a : min(b, a + MAX_VERIFY)].tolist()]
        best = _best_aligned(int(idx[later[a]]), cands, rows, cache)
        if best is not None:
            out[int(idx[later[a]])] = best
    log.debug("copies: %d candidate pairs, %d copies by alignment", len(later), len(out))
    return out


def _estimated_jaccard(sigs: np.ndarray, later: np.ndarray, earlier: np.ndarray) -> np.ndarray:
    """Share of equal MinHash values per pair, in chunks (bounded memory)."""
    out = np.empty(len(later), dtype=np.float32)
    for k in range(0, len(later), JACCARD_CHUNK):
        sl = slice(k, k + JACCARD_CHUNK)
        out[sl] = (sigs[later[sl]] == sigs[earlier[sl]]).mean(axis=1)
    return out


def _candidate_pairs(sigs: np.ndarray, rank: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(later, earlier) positions into `sigs` of pairs sharing an LSH band, deduplicated.

    Per band, an article is paired with the BUCKET_FIRST earliest and the BUCKET_PREV latest
    earlier articles in its bucket, so a bucket of thousands (one wire story copied everywhere)
    costs linear, not quadratic, work.
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


def _best_aligned(p: int, cands: list[int], rows: Sequence[dict], cache: dict) -> tuple[int, float] | None:
    a = _row_sentences(p, rows, cache)
    best: tuple[int, float] | None = None
    for q in cands:
        b = _row_sentences(q, rows, cache)
        score = coverage(a, b, align_sets(a.sets, b.sets))
        if score >= COPY_MIN_COVERAGE and (best is None or score > best[1]):
            best = (q, score)
    return best


def _row_sentences(i: int, rows: Sequence[dict], cache: dict) -> Profile:
    if i not in cache:
        if len(cache) > 4096:  # bounded: rows are visited roughly in order
            cache.clear()
        cache[i] = decode_profile(rows[i]["features"]["copy_sents"])
    return cache[i]


# --- the earlier method ------------------------------------------------------------------------------


def shingles(text: str) -> list[bytes]:
    """Word n-gram shingles of the lower-cased text."""
    words = re.findall(r"\w+", text.lower())
    if len(words) < SHINGLE:
        return [" ".join(words).encode()] if words else []
    return [" ".join(words[i : i + SHINGLE]).encode() for i in range(len(words) - SHINGLE + 1)]


def minhash_signature(text: str) -> list[int]:
    """The 5-word-shingle MinHash signature of a text (the earlier feature, `minhash`)."""
    m = MinHash(num_perm=LEGACY_NUM_PERM)
    m.update_batch(shingles(text))
    return [int(v) for v in m.hashvalues]


class _LegacyIndex:
    """Near-duplicates among rows that carry only the 5-word-shingle `minhash`."""

    def __init__(self) -> None:
        self.lsh = MinHashLSH(threshold=NEAR_DUPLICATE_JACCARD, num_perm=LEGACY_NUM_PERM)
        self.hashes: dict[str, MinHash] = {}

    def add(self, aid: str, values: list[int] | None) -> tuple[str, float] | None:
        """Match `aid` against the rows added so far, then add it."""
        if not values:
            return None
        m = MinHash(num_perm=LEGACY_NUM_PERM, hashvalues=np.array(values, dtype=np.uint64), scheme=SCHEME)
        scored = [(key, self.hashes[key].jaccard(m)) for key in self.lsh.query(m)]
        scored = [(k, s) for k, s in scored if s >= NEAR_DUPLICATE_JACCARD]
        if aid not in self.hashes:
            self.lsh.insert(aid, m)
            self.hashes[aid] = m
        return max(scored, key=lambda ks: ks[1]) if scored else None
