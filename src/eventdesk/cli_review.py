"""`eventdesk review ...`: confirm, reject, edit, split and merge events, and read the audit trail.

Thin, like cli.py (which registers this group): parse, call `eventdesk.review`, print. Its
helpers are imported from cli.py inside the commands, so this module imports only click.
"""

from __future__ import annotations

import getpass
import json
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import click

REVIEWER_ENV = "EVENTDESK_REVIEWER"
# --count KIND=RANGE[@WHO]: RANGE is N, N-M, N+ (no upper bound), each optionally :BEST
COUNT_RANGE = re.compile(r"^(?P<low>\d+)(?:(?P<open>\+)|-(?P<high>\d+))?(?::(?P<best>\d+))?$")
CELL_CHARS = 100  # a value in the history table; `--json` prints whole values


def _reviewer() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in the environment or the password database
        return ""


def _signed(fn: Callable) -> Callable:
    """--by, --note and --db, which every writing review command takes."""
    fn = click.option("--db", metavar="URL", help="Database URL (default: sqlite:///eventdesk.db, or $EVENTDESK_DB).")(fn)
    fn = click.option("--note", default="", help="Why: kept with the entry in the audit trail.")(fn)
    return click.option("--by", "reviewer", envvar=REVIEWER_ENV, default=_reviewer, show_default="your user name",
                        help=f"Who is reviewing (also ${REVIEWER_ENV}).")(fn)  # fmt: skip


def _writing(db: str | None):  # type: ignore[no-untyped-def]
    """The store, held for this one writer: a review waits for a running `eventdesk run` as a
    run does (lock_wait), since that run's link step rebuilds the same events."""
    from eventdesk.cli import _store
    from eventdesk.config import load_config

    store = _store(db)
    return store, store.exclusive(load_config().lock_wait)


def _done(*events: Any) -> None:
    from eventdesk.cli import out

    for e in events:
        edited = f" (set: {', '.join(e.edited_fields)})" if e.edited_fields else ""
        out.print(f"{e.id}  {e.review_status}{edited}\n  {e.summary}", markup=False)


@click.group(name="review")
def review_group() -> None:
    """Review events as ACLED's coders do: confirm, reject, correct, split, merge.

    Every action is kept in an audit trail (who, when, the value before and after, a note)
    and outlasts later runs: fields set stay set when new articles rebuild the event, a
    rejected event stays rejected (hidden; list it with `eventdesk events --review rejected`),
    a split or merge is not undone.

    \b
    Example:
      eventdesk review confirm e_0123456789abcdef --by jd
      eventdesk review history e_0123456789abcdef
    """


@review_group.command()
@click.argument("event_id")
@_signed
def confirm(event_id: str, reviewer: str, note: str, db: str | None) -> None:
    """Confirm an event as coded (an edited one stays `edited`; a rejected one is restored).

    \b
    Example:
      eventdesk review confirm e_0123456789abcdef --by jd --note "checked against the wire"
    """
    from eventdesk import review

    store, held = _writing(db)
    with held:
        _done(review.confirm(store, event_id, reviewer=reviewer, note=note))


@review_group.command()
@click.argument("event_id")
@_signed
def reject(event_id: str, reviewer: str, note: str, db: str | None) -> None:
    """Reject an event: hidden from listings and exports unless asked for (--review rejected),
    kept rejected when new articles rebuild it.

    \b
    Example:
      eventdesk review reject e_0123456789abcdef --by jd --note "a court hearing, not an incident"
    """
    from eventdesk import review

    store, held = _writing(db)
    with held:
        _done(review.reject(store, event_id, reviewer=reviewer, note=note))


@review_group.command()
@click.argument("event_id")
@click.option("--type", "event_type", help="ACLED event type, e.g. Riots.")
@click.option("--sub-type", "sub_event_type", help="ACLED sub-event type, e.g. 'Mob violence'.")
@click.option("--date", "date_value", metavar="YYYY-MM-DD", help="The date, or 'unknown'.")
@click.option("--precision", type=click.Choice(["day", "week", "month", "year"]), help="The date's precision.")
@click.option("--place", "place_name", help="The place's name.")
@click.option("--country", help="The place's ISO 3166-1 alpha-2 country code.")
@click.option("--admin1", help="The place's first-level region.")
@click.option("--lat", type=click.FloatRange(-90, 90), help="Latitude (with --lon).")
@click.option("--lon", type=click.FloatRange(-180, 180), help="Longitude (with --lat).")
@click.option("--geo-precision", type=click.IntRange(1, 3), help="1 the place itself, 2 near it or part of a region, 3 the region.")
@click.option("--count", "counts", multiple=True, metavar="KIND=RANGE[@WHO]",
              help="Set the counts of a kind: killed=3, killed=2-5, injured=10+, killed=12-20:15 (best 15), "
                   "killed=1@police; killed= removes them. Repeatable; other kinds stay.")  # fmt: skip
