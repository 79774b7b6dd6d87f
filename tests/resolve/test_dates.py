"""Date resolution: real spaCy pipeline, real sentences, anchor 2022-01-07 (a Friday)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from eventdesk.records import When
from eventdesk.resolve.dates import find_times, publication_date, resolve_expression

FRIDAY = date(2022, 1, 7)


def times(nlp, text: str, anchor: date | None = FRIDAY) -> list[When]:
    return find_times(nlp(text), anchor)


def only(nlp, text: str, anchor: date | None = FRIDAY) -> When:
    found = times(nlp, text, anchor)
    assert len(found) == 1, [(w.expression, w.reason) for w in found]
    return found[0]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Police opened fire on protesters on Thursday.", date(2022, 1, 6)),
        ("Protesters gathered in the square Thursday night.", date(2022, 1, 6)),
        ("Thursday's unrest left dozens dead.", date(2022, 1, 6)),
        ("The president addressed the nation on Sunday.", date(2022, 1, 2)),
        ("Troops arrived in Almaty on Friday.", date(2022, 1, 7)),
        ("The airport was seized yesterday.", date(2022, 1, 6)),
        ("Clashes continued today in the city.", date(2022, 1, 7)),
        ("Troops landed on Jan. 5, 2022, officials said.", date(2022, 1, 5)),
        ("Troops landed on 5 January 2022.", date(2022, 1, 5)),
        ("The decree is dated 2022-01-05.", date(2022, 1, 5)),
        ("Troops landed on January 5, officials said.", date(2022, 1, 5)),
        ("The protests began on December 28.", date(2021, 12, 28)),
    ],
)
def test_relative_and_explicit_days(nlp, sentence: str, expected: date) -> None:
    when = only(nlp, sentence)
    assert when.value == expected
    assert when.precision == "day"
    assert when.anchor == FRIDAY
    assert when.reason


def test_offsets_point_into_the_text(nlp) -> None:
    text = "Shops were looted on Wednesday.\nOn Thursday night troops fired."
    found = times(nlp, text)
    assert [w.expression for w in found] == ["Wednesday", "Thursday night"]
    assert all(text[w.start : w.end] == w.expression for w in found)


def test_span_input_keeps_doc_offsets(nlp) -> None:
    doc = nlp("Shops were looted on Wednesday. Troops fired on Thursday.")
    second = list(doc.sents)[1]
    (when,) = find_times(second, FRIDAY)
    assert when.value == date(2022, 1, 6)
    assert doc.text[when.start : when.end] == "Thursday"


def test_last_week_has_week_precision(nlp) -> None:
    when = only(nlp, "Demonstrations started last week over fuel prices.")
    assert (when.precision, when.value) == ("week", date(2021, 12, 27))


def test_three_years_ago_has_year_precision(nlp) -> None:
    when = only(nlp, "The law was passed three years ago.")
    assert (when.precision, when.value) == ("year", date(2019, 1, 1))


def test_months(nlp) -> None:
    assert only(nlp, "Prices rose last month.").value == date(2021, 12, 1)
    when = only(nlp, "The riots broke out in March.")
    assert (when.precision, when.value) == ("month", date(2021, 3, 1))


@pytest.mark.parametrize(
    "sentence",
    [
        "It was the worst violence since Kazakhstan's 30 years of independence.",
        '"I didn\'t know," said Samal, a 29-year-old kindergarten teacher.',
        "The strike lasted for three days.",
        "Talks went on for two weeks.",
        "Protesters gather every Friday in the square.",
        "Rallies are held on Fridays.",
    ],
)
def test_durations_ages_and_sets_are_not_dates(nlp, sentence: str) -> None:
    assert times(nlp, sentence) == []


def test_future_clause_looks_forward(nlp) -> None:
    assert only(nlp, "Parliament will vote on Monday.").value == date(2022, 1, 10)
    assert only(nlp, "The talks are scheduled for Monday.").value == date(2022, 1, 10)
    assert only(nlp, "The measures are to be voted on Thursday.").value == date(2022, 1, 13)
    assert only(nlp, "The envoy arrives tomorrow.").value == date(2022, 1, 8)
    assert only(nlp, "Police said on Monday they had arrested 20.").value == date(2022, 1, 3)


def test_month_day_without_tense_takes_the_nearer_year(nlp) -> None:
    # Published November 5: "arrives on November 11" is six days ahead, not last year.
    when = only(nlp, "The plane arrives on November 11.", date(2005, 11, 5))
    assert when.value == date(2005, 11, 11)
    when = only(nlp, "The plane arrived on November 11.", date(2005, 11, 5))
    assert when.value == date(2004, 11, 11)


def test_no_anchor_keeps_the_expression_without_a_value(nlp) -> None:
    text = "Police opened fire on Thursday."
    when = only(nlp, text, None)
    assert (when.value, when.precision, when.expression) == (None, "unknown", "Thursday")
    assert "publication date" in when.reason
    assert text[when.start : when.end] == "Thursday"


def test_no_anchor_explicit_dates_still_resolve(nlp) -> None:
    when = only(nlp, "Troops landed on January 5, 2022.", None)
    assert (when.value, when.precision) == (date(2022, 1, 5), "day")


def test_dates_inside_urls_are_skipped(nlp) -> None:
    assert times(nlp, "Source: http://example.com/news/2010-05-05/riots-in-athens") == []


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        ("Thursday", FRIDAY, date(2022, 1, 6)),
        ("on Sunday", FRIDAY, date(2022, 1, 2)),
        ("on Friday", FRIDAY, date(2022, 1, 7)),
        ("last Friday", FRIDAY, date(2021, 12, 31)),
        ("next Monday", FRIDAY, date(2022, 1, 10)),
        ("on Thursday", date(2022, 1, 1), date(2021, 12, 30)),  # across the year end
        ("on Thursday", date(2024, 3, 1), date(2024, 2, 29)),  # leap day
        ("on Monday", date(2022, 3, 2), date(2022, 2, 28)),  # across a month end
        ("February 29", date(2022, 3, 1), date(2020, 2, 29)),
        ("March 01, 2008", None, date(2008, 3, 1)),
        ("January 5, 2022", None, date(2022, 1, 5)),
        ("7/8/07", None, date(2007, 7, 8)),
        ("the 5th of May", FRIDAY, date(2021, 5, 5)),
    ],
)
def test_resolve_expression_days(text: str, anchor: date | None, expected: date) -> None:
    when = resolve_expression(text, anchor)
    assert (when.value, when.precision, when.expression) == (expected, "day", text)


def test_resolve_expression_future_flag() -> None:
    assert resolve_expression("on Monday", FRIDAY, future=True).value == date(2022, 1, 10)
    assert resolve_expression("January 5", FRIDAY, future=True).value == date(2023, 1, 5)
    assert resolve_expression("in March", FRIDAY, future=True).value == date(2022, 3, 1)


@pytest.mark.parametrize(
    ("text", "precision", "expected"),
    [
        ("last week", "week", date(2021, 12, 27)),
        ("this week", "week", date(2022, 1, 3)),
        ("two weeks ago", "week", date(2021, 12, 20)),
        ("last month", "month", date(2021, 12, 1)),
        ("next month", "month", date(2022, 2, 1)),
        ("April last year", "month", date(2021, 4, 1)),
        ("May 2012", "month", date(2012, 5, 1)),
        ("three years ago", "year", date(2019, 1, 1)),
        ("last year", "year", date(2021, 1, 1)),
        ("mid-2006", "year", date(2006, 1, 1)),
    ],
)
def test_resolve_expression_periods(text: str, precision: str, expected: date) -> None:
    when = resolve_expression(text, FRIDAY)
    assert (when.precision, when.value) == (precision, expected)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("30 years of independence", "duration"),
        ("for three days", "duration"),
        ("two weeks", "duration"),
        ("a 29-year-old", "age"),
        ("every Friday", "set"),
        ("2010-11", "year_range"),
    ],
)
def test_resolve_expression_non_dates(text: str, kind: str) -> None:
    when = resolve_expression(text, FRIDAY)
    assert (when.value, when.precision) == (None, "unknown")
    assert kind in when.reason


def test_resolve_expression_without_anchor() -> None:
    when = resolve_expression("yesterday", None)
    assert (when.value, when.precision, when.expression) == (None, "unknown", "yesterday")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Airbus delays tour\nMarch 01, 2008\nText follows.", date(2008, 3, 1)),
        ("http://x.com/a\nTitle\nPUBLISHED: 02:31 GMT, 12 March 2013 | UPDATED", date(2013, 3, 12)),
        ("Title\nUpdated 5/5/2010 1:41 PM\nBody.", date(2010, 5, 5)),
        ("Title\nTue Jul 2, 2013 1:28PM GMT\nBody.", date(2013, 7, 2)),
        ("http://www.example.com/2010/05/05/riots/\nTitle\nBody.", date(2010, 5, 5)),
        ("ALMATY, Jan 6 (Reuters) - Troops fired on protesters.", None),
        ("No date here.\nNone at all.", None),
    ],
)
def test_publication_date(text: str, expected: date | None) -> None:
    assert publication_date(text) == expected


def test_publication_date_without_year_needs_a_near_date() -> None:
    text = "ALMATY, Jan 6 (Reuters) - Troops fired on protesters."
    assert publication_date(text, near=date(2022, 1, 8)) == date(2022, 1, 6)


def test_sample_article(nlp, samples: list[Path]) -> None:
    path = next((p for p in samples if p.name.startswith("000_")), None)
    if path is None:
        pytest.skip("sample 000_ (Kazakhstan, Almaty) is absent")
    text = path.read_text(encoding="utf-8")
    found = find_times(nlp(text), FRIDAY)
    assert all(text[w.start : w.end] == w.expression for w in found)
    assert not any("year-old" in text[w.start : w.end + 5] for w in found)
    assert not any((w.expression or "").startswith("30 years") for w in found)
    thursdays = [w for w in found if (w.expression or "").startswith("Thursday")]
    assert thursdays and all(w.value == date(2022, 1, 6) for w in thursdays)
