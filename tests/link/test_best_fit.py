"""A report joins the event it fits best, not the first it may join: two undated reports from
one town tell of two strikes (or raids, or bombings); a third report, with no date either, gives
the toll of the second, so it is the second's, whatever order the events were made in.
Articles written for this test (4 of 5 failed before: the third report joined the first
event)."""

from __future__ import annotations

import pytest

from eventdesk.link.events import assign_events

# (the article telling two incidents, the report of the second)
CASES = [
    ("Strikes on Khan Sheikhoun\n\nAn air strike on a house in Khan Sheikhoun killed 12 members of one family.\n\n"
     "In a separate attack, artillery shells hit a school in Khan Sheikhoun, killing 40 people.",
     "Shells kill 41 at school\n\nArtillery shells struck a school in Khan Sheikhoun, killing 41 people sheltering there."),
    ("Two bombings in Quetta\n\nA roadside bomb killed three policemen in Quetta.\n\n"
     "In a separate attack, a bomb exploded at a market in Quetta, killing 25 shoppers.",
     "Market blast\n\nA bomb ripped through a crowded market in Quetta, killing 24 people."),
    ("Raids in Gao\n\nGunmen killed two traders at a checkpoint in Gao.\n\n"
     "Elsewhere, gunmen stormed a village near Gao and killed 30 villagers.",
     "Village massacre\n\nArmed men attacked a village near Gao, killing 31 residents."),
    ("Shelling of Donetsk\n\nShelling killed one woman in a suburb of Donetsk.\n\n"
     "In a separate attack, shells hit a bus stop in Donetsk, killing 13 people.",
     "Bus stop hit\n\nShells struck a bus stop in Donetsk, killing 13 civilians."),
    ("Attacks in Maiduguri\n\nA suicide bomber killed five worshippers at a mosque in Maiduguri.\n\n"
     "In a separate attack, a suicide bomber killed 18 people at a fish market in Maiduguri.",
     "Fish market attack\n\nA suicide bomber blew himself up at a fish market in Maiduguri, killing 19 people."),
]


@pytest.fixture(scope="module")
def found(incidents_of) -> list[list]:
    return incidents_of([text for case in CASES for text in case], None)


@pytest.mark.parametrize("i", range(len(CASES)), ids=[c[0].split("\n")[0] for c in CASES])
def test_a_report_joins_the_event_whose_toll_it_gives(found: list[list], i: int) -> None:
    two, report = found[2 * i], found[2 * i + 1]
    mentions = [m for m in two + report if m.event_type != "Strategic developments"]
    event_of = assign_events(mentions, {}, {m.article_id: "s" for m in mentions})
    second = CASES[i][0].split("\n\n")[2]
    start = CASES[i][0].index(second)
    want = {event_of[m.id] for m in two if m.sentence.start == start}
    got = {event_of[m.id] for m in report if m.sentence.start > 0}
    assert len(want) == 1 and got == want, [(m.incident, m.sentence.text[:40], event_of[m.id]) for m in mentions]
