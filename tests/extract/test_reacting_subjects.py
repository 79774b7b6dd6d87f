"""Who condemns, reports, confirms or witnesses an act did not do it: "the United Nations condemned
an air strike on a market" gives the strike no actor1; who carried it out or launched it did.
Sentences written for this test (5 of 5 gave the speaker or witness as actor1 before)."""

from __future__ import annotations

import pytest

REACTIONS = [
    ("The United Nations on Thursday condemned an air strike on a market in North Darfur that killed dozens of "
     "civilians a day earlier.", "strike"),
    ("The European Union condemned the shelling of a hospital in Kharkiv that killed four people.", "shelling"),
    ("The health ministry reported an attack on a clinic in Rafah that wounded five medics.", "attack"),
    ("The ministry confirmed the shelling of a school in Sumy that killed two teachers.", "shelling"),
    ("Residents witnessed the shooting of two men at a checkpoint near Kidal.", "shooting"),
]
DOERS = [
    ("Israel carried out an air strike on a house in Rafah, killing nine people.", "strike", "Israel"),
    ("Rebels launched an attack on an army base near Goma.", "attack", "Rebels"),
]


@pytest.fixture(scope="module")
def found(incidents_of) -> dict[str, list]:
    texts = [r[0] for r in REACTIONS] + [d[0] for d in DOERS]
    return dict(zip(texts, incidents_of(texts), strict=True))


@pytest.mark.parametrize(("sentence", "trigger"), REACTIONS, ids=[r[0][:40] for r in REACTIONS])
def test_a_reacting_subject_is_no_doer(found, sentence: str, trigger: str) -> None:
    mentions = [m for m in found[sentence] if m.trigger.text == trigger]
    speaker = sentence.split(" condemned")[0].split(" reported")[0].split(" confirmed")[0].split(" witnessed")[0]
    assert mentions and not any(a.role == "actor1" and a.text and a.text in speaker for m in mentions for a in m.actors), \
        [(a.role, a.text) for m in mentions for a in m.actors]


@pytest.mark.parametrize(("sentence", "trigger", "doer"), DOERS, ids=[d[0][:40] for d in DOERS])
def test_who_carried_it_out_did_it(found, sentence: str, trigger: str, doer: str) -> None:
    mentions = [m for m in found[sentence] if m.trigger.text == trigger]
    assert mentions and any(a.role == "actor1" and a.text and doer in a.text for m in mentions for a in m.actors)
