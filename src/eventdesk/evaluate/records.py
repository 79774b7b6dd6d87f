"""`eventdesk eval records`: are the stored records real incidents, right in every field, stored once?

The gold is the desk gold (../shared/data/desk-gold/GUIDELINES.md): real articles, each with
the incidents an analyst's database should hold. The whole pipeline runs on the articles exactly
as `eventdesk run` does (each article written as NAME.txt + NAME.meta.json, read, processed with
the configured options, stored in a temporary SQLite file, linked) and the JSONL export is scored.

The scoring is the contract of ../shared/tools/score_records.py, reproduced here rule for rule
(a test asserts both give the same last line):
- each exported event gives one *record* per gold article it has evidence in;
- a record matches a gold event of that article when one of its evidence sentences overlaps one
  of the gold evidence strings; each gold event takes at most one record (the best: most
  overlapping sentences, then right type, then right place), the other overlapping records are
  *duplicates*, and a record that overlaps no gold event is *spurious*;
- fields are compared on matched pairs; `fully_right` is the share of records that match a
  current (not background) gold event with every field right.

The records of one run are scored per article, so the figures of the tune part and of the check
part are sums over their articles. `--part tune|check` runs the pipeline on that part only (as
the shared scorer's `--part` does); the default runs every article together (so an event merged
across the parts counts against both) and prints tune, check, then the overall line.
"""

from __future__ import annotations

import json
import math
import re
import tempfile
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from difflib import SequenceMatcher
from pathlib import Path

from eventdesk.evaluate.gold import read_jsonl
from eventdesk.errors import GoldFormatError
from eventdesk.judge.calibration import ECE_BINS, expected_calibration_error
from eventdesk.resolve.gazetteer import haversine_km

PLACE_KM = 50.0  # a matched record's place is right within this distance of the gold point
COUNT_KINDS = ("killed", "injured", "arrested")  # the counts an analyst checks
URL_SCHEME = "desk://"  # each gold article is stored with url desk://DOC_ID
# System actor kinds -> ACLED's eight (+ other): the contract's table.
KIND_MAP = {
    "state forces": "state forces", "police": "state forces", "military": "state forces",
    "government": "state forces", "political leader": "state forces", "security forces": "state forces",
    "foreign state forces": "external/other forces", "external/other forces": "external/other forces",
    "rebel group": "rebel group", "rebels": "rebel group", "armed group": "rebel group", "insurgents": "rebel group",
    "militants": "rebel group", "political militia": "political militia", "militia": "political militia",
    "gang": "political militia", "identity militia": "identity militia", "rioters": "rioters",
    "protesters": "protesters", "civilians": "civilians", "journalists": "civilians",
    "students": "civilians", "workers": "civilians", "political party": "civilians",
}  # fmt: skip


@dataclass(frozen=True)
class DeskArticle:
    """One gold article: its text and metadata, its part, and the incidents it should give."""

    doc_id: str
    text: str
    split: str | None = None
    title: str | None = None
    publication_date: str | None = None
    source: str | None = None
    events: tuple[dict, ...] = ()


def load_desk_gold(path: Path, part: str = "all") -> list[DeskArticle]:
    """The gold articles of `part` ('tune', 'check' or 'all').

    Raises:
        GoldFormatError: a line is not a desk gold article, or has no text (held-out gold).
    """
    articles = []
    for no, rec in read_jsonl(path, required=("doc_id", "events"), schema="desk gold", part=part, kind="records"):
        if not isinstance(rec.get("text"), str) or not rec["text"].strip():
            raise GoldFormatError(f"{path}:{no}: article {rec['doc_id']} has no text; held-out gold is scored with the shared scorer's --texts")
        articles.append(DeskArticle(
            doc_id=str(rec["doc_id"]), text=rec["text"], split=rec.get("split"), title=rec.get("title"),
            publication_date=rec.get("publication_date"), source=rec.get("source"), events=tuple(rec["events"] or ()),
        ))  # fmt: skip
    return articles


# ---------------------------------------------------------------- the contract's comparisons
def norm(text: str | None) -> str:
    """Lower case, quotes dropped, spaces collapsed."""
    return re.sub(r"\s+", " ", re.sub(r"[\u201c\u201d\u2018\u2019\"'`]", "", text or "")).strip().lower()