@click.option("--actor", "actors", multiple=True, metavar="ROLE=NAME[|KIND]",
              help="Set the actors of a role (actor1, actor2, associated): 'actor1=Police Forces of Sri Lanka|police'; "
                   "actor2= removes them. Repeatable; other roles stay.")  # fmt: skip
@click.option("--json", "json_file", type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
              help="The fields as JSON (as the API's edit takes them), from a file or - for stdin.")  # fmt: skip
@_signed
def edit(event_id: str, json_file: Path | None, counts: tuple[str, ...], actors: tuple[str, ...],
         reviewer: str, note: str, db: str | None, **fields: Any) -> None:  # fmt: skip
    """Set fields of an event: type, sub-type, date and precision, place and coordinates, counts,
    actors. Each field changed is one audit entry; later runs keep it.

    \b
    Example:
      eventdesk review edit e_0123456789abcdef --place Rambukkana --lat 7.3247 --lon 80.3914 --geo-precision 1
      eventdesk review edit e_0123456789abcdef --type Riots --sub-type "Mob violence" --count killed=2-5
    """
    from eventdesk import review
    from eventdesk.errors import BadParameterError

    store, held = _writing(db)
    with held:
        event = store.event(event_id)
        try:
            changes = _changes(event, json_file, counts, actors, fields)
        except ValueError as exc:  # pydantic's ValidationError is one
            raise BadParameterError(_first_line(exc)) from None
        _done(review.edit(store, event_id, changes, reviewer=reviewer, note=note))


@review_group.command()
@click.argument("event_id")
@click.argument("mention_ids", nargs=-1, required=True)
@_signed
def split(event_id: str, mention_ids: tuple[str, ...], reviewer: str, note: str, db: str | None) -> None:
    """Split an event: the mentions named move to a new event, the others stay (the event keeps
    its id). `eventdesk show EVENT_ID` lists its mentions, each with its id.

    \b
    Example:
      eventdesk review split e_0123456789abcdef m_0123456789abcdef m_fedcba9876543210
    """
    from eventdesk import review

    store, held = _writing(db)
    with held:
        _done(*review.split(store, event_id, mention_ids, reviewer=reviewer, note=note))


@review_group.command()
@click.argument("event_id")
@click.argument("other_id")
@_signed
def merge(event_id: str, other_id: str, reviewer: str, note: str, db: str | None) -> None:
    """Merge OTHER_ID into EVENT_ID: one event with every mention, EVENT_ID's id and the fields
    set on it; OTHER_ID is remembered as merged into it.

    \b
    Example:
      eventdesk review merge e_0123456789abcdef e_fedcba9876543210 --note "one march, two reports"
    """
    from eventdesk import review

    store, held = _writing(db)
    with held:
        _done(review.merge(store, event_id, other_id, reviewer=reviewer, note=note))


@review_group.command()
@click.argument("event_id", required=False)
@click.option("--db", metavar="URL", help="Database URL (default: sqlite:///eventdesk.db, or $EVENTDESK_DB).")
@click.option("--json", "as_json", is_flag=True, help="One JSON entry per line, with whole values.")
def history(event_id: str | None, db: str | None, as_json: bool) -> None:
    """The audit trail of an event (also of one merged away), or of every event: when, who, what,
    the value before and after, the note.

    \b
    Example:
      eventdesk review history e_0123456789abcdef
      eventdesk review history --json > audit.jsonl
    """
    from eventdesk.cli import _print_table, _store
    from eventdesk.read.reasons import shown

    entries = _store(db).review_history(event_id)
    if as_json:
        for entry in entries:
            click.echo(json.dumps(entry.model_dump(mode="json"), ensure_ascii=False))
        return
    rows = [[e.at.strftime("%Y-%m-%d %H:%M:%S"), e.event_id, e.action, e.field or "", _cell(e.field, e.old), _cell(e.field, e.new),
             e.other_event_id or "", shown(e.reviewer), shown(e.note)] for e in entries]  # fmt: skip
    _print_table(["at (UTC)", "event", "action", "field", "old", "new", "other event", "by", "note"], rows)


# -- the edit's options as the fields to set ----------------------------------------------


