"""A town named like its first-level region ("Kano", "Herat", "Kaduna") in a headline may stand for
the region: the body's raid on another town of that region is the headline's incident, placed at
that town. Articles written for this test."""

from __future__ import annotations

from datetime import date

import pytest

ARTICLES = [
    ("Gunmen kill nine traders in Kano\n\nGunmen killed nine traders at a cattle market in Wudil on Monday, "
     "police said.", "Wudil"),
    ("Bomb kills three in Herat\n\nA roadside bomb struck a minibus near Shindand on Wednesday, killing three "
     "passengers.", "Shīnḏanḏ"),
    ("Students abducted in Kaduna\n\nArmed men abducted 30 students from a school in Zaria on Tuesday, police said.",
     "Zaria"),
    ("Gunmen kill villagers in Katsina\n\nGunmen on motorbikes killed 12 villagers in Kankara on Sunday.", "Kankara"),
    ("Shelling in Kharkiv\n\nRussian shells hit a hospital in Izyum on Monday, killing two nurses.", "Izyum"),
]


@pytest.fixture(scope="module")
def found(incidents_of) -> list[list]:
    return incidents_of([t for t, _ in ARTICLES], date(2025, 6, 13))


@pytest.mark.parametrize("i", range(len(ARTICLES)), ids=[t.split("\n")[0] for t, _ in ARTICLES])
def test_the_headline_region_holds_the_body_town(found, i: int) -> None:
    mentions = found[i]
    assert len(mentions) == 2
    assert {m.place.name for m in mentions if m.place} == {ARTICLES[i][1]}
