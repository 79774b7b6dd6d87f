"""The flash update written out: Markdown (citations as event and article ids) and a styled,
printable HTML page (citations linked to the web app's event and article pages).

Every string from the records (titles, names, outlets, quoted figures: article text) is escaped
in the HTML; an article's own URL becomes a link only when it is http(s).
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from importlib import resources
from urllib.parse import quote, urlsplit

from eventdesk.report.flash import Cite, Entry, FlashUpdate, KeyFigure, Sentence, SourceEntry

STYLESHEET = "data/flash.css"  # the report's screen and print (A4) styles, inlined in each page
BACKING_WORDS = {"confirmed": "2+ independent sources", "single": "one source", "claimed": "not established"}


# -- Markdown -----------------------------------------------------------------------------


def md_cite(c: Cite) -> str:
    """[e_1, e_2; outlet or headline, article id; ...]."""
    parts = [", ".join(c.event_ids)] if c.event_ids else []
    parts += [f"{s.label}, {s.article_id}" for s in c.sources]
    return "[" + "; ".join(parts) + "]"


def _md(s: Sentence) -> str:
    return f"{s.text} {md_cite(s.cite)}"


def source_line(s: SourceEntry) -> str:
    """'Lanka Ledger, published 2022-04-01; copies a_…, so it is not counted as an independent source.'"""
    when = f", published {s.published}" if s.published else ", publication date unknown"
    copy = f"; copies {s.copy_of}, so it is not counted as an independent source" if s.copy_of else ""
    return f"{s.label}{when}{copy}."


def flash_markdown(f: FlashUpdate) -> str:
    """The flash update in Markdown: every sentence ends with its events and articles."""
    lines = [f"# Flash update: {f.title}", "", _md(f.as_of_sentence), "", " ".join(_md(s) for s in f.summary), ""]
    lines += ["## Key figures", ""] + [f"- {k.label}: {_md(k.sentence)}" for k in f.key_figures] + [""]
    if f.chronology:
        lines += ["## Chronology", ""] + [f"- {e.date_text} · {e.place}: {_md(e.sentence)}" for e in f.chronology] + [""]
    if f.claims:
        lines += ["## What is claimed, and by whom", ""] + [f"- {_md(c.sentence)}" for c in f.claims] + [""]
    if f.disagreements:
        lines += ["## Where the sources disagree", ""] + [f"- {_md(s)}" for s in f.disagreements] + [""]
    lines += ["## Sources", ""] + [f"- {s.article_id}: {source_line(s)}" for s in f.sources]
    return "\n".join(lines).rstrip() + "\n"


# -- HTML ---------------------------------------------------------------------------------


def stylesheet() -> str:
    """The report's CSS (screen, and print on A4)."""
    return resources.files("eventdesk.report").joinpath(STYLESHEET).read_text("utf-8")


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


class _Links:
    """Links to the web app's pages (under `base`, '' for the serving origin) and event numbers."""

    def __init__(self, base: str, numbers: dict[str, int]) -> None:
        self.base = base.rstrip("/")
        self.numbers = numbers

    def event(self, event_id: str) -> str:
        return _e(f"{self.base}/events/{quote(event_id, safe='')}")

    def article(self, article_id: str) -> str:
        return _e(f"{self.base}/articles/{quote(article_id, safe='')}")

    def cite(self, c: Cite) -> str:
        parts = []
        if c.event_ids:
            nums = ", ".join(f'<a href="{self.event(i)}" title="{_e(i)}">{_e(self.numbers.get(i, i))}</a>' for i in c.event_ids)
            parts.append(f"event{'s' if len(c.event_ids) > 1 else ''} {nums}")
        parts += [f'<a href="{self.article(s.article_id)}" title="{_e(s.article_id)}">{_e(s.label)}</a>' for s in c.sources]
        return f'<span class="cite">[{"; ".join(parts)}]</span>'

    def sentence(self, s: Sentence) -> str:
        return f"{_e(s.text)} {self.cite(s.cite)}"


def _figure_box(k: KeyFigure) -> str:
    spread = k.low is not None and (k.low != k.high or k.high_open)
    rng = f'<div class="figure-range">range {k.low:,}–{k.high:,}{"+" if k.high_open else ""}</div>' if spread else ""
    return (f'<div class="figure" data-figure="{_e(k.key)}"><div class="figure-n">{k.value:,}</div>'
            f'<div class="figure-label">{_e(k.label)}</div>{rng}</div>')  # fmt: skip


