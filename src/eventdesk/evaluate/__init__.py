"""`eventdesk eval KIND --gold FILE`: one evaluator per stage, each ending in a key=value line.

Every dev set has a fixed tune part and check part (`evaluate/split.py`). By default an
evaluator reports the tune part, the check part, then the whole file (the last line); with
`part` it runs on that part only.
"""

from __future__ import annotations

from importlib import import_module
from pathlib import Path
from typing import Protocol

from eventdesk.errors import BadParameterError
from eventdesk.evaluate.gold import read_jsonl

# KIND → "module:function"; each function takes the gold path and a part, and returns a report.
EVALUATORS = {
    "geo": "eventdesk.evaluate.geo:evaluate_geo",
    "time": "eventdesk.evaluate.time:evaluate_time",
    "events": "eventdesk.evaluate.events:evaluate_events",
    "stories": "eventdesk.evaluate.stories:evaluate_stories",
    "records": "eventdesk.evaluate.records:evaluate_records",
    "copies": "eventdesk.evaluate.copies:evaluate_copies",
}
# Evaluators that report their own parts from one run (records), or whose gold has no parts.
SELF_PARTED = frozenset({"records"})
UNSPLIT: frozenset[str] = frozenset()
# Baselines an evaluator can be asked to score instead of the pipeline: KIND → name → "module:function".
BASELINES = {"stories": {"tfidf": "eventdesk.evaluate.tfidf_baseline:evaluate_tfidf"}}


class Report(Protocol):
    """What every evaluator returns."""

    def summary_line(self) -> str:
        """ONE line of key=value pairs (other tools parse it)."""
        ...


class _Empty:
    """The report of a part that holds no gold record."""

    def summary_line(self) -> str:
        return "no gold records in this part"


class _Wrapped:
    """A report, with the summaries of the tune and check parts printed before its own."""

    def __init__(self, report: Report, parts: dict[str, Report] | None = None) -> None:
        self.report = report
        self.parts = parts or {}

    def details(self) -> list[str]:
        lines = [f"[{name}] {part.summary_line()}" for name, part in self.parts.items()]
        details = getattr(self.report, "details", None)
        return lines + (list(details()) if callable(details) else [])

    def misses(self) -> list[str]:
        return list(getattr(self.report, "misses", []))

    def summary_line(self) -> str:
        return self.report.summary_line()


def _call(kind: str, gold: Path, baseline: str | None = None, **kwargs: object) -> Report:
    module, func = (BASELINES[kind][baseline] if baseline else EVALUATORS[kind]).split(":")
    return getattr(import_module(module), func)(gold, **kwargs)  # type: ignore[no-any-return]


def evaluate(kind: str, gold: Path, part: str | None = None, export: Path | None = None, baseline: str | None = None) -> _Wrapped:
    """Run the evaluator for KIND on a gold file: on `part` only, or on tune, check and all.

    `export` (records only) scores an existing JSONL export instead of running the pipeline;
    `baseline` (a name in BASELINES[kind]) scores that baseline instead of the pipeline.

    Raises:
        BadParameterError: `baseline` is not one KIND has.
    """
    if baseline is not None and baseline not in BASELINES.get(kind, {}):
        known = ", ".join(f"{k} --baseline {b}" for k, bs in BASELINES.items() for b in bs)
        raise BadParameterError(f"eval {kind} has no baseline {baseline!r}; the baselines are: {known}")
    if baseline is None and kind in UNSPLIT:
        return _Wrapped(_call(kind, gold))
    if baseline is None and kind in SELF_PARTED:
        return _Wrapped(_call(kind, gold, part=part or "all", export=export))
    if part is not None:
        return _Wrapped(_call(kind, gold, baseline, part=part))
    parts = {
        name: _call(kind, gold, baseline, part=name) if _has_records(gold, name, kind) else _Empty()
        for name in ("tune", "check")
    }
    return _Wrapped(_call(kind, gold, baseline, part="all"), parts)


def _has_records(gold: Path, part: str, kind: str) -> bool:
    return any(True for _ in read_jsonl(gold, part=part, kind=kind))
