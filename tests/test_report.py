"""Situation reports on the shared samples: sections, a citation on every sentence, escaped HTML."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventdesk.cli import main
from eventdesk.records import Count
from eventdesk.report import count_range, story_report, to_html
from eventdesk.store import Store

CITATION = re.compile(r"\[[^\]]+, a_[0-9a-f]{16}(; [^\]]+, a_[0-9a-f]{16})*\]$")


@pytest.fixture(scope="module")
def samples_store(tmp_path_factory: pytest.TempPathFactory, shared: Path) -> Store:
    url = f"sqlite:///{tmp_path_factory.mktemp('report')}/r.db"
    result = CliRunner().invoke(main, ["run", str(shared / "samples"), "--db", url])
    assert result.exit_code == 0, result.output
    return Store(url)


def test_the_almaty_story_reads_like_a_cited_note(samples_store: Store) -> None:
    story = samples_store.stories()[0]
    text = story_report(samples_store, story.id)
    assert "## Confirmed by two or more independent sources" in text
    assert "## Reported by a single source" in text
    assert "## Sources" in text
    body = text.split("## Sources")[0]
    sentences = [line.removeprefix("- ") for line in body.splitlines() if line and not line.startswith("#")]
    assert sentences and all(CITATION.search(s) for s in sentences), sentences
    assert "violent demonstration (riot) in Almaty" in text
    assert "deployment of troops" in text and "shutdown or closure (internet)" in text


def test_report_cli_writes_escaped_html(samples_store: Store) -> None:
    story = samples_store.stories()[0]
    result = CliRunner().invoke(main, ["report", story.id, "--db", samples_store.url, "--format", "html"])
    assert result.exit_code == 0, result.output
    assert "<h1>Situation report:" in result.output and "<script" not in result.output
    assert to_html("- a <b> & c") .endswith("<li>a &lt;b&gt; &amp; c</li>")


def test_counts_read_as_ranges() -> None:
    def c(low, high, best):  # type: ignore[no-untyped-def]
        return Count(kind="killed", low=low, high=high, best=best, text="x", start=0, end=1)

    assert count_range(c(18, None, 18)) == "at least 18"
    assert count_range(c(5, 5, 5)) == "5"
    assert count_range(c(12, 99, 12)) == "12 to 99 (best estimate 12)"
    assert count_range(c(None, 200, None)) == "up to 200"
