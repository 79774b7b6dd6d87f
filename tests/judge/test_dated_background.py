"""A candidate its own clause dates a year or more before the article, or to an earlier year
given alone, is background (a past incident the article recalls), never a current one.
Sentences written for this test, in articles of 12 May 2025."""

from __future__ import annotations

from datetime import date

import pytest


PAST = [  # the judge alone reads each of these as a current incident
    "Gunmen killed 14 villagers near Tsafe on March 3, 2021, police said.",
    "Soldiers shot dead four students at the university in Kisangani in January 2020.",
    "A car bomb exploded outside the governor's office in Baidoa in 2019, killing nine people.",
    "Rebels stormed the town of Rutshuru in June 2022 and seized the police station.",
    "Security forces opened fire on a funeral procession in Bamenda on 4 May 2023, killing two mourners.",
]
CURRENT = "Soldiers shot dead three men at a checkpoint outside Goma on Monday, residents said."


@pytest.fixture(scope="module")
def found(incidents_of) -> dict[str, list]:
    texts = [*PAST, CURRENT]
    return dict(zip(texts, incidents_of(texts, date(2025, 5, 12)), strict=True))


@pytest.mark.parametrize("sentence", PAST, ids=[s[:40] for s in PAST])
def test_an_incident_dated_years_back_is_background(found, sentence: str) -> None:
    assert found[sentence] and all(m.background for m in found[sentence]), [(m.when, m.reason[-120:]) for m in found[sentence]]


def test_an_incident_of_this_week_is_current(found) -> None:
    assert found[CURRENT] and not any(m.background for m in found[CURRENT])
