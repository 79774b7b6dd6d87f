"""Counts summed as ranges: what the desk's totals and the flash update's key figures add up.

A count is a range (`Count.low`..`Count.high`, `best` the conservative figure), so a sum of
counts is three sums: of the best figures, of the lows and of the highs. A count with no upper
bound ("at least 5") makes the sum of highs a floor, not a bound: `high_open` says so, and the
UI and the reports write it "12+" or "or more".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from eventdesk.records import Count


@dataclass(slots=True)
class Figures:
    """One kind of count summed: of one event's counts, or over events (`events` reporting it)."""

    best: int = 0
    low: int = 0
    high: int = 0
    high_open: bool = False
    events: int = 0

    def add(self, other: Figures) -> None:
        """Add another sum of the same kind to this one."""
        self.best += other.best
        self.low += other.low
        self.high += other.high
        self.high_open = self.high_open or other.high_open
        self.events += other.events

    def add_count(self, low: int | None, high: int | None, best: int | None) -> None:
        """Add one count's bounds (of the same event: `events` becomes 1)."""
        self.events = 1
        self.best += best or 0
        self.low += low or 0
        if high is None:  # "at least five": no bound, so the sum of highs is only a floor
            self.high_open = True
            self.high += max(low or 0, best or 0)
        else:
            self.high += high


def count_figures(counts: Iterable[Count], kind: str) -> Figures:
    """One event's counts of one kind summed: `events` is 1 if it has any."""
    out = Figures()
    for c in counts:
        if c.kind == kind:
            out.add_count(c.low, c.high, c.best)
    return out


def sum_figures(per_event: Iterable[Figures]) -> Figures:
    """Sums of several events' figures of one kind."""
    out = Figures()
    for f in per_event:
        out.add(f)
    return out
