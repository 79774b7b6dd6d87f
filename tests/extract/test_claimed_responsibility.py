"""The group that claims responsibility for an act is its doer ("Al-Shabaab claimed responsibility
for the bombing": actor1 Al-Shabaab). Sentences written for this test."""

from __future__ import annotations

import pytest

from eventdesk.extract.actors import noun_roles

PROBES = [
    ("Al-Shabaab claimed responsibility for the bombing in a statement on its radio station.", "bombing", "Shabaab"),
    ("The Islamic State group claimed responsibility for Friday's attack on the church in Kaduna.", "attack", "group"),
    ("The Pakistani Taliban took responsibility for the blast at the police post.", "blast", "Taliban"),
    ("The Baloch Liberation Army accepted responsibility for the attack on the train.", "attack", "Army"),
    ("ISWAP admitted responsibility for the ambush near Monguno.", "ambush", "ISWAP"),
]


@pytest.mark.parametrize(("sentence", "noun", "agent"), PROBES, ids=[p[0][:40] for p in PROBES])
def test_the_claimant_is_the_doer(nlp, sentence: str, noun: str, agent: str) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(sentence)
    (tok,) = [t for t in doc if t.lower_ == noun]
    doer, _ = noun_roles(tok)
    assert doer is not None and doer.text == agent


@pytest.mark.parametrize("sentence", [
    "Responsibility for the attack on the convoy remained unclear on Monday.",
    "The army blamed the rebels, but the question of responsibility for the attack was left open.",
])
def test_responsibility_no_one_claims_names_no_doer(nlp, sentence: str) -> None:  # type: ignore[no-untyped-def]
    (tok,) = [t for t in nlp(sentence) if t.lower_ == "attack"]
    assert noun_roles(tok)[0] is None
