"""A sentence that gives a killing toll of its own, at a kind of site the incident told before does
not name (a school, then an apartment block), tells another incident of the same day and city, not
the first one's toll restated; a toll that updates or divides the first ("bringing the toll to",
"among the dead") or names no other kind of site stays with it. Articles written for this test
(none from a dev set or sample)."""

from __future__ import annotations

import pytest

TWO = [
    "Strikes\n\nA missile struck a school in the east of Kharkiv on Tuesday, killing 14 people who had sheltered "
    "there. Hours earlier, three people died when a drone hit an apartment block in the city's north.",
    "Attacks\n\nGunmen opened fire on worshippers at a mosque in Maiduguri on Friday, killing nine. "
    "Later that day, four traders were shot dead at a market on the edge of the city.",
    "Bombings\n\nA car bomb exploded outside a hospital in Mogadishu on Sunday, killing seven people. "
    "In the afternoon, a roadside bomb hit a minibus on the airport road, killing two passengers.",
    "Raids\n\nAir strikes hit a camp for displaced families near El Fasher on Monday, killing 11. "
    "Two civilians were killed when a shell hit their house in the town's west.",
    "Shelling\n\nShells hit a market in Donetsk on Saturday, killing six shoppers. "
    "Five people were killed in a strike on a bus at a stop in the city's Kuibyshevskyi district.",
]
ONE = [
    "Attack\n\nGunmen stormed a hotel in Mogadishu on Sunday, killing nine guests. "
    "Three bodies were later found in the hotel's basement, bringing the toll to 12.",
    "Bombing\n\nA bomb exploded at a market in Peshawar on Friday, killing 20 people. "
    "Among the dead were six children who had been selling fruit near the market's gate.",
    "Strike\n\nA missile hit a school in Kharkiv on Tuesday, killing 14. "
    "Rescuers said 15 people had died in the building by the evening.",
]


def _incidents(found: list) -> set:
    return {m.incident for m in found if m.sentence.start > 0 and m.event_type != "Strategic developments"}


@pytest.mark.parametrize("text", TWO, ids=[t.split("\n")[0] for t in TWO])
def test_a_toll_at_another_kind_of_site_is_another_incident(incidents_of, text: str) -> None:
    (found,) = incidents_of([text])
    assert len(_incidents(found)) == 2, [(m.event_type, m.incident, m.trigger.text, m.counts) for m in found]


@pytest.mark.parametrize("text", ONE, ids=[t.split("\n")[0] for t in ONE])
def test_an_updated_or_divided_toll_is_the_same_incident(incidents_of, text: str) -> None:
    (found,) = incidents_of([text])
    assert len(_incidents(found)) == 1, [(m.event_type, m.incident, m.trigger.text, m.counts) for m in found]
