"""`GET /api/export`: the filtered events as JSONL, CSV or GeoJSON, streamed.

Built from `eventdesk.export`'s record, row and feature functions, so a download is the same
as `eventdesk export`. Events are read in chunks, so memory stays flat however many there are.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import StreamingResponse

from eventdesk.export import CSV_COLUMNS, Format, csv_row, event_record, geojson_feature
from eventdesk.records import Event
from eventdesk.store import Store
from eventdesk.web import queries
from eventdesk.web.api import QueryDep, StoreDep
from eventdesk.web.queries import EventQuery

router = APIRouter(prefix="/api")

MEDIA_TYPES: dict[str, str] = {
    "jsonl": "application/x-ndjson; charset=utf-8",
    "csv": "text/csv; charset=utf-8",
    "geojson": "application/geo+json; charset=utf-8",
}


def iter_export_records(store: Store, query: EventQuery) -> Iterator[dict]:
    """Schema records of every event matching the query's filters, in its order."""
    for ids in queries.iter_matching_ids(store, query):
        mentions = queries.mentions_for_events(store, ids)
        for data in queries.events_by_ids(store, ids):
            event = Event.model_validate(data)
            yield event_record(event, [mentions[m] for m in event.mention_ids if m in mentions])


def _jsonl(records: Iterator[dict]) -> Iterator[str]:
    for rec in records:
        yield json.dumps(rec, ensure_ascii=False) + "\n"


def _csv(records: Iterator[dict]) -> Iterator[str]:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    for rec in records:
        writer.writerow(csv_row(rec))
        yield buf.getvalue()
        buf.seek(0)
        buf.truncate()
    yield buf.getvalue()


def _geojson(records: Iterator[dict]) -> Iterator[str]:
    yield '{"type": "FeatureCollection", "features": ['
    sep = ""
    for rec in records:
        feature = geojson_feature(rec)
        if feature is not None:
            yield sep + json.dumps(feature, ensure_ascii=False)
            sep = ",\n"
    yield "]}\n"


WRITERS = {"jsonl": _jsonl, "csv": _csv, "geojson": _geojson}


@router.get("/export", summary="Download the filtered events (jsonl, csv, geojson)")
def export(
    store: StoreDep,
    query: QueryDep,
    format: Annotated[Format, Query(description="jsonl (the shared schema), csv (ACLED-style) or geojson.")] = "jsonl",  # noqa: A002
) -> StreamingResponse:
    """Stream every event matching the filters (limit and offset are ignored) as a download."""
    body = WRITERS[format](iter_export_records(store, query))
    headers = {"Content-Disposition": f'attachment; filename="eventdesk-events.{format}"'}
    return StreamingResponse(body, media_type=MEDIA_TYPES[format], headers=headers)
