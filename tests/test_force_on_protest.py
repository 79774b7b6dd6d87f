"""Two readings of force on a crowd. Sentences written for this test, none from a dev set or sample.

- A state's force attacking the crowd whose protest the same sentence tells ("police opened fire on
  a crowd of opposition supporters who had blocked a highway") is one happening: ACLED's excessive
  force against protesters, the force actor1 and the protesters actor2; not an attack on
  civilians beside a peaceful protest.
- Across reports, the dead of one side told in other words ("a protester", "a man", "one of its
  supporters") are not added up as if they were other sides; the dead of an armed side and of
  the crowd, told by different reports, still are (the toll of all sides).
"""

from __future__ import annotations

from datetime import date

import pytest

from eventdesk.link.events import reconcile_counts
from eventdesk.records import Count, Mention, Source, TextSpan

FORCE_ON_PROTEST = [
    "Police opened fire on a crowd of opposition supporters who had blocked a highway in Kitwe on Monday, killing a man.",
    "Security forces fired live bullets at hundreds of farmers who had blocked the road to the capital near Kindia "
    "on Thursday, wounding six.",
    "Soldiers opened fire on hundreds of residents who were demonstrating against power cuts in Hargeisa on Friday, "
    "wounding three.",
    "Officers beat dozens of nurses who had staged a sit-in outside the health ministry in Lilongwe on Wednesday.",
    "Gendarmes attacked a crowd of traders who were protesting against new market fees in Bamako on Wednesday.",
]


@pytest.fixture(scope="module")
def force(incidents_of) -> list[list[Mention]]:
    return incidents_of(FORCE_ON_PROTEST, date(2025, 3, 21))


@pytest.mark.parametrize("i", range(len(FORCE_ON_PROTEST)), ids=[t[:40] for t in FORCE_ON_PROTEST])
def test_force_on_a_protests_crowd_is_excessive_force(force, i: int) -> None:
    ms = force[i]
    assert [(m.event_type, m.sub_event_type) for m in ms] == [("Protests", "Excessive force against protesters")], ms
    kinds = {a.role: a.kind for a in ms[0].actors if a.role in ("actor1", "actor2")}
    assert kinds["actor2"] == "protesters" and kinds["actor1"] in ("police", "military", "state forces"), kinds


def _report(article: str, words: str, who: str) -> Mention:
    text = f"{words} was killed."
    return Mention(id=f"m_{article}", article_id=article, event_type="Protests",
                   sub_event_type="Excessive force against protesters",
                   trigger=TextSpan(start=len(words) + 5, end=len(words) + 11, text="killed"),
                   sentence=TextSpan(start=0, end=len(text), text=text),
                   counts=[Count(kind="killed", low=1, high=1, best=1, text=words, start=0, end=len(words), who=who)])


SOURCES = {a: Source(article_id=a, url=None, outlet=f"outlet {a}", published=None) for a in ("a1", "a2", "a3", "a4")}
# (each report's dead: words, counted group; the toll of all sides, or None)
ONE_DEAD_MANY_WORDS = [
    ([("A protester", "a protester"), ("A man", "A man"), ("One of its supporters", "supporters")], None),
    ([("A student", "a student"), ("A young man", "A young man")], None),
    ([("A teacher", "a teacher"), ("A demonstrator", "a demonstrator"), ("A woman", "A woman")], None),
    ([("A protester", "a protester"), ("A policeman", "a policeman")], 2),  # two sides: one armed
    ([("A soldier", "a soldier"), ("A rioter", "a rioter")], 2),
]


@pytest.mark.parametrize(("reports", "total"), ONE_DEAD_MANY_WORDS, ids=[str(i) for i in range(len(ONE_DEAD_MANY_WORDS))])
def test_one_dead_in_other_words_is_not_added_up(reports, total) -> None:
    ms = [_report(f"a{i + 1}", words, who) for i, (words, who) in enumerate(reports)]
    counts, _ = reconcile_counts(ms, SOURCES)
    totals = [c.best for c in counts if c.kind == "killed" and c.who is None]
    assert totals == ([total] if total is not None else []), counts
