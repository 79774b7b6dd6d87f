"""Two incidents one article dates to different days are two events, even of a kind assemble
does not number (arrests): written for this test (none from a dev set or sample)."""

from __future__ import annotations

from datetime import date

import pytest

from eventdesk.link.events import assign_events

ARTICLES = [
    "Riots in Rochdale\n\nFourteen people were arrested in Rochdale on Saturday night.\n\n"
    "Police said 22 people were arrested in Rochdale on Sunday night.",
    "Unrest in Nantes\n\nPolice detained 31 people in Nantes on Monday night.\n\n"
    "Nine more people were detained in Nantes on Tuesday night.",
    "Farmers held in Ludhiana\n\nPolice arrested 15 farmers at a sit-in in Ludhiana on Monday.\n\n"
    "Police arrested 30 more farmers in Ludhiana on Tuesday.",
    "Arrests in Dhaka\n\nPolice arrested 40 opposition activists in Dhaka on Wednesday.\n\n"
    "Another 25 activists were arrested in Dhaka on Thursday.",
    "Raids in Karachi\n\nRangers detained 12 suspects in Karachi on Monday.\n\n"
    "Rangers detained eight more suspects in Karachi on Wednesday.",
]


@pytest.mark.parametrize("text", ARTICLES, ids=[t.split("\n")[0] for t in ARTICLES])
def test_an_articles_two_days_are_two_events(incidents_of, text: str) -> None:  # type: ignore[no-untyped-def]
    [found] = incidents_of([text], date(2025, 6, 17))
    body = [m for m in found if m.sentence.start > 0 and m.event_type == "Strategic developments"]
    assert len({m.when.value for m in body}) == 2, [(m.sentence.text[:30], m.when and m.when.value) for m in found]
    events = assign_events(body, {}, {m.article_id: "s_1" for m in body})
    assert len(set(events.values())) == 2
