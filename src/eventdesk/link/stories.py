"""Stories: articles about one developing situation, grouped incrementally.

An article joins the most similar existing story or starts a new one. Similarity is a cosine
between the article and the story's profile over IDF-weighted content words, entities and
places (rare shared names weigh most), taken only over candidate stories found through an
inverted index (entity → stories), so placing an article costs about the same whatever the
store's size. Two vetoes keep similar-but-different incidents apart: the years the articles
are about, and the time window between publication dates. Copies join their original's story.
Assignments already made are never revisited, so story ids are stable as articles arrive.
"""

from __future__ import annotations

import logging
import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from eventdesk.records import Story, hash_id

log = logging.getLogger(__name__)

# Cosine between an article and a story profile above which the article joins the story.
# Swept 0.10-0.40 on the ECB+ dev set (86 articles, 8 stories) and our samples/examples:
# same-incident pairs score 0.25-0.6, the other incident of the same topic 0.08-0.2.
JOIN_SIMILARITY = 0.25
# IDF over a store of a handful of articles says nothing (two articles sharing "Almaty" would
# make it the least informative word); below this many documents the IDF is taken as if the
# store had this many, so shared names keep their weight. ECB+ dev (86 articles) is unaffected.
MIN_IDF_DOCS = 50
# Articles published further apart than this from a story's span start a new story.
STORY_WINDOW_DAYS = 21
# Weights of the feature kinds inside one vector: a shared name (person, organisation) or a
# shared place says more about "the same situation" than a shared common word.
ENTITY_WEIGHT = 3.0
PLACE_WEIGHT = 1.0
TERM_WEIGHT = 1.0
# An entity linked to more stories than this is too common to find candidates with
# ("united states"); the article still scores against stories found through rarer keys.
MAX_POSTINGS = 100
# Stories scored per article: those sharing the most entities and places with it. Keeps the
# cost per article flat as the store grows (10k synthetic articles: 3 s instead of 160 s).
MAX_CANDIDATES = 50
# An undated article is "about" the year it mentions most, when that year is mentioned at least
# this often and more than any other (background years, "the 2004 tsunami", a film's year, come
# once each and would veto true matches: with 1 the Oscars articles split on film years).
YEAR_MIN_MENTIONS = 2
# A developing situation is reported within a year or so: an article whose year is further than
# this from every year of a story's articles is about another incident (Greek riots of 2008 vs
# the Athens bank fire of 2010).
YEAR_GAP = 1
# Passes in which each article placed in this run may move to a story that fits it better now
# that the whole batch is in (a greedy single pass depends on arrival order).
REFINE_PASSES = 2


@dataclass
class _Profile:
    """One story's accumulated features."""

    weights: dict[str, float] = field(default_factory=dict)
    years: Counter[int] = field(default_factory=Counter)
    dates: Counter[date] = field(default_factory=Counter)
    size: int = 0
    norm2: float = 0.0  # squared norm of the IDF-weighted profile, kept up to date

    @property
    def first(self) -> date | None:
        return min(self.dates, default=None)

    @property
    def last(self) -> date | None:
        return max(self.dates, default=None)


@dataclass(frozen=True)
class ArticleKeys:
    """What the story step reads from an article row."""

    weights: dict[str, float]
    keys: tuple[str, ...]
    years: frozenset[int]
    published: date | None


