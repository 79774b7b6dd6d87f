"""The hurt or dead of a crowd a state's force acted on, told in a sentence of their own with no
doer of their own ("the union said nine of its members were treated for injuries"), are that
force's act on the crowd: one incident with the protest, not another attack by an unnamed group. A
toll with a doer of its own stays its own incident. Articles written for this test (3 of 5 failed
before; none from a dev set or sample)."""

from __future__ import annotations

import pytest

ONE = [
    "Nurses\n\nPolice fired tear gas at several hundred nurses who marched on the health ministry in Nairobi "
    "on Monday. The nurses' union said at least nine of its members were treated for injuries.",
    "Teachers\n\nRiot police used water cannon and batons to break up a march by teachers in Santiago on "
    "Thursday. The teachers' association said 14 of its members were treated for injuries at a clinic.",
    "Farmers\n\nGendarmes fired rubber bullets at farmers blocking a road near Dakar on Friday. The farmers' "
    "federation said six people were treated for wounds caused by rubber bullets.",
    "Students\n\nPolice beat students protesting outside parliament in Tbilisi on Saturday. The student "
    "council said at least 20 students were treated for injuries at the city hospital.",
    "Vendors\n\nSoldiers fired shots to disperse street vendors protesting in Lilongwe on Tuesday. The "
    "vendors' committee said eight of its members were treated for injuries caused by batons.",
]


def _incidents(found: list) -> set:
    return {m.incident for m in found if m.sentence.start > 0 and m.event_type != "Strategic developments"}


@pytest.mark.parametrize("text", ONE, ids=[t.split("\n")[0] for t in ONE])
def test_a_crowds_toll_is_the_force_on_the_crowd(incidents_of, text: str) -> None:
    (found,) = incidents_of([text])
    assert len(_incidents(found)) == 1, [(m.event_type, m.incident, m.trigger.text, m.counts) for m in found]
    assert all(m.event_type in ("Protests", "Riots") for m in found if m.sentence.start > 0), [
        (m.event_type, m.trigger.text) for m in found]


def test_a_toll_with_its_own_doer_stays_apart(incidents_of) -> None:
    (found,) = incidents_of(["Market\n\nPolice fired tear gas at traders protesting in Kano on Monday. "
                             "Later, gunmen shot dead two traders near the market's gate."])
    assert len(_incidents(found)) == 2, [(m.event_type, m.incident, m.trigger.text) for m in found]
