"""A report with no place or day of its own joins, of the events it may join equally well, the one
its own article already told: an article that tells an arrest in one place and then "officers
boarded the boat and detained the smugglers" tells one arrest, not the arrest another outlet
reported elsewhere first. Articles written for this test (1 of 5 failed before: the follow-up
joined the other article's arrest, the first event made)."""

from __future__ import annotations

import pytest

from eventdesk.link.events import assign_events

# (another outlet's arrest elsewhere, ingested first; the article whose second arrest sentence names no place)
CASES = [
    ("Poachers held\n\nKenyan police arrested eight poachers in Voi.",
     "Rangers catch poachers\n\nRangers took 12 poachers into custody near Mwanza.\n\n"
     "The rangers surrounded the camp at dawn and detained the poachers."),
    ("Smugglers caught\n\nThe Greek coast guard arrested six smugglers on Lesbos.",
     "Boat intercepted\n\nThe Italian coast guard took 14 smugglers into custody off Lampedusa.\n\n"
     "Officers boarded the boat and arrested the smugglers."),
    ("Militants captured\n\nPakistani troops captured five militants in Bannu.",
     "Raid in Kunar\n\nAfghan commandos detained nine militants in Kunar.\n\n"
     "Commandos stormed the compound before dawn and apprehended the militants."),
    ("Gang arrested\n\nMexican police arrested seven gang members in Tijuana.",
     "Gang members held\n\nGuatemalan police arrested 11 gang members in Escuintla.\n\n"
     "Agents raided two houses and detained the gang members."),
    ("Rustlers caught\n\nUgandan police arrested four cattle rustlers in Moroto.",
     "Raid on rustlers\n\nKenyan police took 15 cattle rustlers into custody near Lodwar.\n\n"
     "Officers fired warning shots, surrounded the camp and arrested the rustlers."),
]


@pytest.fixture(scope="module")
def found(incidents_of) -> list[list]:
    return incidents_of([text for case in CASES for text in case], None)


@pytest.mark.parametrize("i", range(len(CASES)), ids=[c[0].split("\n")[0] for c in CASES])
def test_a_placeless_arrest_joins_its_own_articles_arrest(found: list[list], i: int) -> None:
    other, own = found[2 * i], found[2 * i + 1]
    arrests = [m for m in other + own if m.sub_event_type == "Arrests"]
    event_of = assign_events(arrests, {}, {m.article_id: "s" for m in arrests})
    mine = {event_of[m.id] for m in arrests if m in own and m.sentence.start > 0}
    theirs = {event_of[m.id] for m in arrests if m in other}
    assert len(mine) == 1 and not mine & theirs, [(m.sentence.text[:40], m.place and m.place.name, event_of[m.id])
                                                 for m in arrests]
