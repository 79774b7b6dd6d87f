"""The second opinion: a classifier over sentence embeddings reviewing unsure typings."""

from __future__ import annotations

from pathlib import Path

from eventdesk.extract import second_opinion as so
from eventdesk.extract.events import find_events

RIOT = "Riots/Violent demonstration"
PROTEST = "Protests/Peaceful protest"
MOB = "Riots/Mob violence"


def test_training_data_covers_every_sub_event_type_and_none() -> None:
    from eventdesk.extract.lexicon import lexicon

    _, labels = so.training_data()
    assert set(labels) == set(lexicon().sub_events) | {so.NONE}


def test_the_classifier_tells_speech_from_a_protest() -> None:
    speech, march = so.classifier().opinions([
        "The foreign ministry said it would consult its allies about the situation next week.",
        "Thousands of teachers marched peacefully through the capital on Monday to demand higher pay.",
    ])
    assert speech.top[0] == so.NONE
    assert march.top[0] == PROTEST



def test_a_verdict_retypes_only_to_its_clear_first_choice_within_the_event_type() -> None:
    clear = so.Opinion({RIOT: 0.1, MOB: 0.7, PROTEST: 0.05, so.NONE: 0.15})
    assert so._verdict(clear, RIOT, frozenset({RIOT, MOB})).full_type == MOB
    assert so._verdict(clear, RIOT, frozenset({RIOT, PROTEST})).full_type == RIOT  # not a type of the family
    other_type = so.Opinion({RIOT: 0.1, MOB: 0.05, PROTEST: 0.7, so.NONE: 0.15})
    assert so._verdict(other_type, RIOT, frozenset({RIOT, PROTEST})).full_type == RIOT  # Riots stays Riots
    weak = so.Opinion({RIOT: 0.3, MOB: 0.35, PROTEST: 0.0, so.NONE: 0.35})
    assert so._verdict(weak, RIOT, frozenset({RIOT, MOB})).full_type == RIOT  # not clear enough
    agree = so._verdict(so.Opinion({RIOT: 0.6, MOB: 0.1, PROTEST: 0.1, so.NONE: 0.2}), RIOT, frozenset({RIOT}))
    assert agree.full_type == RIOT and agree.confidence_delta > 0
    doubt = so._verdict(so.Opinion({RIOT: 0.2, MOB: 0.1, PROTEST: 0.1, so.NONE: 0.6}), RIOT, frozenset({RIOT}))
    assert doubt.full_type == RIOT and doubt.confidence_delta < 0  # "none" never removes an event


def test_only_unsure_typings_get_a_second_opinion_and_it_is_in_the_reason(nlp) -> None:
    doc = nlp("Violence erupted in the capital on Friday. Soldiers arrested twelve students on Saturday.")
    vague, ruled = find_events(doc, article_id="t", second_opinion=True)
    assert "second opinion" in vague.reason  # a vague noun: the lexicon is unsure
    assert "second opinion" not in ruled.reason  # typed by a rule over its actors
    plain = find_events(doc, article_id="t")  # off by default
    assert all("second opinion" not in m.reason for m in plain)


def test_the_map_asks_for_second_opinions_only_when_told() -> None:
    from eventdesk.read import read_paths
    from eventdesk.records import Article
    from eventdesk.run.process import Options, process

    examples = Path(__file__).resolve().parents[2] / "examples" / "articles"
    articles = [a for a in read_paths([examples]) if isinstance(a, Article)][:4]
    with_it = [m.reason for p in process(articles, Options(second_opinion=True)) for m in p.mentions]
    without = [m.reason for p in process(articles, Options()) for m in p.mentions]
    assert any("second opinion" in r for r in with_it)
    assert not any("second opinion" in r for r in without)
