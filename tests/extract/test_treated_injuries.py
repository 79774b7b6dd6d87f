"""People "treated for injuries" or "hospitalised with wounds" after an incident the article told
are its injured: the sentence is a toll of that incident (the `treated_injury` family) and its
count is read (count_kinds.toml). After an accident it is no incident. Articles written for this
test."""

from __future__ import annotations

from datetime import date

import pytest

ARTICLES = [
    ("Police fire on marchers in Kisumu\n\nPolice shot dead a protester in Kisumu on Tuesday during a march "
     "against new taxes.\n\nA rights group said at least 14 people were treated for injuries in Kisumu.", 14),
    ("Rioters clash with police in Lyon\n\nRioters torched cars and threw stones at police in Lyon on Saturday "
     "night.\n\nEleven officers were treated for injuries, the prefecture said.", 11),
    ("Bomb hits market in Maiduguri\n\nA bomb exploded at a crowded market in Maiduguri on Friday, killing "
     "four traders.\n\nAt least 23 people were treated for wounds at the state hospital, officials said.", 23),
    ("Gunmen attack church in Owo\n\nGunmen opened fire on worshippers at a church in Owo on Sunday, killing "
     "six.\n\nNine others were treated for gunshot wounds at the general hospital.", 9),
    ("Settlers attack village near Nablus\n\nSettlers attacked the village of Huwara near Nablus on Monday, "
     "burning cars and homes.\n\nThirty villagers were treated for injuries after the attack, medics said.", 30),
    # injuries suffered or sustained
    ("Youths riot in Malmo suburb\n\nYouths set fire to cars and threw stones at police in Rosengard on Friday "
     "night.\n\nFourteen people were arrested and three officers suffered minor injuries, police said.", 3),
    ("Protesters clash with police in Lima\n\nProtesters threw rocks at police and burned tyres in central Lima "
     "on Thursday.\n\nSeven officers suffered head injuries, the interior ministry said.", 7),
    ("Gunmen attack bus in Zamfara\n\nGunmen opened fire on a bus near Gusau on Monday, killing three "
     "passengers.\n\nFive others sustained gunshot wounds, a hospital official said.", 5),
]
ACCIDENT = ("Bus overturns near Nakuru\n\nNine people died when a bus overturned on the highway near Nakuru on "
            "Monday.\n\nAt least 20 passengers were treated for injuries at the county hospital.")


@pytest.fixture(scope="module")
def found(incidents_of) -> list[list]:
    return incidents_of([t for t, _ in ARTICLES] + [ACCIDENT], date(2025, 6, 13))


@pytest.mark.parametrize("i", range(len(ARTICLES)), ids=[t.split("\n")[0] for t, _ in ARTICLES])
def test_the_treated_are_the_incidents_injured(found, i: int) -> None:
    text, injured = ARTICLES[i]
    last = text.split("\n\n")[-1]
    toll = [m for m in found[i] if m.sentence.start == text.index(last)]
    assert toll, [m.sentence.text[:40] for m in found[i]]
    assert {(c.kind, c.best) for m in toll for c in m.counts} >= {("injured", injured)}
    assert len({m.incident for m in found[i] if m.sentence.start > 0 and m.event_type != "Strategic developments"}) == 1


def test_the_treated_of_an_accident_are_no_incident(found) -> None:
    assert found[-1] == []


def test_who_suffered_injuries_is_no_doer(incidents_of) -> None:  # type: ignore[no-untyped-def]
    """"Two of them suffered shrapnel wounds": they bore the wounds; no one is actor1 for it."""
    text = ("Bomb hits patrol in Yala\n\nA roadside bomb wounded three rangers on patrol near Yala on Tuesday.\n\n"
            "Two of them suffered shrapnel wounds to the legs, the army said.")
    [found] = incidents_of([text], date(2025, 6, 13))
    toll = [m for m in found if m.trigger.text == "wounds" and m.sentence.start == text.index("Two of them")]
    assert toll and not [a for m in toll for a in m.actors if a.role == "actor1" and a.kind in ("state forces", "military")]
