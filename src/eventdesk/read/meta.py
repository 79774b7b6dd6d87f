"""Article metadata shared by every reader, and the one place an Article is built."""

from __future__ import annotations

import dataclasses
import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from email.utils import parsedate_to_datetime

from eventdesk.read.decode import normalise_newlines, storable
from eventdesk.read.language import ENGLISH, identify_language, normalise_language
from eventdesk.records import Article, SkipReason

logger = logging.getLogger(__name__)

TEXT_KEYS = ("url", "outlet", "title", "language", "author")
# The names real corpora give the publication date, in the order they are tried: ours first,
# then the common ones (news-please, GDELT-style dumps, schema.org, feeds, data sets).
PUBLISHED_KEYS = ("published", "publication_date", "published_at", "date_published", "datePublished",
                  "pubdate", "pub_date", "date")  # fmt: skip
# Other names for the outlet (news-please `source_domain`, trafilatura `sitename`).
OUTLET_KEYS = ("outlet", "source_domain", "sitename", "site_name", "publisher")
META_KEYS = (*TEXT_KEYS, *PUBLISHED_KEYS, *OUTLET_KEYS)
# Plausible publication dates: none before 1900 (a year 1 or 0001-01-01 is a placeholder), none
# more than 2 days after today (time zones and embargoes; year 9999 is "no date"). Outside, the
# date is treated as unknown, with a warning: relative dates are never resolved against it.
EARLIEST_PUBLISHED = date(1900, 1, 1)
# The year as written in an RFC 2822 date ("Mon, 01 Jan 0001"): email.utils reads years under
# 100 as 19xx/20xx, so "0001" would come back as 2001.
_RFC2822_YEAR = re.compile(r"\b\d{1,2}\s+[A-Za-z]{3,9}\.?\s+(\d{1,4})\b")
PUBLISHED_DAYS_AHEAD = 2


@dataclass(frozen=True)
class Meta:
    """Metadata read alongside an article's text; None where the input does not say."""

    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: date | None = None
    language: str | None = None

    def merged(self, override: Meta) -> Meta:
        """These values, with every value `override` sets taking their place."""
        changes = {
            f.name: getattr(override, f.name)
            for f in dataclasses.fields(override)
            if getattr(override, f.name) is not None
        }
        return dataclasses.replace(self, **changes)


def parse_published(value: object, where: str) -> date | None:
    """A publication date from "YYYY-MM-DD", an ISO datetime or an RFC 2822 date.

    A datetime keeps the calendar date it was written in (its own time zone): that is the
    date the outlet printed. An unreadable value is logged as a warning and gives None.
    """
    if value is None or value == "":
        return None
    if isinstance(value, str):
        text = value.strip()
        try:
            return plausible_published(datetime.fromisoformat(text).date(), where)
        except ValueError:
            pass
        try:
            parsed = parsedate_to_datetime(text).date()
        except (TypeError, ValueError, IndexError, OverflowError):
            pass
        else:
            written = _RFC2822_YEAR.search(text)
            if written and int(written.group(1)) != parsed.year:  # "0001" is read as 2001
                logger.warning("%s: published %r has the year %s, not a plausible one; ignored",
                               where, value, written.group(1))  # fmt: skip
                return None
            return plausible_published(parsed, where)
    logger.warning("%s: published %r is not a date (want YYYY-MM-DD); ignored", where, value)
    return None


def plausible_published(value: date | None, where: str) -> date | None:
    """The date if it can be a publication date (EARLIEST_PUBLISHED to today plus
    PUBLISHED_DAYS_AHEAD), else None with a warning naming the input."""
    if value is None:
        return None
    latest = date.today() + timedelta(days=PUBLISHED_DAYS_AHEAD)
    if EARLIEST_PUBLISHED <= value <= latest:
        return value
    logger.warning(
        "%s: publication date %s is outside %s ... %s (today + %d days); treated as unknown",
        where, value.isoformat(), EARLIEST_PUBLISHED.isoformat(), latest.isoformat(), PUBLISHED_DAYS_AHEAD,
    )  # fmt: skip
    return None


def _text_value(data: Mapping[str, object], key: str, where: str) -> str | None:
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        logger.warning("%s: %s is a %s, not a string; ignored", where, key, type(value).__name__)
        return None
    return value.strip() or None


def meta_from_mapping(data: Mapping[str, object], where: str) -> Meta:
    """Metadata from a sidecar, front matter or a JSONL record (other keys are ignored).

    The publication date and the outlet are read under their common aliases (PUBLISHED_KEYS,
    OUTLET_KEYS): the first alias present with a value wins.

    Args:
        data: the mapping; only the keys in META_KEYS are read.
        where: names the input in warnings about ill-typed values.
    """
    values = {key: _text_value(data, key, where) for key in TEXT_KEYS if key != "outlet"}
    outlet_key = _first_present(data, OUTLET_KEYS)
    published_key = _first_present(data, PUBLISHED_KEYS)
    return Meta(
        title=values["title"],
        url=values["url"],
        outlet=_text_value(data, outlet_key, where) if outlet_key else None,
        author=values["author"],
        language=normalise_language(values["language"]),
        published=parse_published(data[published_key], where) if published_key else None,
    )


def _first_present(data: Mapping[str, object], keys: tuple[str, ...]) -> str | None:
    """The first of `keys` that `data` has with a non-empty value."""
    return next((key for key in keys if data.get(key) not in (None, "")), None)


def make_article(text: str, source: str, meta: Meta) -> Article:
    """Build the Article for a decoded text: id, metadata, language and skip mark.

    `raw_text` and `text` are the same here (newlines normalised); cleaning comes later.
    The language comes from the metadata, else it is identified; an article in a
    language other than English is still returned, marked skipped with the reason.
    Text and metadata are made storable (NUL removed, unpaired surrogates replaced, with a
    warning) and an implausible publication date is dropped (with a warning).
    """
    text = storable(normalise_newlines(text), source)
    meta = _storable_meta(meta, source)
    language = meta.language
    how = "given in the metadata"
    if language is None:
        language = identify_language(text)
        how = "detected"
    skipped, skip_detail = None, None
    if language is not None and language != ENGLISH:
        skipped = SkipReason.NOT_ENGLISH
        skip_detail = f"language '{language}' {how}; extraction is English-only"
    return Article(
        id=Article.make_id(text, meta.url),
        source=source,
        text=text,
        raw_text=text,
        title=meta.title,
        url=meta.url,
        outlet=meta.outlet,
        author=meta.author,
        published=meta.published,
        language=language,
        skipped=skipped,
        skip_detail=skip_detail,
    )


def _storable_meta(meta: Meta, where: str) -> Meta:
    changes: dict[str, object] = {
        f.name: storable(value, where, f.name)
        for f in dataclasses.fields(meta)
        if isinstance(value := getattr(meta, f.name), str)
    }
    changes["published"] = plausible_published(meta.published, where)
    return dataclasses.replace(meta, **changes)