def _changes(event, json_file: Path | None, counts: tuple[str, ...], actors: tuple[str, ...], fields: dict[str, Any]):  # type: ignore[no-untyped-def]
    from eventdesk.review import EventEdit

    given: dict[str, Any] = json.loads(_read(json_file)) if json_file else {}
    if not isinstance(given, dict):
        raise ValueError("--json: the fields must be a JSON object, e.g. {\"event_type\": \"Riots\"}")
    given.update({k: fields[k] for k in ("event_type", "sub_event_type") if fields[k] is not None})
    when = {k: v for k, v in (("value", fields["date_value"]), ("precision", fields["precision"])) if v is not None}
    if when.get("value") == "unknown":
        when["value"] = None
    place = {k: fields[o] for k, o in (("name", "place_name"), ("country_code", "country"), ("admin1", "admin1"),
             ("lat", "lat"), ("lon", "lon"), ("geo_precision", "geo_precision")) if fields[o] is not None}  # fmt: skip
    given.update({k: v for k, v in (("when", when), ("place", place)) if v})
    if counts:
        given["counts"] = list(_counts(event, counts))
    if actors:
        given["actors"] = list(_actors(event, actors))
    if not given:
        raise click.UsageError("nothing to set: give a field option (--type, --place, --count ...) or --json")
    return EventEdit.model_validate(given)


def _read(path: Path) -> str:
    return sys.stdin.read() if str(path) == "-" else path.read_text(encoding="utf-8")


def _counts(event, options: tuple[str, ...]) -> Iterator[dict[str, Any]]:  # type: ignore[no-untyped-def]
    """The event's counts with those of the kinds named replaced by the ones given."""
    parsed = [_count(option) for option in options]
    kinds = {kind for kind, _ in parsed}
    for c in event.counts:
        if c.kind not in kinds:
            yield {"kind": c.kind, "low": c.low, "high": c.high, "best": c.best, "who": c.who}
    yield from (count for _, count in parsed if count is not None)


def _count(option: str) -> tuple[str, dict[str, Any] | None]:
    kind, sep, rest = option.partition("=")
    figures, _, who = rest.partition("@")
    if not sep:
        raise ValueError(f"--count {option!r}: write KIND=RANGE, e.g. killed=3 or injured=10-20")
    if not figures.strip():
        return kind.strip(), None
    m = COUNT_RANGE.match(figures.strip())
    if m is None:
        raise ValueError(f"--count {option!r}: the range is N, N-M or N+ (optionally :BEST), e.g. killed=2-5:3")
    low = int(m["low"])
    high = None if m["open"] else int(m["high"]) if m["high"] else low
    best = int(m["best"]) if m["best"] else None
    return kind.strip(), {"kind": kind.strip(), "low": low, "high": high, "best": best, "who": who.strip() or None}


def _actors(event, options: tuple[str, ...]) -> Iterator[dict[str, Any]]:  # type: ignore[no-untyped-def]
    """The event's actors with those of the roles named replaced by the ones given."""
    parsed = []
    for option in options:
        role, sep, rest = option.partition("=")
        if not sep:
            raise ValueError(f"--actor {option!r}: write ROLE=NAME, e.g. 'actor1=Police Forces of Sri Lanka'")
        name, _, kind = rest.partition("|")
        parsed.append((role.strip(), {"name": name.strip(), "role": role.strip(), "kind": kind.strip() or None} if name.strip() else None))
    roles = {role for role, _ in parsed}
    for a in event.actors:
        if a.role not in roles:
            yield {"name": a.name, "role": a.role, "kind": a.kind, "country_code": a.country_code}
    yield from (actor for _, actor in parsed if actor is not None)


def _cell(field: str | None, value: Any) -> str:
    """A value of the audit trail in a few words (`--json` gives it whole)."""
    from eventdesk.read.reasons import shown

    if value is None:
        return ""
    text = _words(field, value) if isinstance(value, (dict, list)) else str(value)
    return shown(text if len(text) <= CELL_CHARS else text[: CELL_CHARS - 1] + "\u2026")


def _words(field: str | None, value: dict | list) -> str:
    if field == "when" and isinstance(value, dict):
        return f"{value.get('value') or 'undated'} ({value.get('precision')})"
    if field == "place" and isinstance(value, dict):
        where = ", ".join(str(value[k]) for k in ("name", "admin1", "country_code") if value.get(k))
        return f"{where or 'no place'} ({value.get('lat')}, {value.get('lon')}) p{value.get('geo_precision') or '-'}"
    if field == "counts" and isinstance(value, list):
        return "; ".join(f"{c['kind']} {_range(c)}" + (f" ({c['who']})" if c.get("who") else "") for c in value) or "none"
    if field == "actors" and isinstance(value, list):
        return "; ".join(f"{a['role']}: {a['name']}" for a in value) or "none"
    if field == "mentions" and isinstance(value, list):
        return f"{len(value)} mentions"
    return json.dumps(value, ensure_ascii=False)


def _range(count: dict) -> str:
    low, high = count.get("low"), count.get("high")
    if high is None:
        return f"{low}+" if low is not None else "?"
    return str(low) if low == high else f"{low if low is not None else '?'}-{high}"


def _first_line(exc: Exception) -> str:
    """A validation error in one line: pydantic's lists every error on lines of their own."""
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    if len(lines) >= 3 and "validation error" in lines[0]:
        return f"{lines[1]}: {lines[2].split(' [type=')[0]}"
    return lines[0] if lines else type(exc).__name__
