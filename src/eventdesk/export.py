"""Exports: JSONL per ../shared/schema/event.schema.json, ACLED-style CSV, GeoJSON.

All three are built from `event_record`, the schema-shaped dict of one event, so they agree.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from typing import IO, Literal

from eventdesk.records import Event, Mention
from eventdesk.store import EventFilter, Store

Format = Literal["jsonl", "csv", "geojson"]
FORMATS: tuple[str, ...] = ("jsonl", "csv", "geojson")

# ACLED's time_precision: 1 = day, 2 = week (or a few days), 3 = month or longer.
ACLED_TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3, "unknown": 3}
# ACLED column names where ACLED has the field; eventdesk's own columns after them.
CSV_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "actor2", "assoc_actor_2", "country", "admin1", "location",
    "latitude", "longitude", "geo_precision", "source", "notes", "fatalities",
    "iso2", "story_id", "articles", "independent_sources", "confidence", "conflicts",
]  # fmt: skip


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
            {"name": a.name, "role": a.role, "kind": a.kind, "country_code": a.country_code}
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
    }


def iter_records(store: Store, flt: EventFilter | None = None) -> Iterator[dict]:
    """Schema-shaped records of the stored events (mentions loaded once)."""
    by_id = {m.id: m for m in store.mentions()}
    for event in store.events(flt):
        yield event_record(event, [by_id[mid] for mid in event.mention_ids if mid in by_id])


def csv_row(rec: dict) -> dict:
    """One schema record as an ACLED-style CSV row."""
    actors = rec["actors"]

    def names(role: str, first: bool) -> str:
        found = [a["name"] for a in actors if a["role"] == role]
        return (found[0] if found else "") if first else "; ".join(found[1:] if role != "associated" else found)

    date, loc = rec["date"], rec["location"]
    killed = [c["best"] or 0 for c in rec["counts"] if c["kind"] == "killed"]
    return {
        "event_id_cnty": rec["event_id"],
        "event_date": date["value"] or "",
        "year": (date["value"] or "")[:4],
        "time_precision": ACLED_TIME_PRECISION[date["precision"]],
        "event_type": rec["event_type"],
        "sub_event_type": rec["sub_event_type"],
        "actor1": names("actor1", True),
        "assoc_actor_1": names("associated", False),
        "actor2": names("actor2", True),
        "assoc_actor_2": "",
        "country": loc["country"] or "",
        "admin1": loc["admin1"] or "",
        "location": loc["name"] or "",
        "latitude": loc["lat"] if loc["lat"] is not None else "",
        "longitude": loc["lon"] if loc["lon"] is not None else "",
        "geo_precision": loc["geo_precision"] or "",
        "source": "; ".join(dict.fromkeys(s["outlet"] or s["article_id"] for s in rec["sources"])),
        "notes": rec["summary"],
        "fatalities": sum(killed),
        "iso2": loc["country_code"] or "",
        "story_id": rec["story_id"],
        "articles": rec["corroboration"]["articles"],
        "independent_sources": rec["corroboration"]["independent_sources"],
        "confidence": rec["confidence"],
        "conflicts": " | ".join(rec["corroboration"]["conflicts"]),
    }


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
    """Write the events in a format; returns how many were written."""
    n = 0
    records = iter_records(store, flt)
    if fmt == "jsonl":
        for rec in records:
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
            n += 1
    elif fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS)
        writer.writeheader()
        for rec in records:
            writer.writerow(csv_row(rec))
            n += 1
    elif fmt == "geojson":
        features = [f for f in map(geojson_feature, records) if f is not None]
        json.dump({"type": "FeatureCollection", "features": features}, out, ensure_ascii=False)
        out.write("\n")
        n = len(features)
    else:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return n
