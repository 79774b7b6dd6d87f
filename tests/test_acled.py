"""ACLED's coding conventions (eventdesk.acled): kinds, inter codes, interaction, civilian
targeting, disorder type, time precision, countries."""

from __future__ import annotations

import tomllib
from importlib import resources

import pytest

from eventdesk import acled
from eventdesk.errors import ConfigError

ACTORS_TOML = resources.files("eventdesk.extract").joinpath("data", "actors.toml")


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("police", "state forces"), ("military", "state forces"), ("government", "state forces"),
        ("political leader", "state forces"), ("State Forces ", "state forces"),
        ("foreign state forces", "external/other forces"), ("international organisation", "external/other forces"),
        ("armed group", "rebel group"), ("insurgents", "rebel group"),
        ("gang", "political militia"), ("militia", "political militia"), ("supporters", "political militia"),
        ("communal group", "identity militia"), ("rioters", "rioters"), ("protesters", "protesters"),
        ("journalists", "civilians"), ("students", "civilians"), ("political party", "civilians"),
        ("criminal", None), ("person", None), ("other", None), ("", None), (None, None),
    ],
)  # fmt: skip
def test_acled_kind(kind: str | None, expected: str | None) -> None:
    assert acled.acled_kind(kind) == expected


def test_every_acled_kind_is_its_own_kind() -> None:
    assert [acled.acled_kind(k) for k in acled.ACLED_KINDS] == list(acled.ACLED_KINDS)


def test_every_kind_in_the_actor_table_has_an_acled_kind() -> None:
    data = tomllib.loads(ACTORS_TOML.read_text("utf-8"))
    kinds = {e["kind"] for section in ("actor", "organisation") for e in data.get(section, [])}
    kinds |= {e["foreign_kind"] for e in data["actor"] if "foreign_kind" in e}
    assert kinds and not {k for k in kinds if acled.acled_kind(k) is None}


def test_the_kind_table_agrees_with_the_records_scorer() -> None:
    from eventdesk.evaluate.records import KIND_MAP  # the shared scorer's table, reproduced

    assert {k: acled.acled_kind(k) for k in KIND_MAP} == KIND_MAP


@pytest.mark.parametrize(
    ("kind", "code"),
    [("police", 1), ("armed group", 2), ("gang", 3), ("identity militia", 4), ("rioters", 5),
     ("protesters", 6), ("civilians", 7), ("foreign state forces", 8), ("person", None), (None, None)],
)  # fmt: skip
def test_inter_code(kind: str | None, code: int | None) -> None:
    assert acled.inter_code(kind) == code


@pytest.mark.parametrize(
    ("inter1", "inter2", "expected"),
    [(1, 7, 17), (7, 1, 17), (3, 7, 37), (6, 6, 66), (6, 1, 16), (8, 2, 28), (6, 0, 60), (1, 0, 10), (8, 8, 88)],
)
def test_interaction_puts_the_smaller_code_first(inter1: int, inter2: int, expected: int) -> None:
    assert acled.interaction(inter1, inter2) == expected


@pytest.mark.parametrize(("inter1", "inter2"), [(0, 7), (9, 1), (1, 9), (1, -1)])
def test_interaction_refuses_codes_outside_acleds(inter1: int, inter2: int) -> None:
    with pytest.raises(ValueError, match="1..8"):
        acled.interaction(inter1, inter2)


@pytest.mark.parametrize(
    ("event_type", "sub_type", "expected"),
    [
        ("Battles", "Armed clash", "Political violence"),
        ("Violence against civilians", "Attack", "Political violence"),
        ("Explosions/Remote violence", "Air/drone strike", "Political violence"),
        ("Protests", "Peaceful protest", "Demonstrations"),
        ("Protests", "Protest with intervention", "Demonstrations"),
        ("Protests", "Excessive force against protesters", "Political violence; Demonstrations"),
        ("Riots", "Violent demonstration", "Demonstrations"),
        ("Riots", "Mob violence", "Political violence; Demonstrations"),
        ("Strategic developments", "Arrests", "Strategic developments"),
        ("Strategic developments", "Mob violence", "Strategic developments"),  # the sub-type of another type
    ],
)
def test_disorder_type(event_type: str, sub_type: str, expected: str) -> None:
    assert acled.disorder_type(event_type, sub_type) == expected


def test_disorder_type_refuses_an_unknown_event_type() -> None:
    with pytest.raises(ValueError, match="not an ACLED event type"):
        acled.disorder_type("Riot", "Mob violence")


