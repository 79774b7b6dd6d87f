"""A sentence that tells violence and names the crowd event it happened at ("a man died after
being shot during the protests") belongs to that crowd's incident with both its mentions
(assemble.py `at_crowd`, `_crowd_named`; extract/actors.py: "after being shot" is passive, the
man its victim, not its doer), on articles written for these tests (none from a dev set or
sample): before, the shooting stood apart from the protest it happened at, so one happening of
force on a crowd gave two records."""

from __future__ import annotations

import pytest

from eventdesk.evaluate.records import acled_kind

ARTICLES = [
    "Police fire on fuel protesters in Nairobi\n\nPolice fired live rounds at protesters in central Nairobi on "
    "Tuesday.\n\nA young man has died after being shot during the protests in the city centre, a hospital "
    "confirmed.",
    "Police fire on students in Lima\n\nRiot police fired live rounds at students protesting in central Lima on "
    "Thursday.\n\nA young man has died after being shot during the protests in the old town, a hospital "
    "confirmed.",
    "Gendarmes fire on crowd in Conakry\n\nGendarmes fired live rounds at opposition supporters protesting in "
    "Conakry on Monday.\n\nA young woman has died after being shot during the protests in the city centre, a "
    "clinic confirmed.",
    "Police fire on teachers in La Paz\n\nPolice fired tear gas at striking teachers protesting in La Paz on "
    "Friday.\n\nA teacher has died after being shot during the protest near the square, a clinic confirmed.",
    "Police fire on workers in Dhaka\n\nPolice fired live rounds at garment workers protesting in Dhaka on "
    "Sunday.\n\nA young man has died after being shot during the protests in the industrial zone, a hospital "
    "confirmed.",
]


@pytest.fixture(scope="module")
def found(incidents_of) -> list[list]:
    return incidents_of(ARTICLES)


# The judge reads two of these shooting sentences (perfect tense) as background, and a background
# sentence joins no current incident: the judge's limit, not this rule's.
JUDGED_BACKGROUND = {2, 4}


@pytest.mark.parametrize("i", [pytest.param(i, marks=pytest.mark.xfail(reason="judge: background", strict=False))
                               if i in JUDGED_BACKGROUND else i for i in range(len(ARTICLES))],
                         ids=[a.split("\n")[0] for a in ARTICLES])
def test_one_crowd_incident(found, i: int) -> None:
    body = [m for m in found[i] if m.sentence.start > 0]
    shot = [m for m in body if m.trigger.text == "shot"]
    assert shot, [(m.trigger.text, m.event_type) for m in body]
    assert {acled_kind(a.kind) for a in shot[0].actors if a.role == "actor1"} != {"civilians"}  # the victim did not do it
    assert len({m.incident for m in body}) == 1, [(m.trigger.text, m.event_type, m.incident) for m in body]
    assert {m.event_type for m in body} == {"Protests"}
