"""A short sentence that gives only the arrests of the episode the article reports ("Police said
48 people were held overnight.") is that episode's Arrests event, not a statistic; arrests counted
over years stay statistics. Sentences written for this test, none from a dev set, a sample or the
judge's training data. (Tallies of thousands told alone, "More than 1,000 people have been
detained.", still read as statistics: P(none) 0.4-0.8.)"""

from __future__ import annotations

import pytest

from eventdesk.judge.training import NONE
from eventdesk.judge.verdicts import DROP_AT, judge_sentences

TALLIES = [
    "Police said 48 people were held overnight.",
    "Thirteen people were arrested, the regional governor said.",
    "At least 90 people were detained on Friday evening.",
    "Officers took 27 people into custody.",
    "Officials said 17 people were arrested on Thursday night.",
    "In total, 52 people have been detained since Tuesday.",
    "Nineteen people were arrested on Saturday evening.",
    "A further 11 people were detained overnight, police said.",
]
STATISTICS = [
    "Arrests for shoplifting rose by a fifth last year, the ministry's annual report showed.",
    "Since 2015, more than 9,000 activists have been detained under the security law, a rights group counted.",
    "Half of all those arrested in the capital over the past decade were under 30.",
    "The number of journalists detained worldwide reached a record last year, a press freedom group said.",
    "Police arrest about 40 people a week for drink-driving in the province, figures show.",
]


@pytest.fixture(scope="module")
def none_of() -> dict[str, float]:
    texts = TALLIES + STATISTICS
    return {t: v.happening[NONE] for t, v in zip(texts, judge_sentences(texts), strict=True)}


@pytest.mark.parametrize("text", TALLIES)
def test_a_standalone_arrest_tally_is_kept(none_of: dict[str, float], text: str) -> None:
    assert none_of[text] < DROP_AT


@pytest.mark.parametrize("text", STATISTICS)
def test_arrests_counted_over_years_are_no_incident(none_of: dict[str, float], text: str) -> None:
    assert none_of[text] >= DROP_AT