def overlaps(a: str, b: str) -> bool:
    """Two sentences overlap when one holds the other or they share a long common run."""
    a, b = norm(a), norm(b)
    if not a or not b:
        return False
    if a in b or b in a:
        return True
    short = min(len(a), len(b))
    m = SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b))
    return m.size >= min(40, 0.6 * short)


def acled_kind(k: str | None) -> str:
    """An actor kind as one of ACLED's eight, 'other', or 'none' when absent."""
    return KIND_MAP.get((k or "").strip().lower(), "other") if k else "none"


def check_type(g: dict, r: dict) -> bool:
    return bool(g.get("event_type") == r.get("event_type"))


def check_sub(g: dict, r: dict) -> bool:
    return check_type(g, r) and g.get("sub_event_type") == r.get("sub_event_type")


def check_place(g: dict, r: dict) -> bool:
    """Within 50 km of the gold point; for a gold region/country (precision 3), the same country.
    Without gold coordinates, right with none, or with a country point in the gold's country."""
    gp, loc = g.get("place"), r.get("location") or {}
    has = loc.get("lat") is not None and loc.get("lon") is not None
    if not gp or gp.get("lat") is None:
        if not has:
            return True
        same_country = not gp or not gp.get("country_code") or loc.get("country_code") == gp.get("country_code")
        return bool(loc.get("geo_precision") == 3 and same_country)
    if not has:
        return False
    if gp.get("geo_precision") == 3:
        return bool(loc.get("country_code") == gp.get("country_code"))
    return haversine_km(gp["lat"], gp["lon"], loc["lat"], loc["lon"]) <= PLACE_KM


def _day(value: object) -> date:
    text = str(value)
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        try:
            y, m = text[:7].split("-")
            return date(int(y), int(m), 1)
        except ValueError:
            return date(int(text[:4]), 1, 1)


def check_date(g: dict, r: dict) -> bool:
    """Same day ±1 (±7 for a gold week, same month or year for those precisions)."""
    gd, rd = g.get("date") or {}, r.get("date") or {}
    if not gd.get("value"):
        return not rd.get("value")
    if not rd.get("value"):
        return False
    a, b, prec = _day(gd["value"]), _day(rd["value"]), gd.get("precision", "day")
    if prec == "year":
        return a.year == b.year
    if prec == "month":
        return (a.year, a.month) == (b.year, b.month)
    return abs((a - b).days) <= (7 if prec == "week" else 1)


def gold_range(c: dict) -> tuple[float, float]:
    """(low, high) of a gold count: low/high when given (high null = open), else best."""
    if c.get("low") is not None:
        return c["low"], (c["high"] if c.get("high") is not None else math.inf)
    best = c.get("best") or 0
    return best, best


def check_counts(g: dict, r: dict) -> bool:
    """Each gold killed/injured/arrested count has a predicted one of its kind whose best (or low)
    lies in the gold range; no predicted count of a kind the gold lacks."""
    gold = {c["kind"]: c for c in g.get("counts") or [] if c.get("kind") in COUNT_KINDS}
    pred: dict[str, list] = defaultdict(list)
    for c in r.get("counts") or []:
        if c.get("kind") in COUNT_KINDS:
            pred[c["kind"]].append(c.get("best") if c.get("best") is not None else c.get("low"))
    for k in COUNT_KINDS:
        if k not in gold:
            if pred.get(k):
                return False
            continue
        lo, hi = gold_range(gold[k])
        if not any(v is not None and lo <= v <= hi for v in pred.get(k, [])):
            return False
    return True


def check_actors(g: dict, r: dict) -> bool:
    """actor1 and actor2 of the right ACLED kind (any kind for a gold 'other'); none where the gold has none."""
    for role in ("actor1", "actor2"):
        ga = g.get(role)
        got = {acled_kind(a.get("kind")) for a in r.get("actors") or [] if a.get("role") == role}
        if not ga:
            if got:
                return False
            continue
        if acled_kind(ga.get("kind")) not in got and not (ga.get("kind") == "other" and got):
            return False
    return True


