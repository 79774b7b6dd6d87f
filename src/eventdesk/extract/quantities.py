"""Quantities: a quantity phrase read as a range.

`parse_quantity` turns a quantity phrase ("at least 18", "dozens", "nearly 200",
"hundreds of thousands") into a range (`Quantity`) following the conventions written at
the top of `data/quantities.toml`: number words, vague words, modifiers and ranges.
`counts.py` uses it to find the counts in a parsed sentence.

Word tables are data files, read once per process.
"""

from __future__ import annotations

import logging
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal
from functools import cache
from importlib import resources
from typing import Any, cast

log = logging.getLogger(__name__)

DATA_PACKAGE = "eventdesk.extract"
QUANTITIES_FILE = "data/quantities.toml"

DIGITS_RE = re.compile(r"^\d{1,3}(,\d{3})+$|^\d+$")
DECIMAL_RE = re.compile(r"^\d+(\.\d+)?$")
DASHES_RE = re.compile(r"[\u2010\u2011\u2012\u2013\u2014\u2212-]")


# --------------------------------------------------------------------------- quantities


@dataclass(frozen=True, slots=True)
class Quantity:
    """A quantity read as a range (conventions in `data/quantities.toml`).

    Attributes:
        low: Lowest figure the words allow; None when only a ceiling is stated.
        high: Highest figure; None when no upper bound is stated ("at least 18").
        best: The conservative single figure (ACLED-style); None for a bare ceiling.
        vague: True for vague words ("dozens") and approximations ("about", "nearly").
    """

    low: int | None
    high: int | None
    best: int | None
    vague: bool = False

    @staticmethod
    def exact(n: int) -> Quantity:
        """The range of a number stated exactly."""
        return Quantity(n, n, n, False)


@dataclass(frozen=True, slots=True)
class _QuantityWords:
    """The tables of quantities.toml, typed."""

    ones: Mapping[str, int]
    tens: Mapping[str, int]
    scales: Mapping[str, int]
    multipliers: Mapping[str, int]
    articles: frozenset[str]
    joiners: frozenset[str]
    vague: Mapping[str, Quantity]
    vague_multipliers: frozenset[str]
    prefix: Mapping[str, str]
    suffix: Mapping[str, str]
    range_prefixed: Mapping[str, str]
    range_bare: tuple[str, ...]
    nearly_low_fraction: Decimal
    approx_margin: Decimal
    start_words: frozenset[str]


def _read_toml(name: str) -> dict[str, Any]:
    with resources.files(DATA_PACKAGE).joinpath(name).open("rb") as fh:
        return tomllib.load(fh)


@cache
def _quantity_words() -> _QuantityWords:
    raw = _read_toml(QUANTITIES_FILE)
    words, mods, ranges = raw["words"], raw["modifiers"], raw["ranges"]
    vague = {k: Quantity(v["low"], v["high"], v["best"], True) for k, v in raw["vague"].items()}
    phrases = [*vague, *mods["prefix"], *ranges["prefixed"]]
    numbers = [*words["ones"], *words["tens"], *words["scales"], *words["multipliers"]]
    return _QuantityWords(
        ones=words["ones"],
        tens=words["tens"],
        scales=words["scales"],
        multipliers=words["multipliers"],
        articles=frozenset(words["other"]["articles"]),
        joiners=frozenset(words["other"]["joiners"]),
        vague=vague,
        vague_multipliers=frozenset(raw["vague_multipliers"]["words"]),
        prefix=mods["prefix"],
        suffix=mods["suffix"],
        range_prefixed=ranges["prefixed"],
        range_bare=tuple(ranges["bare"]),
        nearly_low_fraction=Decimal(str(raw["rules"]["nearly_low_fraction"])),
        approx_margin=Decimal(str(raw["rules"]["approx_margin"])),
        start_words=frozenset(p.split()[0] for p in phrases) | frozenset(numbers),
    )


def parse_quantity(text: str) -> Quantity | None:
    """Read a quantity phrase as a range.

    The phrase is the quantity alone, without the noun it counts: "at least 18",
    "more than 2,000", "nearly 200", "about 3,000", "up to 50", "dozens",
    "hundreds of thousands", "1.5 million", "twenty-five", "a dozen",
    "between 10 and 20". The conventions are documented in `data/quantities.toml`.

    Args:
        text: The quantity phrase.

    Returns:
        The range, or None when the text is not (only) a quantity ("2,000 people",
        "many", "the day").

    Example:
        >>> parse_quantity("more than 2,000")
        Quantity(low=2001, high=None, best=2001, vague=False)
    """
    words = _normalise(text)
    if not words:
        return None
    return _parse_range(words) or _parse_modified(words)


def _normalise(text: str) -> list[str]:
    spaced = DASHES_RE.sub(" - ", text.lower())
    return spaced.split()


def _parse_range(words: list[str]) -> Quantity | None:
    table = _quantity_words()
    if words[0] in table.range_prefixed:
        return _split_range(words[1:], table.range_prefixed[words[0]])
    for connector in table.range_bare:
        if connector in words[1:-1]:
            found = _split_range(words, connector)
            if found:
                return found
    return None


def _split_range(words: list[str], connector: str) -> Quantity | None:
    if connector not in words:
        return None
    cut = words.index(connector)
    left, right = words[:cut], words[cut + 1 :]
    if connector == "-" and not (_is_digits(left) and _is_digits(right)):
        return None  # "twenty-five" is a number, "10-20" a range
    low, high = _parse_core(left), _parse_core(right)
    if not low or not high or low.low is None or high.high is None or low.low >= high.high:
        return None
    return Quantity(low.low, high.high, low.low, low.vague or high.vague)


def _is_digits(words: list[str]) -> bool:
    return len(words) == 1 and bool(DIGITS_RE.match(words[0]))


