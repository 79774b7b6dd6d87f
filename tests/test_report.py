"""Flash updates: on the shared samples (a citation on every sentence) and on a story written
record by record whose figures, dates, claims and disagreements are known (with hostile text)."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from itertools import pairwise
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from eventdesk.cli import main
from eventdesk.records import Actor, Article, Count, Event, Mention, Place, Source, Status, Story, TextSpan, When
from eventdesk.report import count_range, flash_html, flash_markdown, flash_update, markdown_html, story_report
from eventdesk.report.words import place_label
from eventdesk.store import EventFilter, Store
from eventdesk.web.app import create_app

EVENT_ID = r"e_\w+"
ARTICLE = r"[^\]]+, a_\w+"
# [e_1, e_2; outlet, a_1; outlet, a_2]: events, articles, or both, at the end of the line
CITATION = re.compile(rf"\[(({EVENT_ID}(, {EVENT_ID})*)(; {ARTICLE})*|{ARTICLE}(; {ARTICLE})*)\]$")
NOW = datetime(2022, 4, 20, 9, 30, tzinfo=UTC)


@pytest.fixture(scope="module")
def samples_store(tmp_path_factory: pytest.TempPathFactory, shared: Path) -> Store:
    url = f"sqlite:///{tmp_path_factory.mktemp('report')}/r.db"
    result = CliRunner().invoke(main, ["run", str(shared / "samples"), "--db", url])
    assert result.exit_code == 0, result.output
    return Store(url)


def body_lines(markdown: str) -> list[str]:
    """The lines before the list of sources that are not headings."""
    body = markdown.split("## Sources")[0]
    return [line.removeprefix("- ") for line in body.splitlines() if line and not line.startswith("#")]


def test_the_almaty_story_reads_like_a_cited_flash_update(samples_store: Store) -> None:
    story = samples_store.stories()[0]
    text = story_report(samples_store, story.id)
    assert text.startswith("# Flash update: ")
    for heading in ("## Key figures", "## Chronology", "## Sources"):
        assert heading in text
    sentences = body_lines(text)
    assert sentences and all(CITATION.search(s) for s in sentences), [s for s in sentences if not CITATION.search(s)]
    assert "violent demonstration (riot) in Almaty" in text
    assert "deployment of troops" in text and "shutdown or closure (internet)" in text
    assert "As of the time of writing: no article of this story gives its publication date" in text


def test_report_cli_writes_styled_escaped_html(samples_store: Store) -> None:
    story = samples_store.stories()[0]
    result = CliRunner().invoke(main, ["report", story.id, "--db", samples_store.url, "--format", "html",
                                       "--base-url", "http://desk.example:8000/"])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "<h1>" in result.output and "<script" not in result.output
    assert "@page { size: A4" in result.output and "@media print" in result.output
    assert 'href="http://desk.example:8000/events/e_' in result.output
    assert 'href="http://desk.example:8000/articles/a_' in result.output
    assert markdown_html("- a <b> & c").count("<li>a &lt;b&gt; &amp; c</li>") == 1


def test_counts_read_as_ranges() -> None:
    def c(low, high, best):  # type: ignore[no-untyped-def]
        return Count(kind="killed", low=low, high=high, best=best, text="x", start=0, end=1)

    assert count_range(c(18, None, 18)) == "at least 18"
    assert count_range(c(5, 5, 5)) == "5"
    assert count_range(c(12, 99, 12)) == "12 to 99 (best estimate 12)"
    assert count_range(c(None, 200, None)) == "up to 200"


# -- a story written record by record ---------------------------------------------------------

HOSTILE = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">'
TEXT = "Troops clashed with protesters in Jaffna. Police said five were arrested. The army denied firing."


def _article(n: int, outlet: str, published: date | None, url: str | None = None) -> Article:
    text = f"{TEXT} ({n})"
    return Article(id=Article.make_id(text, None), source=f"{n}.txt", text=text, raw_text=text, outlet=outlet,
                   published=published, url=url, title=f"Report {n}")  # fmt: skip


A1 = _article(1, "Jaffna Herald", date(2022, 4, 3), url="https://herald.example/1")
A2 = _article(2, f"Wire {HOSTILE}", date(2022, 4, 9), url="javascript:alert(1)")
A3 = _article(3, "North Times", None)


def _count(kind: str, low: int | None, high: int | None, best: int | None) -> Count:
    return Count(kind=kind, low=low, high=high, best=best, text=f"{low}-{high}", start=0, end=1)  # type: ignore[arg-type]


def _mention(article: Article, n: int, status: Status = Status.REPORTED, by: str | None = None) -> Mention:
    span = TextSpan(start=0, end=6, text="Troops")
    return Mention(id=Mention.make_id(article.id, n, "Battles"), article_id=article.id, event_type="Battles",
                   sub_event_type="Armed clash", trigger=span, sentence=span, status=status, attributed_to=by)  # fmt: skip


M_REPORTED = _mention(A1, 1)
M_CLAIMED = _mention(A2, 2, Status.CLAIMED, f"Police {HOSTILE}")
M_DENIED = _mention(A3, 3, Status.DENIED, "the army")
M_OTHER = _mention(A1, 4)


def _event(n: int, when: date | None, place: str | None, counts: list[Count], mentions: list[Mention],
           sources: list[Article], **extra: object) -> Event:  # fmt: skip
    return Event(
        id=f"e_report{n:010d}", story_id="s_report000000000", event_type="Battles", sub_event_type="Armed clash",
        when=When(value=when, precision="day" if when else "unknown"),
        place=Place(name=place, country="Sri Lanka" if place else None, country_code="LK", geo_precision=1 if place else None),
        actors=[Actor(name="Military Forces of Sri Lanka", role="actor1")], counts=counts,
        mention_ids=[m.id for m in mentions], articles=len(sources), independent_sources=len(sources),
        sources=[Source(article_id=a.id, outlet=a.outlet, published=a.published) for a in sources], seq=n, **extra,
    )  # fmt: skip


# Created out of date order (seq 1 is the latest); one undated; one outside ACLED's scope.
EVENTS = [
    _event(1, date(2022, 4, 8), "Jaffna", [_count("killed", 2, 5, 3), _count("arrested", 5, 5, 5)], [M_REPORTED, M_CLAIMED],
           [A1, A2], conflicts=[f"killed: 'two' (via Jaffna Herald) vs 'five {HOSTILE}' (via Wire)"]),
    _event(2, date(2022, 4, 2), f"Point Pedro {HOSTILE}", [_count("killed", 4, None, 4)], [M_DENIED], [A3]),
    _event(3, None, "Jaffna", [_count("arrested", None, 20, None)], [M_OTHER], [A1]),
    _event(4, date(2022, 4, 5), None, [_count("killed", 1, 1, 1), _count("injured", 7, 7, 7)], [], [A1]),
    _event(5, date(2022, 4, 6), "Jaffna", [_count("killed", 100, 100, 100)], [], [A1], scope="crime"),
]


@pytest.fixture(scope="module")
def story_store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    store = Store(f"sqlite:///{tmp_path_factory.mktemp('flash') / 'flash.db'}")
    for article in (A1, A2, A3):
        mentions = [m for m in (M_REPORTED, M_CLAIMED, M_DENIED, M_OTHER) if m.article_id == article.id]
        store.write_article(article, mentions, {"content_hash": article.id})
    story = Story(id="s_report000000000", title=f"Clashes in Jaffna {HOSTILE}", article_ids=[A1.id, A2.id, A3.id])
    updates = {a.id: {"story_id": story.id, "copy_of": None, "copy_score": None} for a in (A1, A2, A3)}
    mention_events = {m.id: e.id for e in EVENTS for m in (M_REPORTED, M_CLAIMED, M_DENIED, M_OTHER) if m.id in e.mention_ids}
    store.save_link(updates, [story], EVENTS, mention_events)
    return store


def test_key_figures_are_the_sums_of_the_events(story_store: Store) -> None:
    flash = flash_update(story_store, "s_report000000000", NOW)
    shown = story_store.events(EventFilter(story_id="s_report000000000"))
    assert len(shown) == 4  # the crime is out, as on the desk
    figures = {k.key: k for k in flash.key_figures}
    assert figures["events"].value == len(shown)
    killed = [c for e in shown for c in e.counts if c.kind == "killed"]
    assert figures["fatalities"].value == sum(c.best or 0 for c in killed) == 8
    assert (figures["fatalities"].low, figures["fatalities"].high, figures["fatalities"].high_open) == (7, 10, True)
    assert figures["arrests"].value == 5 and (figures["arrests"].low, figures["arrests"].high) == (5, 25)
    assert figures["places"].value == len({place_label(e) for e in shown if e.place.name}) == 2
    assert figures["fatalities"].sentence.cite.event_ids == ["e_report0000000002", "e_report0000000004", "e_report0000000001"]
    assert "range 7 to 10 or more" in figures["fatalities"].sentence.text


def test_key_figures_equal_the_desks_totals_for_the_story(story_store: Store) -> None:
    totals = TestClient(create_app(story_store.url, token=None), base_url="http://127.0.0.1").get(
        "/api/totals", params={"story": "s_report000000000"}).json()  # fmt: skip
    figures = {k.key: k for k in flash_update(story_store, "s_report000000000", NOW).key_figures}
    assert figures["events"].value == totals["events"]
    for key in ("fatalities", "arrests"):
        sums = totals[key]
        assert (figures[key].value, figures[key].low, figures[key].high, figures[key].high_open) == (
            sums["best"], sums["low"], sums["high"], sums["high_open"]), key


def test_chronology_is_dated_in_order_with_the_undated_last(story_store: Store) -> None:
    flash = flash_update(story_store, "s_report000000000", NOW)
    entries = flash.chronology
    assert [e.event_id for e in entries] == ["e_report0000000002", "e_report0000000004", "e_report0000000001", "e_report0000000003"]
    dated = [e.date for e in entries if e.date]
    assert all(a <= b for a, b in pairwise(dated)) and entries[-1].date is None
    assert [e.n for e in entries] == [1, 2, 3, 4]
    assert [e.date_text for e in entries] == ["2 Apr 2022", "5 Apr 2022", "8 Apr 2022", "date not fixed"]
    assert entries[2].counts == ["2 to 5 (best estimate 3) people killed", "5 people arrested"]
    assert entries[1].place == "place not named"
    lines = flash_markdown(flash).split("## Chronology")[1].split("##")[0].strip().splitlines()
    assert [line.split(" · ")[0] for line in lines] == ["- 2 Apr 2022", "- 5 Apr 2022", "- 8 Apr 2022", "- date not fixed"]


def test_as_of_claims_and_disagreements(story_store: Store) -> None:
    flash = flash_update(story_store, "s_report000000000", NOW)
    assert flash.as_of == date(2022, 4, 9) and flash.written == NOW
    assert flash.as_of_sentence.text.startswith("As of 9 Apr 2022, the publication date of the latest article; written 2022-04-20 09:30 UTC")
    assert [s.article_id for s in flash.as_of_sentence.cite.sources] == [A2.id]
    claims = {(c.status, c.party): c for c in flash.claims}
    claimed = claims[("claimed", f"Police {HOSTILE}")]
    assert claimed.event_id == "e_report0000000001" and [s.article_id for s in claimed.sentence.cite.sources] == [A2.id]
    assert "Other reports state it as fact." in claimed.sentence.text
    denied = claims[("denied", "the army")]
    assert denied.sentence.text.startswith("Denied by the army: ") and "No report states it as fact." in denied.sentence.text
    assert [s.article_id for s in denied.sentence.cite.sources] == [A3.id]
    (disagreement,) = flash.disagreements
    assert "the figures disagree: killed: 'two' (via Jaffna Herald)" in disagreement.text
    assert disagreement.cite.event_ids == ["e_report0000000001"]
    text = flash_markdown(flash)
    assert "## What is claimed, and by whom" in text and "## Where the sources disagree" in text
    sentences = body_lines(text)
    assert all(CITATION.search(s) for s in sentences), [s for s in sentences if not CITATION.search(s)]


def test_html_escapes_article_text_and_links_each_sentence(story_store: Store) -> None:
    flash = flash_update(story_store, "s_report000000000", NOW)
    page = flash_html(flash)
    assert "<script>window" not in page and "<img" not in page and 'onerror="' not in page
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in page  # the title, outlet, party, place, conflict
    assert page.count("&lt;script&gt;") >= 5
    assert 'href="javascript:' not in page and 'href="https://herald.example/1"' in page
    assert '<a href="/events/e_report0000000001" title="e_report0000000001">3</a>' in page  # numbered as in the chronology
    assert f'href="/articles/{A3.id}"' in page
    rows = re.findall(r'<tr id="event-(\d)" data-event="(e_\w+)">', page)
    assert rows == [(str(e.n), e.event_id) for e in flash.chronology]
    assert page.index('id="key-figures"') < page.index('id="chronology"') < page.index('id="claims"') < page.index(
        'id="disagreements"') < page.index('id="sources"')  # fmt: skip