def check_status(g: dict, evidence: list[dict]) -> bool:
    """The most common status of the record's evidence sentences that overlap the gold evidence."""
    want = g.get("status") or "reported"
    got = Counter(e.get("status") for e in evidence if any(overlaps(e.get("text", ""), s) for s in g.get("evidence") or []))
    return bool(got) and got.most_common(1)[0][0] == want


FIELDS: dict[str, Callable[[dict, dict], bool]] = {
    "type": check_type, "sub_type": check_sub, "place": check_place, "date": check_date,
    "counts": check_counts, "actors": check_actors,
}  # fmt: skip
FIELD_NAMES = (*FIELDS, "status")


# ---------------------------------------------------------------- the tally
@dataclass
class Tally:
    """Verdicts over some articles; tallies of disjoint articles add up."""

    records: int = 0
    current: int = 0
    background: int = 0
    duplicates: int = 0
    spurious: int = 0
    gold_current: int = 0
    gold_current_acled: int = 0
    found: int = 0
    found_acled: int = 0
    fully_right: int = 0
    articles: int = 0
    field_ok: Counter[str] = field(default_factory=Counter)
    field_n: Counter[str] = field(default_factory=Counter)
    listing: list[str] = field(default_factory=list)
    # (shown confidence, matches a current gold incident) per record: the calibration's data
    outcomes: list[tuple[float, bool]] = field(default_factory=list)

    def __add__(self, other: Tally) -> Tally:
        counts = {k: getattr(self, k) + getattr(other, k) for k in (
            "records", "current", "background", "duplicates", "spurious", "gold_current", "gold_current_acled",
            "found", "found_acled", "fully_right", "articles")}  # fmt: skip
        return Tally(**counts, field_ok=self.field_ok + other.field_ok, field_n=self.field_n + other.field_n,
                     listing=self.listing + other.listing, outcomes=self.outcomes + other.outcomes)  # fmt: skip

    def details(self) -> list[str]:
        """The contract's three lines before the summary, and the calibration of the confidence."""
        fields = ", ".join(f"{f} {self.field_ok[f]}/{self.field_n[f]}" for f in FIELD_NAMES)
        ece = expected_calibration_error(self.outcomes)
        right = sum(ok for _, ok in self.outcomes)
        shown = sum(p for p, _ in self.outcomes)
        calibration = (f"confidence: mean {shown / len(self.outcomes):.3f} shown, {right / len(self.outcomes):.3f} right; "
                       f"expected calibration error {ece:.3f} ({ECE_BINS} bins)") if ece is not None else "confidence: no records"  # fmt: skip
        return [
            f"records {self.records}: current-event matches {self.current}, background matches {self.background}, "
            f"duplicates {self.duplicates}, spurious {self.spurious}",
            f"gold current events (acled+crime) {self.gold_current}, found {self.found}; "
            f"acled scope {self.gold_current_acled}, found {self.found_acled}",
            "field accuracy over matched records: " + fields,
            calibration,
        ]

    def summary_line(self) -> str:
        """The contract's key=value line."""
        n = self.records
        return " ".join([
            f"fully_right={_pct(self.fully_right, n)}", f"precision={_pct(self.current, n)}",
            f"lenient_precision={_pct(self.current + self.background, n)}", f"dup_rate={_pct(self.duplicates, n)}",
            f"spurious_rate={_pct(self.spurious, n)}", f"recall={_pct(self.found, self.gold_current)}",
            f"recall_acled={_pct(self.found_acled, self.gold_current_acled)}",
            *(f"{f}_acc={_pct(self.field_ok[f], self.field_n[f])}" for f in FIELD_NAMES),
            f"records={n}", f"gold={self.gold_current}", f"articles={self.articles}",
        ])  # fmt: skip


def _pct(x: int, n: int) -> str:
    return f"{x / n:.3f}" if n else "na"


Record = tuple[dict, list[dict]]  # an exported event and its evidence items in one article


