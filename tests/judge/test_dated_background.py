"""A candidate its own clause dates a month or more before the article (to the last day its date
may stand for: "in March" ends on 31 March), or to an earlier year given alone, is background (a
past incident the article recalls, "including events of the last days" are current: the desk
guidelines), never a current one. Sentences written for this test, in articles of 12 May 2025
(the five of a month or more back: 5 of 5 failed before, when only a year back was background)."""

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
# a month or more back: recalled as context by a story of this week
MONTHS_BACK = [
    "Two months ago, police arrested six pirates in the port of Bosaso.",
    "In March, a drone attack on the police station in Kumbo wounded three officers.",
    "On April 2, gunmen abducted a priest from his parish near Enugu.",
    "In early February, protesters burned tyres outside the electoral commission in Lilongwe.",
    "Rebels shelled the market in Djugu in mid-March, killing 11 traders, the UN said.",
]
CURRENT = "Soldiers shot dead three men at a checkpoint outside Goma on Monday, residents said."
THIS_MONTH = [  # the days or weeks just before the article
    "Earlier this month, police fired tear gas at teachers marching in Harare.",
    "On May 2, militants attacked an army post near Diffa, killing four soldiers.",
    "Last week, rioters torched a police station in Kasese.",
]


@pytest.fixture(scope="module")
def found(incidents_of) -> dict[str, list]:
    texts = [*PAST, *MONTHS_BACK, CURRENT, *THIS_MONTH]
    return dict(zip(texts, incidents_of(texts, date(2025, 5, 12)), strict=True))


@pytest.mark.parametrize("sentence", PAST + MONTHS_BACK, ids=[s[:40] for s in PAST + MONTHS_BACK])
def test_an_incident_dated_a_month_or_more_back_is_background(found, sentence: str) -> None:
    assert found[sentence] and all(m.background for m in found[sentence]), [(m.when, m.reason[-120:]) for m in found[sentence]]


@pytest.mark.parametrize("sentence", [CURRENT, *THIS_MONTH], ids=[s[:40] for s in [CURRENT, *THIS_MONTH]])
def test_an_incident_of_the_last_weeks_is_current(found, sentence: str) -> None:
    assert found[sentence] and not any(m.background for m in found[sentence]), [(m.when, m.reason[-120:]) for m in found[sentence]]
