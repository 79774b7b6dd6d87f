"""The store: tables and the read/write API over SQLite (default) or PostgreSQL (by URL).

Every write is idempotent (content-hash ids): writing an article that is already stored
adds nothing. Each article is written with all its mentions in one transaction. An article
stored as failed (skip reason `extraction-error`) is replaced when it is written again
processed. `exclusive()` lets one run at a time write a database.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import Engine, bindparam, create_engine, delete, event, func, insert, make_url, select, text, update
from sqlalchemy.exc import ArgumentError, OperationalError

from eventdesk.errors import MergedError, NotFoundError, StoreBusyError, StoreError, StoreMissingError
from eventdesk.records import Article, Event, Mention, ReviewEntry, ReviewState, SkipReason, Story
from eventdesk.store import schema as t
from eventdesk.store.reviews import ReviewReads

FAILED = SkipReason.EXTRACTION_ERROR.value  # the skip reason of an article that failed in a stage
LOCK_POLL_SECONDS = 0.5
WRITE_TIMES = {("events", "changed"), ("review_log", "at")}  # columns that say when a row was written, not what it holds
# The PostgreSQL advisory lock key of `eventdesk run` (a fixed 63-bit number from its name).
PG_LOCK_KEY = int.from_bytes(hashlib.sha256(b"eventdesk run").digest()[:8], "big") >> 1

log = logging.getLogger(__name__)

# Review statuses a view shows unless asked otherwise: a rejected event is hidden, not deleted.
SHOWN_REVIEWS: tuple[str, ...] = ("unreviewed", "confirmed", "edited")


@dataclass(frozen=True)
class EventFilter:
    """Filters for listing events; None means no filter."""

    event_type: str | None = None
    country_code: str | None = None
    since: date | None = None
    until: date | None = None
    story_id: str | None = None
    limit: int | None = None
    # Views default to current incidents in ACLED's scope: scope None shows every scope (ordinary
    # crime, other), background True adds the past incidents articles mention as context.
    scope: str | None = "acled"
    background: bool = False
    review: tuple[str, ...] | None = SHOWN_REVIEWS  # the review statuses shown; None: every one


def _shown(event: Event, flt: EventFilter) -> bool:
    """Whether an event passes the filter's scope, background and review settings."""
    return (
        (flt.scope is None or event.scope == flt.scope)
        and (flt.background or not event.background)
        and (flt.review is None or event.review_status in flt.review)
    )


