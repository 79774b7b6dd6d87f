"""Spun copies of news texts at known rates, for the copy-detection benchmark.

A "spinner" republishes another outlet's story after disguising it: it swaps words for
synonyms, reorders and drops sentences, merges neighbouring sentences into one, rewrites
clauses ("X, police said." → "Police said that x."), writes a new headline, and wraps the text
in its own teasers and sign-off. `spin`
does all of that with rates given in `SpinParams`, deterministically for a given seed, so a
benchmark can be rebuilt exactly. The synonym table and the boilerplate lines are data files
(evaluate/data/synonyms.toml, boilerplate.toml); the copy detector never reads them.
"""

from __future__ import annotations

import random
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import resources

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[\"“‘']?[A-Z0-9])")
_TOKEN = re.compile(r"[^\W\d_][\w'’-]*")
_URL_LINE = re.compile(r"^\s*(?:https?://|www\.)\S+\s*$")
_DAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_LOWERABLE = frozenset({"the", "a", "an", "it", "he", "she", "they", "we", "this", "that", "there",
                        "one", "two", "three", "several", "many", "some", "hundreds", "thousands",
                        "police", "officials", "authorities", "protesters", "residents"})  # fmt: skip
HEADLINE_MAX_WORDS = 20  # a first line this short, not ending in a full stop, is a headline
HEADLINE_WORDS = (6, 11)  # length range of a rewritten headline, as in wire headlines


@dataclass(frozen=True)
class SpinParams:
    """Rates of each rewrite; every rate is a share in [0, 1].

    Attributes:
        synonym_rate: share of words and phrases found in the synonym table that are swapped.
        reorder_rate: share of body sentences moved to a random new position.
        delete_rate: share of body sentences dropped (at least one sentence is always kept).
        paraphrase_rate: share of sentences given a clause rewrite, where a rule applies.
        new_headline: replace the headline (or add one) with one made from a body sentence.
        trailer: append a sign-off line of the copying site.
        boilerplate_lines: teaser/share/subscribe lines inserted between paragraphs.
        merge_rate: share of sentences joined to the next one ("A. B." → "A, and b.").
    """

    synonym_rate: float = 0.4
    reorder_rate: float = 0.2
    delete_rate: float = 0.15
    paraphrase_rate: float = 0.3
    new_headline: bool = True
    trailer: bool = True
    boilerplate_lines: int = 2
    merge_rate: float = 0.0


# Presets used by the benchmark. MEDIUM is about the strength of examples/06 (a spun rewrite:
# synonyms, reordered paragraphs, a quarter of the text dropped); HEAVY goes beyond it; SEVERE
# swaps every word the table knows, rewrites most clauses and merges sentences; EXTREME keeps
# about half of the sentences, moves most of them and merges a third of the rest: more a
# summary in other words than a copy.
LIGHT = SpinParams(0.15, 0.0, 0.0, 0.1, True, True, 1)
MEDIUM = SpinParams()
HEAVY = SpinParams(0.7, 0.4, 0.3, 0.5, True, True, 3)
SEVERE = SpinParams(1.0, 0.5, 0.35, 0.8, True, True, 3, merge_rate=0.25)
EXTREME = SpinParams(1.0, 0.7, 0.5, 1.0, True, True, 4, merge_rate=0.4)
LEVELS = {"light": LIGHT, "medium": MEDIUM, "heavy": HEAVY, "severe": SEVERE, "extreme": EXTREME}


@dataclass(frozen=True)
class _Tables:
    alternatives: dict[str, tuple[str, ...]]
    longest: int
    sites: tuple[str, ...]
    inserts: tuple[str, ...]
    trailers: tuple[str, ...]
    teasers: tuple[str, ...]
    prefixes: tuple[str, ...]


@cache
def _tables() -> _Tables:
    data = resources.files("eventdesk.evaluate") / "data"
    groups = tomllib.loads((data / "synonyms.toml").read_text("utf-8"))["groups"]
    alts: dict[str, list[str]] = {}
    for group in groups:
        for word in group:
            alts.setdefault(word.lower(), []).extend(w for w in group if w.lower() != word.lower())
    longest = max(len(_TOKEN.findall(k)) for k in alts)
    bp = tomllib.loads((data / "boilerplate.toml").read_text("utf-8"))
    return _Tables({k: tuple(dict.fromkeys(v)) for k, v in alts.items()}, longest, tuple(bp["sites"]),
                   tuple(bp["inserts"]), tuple(bp["trailers"]), tuple(bp["teasers"]),
                   tuple(bp["headline_prefixes"]))  # fmt: skip