def _row(e: Entry, links: _Links) -> str:
    counts = "".join(f"<li>{_e(c)}</li>" for c in e.counts)
    badge = f'<span class="backing backing-{_e(e.backing)}">{_e(BACKING_WORDS[e.backing])}</span>'
    return (f'<tr id="event-{e.n}" data-event="{_e(e.event_id)}"><td class="n"><a href="{links.event(e.event_id)}">{e.n}</a></td>'
            f'<td class="date">{_e(e.date_text)}</td><td class="place">{_e(e.place)}</td>'
            f"<td>{links.sentence(e.sentence)} {badge}</td><td class=\"counts\"><ul>{counts}</ul></td></tr>")  # fmt: skip


def _source_item(s: SourceEntry, links: _Links) -> str:
    url = s.url if s.url and urlsplit(s.url).scheme in ("http", "https") else None
    original = f' <a class="url" href="{_e(url)}">{_e(url)}</a>' if url else ""
    return (f'<li id="{_e(s.article_id)}"><a href="{links.article(s.article_id)}">{_e(s.article_id)}</a>: '
            f"{_e(source_line(s))}{original}</li>")  # fmt: skip


def _section(key: str, title: str, body: str) -> str:
    return f'<section id="{key}" class="{key}"><h2>{_e(title)}</h2>{body}</section>'


def _items(sentences: Iterable[Sentence], links: _Links) -> str:
    return "<ul>" + "".join(f"<li>{links.sentence(s)}</li>" for s in sentences) + "</ul>"


def _page(title: str, body: str) -> str:
    return ('<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{_e(title)}</title><style>{stylesheet()}</style></head>\n<body>{body}</body></html>\n")  # fmt: skip


def flash_html(f: FlashUpdate, base: str = "") -> str:
    """The flash update as a styled HTML page that prints on A4.

    Args:
        f: the flash update.
        base: where the eventdesk web app is served ('' when the page is served by it), for
            the links from each sentence to its events' pages and its articles.
    """
    links = _Links(base, {e.event_id: e.n for e in f.chronology})
    sections = [("key-figures", "Key figures", '<div class="figures">' + "".join(_figure_box(k) for k in f.key_figures)
                 + "</div>" + _items((k.sentence for k in f.key_figures), links))]  # fmt: skip
    if f.chronology:
        head = "<thead><tr><th>#</th><th>Date</th><th>Place</th><th>What happened</th><th>Figures</th></tr></thead>"
        rows = "".join(_row(e, links) for e in f.chronology)
        sections.append(("chronology", "Chronology", f'<table class="chronology">{head}<tbody>{rows}</tbody></table>'))
    if f.claims:
        sections.append(("claims", "What is claimed, and by whom", _items((c.sentence for c in f.claims), links)))
    if f.disagreements:
        sections.append(("disagreements", "Where the sources disagree", _items(f.disagreements, links)))
    sections.append(("sources", "Sources", '<ol class="sources">' + "".join(_source_item(s, links) for s in f.sources) + "</ol>"))
    nav = "".join(f'<a href="#{key}">{_e(title)}</a>' for key, title, _ in sections)
    body = (f'<nav class="flash-nav" aria-label="Sections">{nav}</nav><article class="flash-update">'
            f'<header><p class="kicker">Flash update</p><h1>{_e(f.title)}</h1>'
            f'<p class="as-of">{links.sentence(f.as_of_sentence)}</p></header>'
            f'<section class="lede"><p>{" ".join(links.sentence(s) for s in f.summary)}</p></section>'
            + "".join(_section(*s) for s in sections)
            + '<footer><p>Written by eventdesk from the stored records, in its own words. Each sentence ends with '
            "the events it rests on (numbered as in the chronology) and the articles that report them.</p></footer>"
            "</article>")  # fmt: skip
    return _page(f"Flash update: {f.title}", body)


def markdown_html(markdown: str, title: str = "eventdesk report") -> str:
    """A Markdown report (headings, bullets, paragraphs) as a styled page, every line escaped."""
    body: list[str] = []
    in_list = False
    for line in markdown.splitlines():
        esc = html.escape(line)
        if in_list and not line.startswith("- "):
            body.append("</ul>")
            in_list = False
        if line.startswith("- "):
            body.append(("" if in_list else "<ul>") + f"<li>{esc[2:]}</li>")
            in_list = True
        elif line.startswith("#"):
            level = min(len(line) - len(line.lstrip("#")), 3)
            body.append(f"<h{level}>{html.escape(line.lstrip('#').strip())}</h{level}>")
        elif line:
            body.append(f"<p>{esc}</p>")
    if in_list:
        body.append("</ul>")
    return _page(title, '<article class="flash-update">' + "\n".join(body) + "</article>")