@pytest.mark.parametrize(
    ("event_type", "sub_type", "actor2", "expected"),
    [
        ("Violence against civilians", "Attack", ["civilians"], True),
        ("Violence against civilians", "Abduction/forced disappearance", [], True),  # civilians by definition
        ("Violence against civilians", "Attack", ["journalists"], True),
        ("Explosions/Remote violence", "Air/drone strike", ["civilians"], True),
        ("Explosions/Remote violence", "Air/drone strike", ["military"], False),
        ("Explosions/Remote violence", "Air/drone strike", ["military", "civilians"], False),  # not the main target
        ("Explosions/Remote violence", "Remote explosive/landmine/IED", [], False),
        ("Riots", "Mob violence", ["civilians"], True),
        ("Riots", "Mob violence", ["police"], False),
        ("Riots", "Violent demonstration", ["civilians"], False),  # not political violence
        ("Protests", "Excessive force against protesters", ["protesters"], False),  # protesters are not civilians
        ("Protests", "Peaceful protest", ["civilians"], False),
        ("Battles", "Armed clash", ["civilians"], False),
        ("Strategic developments", "Arrests", ["civilians"], False),
        ("Explosions/Remote violence", "Grenade", [None], False),
    ],
)  # fmt: skip
def test_civilian_targeting(event_type: str, sub_type: str, actor2: list[str | None], expected: bool) -> None:
    assert acled.civilian_targeting(event_type, sub_type, actor2) is expected


@pytest.mark.parametrize(("precision", "code"), [("day", 1), ("week", 2), ("month", 3), ("year", 3), ("unknown", 3)])
def test_time_precision(precision: str, code: int) -> None:
    assert acled.time_precision(precision) == code


def test_time_precision_refuses_an_unknown_precision() -> None:
    with pytest.raises(ValueError, match="decade"):
        acled.time_precision("decade")


@pytest.mark.parametrize(
    ("alpha2", "iso3", "iso", "region"),
    [
        ("LK", "LKA", 144, "South Asia"), ("lk", "LKA", 144, "South Asia"),
        ("KZ", "KAZ", 398, "Caucasus and Central Asia"), ("GE", "GEO", 268, "Caucasus and Central Asia"),
        ("IR", "IRN", 364, "Middle East"), ("SY", "SYR", 760, "Middle East"), ("PS", "PSE", 275, "Middle East"),
        ("UA", "UKR", 804, "Europe"), ("RU", "RUS", 643, "Europe"),
        ("NG", "NGA", 566, "Western Africa"), ("CD", "COD", 180, "Middle Africa"), ("ET", "ETH", 231, "Eastern Africa"),
        ("MZ", "MOZ", 508, "Southern Africa"), ("SD", "SDN", 729, "Northern Africa"),
        ("MX", "MEX", 484, "Central America"), ("HT", "HTI", 332, "Caribbean"), ("CO", "COL", 170, "South America"),
        ("US", "USA", 840, "North America"), ("MM", "MMR", 104, "Southeast Asia"), ("CN", "CHN", 156, "East Asia"),
        ("PG", "PNG", 598, "Oceania"), ("XK", "XKX", None, "Europe"),
    ],
)  # fmt: skip
def test_country_codes_and_region(alpha2: str, iso3: str, iso: int | None, region: str) -> None:
    assert acled.country(alpha2) == acled.Country(iso3=iso3, iso=iso, region=region)


@pytest.mark.parametrize("alpha2", [None, "", "ZZ"])
def test_no_country_for_no_or_an_unknown_code(alpha2: str | None) -> None:
    assert acled.country(alpha2) is None


def test_every_country_has_a_region() -> None:
    from localis import countries

    assert not [c.alpha2 for c in countries if (acled.country(c.alpha2) or acled.Country("", None, None)).region is None]


def _raw() -> dict:
    return tomllib.loads(resources.files("eventdesk").joinpath("data", acled.DATA_FILE).read_text("utf-8"))


def test_the_tables_are_checked_when_loaded() -> None:
    raw = _raw()
    raw["kinds"]["rebel group"].append("police")
    with pytest.raises(ConfigError, match="'police' is under both 'state forces' and 'rebel group'"):
        acled._checked(raw)
    raw = _raw()
    raw["kinds"]["others"] = ["other"]
    with pytest.raises(ConfigError, match="eight kinds"):
        acled._checked(raw)
    raw = _raw()
    raw["regions"]["countries"]["LK"] = "South Asia and Oceania"
    with pytest.raises(ConfigError, match="LK = 'South Asia and Oceania'"):
        acled._checked(raw)
