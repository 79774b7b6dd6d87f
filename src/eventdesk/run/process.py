"""The per-article map: read article → clean → nlp → extract & resolve → Processed.

A pure function of the articles and read-only resources (the spaCy pipeline, the gazetteer,
the lexicons, and the sentence encoder when the second opinion is on), so it runs the same in
one process, in a pool, or on a cluster.
"""

from __future__ import annotations

import hashlib
import logging
import re
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from eventdesk import nlp
from eventdesk.clean import clean
from eventdesk.config import Config
from eventdesk.extract import extract
from eventdesk.assemble import assemble
from eventdesk.judge.verdicts import judge
from eventdesk.link.copies import copy_features
from eventdesk.extract.prefilter import for_parser, split_for_parse
from eventdesk.records import Article, Mention, SkipReason, TextSpan
from eventdesk.resolve.dates import publication_date

log = logging.getLogger(__name__)

# Entity labels that identify what a story is about (for the story clustering).
STORY_ENTITY_LABELS = frozenset({"GPE", "LOC", "FAC", "PERSON", "ORG", "NORP", "EVENT"})
TOP_ENTITIES = 20  # entities kept per article: enough for overlap, small in the store
# Entity labels that name a place: place overlap is weighed apart from other entities.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
TOP_PLACES = 10  # places kept per article (the main ones come first: most mentioned)
# Content words (nouns, proper nouns, verbs, adjectives) kept per article for the lexical
# similarity of the story step: 40 covers what a 300-word report is about and keeps a row small.
TOP_TERMS = 40
TERM_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ"})
# Years written in the text ("in 2008"): two incidents of the same kind years apart are told
# apart by them when the publication date is missing.
YEAR = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")


@dataclass(frozen=True)
class Options:
    """How the map processes articles (picklable: it travels to pool and Dask workers)."""

    model: str = nlp.DEFAULT_MODEL  # the spaCy pipeline
    fast: bool = True  # the fast path: only sentences that can carry an event get the full parse
    second_opinion: bool = False  # the embedding classifier reviews typings the lexicon is unsure of
    judge: bool = True  # the incident judge keeps, flags and types the candidates (judge/)

    @classmethod
    def from_config(cls, config: Config) -> Options:
        """The options a configuration asks for (data/defaults.toml, eventdesk.toml, EVENTDESK_*)."""
        return cls(model=config.model, fast=config.fast_path, second_opinion=config.second_opinion, judge=config.judge)


@dataclass
class Processed:
    """One article after the map: cleaned, with its mentions and link features."""

    article: Article
    mentions: list[Mention] = field(default_factory=list)
    features: dict = field(default_factory=dict)


def normalised_hash(text: str) -> str:
    """Hash of the text with case, punctuation and spacing removed (exact-duplicate key)."""
    norm = " ".join(re.findall(r"\w+", text.lower()))
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:32]


def _features(article: Article, doc=None, rest=None) -> dict:  # type: ignore[no-untyped-def]
    """Link features of one article: content hash, and when parsed: entities, places, content
    words, years mentioned and the MinHash signature (a pure function of the article).

    On the fast path `doc` holds the parsed sentences and `rest` the others, only tagged and
    lemmatised: content words come from both (the stories step leans on them), entities from
    `doc` alone."""
    feats: dict = {"content_hash": normalised_hash(article.text)}
    if doc is not None:
        ents = [e for e in doc.ents if e.label_ in STORY_ENTITY_LABELS]
        names = Counter(e.text.lower().removeprefix("the ") for e in ents)
        places = Counter(e.text.lower().removeprefix("the ") for e in ents if e.label_ in PLACE_LABELS)
        terms = Counter(
            t.lemma_.lower()
            for d in (doc, rest) if d is not None
            for t in d if t.pos_ in TERM_POS and t.is_alpha and not t.is_stop and len(t) > 2
        )  # fmt: skip
        feats["entities"] = [name for name, _ in names.most_common(TOP_ENTITIES)]
        feats["places"] = [name for name, _ in places.most_common(TOP_PLACES)]
        feats["terms"] = dict(terms.most_common(TOP_TERMS))
        feats["years"] = dict(Counter(int(y) for y in YEAR.findall(article.text)).most_common())
        feats.update(copy_features(article.text))
    return feats


def _prepare(article: Article) -> Article:
    article = clean(article)
    if article.published is None and article.skipped is None:
        # No date in the metadata: a dateline ("March 01, 2008" under the headline) may give it.
        article = article.model_copy(update={"published": publication_date(article.text)})
    if article.skipped is None and not article.text.strip():
        article = article.model_copy(
            update={"skipped": SkipReason.NO_TEXT_AFTER_CLEANING, "skip_detail": "no text left after cleaning"}
        )
    return article


