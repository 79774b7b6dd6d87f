"""A force named as the modifier of the act did it ("a police shooting", "an army shelling", "a
military air strike"), and so does the person a participle hangs on ("gunmen firing from
motorbikes", "soldiers shooting at residents"). Sentences written for this test."""

from __future__ import annotations

from datetime import date

import pytest

PROBES = [
    ("A police shooting in the Chatham district of Kingston left a 19-year-old student dead on Wednesday.", "police"),
    ("Riots broke out after the fatal police shooting of a 16-year-old boy in Clichy on Saturday.", "police"),
    ("The army shelling of Kadugli killed six civilians on Tuesday.", "military"),
    ("Two farmers died in a military air strike on the village of Madagali on Monday.", "military"),
    ("A gendarmerie raid on a mining camp near Kayes killed three miners on Saturday.", "police"),
    ("Witnesses saw soldiers shooting at fleeing residents in Bambari on Thursday.", "military"),
]


@pytest.fixture(scope="module")
def found(incidents_of) -> dict[str, list]:
    texts = [t for t, _ in PROBES]
    return dict(zip(texts, incidents_of(texts, date(2025, 6, 13)), strict=True))


@pytest.mark.parametrize(("text", "doer"), PROBES, ids=[t[:40] for t, _ in PROBES])
def test_the_force_that_modifies_the_act_did_it(found, text: str, doer: str) -> None:
    violent = [m for m in found[text] if m.event_type in ("Violence against civilians", "Explosions/Remote violence")]
    assert violent, found[text]
    assert {a.kind for m in violent for a in m.actors if a.role == "actor1"} == {doer}


# An act named in a cause phrase ("since", "over", "after" the police shooting of a boy) is not
# the protest it set off: the police attacked a civilian, and the crowd's event is another.
CAUSES = [
    "Protests, riots and clashes with police have gripped Patras for the sixth day since the fatal police "
    "shooting of a teenager on Saturday.",
    "Thousands marched in Nantes on Sunday over the police killing of a delivery driver on Friday.",
    "Riots broke out in Lusaka on Monday after the fatal police shooting of a street vendor.",
]
AT_A_PROTEST = [
    "Police shot dead two protesters in Harare on Tuesday.",
    "Police fired live rounds during protests in Nairobi on Tuesday, killing three men.",
]


@pytest.fixture(scope="module")
def caused(incidents_of) -> dict[str, list]:
    texts = CAUSES + AT_A_PROTEST
    return dict(zip(texts, incidents_of(texts, date(2025, 6, 13)), strict=True))


@pytest.mark.parametrize("text", CAUSES, ids=[t[:40] for t in CAUSES])
def test_the_cause_of_a_protest_is_an_attack_of_its_own(caused, text: str) -> None:
    types = {(m.event_type, m.sub_event_type) for m in caused[text]}
    assert ("Violence against civilians", "Attack") in types
    assert types & {("Protests", "Peaceful protest"), ("Riots", "Violent demonstration")}
    (attack,) = [m for m in caused[text] if m.event_type == "Violence against civilians"]
    assert {a.kind for a in attack.actors if a.role == "actor1"} == {"police"}


@pytest.mark.parametrize("text", AT_A_PROTEST, ids=[t[:40] for t in AT_A_PROTEST])
def test_force_used_at_a_protest_stays_excessive_force(caused, text: str) -> None:
    (m,) = caused[text]
    assert (m.event_type, m.sub_event_type) == ("Protests", "Excessive force against protesters")


@pytest.mark.parametrize("text", CAUSES, ids=[t[:40] for t in CAUSES])
def test_the_toll_of_a_cause_is_its_own(caused, text: str) -> None:
    """The one killed "since the fatal police shooting of a teenager" was killed in the attack,
    not in the protests it set off."""
    for m in caused[text]:
        killed = [c.best for c in m.counts if c.kind == "killed"]
        assert killed == ([1] if m.event_type == "Violence against civilians" else [])
