"""Days told from the article's previous day (resolve/timex.py `_h_from_previous`), on sentences
written for these tests (none from a dev set or sample): "the night before", "a day earlier",
"two days later", "the following morning", "later that day", "hours later" count from the day the
text named last, never from the publication date; with no earlier day, or when the count would
pass the publication date, they give no day; "the day before the vote" counts from the vote."""

from __future__ import annotations

from datetime import date

import pytest

from eventdesk.resolve.dates import find_times

PUBLISHED = date(2024, 10, 18)  # a Friday

# (text, the expression, the day it names; None: no day)
PROBES = [
    ("Fighting flared in the north on Wednesday evening. The night before, drones struck a fuel depot.",
     "The night before", date(2024, 10, 15)),
    ("Two guards were shot dead at a mine on October 9. A day earlier, the same gang had robbed a bus.",
     "A day earlier", date(2024, 10, 8)),
    ("Militants seized the district centre on Monday. Three days later, the army retook it.",
     "Three days later", date(2024, 10, 17)),
    ("Police broke up the sit-in on Tuesday. The following morning, students blocked the main road.",
     "The following morning", date(2024, 10, 16)),
    ("A trader was killed by a stray bullet on Sunday. Hours later, residents set tyres alight.",
     "Hours later", date(2024, 10, 13)),
    ("Rebels shelled the port on Thursday, and the navy hit back later that day.",
     "later that day", date(2024, 10, 17)),
    ("The previous night, soldiers raided the camp.", "The previous night", None),
    ("Rebels shelled the port on Thursday. Two days later, talks resumed.", "Two days later", None),
]


@pytest.mark.parametrize(("text", "expression", "day"), PROBES, ids=[p[1] for p in PROBES])
def test_day_from_previous(nlp, text: str, expression: str, day: date | None) -> None:
    found = {w.expression: w.value for w in find_times(nlp(text), PUBLISHED)}
    assert found.get(expression) == day, found


def test_before_an_event_counts_from_the_event(nlp) -> None:
    found = find_times(nlp("Voters went to the polls on Sunday; the day before the vote, police arrested 12 people."), PUBLISHED)
    assert [w.expression for w in found] == ["Sunday"]
