"""Explosion sub-types by who sets them off, on sentences written for these tests (none from a
dev set or sample): a state's military bombs from the air and shells; a device nobody is named
for, or an armed group's, is an IED."""

from __future__ import annotations

import pytest

from eventdesk.extract.events import find_events

PROBES = [
    ("Ethiopian forces bombed a market in the town of Togoga on Tuesday, killing dozens of people.", "Air/drone strike"),
    ("Syrian government forces bombed a hospital in Idlib on Sunday, killing five.", "Air/drone strike"),
    ("Saudi-led coalition aircraft bombed a wedding in Yemen's Hajjah province, killing 20 people.", "Air/drone strike"),
    ("Soldiers detonated explosives at a rebel camp near Gao on Monday.", "Shelling/artillery/missile attack"),
    ("A roadside bomb exploded near a police convoy in Kandahar on Sunday, killing two officers.", "Remote explosive/landmine/IED"),
    ("Militants detonated a bomb outside a church in Kaduna on Sunday, killing six worshippers.", "Remote explosive/landmine/IED"),
]


@pytest.mark.parametrize(("sentence", "sub"), PROBES, ids=[p[0][:40] for p in PROBES])
def test_explosion_sub_type(nlp, sentence: str, sub: str) -> None:
    subs = {m.sub_event_type for m in find_events(nlp(sentence), article_id="t") if m.event_type == "Explosions/Remote violence"}
    assert subs == {sub}
