"""read_paths: dispatch, directories, stdin, gzip, and failures that leave the batch going."""

from __future__ import annotations

import gzip
import io
import os
import shutil
import sys
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest

from eventdesk.read import read_paths, read_stdin
from eventdesk.read.text import MAX_ARTICLE_BYTES
from eventdesk.records import Article, ReadFailure

PNG_HEADER = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
)
BIG_FILE_BYTES = 50_000_000
# The readers hold one capped article (5 MB) or one JSONL line at a time; 3x the cap
# leaves room for the decoded copy without letting a whole 50 MB file through.
PEAK_MEMORY_BOUND = 3 * MAX_ARTICLE_BYTES
FORMATS = [
    "flood.txt",
    "strike.txt",
    "briefing.md",
    "page.html",
    "articles.jsonl",
    "feed.rss",
    "feed.atom",
]


def _articles(results: list[Article | ReadFailure]) -> list[Article]:
    return [r for r in results if isinstance(r, Article)]


def test_directory_tree_sorted_skipping_hidden_and_sidecars(tmp_path: Path, fixtures: Path) -> None:
    (tmp_path / "b" / "inner").mkdir(parents=True)
    (tmp_path / ".hidden").mkdir()
    shutil.copy(fixtures / "flood.txt", tmp_path / "b" / "inner" / "z.txt")
    shutil.copy(fixtures / "flood.meta.json", tmp_path / "b" / "inner" / "z.meta.json")
    shutil.copy(fixtures / "briefing.md", tmp_path / "a.md")
    shutil.copy(fixtures / "page.html", tmp_path / "b" / "c.html")
    shutil.copy(fixtures / "strike.txt", tmp_path / ".hidden" / "x.txt")
    shutil.copy(fixtures / "strike.txt", tmp_path / ".dotfile.txt")
    (tmp_path / "b" / "README").write_text("not an article")
    (tmp_path / "b" / "store.db").write_bytes(b"SQLite format 3\x00")
    results = list(read_paths([tmp_path]))
    assert [r.source for r in results] == [
        str(tmp_path / "a.md"),
        str(tmp_path / "b" / "c.html"),
        str(tmp_path / "b" / "inner" / "z.txt"),
    ]
    assert results[2].title == "Flood hits Castleford"  # the sidecar was used, not read as input


@pytest.mark.parametrize("name", FORMATS)
def test_gzip_of_each_format(name: str, fixtures: Path, gzipped: Callable[[Path], Path]) -> None:
    plain = list(read_paths([fixtures / name]))
    packed = list(read_paths([gzipped(fixtures / name)]))
    assert [type(r) for r in packed] == [type(r) for r in plain]
    assert [r.id for r in _articles(packed)] == [r.id for r in _articles(plain)]


