"""Exports: JSONL per ../shared/schema/event.schema.json, ACLED's CSV and XLSX, GeoJSON.

All are built from `event_record`, the schema-shaped dict of one event, so they agree; the
CSV and XLSX rows (`csv_row`) have ACLED's 31 columns in ACLED's order and meaning, coded by
`eventdesk.acled`, then eventdesk's own columns.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Literal
from urllib.parse import urlsplit

from eventdesk import acled
from eventdesk.records import Event, Mention
from eventdesk.store import EventFilter, Store

Format = Literal["jsonl", "csv", "geojson", "xlsx"]
FORMATS: tuple[str, ...] = ("jsonl", "csv", "geojson", "xlsx")
BINARY_FORMATS: tuple[str, ...] = ("xlsx",)  # written to a file, never to a text stream

# ACLED's columns, in ACLED's order (ACLED Codebook, 2023 onwards).
ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
]  # fmt: skip
# eventdesk's own, after ACLED's: what ACLED has no column for.
OWN_COLUMNS = [
    "event_id", "iso2", "story_id", "articles", "independent_sources", "confidence", "status",
    "scope", "background", "fatalities_range", "counts", "conflicts", "review_status", "edited_fields",
]  # fmt: skip
CSV_COLUMNS = ACLED_COLUMNS + OWN_COLUMNS
# A spreadsheet reads a cell starting with one of these as a formula (or, tab and CR, as the
# start of one once trimmed): such text gets a leading single quote (OWASP's CSV injection advice).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
NOTES_MAX_CHARS = 600  # ACLED's notes run to two or three sentences; the summary and one quote fit
XLSX_MAX_CELL_CHARS = 32_767  # Excel refuses a workbook with a longer text cell
DEMONSTRATION_TYPES = ("Protests", "Riots")  # ACLED tags every demonstration with its crowd size


def event_record(event: Event, mentions: list[Mention]) -> dict:
    """One event as a dict valid against the shared event schema.

    A sentence that reports the event through several triggers ("stormed and looted") is one
    piece of evidence: the first mention's attribution and status stand for it.
    """
    p, w = event.place, event.when
    first: dict[tuple[str, int, int], Mention] = {}
    for m in mentions:
        first.setdefault((m.article_id, m.sentence.start, m.sentence.end), m)
    evidence = list(first.values())
    return {
        "event_id": event.id,
        "story_id": event.story_id,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "summary": event.summary,
        "date": {
            "value": w.value.isoformat() if w.value else None,
            "precision": w.precision,
            "expression": w.expression,
            "anchor": w.anchor.isoformat() if w.anchor else None,
        },
        "location": {
            "name": p.name, "country": p.country, "country_code": p.country_code,
            "admin1": p.admin1, "lat": p.lat, "lon": p.lon,
            "geo_precision": p.geo_precision, "gazetteer_id": p.gazetteer_id,
        },  # fmt: skip
        "actors": [
            {"name": a.name, "role": a.role, "kind": a.kind, "country_code": a.country_code,
             "acled_kind": acled.acled_kind(a.kind)}
            for a in event.actors
        ],
        "counts": [
            {"kind": c.kind, "who": c.who, "low": c.low, "high": c.high, "best": c.best,
             "text": c.text, "attributed_to": c.attributed_to}
            for c in event.counts
        ],  # fmt: skip
        "evidence": [
            {"article_id": m.article_id, "start": m.sentence.start, "end": m.sentence.end,
             "text": m.sentence.text, "attributed_to": m.attributed_to, "status": m.status.value}
            for m in evidence
        ],  # fmt: skip
        "sources": [
            {"article_id": s.article_id, "outlet": s.outlet, "url": s.url,
             "published": s.published.isoformat() if s.published else None, "copy_of": s.copy_of}
            for s in event.sources
        ],  # fmt: skip
        "corroboration": {
            "articles": event.articles,
            "independent_sources": event.independent_sources,
            "conflicts": event.conflicts,
        },
        "confidence": event.confidence,
        # optional fields beyond the shared schema: ACLED scope or ordinary crime, and whether
        # the articles mention it only as past context
        "scope": event.scope,
        "background": event.background,
        # an analyst's verdict (unreviewed, confirmed, edited, rejected) and the fields they set:
        # the values above are theirs for those fields
        "review_status": event.review_status,
        "edited_fields": event.edited_fields,
    } | acled_coding(event)


def acled_coding(event: Event) -> dict:
    """ACLED's codes of an event (optional fields beyond the shared schema): disorder type, the
    inter codes of its first actor1 and actor2 (inter2 0 without actor2; None for an actor of no
    ACLED kind), their interaction (None when an inter code is), and civilian targeting."""
    first = {role: [a.kind for a in event.actors if a.role == role] for role in ("actor1", "actor2")}
    inter1 = acled.inter_code(first["actor1"][0]) if first["actor1"] else None
    inter2 = acled.inter_code(first["actor2"][0]) if first["actor2"] else acled.NO_ACTOR
    return {
        "disorder_type": acled.disorder_type(event.event_type, event.sub_event_type),
        "inter1": inter1,
        "inter2": inter2,
        "interaction": acled.interaction(inter1, inter2) if inter1 and inter2 is not None else None,
        "civilian_targeting": acled.civilian_targeting(event.event_type, event.sub_event_type, first["actor2"]),
    }


def iter_records(store: Store, flt: EventFilter | None = None) -> Iterator[dict]:
    """Schema-shaped records of the stored events (mentions loaded once)."""
    by_id = {m.id: m for m in store.mentions()}
    for event in store.events(flt):
        yield event_record(event, [by_id[mid] for mid in event.mention_ids if mid in by_id])


def iter_rows(store: Store, flt: EventFilter | None = None) -> Iterator[dict]:
    """The CSV (and XLSX) rows of the stored events, each with the time its event last changed."""
    changed = store.event_changed()
    for rec in iter_records(store, flt):
        yield csv_row(rec, timestamp=changed.get(rec["event_id"]))


def csv_row(rec: dict, *, timestamp: int | None = None) -> dict:
    """One schema record as a row of ACLED's columns, then ours (`CSV_COLUMNS`), every text
    neutralised against formula injection. `timestamp` is the unix time the event last changed."""
    named = {role: [a["name"] for a in rec["actors"] if a["role"] == role] for role in ("actor1", "actor2", "associated")}
    a1, a2 = named["actor1"], named["actor2"]
    date, loc = rec["date"], rec["location"]
    country = acled.country(loc["country_code"])
    row = {
        "event_id_cnty": event_id_cnty(rec["event_id"], country),
        "event_date": date["value"] or "",
        "year": int(date["value"][:4]) if date["value"] else "",
        "time_precision": acled.time_precision(date["precision"]),
        "disorder_type": rec["disorder_type"],
        "event_type": rec["event_type"],
        "sub_event_type": rec["sub_event_type"],
        "actor1": a1[0] if a1 else "",
        "assoc_actor_1": "; ".join(a1[1:] + named["associated"]),
        "inter1": _blank(rec["inter1"]),
        "actor2": a2[0] if a2 else "",
        "assoc_actor_2": "; ".join(a2[1:]),
        "inter2": _blank(rec["inter2"]),
        "interaction": _blank(rec["interaction"]),
        "civilian_targeting": acled.CIVILIAN_TARGETING if rec["civilian_targeting"] else "",
        "iso": _blank(country.iso if country else None),
        "region": (country.region if country else None) or "",
        "country": loc["country"] or "",
        "admin1": loc["admin1"] or "",
        "admin2": "",  # the gazetteer resolves places to a first-level region at most
        "admin3": "",
        "location": loc["name"] or "",
        "latitude": _blank(loc["lat"]),
        "longitude": _blank(loc["lon"]),
        "geo_precision": _blank(loc["geo_precision"]),
        "source": "; ".join(outlets(rec["sources"])),
        "source_scale": "",  # an outlet's reach (local .. international) is not known to eventdesk
        "notes": notes(rec),
        "fatalities": sum(c["best"] or 0 for c in rec["counts"] if c["kind"] == "killed"),
        "tags": "; ".join(tags(rec)),
        "timestamp": _blank(timestamp),
        "event_id": rec["event_id"],
        "iso2": loc["country_code"] or "",
        "story_id": rec["story_id"],
        "articles": rec["corroboration"]["articles"],
        "independent_sources": rec["corroboration"]["independent_sources"],
        "confidence": rec["confidence"],
        "status": "; ".join(dict.fromkeys(e["status"] for e in rec["evidence"])),
        "scope": rec.get("scope", ""),
        "background": rec.get("background", ""),
        "fatalities_range": count_range([c for c in rec["counts"] if c["kind"] == "killed"]),
        "counts": "; ".join(_count_words(c) for c in rec["counts"]),
        "conflicts": " | ".join(rec["corroboration"]["conflicts"]),
        "review_status": rec.get("review_status", "unreviewed"),
        "edited_fields": "; ".join(rec.get("edited_fields", [])),
    }  # fmt: skip
    return {k: neutralise(v) for k, v in row.items()}


def _blank(value: object) -> object:
    return "" if value is None else value


def event_id_cnty(event_id: str, country: acled.Country | None) -> str:
    """ACLED's event id: the country's ISO alpha-3 code and a number, here our event id's hash
    read as a decimal number (stable; `event_id` keeps the id itself). No country, no prefix."""
    digits = event_id.removeprefix("e_")
    number = str(int(digits, 16)) if digits and all(c in "0123456789abcdef" for c in digits) else event_id
    return f"{country.iso3}{number}" if country else number


def outlets(sources: list[dict]) -> list[str]:
    """The outlets that reported the event, each once, from the articles' metadata: the outlet's
    name, else the host of the article's URL (never an article id)."""
    names = (s["outlet"] or (urlsplit(s["url"]).hostname or "").removeprefix("www.") for s in sources if s["outlet"] or s["url"])
    return [n for n in dict.fromkeys(names) if n]


