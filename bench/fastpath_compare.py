"""Compare the fast path with a full parse on the same articles (one process).

Usage:
    .venv/bin/python bench/fastpath_compare.py PATH...

Prints the throughput of each and the share of mentions, places, dates and counts that are the
same, keyed by (article, sentence start, ...); every evidence text is checked against the article.
"""

from __future__ import annotations

import sys
import time

from eventdesk import nlp
from eventdesk.read import read_paths
from eventdesk.records import Article
from eventdesk.run.process import Options, process


def _keys(results) -> dict[str, set]:  # type: ignore[no-untyped-def]
    out: dict[str, set] = {"mentions": set(), "places": set(), "dates": set(), "counts": set()}
    for p in results:
        for m in p.mentions:
            assert p.article.text[m.sentence.start : m.sentence.end] == m.sentence.text
            key = (p.article.id, m.sentence.start)
            out["mentions"].add((*key, m.event_type, m.sub_event_type))
            out["places"].add((*key, m.place.gazetteer_id if m.place else None))
            out["dates"].add((*key, m.when.value if m.when else None))
            out["counts"].update((*key, c.kind, c.low, c.high) for c in m.counts)
    return out


def main() -> None:
    articles = [a for a in read_paths(sys.argv[1:]) if isinstance(a, Article)]
    nlp.load()
    runs = {}
    for fast in (False, True):
        start = time.perf_counter()
        results = list(process(articles, Options(fast=fast)))
        seconds = time.perf_counter() - start
        runs[fast] = _keys(results)
        print(f"{'fast' if fast else 'full'}: {len(articles) / seconds:.1f} articles/s")
    for name, full in runs[False].items():
        same = len(full & runs[True][name])
        print(f"{name}: {same}/{len(full)} the same ({same / max(len(full), 1):.3f}), {len(runs[True][name] - full)} new")


if __name__ == "__main__":
    main()