def records_by_article(exported: Iterable[dict], doc_ids: set[str]) -> dict[str, list[Record]]:
    """One record per (event, gold article it has evidence in), keyed by the article's doc_id."""
    records: dict[str, list[Record]] = defaultdict(list)
    for ev in exported:
        urls = {s["article_id"]: (s.get("url") or "") for s in ev.get("sources") or []}
        per: dict[str, list[dict]] = defaultdict(list)
        for e in ev.get("evidence") or []:
            url = urls.get(e.get("article_id"), "")
            if url.startswith(URL_SCHEME) and url[len(URL_SCHEME) :] in doc_ids:
                per[url[len(URL_SCHEME) :]].append(e)
        for doc, items in per.items():
            records[doc].append((ev, items))
    return records


def score_article(doc: str, gold: Iterable[dict], recs: list[Record]) -> Tally:
    """The verdicts of one article's records against its gold events."""
    gev = list(gold)
    t = Tally(records=len(recs), articles=1)
    cand = []
    for ri, (ev, items) in enumerate(recs):
        for gi, ge in enumerate(gev):
            hits = sum(1 for e in items for s in ge.get("evidence") or [] if overlaps(e.get("text", ""), s))
            if hits:
                cand.append((hits + (2 if check_type(ge, ev) else 0) + (1 if check_place(ge, ev) else 0), ri, gi))
    cand.sort(reverse=True)
    r_used: dict[int, int] = {}
    g_used: dict[int, int] = {}
    for _, ri, gi in cand:
        if ri not in r_used and gi not in g_used:
            r_used[ri], g_used[gi] = gi, ri
    touched = {ri for _, ri, _ in cand}
    for ri, (ev, items) in enumerate(recs):
        verdict = _judge_record(t, gev[r_used[ri]], ev, items) if ri in r_used else None
        t.outcomes.append((float(ev.get("confidence") or 0.0), ri in r_used and not gev[r_used[ri]].get("background")))
        if verdict is None:
            dup = ri in touched
            t.duplicates += dup
            t.spurious += not dup
            verdict = "duplicate" if dup else "spurious"
        t.listing.append(f"{doc}\t{ev['event_id']}\t{ev.get('event_type')}/{ev.get('sub_event_type')}\t{verdict}\t{items[0].get('text', '')[:110]!r}")
    for gi, ge in enumerate(gev):
        if ge.get("background") or ge.get("scope") == "other":
            continue
        acled = ge.get("scope") == "acled"
        t.gold_current += 1
        t.gold_current_acled += acled
        t.found += gi in g_used
        t.found_acled += gi in g_used and acled
        if gi not in g_used:
            t.listing.append(f"{doc}\tMISSED\t{ge.get('event_type')}/{ge.get('sub_event_type')}\t{ge.get('scope')}\t{(ge.get('evidence') or [''])[0][:110]!r}")
    return t


def _judge_record(t: Tally, ge: dict, ev: dict, items: list[dict]) -> str:
    """Tally a matched record's fields; its verdict."""
    bg = bool(ge.get("background"))
    t.background += bg
    t.current += not bg
    res = {f: fn(ge, ev) for f, fn in FIELDS.items()}
    res["status"] = check_status(ge, items)
    for f, ok in res.items():
        t.field_n[f] += 1
        t.field_ok[f] += ok
    all_ok = all(res.values()) and not bg
    t.fully_right += all_ok
    wrong = ",".join(f + _why(f, ge, ev, items) for f, ok in res.items() if not ok)
    return ("background " if bg else "match ") + ("ALL-RIGHT" if all_ok else "wrong: " + wrong)


def _why(field: str, g: dict, r: dict, items: list[dict]) -> str:
    """What the gold wants and what the record has, for a wrong actors, counts or status field
    in `--list`."""
    if field == "status":
        got = Counter(e.get("status") for e in items if any(overlaps(e.get("text", ""), s) for s in g.get("evidence") or []))
        return f"[want {g.get('status') or 'reported'} got {'/'.join(f'{k}={n}' for k, n in got.most_common()) or 'none'}]"
    if field == "actors":
        def kinds(role: str) -> str:
            return "|".join(sorted({acled_kind(a.get("kind")) for a in r.get("actors") or [] if a.get("role") == role})) or "none"

        want = "/".join(acled_kind((g.get(role) or {}).get("kind")) for role in ("actor1", "actor2"))
        return f"[want {want} got {kinds('actor1')}/{kinds('actor2')}]"
    if field == "counts":
        def show(counts: Iterable[dict]) -> str:
            return " ".join(f"{c['kind']}={c.get('best') if c.get('best') is not None else c.get('low')}" for c in counts if c.get("kind") in COUNT_KINDS) or "none"

        return f"[want {show(g.get('counts') or [])} got {show(r.get('counts') or [])}]"
    return ""


