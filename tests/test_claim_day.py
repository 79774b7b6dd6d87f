"""The day a group claimed responsibility is the claim's, not the incident's: "a group claimed
responsibility on Thursday for an ambush on an army convoy", then "its fighters attacked the
convoy on Wednesday", is one incident of Wednesday. Articles written for this test, published on
Friday 15 May 2026 (3 of 5 failed before)."""

from __future__ import annotations

from datetime import date

import pytest

PUBLISHED = date(2026, 5, 15)
WEDNESDAY = date(2026, 5, 13)
ARTICLES = [
    "An armed group claimed responsibility on Thursday for an ambush on an army convoy near Gao that killed 11 "
    "soldiers.\n\nIts fighters attacked the convoy with explosives on Wednesday, the group said.",
    "Islamic State claimed responsibility on Thursday for the bombing of a church in Jolo that killed nine "
    "people.\n\nA bomb exploded inside the church during Mass on Wednesday morning, police said.",
    "The Pakistani Taliban claimed responsibility on Thursday for an attack on a police post in Bannu that "
    "killed four officers.\n\nThe militants stormed the post late on Wednesday.",
    "Al-Shabaab claimed responsibility on Thursday for a mortar attack on the presidential palace in Mogadishu.\n\n"
    "Militants fired several mortar shells at the palace on Wednesday evening.",
    "A separatist group claimed responsibility on Thursday for the killing of two soldiers in Bamenda.\n\n"
    "Gunmen shot the soldiers at a checkpoint on Wednesday night.",
]


@pytest.fixture(scope="module")
def found(incidents_of) -> list[list]:
    return incidents_of(ARTICLES, PUBLISHED)


@pytest.mark.parametrize("i", range(len(ARTICLES)), ids=[a[:40] for a in ARTICLES])
def test_the_incident_is_of_its_own_day(found: list[list], i: int) -> None:
    violent = [m for m in found[i] if m.event_type != "Strategic developments"]
    assert violent and {m.when.value for m in violent} == {WEDNESDAY} and len({m.incident for m in violent}) == 1, \
        [(m.trigger.text, m.incident, m.when.value) for m in violent]
