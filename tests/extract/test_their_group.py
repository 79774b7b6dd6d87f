"""Armed men named by the group they belong to ("fighters from the National Liberation Army"):
the group is the actor, not an unnamed armed group (extract/actors.py `_their_group`). Sentences
written for these tests, none from a dev set or sample."""

from __future__ import annotations

import pytest

from eventdesk.extract.events import find_events

GROUPS = [
    ("Fighters from the National Liberation Army ambushed an army patrol near Tame on Monday.",
     "National Liberation Army"),
    ("Fighters of the Allied Democratic Forces killed 12 villagers near Oicha on Sunday.", "Allied Democratic Forces"),
    ("Militants from the Kuki National Army attacked a checkpoint near Moreh on Friday.", "Kuki National Army"),
    ("Gunmen from the Arakan Rohingya Salvation Army killed four people in Maungdaw on Tuesday.",
     "Arakan Rohingya Salvation Army"),
    ("Rebels of the Movement for the Salvation of Azawad attacked a convoy near Kidal.",
     "Movement for the Salvation of Azawad"),
]


@pytest.mark.parametrize(("text", "group"), GROUPS, ids=[g[1] for g in GROUPS])
def test_armed_men_of_a_named_group_are_that_group(nlp, text: str, group: str) -> None:
    doers = [a for m in find_events(nlp(text), article_id="t") for a in m.actors if a.role == "actor1"]
    assert doers and all(group in a.name for a in doers), doers
    assert all(a.kind in ("armed group", "rebel group", "political militia") for a in doers), doers


def test_armed_men_of_no_named_group_stay_unidentified(nlp) -> None:
    doers = [a for m in find_events(nlp("Gunmen killed five people in Zamfara on Monday."), article_id="t")
             for a in m.actors if a.role == "actor1"]
    assert doers and all(a.name.startswith("Unidentified Armed Group") for a in doers), doers


# A force's post as the target: the force is actor2, also when the verb shares its object with an
# idiom ("attacked and set fire to a police station").
POSTS = [
    "Gunmen attacked and set fire to a police station in Orlu on Monday.",
    "Gunmen attacked a police station in Enugu on Tuesday.",
    "Militants attacked and set fire to a police post near Bannu.",
    "Bandits ambushed a police vehicle near Gusau on Friday.",
    "Insurgents attacked an army base near Gao on Sunday.",
]


@pytest.mark.parametrize("text", POSTS, ids=[p[:30] for p in POSTS])
def test_a_forces_post_attacked_makes_the_force_actor2(nlp, text: str) -> None:
    victims = [a for m in find_events(nlp(text), article_id="t") if m.event_type != "Strategic developments"
               for a in m.actors if a.role == "actor2"]
    assert victims and all(a.kind in ("police", "military", "state forces") for a in victims), victims
