"""Evaluate event detection and typing against a gold file.

Two gold formats, told apart by their keys:

* PLOVER GSR (`eventrec-v1`, one record per line with `text`, `event_type`,
  `source_actors`, `target_actors`): records are grouped by sentence; PLOVER
  types are mapped to ACLED types by the table in `extract/data/event_types.toml`.
  Mapped sentences give per-type precision/recall/F1; on sentences whose
  records are all unmapped (THREATEN, DEMAND, ...) the right answer is no
  asserted event, and the share of those sentences where we assert one is
  `unmapped_fp`.
* eventdesk article gold (`examples/gold/events.jsonl`: one article per line,
  `{"article": ..., "events": [...]}`): gold events are matched to predicted
  mentions by sentence overlap and event type.

Only asserted mentions count as predictions: status reported, claimed or
unverified (planned and denied mentions say nothing happened). The article gold
also codes announced events (status `planned`: resignations announced ahead,
calls for protests); those gold events are matched by our planned mentions, and
a planned mention that matches no planned gold event is a false positive.
The gold cites body sentences only: a mention in the headline (the first line)
restates the lead, so it is not scored when the article's gold has an event of
its type, and is a false positive otherwise.
"""

from __future__ import annotations

import logging
import re
import tomllib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

from eventdesk.evaluate.gold import read_jsonl
from eventdesk.evaluate.split import in_part
from eventdesk.errors import GoldFormatError
from eventdesk.records import Mention, Status

log = logging.getLogger(__name__)

ASSERTED = frozenset({Status.REPORTED, Status.CLAIMED, Status.UNVERIFIED})
PLANNED_GOLD = "planned"  # gold status whose events are announced, not asserted
# Typographic quotes the cleaner straightens; gold sentences keep the raw article's.
QUOTE_MAP = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})
# Words ignored when deciding whether two actor strings overlap.
ACTOR_STOPWORDS = frozenset({"the", "of", "a", "an", "and", "in", "'s", "’s", "its", "their", "his", "her"})
WORD = re.compile(r"[\w'-]+")


@dataclass(frozen=True)
class GoldEvent:
    """One gold event: the acceptable ACLED types and the actor strings."""

    key: str  # sentence (PLOVER) or article + sentence
    primary: str
    accept: frozenset[str]
    sources: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()


@dataclass
class TypeScore:
    """Counts and scores for one ACLED event type."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        """TP / (TP + FP), 0 when nothing was predicted."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        """TP / (TP + FN), 0 when there is no gold."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def support(self) -> int:
        """Number of gold events of this type."""
        return self.tp + self.fn


