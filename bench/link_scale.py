"""Time the link step on a store of N articles cloned from a processed store.

Usage:
    .venv/bin/python bench/link_scale.py SOURCE.db CLONE.db N

SOURCE.db is a store made by `eventdesk run` (see SCALING.md); CLONE.db gets its articles, their
copy vectors and mentions repeated under new ids until it holds N articles, with events, stories and assignments
cleared; then `link` runs on it and the time and peak RSS are printed on one key=value line.
"""

from __future__ import annotations

import json
import resource
import shutil
import sqlite3
import sys
import time


def clone(src: str, dst: str, n: int) -> None:
    """Copy src to dst and repeat its articles (with their mentions) up to n articles."""
    shutil.copy(src, dst)
    con = sqlite3.connect(dst)
    cols = [d[1] for d in con.execute("pragma table_info(articles)")]
    mcols = [d[1] for d in con.execute("pragma table_info(mentions)")]
    rows = con.execute("select * from articles").fetchall()
    by_article: dict[str, list[tuple]] = {}
    for m in con.execute("select * from mentions").fetchall():
        by_article.setdefault(dict(zip(mcols, m))["article_id"], []).append(m)
    has_vectors = con.execute("select 1 from sqlite_master where name = 'copy_vectors'").fetchone() is not None
    vectors = dict(((r[0], r[1:]) for r in con.execute("select article_id, mean, sentences from copy_vectors"))) if has_vectors else {}
    con.execute("delete from events")
    con.execute("delete from stories")
    con.execute("update mentions set event_id = null")
    con.execute("update articles set story_id = null, copy_of = null, copy_score = null")
    seq, i = len(rows), 0
    while seq < n:
        for r in rows[: n - seq]:
            seq, i = seq + 1, i + 1
            d = dict(zip(cols, r))
            old, d["id"], d["seq"], d["url"] = d["id"], f"a_clone{i:08d}", seq, f"clone://{i}"
            con.execute(f"insert into articles ({','.join(cols)}) values ({','.join('?' * len(cols))})", [d[c] for c in cols])
            if old in vectors:
                con.execute("insert into copy_vectors (article_id, mean, sentences) values (?, ?, ?)", (d["id"], *vectors[old]))
            for m in by_article.get(old, []):
                md = dict(zip(mcols, m))
                data = json.loads(md["data"])
                data["id"], data["article_id"] = f"{md['id']}_{i}", d["id"]
                md.update(id=data["id"], article_id=d["id"], data=json.dumps(data), event_id=None)
                con.execute(f"insert into mentions ({','.join(mcols)}) values ({','.join('?' * len(mcols))})", [md[c] for c in mcols])
    con.commit()
    con.close()


def main() -> None:
    src, dst, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
    clone(src, dst, n)
    from eventdesk.link import link
    from eventdesk.store import Store

    start = time.perf_counter()
    summary = link(Store(f"sqlite:///{dst}"))
    seconds = time.perf_counter() - start
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"articles={summary.articles} stories={summary.stories} events={summary.events} "
          f"link_seconds={seconds:.1f} peak_rss_mb={rss:.0f}")  # fmt: skip


if __name__ == "__main__":
    main()
