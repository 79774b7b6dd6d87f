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
    Column,
    Connection,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    select,
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
    Column("seq", Integer, nullable=False),
    Column("data", JSON, nullable=False),
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

Index("ix_mentions_unlinked", mentions.c.event_id, mentions.c.article_id)


def _v1_initial(conn: Connection) -> None:
    metadata.create_all(conn)


MIGRATIONS: list[Callable[[Connection], None]] = [_v1_initial]
SCHEMA_VERSION = len(MIGRATIONS)


def current_version(conn: Connection) -> int:
    """The schema version recorded in the database (0 for a new one)."""
    if not conn.dialect.has_table(conn, "eventdesk_meta"):
        return 0
    row = conn.execute(select(meta.c.value).where(meta.c.key == "schema_version")).first()
    return int(row[0]) if row else 0
