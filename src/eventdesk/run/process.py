"""The per-article map: read article → clean → nlp → extract & resolve → Processed.

A pure function of the articles and read-only resources (the spaCy pipeline, the gazetteer,
the lexicons, and the sentence encoder when the second opinion is on), so it runs the same in
one process, in a pool, or on a cluster.

Work per article is bounded (run/bounds.py: the text cut at `max_article_chars`, overlong
sentences split before the parse), and one article that fails in any stage gives a Processed
with `failed` set to the reason instead of stopping the others. The time budget and memory
ceiling per article are enforced by the worker pool (run/pool.py), which can kill a process.
"""

from __future__ import annotations

import hashlib
import logging
import re
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from itertools import islice

from eventdesk import nlp
from eventdesk.clean import clean
from eventdesk.config import Config
from eventdesk.extract import extract
from eventdesk.assemble import assemble, crowd_arrests
from eventdesk.resolve.actors import code_actors
from eventdesk.resolve.status import party_status
from eventdesk.judge.verdicts import judge
from eventdesk.link.copies import CopyVectors, copy_features, copy_vectors
from eventdesk.extract.prefilter import closed_stops, for_parser, split_for_parse
from eventdesk.read.meta import plausible_published
from eventdesk.read.reasons import detail
from eventdesk.records import Article, Mention, RemovedLine, SkipReason, TextSpan
from eventdesk.resolve.dates import publication_date
from eventdesk.syntax import CLOSED_STOPS
from eventdesk.run.bounds import bounded_doc, break_long_runs, cut_point, rough_starts, sentence_lengths_over

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
    copy_vectors: bool = False  # embed each article's sentences for the copy detector (link/copies.py)
    # Bounds (data/defaults.toml says why these values): the text processed per article, the
    # longest stretch the parser takes as one sentence, and, enforced by the worker pool, the
    # seconds an article may take and the memory a worker may hold (0 = no limit).
    max_article_chars: int = 30_000
    max_sentence_chars: int = 1_000
    article_timeout: float = 60.0
    worker_memory_mb: int = 1_500

    @classmethod
    def from_config(cls, config: Config) -> Options:
        """The options a configuration asks for (data/defaults.toml, eventdesk.toml, EVENTDESK_*)."""
        return cls(
            model=config.model,
            fast=config.fast_path,
            second_opinion=config.second_opinion,
            judge=config.judge,
            copy_vectors=config.copy_vectors,
            max_article_chars=config.max_article_chars,
            max_sentence_chars=config.max_sentence_chars,
            article_timeout=config.article_timeout,
            worker_memory_mb=config.worker_memory_mb,
        )


@dataclass
class Processed:
    """One article after the map: cleaned, with its mentions and link features.

    `failed` is the one-line reason when a stage failed for this article (it is then stored
    marked as failed, without mentions); `notes` are one-line warnings about it (a text cut at
    the length limit, an implausible dateline date) for the caller to log or print.
    """

    article: Article
    mentions: list[Mention] = field(default_factory=list)
    features: dict = field(default_factory=dict)
    vectors: CopyVectors | None = None
    failed: str | None = None
    notes: list[str] = field(default_factory=list)


def failed(article: Article, reason: str) -> Processed:
    """The Processed of an article that could not be processed: stored without mentions, marked
    failed (skip reason `extraction-error`) with the reason, so it is listed and not lost."""
    marked = article.model_copy(
        update={"skipped": SkipReason.EXTRACTION_ERROR, "skip_detail": reason}
    )
    return Processed(marked, [], {"content_hash": normalised_hash(marked.text)}, failed=reason)


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


def _cut(article: Article, limit: int, notes: list[str]) -> tuple[Article, RemovedLine | None]:
    """The article with its raw text cut at a paragraph boundary at `limit` characters, and the
    removed line that records the cut (None when the text is within the limit)."""
    raw = article.raw_text or article.text
    at = cut_point(raw, limit)
    if at >= len(raw):
        return article, None
    rest = raw[at:]
    first_line = raw.count("\n", 0, at) + (1 if rest.startswith("\n") else 0)
    note = (
        f"text of {len(raw):,} characters cut at {at:,} for extraction (max_article_chars={limit:,}); "
        f"the last {len(rest):,} are not processed: split the article to process all of it"
    )
    notes.append(note)
    marker = RemovedLine(
        line_no=first_line,
        text=f"[{len(rest):,} characters, {rest.count(chr(10)) + 1:,} lines not processed]",
        reason=f"over the length limit (max_article_chars={limit:,})",
    )
    return article.model_copy(update={"raw_text": raw[:at], "text": raw[:at]}), marker


