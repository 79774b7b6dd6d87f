"""The UI in a real browser: Debian's chromium driven by Playwright, against a live server.

Skipped only when /usr/bin/chromium is absent (CI installs it with .ci/browser-deps.sh).
Screenshots of the desk and of an event page are saved to test-artifacts/ for review; those
of the desk at phone and desktop size to pytest's tmp dir.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
LAUNCH_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic",
]  # fmt: skip
TIMEOUT_MS = 20_000
PHONE = {"width": 390, "height": 844}  # a common phone's CSS pixels (iPhone 12 to 15)
DESKTOP = {"width": 1280, "height": 800}
# The most of the map's box the legend may cover: folded to its title on a phone; open on a
# desktop, where it lists the types, precisions and sizes beside a map three times its width.
LEGEND_SHARE = {"phone": 0.05, "desktop": 0.15}

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="browser tests need Debian's chromium at /usr/bin/chromium (run .ci/browser-deps.sh)"
)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=LAUNCH_ARGS)
        yield browser
        browser.close()


class Page:
    """A browser tab on the live server that records console errors and page errors."""

    def __init__(self, browser, base: str, viewport: dict[str, int] | None = None) -> None:  # type: ignore[no-untyped-def]
        self.context = browser.new_context(viewport=viewport or {"width": 1440, "height": 1000})
        self.tab = self.context.new_page()
        self.tab.set_default_timeout(TIMEOUT_MS)
        self.base = base
        self.errors: list[str] = []
        self.tab.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.tab.on("pageerror", lambda e: self.errors.append(f"pageerror: {e}"))

    def open(self, path: str) -> object:
        self.tab.goto(self.base + path)
        self.tab.wait_for_selector("body[data-ready]")
        return self.tab

    def csp_violations(self) -> list[str]:
        return [e for e in self.errors if "Content Security Policy" in e]


@pytest.fixture()
def page(browser, live_server: str) -> Iterator[Page]:  # type: ignore[no-untyped-def]
    tab = Page(browser, live_server)
    yield tab
    tab.context.close()


def api(live_server: str, path: str, **params: object) -> dict:
    return httpx.get(live_server + path, params=params, timeout=30).json()


def located(rows: list[dict]) -> list[dict]:
    return [r for r in rows if r["lat"] is not None and r["lon"] is not None]


def test_desk_map_has_base_layer_markers_and_legend(page: Page, live_server: str) -> None:
    tab = page.open("/")
    assert len(tab.get_attribute(".map-land", "d") or "") > 10_000  # the bundled Natural Earth land
    assert len(tab.get_attribute(".map-border", "d") or "") > 1_000  # country borders
    rows = api(live_server, "/api/events", limit=5000)["events"]
    assert tab.locator(".map-markers .marker").count() == len(located(rows)) > 0
    assert tab.locator(".map-legend .legend-row").count() >= 4
    assert tab.locator("table.events tbody tr").count() == min(len(rows), 300)
    assert tab.locator(".timeline-svg .bar").count() > 0
    ARTIFACTS.mkdir(exist_ok=True)
    tab.screenshot(path=str(ARTIFACTS / "desk.png"))
    assert not page.errors, page.errors


def test_filter_by_type_updates_table_and_markers(page: Page, live_server: str) -> None:
    tab = page.open("/")
    wanted = api(live_server, "/api/events", type="Protests", limit=5000)["events"]
    assert wanted
    tab.click('.type-row .only[data-type="Protests"]')
    tab.wait_for_function(
        "n => document.querySelectorAll('table.events tbody tr').length === n", arg=len(wanted)
    )
    titles = tab.locator("table.events tbody .type-cell").evaluate_all("els => els.map(e => e.title)")
    assert set(titles) == {"Protests"}
    types = tab.locator(".map-markers .marker").evaluate_all("els => els.map(e => e.dataset.type)")
    assert set(types) == {"Protests"} and len(types) == len(located(wanted))
    assert "type=Protests" in tab.url
    assert not page.errors, page.errors


def test_click_marker_selects_and_opens_event(page: Page) -> None:
    tab = page.open("/")
    # A marker whose centre is not covered by another one, clicked where a person would.
    point = tab.evaluate(
        """() => {
          for (const m of document.querySelectorAll('.map-markers .marker')) {
            const r = m.getBoundingClientRect();
            const x = r.left + r.width / 2, y = r.top + r.height / 2;
            if (document.elementFromPoint(x, y) === m) return {x, y, id: m.dataset.id};
          }
          return null;
        }"""
    )
    assert point, "no clickable marker"
    tab.mouse.click(point["x"], point["y"])
    tab.wait_for_selector(f'.map-markers .marker.selected[data-id="{point["id"]}"]')
    assert tab.locator(f'table.events tr.selected[data-id="{point["id"]}"]').count() == 1
    assert tab.locator("#selection").is_visible()
    tab.click("#selection a.button")
    tab.wait_for_selector("body[data-ready]")
    assert tab.url.endswith(f"/events/{point['id']}")
    tab.wait_for_selector("mark.evidence-mark")
    assert not page.errors, page.errors


def test_event_page_marks_each_evidence_sentence(page: Page, live_server: str) -> None:
    rows = api(live_server, "/api/events", sort="sources", order="desc", limit=1)["events"]
    event_id = rows[0]["event_id"]
    rec = api(live_server, f"/api/events/{event_id}")
    tab = page.open(f"/events/{event_id}")
    distinct = {(e["article_id"], e["start"], e["end"]): e["text"] for e in rec["evidence"]}
    tab.wait_for_function("n => document.querySelectorAll('mark.evidence-mark').length === n", arg=len(distinct))
    marks = tab.locator("mark.evidence-mark").all_text_contents()
    assert sorted(marks) == sorted(distinct.values())
    assert tab.locator(".family").count() == len(rec["explain"]["source_groups"])
    assert " ".join(rec["summary"].split()) in " ".join(tab.inner_text(".lede").split())  # as rendered
    tab.screenshot(path=str(ARTIFACTS / "event.png"))
    assert not page.errors, page.errors


def test_hostile_article_text_is_shown_as_text_and_runs_nothing(
    page: Page, hostile_article_id: str, hostile_markup: tuple[str, str], live_server: str
) -> None:
    tab = page.open(f"/articles/{hostile_article_id}")
    text = tab.text_content("#article-text") or ""
    assert all(markup in text for markup in hostile_markup)
    assert tab.evaluate("typeof window.__pwned") == "undefined"
    assert tab.locator("#article-text script, #article-text img").count() == 0
    article = api(live_server, f"/api/articles/{hostile_article_id}")
    for event_id in {m["event_id"] for m in article["mentions"] if m["event_id"]}:
        event_tab = page.open(f"/events/{event_id}")
        event_tab.wait_for_selector("mark.evidence-mark")
        assert event_tab.evaluate("typeof window.__pwned") == "undefined"
        assert event_tab.locator(".evidence-text img, .evidence-text script").count() == 0
    assert not page.csp_violations(), page.csp_violations()
    assert not page.errors, page.errors


@pytest.mark.parametrize("path", ["/stories", "/docs"])
def test_other_pages_render_without_errors(page: Page, path: str) -> None:
    tab = page.open(path)
    assert tab.locator("main .card").count() >= 1
    assert not page.errors, page.errors


def test_story_page_shows_the_flash_update_and_events(page: Page, live_server: str) -> None:
    story = max(api(live_server, "/api/stories")["stories"], key=lambda s: s["events"])
    flash = api(live_server, f"/api/stories/{story['id']}/report")["flash"]
    tab = page.open(f"/stories/{story['id']}")
    assert tab.locator("table.events tbody tr").count() == min(story["events"], 300)
    rows = tab.locator("table.chronology tbody tr")
    assert rows.count() == len(flash["chronology"]) > 0
    assert rows.evaluate_all("trs => trs.map(t => t.dataset.event)") == [e["event_id"] for e in flash["chronology"]]
    # each sentence ends with links to its event and its articles
    first = rows.first.locator("td.what .cite a")
    assert first.first.get_attribute("href") == f"/events/{flash['chronology'][0]['event_id']}"
    assert first.nth(1).get_attribute("href").startswith("/articles/a_")
    totals = api(live_server, "/api/totals", story=story["id"])
    killed = tab.locator('.key-figures .figure[data-figure="fatalities"] .figure-n').inner_text()
    assert killed == f"{totals['fatalities']['best']:,}"
    assert tab.locator(".as-of").inner_text().startswith("As of ")
    tab.emulate_media(media="print")  # printed: no navigation, map or event table; the update stays
    assert tab.locator(".topbar").is_hidden() and tab.locator(".map-section").is_hidden()
    assert tab.locator(".events-card").is_hidden() and tab.locator("table.chronology").is_visible()
    assert not page.errors, page.errors


def no_horizontal_scroll(tab) -> None:  # type: ignore[no-untyped-def]
    width, inner = tab.evaluate("[document.scrollingElement.scrollWidth, innerWidth]")
    assert width <= inner, f"the page is {width}px wide in a {inner}px window"


def covered_share(tab, inner: str, outer: str) -> float:  # type: ignore[no-untyped-def]
    """The part of `outer`'s box that `inner`'s box covers (0 to 1)."""
    return tab.evaluate(
        """([a, b]) => {
          const i = document.querySelector(a).getBoundingClientRect(), o = document.querySelector(b).getBoundingClientRect();
          const w = Math.max(0, Math.min(i.right, o.right) - Math.max(i.left, o.left));
          const h = Math.max(0, Math.min(i.bottom, o.bottom) - Math.max(i.top, o.top));
          return (w * h) / (o.width * o.height);
        }""",
        [inner, outer],
    )


@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_desk_fits_a_phone_and_a_desktop(browser, live_server: str, tmp_path: Path, size: str) -> None:  # type: ignore[no-untyped-def]
    page = Page(browser, live_server, viewport=PHONE if size == "phone" else DESKTOP)
    try:
        tab = page.open("/")
        shown = min(len(api(live_server, "/api/events", limit=5000)["events"]), 300)
        no_horizontal_scroll(tab)
        assert covered_share(tab, ".map-legend", "#map") <= LEGEND_SHARE[size]
        assert tab.locator(".map-markers .marker").count() > 0 and tab.locator(".totals-svg").is_visible()
        assert tab.locator(".timeline-svg").is_visible()
        tab.screenshot(path=str(tmp_path / f"desk-{size}.png"), full_page=True)
        if size == "desktop":
            assert tab.locator("table.events").is_visible() and tab.locator(".event-cards").is_hidden()
            assert tab.locator("#filters").is_visible() and tab.locator("#filters-toggle").is_hidden()
            assert tab.locator(".map-legend .legend-row").first.is_visible()  # open beside the map
        else:
            assert tab.locator("table.events").is_hidden() and tab.locator(".event-cards").is_visible()
            assert tab.locator(".event-card").count() == shown
            assert tab.locator("#filters").is_hidden()  # folded behind its toggle
            tab.click("#filters-toggle")
            assert tab.locator("#filters").is_visible() and tab.get_attribute("#filters-toggle", "aria-expanded") == "true"
            no_horizontal_scroll(tab)
            tab.screenshot(path=str(tmp_path / "desk-phone-filters.png"))
            card = tab.locator(".event-card").first
            card.locator(".card-place").click()  # a tap on a card selects its event
            event_id = card.get_attribute("data-id")
            tab.wait_for_selector(f'.event-card.selected[data-id="{event_id}"]')
            assert tab.locator("#selection").is_visible()
            no_horizontal_scroll(tab)
            tab.locator(".map-legend summary").click()  # the legend opens on a tap
            assert tab.locator(".map-legend .legend-row").first.is_visible()
        assert not page.errors, page.errors
    finally:
        page.context.close()


def test_story_page_fits_a_phone(browser, live_server: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    story = max(api(live_server, "/api/stories")["stories"], key=lambda s: s["events"])
    page = Page(browser, live_server, viewport=PHONE)
    try:
        tab = page.open(f"/stories/{story['id']}")
        no_horizontal_scroll(tab)
        assert tab.locator(".event-cards").is_visible() and tab.locator("table.events").is_hidden()
        tab.screenshot(path=str(tmp_path / "story-phone.png"), full_page=True)
        assert not page.errors, page.errors
    finally:
        page.context.close()


def test_each_evidence_card_shows_its_own_sentence_outlet_date_and_reason(browser, split_evidence, split_server: str) -> None:  # type: ignore[no-untyped-def]
    """Three mentions, two sentences: every card's outlet, date and reason are its sentence's."""
    rec = api(split_server, f"/api/events/{split_evidence.event_id}")
    assert len(rec["evidence"]) == 2 and len(rec["explain"]["mentions"]) == 3  # the lists differ in length
    page = Page(browser, split_server)
    try:
        tab = page.open(f"/events/{split_evidence.event_id}")
        tab.wait_for_function("() => document.querySelectorAll('.evidence .reason').length === 2")
        alpha = tab.locator(f'.evidence[data-article="{split_evidence.alpha_id}"]')
        beta = tab.locator(f'.evidence[data-article="{split_evidence.beta_id}"]')
        assert alpha.locator(".outlet").inner_text() == "Alpha Wire"
        assert alpha.locator(".when").inner_text() == "1 May 2022"
        reasons = alpha.locator(".reason").inner_text()  # both mentions of the sentence give theirs
        assert "alpha: 'stormed' with protesters" in reasons and "alpha: 'looted' with protesters" in reasons
        assert beta.locator(".outlet").inner_text() == "Beta Times"
        assert beta.locator(".when").inner_text() == "3 May 2022"
        assert "beta: 'looted' with crowds as actor" in beta.locator(".reason").inner_text()
        assert "alpha" not in beta.inner_text().lower()
        assert "3 mentions in 2 sentences" in tab.inner_text("h2:has-text('Evidence')")
        assert not page.errors, page.errors
    finally:
        page.context.close()


# -- the totals box, over the store of seven events (tests/web/conftest.py, TOTALS_EVENTS) ------


def figure(tab, key: str) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    """The number and the range text of one figure of the totals box."""
    box = tab.locator(f'.figure[data-figure="{key}"]')
    ranges = box.locator(".figure-range")
    return box.locator(".figure-n").inner_text(), ranges.inner_text() if ranges.count() else ""


def wait_for_events(tab, n: int) -> None:  # type: ignore[no-untyped-def]
    tab.wait_for_function(
        "n => document.querySelector('.figure[data-figure=events] .figure-n')?.textContent === String(n)", arg=n
    )


@pytest.fixture()
def totals_page(browser, totals_server: str) -> Iterator[Page]:  # type: ignore[no-untyped-def]
    tab = Page(browser, totals_server)
    yield tab
    tab.context.close()


def test_totals_box_shows_events_killed_and_arrested_with_ranges(totals_page: Page) -> None:
    tab = totals_page.open("/")
    wait_for_events(tab, 5)
    assert figure(tab, "fatalities") == ("8", "range 7–10+")  # 2-5, at least 4, exactly 1
    assert figure(tab, "arrests") == ("17", "range 17–37")  # 10, up to 20, 7
    assert tab.locator(".totals-svg .bin").count() == 10  # 1 to 10 April, a bar per day
    assert tab.locator(".totals-svg .killed-line").count() == 1
    assert tab.locator(".totals-svg .bin[data-start='2022-04-02']").get_attribute("data-fatalities") == "3"
    countries = tab.locator('[data-breakdown="country"] li').all_inner_texts()
    assert [" ".join(c.split()) for c in countries] == ["Sri Lanka 4 7+ killed", "Maldives 1 1 killed"]
    tab.screenshot(path=str(ARTIFACTS / "totals.png"))
    assert not totals_page.errors, totals_page.errors


def test_a_url_with_filters_and_sort_restores_the_view(totals_page: Page) -> None:
    tab = totals_page.open("/?actor=police&country=LK&sort=fatalities&order=asc")
    wait_for_events(tab, 3)  # events 1, 2 and 5
    assert figure(tab, "fatalities") == ("3", "range 2–5")
    assert figure(tab, "arrests") == ("17", "")
    assert tab.input_value('input[name="actor"]') == "police"
    assert tab.input_value('select[name="country"]') == "LK"
    assert tab.get_attribute("th:has(button[data-key='fatalities'])", "aria-sort") == "ascending"
    killed = tab.locator("table.events tbody td.num:nth-child(5)").all_inner_texts()
    assert killed == sorted(killed, key=int) and len(killed) == 3
    # the count beside each type follows the other filters, not the type filter
    counts = {r.get_attribute("data-type"): r.locator(".n").inner_text() for r in tab.locator(".type-row").all()}
    assert counts["Protests"] == counts["Riots"] == counts["Strategic developments"] == "1" and counts["Battles"] == "0"
    assert "(2)" in tab.locator('select[name="admin1"] option[value="Western Province"]').inner_text()

    tab.select_option('select[name="admin1"]', "Western Province")
    wait_for_events(tab, 2)
    assert "admin1=Western+Province" in tab.url and "sort=fatalities" in tab.url and "actor=police" in tab.url
    tab.reload()
    tab.wait_for_selector("body[data-ready]")
    wait_for_events(tab, 2)
    assert tab.input_value('select[name="admin1"]') == "Western Province"
    assert tab.input_value('input[name="actor"]') == "police"
    assert tab.get_attribute("th:has(button[data-key='fatalities'])", "aria-sort") == "ascending"
    assert figure(tab, "fatalities") == ("3", "range 2–5")
    assert not totals_page.errors, totals_page.errors


def test_story_sub_type_scope_and_background_from_the_url(totals_page: Page) -> None:
    tab = totals_page.open("/?story=s_totals_kandy000&scope=all&background=true&sub_type=Attack")
    wait_for_events(tab, 2)  # the attack near Kandy and the crime, not the arrests
    assert tab.input_value('select[name="story"]') == "s_totals_kandy000"
    chosen = tab.locator('select[name="story"] option:checked').inner_text()
    assert chosen == 'Attack near Kandy <img src=x onerror="window.__pwned=3"> (2)'  # the title as text
    assert tab.locator("img").count() == 0 and tab.evaluate("typeof window.__pwned") == "undefined"
    assert tab.input_value('select[name="scope"]') == "all" and tab.is_checked('input[name="background"]')
    assert figure(tab, "fatalities") == ("104", "range 104+")
    tab.click('[data-breakdown="type"] .pick')  # a row of the totals box filters by it
    tab.wait_for_function("() => location.search.includes('type=Violence+against+civilians')")
    wait_for_events(tab, 2)
    tab.select_option('select[name="scope"]', "acled")
    wait_for_events(tab, 1)  # the crime is out
    assert not totals_page.errors, totals_page.errors
