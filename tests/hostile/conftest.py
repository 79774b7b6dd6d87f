"""Fixtures of the hostile suite (the harness is hostile_harness.py, the cases hostile_cases.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))  # tests are not packages (--import-mode=importlib)

from hostile_harness import Outcome, run_case  # noqa: E402

from eventdesk.store import Store  # noqa: E402

_RESULTS: dict[str, Outcome] = {}


@pytest.fixture(scope="session")
def hostile_store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    return Store(f"sqlite:///{tmp_path_factory.mktemp('hostile-db')}/hostile.db")


@pytest.fixture(scope="session")
def hostile_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("hostile")


@pytest.fixture(scope="session")
def hostile_warm(hostile_root: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    """Everything the map loads on first use (gazetteer, encoders) loaded before any case is
    measured, so a case's memory is its own."""
    from hostile_harness import OPTIONS, companion_text

    from eventdesk.read import read_paths
    from eventdesk.run.local import ingest

    warm = hostile_root / "warm.txt"
    warm.write_text(companion_text(9999))
    ingest(read_paths([warm]), Store("sqlite://"), options=OPTIONS)


@pytest.fixture
def hostile_outcome(request: pytest.FixtureRequest, hostile_root: Path, hostile_store: Store, hostile_warm: None) -> Outcome:
    """The outcome of the case named by the test's parameter (run once, then remembered)."""
    number, case = request.param
    if case.name not in _RESULTS:
        _RESULTS[case.name] = run_case(number, case, hostile_root, hostile_store)
    return _RESULTS[case.name]


