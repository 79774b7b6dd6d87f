"""Firing at, on or into people is a shooting, with no weapon named ("police fired on
protesters", "troops fired into the crowd"): sentences written for this test (none from a dev
set or sample). ACLED: lethal force on a protest is excessive force."""

from __future__ import annotations

import pytest

FIRED = [
    ("Police fired at protesters in the centre of Lahore on Tuesday, witnesses said.", "Protests"),
    ("Troops fired into a crowd of demonstrators in Conakry on Monday.", "Protests"),
    ("Soldiers fired on mourners at a funeral in Mandalay on Sunday.", "Violence against civilians"),
    ("Gunmen fired at villagers returning from their farms near Tsafe on Friday.", "Violence against civilians"),
    ("Security forces fired on marchers near the presidential palace in Khartoum on Thursday.", "Protests"),
]


@pytest.mark.parametrize(("text", "event_type"), FIRED, ids=[f[0][:40] for f in FIRED])
def test_firing_at_people_is_a_shooting(incidents_of, text: str, event_type: str) -> None:  # type: ignore[no-untyped-def]
    [incidents] = incidents_of(["Shooting\n\n" + text])
    assert [m for m in incidents if m.event_type == event_type], [(m.event_type, m.sub_event_type) for m in incidents]
    if event_type == "Protests":
        assert {m.sub_event_type for m in incidents if m.event_type == "Protests"} == {"Excessive force against protesters"}


def test_opening_fire_on_protesters_is_grave_force() -> None:
    from eventdesk.link.events import GRAVE

    assert GRAVE.search("Soldiers opened fire on protesters in the square.")
    assert not GRAVE.search("Police fired tear gas and water cannon at the marchers.")
