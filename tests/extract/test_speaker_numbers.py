"""The people who tell of a toll are not in it: "two residents told reporters six people were
killed" counts six dead, not the two residents, whose clause is what they said. A group's own
predicate still counts it ("three people were found dead", "two journalists remain missing").
Sentences written for this test, none from a dev set or sample."""

from __future__ import annotations

import pytest

from eventdesk.extract.counts import find_counts
from eventdesk.nlp import parse

SPOKEN = [
    ("Two residents told a local radio station that at least six people were killed in the fighting.", 2, 6),
    ("Three witnesses said five soldiers were killed in the ambush near Gao.", 3, 5),
    ("Two officials told reporters that 14 protesters were injured in the clashes.", 2, 14),
    ("Two doctors confirmed that nine people were killed in the blast.", 2, 9),
    ("Four nurses said that 11 patients were wounded by the shelling.", 4, 11),
]


@pytest.mark.parametrize(("text", "speakers", "toll"), SPOKEN, ids=[s[:40] for s, _, _ in SPOKEN])
def test_the_speakers_are_not_the_toll(text: str, speakers: int, toll: int) -> None:
    counts = [(c.kind, c.best) for c in find_counts(parse(text)) if c.kind in ("killed", "injured")]
    assert any(best == toll for _, best in counts) and not any(best == speakers for _, best in counts), counts


@pytest.mark.parametrize(("text", "kind", "n"), [
    ("Three people were found dead in the river near Goma.", "killed", 3),
    ("Two journalists remain missing after the attack.", "missing", 2),
])
def test_a_groups_own_predicate_still_counts(text: str, kind: str, n: int) -> None:
    assert (kind, n) in [(c.kind, c.best) for c in find_counts(parse(text))]
