"""Fixtures for the reader tests: the fixture folder and small helpers."""

from __future__ import annotations

import gzip
import shutil
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest

from eventdesk.read import read_paths
from eventdesk.records import Article, ReadFailure

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture
def read_all() -> Callable[[Iterable[str | Path]], list[Article | ReadFailure]]:
    return lambda paths: list(read_paths(paths))


@pytest.fixture
def gzipped(tmp_path: Path) -> Callable[[Path], Path]:
    """Gzip a file into tmp_path (with its sidecar copied next to it, if any)."""

    def make(path: Path) -> Path:
        target = tmp_path / (path.name + ".gz")
        target.write_bytes(gzip.compress(path.read_bytes()))
        sidecar = path.with_suffix(".meta.json")
        if sidecar.exists():
            shutil.copy(sidecar, tmp_path / sidecar.name)
        return target

    return make


@pytest.fixture
def only_article() -> Callable[[list[Article | ReadFailure]], Article]:
    """Assert that a read gave exactly one Article, and return it."""

    def check(results: list[Article | ReadFailure]) -> Article:
        assert len(results) == 1, results
        assert isinstance(results[0], Article), results[0]
        return results[0]

    return check


@pytest.fixture
def only_failure() -> Callable[[list[Article | ReadFailure]], ReadFailure]:
    """Assert that a read gave exactly one one-line ReadFailure, and return it."""

    def check(results: list[Article | ReadFailure]) -> ReadFailure:
        assert len(results) == 1, results
        assert isinstance(results[0], ReadFailure), results[0]
        assert "\n" not in results[0].reason
        return results[0]

    return check
