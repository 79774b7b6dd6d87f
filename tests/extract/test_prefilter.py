"""The fast path's sentence pre-filter, and the fast path against a full parse."""

from __future__ import annotations

from pathlib import Path

from eventdesk.extract.prefilter import for_parser, sentences, split_for_parse
from eventdesk.read import read_paths
from eventdesk.records import Article
from eventdesk.run.process import Options, process

TEXT = (
    "Police fire tear gas at marchers in Colombo\n\n"
    "COLOMBO, April 2 - Police fired tear gas at thousands of marchers on Saturday.\n\n"
    "The march had been called by opposition parties.\n\n"
    "The committee set a date for its next meeting. Protesters set fire to two buses.\n\n"
    "The city is known for its tea. Officials said talks would resume."
)


def test_sentences_are_rough_spans_inside_lines() -> None:
    spans = sentences(TEXT)
    texts = [TEXT[s:e] for s, e in spans]
    assert "The committee set a date for its next meeting." in texts
    assert "Protesters set fire to two buses." in texts
    assert all("\n" not in t for t in texts)


def test_unwanted_sentences_are_blanked_to_the_same_length() -> None:
    parse, rest, kept = split_for_parse(TEXT)
    assert len(parse) == len(rest) == len(TEXT)
    assert "Protesters set fire to two buses." in parse  # "set" with its required "fire"
    assert "committee set a date" not in parse and "committee set a date" in rest
    assert "known for its tea" not in parse
    assert parse.startswith("Police fire tear gas")  # the lead is always parsed
    assert 0 < kept < 1


def test_fast_path_gives_the_same_mentions_as_a_full_parse_on_the_samples(samples: list[Path]) -> None:
    articles = [a for a in read_paths(samples) if isinstance(a, Article)]
    full = list(process(articles, Options(fast=False)))
    fast = list(process(articles, Options(fast=True)))

    def keys(results):  # type: ignore[no-untyped-def]
        return {(p.article.id, m.sentence.start, m.event_type, m.sub_event_type, len(m.counts)) for p in results for m in p.mentions}

    assert keys(fast) == keys(full)
    for p in fast:
        for m in p.mentions:
            assert p.article.text[m.sentence.start : m.sentence.end] == m.sentence.text


def test_the_parser_sees_closed_headlines_and_datelines_at_the_same_length() -> None:
    text = "Police Fire Tear Gas, Army Sends Troops\n\nCOLOMBO, April 2 (Wire) - Police fired tear gas."
    seen = for_parser(text)
    assert len(seen) == len(text)
    assert "army sends troops.\n" in seen  # sentence case, closed by a stop
    assert "(Wire) . Police fired" in seen  # the dateline's dash ends a sentence
    assert for_parser("The army - and the police - fired.") == "The army - and the police - fired."
