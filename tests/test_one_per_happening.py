"""An article tells one incident in many sentences (headline, lead, toll restated, details):
the incidents of its sentences that name no other place or day, and do not open another
incident, are one (assemble._one_per_happening), so one record is stored; a sentence that names
another town or day, or opens with "elsewhere" / "in a separate attack" / "another", is
another incident. Articles written for this test (none from a dev set or sample)."""

from __future__ import annotations

from datetime import date

import pytest


ONE = [
    "Car bomb kills four near army base in northern Syria\n\n"
    "A car bomb exploded near an army checkpoint in the town of Manbij on Monday, killing four soldiers.\n\n"
    "The blast also wounded nine people, a military source said.",
    "Gunmen kill seven worshippers in Burkina Faso church raid\n\n"
    "Gunmen opened fire on worshippers at a church in the village of Dablo on Sunday, killing seven people.\n\n"
    "The assailants arrived on motorbikes and shot at the congregation, residents said.",
    "Jets strike market in Yemen's Saada\n\n"
    "Warplanes struck a crowded market in Saada on Tuesday, killing 11 civilians.\n\n"
    "The strike destroyed dozens of stalls and wounded 20 people, witnesses said.",
    "Soldiers killed in ambush in Niger\n\n"
    "Militants ambushed an army patrol near Tillaberi on Thursday, killing nine soldiers.\n\n"
    "The attackers fired rockets at the vehicles before fleeing across the border, the army said.",
    "Drone attack hits Kharkiv\n\n"
    "Russian drones struck residential areas of Kharkiv on Wednesday night, killing three people.\n\n"
    "Debris from a downed drone set fire to a warehouse, the mayor said.",
    # the attackers' own destruction, told in a sentence of its own
    "Gunmen killed nine villagers in an attack on Kwall in Plateau state on Monday.\n\n"
    "The attackers then set fire to dozens of homes and a church, residents said.",
    # the state's own forces responding: sent, arrived, blocking roads
    "Bandits shot dead six traders at a market in Gusau on Thursday, police said.\n\n"
    "Soldiers were deployed to the area after the shooting, the governor's office said.",
    "Gunmen opened fire on a bus near Mandera on Saturday, killing four passengers.\n\n"
    "Police officers arrived about an hour later and blocked the road to the town.",
    # a headline's toll with no doer, then the police acting on the protest
    "Two killed as police fire on protesters in Kisumu\n\n"
    "Police shot dead two demonstrators in Kisumu on Tuesday as thousands marched against new taxes.\n\n"
    "Officers fired live rounds into the crowd near the main bus station, witnesses said.",
    # a place that the sentence itself does not name does not set it apart
    "ISLAMABAD (Wire) - A roadside bomb killed three soldiers near Miran Shah on Friday, the army said.\n\n"
    "Two passing civilians were wounded by the blast, officials said.",
    # the response told in the sentence of the act ("blocked the road and fired into the crowd")
    "Three killed as police fire on protesters in Mombasa\n\n"
    "Police shot dead three protesters in Mombasa on Thursday during a march against rising fuel prices.\n\n"
    "Officers blocked the road to the port and fired live rounds into the crowd, witnesses said.",
    # a day that dates the speaking is not another day
    "Gunmen killed six villagers near Bunia on Saturday.\n\n"
    "A rights group said on Tuesday that the bodies of two more victims had been found in the village.",
    "Militants attacked a checkpoint near Bannu on Friday, killing three policemen.\n\n"
    "Police told reporters late on Sunday that four attackers were killed in the attack.",
    # where the wounded were taken is not another place
    "Gunmen shot dead a judge in the town of Iguala on Monday.\n\n"
    "His bodyguard was wounded and taken to hospital in Acapulco, prosecutors said.",
]

TWO = [
    # another day told relative to the one just told
    "A car bomb killed five soldiers at a base in Beledweyne on Monday.\n\n"
    "A day earlier, militants killed three soldiers in a bomb attack, the army said.",
    "Gunmen killed four villagers near Bunia on Tuesday.\n\n"
    "Two days later, gunmen killed six farmers in a village nearby, residents said.",
    # a region that does not hold the town just told
    "A suicide bomber killed five soldiers at a base in Wanlaweyn on Monday.\n\n"
    "Militants also killed two soldiers in the Middle Juba region, officials said.",
    "Gunmen killed five farmers in the village of Gidan Bawa in Zamfara on Sunday.\n\n"
    "In a separate attack, bandits shot dead three traders on a highway, police said.",
    "A suicide bomber blew himself up at a mosque in Peshawar on Friday, killing 12 worshippers.\n\n"
    "Elsewhere, a roadside bomb wounded four policemen, officials said.",
    "Warplanes bombed a school in Idlib on Tuesday, killing six children.\n\n"
    "Jets bombed another school in the city, wounding 14, rescuers said.",
    "Militants attacked a police post in Mandera on Monday, killing two officers.\n\n"
    "Militants attacked a bus in Lamu on Wednesday, killing four passengers.",
    "Protesters marched peacefully through Santiago on Saturday.\n\n"
    "Later that night, rioters set fire to a metro station and looted shops in the city centre.",
    # two days the article names
    "Militants ambushed a convoy near Bannu on Wednesday, killing two soldiers.\n\n"
    "Troops killed three militants in a raid on a hideout near Bannu on Thursday, the army said.",
    # a police shooting and the riot it set off
    "Police shot dead a teenager during a traffic stop in Lyon on Monday.\n\n"
    "Youths set cars ablaze and pelted officers with stones in the city that night.",
]


@pytest.fixture(scope="module")
def incidents(incidents_of) -> list[list]:
    return incidents_of([*ONE, *TWO], date(2025, 6, 13))


def _told(mentions: list) -> set[tuple]:
    """What the link step keys and places an incident by: its type, sub-type, place and day."""
    return {(m.event_type, m.sub_event_type, m.place and m.place.name, m.when and m.when.value)
            for m in mentions if not m.background}  # fmt: skip


@pytest.mark.parametrize("i", range(len(ONE)), ids=[a[:40] for a in ONE])
def test_an_incident_told_in_many_sentences_is_one(incidents: list[list], i: int) -> None:
    ms = incidents[i]
    assert len({m.sentence.start for m in ms}) >= 2, [m.sentence.text for m in ms]  # several sentences tell it
    assert len(_told(ms)) == 1, [(m.sub_event_type, m.place and m.place.name, m.when and m.when.value) for m in ms]


@pytest.mark.parametrize("i", range(len(TWO)), ids=[a[:40] for a in TWO])
def test_another_incident_stays_apart(incidents: list[list], i: int) -> None:
    ms = incidents[len(ONE) + i]
    assert len(_told(ms)) == 2, [(m.sub_event_type, m.place and m.place.name, m.when and m.when.value) for m in ms]
