"""A government that bombs does it from the air: "the government bombed a market" is an air
strike by that state's military, as ACLED files it, not a planted device by a government body.
Sentences written for this test, none from a dev set or sample (4 of 5 failed before: the
bombings were IEDs by "Government of ...")."""

from __future__ import annotations

import pytest

ARTICLES = [
    ("The Syrian government bombed a bakery in Idlib province on Sunday, residents said.", "SY"),
    ("The Ethiopian government bombed a market in the Tigray town of Togoga on Tuesday, witnesses said.", "ET"),
    ("Myanmar's junta bombed a village school in Sagaing region on Monday, a local aid group said.", "MM"),
    ("The government of Yemen bombed a rebel depot near Marib on Thursday, the defence ministry said.", "YE"),
    ("Sri Lanka's government bombed Tamil Tiger positions near Kilinochchi on Friday, the army said.", "LK"),
]


@pytest.mark.parametrize(("text", "country"), ARTICLES, ids=[a[0][:40] for a in ARTICLES])
def test_a_government_bombing_is_its_militarys_air_strike(incidents_of, text: str, country: str) -> None:
    (found,) = incidents_of([text])
    bombings = [m for m in found if m.event_type == "Explosions/Remote violence"]
    assert [m.sub_event_type for m in bombings] == ["Air/drone strike"], [(m.event_type, m.sub_event_type) for m in found]
    doers = [(a.kind, a.country_code) for a in bombings[0].actors if a.role == "actor1"]
    assert doers and all(kind in ("military", "state forces", "foreign state forces") and code == country
                         for kind, code in doers), doers


def test_militants_bombing_stays_a_device(incidents_of) -> None:
    (found,) = incidents_of(["Militants bombed a bus in Quetta on Monday, the government said."])
    assert [m.sub_event_type for m in found if m.event_type == "Explosions/Remote violence"] == [
        "Remote explosive/landmine/IED"]
