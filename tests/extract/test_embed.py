"""The numpy forward pass of all-MiniLM-L6-v2 against the published model's behaviour."""

from __future__ import annotations

import numpy as np
import pytest

from eventdesk.extract.embed import encoder


def test_reproduces_the_published_similarities() -> None:
    # sentence-transformers' quickstart prints these cosine similarities for all-MiniLM-L6-v2
    # (0.6660, 0.1046, 0.1411); a wrong layer, pooling or tokenizer setting moves them a lot.
    v = encoder().encode(["The weather is lovely today.", "It's so sunny outside!", "He drove to the stadium."])
    sims = v @ v.T
    assert sims[0, 1] == pytest.approx(0.6660, abs=2e-3)
    assert sims[0, 2] == pytest.approx(0.1046, abs=2e-3)
    assert sims[1, 2] == pytest.approx(0.1411, abs=2e-3)


def test_vectors_are_unit_length_in_input_order_whatever_the_batching() -> None:
    texts = ["Police fired tear gas at students.", "Rain.", "The army shelled the town overnight, killing four."] * 15
    v = encoder().encode(texts)
    assert v.shape == (45, 384) and v.dtype == np.float32
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)
    alone = encoder().encode([texts[2]])[0]
    assert np.allclose(v[2], alone, atol=1e-5)  # padding in a batch does not change a vector
    assert encoder().encode([]).shape == (0, 384)