def _parse_modified(words: list[str]) -> Quantity | None:
    table = _quantity_words()
    prefix, words = _strip_phrase(words, table.prefix, at_start=True)
    suffix, words = _strip_phrase(words, table.suffix, at_start=False)
    if suffix and words and words[-1] == "-":  # "2,000-plus"
        words = words[:-1]
    if prefix and suffix:
        return None
    core = _parse_core(words)
    if core is None:
        return None
    rule = prefix or suffix
    return _apply_rule(rule, core) if rule else core


def _strip_phrase(
    words: list[str], phrases: Mapping[str, str], *, at_start: bool
) -> tuple[str | None, list[str]]:
    """Remove the longest modifier phrase at one end; return its rule and the rest."""
    for size in range(min(len(words) - 1, 3), 0, -1):
        part = words[:size] if at_start else words[-size:]
        rule = phrases.get(" ".join(part))
        if rule:
            return rule, words[size:] if at_start else words[:-size]
    return None, words


def _parse_core(words: list[str]) -> Quantity | None:
    table = _quantity_words()
    if not words:
        return None
    phrase = " ".join(words)
    if phrase in table.vague:
        return table.vague[phrase]
    head = " ".join(words[:-1])
    if head in table.vague_multipliers:
        return _vague_times_unit(table.vague[head], words[-1])
    n = _parse_number(words)
    return Quantity.exact(n) if n is not None else None


def _vague_times_unit(vague: Quantity, unit_word: str) -> Quantity | None:
    """ "several hundred" = 300-999 (300): both ends multiplied, the top to the unit's edge."""
    table = _quantity_words()
    unit = table.scales.get(unit_word) or table.multipliers.get(unit_word)
    if unit is None or vague.low is None or vague.high is None or vague.best is None:
        return None
    return Quantity(vague.low * unit, (vague.high + 1) * unit - 1, vague.best * unit, True)


def _parse_number(words: list[str]) -> int | None:
    table = _quantity_words()
    if _is_digits(words):
        return int(words[0].replace(",", ""))
    if len(words) == 2 and DECIMAL_RE.match(words[0].replace(",", "")):
        unit = table.scales.get(words[1]) or table.multipliers.get(words[1])
        value = Decimal(words[0].replace(",", "")) * unit if unit else None
        return int(value) if value is not None and value == value.to_integral_value() else None
    return _parse_number_words(words)


def _parse_number_words(words: list[str]) -> int | None:
    """ "one hundred and fifty" = 150, "twenty-five" = 25, "a dozen" = 12, "two dozen" = 24."""
    table = _quantity_words()
    # `prev` is the kind of the last number word; a "+" marks a joiner after it.
    total, current, prev = 0, 0, ""
    for i, word in enumerate(words):
        step = _number_word_step(word, prev, first=i == 0, last=i == len(words) - 1)
        if step is None:
            return None
        if step == "ones":
            current += table.ones[word]
        elif step == "tens":
            current += table.tens[word]
        elif step == "unit":
            current = (current or 1) * (table.multipliers.get(word) or table.scales[word])
        elif step == "scale":
            total, current = total + (current or 1) * table.scales[word], 0
        elif step == "article":
            current = 1
        prev = step if step != "joiner" else prev + "+"
    return total + current if prev in ("ones", "tens", "unit", "scale") else None


def _number_word_step(word: str, prev: str, *, first: bool, last: bool) -> str | None:
    """The kind of one number word given the one before it; None if the sequence is not a number."""
    table = _quantity_words()
    if first and word in table.articles and not last:
        return "article"
    if word == "-":
        return "joiner" if prev == "tens" and not last else None  # "twenty-five"
    if word in table.joiners:
        return "joiner" if prev in ("unit", "scale") and not last else None  # "hundred and fifty"
    if word in table.ones:
        return "ones" if prev in ("", "tens", "tens+", "unit", "scale", "unit+", "scale+") else None
    if word in table.tens:
        return "tens" if prev in ("", "unit", "scale", "unit+", "scale+") else None
    if word in table.multipliers or table.scales.get(word) == 100:
        return "unit" if prev in ("", "ones", "tens", "article") else None
    if word in table.scales:
        return "scale" if prev in ("", "ones", "tens", "unit", "article") else None
    return None


def _apply_rule(rule: str, core: Quantity) -> Quantity:
    if core.vague:
        return _open_vague(rule, core)
    n = cast(int, core.best)
    table = _quantity_words()
    if rule == "at_least":
        return Quantity(n, None, n, False)
    if rule == "more_than":
        return Quantity(n + 1, None, n + 1, False)
    if rule == "nearly":
        high = max(n - 1, 0)
        low = min(_ceil(n * table.nearly_low_fraction), high)
        return Quantity(low, high, low, True)
    if rule == "about":
        margin = max(1, _round(n * table.approx_margin))
        return Quantity(max(n - margin, 0), n + margin, n, True)
    if rule == "up_to":
        return Quantity(None, n, None, False)
    if rule == "fewer_than":
        return Quantity(None, max(n - 1, 0), None, False)
    log.warning("unknown quantity rule %r in %s: ignored", rule, QUANTITIES_FILE)
    return core


def _open_vague(rule: str, core: Quantity) -> Quantity:
    """A modifier on a vague word keeps its range and opens it as the modifier says."""
    if rule in ("at_least", "more_than"):
        return Quantity(core.low, None, core.best, True)
    if rule in ("up_to", "fewer_than"):
        return Quantity(None, core.high, None, True)
    return core


def _ceil(value: Decimal) -> int:
    return int(value.to_integral_value(rounding=ROUND_CEILING))


def _round(value: Decimal) -> int:
    return int(value.to_integral_value(rounding=ROUND_HALF_UP))
