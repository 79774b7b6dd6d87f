"""The event-type lexicon is checked against its schema when loaded: mistakes fail loudly."""

from __future__ import annotations

import tomllib
from importlib import resources

import pytest

from eventdesk.errors import ConfigError
from eventdesk.extract.lexicon import DATA_FILE, check_schema, lexicon

RAW = resources.files("eventdesk.extract").joinpath(DATA_FILE).read_text("utf-8")


def test_the_shipped_lexicon_passes() -> None:
    check_schema(tomllib.loads(RAW), RAW)
    assert lexicon().families


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('name = "attack"\n', 'name = "attack"\nweight = 3\n', "unknown key(s) ['weight']"),
        ('actor1 = "state"', 'actor1 = "the_state"', "actor1 = 'the_state' is no [groups.kinds] group"),
        ('clause = "air"', 'clause = "airr"', "clause = 'airr' is no [groups.lemmas] group"),
        ('default = "Battles/Armed clash"', 'default = "Battles/Skirmish"', "default 'Battles/Skirmish' is not a [[sub_event]] type"),
        ('[groups.kinds]', '[grups]\nx = 1\n\n[groups.kinds]', "unknown section(s) ['grups']"),
    ],
)
def test_mistakes_fail_with_file_and_line(old: str, new: str, message: str) -> None:
    assert old in RAW
    bad = RAW.replace(old, new, 1)
    with pytest.raises(ConfigError, match=r"data/event_types\.toml:\d+: ") as info:
        check_schema(tomllib.loads(bad), bad)
    assert message in str(info.value)
