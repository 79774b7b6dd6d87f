"""Scale-out: the per-article map on a (local) Dask cluster, writing to PostgreSQL, gives the
same events as a local run into SQLite."""

from __future__ import annotations

from pathlib import Path

from eventdesk.export import iter_records
from eventdesk.run.local import run
from eventdesk.store import Store

ROOT = Path(__file__).resolve().parents[2]


def test_dask_into_postgres_equals_local_into_sqlite(tmp_path: Path, pg_url: str) -> None:
    corpus = ROOT / "examples" / "articles"
    local = Store(f"sqlite:///{tmp_path}/local.db")
    run([corpus], local, workers=1)
    distributed = Store(pg_url)
    summary = run([corpus], distributed, workers=2, engine="dask")
    assert summary.stored == len(local.articles())
    assert list(iter_records(distributed)) == list(iter_records(local))
    assert [a.id for a in distributed.articles()] == [a.id for a in local.articles()]
