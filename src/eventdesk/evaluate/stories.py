"""`eventdesk eval stories`: B³ and adjusted Rand index of the article → story assignment.

Gold files follow ../shared/data/ecbplus-stories-events (one article per line with `doc_id`,
`text`, `story_id`, optional `publication_date`, `title`, `url`). The whole pipeline runs on the
texts into a temporary store; the link step's stories are compared with the gold ones.
"""

from __future__ import annotations

import tempfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from math import comb
from pathlib import Path

from eventdesk.evaluate.gold import read_jsonl
from eventdesk.records import Article
from eventdesk.run.local import ingest
from eventdesk.store import Store


@dataclass(frozen=True)
class StoriesReport:
    """B³ precision/recall/F1 and ARI over n articles."""

    precision: float
    recall: float
    f1: float
    ari: float
    n: int
    gold_stories: int
    predicted_stories: int

    def details(self) -> list[str]:
        """Human-readable lines before the summary."""
        return [
            f"articles: {self.n}; gold stories: {self.gold_stories}; predicted stories: {self.predicted_stories}",
            f"B3 precision {self.precision:.3f}, recall {self.recall:.3f}, F1 {self.f1:.3f}; ARI {self.ari:.3f}",
        ]

    def summary_line(self) -> str:
        """ONE line of key=value pairs."""
        return (
            f"b3_precision={self.precision:.3f} b3_recall={self.recall:.3f} b3_f1={self.f1:.3f} "
            f"ari={self.ari:.3f} stories={self.predicted_stories} gold_stories={self.gold_stories} n={self.n}"
        )


def b_cubed(gold: Sequence[str], pred: Sequence[str]) -> tuple[float, float, float]:
    """B³ precision, recall and F1 of two labelings of the same items."""
    pairs = Counter(zip(gold, pred))
    g, p = Counter(gold), Counter(pred)
    n = len(gold)
    precision = sum(c * c / p[pl] for (gl, pl), c in pairs.items()) / n
    recall = sum(c * c / g[gl] for (gl, pl), c in pairs.items()) / n
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def adjusted_rand(gold: Sequence[str], pred: Sequence[str]) -> float:
    """Adjusted Rand index (Hubert & Arabie) from the contingency table."""
    n = len(gold)
    index = sum(comb(c, 2) for c in Counter(zip(gold, pred)).values())
    a = sum(comb(c, 2) for c in Counter(gold).values())
    b = sum(comb(c, 2) for c in Counter(pred).values())
    expected = a * b / comb(n, 2) if n > 1 else 0.0
    top = (a + b) / 2
    return (index - expected) / (top - expected) if top != expected else 1.0


def load_gold(path: Path, part: str = "all") -> list[tuple[Article, str]]:
    """(article, gold story id) pairs from a gold JSONL file (the topics of `part`)."""
    out = []
    for _, rec in read_jsonl(path, required=("doc_id", "text", "story_id"), schema="stories gold", part=part, kind="stories"):
        text, story, doc_id = rec["text"], rec["story_id"], rec["doc_id"]
        pub = rec.get("publication_date")
        article = Article(
            id=Article.make_id(text, doc_id),
            source=f"{path.name}#{doc_id}",
            text=text,
            raw_text=text,
            title=rec.get("title"),
            url=rec.get("url"),
            published=date.fromisoformat(pub[:10]) if pub else None,
            language="en",
        )
        out.append((article, story))
    return out


def evaluate_stories(gold_path: Path, part: str = "all") -> StoriesReport:
    """Run the pipeline on the gold articles of `part` and score the stories it forms."""
    pairs = load_gold(gold_path, part)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(f"sqlite:///{tmp}/eval.db")
        ingest((a for a, _ in pairs), store)
        story_of = {a.id: a.story_id for a in store.articles()}
        store.close()
    gold = [g for _, g in pairs]
    pred = [story_of.get(a.id) or f"unassigned:{a.id}" for a, _ in pairs]
    p, r, f = b_cubed(gold, pred)
    return StoriesReport(p, r, f, adjusted_rand(gold, pred), len(gold), len(set(gold)), len(set(pred)))