def score(articles: list[DeskArticle], exported: Iterable[dict]) -> dict[str, Tally]:
    """Tallies per part ('tune', 'check', and 'all' over every article), in the gold's order."""
    recs = records_by_article(exported, {a.doc_id for a in articles})
    parts: dict[str, Tally] = {}
    for a in articles:
        t = score_article(a.doc_id, a.events, recs.get(a.doc_id, []))
        for part in {a.split or "unsplit", "all"}:
            parts[part] = parts[part] + t if part in parts else t
    return parts


# ---------------------------------------------------------------- running the pipeline
def write_articles(articles: list[DeskArticle], directory: Path) -> None:
    """Each article as NNNN.txt + NNNN.meta.json, with url desk://DOC_ID (as the contract does)."""
    for i, a in enumerate(articles):
        base = directory / f"{i:04d}"
        base.with_suffix(".txt").write_text(a.text, encoding="utf-8")
        meta = {"url": URL_SCHEME + a.doc_id, "outlet": a.source or "desk"}
        if a.title:
            meta["title"] = a.title
        if a.publication_date:
            meta["published"] = a.publication_date
        base.with_suffix(".meta.json").write_text(json.dumps(meta), encoding="utf-8")


def run_and_export(articles: list[DeskArticle]) -> list[dict]:
    """`eventdesk run` on the articles into a temporary SQLite store, then its default JSONL export."""
    from eventdesk.config import load_config
    from eventdesk.export import iter_records
    from eventdesk.read import ReadLimits
    from eventdesk.run.local import run
    from eventdesk.run.pool import default_workers
    from eventdesk.run.process import Options
    from eventdesk.store import EventFilter, Store

    config = load_config()
    with tempfile.TemporaryDirectory(prefix="eventdesk-desk-") as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        write_articles(articles, folder)
        store = Store(f"sqlite:///{tmp}/desk.db")
        try:
            run([folder], store, read_limits=ReadLimits.from_config(config), batch_size=config.batch_size,
                options=Options.from_config(config), workers=config.workers or default_workers(),
                isolate=config.isolate)  # fmt: skip
            return list(iter_records(store, EventFilter()))
        finally:
            store.close()


@dataclass
class RecordsReport:
    """Figures per part; the last summary line is the contract's, over every scored article."""

    parts: dict[str, Tally]
    part: str

    @property
    def overall(self) -> Tally:
        return self.parts.get("all", Tally())

    @property
    def misses(self) -> list[str]:
        """Every record with its verdict and every missed gold event (`--list`)."""
        return self.overall.listing

    def details(self) -> list[str]:
        """Per-part figures (tune, then check) when every part was run, then the overall lines."""
        lines = []
        if self.part == "all":
            for name in ("tune", "check"):
                if name in self.parts:
                    lines += [f"[{name}] {line}" for line in self.parts[name].details()]
                    lines.append(f"[{name}] {self.parts[name].summary_line()}")
        return lines + [f"[{self.part}] {line}" for line in self.overall.details()]

    def summary_line(self) -> str:
        """ONE line of key=value pairs: the shared scorer's last line."""
        return self.overall.summary_line()


def evaluate_records(gold_path: Path, part: str = "all", export: Path | None = None) -> RecordsReport:
    """Run the pipeline on the gold articles of `part` (or read an existing JSONL export) and score it."""
    articles = load_desk_gold(gold_path, part)
    if export is not None:
        exported = [json.loads(line) for line in export.open(encoding="utf-8") if line.strip()]
    else:
        exported = run_and_export(articles)
    return RecordsReport(score(articles, exported), part)
