"""`eventdesk eval time`: date resolution against TimeML-style gold (ESC, MEANTIME).

Gold files follow the `timex-v1` schema of ../shared/data/timex-esc-meantime (one JSON
document per line, with `text`, `dct` and `timexes`). For every document with a DCT we
run `find_times` with the DCT as anchor and score:

- expression recall / precision: predicted expressions matched one-to-one to gold DATE
  and TIME timexes by character overlap (largest overlap first). The DCT itself (usually
  the dateline) is left out on both sides. A prediction matched to a DURATION or SET
  timex counts as a false positive (those are not dates). Note the gold is sparse (ESC
  marks only the timexes of its event chains), so precision is a lower bound.
- value accuracy on matched date timexes: type DATE with an ISO-style value (`2013-03-09`,
  `2004-W47`, `2012-04`, `2004`, `2006-Q4`), plus TIME timexes whose value is a day and a
  part of day (`2013-03-13TNI` for "Wednesday night"), compared at the day. Clock times
  (`2013-07-02T07:37Z`, normalised to UTC) and placeholders (`PAST_REF`, `XXXX-XX-XX`)
  are not scored.
- split *explicit* (the gold year is written in the expression: "2004", "May 2012",
  "7/8/07") vs *relative* (it is not: "Tuesday", "yesterday", "last week", "April 20":
  the value needs the publication date).
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from eventdesk.evaluate.gold import read_jsonl
from eventdesk.records import When

log = logging.getLogger(__name__)

DATE_TYPES = frozenset({"DATE", "TIME"})
ISO_DATE_VALUE = re.compile(
    r"^\d{4}(?:-(?:\d{2}(?:-\d{2})?|W\d{2}(?:-WE)?|Q[1-4]|H[12]|SP|SU|FA|WI))?$"
)
PART_OF_DAY_VALUE = re.compile(r"^(\d{4}-\d{2}-\d{2})T(?:MO|MI|AF|EV|NI|DT)$")
NUMERIC_DATE = re.compile(r"\b\d{1,2}[/.-]\d{1,2}[/.-](\d{2})\b")
REQUIRED_KEYS = ("doc_id", "text", "dct", "timexes")


@dataclass
class Bucket:
    """Value accuracy over one kind of expression."""

    n: int = 0
    correct: int = 0

    def add(self, ok: bool) -> None:
        self.n += 1
        self.correct += int(ok)

    @property
    def accuracy(self) -> float:
        return self.correct / self.n if self.n else 0.0


@dataclass
class TimeReport:
    """Figures of one `evaluate_time` run (see the module docstring for definitions)."""

    dataset: str = ""
    docs: int = 0
    gold: int = 0
    predicted: int = 0
    matched_gold: int = 0
    matched_pred: int = 0
    overall: Bucket = field(default_factory=Bucket)
    explicit: Bucket = field(default_factory=Bucket)
    relative: Bucket = field(default_factory=Bucket)
    relative_gold: int = 0
    dateline: Bucket = field(default_factory=Bucket)
    seconds_nlp: float = 0.0
    seconds_times: float = 0.0
    errors: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.matched_gold / self.gold if self.gold else 0.0

    @property
    def precision(self) -> float:
        return self.matched_pred / self.predicted if self.predicted else 0.0

    def summary_line(self) -> str:
        """ONE line of key=value pairs; `relative_e2e` counts unmatched relative gold as wrong."""
        per_doc = 1000 * self.seconds_times / self.docs if self.docs else 0.0
        return (
            f"value_acc={self.overall.accuracy:.3f} relative_acc={self.relative.accuracy:.3f} "
            f"n_relative={self.relative.n} explicit_acc={self.explicit.accuracy:.3f} "
            f"n_explicit={self.explicit.n} relative_e2e={self._relative_e2e():.3f} "
            f"recall={self.recall:.3f} precision={self.precision:.3f} n={self.gold} "
            f"dateline_acc={self.dateline.accuracy:.3f} docs={self.docs} "
            f"ms_per_doc={per_doc:.2f}"
        )

    def details(self) -> list[str]:
        """One line per value error, for `eventdesk eval time` to show above the summary."""
        return list(self.errors)

    def _relative_e2e(self) -> float:
        return self.relative.correct / self.relative_gold if self.relative_gold else 0.0


def gold_comparable(when: When) -> str | None:
    """The When as a TimeML value at its precision: YYYY-MM-DD, YYYY-Www, YYYY-MM, YYYY."""
    if when.value is None:
        return None
    value = when.value
    if when.precision == "day":
        return value.isoformat()
    if when.precision == "week":
        year, week, _ = value.isocalendar()
        return f"{year}-W{week:02d}"
    if when.precision == "month":
        return f"{value.year}-{value.month:02d}"
    if when.precision == "year":
        return str(value.year)
    return None


def scorable_value(timex: dict[str, Any]) -> str | None:
    """The gold value to compare with, or None when the timex is not scored for value."""
    value = timex.get("value") or ""
    if timex.get("type") == "DATE" and ISO_DATE_VALUE.match(value):
        return value
    part_of_day = PART_OF_DAY_VALUE.match(value)
    if timex.get("type") in DATE_TYPES and part_of_day:
        return part_of_day.group(1)
    return None


def is_explicit(text: str, value: str) -> bool:
    """Whether the gold year is written in the expression itself."""
    year = value[:4]
    if year in text:
        return True
    return any(m.group(1) == year[2:] for m in NUMERIC_DATE.finditer(text))


def _read_gold(path: Path, part: str = "all") -> Iterator[dict[str, Any]]:
    schema = "timex-v1 (see ../shared/data/timex-esc-meantime)"
    for _, doc in read_jsonl(path, required=REQUIRED_KEYS, schema=schema, part=part, kind="time"):
        yield doc


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _match(gold: list[dict[str, Any]], pred: list[When]) -> dict[int, int]:
    """Gold index → prediction index, one-to-one, largest overlap first."""
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            size = _overlap((g["start"], g["end"]), (p.start or 0, p.end or 0))
            if size:
                pairs.append((size, gi, pi))
    matched: dict[int, int] = {}
    used: set[int] = set()
    for _, gi, pi in sorted(pairs, reverse=True):
        if gi not in matched and pi not in used:
            matched[gi] = pi
            used.add(pi)
    return matched


def _anchor(doc: dict[str, Any]) -> date | None:
    value = (doc.get("dct") or {}).get("value") or doc.get("publication_date")
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _score_values(
    report: TimeReport, doc: dict[str, Any], gold: list[dict[str, Any]], pred: list[When]
) -> None:
    matched = _match(gold, pred)
    for gi, g in enumerate(gold):
        value = scorable_value(g)
        if value is None:
            continue
        explicit = is_explicit(g["text"], value)
        report.relative_gold += int(not explicit)
        if gi not in matched:
            continue
        got = gold_comparable(pred[matched[gi]])
        ok = got == value
        report.overall.add(ok)
        (report.explicit if explicit else report.relative).add(ok)
        if not ok:
            report.errors.append(f"{doc['doc_id']}: {g['text']!r} gold={value} got={got}")


def _score_doc(report: TimeReport, doc: dict[str, Any], pred: list[When]) -> None:
    dct = doc.get("dct") or {}
    dct_span = (dct.get("start") or 0, dct.get("end") or 0)
    timexes = [t for t in doc["timexes"] if not t.get("is_dct") and t.get("start") is not None]
    pred = [p for p in pred if not _overlap(dct_span, (p.start or 0, p.end or 0))]
    dates = [t for t in timexes if t.get("type") in DATE_TYPES]
    report.gold += len(dates)
    report.predicted += len(pred)
    on_dates = _match(dates, pred)
    report.matched_gold += len(on_dates)
    report.matched_pred += len(on_dates)
    _score_values(report, doc, dates, pred)


def evaluate_time(gold_path: Path, part: str = "all") -> TimeReport:
    """Score `find_times` on a timex-v1 gold file.

    Args:
        gold_path: a JSONL file in the timex-v1 schema (ESC or MEANTIME dev).
        part: 'tune', 'check' or 'all' (evaluate/split.py).

    Returns:
        A TimeReport; `summary_line()` is its one-line key=value summary.

    Raises:
        GoldFormatError: a line lacks the schema's keys.

    Example:
        >>> evaluate_time(Path("../shared/data/timex-esc-meantime/esc_dev.jsonl")).summary_line()
        'value_acc=... relative_acc=... recall=... precision=... n=...'
    """
    from eventdesk import nlp
    from eventdesk.resolve.dates import find_times, publication_date

    docs = [d for d in _read_gold(Path(gold_path), part) if _anchor(d) is not None]
    report = TimeReport(dataset=docs[0].get("dataset", "") if docs else "", docs=len(docs))
    started = time.perf_counter()
    parsed = list(nlp.pipe(d["text"] for d in docs))
    report.seconds_nlp = time.perf_counter() - started
    for doc, spacy_doc in zip(docs, parsed, strict=True):
        anchor = _anchor(doc)
        started = time.perf_counter()
        pred = find_times(spacy_doc, anchor)
        report.seconds_times += time.perf_counter() - started
        _score_doc(report, doc, pred)
        if (doc.get("dct") or {}).get("start") is not None:
            report.dateline.add(publication_date(doc["text"]) == anchor)
    log.info("time eval on %s: %s", gold_path, report.summary_line())
    return report
