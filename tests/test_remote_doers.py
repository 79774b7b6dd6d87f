"""Two explosions or strikes told in one article whose sentences name different armed doers,
neither naming the other's, are two incidents (assemble._other_doers): "Al-Shabaab claimed
responsibility for the bombing" does not join "US aircraft struck a camp near Jilib". Sides of a
fight, a doer the other sentence names as its target, and a doer the text does not name ("a suicide
bomber", "militants": an unidentified or generic armed group) stay one. Names written for this test."""

from __future__ import annotations

import pytest

from eventdesk.assemble import _other_doers
from eventdesk.records import Actor, Mention, TextSpan


def _strike(doer: tuple[str, str] | None, target: tuple[str, str] | None = None,
            etype: str = "Explosions/Remote violence") -> Mention:
    actors = []
    if doer:
        actors.append(Actor(name=doer[0], role="actor1", kind=doer[1], text=doer[0], start=0, end=len(doer[0])))
    if target:
        actors.append(Actor(name=target[0], role="actor2", kind=target[1], text=target[0], start=0, end=len(target[0])))
    return Mention(id="m", article_id="a", event_type=etype, sub_event_type="Air/drone strike",  # type: ignore[arg-type]
                   trigger=TextSpan(start=0, end=1, text="x"), sentence=TextSpan(start=0, end=1, text="x"), actors=actors)


US = ("Military Forces of United States", "foreign state forces")
SHABAAB = ("Al-Shabaab", "rebel group")
PAIRS = [  # (first, second, two acts?)
    (_strike(US), _strike(SHABAAB), True),
    (_strike(("Military Forces of Israel", "foreign state forces")), _strike(("Hezbollah", "political militia")), True),
    (_strike(("Tehrik-i-Taliban Pakistan", "rebel group")), _strike(("Military Forces of Pakistan", "military")), True),
    (_strike(US, SHABAAB), _strike(SHABAAB, US), False),  # each names the other: one exchange
    (_strike(US), _strike(None), False),  # no doer named: may be the same strike
    (_strike(US), _strike(US), False),
    (_strike(US, etype="Battles"), _strike(SHABAAB, etype="Battles"), False),  # a fight's sides
    # "Al-Shabaab car bomb hits army base", then "a suicide bomber drove a truck into the gate"
    (_strike(SHABAAB), _strike(("Unidentified Armed Group", "political militia")), False),
    (_strike(("Unidentified Armed Group (Somalia)", "political militia")), _strike(SHABAAB), False),
    (_strike(("Armed Group", "armed group")), _strike(("Hezbollah", "political militia")), False),
    (_strike(("Armed Group (Nigeria)", "armed group")), _strike(("Boko Haram", "rebel group")), False),
    (_strike(("Islamic State", "rebel group")), _strike(("Unidentified Armed Group (Iraq)", "political militia")), False),
]


@pytest.mark.parametrize(("a", "b", "two"), PAIRS)
def test_remote_violence_by_other_doers_is_another_act(a: Mention, b: Mention, two: bool) -> None:
    assert _other_doers(a, b) is two


def test_a_force_named_without_its_country_is_the_same_doer() -> None:
    assert _other_doers(_strike(("Military Forces", "military")), _strike(("Military Forces of Russia", "foreign state forces"))) is False