def split_sentences(line: str) -> list[str]:
    """Sentences of one line of text (a light rule: end punctuation, then a capital)."""
    return [s.strip() for s in _SENTENCE_END.split(line) if s.strip()]


def spin(text: str, params: SpinParams = MEDIUM, seed: int | str = 0) -> str:
    """A spun rewrite of `text`: the same for the same text, parameters and seed."""
    rng = random.Random(f"spin:{seed}")
    tables = _tables()
    site = rng.choice(tables.sites)
    headline, body = _split_headline(text)
    sentences = _delete(body, params.delete_rate, rng)
    sentences = _reorder(sentences, params.reorder_rate, rng)
    sentences = [_paraphrase(s, rng) if rng.random() < params.paraphrase_rate else s for s in sentences]
    sentences = _merge(sentences, params.merge_rate, rng)
    sentences = [_synonyms(s, params.synonym_rate, rng, tables) for s in sentences]
    paragraphs = _paragraphs(sentences, rng)
    for _ in range(params.boilerplate_lines):
        line = rng.choice(tables.inserts).format(site=site, headline=rng.choice(tables.teasers))
        paragraphs.insert(rng.randint(1, max(1, len(paragraphs))), line)
    if params.new_headline or headline is None:
        headline = _new_headline(sentences, rng, tables)
    if params.trailer:
        paragraphs.append(rng.choice(tables.trailers).format(site=site))
    return "\n\n".join([headline, *paragraphs]) + "\n"


