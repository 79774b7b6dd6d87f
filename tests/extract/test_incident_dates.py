"""Each incident's date, on sentences written for these tests (none from a dev set or sample):
its own clause's time expression first, resolved against the publication date, never after it,
never invented (date traps)."""

from __future__ import annotations

from datetime import date

import pytest

from eventdesk.records import Article
from eventdesk.run.process import Options, process

PUBLISHED = date(2025, 12, 14)  # a Sunday

# (sentence, publication date, {event type: (date or None, precision)})
PROBES = [
    ("Gunmen killed three farmers near Jos, Nigeria, on Thursday.", PUBLISHED,
     {"Violence against civilians": (date(2025, 12, 11), "day")}),
    ("Police arrested 40 protesters in Lima earlier this week.", PUBLISHED,
     {"Strategic developments": (date(2025, 12, 8), "week")}),
    ("A bomb exploded at a market in Kabul on Dec. 6, killing four people.", PUBLISHED,
     {"Explosions/Remote violence": (date(2025, 12, 6), "day")}),
    # a day-month after the publication date is last year's, never a future day
    ("A grenade exploded at a bus stop in Kampala on 20 December, wounding seven people.", PUBLISHED,
     {"Explosions/Remote violence": (date(2024, 12, 20), "day")}),
    ("Rebels attacked an army post near Goma in November, killing six soldiers.", PUBLISHED,
     {"Battles": (date(2025, 11, 1), "month")}),
    ("Police arrested 40 protesters in Lima last month.", PUBLISHED,
     {"Strategic developments": (date(2025, 11, 1), "month")}),
    ("Two years ago, gunmen killed 12 villagers in a raid near Kidal, Mali.", PUBLISHED,
     {"Violence against civilians": (date(2023, 1, 1), "year")}),
    # each clause its own time: the arrest on Friday, the killing in March
    ("The man who was arrested on Friday had killed two guards at a bank in Accra in March.", PUBLISHED,
     {"Strategic developments": (date(2025, 12, 12), "day"), "Violence against civilians": (date(2025, 3, 1), "month")}),
    # a year the text gives is kept, however far back
    ("Rebels attacked a convoy near Goma in 2019, killing five soldiers, the court heard.", PUBLISHED,
     {"Battles": (date(2019, 1, 1), "year")}),
    # an undated article: a weekday resolves to nothing
    ("Gunmen killed three farmers near Jos, Nigeria, on Thursday.", None,
     {"Violence against civilians": (None, "unknown")}),
]


@pytest.fixture(scope="module")
def dated() -> list[dict[str, tuple[date | None, str]]]:
    articles = [Article(id=Article.make_id(s, str(pub)), source="probe", text=s, published=pub) for s, pub, _ in PROBES]
    return [{m.event_type: (m.when.value, m.when.precision) for m in done.mentions if m.when is not None}
            for done in process(articles, Options())]


@pytest.mark.parametrize("i", range(len(PROBES)), ids=[f"{p[0][:36]}|{p[1]}" for p in PROBES])
def test_incident_date(dated, i: int) -> None:
    assert dated[i] == PROBES[i][2]
