"""The sides of a riot or protest as ACLED files them, in sentences written for this test:

- what rioters throw things at is the side they engage ("threw stones at police": actor2 police;
  "pelted riot police with rocks" too);
- a state's force told as a riot's only doer is the side the rioters engaged (actor2), with the
  rioters as actor1;
- a force that disperses or clears a demonstration ("the march", "a vigil", "an encampment")
  intervenes in a protest;
- people arrested on the day of a protest or riot the article tells are its crowd (actor2
  protesters or rioters); suspects of a crime stay who they are.
"""

from __future__ import annotations

from datetime import date

import pytest

RIOT = ("Riots", "Violent demonstration")
INTERVENTION = ("Protests", "Protest with intervention")

TARGETS = [
    ("Youths threw fireworks at police in the suburb of Lyonnet on Saturday night.", "police"),
    ("Rioters hurled stones at police officers in Leeds on Friday.", "police"),
    ("Demonstrators pelted riot police with rocks outside parliament in Tbilisi on Monday.", "police"),
    ("A crowd threw petrol bombs at soldiers guarding the checkpoint in Hebron on Tuesday.", "military"),
    ("Villagers threw stones at the windows of the police station in Pabna on Friday.", "police"),
]
FORCE_ONLY = [
    "Officers in riot gear fired rubber bullets as the riot in the Bijlmer district raged on Monday night.",
    "Gendarmes used tear gas during a riot in the town of Kindia on Sunday.",
]
DISPERSED = [
    "Police dispersed the march with tear gas in Mombasa on Monday.",
    "Riot police cleared a student encampment at the university in Leipzig on Tuesday.",
    "Security forces broke up a candlelight vigil in Minsk on Wednesday, scattering the procession with batons.",
    "Officers dispersed a picket outside the factory gates in Bursa on Thursday.",
    "Gendarmes cleared the sit-in blocking the main road into Dakar on Friday.",
]
ARRESTS = [
    ("Police fired tear gas to disperse protesters in Mombasa on Monday.\n"
     "Police arrested 31 people on Monday for causing disturbance.", "protesters"),
    ("Hundreds of students marched on parliament in Accra on Tuesday to demand lower fees. "
     "Police detained 14 people during the march.", "protesters"),
    ("Rioters torched cars and threw stones at police in the town of Seinajoki on Wednesday.\n"
     "Nine people were arrested, police said.", "rioters"),
    ("Youths set fire to shops in the Kibera slum on Friday.\nPolice arrested 40 people in Kibera on Friday.", "rioters"),
    # held "in connection with" the riot's own acts: its crowd
    ("Rioters set fire to a tax office in Patras on Thursday.\n"
     "Police detained 19 people in connection with the arson.", "rioters"),
    ("Youths looted shops and burned cars in the suburb of Ronna on Saturday.\n"
     "Eleven people were arrested in connection with the violence, police said.", "rioters"),
    ("Protesters stoned police and set tyres alight in Kisumu on Monday.\n"
     "Police arrested 25 people on Monday in connection with the unrest.", "rioters"),
    # suspects of a crime told beside a protest are not its crowd
    ("Gunmen shot dead a trader in Jos on Monday. Youths burned tyres on the main road in anger on Monday.\n"
     "Police arrested two men on Monday in connection with the murder.", None),
    ("Gunmen shot dead a shopkeeper in Kaduna on Friday. Residents marched to the police station in protest "
     "on Friday. Police arrested three suspects in connection with the killing.", None),
]


@pytest.fixture(scope="module")
def found(incidents_of) -> dict[str, list]:
    texts = [t for t, _ in TARGETS] + FORCE_ONLY + DISPERSED + [t for t, _ in ARRESTS]
    return dict(zip(texts, incidents_of(texts, date(2025, 6, 13)), strict=True))


def _kinds(m, role: str) -> set[str | None]:
    return {a.kind for a in m.actors if a.role == role}


@pytest.mark.parametrize(("text", "target"), TARGETS, ids=[t[:40] for t, _ in TARGETS])
def test_what_rioters_throw_at_is_actor2(found, text: str, target: str) -> None:
    (m,) = found[text]
    assert (m.event_type, m.sub_event_type) == RIOT
    assert _kinds(m, "actor1") == {"rioters"}
    assert _kinds(m, "actor2") == {target}


@pytest.mark.parametrize("text", FORCE_ONLY, ids=[t[:40] for t in FORCE_ONLY])
def test_a_force_at_a_riot_is_the_side_engaged(found, text: str) -> None:
    (m,) = found[text]
    assert m.event_type == "Riots"
    assert _kinds(m, "actor1") == {"rioters"}
    assert _kinds(m, "actor2") == {"police"}


@pytest.mark.parametrize("text", DISPERSED, ids=[t[:40] for t in DISPERSED])
def test_dispersing_a_demonstration_is_an_intervention(found, text: str) -> None:
    (m,) = found[text]
    assert (m.event_type, m.sub_event_type) == INTERVENTION
    assert _kinds(m, "actor1") == {"protesters"}


@pytest.mark.parametrize(("text", "crowd"), ARRESTS, ids=[t[:40] for t, _ in ARRESTS])
def test_people_arrested_on_a_protest_day_are_its_crowd(found, text: str, crowd: str | None) -> None:
    (arrest,) = [m for m in found[text] if m.sub_event_type == "Arrests"]
    if crowd is None:
        assert not _kinds(arrest, "actor2") & {"protesters", "rioters"}
    else:
        assert _kinds(arrest, "actor2") == {crowd}
