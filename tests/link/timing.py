"""Timing of the link step's story and event assignment on synthetic rows (not a test).

    .venv/bin/python tests/link/timing.py 10000 100000

Rows are synthesised directly (no spaCy): stories of 1-30 articles sharing rare entities and
content words, over a pool of common words and names, published over two years; each article
carries three mentions. Prints seconds per phase and per 1,000 articles.
"""

from __future__ import annotations

import random
import sys
import time
from datetime import date, timedelta

from eventdesk.link.events import assign_events
from eventdesk.link.stories import assign_stories
from eventdesk.records import Mention, Place, TextSpan, When

COMMON_WORDS = [f"word{i}" for i in range(2000)]
COMMON_NAMES = [f"country{i}" for i in range(150)]
TYPES = ["Riots", "Protests", "Battles", "Strategic developments"]


def synth_rows(n: int, seed: int = 7) -> list[dict]:
    """n article rows in ingest order, grouped in synthetic stories."""
    rng = random.Random(seed)
    rows: list[dict] = []
    story = 0
    while len(rows) < n:
        story += 1
        size = min(rng.randint(1, 30), n - len(rows))
        names = [f"name{story}_{i}" for i in range(6)] + rng.sample(COMMON_NAMES, 2)
        words = [f"topic{story}_{i}" for i in range(10)] + rng.sample(COMMON_WORDS, 20)
        day = date(2020, 1, 1) + timedelta(days=rng.randint(0, 730))
        for _ in range(size):
            rows.append(_row(f"a{len(rows)}", rng, names, words, day))
    rng.shuffle(rows)  # articles of many stories arrive interleaved
    return rows


def _row(aid: str, rng: random.Random, names: list[str], words: list[str], day: date) -> dict:
    ents = rng.sample(names, 5) + rng.sample(COMMON_NAMES, 2)
    terms = {w: rng.randint(1, 4) for w in rng.sample(words, 18) + rng.sample(COMMON_WORDS, 12)}
    published = (day + timedelta(days=rng.randint(0, 5))).isoformat()
    feats = {"entities": ents, "places": ents[:2], "terms": terms, "years": {}}
    return {"id": aid, "published": published, "story_id": None, "skipped": None, "title": None,
            "content_hash": aid, "features": feats}  # fmt: skip


def synth_mentions(rows: list[dict], rng: random.Random) -> list[Mention]:
    """Three mentions per article, with a place and a date."""
    out = []
    for row in rows:
        for k in range(3):
            etype = rng.choice(TYPES)
            out.append(Mention(
                id=Mention.make_id(row["id"], k, etype), article_id=row["id"], event_type=etype,  # type: ignore[arg-type]
                sub_event_type="Other", cue=rng.choice(["deploy", "arrest", "curfew"]),
                trigger=TextSpan(start=k, end=k + 1, text="x"), sentence=TextSpan(start=0, end=1, text="x"),
                place=Place(name="P", country_code="XX", lat=rng.uniform(-1, 1), lon=rng.uniform(-1, 1), geo_precision=1),
                when=When(value=date.fromisoformat(row["published"]), precision="day"),
            ))  # fmt: skip
    return out


def time_link(n: int) -> dict[str, float]:
    """Seconds for story assignment and event assignment of n synthetic new articles."""
    rows = synth_rows(n)
    t0 = time.perf_counter()
    story_of = assign_stories(rows, {})
    t1 = time.perf_counter()
    mentions = synth_mentions(rows, random.Random(1))
    t2 = time.perf_counter()
    assign_events(mentions, {}, story_of)
    t3 = time.perf_counter()
    return {"stories_s": t1 - t0, "events_s": t3 - t2, "stories": len(set(story_of.values()))}


if __name__ == "__main__":
    for arg in sys.argv[1:] or ["10000"]:
        n = int(arg)
        r = time_link(n)
        total = r["stories_s"] + r["events_s"]
        print(f"n={n} stories_s={r['stories_s']:.1f} events_s={r['events_s']:.1f} "
              f"per_1000={1000 * total / n:.2f}s stories={r['stories']}")  # fmt: skip
