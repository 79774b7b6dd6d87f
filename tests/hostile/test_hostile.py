"""No input stops the batch: every hostile case (hostile_cases.py, generated here) is read,
processed and stored beside a good companion article, and each is checked for:

- no traceback: nothing escapes `ingest`, no error is logged with one, no "unexpected error";
- a clear message naming the input: a one-line failure, note or warning whose source is the
  input (or one of its records), with the reason the case expects; names printable;
- the good companion article in the same batch stored;
- time and memory under the bounds (conftest.SECONDS_PER_CASE, PEAK_GROWTH_MB).
"""

from __future__ import annotations

import io
import logging

import pytest
from hostile_harness import (
    CASES,
    OPTIONS,
    PEAK_GROWTH_MB,
    SECONDS_PER_CASE,
    Outcome,
    case_params,
    companion_text,
    named_in,
)

from eventdesk.read import read_stdin
from eventdesk.read.reasons import shown
from eventdesk.records import Article, ReadFailure
from eventdesk.run.local import ingest
from eventdesk.store import Store

MIN_CASES = 150


def test_there_are_enough_cases() -> None:
    assert len(CASES) >= MIN_CASES
    assert len({c.name for c in CASES}) == len(CASES), "case names must be unique"


def _about_input(outcome: Outcome) -> list[str]:
    """Every message (failure, note, warning) that names this case's input."""
    said = [text for source, text in outcome.lines if named_in(outcome, source)]
    hint = outcome.case.named
    anchor = hint if hint and hint != "companion" else str(outcome.directory)
    said += [w for w in outcome.warnings if anchor in w or str(outcome.directory) in w]
    return said


@pytest.mark.parametrize("hostile_outcome", case_params(), indirect=True)
def test_hostile_input(hostile_outcome: Outcome) -> None:
    o, case = hostile_outcome, hostile_outcome.case
    # No traceback.
    assert o.error is None, o.error
    assert not o.tracebacks, o.tracebacks[0]
    assert not [t for _, t in o.lines if t.startswith("unexpected error")], o.lines
    # The companion of the batch is stored.
    assert o.companion_stored, (o.lines, o.warnings)
    # Every line is one printable line, naming something under the case's directory.
    for source, text in o.lines:
        assert "\n" not in text and shown(source) == source, (source, text)
    for source in o.stored_sources:
        assert shown(source) == source, source
    # What the case expects, said about its input.
    said = _about_input(o)
    others = [s for s in o.stored_sources if not s.endswith("companion.txt")]
    if case.expect == "fails":
        failures = [t for s, t in o.lines if named_in(o, s)]
        assert failures, f"no failure names {case.named!r}: {o.lines} {o.warnings}"
    elif case.expect == "stored":
        assert others, f"{case.name} was not stored: {o.lines} {o.warnings}"
    else:
        assert others or said or case.named == "companion", f"nothing said about {case.name}: {o.lines}"
    if case.says:
        assert any(case.says in text for text in said), f"{case.says!r} not in {said}"
    # Within the bounds.
    assert o.seconds < SECONDS_PER_CASE, o.seconds
    assert o.peak_growth_mb < PEAK_GROWTH_MB, o.peak_growth_mb


STDIN_CASES = {
    "deep_json": (b'{"a":' * 100000 + b"1" + b"}" * 100000 + b"\n", "nested too deeply"),
    "deep_brackets_as_text": (b"[" * 100000, "cut at"),
    "gzip_bomb": (b"".join([__import__("gzip").compress(b"\n" * (64 << 20))] * 8), "expands"),
    "truncated_gzip": (__import__("gzip").compress("".join(f"Police arrested {i} people in town {i * 7919 % 1000}. " for i in range(3000)).encode())[:3000], "truncated gzip"),  # fmt: skip
    "binary": (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "binary file"),
    "empty": (b"", "empty file"),
    "lone_surrogate": (b'{"text": "Police arrested 40 people \\udc00 in Colombo.", "language": "en"}\n', None),
    "not_warc": (b"WARC/1.0\r\nnonsense\r\n\r\n", None),
}


@pytest.mark.parametrize("name", sorted(STDIN_CASES))
def test_hostile_stdin(name: str, tmp_path, nlp, caplog: pytest.LogCaptureFixture) -> None:  # type: ignore[no-untyped-def]
    data, says = STDIN_CASES[name]
    companion = tmp_path / "companion.txt"
    companion.write_text(companion_text(900))
    from eventdesk.read import read_paths

    store = Store(f"sqlite:///{tmp_path}/s.db")
    lines: list[str] = []
    with caplog.at_level(logging.WARNING):
        items = [*read_stdin(io.BytesIO(data)), *read_paths([companion])]
        summary = ingest(items, store, options=OPTIONS,
                         on_failure=lambda f: lines.append(f"{f.source}: {f.reason}"),
                         on_note=lambda s, n: lines.append(f"{s}: {n}"))  # fmt: skip
    assert not [r for r in caplog.records if r.exc_info], "a traceback was logged"
    assert all(line.startswith("stdin") for line in lines), lines
    assert any(isinstance(i, Article) and i.source == str(companion) for i in items)
    assert summary.stored >= 1
    if says:
        assert any(says in line for line in lines), lines
    else:
        assert lines or [i for i in items if isinstance(i, Article | ReadFailure) and i.source.startswith("stdin")]
