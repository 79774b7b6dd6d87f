"""Reports written by the system from the records, in its own words, every sentence cited.

`flash_update(store, story_id)` is the flash update of one story, as a humanitarian desk writes
one (flash.py): as of when, key figures, a dated chronology of the events, what is claimed and
by whom, where the sources disagree, and the sources. `flash_markdown` and `flash_html` write it
(render.py): each sentence ends with the events it rests on and the articles that report them,
as ids in Markdown and as links to the web app's event and article pages in HTML, which is
styled and prints on A4. `overview(store)` counts the whole store (overview.py). The words for
one event are in words.py; no sentence is copied from an article.
"""

from __future__ import annotations

from datetime import datetime

from eventdesk.report.flash import FlashUpdate, flash_update
from eventdesk.report.overview import Overview, overview, overview_markdown
from eventdesk.report.render import flash_html, flash_markdown, markdown_html
from eventdesk.report.words import count_range
from eventdesk.store import Store

__all__ = [
    "FlashUpdate", "Overview", "count_range", "flash_html", "flash_markdown", "flash_update", "markdown_html",
    "overview", "overview_markdown", "story_report",
]  # fmt: skip


def story_report(store: Store, story_id: str, now: datetime | None = None) -> str:
    """The flash update of one story, in Markdown."""
    return flash_markdown(flash_update(store, story_id, now))
