"""Sweep the copy detector's alignment thresholds on the copy benchmark's TUNE part.

Usage:
    .venv/bin/python bench/copies_sweep.py ../shared/data/ecbplus-stories-events/ecbplus_dev.jsonl [PART] [--units]

Builds the benchmark once per spin strength (`eval copies`, evaluate/copies.py), then runs
`find_copies` under each setting of the grid below and prints, per setting, recall and precision
per strength and the same-story gold pairs called copies. Thresholds are chosen on the tune part
(the default); `check` is for reporting the chosen setting, not for choosing.

With --units, it prints instead, per EMBED_MIN_SIM, how many sentence units align on meaning
alone (not on words) between independent same-story gold articles and between originals and
their heavy and severe spins: a finer view of what the meaning path buys and costs than the few
gold pairs a part holds.
"""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

from threadpoolctl import threadpool_limits

from eventdesk.clean import clean_text
from eventdesk.evaluate import copies as bench
from eventdesk.evaluate.spin import LEVELS, spin
from eventdesk.link import alignment, copies
from eventdesk.link.copies import copy_vectors, find_copies, profile

GRID = {
    "EMBED_MIN_SIM": (0.7, 0.75, 0.8, 0.85, 0.9),
    "COPY_MIN_COVERAGE": (0.5, 0.6),
    "COPY_MIN_LONG_COVERAGE": (0.45, 0.5),
}


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    gold, part = Path(args[0]), args[1] if len(args) > 1 else "tune"
    originals, gold_docs = bench.load_originals(part), bench.load_gold(gold, part)
    if "--units" in sys.argv:
        _units(originals, gold_docs)
        return
    featurer = bench.Featurer(with_vectors=True)
    with threadpool_limits(1):
        built = {level: bench.level_rows(level, originals, gold_docs, featurer) for level in LEVELS}
    names = list(GRID)
    _report("words only (no vectors)", built, originals, gold_docs, with_vectors=False)
    for values in itertools.product(*GRID.values()):
        for name, value in zip(names, values, strict=True):
            for module in (alignment, copies):  # copies.py imports COPY_MIN_COVERAGE by name
                if hasattr(module, name):
                    setattr(module, name, value)
        _report(" ".join(f"{n}={v}" for n, v in zip(names, values, strict=True)), built, originals, gold_docs)


def _units(originals: list, gold_docs: list) -> None:
    def profiled(text: str) -> alignment.Profile:
        cleaned = clean_text(text)[0]
        return profile(cleaned, copy_vectors(cleaned))

    with threadpool_limits(1):
        gold = {doc_id: profiled(text) for doc_id, text, _ in gold_docs}
        spun = [(profiled(o.text), profiled(spin(o.text, LEVELS[level], f"{bench.BENCH_SEED}:{o.id}:{level}:{k}")))
                for o in originals for level in ("heavy", "severe") for k in range(2)]  # fmt: skip
    pairs = [(a, b) for (a, _, sa), (b, _, sb) in itertools.combinations(gold_docs, 2) if sa is not None and sa == sb]
    for threshold in (0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9):
        alignment.EMBED_MIN_SIM = threshold
        on_gold = [alignment.align(gold[a], gold[b]) for a, b in pairs]
        on_spins = [alignment.align(x, y) for x, y in spun]
        meaning_gold = sum(not u.by_words for units in on_gold for u in units)
        meaning_spins = sum(not u.by_words for units in on_spins for u in units)
        words_spins = sum(u.by_words for units in on_spins for u in units)
        print(f"EMBED_MIN_SIM={threshold}: units on meaning alone: {meaning_gold} in {len(pairs)} gold pairs "
              f"({meaning_gold / len(pairs):.2f} a pair); {meaning_spins} in {len(spun)} spin pairs "
              f"({meaning_spins / len(spun):.2f} a pair, beside {words_spins / len(spun):.2f} on words)", flush=True)  # fmt: skip


def _report(setting: str, built: dict, originals: list, gold_docs: list, with_vectors: bool = True) -> None:
    cells, flagged = [], set()
    for level, (rows, vectors, truth) in built.items():
        found = find_copies(rows, vectors if with_vectors else None)
        r = bench.score_level(level, originals, gold_docs, truth, found)
        cells.append(f"{level} R {r.recall:.2f} P {r.precision:.2f}")
        flagged |= {(a, b) for a, b, _ in r.flagged_pairs}
    print(f"{setting} | {' | '.join(cells)} | gold pairs flagged {len(flagged)}", flush=True)


if __name__ == "__main__":
    main()