@dataclass
class EventsReport:
    """Scores of one evaluation run."""

    gold_format: str
    n: int = 0
    n_mapped: int = 0
    n_unmapped: int = 0
    unmapped_with_event: int = 0
    per_type: dict[str, TypeScore] = field(default_factory=lambda: defaultdict(TypeScore))
    actor_ok: int = 0
    actor_total: int = 0
    sub_ok: int = 0  # correctly typed gold events whose sub-event type we also got (article gold)
    sub_total: int = 0
    scored: list[tuple[float, bool]] = field(default_factory=list)  # (confidence, right type) per prediction
    misses: list[str] = field(default_factory=list)

    @property
    def weighted_f1(self) -> float:
        """F1 averaged over types, weighted by gold support."""
        total = sum(s.support for s in self.per_type.values())
        return sum(s.f1 * s.support for s in self.per_type.values()) / total if total else 0.0

    @property
    def macro_f1(self) -> float:
        """Unweighted mean F1 over types that occur in gold or predictions."""
        scores = [s.f1 for s in self.per_type.values() if s.support or s.fp]
        return sum(scores) / len(scores) if scores else 0.0

    @property
    def unmapped_fp(self) -> float | None:
        """Share of unmapped-gold sentences where an event was asserted (None if there are none)."""
        return self.unmapped_with_event / self.n_unmapped if self.n_unmapped else None

    @property
    def actor_acc(self) -> float:
        """Share of correctly typed gold events whose source/target overlap our actor1/actor2."""
        return self.actor_ok / self.actor_total if self.actor_total else 0.0

    @property
    def sub_acc(self) -> float | None:
        """Share of correctly typed gold events whose sub-event type is right too (None when the
        gold has no sub-types, as PLOVER's)."""
        return self.sub_ok / self.sub_total if self.sub_total else None

    @property
    def conf_auc(self) -> float | None:
        """How well mention confidence ranks right predictions above wrong ones (ROC AUC; 0.5 is
        chance; None when all predictions are right or all wrong)."""
        from sklearn.metrics import roc_auc_score

        right = [ok for _, ok in self.scored]
        if all(right) or not any(right):
            return None
        return float(roc_auc_score(right, [c for c, _ in self.scored]))

    def summary_line(self) -> str:
        """One line of key=value pairs with the key figures."""
        fp = "na" if self.unmapped_fp is None else f"{self.unmapped_fp:.2f}"
        sub = "na" if self.sub_acc is None else f"{self.sub_acc:.2f}"
        auc = "na" if self.conf_auc is None else f"{self.conf_auc:.3f}"
        return (f"weighted_f1={self.weighted_f1:.2f} macro_f1={self.macro_f1:.2f} unmapped_fp={fp} "
                f"actor_acc={self.actor_acc:.2f} sub_acc={sub} conf_auc={auc} n={self.n} "
                f"mapped={self.n_mapped} unmapped={self.n_unmapped}")

    def details(self) -> list[str]:
        """Per-type precision/recall/F1 and actor-role accuracy as aligned text lines (the CLI
        prints them above the summary line)."""
        rows = [f"{'type':44} {'P':>5} {'R':>5} {'F1':>5} {'tp':>3} {'fp':>3} {'fn':>3}"]
        for name, s in sorted(self.per_type.items()):
            rows.append(f"{name:44} {s.precision:5.2f} {s.recall:5.2f} {s.f1:5.2f} {s.tp:3} {s.fp:3} {s.fn:3}")
        rows.append(f"actor roles right on {self.actor_ok} of {self.actor_total} correctly typed gold events")
        if self.sub_total:
            rows.append(f"sub-event type right on {self.sub_ok} of {self.sub_total} correctly typed gold events")
        if self.n_unmapped:
            rows.append(f"unmapped gold sentences with an asserted event: {self.unmapped_with_event} of {self.n_unmapped}")
        return rows


# --------------------------------------------------------------------------
# Entry point
# --------------------------------------------------------------------------
def evaluate_events(gold_path: Path, part: str = "all") -> EventsReport:
    """Run event extraction over a gold file and score it.

    Args:
        gold_path: a PLOVER GSR JSONL file or an eventdesk article gold JSONL file.
        part: 'tune', 'check' or 'all' (evaluate/split.py).

    Returns:
        An `EventsReport`; `report.summary_line()` gives the key figures on one line.

    Raises:
        GoldFormatError: the file is empty or matches neither format.
    """
    every = _read_jsonl(gold_path)  # the format is told by the file's first record, whatever the part
    rows = [r for r in every if in_part(r, part, "events")]
    if every and {"text", "event_type", "source_actors"} <= every[0].keys():
        return evaluate_plover(rows)
    if every and {"article", "events"} <= every[0].keys():
        return evaluate_articles(rows, gold_path.parent)
    raise GoldFormatError(
        f"{gold_path}: not a known gold format. Expected PLOVER records (text, event_type, "
        "source_actors) or article gold ({'article', 'events'}); check the file's first line.")


def _read_jsonl(path: Path) -> list[dict]:
    return [rec for _, rec in read_jsonl(path, schema="events gold")]


def _predict(texts: list[str], article_id: str = "gold") -> list[list[Mention]]:
    """Mentions as a run finds them: the text the parser sees (extract/prefilter.py), the
    configured second opinion and the incident judge (`EVENTDESK_JUDGE=false` measures the
    lexicon alone), actors filed by ACLED's conventions (resolve/actors.py; with no place
    resolved here, foreign forces are not told apart)."""
    from eventdesk import nlp
    from eventdesk.config import load_config
    from eventdesk.extract.events import find_events
    from eventdesk.extract.prefilter import for_parser
    from eventdesk.judge.verdicts import judge
    from eventdesk.resolve.actors import code_actors

    config = load_config()
    found = [find_events(doc, article_id=article_id, second_opinion=config.second_opinion)
             for doc in nlp.pipe(map(for_parser, texts))]  # fmt: skip
    judged = [judge(mentions) if config.judge and mentions else mentions for mentions in found]
    return [[code_actors(m) for m in mentions] for mentions in judged]


