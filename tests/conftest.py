"""Shared fixtures: the real spaCy pipeline once per session, paths to ../shared."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples" / "articles"


@pytest.fixture(scope="session")
def nlp():
    from eventdesk import nlp as nlp_mod

    return nlp_mod.load()


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"../shared not found at {SHARED}: the shared samples and dev sets are absent")
    return SHARED


@pytest.fixture(scope="session")
def samples(shared: Path) -> list[Path]:
    paths = sorted((shared / "samples").glob("*.txt"))
    if not paths:
        pytest.skip(f"no sample articles in {shared / 'samples'}")
    return paths
