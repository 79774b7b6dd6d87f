"""Where and when on the real samples, through the whole pipeline."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path


from eventdesk.run.local import run
from eventdesk.store import Store


def _run(paths: list[Path], tmp_path: Path) -> Store:
    store = Store(f"sqlite:///{tmp_path}/w.db")
    run(paths, store)
    return store


def test_samples_without_publication_dates_carry_no_event_dates(samples: list[Path], tmp_path: Path) -> None:
    store = _run(samples, tmp_path)
    events = store.events()
    assert events
    assert all(e.when.value is None for e in events)
    places = {(e.place.name, e.place.country_code) for e in events if e.place.name}
    assert ("Almaty", "KZ") in places


def test_relative_dates_resolve_against_sidecar_publication_dates(samples: list[Path], tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for path in samples:
        shutil.copy(path, corpus / path.name)
        (corpus / path.with_suffix(".meta.json").name).write_text(json.dumps({"published": "2022-01-07"}))
    store = _run([corpus], tmp_path)
    whens = [m.when for m in store.mentions() if m.when is not None and m.when.expression]
    resolved = {w.expression.lower(): w.value for w in whens if w.value}
    thursday = [v for e, v in resolved.items() if "thursday" in e]
    sunday = [v for e, v in resolved.items() if "sunday" in e]
    assert thursday and set(thursday) == {date(2022, 1, 6)}
    assert sunday and set(sunday) == {date(2022, 1, 2)}
    assert all(w.anchor == date(2022, 1, 7) for w in whens)
