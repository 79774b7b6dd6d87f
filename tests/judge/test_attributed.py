"""The judge on sentences told on someone's word: an incident a side, an official or a witness
reports is kept; a statement that tells no incident (an intention, a denial, an opinion, a
statistic, a court step, a policy, an accident's cause) is dropped, attribution or not.

Sentences written for this test, kept out of the training files (judge/data/attributed.toml
teaches the class with other sentences)."""

from __future__ import annotations

import pytest

from eventdesk.judge.verdicts import DROP_AT, judge_sentences

# Measured when written: the first (an army on its own soldiers' raid) at P(none) 0.496 and the
# nurses' march at 0.493 pass by a hair (0.65 and 0.70 before attributed.toml); the others
# are clear of the line.
ATTRIBUTED_INCIDENTS = [
    "The army said its soldiers killed 14 militants in a raid near Mosul, Iraq, on Tuesday.",
    pytest.param(
        "The navy said its patrol boats sank two pirate skiffs off the coast of Puntland on Friday, killing five pirates.",
        # Not the attribution: without it the sentence is judged none too (0.92). A clash at sea
        # reads as a boat accident to the encoder; strict, so a fix shows up here.
        marks=pytest.mark.xfail(strict=True, reason="a naval clash is judged none (P(none) 0.95)"),
    ),
    "The Ugandan army said its soldiers killed 11 ADF rebels in an assault on their camp in eastern Congo on Monday.",
    "The health ministry said 9 people were killed and 30 wounded in a bombing at a bus station in Kabul on Sunday.",
    "The air force said its jets bombed rebel positions outside Goma overnight, killing dozens of fighters.",
    "The union said thousands of dockworkers walked off the job and marched through Antwerp on Wednesday.",
    "Organisers said about 5,000 nurses marched to the health ministry in Nairobi on Tuesday to demand unpaid allowances.",
    "The ministry said its forces had dismantled a militant cell in Sinai, killing six gunmen.",
    "Officials said on Tuesday that gunmen had killed seven farmers in a village in Benue state over the weekend.",
    "Police said they arrested four men on Saturday after a shopkeeper was stabbed to death during a robbery in Durban.",
    "Hospital officials said 12 people were killed when an airstrike hit a school sheltering displaced families in Khan Younis overnight.",
]
ATTRIBUTED_NON_INCIDENTS = [
    "The army said it would deploy more troops to the border region next month to deter attacks.",
    "The ministry denied that its forces had carried out any air strikes on the town, calling the reports propaganda.",
    "Police said the blaze at the hotel was caused by an electrical fault and ruled out arson.",
    "According to the United Nations, more than 2,300 civilians were killed in the conflict last year, the highest toll since 2016.",
    "Police said they would arrest anyone who joins the banned march on Saturday.",
    "The defence minister said his forces had the capacity to strike anywhere in the region.",
    "The army said its troops were conducting routine patrols in the area and no clashes had taken place.",
    "The rebel spokesman said the group was ready to negotiate if the government released political prisoners.",
    "Prosecutors said the trial of the former governor accused of ordering the killings would resume after the holidays.",
    "The interior minister told parliament that the new law would give police wider powers to break up unauthorised gatherings.",
]


@pytest.mark.parametrize("sentence", ATTRIBUTED_INCIDENTS)
def test_attributed_incident_is_kept(sentence: str) -> None:
    (verdict,) = judge_sentences([sentence])
    assert verdict.p_none < DROP_AT, (round(verdict.p_none, 2), sentence)


@pytest.mark.parametrize("sentence", ATTRIBUTED_NON_INCIDENTS)
def test_attributed_non_incident_is_dropped(sentence: str) -> None:
    (verdict,) = judge_sentences([sentence])
    assert verdict.p_none >= DROP_AT, (round(verdict.p_none, 2), sentence)