def notes(rec: dict) -> str:
    """ACLED's notes: our one-sentence summary and the first evidence sentence as quoted, cut to
    NOTES_MAX_CHARS."""
    quote = " ".join(rec["evidence"][0]["text"].split()) if rec["evidence"] else ""
    text = " ".join(part for part in (rec["summary"], f'"{quote}"' if quote else "") if part)
    return text if len(text) <= NOTES_MAX_CHARS else text[: NOTES_MAX_CHARS - 1].rstrip() + "\u2026"


def tags(rec: dict) -> list[str]:
    """ACLED's tags: a demonstration's crowd size as the article words it ('no report' when none)."""
    if rec["event_type"] not in DEMONSTRATION_TYPES:
        return []
    crowd = [" ".join(c["text"].split()) for c in rec["counts"] if c["kind"] == "participants"]
    return [f"crowd size={crowd[0] if crowd else 'no report'}"]


def count_range(counts: list[dict]) -> str:
    """The sum of counts as a range: '12', '12-18', '18+' (no upper bound stated), '' for none."""
    if not counts:
        return ""
    low = sum(c["low"] or 0 for c in counts)
    high = None if any(c["high"] is None for c in counts) else sum(c["high"] for c in counts)
    return f"{low}+" if high is None else str(low) if high == low else f"{low}-{high}"