# --------------------------------------------------------------------------
# PLOVER
# --------------------------------------------------------------------------
@cache
def plover_table() -> dict:
    """The PLOVER -> ACLED mapping from the event-type data file."""
    raw = resources.files("eventdesk.extract").joinpath("data/event_types.toml").read_text("utf-8")
    return tomllib.loads(raw)["plover"]


def map_plover(record: dict) -> GoldEvent | None:
    """The ACLED reading of one PLOVER record, or None when its category is unmapped."""
    table = plover_table()
    entry = table["map"].get(record["event_type"])
    if entry is None:
        return None
    primary = table["mode"].get(record.get("mode") or "", entry["type"])
    return GoldEvent(
        key=record["text"], primary=primary, accept=frozenset({primary, entry["type"], *entry["also"]}),
        sources=tuple(a["text"] for a in record.get("source_actors") or []),
        targets=tuple(a["text"] for a in record.get("target_actors") or []),
    )


def evaluate_plover(records: list[dict]) -> EventsReport:
    """Score PLOVER records grouped by sentence (see the module docstring)."""
    by_text: dict[str, list[dict]] = defaultdict(list)
    for rec in records:
        by_text[rec["text"]].append(rec)
    texts = list(by_text)
    report = EventsReport(gold_format="plover", n=len(texts))
    for text, mentions in zip(texts, _predict(texts), strict=True):
        gold = [g for r in by_text[text] if (g := map_plover(r)) is not None]
        _score_sentence(report, text, gold, [m for m in mentions if m.status in ASSERTED])
    return report


def _score_sentence(report: EventsReport, text: str, gold: list[GoldEvent], preds: list[Mention]) -> None:
    predicted = {m.event_type for m in preds}
    accepted = frozenset().union(*(g.accept for g in gold))
    report.scored += [(m.confidence, m.event_type in accepted) for m in preds]
    if not gold:
        report.n_unmapped += 1
        report.unmapped_with_event += bool(predicted)
        if predicted:
            report.misses.append(f"unmapped sentence, predicted {sorted(predicted)}: {text[:80]}")
        return
    report.n_mapped += 1
    used: set[str] = set()
    for g in gold:
        hit = next((t for t in sorted(predicted) if t in g.accept), None)
        if hit is None:
            report.per_type[g.primary].fn += 1
            report.misses.append(f"missed {g.primary}: {text[:80]}")
            continue
        report.per_type[hit].tp += 1
        used.add(hit)
        _score_actors(report, g, [m for m in preds if m.event_type == hit])
    for t in predicted - used:
        report.per_type[t].fp += 1
        report.misses.append(f"spurious {t}: {text[:80]}")


def _words(text: str | None) -> set[str]:
    return {w for w in WORD.findall((text or "").lower()) if w not in ACTOR_STOPWORDS}


def overlaps(gold: str, predicted: Iterable[str | None]) -> bool:
    """True when a gold actor string shares a content word with any predicted actor string."""
    words = _words(gold)
    return any(words & _words(p) for p in predicted)


def _actor_side_ok(gold: tuple[str, ...], mention: Mention, role: str) -> bool:
    if not gold:
        return True
    strings = [s for a in mention.actors if a.role == role for s in (a.text, a.name)]
    return any(overlaps(g, strings) for g in gold)


def _score_actors(report: EventsReport, gold: GoldEvent, mentions: list[Mention]) -> None:
    report.actor_total += 1
    if any(_actor_side_ok(gold.sources, m, "actor1") and _actor_side_ok(gold.targets, m, "actor2")
           for m in mentions):
        report.actor_ok += 1