class StoryIndex:
    """The stories known so far, with profiles and an inverted index, for incremental assignment."""

    def __init__(self, df: Counter[str], n_docs: int) -> None:
        self.df = df
        self.n_docs = max(n_docs, MIN_IDF_DOCS)
        self.profiles: dict[str, _Profile] = {}
        self.postings: dict[str, list[str]] = defaultdict(list)
        self._idf: dict[str, float] = {}

    def idf(self, key: str) -> float:
        """Smoothed inverse document frequency of a feature over the store."""
        value = self._idf.get(key)
        if value is None:
            value = self._idf[key] = math.log((1 + self.n_docs) / (1 + self.df.get(key, 0))) + 1.0
        return value

    def _shift(self, prof: _Profile, weights: dict[str, float], sign: float) -> None:
        """Add (sign 1) or take out (sign -1) unit weights, keeping the squared norm current."""
        for key, w in _unit(weights).items():
            idf2 = self.idf(key) ** 2
            old = prof.weights.get(key, 0.0)
            new = old + sign * w
            prof.norm2 += (new * new - old * old) * idf2
            if new > 1e-12:
                prof.weights[key] = new
            else:
                prof.weights.pop(key, None)

    def add(self, story_id: str, art: ArticleKeys) -> None:
        """Record an article's features in a story (creating it if new)."""
        prof = self.profiles.setdefault(story_id, _Profile())
        self._shift(prof, art.weights, 1.0)
        prof.years.update(art.years)
        prof.size += 1
        if art.published is not None:
            prof.dates[art.published] += 1
        for key in art.keys:
            posting = self.postings[key]
            if story_id not in posting and len(posting) <= MAX_POSTINGS:
                posting.append(story_id)

    def remove(self, story_id: str, art: ArticleKeys) -> None:
        """Take an article's features out of a story (for the refinement pass)."""
        prof = self.profiles[story_id]
        self._shift(prof, art.weights, -1.0)
        prof.years.subtract(art.years)
        prof.years = +prof.years
        prof.size -= 1
        if art.published is not None:
            prof.dates[art.published] -= 1
            prof.dates = +prof.dates

    def candidates(self, art: ArticleKeys) -> list[str]:
        """Stories sharing the most not-too-common entities and places with the article."""
        shared: Counter[str] = Counter()
        for key in art.keys:
            posting = self.postings.get(key, [])
            if len(posting) <= MAX_POSTINGS:
                shared.update(posting)
        return [sid for sid, _ in shared.most_common(MAX_CANDIDATES)]

    def best(self, art: ArticleKeys, threshold: float = 0.0) -> tuple[str, float] | None:
        """The most similar candidate story that passes the vetoes, if similar enough."""
        best: tuple[str, float] | None = None
        for sid in self.candidates(art):
            score = self.score(art, sid)
            if score >= threshold and score > 0 and (best is None or score > best[1]):
                best = (sid, score)
        return best

    def score(self, art: ArticleKeys, story_id: str) -> float:
        """Similarity to one story, 0 when a veto applies (time window, years) or it is empty."""
        prof = self.profiles[story_id]
        if prof.size == 0 or not _in_window(prof, art.published) or not _years_agree(prof, art):
            return 0.0
        return self.similarity(art, prof)

    def similarity(self, art: ArticleKeys, prof: _Profile) -> float:
        """IDF-weighted cosine between an article and a story profile."""
        dot = 0.0
        for key, w in art.weights.items():
            if key in prof.weights:
                dot += w * prof.weights[key] * self.idf(key) ** 2
        if dot == 0.0:
            return 0.0
        art_norm = math.sqrt(sum((w * self.idf(k)) ** 2 for k, w in art.weights.items()))
        return dot / ((art_norm * math.sqrt(max(prof.norm2, 0.0))) or 1.0)