def _split_headline(text: str) -> tuple[str | None, list[str]]:
    """(headline or None, body sentences); source-URL lines are dropped (a copier drops them)."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip() and not _URL_LINE.match(ln)]
    headline = None
    if lines and len(lines[0].split()) <= HEADLINE_MAX_WORDS and not lines[0].endswith("."):
        headline, lines = lines[0], lines[1:]
    return headline, [s for line in lines for s in split_sentences(line)]


def _delete(sentences: list[str], rate: float, rng: random.Random) -> list[str]:
    drop = min(round(rate * len(sentences)), len(sentences) - 1)
    gone = set(rng.sample(range(len(sentences)), drop)) if drop > 0 else set()
    return [s for i, s in enumerate(sentences) if i not in gone]


def _reorder(sentences: list[str], rate: float, rng: random.Random) -> list[str]:
    out = list(sentences)
    for _ in range(round(rate * len(out))):
        moved = out.pop(rng.randrange(len(out)))
        out.insert(rng.randint(0, len(out)), moved)
    return out


# Joints for two merged sentences: (what replaces the first one's full stop, lower-case the second).
_JOINTS = ((", and", True), ("; ", True), (", while", True), (" -", True), (", as", True))


def _merge(sentences: list[str], rate: float, rng: random.Random) -> list[str]:
    """Join each sentence to the next with probability `rate` (never a quote: its marks would clash)."""
    out: list[str] = []
    i = 0
    while i < len(sentences):
        s = sentences[i]
        nxt = sentences[i + 1] if i + 1 < len(sentences) else None
        if nxt and s.endswith(".") and not _quoted(s + nxt) and rng.random() < rate:
            joint, lower = rng.choice(_JOINTS)
            second = _lower_first(nxt) if lower else nxt
            out.append(f"{s[:-1]}{joint}{'' if joint.endswith(' ') else ' '}{second}")
            i += 2
            continue
        out.append(s)
        i += 1
    return out


def _quoted(s: str) -> bool:
    return any(mark in s for mark in ('"', "“", "”", "``"))


def _paragraphs(sentences: list[str], rng: random.Random) -> list[str]:
    """Sentences grouped into paragraphs of one to three, as news sites lay them out."""
    out, i = [], 0
    while i < len(sentences):
        n = rng.randint(1, 3)
        out.append(" ".join(sentences[i : i + n]))
        i += n
    return out


def _synonyms(sentence: str, rate: float, rng: random.Random, tables: _Tables) -> str:
    """Swap table words and phrases (longest first) for a synonym, each with probability `rate`."""
    words = list(_TOKEN.finditer(sentence))
    out, pos, i = [], 0, 0
    while i < len(words):
        span = _phrase_at(sentence, words, i, tables)
        if span is None:
            i += 1
            continue
        length, key = span
        start, end = words[i].start(), words[i + length - 1].end()
        if rng.random() < rate:
            out += [sentence[pos:start], _cased(rng.choice(tables.alternatives[key]), sentence[start:end])]
            pos = end
        i += length
    return "".join(out) + sentence[pos:]


def _phrase_at(sentence: str, words: list[re.Match[str]], i: int, tables: _Tables) -> tuple[int, str] | None:
    """(number of words, table key) of the longest table phrase starting at word i."""
    for length in range(min(tables.longest, len(words) - i), 0, -1):
        last = words[i + length - 1]
        gaps = (sentence[words[k].end() : words[k + 1].start()] for k in range(i, i + length - 1))
        if any(g != " " for g in gaps):
            continue
        key = sentence[words[i].start() : last.end()].lower()
        if key in tables.alternatives:
            return length, key
    return None


def _cased(new: str, old: str) -> str:
    if old.isupper() and len(old) > 1:
        return new.upper()
    return new[0].upper() + new[1:] if old[0].isupper() else new


def _new_headline(sentences: list[str], rng: random.Random, tables: _Tables) -> str:
    words = rng.choice(sentences).split() if sentences else ["News"]
    words = words[: rng.randint(*HEADLINE_WORDS)]
    line = " ".join(words).rstrip(".,;:")
    return rng.choice(tables.prefixes) + line[:1].upper() + line[1:]


def _lower_first(s: str) -> str:
    first = s.split(" ", 1)[0]
    return s[:1].lower() + s[1:] if first.lower() in _LOWERABLE else s


def _upper_first(s: str) -> str:
    return s[:1].upper() + s[1:]


def _attribution_to_front(m: re.Match[str]) -> str:
    return f"{_upper_first(m['who'])} {m['verb']} that {_lower_first(m['body'])}."


def _attribution_to_back(m: re.Match[str]) -> str:
    return f"{_upper_first(m['body'])}, {_lower_first(m['who'])} {m['verb']}."


def _clause_to_front(m: re.Match[str]) -> str:
    return f"{_upper_first(m['conj'])} {m['sub']}, {_lower_first(m['main'])}."


def _time_to_front(m: re.Match[str]) -> str:
    return f"{_upper_first(m['t'])}, {_lower_first(m['a'])}{m['b']}."


def _split_and(m: re.Match[str]) -> str:
    return f"{m['a']}. {_upper_first(m['b'])}."


# Simple syntactic rewrites: (pattern over a whole sentence, rewrite of the match).
_RULES: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], str]], ...] = (
    (re.compile(r"^(?P<body>.{20,}?),\s+(?P<who>(?:[\w'-]+\s){0,4}?[\w'-]+)\s+"
                r"(?P<verb>said|says|reported|added|told reporters)\.$"), _attribution_to_front),  # fmt: skip
    (re.compile(r"^(?P<who>[A-Z][\w'-]*(?:\s[\w'-]+){0,4}?)\s(?P<verb>said|says)\s(?:that\s)?"
                r"(?P<body>.{20,})\.$"), _attribution_to_back),  # fmt: skip
    (re.compile(r"^(?P<main>.{15,}?),?\s(?P<conj>when|after|because|while|before|since)\s"
                r"(?P<sub>[^,;]{10,})\.$"), _clause_to_front),  # fmt: skip
    (re.compile(rf"^(?P<a>.{{10,}}?)\s(?P<t>on (?:{_DAYS})(?:\s(?:morning|afternoon|evening|night))?)"
                r"(?P<b>(?:\s.*)?)\.$"), _time_to_front),  # fmt: skip
    (re.compile(r"^(?P<a>[^,;]{30,}),? and (?P<b>[^,;]{20,})\.$"), _split_and),
)


def _paraphrase(sentence: str, rng: random.Random) -> str:
    """One clause rewrite chosen at random among the rules that apply (else unchanged)."""
    applicable = [(p.match(sentence), f) for p, f in _RULES]
    matches = [(m, f) for m, f in applicable if m is not None]
    if not matches:
        return sentence
    m, rewrite = rng.choice(matches)
    return rewrite(m)
