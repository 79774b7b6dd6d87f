"""`eventdesk eval KIND --gold FILE`: one evaluator per stage, each ending in a key=value line."""

from __future__ import annotations

from importlib import import_module
from pathlib import Path
from typing import Protocol

# KIND → "module:function"; each function takes the gold path and returns a report.
EVALUATORS = {
    "geo": "eventdesk.evaluate.geo:evaluate_geo",
    "time": "eventdesk.evaluate.time:evaluate_time",
    "events": "eventdesk.evaluate.events:evaluate_events",
    "stories": "eventdesk.evaluate.stories:evaluate_stories",
    "copies": "eventdesk.evaluate.copies:evaluate_copies",
}


class Report(Protocol):
    """What every evaluator returns."""

    def summary_line(self) -> str:
        """ONE line of key=value pairs (other tools parse it)."""
        ...


class _Wrapped:
    def __init__(self, report: Report) -> None:
        self.report = report

    def details(self) -> list[str]:
        details = getattr(self.report, "details", None)
        return list(details()) if callable(details) else []

    def misses(self) -> list[str]:
        return list(getattr(self.report, "misses", []))

    def summary_line(self) -> str:
        return self.report.summary_line()


def evaluate(kind: str, gold: Path) -> _Wrapped:
    """Run the evaluator for KIND on a gold file."""
    module, func = EVALUATORS[kind].split(":")
    return _Wrapped(getattr(import_module(module), func)(gold))