def _sqlite_pragmas(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
    cur = dbapi_conn.cursor()
    # WAL: readers (the web UI) never block the one writer; synchronous=NORMAL is durable
    # across process kills (only an OS crash can lose the last transaction in WAL mode).
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


def open_engine(url: str) -> Engine:
    """Create the engine for a URL, with SQLite pragmas where relevant."""
    try:
        engine = create_engine(url, future=True)
    except (ArgumentError, ImportError) as exc:
        raise StoreError(
            f"cannot open database {url!r}: {exc}. Use sqlite:///PATH or postgresql+psycopg://..."
        ) from None
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def missing_sqlite_file(url: str) -> Path | None:
    """The file a SQLite URL names when that file does not exist; None otherwise (another
    backend, an in-memory or `file:` URI database, a file that exists, a URL that does not parse).

    Example:
        >>> missing_sqlite_file("sqlite:////no/such/dir/x.db")
        PosixPath('/no/such/dir/x.db')
    """
    try:
        parsed = make_url(url)
    except ArgumentError:
        return None  # open_engine says what is wrong with it
    database = parsed.database
    if parsed.get_backend_name() != "sqlite" or not database or database == ":memory:":
        return None
    if database.startswith("file:") or parsed.query.get("uri"):
        return None
    path = Path(database)
    return None if path.exists() else path.absolute()


def _missing(what: str) -> StoreMissingError:
    return StoreMissingError(
        f"{what}; run `eventdesk run PATH...` to fill one, or name the database you mean with --db URL "
        "(or EVENTDESK_DB)"
    )


class Store(ReviewReads):
    """Read/write access to the eventdesk database."""

    def __init__(self, url: str, *, create: bool = True) -> None:
        """Open (and migrate) the database at `url`.

        Args:
            url: `sqlite:///PATH` or `postgresql+psycopg://...`.
            create: make the database when it does not exist, as writers do. False (readers):
                a missing SQLite file or a database without eventdesk's tables raises
                `StoreMissingError` instead of leaving a new, empty database behind.
        """
        self.url = url
        if not create and (path := missing_sqlite_file(url)) is not None:
            raise _missing(f"no database at {path} ({url})")
        self.engine = open_engine(url)
        try:
            self._migrate(create)
        except OperationalError as exc:
            raise StoreError(f"cannot open database {url!r}: {exc.orig}") from None

    def _migrate(self, create: bool) -> None:
        with self.engine.begin() as conn:
            version = t.current_version(conn)
        if version == 0 and not create:
            self.engine.dispose()
            raise _missing(f"the database {self.url} has no eventdesk tables")
        if version > t.SCHEMA_VERSION:
            raise StoreError(
                f"database {self.url!r} is at schema version {version}, newer than this "
                f"eventdesk ({t.SCHEMA_VERSION}); upgrade eventdesk."
            )
        for number in range(version + 1, t.SCHEMA_VERSION + 1):
            with self.engine.begin() as conn:
                t.MIGRATIONS[number - 1](conn)
                conn.execute(delete(t.meta).where(t.meta.c.key == "schema_version"))
                conn.execute(insert(t.meta).values(key="schema_version", value=str(number)))
            log.info("migrated %s to schema version %d", self.url, number)

    def close(self) -> None:
        """Release the connection pool."""
        self.engine.dispose()

    # -- articles -------------------------------------------------------------------------

    def known_article_ids(self, ids: Iterable[str], *, include_failed: bool = True) -> set[str]:
        """Which of these article ids are already stored (without the ones stored as failed,
        when `include_failed` is False: a run that retries them)."""
        wanted = list(ids)
        found: set[str] = set()
        query = select(t.articles.c.id)
        if not include_failed:
            query = query.where(t.articles.c.skipped.is_(None) | (t.articles.c.skipped != FAILED))
        with self.engine.connect() as conn:
            for i in range(0, len(wanted), 500):
                chunk = wanted[i : i + 500]
                found.update(conn.scalars(query.where(t.articles.c.id.in_(chunk))))
        return found

    def write_article(
        self, article: Article, mentions: Sequence[Mention], features: dict, vectors: tuple[bytes, bytes] | None = None
    ) -> bool:
        """Store an article, all its mentions and its copy vectors (mean, sentences) in one
        transaction; False if already stored.

        An article stored as failed is replaced (in its place in the ingest order) when it is
        written again not failed: a retry that succeeded.
        """
        with self.engine.begin() as conn:
            stored = conn.execute(
                select(t.articles.c.seq, t.articles.c.skipped).where(t.articles.c.id == article.id)
            ).first()
            if stored is not None:
                retried = stored.skipped == FAILED and (article.skipped is None or article.skipped.value != FAILED)
                if not retried:
                    return False
                conn.execute(delete(t.copy_vectors).where(t.copy_vectors.c.article_id == article.id))
                conn.execute(delete(t.articles).where(t.articles.c.id == article.id))
                seq = stored.seq
            else:
                seq = (conn.scalar(select(func.max(t.articles.c.seq))) or 0) + 1
            conn.execute(insert(t.articles).values(**_article_row(article, features, seq)))
            if vectors is not None:
                conn.execute(insert(t.copy_vectors).values(article_id=article.id, mean=vectors[0], sentences=vectors[1]))
            if mentions:
                conn.execute(insert(t.mentions), [_mention_row(m) for m in mentions])
            conn.execute(delete(t.failures).where(t.failures.c.source == article.source))
        return True

    def write_failure(self, source: str, reason: str) -> None:
        """Record an input that could not be read (replacing an earlier reason)."""
        source, reason = _storable(source), _storable(reason)
        with self.engine.begin() as conn:
            conn.execute(delete(t.failures).where(t.failures.c.source == source))
            conn.execute(insert(t.failures).values(source=source, reason=reason))

    def failed_articles(self) -> list[Article]:
        """Articles that failed in a stage (stored without mentions, the reason in skip_detail)."""
        query = select(t.articles).where(t.articles.c.skipped == FAILED).order_by(t.articles.c.seq)
        with self.engine.connect() as conn:
            return [_article_from_row(r) for r in conn.execute(query)]

    # -- one run at a time ----------------------------------------------------------------

    @contextlib.contextmanager
    def exclusive(self, wait_seconds: float = 0, on_wait: Callable[[str], None] | None = None) -> Iterator[None]:
        """Hold the database for one writer (an `eventdesk run`) while the block runs.

        SQLite: a lock on the file `<database>.lock` beside it; PostgreSQL: an advisory lock. Both
        go with the process, however it ends. Another holder makes this wait up to `wait_seconds`
        (`on_wait` is told once), then raise StoreBusyError with what to do.
        """
        holder = self._lock_holder()
        deadline = time.monotonic() + wait_seconds
        told = False
        try:
            while not holder.acquire():
                if time.monotonic() >= deadline:
                    raise StoreBusyError(
                        f"database {self.url!r} is in use by another eventdesk run{holder.who()}; wait for "
                        "it to finish, or set lock_wait (EVENTDESK_LOCK_WAIT) to the seconds to wait for it"
                    )
                if on_wait and not told:
                    on_wait(f"waiting for another eventdesk run on {self.url}{holder.who()} to finish "
                            f"(up to {wait_seconds:g} s, lock_wait)")  # fmt: skip
                    told = True
                time.sleep(LOCK_POLL_SECONDS)
            yield
        finally:
            holder.release()

    def _lock_holder(self) -> _Lock:
        if self.engine.dialect.name == "postgresql":
            return _PgLock(self.engine)
        database = self.engine.url.database
        if self.engine.dialect.name == "sqlite" and database and database != ":memory:":
            return _FileLock(Path(database + ".lock"))
        return _NoLock()

    def failures(self) -> list[tuple[str, str]]:
        """Every input that could not be read, with its reason."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(t.failures).order_by(t.failures.c.source))
            return [(r.source, r.reason) for r in rows]

    def articles(self, *, include_skipped: bool = True) -> list[Article]:
        """All stored articles in ingest order."""
        query = select(t.articles).order_by(t.articles.c.seq)
        if not include_skipped:
            query = query.where(t.articles.c.skipped.is_(None))
        with self.engine.connect() as conn:
            return [_article_from_row(r) for r in conn.execute(query)]

    def article(self, article_id: str) -> Article:
        """One article by id (NotFoundError if absent)."""
        with self.engine.connect() as conn:
            row = conn.execute(select(t.articles).where(t.articles.c.id == article_id)).first()
        if row is None:
            raise NotFoundError(f"no article with id {article_id!r}; list them with `eventdesk articles`")
        return _article_from_row(row)

    def article_rows(self) -> list[dict]:
        """Articles' link-step columns (id, published, outlet, features, story, copy) in order."""
        cols = [
            t.articles.c.id, t.articles.c.published, t.articles.c.outlet, t.articles.c.url,
            t.articles.c.title, t.articles.c.content_hash, t.articles.c.features,
            t.articles.c.story_id, t.articles.c.copy_of, t.articles.c.copy_score, t.articles.c.skipped,
        ]  # fmt: skip
        with self.engine.connect() as conn:
            rows = conn.execute(select(*cols).order_by(t.articles.c.seq))
            return [dict(r._mapping) for r in rows]

    def article_texts(self, ids: Sequence[str]) -> dict[str, str]:
        """The stored (cleaned) texts of these articles, by id."""
        with self.engine.connect() as conn:
            query = select(t.articles.c.id, t.articles.c.text)
            return {aid: txt for i in range(0, len(ids), 500) for aid, txt in conn.execute(query.where(t.articles.c.id.in_(ids[i : i + 500])))}

    def update_features(self, features: dict[str, dict]) -> None:
        """Replace the link features of these articles (article id → features)."""
        if not features:
            return
        with self.engine.begin() as conn:
            conn.execute(
                update(t.articles).where(t.articles.c.id == bindparam("aid")).values(features=bindparam("f")),
                [{"aid": aid, "f": f} for aid, f in features.items()],
            )

    def copy_vector_means(self) -> dict[str, bytes]:
        """Every article's copy-detector mean vector (link/copies.py), by article id."""
        with self.engine.connect() as conn:
            return {aid: bytes(m) for aid, m in conn.execute(select(t.copy_vectors.c.article_id, t.copy_vectors.c.mean))}

    def copy_vectors(self, ids: Sequence[str]) -> dict[str, bytes]:
        """The copy-detector sentence vectors of these articles, by id (absent: none stored)."""
        query = select(t.copy_vectors.c.article_id, t.copy_vectors.c.sentences)
        with self.engine.connect() as conn:
            return {aid: bytes(v) for i in range(0, len(ids), 500)
                    for aid, v in conn.execute(query.where(t.copy_vectors.c.article_id.in_(ids[i : i + 500])))}  # fmt: skip

    # -- mentions -------------------------------------------------------------------------

    def mentions(self, *, unlinked_only: bool = False, event_id: str | None = None) -> list[Mention]:
        """Mentions in ingest order (article seq, then offset)."""
        query = (
            select(t.mentions.c.data)
            .join(t.articles, t.articles.c.id == t.mentions.c.article_id)
            .order_by(t.articles.c.seq, t.mentions.c.start, t.mentions.c.id)
        )
        if unlinked_only:
            query = query.where(t.mentions.c.event_id.is_(None))
        if event_id is not None:
            query = query.where(t.mentions.c.event_id == event_id)
        with self.engine.connect() as conn:
            return [Mention.model_validate(d) for d in conn.scalars(query)]

    def iter_mentions(self, chunk: int = 2000) -> Iterator[Mention]:
        """Every mention in ingest order, streamed (memory stays flat on large stores)."""
        query = (
            select(t.mentions.c.data)
            .join(t.articles, t.articles.c.id == t.mentions.c.article_id)
            .order_by(t.articles.c.seq, t.mentions.c.start, t.mentions.c.id)
        )
        with self.engine.connect() as conn:
            for data in conn.execution_options(yield_per=chunk).scalars(query):
                yield Mention.model_validate(data)

    def mentions_by_id(self, ids: Sequence[str]) -> dict[str, Mention]:
        """The mentions with these ids."""
        out: dict[str, Mention] = {}
        with self.engine.connect() as conn:
            for i in range(0, len(ids), 500):
                query = select(t.mentions.c.data).where(t.mentions.c.id.in_(ids[i : i + 500]))
                out.update((d["id"], Mention.model_validate(d)) for d in conn.scalars(query))
        return out

    def event_seqs(self) -> dict[str, int]:
        """event id → creation order, for every stored event."""
        with self.engine.connect() as conn:
            return dict(conn.execute(select(t.events.c.id, t.events.c.seq)).all())

    def mention_event_ids(self) -> dict[str, str | None]:
        """mention id → event id (None when not yet linked)."""
        with self.engine.connect() as conn:
            return dict(conn.execute(select(t.mentions.c.id, t.mentions.c.event_id)).all())

    # -- link results ---------------------------------------------------------------------

    def save_link(
        self,
        article_updates: dict[str, dict],
        stories: Sequence[Story],
        events: Sequence[Event],
        mention_events: dict[str, str],
    ) -> None:
        """Write the link step's results in one transaction (all or nothing)."""
        with self.engine.begin() as conn:
            if article_updates:  # one executemany, not a statement per row
                conn.execute(
                    update(t.articles)
                    .where(t.articles.c.id == bindparam("aid"))
                    .values(story_id=bindparam("sid"), copy_of=bindparam("cof"), copy_score=bindparam("csc")),
                    [{"aid": a, "sid": v["story_id"], "cof": v["copy_of"], "csc": v["copy_score"]}
                     for a, v in article_updates.items()],
                )  # fmt: skip
            _upsert(conn, t.stories, [_story_row(s) for s in stories])
            _upsert(conn, t.events, _changed_rows(conn, [_event_row(e) for e in events], int(time.time())))
            if mention_events:
                conn.execute(
                    update(t.mentions).where(t.mentions.c.id == bindparam("mid")).values(event_id=bindparam("eid")),
                    [{"mid": m, "eid": e} for m, e in mention_events.items()],
                )

    # -- events and stories ---------------------------------------------------------------

    def events(self, flt: EventFilter | None = None) -> list[Event]:
        """Events matching the filter, by date then creation order."""
        flt = flt or EventFilter()
        query = select(t.events.c.data).order_by(t.events.c.date.asc().nulls_first(), t.events.c.seq)
        conds = [
            (flt.event_type, lambda v: t.events.c.event_type == v),
            (flt.country_code, lambda v: t.events.c.country_code == v.upper()),
            (flt.since, lambda v: t.events.c.date >= v.isoformat()),
            (flt.until, lambda v: t.events.c.date <= v.isoformat()),
            (flt.story_id, lambda v: t.events.c.story_id == v),
        ]
        for value, make in conds:
            if value is not None:
                query = query.where(make(value))
        with self.engine.connect() as conn:
            # scope, background and review live in the record (no column): filtered here, then the limit
            found = (Event.model_validate(d) for d in conn.scalars(query))
            kept = [e for e in found if _shown(e, flt)]
        return kept[: flt.limit] if flt.limit else kept

    def event_changed(self, event_ids: Sequence[str] | None = None) -> dict[str, int | None]:
        """event id -> unix time the event was created or last changed (None: stored before
        the store kept it, and not rebuilt since), for these events or every one."""
        out: dict[str, int | None] = {}
        with self.engine.connect() as conn:
            if event_ids is None:
                return dict(conn.execute(select(t.events.c.id, t.events.c.changed)).all())
            for i in range(0, len(event_ids), 500):
                query = select(t.events.c.id, t.events.c.changed).where(t.events.c.id.in_(event_ids[i : i + 500]))
                out.update((eid, changed) for eid, changed in conn.execute(query))
        return out

    def event(self, event_id: str) -> Event:
        """One event by id (NotFoundError if absent; MergedError if a review merged it away)."""
        try:
            return Event.model_validate(self._data(t.events, event_id, "event", "eventdesk events"))
        except NotFoundError:
            state = self.reviews([event_id]).get(event_id)
            if state is None or state.merged_into is None:
                raise
            raise MergedError(
                f"event {event_id!r} was merged into {state.merged_into!r} by a review; open that one "
                f"(its history: `eventdesk review history {event_id}`)",
                state.merged_into,
            ) from None

    def _data(self, table, record_id: str, what: str, listing: str) -> dict:  # type: ignore[no-untyped-def]
        """The JSON `data` of one row by id, or NotFoundError naming the command that lists them."""
        with self.engine.connect() as conn:
            data = conn.scalar(select(table.c.data).where(table.c.id == record_id))
        if data is None:
            raise NotFoundError(f"no {what} with id {record_id!r}; list them with `{listing}`")
        return data

    def stories(self) -> list[Story]:
        """All stories in creation order."""
        with self.engine.connect() as conn:
            rows = conn.scalars(select(t.stories.c.data).order_by(t.stories.c.seq))
            return [Story.model_validate(d) for d in rows]

    def story(self, story_id: str) -> Story:
        """One story by id (NotFoundError if absent)."""
        return Story.model_validate(self._data(t.stories, story_id, "story", "eventdesk stories"))

    # -- reviews (their reads: store/reviews.py) -------------------------------------------

    def save_review(
        self,
        entries: Sequence[ReviewEntry],
        states: Sequence[ReviewState],
        events: Sequence[Event],
        mention_events: dict[str, str] | None = None,
        deleted: Sequence[str] = (),
    ) -> None:
        """Write a review in one transaction: its audit entries, the reviews' new states, the
        events as they now stand, mentions moved between events, events merged away."""
        with self.engine.begin() as conn:
            conn.execute(insert(t.review_log), [_entry_row(e) for e in entries])
            rows = [s.model_dump(mode="json") for s in states]
            conn.execute(delete(t.reviews).where(t.reviews.c.event_id.in_([s.event_id for s in states])))
            if rows:
                conn.execute(insert(t.reviews), rows)
            if deleted:
                conn.execute(delete(t.events).where(t.events.c.id.in_(list(deleted))))
            _upsert(conn, t.events, _changed_rows(conn, [_event_row(e) for e in events], int(time.time())))
            if mention_events:
                conn.execute(
                    update(t.mentions).where(t.mentions.c.id == bindparam("mid")).values(event_id=bindparam("eid")),
                    [{"mid": m, "eid": e} for m, e in mention_events.items()],
                )

    def dump(self) -> dict[str, list[tuple]]:
        """Every row of every table but the times rows were written, sorted: for comparing two
        databases in tests (two runs on the same input write the same rows at other times)."""
        out: dict[str, list[tuple]] = {}
        with self.engine.connect() as conn:
            for table in t.metadata.sorted_tables:
                columns = [c for c in table.columns if (table.name, c.name) not in WRITE_TIMES]
                rows = conn.execute(select(*columns)).all()
                out[table.name] = sorted((tuple(map(repr, r)) for r in rows))
        return out


class _Lock:
    def acquire(self) -> bool:
        raise NotImplementedError

    def release(self) -> None:
        raise NotImplementedError

    def who(self) -> str:
        return ""


class _NoLock(_Lock):
    """An in-memory database is this process's own."""

    def acquire(self) -> bool:
        return True

    def release(self) -> None:
        pass


class _FileLock(_Lock):
    """flock(2) on a file beside the database (released by the kernel when the process ends)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.fd: int | None = None

    def acquire(self) -> bool:
        try:
            import fcntl
        except ImportError:  # not POSIX: no lock
            return True
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            return False
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        self.fd = fd
        return True

    def release(self) -> None:
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None

    def who(self) -> str:
        try:
            pid = self.path.read_text().strip()
        except OSError:
            return ""
        return f" (process {pid})" if pid.isdigit() else ""


class _PgLock(_Lock):
    """A session advisory lock on a connection held for the run."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.conn = None

    def acquire(self) -> bool:
        conn = self.engine.connect()
        if conn.scalar(text("SELECT pg_try_advisory_lock(:key)"), {"key": PG_LOCK_KEY}):
            self.conn = conn
            return True
        conn.close()
        return False

    def release(self) -> None:
        if self.conn is not None:
            with contextlib.suppress(Exception):
                self.conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": PG_LOCK_KEY})
            self.conn.close()
            self.conn = None


def _storable(value: str) -> str:
    """A string any store takes: no NUL, no unpaired surrogate."""
    value = value.replace("\x00", "")
    return value.encode("utf-8", "replace").decode("utf-8") if any("\ud800" <= c <= "\udfff" for c in value) else value


def _upsert(conn, table, rows: list[dict]) -> None:  # type: ignore[no-untyped-def]
    """Replace rows by primary key (portable across SQLite and PostgreSQL)."""
    if not rows:
        return
    ids = [r["id"] for r in rows]
    for i in range(0, len(ids), 500):
        conn.execute(delete(table).where(table.c.id.in_(ids[i : i + 500])))
    conn.execute(insert(table), rows)


def _changed_rows(conn, rows: list[dict], now: int) -> list[dict]:  # type: ignore[no-untyped-def]
    """Event rows with their `changed` time: now for a new event or one whose record differs
    from the stored one, the stored time for one rebuilt the same."""
    stored: dict[str, tuple[dict, int | None]] = {}
    ids = [r["id"] for r in rows]
    for i in range(0, len(ids), 500):
        query = select(t.events.c.id, t.events.c.data, t.events.c.changed).where(t.events.c.id.in_(ids[i : i + 500]))
        stored.update((eid, (data, changed)) for eid, data, changed in conn.execute(query))
    for row in rows:
        data, changed = stored.get(row["id"], (None, None))
        row["changed"] = changed if changed is not None and data == row["data"] else now
    return rows


def _article_row(article: Article, features: dict, seq: int) -> dict:
    return {
        "id": article.id,
        "source": article.source,
        "url": article.url,
        "outlet": article.outlet,
        "title": article.title,
        "author": article.author,
        "published": article.published.isoformat() if article.published else None,
        "language": article.language,
        "skipped": article.skipped.value if article.skipped else None,
        "skip_detail": article.skip_detail,
        "text": article.text,
        "content_hash": features.get("content_hash", ""),
        "removed": [r.model_dump(mode="json") for r in article.removed],
        "features": features,
        "seq": seq,
    }


def _article_from_row(row) -> Article:  # type: ignore[no-untyped-def]
    return Article(
        id=row.id,
        source=row.source,
        text=row.text,
        title=row.title,
        url=row.url,
        outlet=row.outlet,
        author=row.author,
        published=date.fromisoformat(row.published) if row.published else None,
        language=row.language,
        removed=row.removed,
        skipped=row.skipped,
        skip_detail=row.skip_detail,
        story_id=row.story_id,
        copy_of=row.copy_of,
        copy_score=row.copy_score,
    )


def _mention_row(m: Mention) -> dict:
    return {
        "id": m.id,
        "article_id": m.article_id,
        "event_type": m.event_type,
        "sub_event_type": m.sub_event_type,
        "start": m.trigger.start,
        "event_id": None,
        "data": m.model_dump(mode="json"),
    }


def _event_row(e: Event) -> dict:
    return {
        "id": e.id,
        "story_id": e.story_id,
        "event_type": e.event_type,
        "sub_event_type": e.sub_event_type,
        "date": e.when.value.isoformat() if e.when.value else None,
        "country_code": e.place.country_code,
        "fatalities": fatalities(e),
        "seq": e.seq,
        "data": e.model_dump(mode="json"),
    }


BIGINT_MAX = 2**63 - 1


def fatalities(e: Event) -> int:
    """The event's killed count (sum of the `best` figures of its killed counts) for the 64-bit
    `events.fatalities` column, capped at the column's maximum."""
    return min(BIGINT_MAX, sum(c.best or 0 for c in e.counts if c.kind == "killed"))


def _entry_row(e: ReviewEntry) -> dict:
    """An audit entry as a `review_log` row (unix time, text any store takes)."""
    row = e.model_dump(mode="json", exclude={"id"})
    row["at"] = int(e.at.timestamp())
    row["reviewer"], row["note"] = _storable(e.reviewer), _storable(e.note)
    return row


def _story_row(s: Story) -> dict:
    return {"id": s.id, "title": s.title, "seq": s.seq, "data": s.model_dump(mode="json")}
