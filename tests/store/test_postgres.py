"""The same store code on PostgreSQL, against a real server the tests start."""

from __future__ import annotations

from eventdesk.records import Article
from eventdesk.store import Store
from eventdesk.store import schema as t


def test_postgres_store_migrates_and_writes_idempotently(pg_url: str) -> None:
    store = Store(pg_url)
    with store.engine.connect() as conn:
        assert t.current_version(conn) == t.SCHEMA_VERSION
    text = "Police detained 12 students outside the university in Kandy on Monday."
    a = Article(id=Article.make_id(text, None), source="k.txt", text=text, raw_text=text)
    assert store.write_article(a, [], {"content_hash": "h"})
    assert not store.write_article(a, [], {"content_hash": "h"})
    assert [x.id for x in Store(pg_url).articles()] == [a.id]
    store.close()
