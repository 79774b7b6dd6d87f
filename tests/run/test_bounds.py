"""Bounded work per article (run/bounds.py and its use in run/process.py), with the real parser."""

from __future__ import annotations

import time

import pytest

from eventdesk.read.meta import Meta, make_article
from eventdesk.run.bounds import (
    CHARS_PER_TOKEN,
    MAX_WORD_CHARS,
    break_long_runs,
    bounded_doc,
    cut_point,
    paragraph_starts,
    sentence_starts,
    token_limit,
)
from eventdesk.run.process import Options, process

PARA = (
    "Police fired tear gas at hundreds of protesters who marched on the parliament in Colombo on "
    "Saturday, witnesses said. At least 12 people were injured and 40 were arrested."
)


def test_a_long_text_is_cut_at_a_paragraph_boundary() -> None:
    text = "\n\n".join([PARA] * 100)
    at = cut_point(text, 1_000)
    assert at <= 1_000 and text[at:].startswith("\n\n")
    assert cut_point(PARA, 1_000) == len(PARA)


def test_a_text_with_no_break_is_cut_at_a_space_or_at_the_limit() -> None:
    words = "protesters " * 500
    at = cut_point(words, 1_000)
    assert 500 <= at <= 1_000 and words[at] == " "
    assert cut_point("x" * 5_000, 1_000) == 1_000


def test_a_flood_of_symbols_is_cut_by_tokens_not_characters() -> None:
    assert token_limit("(" * 10_000, 4_000) == 4_000 // CHARS_PER_TOKEN
    assert token_limit(PARA * 30, 4_000) == 4_000  # prose is bounded by its length


def test_long_runs_of_symbols_are_broken_for_the_tokenizer_only() -> None:
    text = "Riot " + "\U0001f600" * 1_000 + " http://example.org/" + "a" * 300
    broken = break_long_runs(text)
    assert len(broken) == len(text)
    assert max(len(run) for run in broken.split(" ")) <= 300 + len("http://example.org/")  # the URL is left whole
    assert "\U0001f600" * (MAX_WORD_CHARS + 1) not in broken


def test_prose_gets_no_preset_sentence_starts() -> None:
    assert sentence_starts("\n\n".join([PARA] * 50), 1_000) == []


def test_a_stretch_with_no_sentence_end_is_split_at_lines_and_commas() -> None:
    lines = "\n".join(f"item {i}" for i in range(500))
    starts = sentence_starts(lines, 1_000)
    assert len(starts) == 499  # every line starts a sentence
    commas = "Police arrested " + "men, " * 1_000
    starts = sentence_starts(commas, 1_000)
    assert starts and all(commas[s - 2 : s] == ", " for s in starts)
    pieces = [b - a for a, b in zip([0, *starts], [*starts, len(commas)], strict=True)]
    assert max(pieces) <= 1_000


# Pages whose lines are paragraphs, written for this test: a line with no sentence end (headline,
# standfirst, caption, byline, list item) is a sentence of its own, not the start of the next.
PAGES = [
    ("Gunmen storm village in Kaduna state\nAt least nine people were killed on Sunday, residents said.",
     ["Gunmen storm village in Kaduna state", "At least nine people were killed on Sunday, residents said."]),
    ("KEY POINTS\n\n- Troops retook the town of Kidal on Tuesday.\n\n- Traders marched in Bamako on Wednesday.",
     ["KEY POINTS", "- Troops retook the town of Kidal on Tuesday.", "- Traders marched in Bamako on Wednesday."]),
    ("Riot police face stone-throwing crowd in Lima (Photo: Andean Daily)\nProtesters blocked the Pan-American highway.",
     ["Riot police face stone-throwing crowd in Lima (Photo: Andean Daily)", "Protesters blocked the Pan-American highway."]),
    ("By Ana Ruiz | Updated 14:05\nA grenade hit a bar in Culiacan overnight.",
     ["By Ana Ruiz | Updated 14:05", "A grenade hit a bar in Culiacan overnight."]),
    ("Dhaka clashes: 2 dead, 40 hurt\nRival activists fought with sticks in Dhaka on Monday.",
     ["Dhaka clashes: 2 dead, 40 hurt", "Rival activists fought with sticks in Dhaka on Monday."]),
]
WRAPPED = (
    "Police fired tear gas at hundreds of protesters who\nmarched on the parliament in Colombo on Saturday,\n"
    "witnesses said. At least 12 people were injured\nand 40 were arrested. The police said the march\n"
    "was illegal and that officers had acted with\nrestraint throughout the afternoon."
)