def _unit(weights: dict[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
    return {k: w / norm for k, w in weights.items()}


def _in_window(prof: _Profile, published: date | None) -> bool:
    if published is None or prof.first is None or prof.last is None:
        return True
    return (prof.first - published).days <= STORY_WINDOW_DAYS and (
        published - prof.last
    ).days <= STORY_WINDOW_DAYS


def _years_agree(prof: _Profile, art: ArticleKeys) -> bool:
    """False when both the article and the story are about known years, and none is shared."""
    if not art.years or not prof.years:
        return True
    return min(abs(a - b) for a in art.years for b in prof.years) <= YEAR_GAP


def article_keys(row: dict) -> ArticleKeys:
    """The weighted features of an article row (see run/process.py `_features`)."""
    feats = row["features"]
    weights: dict[str, float] = {}
    for term, n in feats.get("terms", {}).items():
        weights[f"w:{term}"] = TERM_WEIGHT * (1.0 + math.log(n))
    for name in feats.get("entities", []):
        weights[f"e:{name}"] = weights.get(f"e:{name}", 0.0) + ENTITY_WEIGHT
    for name in feats.get("places", []):
        weights[f"p:{name}"] = PLACE_WEIGHT
    keys = tuple(k for k in weights if k[0] in "ep")
    return ArticleKeys(weights, keys, _years(row), _date(row))


def _years(row: dict) -> frozenset[int]:
    published = _date(row)
    if published is not None:
        return frozenset({published.year})
    mentioned = {int(y): n for y, n in row["features"].get("years", {}).items()}
    if not mentioned:
        return frozenset()
    top = max(mentioned.values())
    leaders = [y for y, n in mentioned.items() if n == top]
    return frozenset(leaders) if top >= YEAR_MIN_MENTIONS and len(leaders) == 1 else frozenset()


def assign_stories(rows: Sequence[dict], copies: dict[str, tuple[str, float]]) -> dict[str, str]:
    """article id → story id for every article row (existing assignments are kept).

    New articles are placed greedily in ingest order, then refined: each may move to the
    story that fits it best once the whole batch is in. Copies follow their original.
    """
    keys = {row["id"]: article_keys(row) for row in rows if not row["skipped"]}
    df: Counter[str] = Counter()
    for art in keys.values():
        df.update(art.weights.keys())
    index = StoryIndex(df, len(keys))
    assigned: dict[str, str] = {}
    for row in rows:
        if row["story_id"]:
            assigned[row["id"]] = row["story_id"]
            if row["id"] in keys:
                index.add(row["story_id"], keys[row["id"]])
    new = [r["id"] for r in rows if not r["story_id"] and not r["skipped"] and r["id"] not in copies]
    for aid in new:
        match = index.best(keys[aid], JOIN_SIMILARITY)
        assigned[aid] = match[0] if match else hash_id(aid, prefix="s_")
        index.add(assigned[aid], keys[aid])
    for _ in range(REFINE_PASSES):
        if not _refine(new, keys, assigned, index):
            break
    for row in rows:
        if not row["story_id"] and not row["skipped"] and row["id"] in copies:
            assigned[row["id"]] = _copy_story(row["id"], copies, assigned)
    return assigned


def _refine(new: list[str], keys: dict[str, ArticleKeys], assigned: dict[str, str], index: StoryIndex) -> int:
    """Move each new article to the best story given all others; returns how many moved."""
    moved = 0
    for aid in new:
        own = assigned[aid]
        index.remove(own, keys[aid])
        match = index.best(keys[aid], JOIN_SIMILARITY)
        if match and match[0] != own and match[1] > index.score(keys[aid], own):
            assigned[aid] = match[0]
            moved += 1
        index.add(assigned[aid], keys[aid])
    return moved


def _copy_story(aid: str, copies: dict[str, tuple[str, float]], assigned: dict[str, str]) -> str:
    original = copies[aid][0]
    return assigned.get(original) or hash_id(aid, prefix="s_")


def build_stories(rows: Sequence[dict], assigned: dict[str, str], seqs: dict[str, int]) -> list[Story]:
    """The Story records for the assignment (titles from the first article with one)."""
    members: dict[str, list[dict]] = {}
    for row in rows:
        if row["id"] in assigned:
            members.setdefault(assigned[row["id"]], []).append(row)
    return [_story(sid, rs, seqs[sid]) for sid, rs in members.items()]


# Entities fit to name an untitled story: words, not a URL or a line break caught by the NER.
TITLE_NAME = re.compile(r"[\w .'&-]+")


def _story(sid: str, rs: list[dict], seq: int) -> Story:
    dates = sorted(d for d in (_date(r) for r in rs) if d)
    profile = Counter(e for r in rs for e in r["features"].get("entities", []) if TITLE_NAME.fullmatch(e))
    title = next((r["title"] for r in rs if r["title"]), None) or ", ".join(
        name.title() for name, _ in profile.most_common(3)
    )
    return Story(
        id=sid,
        title=title or "untitled story",
        article_ids=[r["id"] for r in rs],
        first_published=dates[0] if dates else None,
        last_published=dates[-1] if dates else None,
        seq=seq,
    )


def _date(row: dict) -> date | None:
    return date.fromisoformat(row["published"]) if row["published"] else None