def test_truncated_gzip_keeps_the_batch_going(tmp_path: Path, fixtures: Path) -> None:
    lines = (fixtures / "articles.jsonl").read_bytes() * 40
    whole = gzip.compress(lines)
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(whole[: len(whole) // 2])
    results = list(read_paths([cut, fixtures / "flood.txt"]))
    assert isinstance(results[-1], Article) and results[-1].source.endswith("flood.txt")
    failure = results[-2]
    assert isinstance(failure, ReadFailure) and failure.source == str(cut)
    assert failure.reason.startswith("truncated gzip file")
    assert len(_articles(results)) > 1  # the lines before the cut were read


def test_not_gzip_despite_suffix(tmp_path: Path, only_failure) -> None:
    path = tmp_path / "fake.txt.gz"
    path.write_text("plain text pretending to be gzip")
    assert only_failure(list(read_paths([path]))).reason.startswith("invalid gzip data")


def test_png_renamed_txt(tmp_path: Path, only_failure) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(PNG_HEADER + bytes(range(256)))
    assert only_failure(list(read_paths([path]))).reason.startswith(
        "binary file (PNG image), not text; "
    )


def test_nul_bytes_are_binary(tmp_path: Path, only_failure) -> None:
    path = tmp_path / "blob.txt"
    path.write_bytes(bytes(range(256)) * 4)
    assert only_failure(list(read_paths([path]))).reason.startswith("binary file (contains NUL")


def test_utf16_without_bom_is_text(tmp_path: Path, fixtures: Path, only_article) -> None:
    text = (fixtures / "flood.txt").read_text(encoding="utf-8")
    path = tmp_path / "utf16le.txt"
    path.write_bytes(text.encode("utf-16-le"))
    assert only_article(list(read_paths([path]))).text == text


@pytest.mark.parametrize("content", [b"", b"  \n\t\n  "])
def test_empty_file(tmp_path: Path, content: bytes, only_failure) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    assert only_failure(list(read_paths([path]))).reason.startswith("empty file; ")


def test_unsupported_suffix(tmp_path: Path, only_failure) -> None:
    path = tmp_path / "data.xyz"
    path.write_text("whatever")
    reason = only_failure(list(read_paths([path]))).reason
    assert reason.startswith("unsupported file type '.xyz'; supported: .atom, .htm, .html, .jsonl")


def test_missing_file(only_failure) -> None:
    assert only_failure(list(read_paths(["/nonexistent/x.txt"]))).reason.startswith("no such file")


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file(tmp_path: Path, fixtures: Path, only_failure) -> None:
    path = tmp_path / "locked.txt"
    shutil.copy(fixtures / "flood.txt", path)
    path.chmod(0)
    reason = only_failure(list(read_paths([path]))).reason
    assert reason.startswith("cannot read the file (Permission denied)")


def test_bad_inputs_do_not_stop_the_batch(tmp_path: Path, fixtures: Path) -> None:
    png = tmp_path / "p.txt"
    png.write_bytes(PNG_HEADER)
    empty = tmp_path / "e.txt"
    empty.write_bytes(b"")
    paths = [
        png,
        empty,
        fixtures / "menu_only.html",
        fixtures / "bad_line.jsonl",
        tmp_path / "x.xyz",
        fixtures / "flood.txt",
    ]
    results = list(read_paths(paths))
    assert len(_articles(results)) == 3  # two good JSONL lines and the .txt
    assert all("\n" not in r.reason for r in results if isinstance(r, ReadFailure))


def test_big_txt_is_rejected_in_bounded_memory(tmp_path: Path, only_failure) -> None:
    path = tmp_path / "huge.txt"
    line = b"A line of a very long log that somebody saved as if it were an article.\n"
    with path.open("wb") as out:
        for _ in range(BIG_FILE_BYTES // len(line) + 1):
            out.write(line)
    tracemalloc.start()
    try:
        failure = only_failure(list(read_paths([path])))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert failure.reason.startswith("file too large (over 5 MB)")
    assert peak < PEAK_MEMORY_BOUND


def test_big_jsonl_is_streamed_in_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "many.jsonl"
    body = "Officials reported a minor incident at the harbour on Monday. " * 150  # ~9.5 kB
    count = 0
    with path.open("w", encoding="utf-8") as out:
        while out.tell() < BIG_FILE_BYTES:
            count += 1
            out.write(f'{{"text": "{count}: {body}", "language": "en"}}\n')
    tracemalloc.start()
    try:
        seen = sum(1 for r in read_paths([path]) if isinstance(r, Article))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert seen == count
    assert peak < PEAK_MEMORY_BOUND


def _fake_stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


@pytest.mark.parametrize(
    ("name", "count"), [("flood.txt", 1), ("page.html", 1), ("articles.jsonl", 3), ("feed.atom", 1)]
)
def test_stdin_sniffs_the_format(
    monkeypatch: pytest.MonkeyPatch, fixtures: Path, name: str, count: int
) -> None:
    _fake_stdin(monkeypatch, (fixtures / name).read_bytes())
    results = list(read_paths(["-"]))
    assert len(_articles(results)) == count
    assert all(r.source == "stdin" or r.source.startswith("stdin#") for r in results)


def test_stdin_html_matches_file(
    monkeypatch: pytest.MonkeyPatch, fixtures: Path, only_article
) -> None:
    _fake_stdin(monkeypatch, (fixtures / "page.html").read_bytes())
    from_stdin = only_article(list(read_paths(["-"])))
    from_file = only_article(list(read_paths([fixtures / "page.html"])))
    assert from_stdin.text == from_file.text and from_stdin.id == from_file.id


def test_stdin_gzip_and_truncated(fixtures: Path, only_article, only_failure) -> None:
    packed = gzip.compress((fixtures / "flood.txt").read_bytes())
    assert only_article(list(read_stdin(io.BytesIO(packed)))).source == "stdin"
    failure = only_failure(list(read_stdin(io.BytesIO(packed[: len(packed) // 2]))))
    assert failure.reason.startswith("truncated gzip file")


def test_ids_are_stable(fixtures: Path) -> None:
    first = [r.id for r in _articles(list(read_paths([fixtures])))]
    second = [r.id for r in _articles(list(read_paths([fixtures])))]
    assert first == second and len(set(first)) == len(first) > 5


def test_permission_error_is_reported(
    tmp_path: Path, fixtures: Path, monkeypatch: pytest.MonkeyPatch, only_failure
) -> None:
    """The OS refusal is simulated: tests run as root here, and root reads any file."""
    locked = tmp_path / "locked.txt"
    shutil.copy(fixtures / "flood.txt", locked)
    real_open = Path.open

    def refuse(self: Path, *args: object, **kwargs: object) -> object:
        if self == locked:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", refuse)
    reason = only_failure(list(read_paths([locked]))).reason
    assert reason == (
        "cannot read the file (Permission denied); check that it exists and that you may read it"
    )