def _count_words(count: dict) -> str:
    who = f" ({count['who']})" if count["who"] else ""
    return f"{count['kind']} {count_range([count])}{who}"


def neutralise(value: object) -> object:
    """Text that a spreadsheet would run as a formula, quoted: a single quote before it. Numbers
    stay numbers (a negative longitude is no formula)."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def geojson_feature(rec: dict) -> dict | None:
    """One schema record as a GeoJSON Point feature (None when it has no coordinates)."""
    loc = rec["location"]
    if loc["lat"] is None or loc["lon"] is None:
        return None
    props = {k: rec[k] for k in ("event_id", "story_id", "event_type", "sub_event_type", "summary")}
    props |= {
        "date": rec["date"]["value"],
        "place": loc["name"],
        "country_code": loc["country_code"],
        "geo_precision": loc["geo_precision"],
        "fatalities": sum(c["best"] or 0 for c in rec["counts"] if c["kind"] == "killed"),
        "independent_sources": rec["corroboration"]["independent_sources"],
    }
    return {"type": "Feature", "geometry": {"type": "Point", "coordinates": [loc["lon"], loc["lat"]]}, "properties": props}


def write(store: Store, fmt: Format, out: IO[str], flt: EventFilter | None = None) -> int:
    """Write the events in a text format to a text stream; returns how many were written.

    Raises:
        ValueError: an unknown format, or xlsx (a binary workbook: use `write_xlsx`).
    """
    n = 0
    if fmt == "jsonl":
        for rec in iter_records(store, flt):
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
            n += 1
    elif fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS)
        writer.writeheader()
        for row in iter_rows(store, flt):
            writer.writerow(row)
            n += 1
    elif fmt == "geojson":
        features = [f for f in map(geojson_feature, iter_records(store, flt)) if f is not None]
        json.dump({"type": "FeatureCollection", "features": features}, out, ensure_ascii=False)
        out.write("\n")
        n = len(features)
    elif fmt in BINARY_FORMATS:
        raise ValueError(f"{fmt} is a binary workbook, not text: write it to a file with write_xlsx")
    else:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return n


def write_xlsx(rows: Iterable[dict], out: IO[bytes] | Path | str) -> int:
    """Write CSV rows (`csv_row`) as an XLSX workbook, one sheet "events" with the CSV's columns;
    returns how many rows were written. Numbers stay numbers; text loses the control characters
    a workbook cannot hold, then is neutralised against formulas, as in the CSV."""
    from openpyxl import Workbook  # imported here: only this export needs it

    book = Workbook(write_only=True)  # rows go to a temporary file, not memory
    sheet = book.create_sheet("events")
    sheet.append(CSV_COLUMNS)
    n = 0
    for row in rows:
        sheet.append([_xlsx_cell(row[c]) for c in CSV_COLUMNS])
        n += 1
    book.save(out)
    return n


def _xlsx_cell(value: object) -> object:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if not isinstance(value, str):
        return value
    if value == "":
        return None
    return neutralise(ILLEGAL_CHARACTERS_RE.sub("", value)[:XLSX_MAX_CELL_CHARS])
