"""A headline's bare past tense with no object is a passive ("Two protesters shot dead", "four
officers hurt", "Nine fishermen abducted"): its subject suffered the act, it did not do it. The
parser tags the verb a past tense (VBD) as often as a participle; in a line with no sentence end
(a headline, a standfirst, a list item) with no object, it is read as the participle. Sentences
written for this test."""

from __future__ import annotations

from datetime import date

import pytest


PROBES = [
    # headline, the victims' kind (actor2), who must not be actor1
    ("Two protesters shot dead in Nairobi as police fire live rounds", "protesters", "protesters"),
    ("Four officers hurt as football fans clash with police in Krakow", "police", "police"),
    ("Three farmers killed in Benue village raid", "civilians", "civilians"),
    ("Nine fishermen abducted off the coast of Sulu", "civilians", "civilians"),
    ("Six soldiers wounded in roadside bombing near Gao", "military", "military"),
]


@pytest.fixture(scope="module")
def found(incidents_of) -> dict[str, list]:
    texts = [p[0] for p in PROBES]
    return dict(zip(texts, incidents_of(texts, date(2025, 5, 12)), strict=True))


@pytest.mark.parametrize(("headline", "victims", "not_doer"), PROBES, ids=[p[0][:40] for p in PROBES])
def test_the_subject_of_a_headlines_bare_past_tense_suffered_it(found, headline: str, victims: str, not_doer: str) -> None:
    mentions = found[headline]
    assert mentions, headline
    for m in mentions:
        assert not any(a.role == "actor1" and a.kind == not_doer for a in m.actors), [(a.role, a.name, a.kind) for a in m.actors]
    assert any(a.role == "actor2" and a.kind == victims for m in mentions for a in m.actors), \
        [(a.role, a.name, a.kind) for m in mentions for a in m.actors]


def test_a_past_tense_with_an_object_keeps_its_doer(incidents_of) -> None:
    (mentions,) = incidents_of(["Police shot dead two robbery suspects in Durban on Sunday."], date(2025, 5, 12))
    assert any(a.role == "actor1" and a.kind == "police" for m in mentions for a in m.actors)