@pytest.mark.parametrize(("text", "want"), PAGES, ids=[p[0][:30] for p in PAGES])
def test_a_line_of_a_page_is_its_own_sentence(nlp, text: str, want: list[str]) -> None:  # type: ignore[no-untyped-def]
    doc = next(nlp.pipe([bounded_doc(nlp, text, 1_000)]))
    # the parser may cut a list item's dash off as a "sentence" of its own: words are what count
    said = [s.text.strip().removeprefix("- ") for s in doc.sents if any(c.isalpha() for c in s.text)]
    assert said == [w.removeprefix("- ") for w in want]


# Flattened articles (one sentence to a line, no blank line, an unstopped headline first), written
# for this test: the parser, left alone, cut the lead at a dateline's slash, brackets or dash
# ("SANAA" / "/" / "RIYADH (...) - ..."). No line is cut before its first sentence end.
FLAT = [
    "Coalition air strike hits market in north Yemen\nSANAA/RIYADH (Gulf Desk) - An air strike hit a market in Saada on Monday, "
    "residents said.\nThe coalition denied it.\nA spokesman called the report false.",
    "Troops and rebels clash near border town\nBOGOTA/CARACAS (Andes Wire) - Soldiers fought rebels near Cucuta on Friday, the "
    "army said.\nFour rebels were killed.\nThe army gave no more details.",
    "Drone hits fuel depot in western Russia\nKYIV/MOSCOW (Steppe News) - A drone set a fuel depot on fire in Bryansk overnight, "
    "the governor said.\nNo one was hurt.\nKyiv did not comment.",
    "Police and students clash over fees\nJOHANNESBURG/PRETORIA (Veld Post) - Police fired rubber bullets at students in Pretoria on "
    "Tuesday, witnesses said.\nTen were arrested.\nThe university closed.",
    "Gunmen kill six in central Mali village\nBAMAKO/MOPTI (Sahel Desk) - Gunmen killed six villagers near Mopti on Sunday, a "
    "local official said.\nThe attackers fled on motorbikes.\nNo group has claimed it.",
]


@pytest.mark.parametrize("text", FLAT, ids=[t[:30] for t in FLAT])
def test_a_flattened_lead_is_not_cut_before_its_first_stop(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    doc = next(nlp.pipe([bounded_doc(nlp, text, 1_000)]))
    assert [s.text.strip() for s in doc.sents] == text.split("\n")


def test_hard_wrapped_prose_keeps_its_sentences_across_lines(nlp) -> None:  # type: ignore[no-untyped-def]
    assert paragraph_starts(WRAPPED) == []
    doc = next(nlp.pipe([bounded_doc(nlp, WRAPPED, 1_000)]))
    assert [s.text.split()[0] for s in doc.sents] == ["Police", "At", "The"]


def test_the_parser_keeps_the_preset_starts(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Police clashed with " + " ".join(["protesters"] * 800)
    doc = next(nlp.pipe([bounded_doc(nlp, text, 1_000)]))
    assert max(s.end_char - s.start_char for s in doc.sents) <= 1_000


def test_a_pathological_text_is_processed_within_bounds(nlp) -> None:  # type: ignore[no-untyped-def]
    """Each of these took minutes and gigabytes before (issue 18); now each is cut, split and
    parsed in seconds, with evidence spans that are the article's text."""
    texts = {
        "no sentence end": "Police clashed " + " ".join(["protesters"] * 150_000),
        "short lines": "Riot in town\n" + "\n".join(f"w{i}" for i in range(100_000)),
        "brackets": "Police arrested " + "(" * 100_000 + ")" * 100_000,
        "emoji": "Riot " + "\U0001f600" * 300_000,
    }
    options = Options(max_article_chars=6_000)
    for name, text in texts.items():
        article = make_article(text, name, Meta(language="en"))
        started = time.perf_counter()
        (done,) = list(process([article], options))
        assert time.perf_counter() - started < 30, name
        assert done.failed is None, (name, done.failed)
        assert len(done.article.text) <= 6_000, name
        assert done.notes and "cut at" in done.notes[0] and "max_article_chars" in done.notes[0]
        assert done.article.removed[-1].reason.startswith("over the length limit")
        for m in done.mentions:
            assert done.article.text[m.sentence.start : m.sentence.end] == m.sentence.text


def test_the_same_article_gives_the_same_result_whatever_its_neighbours(nlp) -> None:  # type: ignore[no-untyped-def]
    """A batch with a pathological article processes the others exactly as alone."""
    good = make_article("\n\n".join([PARA] * 3), "good.txt", Meta(language="en"))
    bad = make_article("Riot " + "(" * 50_000, "bad.txt", Meta(language="en"))
    alone = list(process([good]))[0]
    together = [d for d in process([bad, good]) if d.article.source == "good.txt"][0]
    assert together.mentions == alone.mentions