def _prepare(article: Article, options: Options = Options()) -> tuple[Article, list[str]]:  # noqa: B008
    """Cut (at the length limit) and clean one article; a dateline date when the metadata has none."""
    notes: list[str] = []
    article, marker = _cut(article, options.max_article_chars, notes)
    article = clean(article)
    if marker is not None:
        article = article.model_copy(update={"removed": [*article.removed, marker]})
    if article.published is None and article.skipped is None:
        # No date in the metadata: a dateline ("March 01, 2008" under the headline) may give it.
        found = publication_date(article.text)
        article = article.model_copy(update={"published": plausible_published(found, article.source)})
    if article.skipped is None and not article.text.strip():
        article = article.model_copy(
            update={"skipped": SkipReason.NO_TEXT_AFTER_CLEANING, "skip_detail": "no text left after cleaning"}
        )
    return article, notes


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
    seconds per stage (clean, parse, extract) for the benchmark. An error in any stage costs
    only the article it happened on: the batch is redone one article at a time and that one
    comes back with `failed` set.
    """
    clock = _Clock(timings)
    pipeline = nlp.load(options.model)
    _one_blas_thread()
    it = iter(articles)
    while batch := list(islice(it, nlp.BATCH_SIZE)):
        done = 0
        try:
            for result in _process_batch(batch, pipeline, options, clock):
                done += 1
                yield result
        except Exception:  # one article broke a batch stage: find it, keep the others
            log.debug("a batch stage failed; processing its articles one at a time", exc_info=True)
            for article in batch[done:]:
                yield _process_alone(article, pipeline, options, clock)


@cache
def _one_blas_thread() -> None:
    """One BLAS thread in a process that runs the map (as in every pool worker): the sentence
    encoder's small matrix products are 10-30 times slower when OpenBLAS spreads them over busy
    cores (3 s instead of 0.1 s an article, measured on 2 shared cores)."""
    from threadpoolctl import threadpool_limits

    threadpool_limits(1)


def _process_alone(article: Article, pipeline, options: Options, clock: _Clock) -> Processed:  # type: ignore[no-untyped-def]
    try:
        return next(_process_batch([article], pipeline, options, clock))
    except Exception as exc:
        log.debug("processing failed for %s", article.source, exc_info=True)
        return failed(article, f"processing failed ({type(exc).__name__}: {detail(exc)}); please report it as a bug")


def _process_batch(batch: list[Article], pipeline, options: Options, clock: _Clock) -> Iterator[Processed]:  # type: ignore[no-untyped-def]
    prepared = clock.run("clean", lambda: [_prepare(a, options) for a in batch])
    todo = [a for a, _ in prepared if a.skipped is None]
    limit = options.max_sentence_chars
    if options.fast:
        split = clock.run("clean", lambda: [split_for_parse(for_parser(a.text)) for a in todo])
        docs = _parsed(pipeline, [p for p, _, _ in split], limit)
        rests = pipeline.pipe(
            (bounded_doc(pipeline, r, limit, starts=[]) for _, r, _ in split),
            batch_size=nlp.BATCH_SIZE,
            disable=nlp.TAGGING_ONLY,
        )
    else:
        docs = _parsed(pipeline, [for_parser(a.text) for a in todo], limit)
        rests = iter([None] * len(todo))
    parsed = zip(docs, rests)
    for article, notes in prepared:
        if article.skipped is not None:
            yield _with_notes(_one(article, None), notes)
            continue
        pair = clock.run("parse", lambda: next(parsed))
        one = clock.run("extract", lambda: _one(article, *pair, options))  # noqa: B023 (called at once)
        yield _with_notes(one, notes)


def _with_notes(done: Processed, notes: list[str]) -> Processed:
    done.notes.extend(notes)
    return done


def _parsed(pipeline, texts: list[str], limit: int) -> Iterator:  # type: ignore[no-untyped-def]
    """The parses of the texts, in order, no sentence longer than `limit` characters: sentence
    starts are preset where the text has no sentence end for longer (run/bounds.py), and a text
    the parser still made an overlong sentence of is parsed again with every line start and
    sentence end preset (rare: such texts are lists or noise, not prose)."""
    docs = pipeline.pipe((bounded_doc(pipeline, t, limit) for t in texts), batch_size=nlp.BATCH_SIZE)
    for text, doc in zip(texts, docs, strict=True):
        if sentence_lengths_over(doc, limit):
            log.debug("overlong sentence after the parse; parsing again with preset sentence starts")
            doc = pipeline(bounded_doc(pipeline, text, limit, rough_starts(break_long_runs(text), limit)))
        yield doc


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
        # First: the judge then finds the sentences the copy detector embedded in the cache.
        vectors = copy_vectors(article.text) if options.copy_vectors else None
        doc.user_data[CLOSED_STOPS] = closed_stops(article.text)
        mentions = extract(doc, article, rest=rest, second_opinion=options.second_opinion)
        if options.judge and mentions:
            mentions = assemble(judge(mentions))
        mentions = crowd_arrests([party_status(code_actors(m)) for m in mentions])
    except Exception as exc:  # one bad article must not stop the batch: record why
        log.debug("extraction failed for %s", article.source, exc_info=True)
        return failed(article, f"extraction failed ({type(exc).__name__}: {detail(exc)}); please report it as a bug")
    parsed = doc.text
    if parsed != article.text:  # blanked sentences or a re-cased headline: words from the article
        mentions = [_from_article(_within_parsed(m, article.text, parsed), article.text) for m in mentions]
    return Processed(article, mentions, _features(article, doc, rest), vectors)


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
