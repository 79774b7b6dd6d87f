"""Two incidents of one article that assemble told apart ("in a separate attack", "elsewhere",
"another shell") stay two events in the link step, even when no date tells them apart (an article
without a publication date); the sentences of one incident stay one event. A sentence that opens
another incident but names the place of one the lead told ("Separately, witnesses in Maiduguri
said the bomb ...") is that incident. Articles written for this test."""

from __future__ import annotations

import pytest

from eventdesk.link.events import assign_events

UNDATED_PAIRS = [
    "Violence on the roads\n\nGunmen attacked a bus on a highway and killed four passengers.\n\n"
    "In a separate attack, gunmen killed two farmers in a field.",
    "Two bombings\n\nA roadside bomb exploded near a market, killing three people.\n\n"
    "Elsewhere, a car bomb went off outside a police station, wounding five officers.",
    "Night of shelling\n\nArtillery shells hit a village overnight, killing six residents.\n\n"
    "Another shell struck a school, killing two children.",
    "Checkpoints hit\n\nMilitants attacked an army checkpoint, killing three soldiers.\n\n"
    "In a similar attack, militants killed two police officers at a roadblock.",
    "Deadly week for the clergy\n\nArmed men stormed a church and shot dead a priest.\n\n"
    "In a separate incident, armed men killed a teacher outside a school.",
]

# Under a headline, the lead tells two incidents (A, then B), the body more of A, then "Separately" more of B.
LEAD_THEN_SEPARATELY = [
    ("Nigeria: raid in Zaria, market bomb in Maiduguri\n\n"
     "Gunmen killed five villagers in Zaria on Monday, police said.\n\n"
     "A bomb exploded at a market in Maiduguri on Monday, wounding 12 traders.\n\n"
     "The gunmen arrived on motorcycles and opened fire on farmers in Zaria, residents said.\n\n"
     "Separately, witnesses in Maiduguri said the bomb had wounded several children."),
    ("Syria: strike on Saraqib, shelling of Jableh\n\n"
     "An air strike killed seven people in Saraqib on Tuesday, rescuers said.\n\n"
     "Rebel shelling killed two soldiers in Jableh on Tuesday.\n\n"
     "The jets struck a crowded street in Saraqib, rescuers said.\n\n"
     "Separately, officers in Jableh said the shelling had also wounded four soldiers."),
    ("Mali: base attacked near Gao, bus station bomb in Mopti\n\n"
     "Attackers killed four soldiers at a base near Gao on Friday.\n\n"
     "A bomb wounded six civilians at a bus station in Mopti on Friday.\n\n"
     "The attackers fired rockets at the base in Gao before storming it, the army said.\n\n"
     "In a separate statement, officials in Mopti said the bomb had wounded two more people."),
    ("Pakistan: police killed in Bannu, bomb in Peshawar\n\n"
     "Militants killed three police officers in Bannu on Sunday.\n\n"
     "A roadside bomb killed two soldiers in Peshawar on Sunday.\n\n"
     "The militants opened fire on a police patrol in Bannu, officials said.\n\n"
     "Separately, an official in Peshawar said the bomb had also wounded three soldiers."),
    ("Drones over Bryansk, shelling in Kherson\n\n"
     "Drones killed two workers at a fuel depot in Bryansk overnight, officials said.\n\n"
     "Shelling killed three civilians in Kherson on Saturday.\n\n"
     "The drones struck two fuel tanks in Bryansk, killing a guard.\n\n"
     "Separately, rescuers in Kherson said the shelling had wounded eight people."),
]


@pytest.fixture(scope="module")
def undated(incidents_of) -> list[list]:
    return incidents_of(UNDATED_PAIRS, None)


@pytest.mark.parametrize("i", range(len(UNDATED_PAIRS)), ids=[t.split("\n")[0][:40] for t in UNDATED_PAIRS])
def test_two_incidents_of_an_undated_article_are_two_events(undated, i: int) -> None:
    text = UNDATED_PAIRS[i]
    mentions = [m for m in undated[i] if m.event_type != "Strategic developments"]
    event_of = assign_events(mentions, {}, {mentions[0].article_id: "s"})
    first, second = (text.index(p) for p in text.split("\n\n")[1:])
    events = [{event_of[m.id] for m in mentions if m.sentence.start == start} for start in (first, second)]
    assert all(len(e) == 1 for e in events), [(m.incident, m.sentence.text) for m in mentions]
    assert events[0] != events[1]


@pytest.fixture(scope="module")
def leads(incidents_of) -> list[list]:
    return incidents_of(LEAD_THEN_SEPARATELY)


@pytest.mark.parametrize("i", range(len(LEAD_THEN_SEPARATELY)), ids=[t[:40] for t in LEAD_THEN_SEPARATELY])
def test_a_separately_sentence_naming_a_lead_incident_is_that_incident(leads, i: int) -> None:
    text = LEAD_THEN_SEPARATELY[i]

    def incident_of(paragraph: str) -> set:
        return {m.incident for m in leads[i] if m.sentence.start == text.index(paragraph)}

    a, b, more_a, more_b = (incident_of(p) for p in text.split("\n\n")[1:])
    assert b and more_b == b, [(m.incident, m.sentence.text[:50]) for m in leads[i]]
    assert a and more_a == a and not a & b
