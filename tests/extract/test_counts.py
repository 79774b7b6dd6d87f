"""Counts: quantity phrases read as ranges, and the event counts of real parsed sentences."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventdesk.extract.counts import (
    Quantity,
    find_count_candidates,
    find_counts,
    parse_quantity,
)
from eventdesk.records import Count

# ---------------------------------------------------------------- parse_quantity


@pytest.mark.parametrize(
    ("text", "low", "high", "best", "vague"),
    [
        # exact numbers, digits and words
        ("18", 18, 18, 18, False),
        ("two", 2, 2, 2, False),
        ("2,000", 2000, 2000, 2000, False),
        ("19 million", 19_000_000, 19_000_000, 19_000_000, False),
        ("1.5 million", 1_500_000, 1_500_000, 1_500_000, False),
        ("twenty-five", 25, 25, 25, False),
        ("twenty five", 25, 25, 25, False),
        ("one hundred and fifty", 150, 150, 150, False),
        ("three thousand five hundred", 3500, 3500, 3500, False),
        ("a hundred", 100, 100, 100, False),
        ("a dozen", 12, 12, 12, False),
        ("two dozen", 24, 24, 24, False),
        # open bounds
        ("at least 18", 18, None, 18, False),
        ("18 or more", 18, None, 18, False),
        ("2,000-plus", 2000, None, 2000, False),
        ("more than 2,000", 2001, None, 2001, False),
        ("More than 2,000", 2001, None, 2001, False),
        ("over 2,000", 2001, None, 2001, False),
        ("more than a dozen", 13, None, 13, False),
        # approximations
        ("nearly 100", 90, 99, 90, True),
        ("almost 100", 90, 99, 90, True),
        ("nearly 200", 180, 199, 180, True),
        ("about 3,000", 2700, 3300, 3000, True),
        ("around 3,000", 2700, 3300, 3000, True),
        ("some 3,000", 2700, 3300, 3000, True),
        ("roughly 3,000", 2700, 3300, 3000, True),
        ("an estimated 3,000", 2700, 3300, 3000, True),
        ("about 5", 4, 6, 5, True),
        ("about a dozen", 11, 13, 12, True),
        # ceilings: no figure is invented
        ("up to 50", None, 50, None, False),
        ("as many as 50", None, 50, None, False),
        ("fewer than 50", None, 49, None, False),
        # explicit ranges
        ("between 10 and 20", 10, 20, 10, False),
        ("10 to 20", 10, 20, 10, False),
        ("10-20", 10, 20, 10, False),
        ("two or three", 2, 3, 2, False),
        # vague words: ACLED's unit as the best figure
        ("a few", 2, 9, 2, True),
        ("several", 3, 9, 3, True),
        ("a handful", 3, 9, 3, True),
        ("tens", 10, 99, 10, True),
        ("dozens", 12, 99, 12, True),
        ("Dozens", 12, 99, 12, True),
        ("scores", 20, 99, 20, True),
        ("hundreds", 100, 999, 100, True),
        ("thousands", 1000, 9999, 1000, True),
        ("tens of thousands", 10_000, 99_999, 10_000, True),
        ("hundreds of thousands", 100_000, 999_999, 100_000, True),
        ("millions", 1_000_000, 9_999_999, 1_000_000, True),
        ("several hundred", 300, 999, 300, True),
        ("a few thousand", 2000, 9999, 2000, True),
        ("a few dozen", 24, 119, 24, True),
        # modifiers on vague words open their range
        ("at least dozens", 12, None, 12, True),
        ("up to hundreds", None, 999, None, True),
    ],
)
def test_parse_quantity_conventions(
    text: str, low: int | None, high: int | None, best: int | None, vague: bool
) -> None:
    assert parse_quantity(text) == Quantity(low, high, best, vague)


@pytest.mark.parametrize(
    "text", ["", "many", "numerous", "a", "2,000 people", "the day", "one-two", "hundred and"]
)
def test_parse_quantity_rejects_non_quantities(text: str) -> None:
    assert parse_quantity(text) is None


def test_parse_quantity_keeps_low_best_high_in_order() -> None:
    phrases = [
        "18", "at least 18", "more than 2,000", "nearly 100", "nearly 2", "about 5",
        "about 3,000", "up to 50", "fewer than 50", "between 10 and 20", "a few", "several",
        "a handful", "tens", "dozens", "scores", "hundreds", "thousands", "tens of thousands",
        "hundreds of thousands", "millions", "several hundred", "a few dozen",
    ]  # fmt: skip
    for phrase in phrases:
        q = parse_quantity(phrase)
        assert q is not None, phrase
        bounds = [v for v in (q.low, q.best, q.high) if v is not None]
        assert bounds == sorted(bounds), (phrase, q)


# ---------------------------------------------------------------- find_counts


def counts(nlp, text: str) -> list[Count]:
    doc = nlp(text)
    found = find_counts(doc)
    for count in found:
        assert count.text == doc.text[count.start : count.end]
    return found


def only(nlp, text: str) -> Count:
    found = counts(nlp, text)
    assert len(found) == 1, found
    return found[0]


def test_active_verb_with_vague_object(nlp) -> None:
    c = only(nlp, "Police said they had killed dozens of protesters.")
    assert (c.kind, c.low, c.high, c.best) == ("killed", 12, 99, 12)
    assert c.who == "protesters"
    assert c.text == "dozens of protesters"


def test_passive_with_open_bound_and_included_group(nlp) -> None:
    found = counts(
        nlp, "At least 18 members of the security forces were killed, including two found beheaded."
    )
    assert [(c.kind, c.low, c.high, c.best) for c in found] == [
        ("killed", 18, None, 18),
        ("killed", 2, 2, 2),
    ]
    assert found[0].who == "members of the security forces"
    assert found[0].text == "At least 18 members of the security forces"
    assert found[1].text == "two"
    assert found[1].who == "members of the security forces"  # folded into the earlier group


def test_perfect_passive_more_than(nlp) -> None:
    c = only(nlp, "More than 2,000 people have been arrested.")
    assert (c.kind, c.low, c.high, c.best, c.who) == ("arrested", 2001, None, 2001, "people")


def test_protest_noun_makes_participants(nlp) -> None:
    c = only(nlp, "Hundreds of protesters occupied the square.")
    assert (c.kind, c.best, c.who) == ("participants", 100, "protesters")


def test_protesters_in_a_passive_agent_are_participants(nlp) -> None:
    c = only(nlp, "The square was occupied by troops and hundreds of protesters.")
    assert (c.kind, c.best) == ("participants", 100)


def test_nearly_injured(nlp) -> None:
    c = only(nlp, "Nearly 200 people were injured.")
    assert (c.kind, c.low, c.high, c.best) == ("injured", 180, 199, 180)


@pytest.mark.parametrize(
    ("text", "kind", "best", "who"),
    [
        ("Twelve people died in the clashes.", "killed", 12, "people"),
        ("The bodies of 12 people were found.", "killed", 12, "people"),
        ("The attack left 12 people dead.", "killed", 12, "people"),
        ("Three people were reported killed.", "killed", 3, "people"),
        ("The death toll rose to 40.", "killed", 40, None),
        ("Six Palestinians killed by soldiers", "killed", 6, "Palestinians"),
        ("Scores of people were wounded.", "injured", 20, "people"),
        ("Over 300 people were detained in the capital, police said.", "arrested", 301, "people"),
        ("Some 500 people remain in custody.", "arrested", 500, "people"),
        ("Police detained a few dozen activists.", "arrested", 24, "activists"),
        ("Thousands of people fled their homes.", "displaced", 1000, "people"),
        ("Three journalists are missing.", "missing", 3, "journalists"),
        ("Thousands gathered in the capital.", "participants", 1000, None),
        ("Tens of thousands of people took to the streets.", "participants", 10_000, "people"),
        ("The rally drew 10,000 people.", "participants", 10_000, "people"),
        ("The fire destroyed 12 vehicles.", "other", 12, "vehicles"),
        ("Several government buildings were destroyed.", "other", 3, "government buildings"),
    ],
)
def test_kind_from_context(nlp, text: str, kind: str, best: int, who: str | None) -> None:
    c = only(nlp, text)
    assert (c.kind, c.best, c.who) == (kind, best, who)


def test_doer_is_not_the_victim(nlp) -> None:
    found = counts(nlp, "Dozens of soldiers killed 5 civilians.")
    assert [(c.kind, c.best, c.who) for c in found] == [("killed", 5, "civilians")]


def test_two_kinds_in_one_sentence(nlp) -> None:
    found = counts(nlp, "The attack killed twenty-five people and wounded 40 others.")
    assert [(c.kind, c.best) for c in found] == [("killed", 25), ("injured", 40)]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("The protests crippled a nation of 19 million people.", "population"),
        ("Samal, a 29-year-old teacher, said it.", "date"),
        ("The law was passed in 2022.", "date"),
        ("It was the worst violence in the country's 30 years of independence.", "date"),
        ("The deal is worth $40 billion.", "money"),
        ("Turnout was 45 percent.", "percent"),
        ("Kazakhstan is one of Moscow's closest allies.", "no event"),
        ("No one was killed.", "negated"),
    ],
)
def test_not_event_counts_are_skipped_with_a_reason(nlp, text: str, reason: str) -> None:
    doc = nlp(text)
    assert find_counts(doc) == []
    candidates = find_count_candidates(doc)
    assert candidates, "the number should still be seen, and skipped"
    assert all(reason in c.reason for c in candidates), candidates


def test_span_offsets_point_into_the_doc(nlp) -> None:
    doc = nlp("Protests spread. More than 2,000 people have been arrested.")
    sentence = list(doc.sents)[1]
    (c,) = find_counts(sentence)
    assert doc.text[c.start : c.end] == "More than 2,000 people"


# ---------------------------------------------------------------- shared samples


def sample_counts(nlp, samples: list[Path]) -> list[list[Count]]:
    return [find_counts(nlp(path.read_text(encoding="utf-8"))) for path in samples]


def figures(found: list[Count]) -> set[tuple[str, int | None, int | None, int | None]]:
    return {(c.kind, c.low, c.high, c.best) for c in found}


def test_samples_counts(nlp, samples: list[Path]) -> None:
    by_article = sample_counts(nlp, samples)
    assert len(by_article) >= 2
    first, second = by_article[0], by_article[1]
    for doc_counts, path in zip(by_article, samples, strict=True):
        text = path.read_text(encoding="utf-8")
        assert all(text[c.start : c.end] == c.text for c in doc_counts)
    assert {
        ("killed", 12, 99, 12),  # dozens of protesters killed
        ("killed", 18, None, 18),  # at least 18 of the security forces
        ("killed", 2, 2, 2),  # two of them found beheaded
        ("arrested", 2001, None, 2001),  # more than 2,000 arrested
        ("participants", 100, 999, 100),  # hundreds of protesters
    } <= figures(first)
    assert ("killed", 12, 99, 12) in figures(second)  # dozens of people killed
    security = [c for c in first if c.kind == "killed" and c.low == 18]
    assert security and "security forces" in (security[0].who or "")
    # the population of the country is not a count of anything that happened
    assert all((c.best or 0) < 1_000_000 for c in second)
    assert not any(c.kind == "killed" and c.best == 29 for c in first)  # an age
