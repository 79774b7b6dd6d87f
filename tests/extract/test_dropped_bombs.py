"""A state's or a nation's bombs that hit a target were dropped from the air ("Russian bombs hit a
hospital"): an air strike by that state's military, not a planted device; bombs of no one named
that hit a market stay a device. Sentences written for this test, none from a dev set or sample
(5 of 5 failed before: IEDs by a "communal group")."""

from __future__ import annotations

import pytest

ARTICLES = [
    ("Russian bombs hit a hospital in Aleppo on Monday, killing four patients, rescuers said.", "RU"),
    ("Saudi bombs struck a school bus in Dahyan on Thursday, killing 40 children, medics said.", "SA"),
    ("American bombs hit a wedding party in Helmand province on Sunday, villagers said.", "US"),
    ("Turkish bombs pounded Kurdish villages near Qamishli on Friday, residents said.", "TR"),
    ("Pakistani bombs hit a village in Khost province on Tuesday, killing nine people, residents said.", "PK"),
]


@pytest.mark.parametrize(("text", "country"), ARTICLES, ids=[a[0][:40] for a in ARTICLES])
def test_a_states_bombs_that_hit_are_an_air_strike(incidents_of, text: str, country: str) -> None:
    (found,) = incidents_of([text])
    blasts = [m for m in found if m.event_type == "Explosions/Remote violence"]
    assert blasts and {m.sub_event_type for m in blasts} == {"Air/drone strike"}, [(m.trigger.text, m.sub_event_type) for m in found]
    doers = {(a.kind, a.country_code) for m in blasts for a in m.actors if a.role == "actor1"}
    assert doers and all(kind in ("military", "foreign state forces") and code == country for kind, code in doers), doers


def test_bombs_of_no_one_stay_a_device(incidents_of) -> None:
    (found,) = incidents_of(["Two bombs hit a market in Kabul on Monday, killing six people, police said."])
    assert {m.sub_event_type for m in found if m.event_type == "Explosions/Remote violence"} == {
        "Remote explosive/landmine/IED"}


# A people named as the side that bombs ("the Saudis bombed a funeral hall", "the Russians bombed the
# bridge") bombs from the air, as a state or its military does (5 of 5 failed before: IEDs).
NATIONS = [
    ("The Russians bombed a bridge over the Dnipro near Kherson on Monday, officials said.", "RU"),
    ("The Americans bombed a compound near Kandahar on Sunday, villagers said.", "US"),
    ("The Saudis bombed a funeral hall in Sanaa on Saturday, killing dozens, medics said.", "SA"),
    ("The Turks bombed a village near Duhok on Friday, local officials said.", "TR"),
    ("The Ethiopians bombed a market in Togoga on Tuesday, residents said.", "ET"),
]


@pytest.mark.parametrize(("text", "country"), NATIONS, ids=[a[0][:40] for a in NATIONS])
def test_a_people_that_bombs_bombs_from_the_air(incidents_of, text: str, country: str) -> None:
    (found,) = incidents_of([text])
    blasts = [m for m in found if m.event_type == "Explosions/Remote violence"]
    assert blasts and {m.sub_event_type for m in blasts} == {"Air/drone strike"}, [(m.trigger.text, m.sub_event_type) for m in found]
