"""The store's tables (SQLAlchemy Core) and their versioned migrations.

Migrations are an ordered list of small functions, each run once in its own transaction and
recorded in `eventdesk_meta.schema_version`. Written by hand rather than with Alembic because
the store is embedded: it must migrate itself on open, from one process, with no env.py or
script directory shipped beside the package; the list below is all Alembic would give us here.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import (
    JSON,
    BigInteger,
    Column,
    Connection,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    bindparam,
    select,
    text,
    update,
)

metadata = MetaData()

meta = Table(
    "eventdesk_meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

articles = Table(
    "articles",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("source", Text, nullable=False),
    Column("url", Text),
    Column("outlet", Text),
    Column("title", Text),
    Column("author", Text),
    Column("published", String(10)),
    Column("language", String(16)),
    Column("skipped", String(40)),
    Column("skip_detail", Text),
    Column("text", Text, nullable=False),
    Column("content_hash", String(40), nullable=False, index=True),
    Column("removed", JSON, nullable=False),
    Column("features", JSON, nullable=False),
    Column("story_id", String(40), index=True),
    Column("copy_of", String(40)),
    Column("copy_score", Float),
    Column("seq", Integer, nullable=False, index=True),
)

mentions = Table(
    "mentions",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("article_id", String(40), ForeignKey("articles.id"), nullable=False, index=True),
    Column("event_type", String(40), nullable=False),
    Column("sub_event_type", String(60), nullable=False),
    Column("start", Integer, nullable=False),
    Column("event_id", String(40), index=True),
    Column("data", JSON, nullable=False),
)

events = Table(
    "events",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("story_id", String(40), nullable=False, index=True),
    Column("event_type", String(40), nullable=False, index=True),
    Column("sub_event_type", String(60), nullable=False),
    Column("date", String(10), index=True),
    Column("country_code", String(2), index=True),
    # The killed count (sum of the killed counts' best figures), 64-bit: counts are unbounded
    # integers in the JSON, and a 32-bit cast of one above 2^31 fails on PostgreSQL.
    Column("fatalities", BigInteger, nullable=False, server_default="0"),
    Column("seq", Integer, nullable=False),
    Column("data", JSON, nullable=False),
    # Unix time the record was created or last changed (ACLED's `timestamp`); kept out of the
    # record itself, which stays a pure function of the articles. NULL for events stored before
    # version 3 and not rebuilt since.
    Column("changed", BigInteger),
)

stories = Table(
    "stories",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("title", Text, nullable=False),
    Column("seq", Integer, nullable=False),
    Column("data", JSON, nullable=False),
)

failures = Table(
    "failures",
    metadata,
    Column("source", Text, primary_key=True),
    Column("reason", Text, nullable=False),
)

# An analyst's review of an event (review.py): one row per reviewed event, the current state;
# the link step reads it when it rebuilds the event, so the verdict and the fields set survive.
reviews = Table(
    "reviews",
    metadata,
    Column("event_id", String(40), primary_key=True),
    Column("status", String(16), nullable=False),
    Column("corrections", JSON, nullable=False),  # records.Corrections: the fields set
    Column("mention_ids", JSON, nullable=False),  # mentions placed here by a split or merge
    Column("merged_into", String(40)),
)

# The audit trail: every review action, never changed or deleted. One row per field edited.
review_log = Table(
    "review_log",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", String(40), nullable=False, index=True),
    Column("action", String(16), nullable=False),
    Column("field", String(40)),
    Column("old", JSON),
    Column("new", JSON),
    Column("other_event_id", String(40)),
    Column("reviewer", Text, nullable=False),
    Column("at", BigInteger, nullable=False),  # unix time
    Column("note", Text, nullable=False),
)

Index("ix_mentions_unlinked", mentions.c.event_id, mentions.c.article_id)

# The copy detector's vectors of an article (link/copies.py `CopyVectors`): the mean (read for
# every article) apart from the sentences' (read for candidate pairs only), so the link step
# holds 384 bytes per article, not ~7 kB.
copy_vectors = Table(
    "copy_vectors",
    metadata,
    Column("article_id", String(40), ForeignKey("articles.id"), primary_key=True),
    Column("mean", LargeBinary, nullable=False),
    Column("sentences", LargeBinary, nullable=False),
)


def _v1_initial(conn: Connection) -> None:
    # The tables as they were at version 1; later versions alter them. A new database gets
    # version 1 and then every migration, like an old one.
    v1 = MetaData()
    for table in metadata.sorted_tables:
        if table.name in LATER_TABLES:
            continue
        columns = [c._copy() for c in table.columns if (table.name, c.name) not in LATER_COLUMNS]
        Table(table.name, v1, *columns)
    for index in metadata.tables["mentions"].indexes:
        if index.name == "ix_mentions_unlinked":
            Index(index.name, *(v1.tables["mentions"].c[c.name] for c in index.columns))
    v1.create_all(conn)


V2_COLUMNS = {("events", "fatalities")}
V3_COLUMNS = {("events", "changed")}
LATER_COLUMNS = V2_COLUMNS | V3_COLUMNS  # added by a migration after version 1
V4_TABLES = {"reviews", "review_log"}
V5_TABLES = {"copy_vectors"}
LATER_TABLES = V4_TABLES | V5_TABLES  # created by a migration after version 1


def _v2_fatalities(conn: Connection) -> None:
    """events.fatalities: a 64-bit column for the killed count (sorting by it on PostgreSQL
    failed for counts above 2^31), filled from the events' JSON."""
    conn.execute(text("ALTER TABLE events ADD COLUMN fatalities BIGINT NOT NULL DEFAULT 0"))
    rows = conn.execute(select(events.c.id, events.c.data)).all()
    updates = []
    for row in rows:
        killed = sum((c.get("best") or 0) for c in row.data.get("counts", []) if c.get("kind") == "killed")
        if killed:
            updates.append({"eid": row.id, "n": min(killed, 2**63 - 1)})
    if updates:
        conn.execute(update(events).where(events.c.id == bindparam("eid")).values(fatalities=bindparam("n")), updates)


def _v3_changed(conn: Connection) -> None:
    """events.changed: when each event was created or last changed (unknown, NULL, for the events
    already stored: the next rebuild of one sets it)."""
    conn.execute(text("ALTER TABLE events ADD COLUMN changed BIGINT"))


def _v4_reviews(conn: Connection) -> None:
    """reviews and review_log: analysts' verdicts and corrections of events, and their audit
    trail (issue 15). New tables only: every stored event is unreviewed."""
    for name in sorted(V4_TABLES):
        metadata.tables[name].create(conn)


def _v5_copy_vectors(conn: Connection) -> None:
    """copy_vectors: the copy detector's sentence and article vectors. Articles stored before
    have none and are matched by their words only."""
    copy_vectors.create(conn)


MIGRATIONS: list[Callable[[Connection], None]] = [
    _v1_initial,
    _v2_fatalities,
    _v3_changed,
    _v4_reviews,
    _v5_copy_vectors,
]
SCHEMA_VERSION = len(MIGRATIONS)


def current_version(conn: Connection) -> int:
    """The schema version recorded in the database (0 for a new one)."""
    if not conn.dialect.has_table(conn, "eventdesk_meta"):
        return 0
    row = conn.execute(select(meta.c.value).where(meta.c.key == "schema_version")).first()
    return int(row[0]) if row else 0