def process(
    articles: Iterable[Article],
    options: Options = Options(),  # noqa: B008 (frozen, so a shared default is safe)
    *,
    timings: dict[str, float] | None = None,
) -> Iterator[Processed]:
    """Process articles in order, parsing the extractable ones in nlp.pipe batches.

    With `options.fast` (the fast path), sentences that cannot carry an event are blanked before the
    full parse (extract/prefilter.py) and only tagged, for the stories' content words.
    Streams: at most one nlp batch of articles is held at a time. `timings`, if given, collects
    seconds per stage (clean, parse, extract) for the benchmark.
    """
    clock = _Clock(timings)
    pipeline = nlp.load(options.model)
    it = iter(articles)
    while batch := clock.run("clean", lambda: [_prepare(a) for a in islice(it, nlp.BATCH_SIZE)]):
        todo = [a for a in batch if a.skipped is None]
        if options.fast:
            split = clock.run("clean", lambda: [split_for_parse(for_parser(a.text)) for a in todo])
            docs = pipeline.pipe((p for p, _, _ in split), batch_size=nlp.BATCH_SIZE)
            rests = pipeline.pipe((r for _, r, _ in split), batch_size=nlp.BATCH_SIZE, disable=nlp.TAGGING_ONLY)
        else:
            docs = pipeline.pipe((for_parser(a.text) for a in todo), batch_size=nlp.BATCH_SIZE)
            rests = iter([None] * len(todo))
        parsed = zip(docs, rests)
        for article in batch:
            if article.skipped is not None:
                yield _one(article, None)
                continue
            pair = clock.run("parse", lambda: next(parsed))
            yield clock.run("extract", lambda: _one(article, *pair, options))  # noqa: B023 (called at once)


class _Clock:
    """Seconds per stage, when asked for (a no-op otherwise)."""

    def __init__(self, timings: dict[str, float] | None) -> None:
        self.timings = timings

    def run(self, stage: str, fn):  # type: ignore[no-untyped-def]
        if self.timings is None:
            return fn()
        start = time.perf_counter()
        try:
            return fn()
        finally:
            self.timings[stage] = self.timings.get(stage, 0.0) + time.perf_counter() - start


def _one(article: Article, doc, rest=None, options: Options = Options()) -> Processed:  # type: ignore[no-untyped-def]  # noqa: B008
    if doc is None:
        return Processed(article, [], _features(article))
    try:
        mentions = extract(doc, article, rest=rest, second_opinion=options.second_opinion)
        if options.judge and mentions:
            mentions = assemble(judge(mentions))
    except Exception as exc:  # one bad article must not stop the batch: record why
        log.exception("extraction failed for %s", article.source)
        failed = article.model_copy(
            update={"skipped": SkipReason.EXTRACTION_ERROR, "skip_detail": f"{type(exc).__name__}: {exc}"}
        )
        return Processed(failed, [], _features(failed))
    parsed = doc.text
    if parsed != article.text:  # blanked sentences or a re-cased headline: words from the article
        mentions = [_from_article(_within_parsed(m, article.text, parsed), article.text) for m in mentions]
    return Processed(article, mentions, _features(article, doc, rest))


def _within_parsed(mention: Mention, text: str, parsed: str) -> Mention:
    """Cut a sentence span where the parsed text stops matching the article (a blanked
    sentence the parser ran into), so every evidence text is the article's text."""
    s, e = mention.sentence.start, mention.sentence.end
    cut = next((i for i in range(s, e) if parsed[i].lower() != text[i].lower()), e)
    end = s + len(text[s:cut].rstrip())
    if end == e:
        return mention
    return mention.model_copy(update={"sentence": TextSpan(start=s, end=end, text=text[s:end])})


def _from_article(mention: Mention, text: str) -> Mention:
    """Every text field of a mention re-read from the article at its offsets (the parse may
    have seen a re-cased headline: "sends" for "Sends")."""

    def span(x):  # type: ignore[no-untyped-def]
        return x.model_copy(update={"text": text[x.start : x.end]})

    update: dict = {
        "trigger": span(mention.trigger),
        "sentence": span(mention.sentence),
        "counts": [span(c) for c in mention.counts],
        "actors": [a if a.start is None or a.end is None else span(a) for a in mention.actors],
    }
    p, w = mention.place, mention.when
    if p is not None and p.start is not None and p.end is not None:
        update["place"] = span(p)
    if w is not None and w.start is not None and w.end is not None:
        update["when"] = w.model_copy(update={"expression": text[w.start : w.end]})
    return mention.model_copy(update=update)
