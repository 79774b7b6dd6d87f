"""A short sentence right after a claim that only hedges it ("The claim could not be
independently verified.") makes the claim unverified; the fast path parses it (its hedge words
keep it). Articles written for this test, none from a dev set or sample."""

from __future__ import annotations

from datetime import date

import pytest

from eventdesk.records import Status

ARTICLES = [
    "Fighting in Sagaing\n\nA local militia said its fighters had ambushed an army convoy near Kalay on Monday. "
    "The claim could not be independently verified.\n\nMarkets in the town stayed open.",
    "Clashes in Darfur\n\nThe rebel movement said its forces had attacked an army base near Tawila on Friday, killing five soldiers. "
    "Reuters could not confirm the accounts.\n\nAid groups appealed for access.",
    "Strike in Idlib\n\nActivists said a drone strike hit a market in Sarmin on Tuesday, killing four people. "
    "The report could not be verified.\n\nThe area has been shelled for weeks.",
    "Attack in Cabo Delgado\n\nVillagers said insurgents beheaded two men near Mocimboa da Praia on Sunday. "
    "The accounts could not be independently confirmed.\n\nThe army did not comment.",
    "Raid in Tigray\n\nA regional official said soldiers killed six civilians in a village near Adwa on Thursday. "
    "The toll could not be verified independently.\n\nPhone lines to the area were down.",
]


@pytest.fixture(scope="module")
def incidents(incidents_of) -> list[list]:
    return incidents_of(ARTICLES, date(2025, 6, 3))


@pytest.mark.parametrize("i", range(len(ARTICLES)), ids=[a.split("\n")[0] for a in ARTICLES])
def test_a_claim_hedged_by_the_next_sentence_is_unverified(incidents, i: int) -> None:
    claim = ARTICLES[i].split("\n\n")[1].split(". ")[0]
    told = [m for m in incidents[i] if m.sentence.text.startswith(claim)]
    assert told and all(m.status == Status.UNVERIFIED for m in told), [(m.status, m.sentence.text[:40]) for m in incidents[i]]