# --------------------------------------------------------------------------
# eventdesk article gold
# --------------------------------------------------------------------------
def _norm(text: str) -> str:
    return " ".join(text.translate(QUOTE_MAP).split()).lower()


def _article_path(name: str, gold_dir: Path) -> Path:
    for base in (gold_dir.parent / "articles", gold_dir.parent, gold_dir):
        if (base / name).is_file():
            return base / name
    raise GoldFormatError(f"article '{name}' named in the gold file was not found next to "
                          f"{gold_dir} or in its parent; gold 'article' must be a file name in examples/.")


def _article_text(path: Path) -> str:
    """The cleaned text the pipeline would see: the real reader, then the cleaner."""
    from eventdesk.clean import clean
    from eventdesk.read import read_paths
    from eventdesk.records import ReadFailure

    item = next(iter(read_paths([path])))
    if isinstance(item, ReadFailure):
        raise GoldFormatError(f"article {path} named in the gold file cannot be read: {item.reason}")
    return clean(item).text


def evaluate_articles(rows: list[dict], gold_dir: Path) -> EventsReport:
    """Score article gold: a gold event is found when a mention of its type overlaps its sentence."""
    texts = [_article_text(_article_path(r["article"], gold_dir)) for r in rows]
    report = EventsReport(gold_format="articles", n=sum(len(r["events"]) for r in rows))
    for row, text, mentions in zip(rows, texts, _predict(texts), strict=True):
        report.n_mapped += len(row["events"])
        preds = [m for m in mentions if m.status in ASSERTED or m.status == Status.PLANNED]
        _score_article(report, row, [m for m in preds if not _restates_lead(m, text, row)])
    return report


def _same_sentence(gold_sentence: str, mention: Mention) -> bool:
    g, m = _norm(gold_sentence), _norm(mention.sentence.text)
    return bool(g and m) and (g in m or m in g)


def _actor_strings(value: object) -> tuple[str, ...]:
    """Gold actor as a string, an object with name/text, or a list of either."""
    if isinstance(value, str):
        return (value,) if value else ()
    if isinstance(value, dict):
        return tuple(str(value[k]) for k in ("name", "text") if value.get(k))
    if isinstance(value, list):
        return tuple(s for v in value for s in _actor_strings(v))
    return ()


def _restates_lead(mention: Mention, text: str, row: dict) -> bool:
    """A headline mention of a type the article's gold has elsewhere (the gold cites body sentences)."""
    headline_end = text.find("\n")
    in_headline = headline_end > 0 and mention.sentence.start < headline_end
    return in_headline and any(ev["event_type"] == mention.event_type for ev in row["events"])


def _same_modality(gold_event: dict, mention: Mention) -> bool:
    """Planned gold events match planned mentions; every other gold event matches asserted ones."""
    return (gold_event.get("status") == PLANNED_GOLD) == (mention.status == Status.PLANNED)


def _score_article(report: EventsReport, row: dict, preds: list[Mention]) -> None:
    matched: set[str] = set()
    for ev in row["events"]:
        cands = [m for m in preds if m.event_type == ev["event_type"] and _same_modality(ev, m)
                 and _same_sentence(ev.get("sentence", ""), m)]
        if not cands:
            report.per_type[ev["event_type"]].fn += 1
            report.misses.append(f"{row['article']}: missed {ev['event_type']}: {ev.get('sentence', '')[:80]}")
            continue
        report.per_type[ev["event_type"]].tp += 1
        matched.update(m.id for m in cands)
        gold = GoldEvent(key=row["article"], primary=ev["event_type"], accept=frozenset({ev["event_type"]}),
                         sources=_actor_strings(ev.get("actor1")), targets=_actor_strings(ev.get("actor2")))
        _score_actors(report, gold, cands)
        if ev.get("sub_event_type"):
            report.sub_total += 1
            report.sub_ok += any(m.sub_event_type == ev["sub_event_type"] for m in cands)
    report.scored += [(m.confidence, m.id in matched) for m in preds]
    for m in preds:
        if m.id not in matched:
            report.per_type[m.event_type].fp += 1
            report.misses.append(f"{row['article']}: spurious {m.event_type} ({m.status.value}): {m.sentence.text[:80]}")
