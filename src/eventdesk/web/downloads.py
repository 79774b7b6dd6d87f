"""`GET /api/export`: the filtered events as JSONL, CSV, XLSX or GeoJSON, streamed.

Built from `eventdesk.export`'s record, row and feature functions, so a download is the same
as `eventdesk export`. Events are read in chunks, so memory stays flat however many there are
(an XLSX workbook is built in a temporary file first: a zip cannot be streamed as it is written).
"""

from __future__ import annotations

import csv
import io
import json
import tempfile
from collections.abc import Iterator
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import StreamingResponse

from eventdesk.export import CSV_COLUMNS, Format, csv_row, event_record, geojson_feature, write_xlsx
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
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
XLSX_SPOOL_BYTES = 8 * 1024 * 1024  # a workbook up to this size is built in memory, a larger one on disk
CHUNK_BYTES = 64 * 1024


def iter_export_events(store: Store, query: EventQuery) -> Iterator[tuple[dict, int | None]]:
    """Schema records of every event matching the query's filters, in its order, each with
    the unix time its event last changed."""
    for ids in queries.iter_matching_ids(store, query):
        mentions = queries.mentions_for_events(store, ids)
        changed = store.event_changed(ids)
        for data in queries.events_by_ids(store, ids):
            event = Event.model_validate(data)
            rec = event_record(event, [mentions[m] for m in event.mention_ids if m in mentions])
            yield rec, changed.get(event.id)


def _jsonl(events: Iterator[tuple[dict, int | None]]) -> Iterator[str]:
    for rec, _ in events:
        yield json.dumps(rec, ensure_ascii=False) + "\n"


def _csv(events: Iterator[tuple[dict, int | None]]) -> Iterator[str]:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    for rec, changed in events:
        writer.writerow(csv_row(rec, timestamp=changed))
        yield buf.getvalue()
        buf.seek(0)
        buf.truncate()
    yield buf.getvalue()


def _xlsx(events: Iterator[tuple[dict, int | None]]) -> Iterator[bytes]:
    with tempfile.SpooledTemporaryFile(max_size=XLSX_SPOOL_BYTES) as fh:
        write_xlsx((csv_row(rec, timestamp=changed) for rec, changed in events), fh)
        fh.seek(0)
        while chunk := fh.read(CHUNK_BYTES):
            yield chunk


def _geojson(events: Iterator[tuple[dict, int | None]]) -> Iterator[str]:
    yield '{"type": "FeatureCollection", "features": ['
    sep = ""
    for rec, _ in events:
        feature = geojson_feature(rec)
        if feature is not None:
            yield sep + json.dumps(feature, ensure_ascii=False)
            sep = ",\n"
    yield "]}\n"


WRITERS = {"jsonl": _jsonl, "csv": _csv, "xlsx": _xlsx, "geojson": _geojson}


@router.get("/export", summary="Download the filtered events (jsonl, csv, xlsx, geojson)")
def export(
    store: StoreDep,
    query: QueryDep,
    format: Annotated[Format, Query(description="jsonl (the shared schema), csv or xlsx (ACLED's columns, then ours) or geojson.")] = "jsonl",  # noqa: A002
) -> StreamingResponse:
    """Stream every event matching the filters (limit and offset are ignored) as a download."""
    body = WRITERS[format](iter_export_events(store, query))
    headers = {"Content-Disposition": f'attachment; filename="eventdesk-events.{format}"'}
    return StreamingResponse(body, media_type=MEDIA_TYPES[format], headers=headers)
