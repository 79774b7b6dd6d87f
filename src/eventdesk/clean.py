"""The clean stage: normalise an article's text and strip plain-text boilerplate.

The cleaned string this stage produces becomes `Article.text`, and every later offset points
into it, so all normalisation (NFC, ASCII quotes, spaces, blank lines) happens here, before
any offset exists. Each removed line goes into `Article.removed` with a reason, so nothing
is lost.

Deciding what to remove works in two steps. First, patterns from `data/boilerplate.toml`
give each line its *evidence*, strong, medium or weak. Then features of the line's shape
(length, final punctuation, title case, place in the article) are added to get a *score*.
A line is removed when its score reaches `REMOVE_AT`. Features only add to a pattern's
evidence: a line that matches no pattern is never removed. The first line is the
headline and is always kept.
"""

from __future__ import annotations

import logging
import re
import tomllib
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from eventdesk.errors import ConfigError
from eventdesk.records import Article, RemovedLine

log = logging.getLogger(__name__)

RULES_FILE = "data/boilerplate.toml"

# --- Thresholds. Calibrated on the two shared samples plus invented positive and negative
# lines (tests/test_clean.py). The samples' 10 boilerplate lines and 1 agency code go, their
# 29 content lines stay, and the negative set ("About 300 people ...", "... follow up ...")
# stays both mid-article and as the last line.
REMOVE_AT = 1.0  # a line is removed when its score reaches this
STRONG_EVIDENCE = 1.0  # enough alone: "Also Read:", "Source link", "Credit…" are unambiguous
# Medium needs some shape support as well: being short and unpunctuated (0.6+0.2+0.3), or
# sitting at the bottom (0.6+0.4), so a mid-article sentence about a reporter stays.
MEDIUM_EVIDENCE = 0.6
# Weak is only enough at the bottom, and only for a short unpunctuated line
# (0.2+0.4+0.3+0.2 = 1.1). Mid-article it can reach no more than 0.2+0.2+0.3+0.1 = 0.8.
WEAK_EVIDENCE = 0.2
# Headline-sized: the samples' teaser headline has 12 words, and a sign-off glued to a
# teaser headline about 13; content sentences are mostly longer or end in punctuation.
SHORT_MAX_WORDS = 14
SHORT_BONUS = 0.2
# No final . ! ? or …: the strongest shape cue for headlines, credits and sign-offs.
NO_FINAL_PUNCT_BONUS = 0.3
TITLE_CASE_MIN_RATIO = 0.6  # share of capitalised non-minor words in a title-case headline
TITLE_CASE_MIN_WORDS = 2  # one capitalised word ("Comments") says nothing about title case
TITLE_CASE_BONUS = 0.1  # small: content sentences full of names are title-heavy as well
# The last lines, and any line followed only by removed lines, count as the bottom.
# Sign-offs and author boxes live there, after the paragraph that ended the story.
BOTTOM_LINES = 2
BOTTOM_BONUS = 0.4
# A 40-word line is a paragraph, not a link or a caption; it takes away more than a strong
# pattern can spare, so a paragraph that happens to start like boilerplate stays.
LONG_MIN_WORDS = 40
LONG_PENALTY = -0.6
# Teaser excerpts end with an ellipsis after a cut: 17 words in the sample, 55 by WordPress
# default; 80 leaves room for longer cuts without swallowing whole paragraphs.
TEASER_MAX_WORDS = 80

STRENGTHS = {"strong": STRONG_EVIDENCE, "medium": MEDIUM_EVIDENCE, "weak": WEAK_EVIDENCE}

_QUOTES = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2039": "'", "\u203a": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"',
    }
)  # fmt: skip
_ZERO_WIDTH = re.compile("[\u200b\u2060\ufeff]")  # zero-width space, word joiner, BOM
_SPACES = re.compile(r"[ \t\f\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_FINAL_PUNCT = re.compile(r"[.!?…][\"')\]]*$")
_ELLIPSIS_END = re.compile(r"(?:…|\.\.\.)[\"')\]]*$")
_TRIGGER_LEFTOVER = " :.-–—|>»"  # what may follow a bare trigger such as "Check Also:"


@dataclass(frozen=True, slots=True)
class Family:
    """A family of boilerplate patterns from the data file, sharing one reason."""

    name: str
    reason: str
    evidence: float
    regexes: tuple[re.Pattern[str], ...]
    teasers: bool = False

    def search(self, text: str) -> re.Match[str] | None:
        """The first match of any of the family's patterns in `text`, or None."""
        for regex in self.regexes:
            if match := regex.search(text):
                return match
        return None


@dataclass(frozen=True, slots=True)
class Rules:
    """The compiled contents of `data/boilerplate.toml`."""

    lines: tuple[Family, ...]
    tails: tuple[Family, ...]
    minor_words: frozenset[str]


@dataclass(slots=True)
class _Line:
    """One non-empty raw line while it is being judged."""

    no: int
    text: str
    evidence: float = 0.0
    family: Family | None = None
    trigger: bool = False
    reason: str | None = None
    cuts: list[RemovedLine] = field(default_factory=list)


# --- Rules -----------------------------------------------------------------------------


@cache
def load_rules() -> Rules:
    """Load and compile the boilerplate patterns shipped with the package, once per process.

    Returns:
        The compiled rules.

    Raises:
        ConfigError: the data file is malformed (the message names the entry and key).
    """
    text = resources.files("eventdesk").joinpath(RULES_FILE).read_text("utf-8")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(
            f"eventdesk/{RULES_FILE} is not valid TOML ({exc}); fix the file."
        ) from None
    return compile_rules(data)


def compile_rules(data: dict[str, Any]) -> Rules:
    """Compile the parsed boilerplate TOML into `Rules`.

    Args:
        data: the parsed TOML, with `[[line]]` and `[[tail]]` arrays and `minor_words`.

    Returns:
        The compiled rules.

    Raises:
        ConfigError: a family lacks a key, names an unknown strength, or has a bad regex.
    """
    return Rules(
        lines=tuple(_family(entry, "line") for entry in data.get("line", [])),
        tails=tuple(_family(entry, "tail") for entry in data.get("tail", [])),
        minor_words=frozenset(word.lower() for word in data.get("minor_words", [])),
    )


def _family(entry: dict[str, Any], table: str) -> Family:
    name = entry.get("name", "?")
    where = f"[[{table}]] '{name}' in eventdesk/{RULES_FILE}"
    for key in ("name", "reason", "patterns"):
        if key not in entry:
            raise ConfigError(f"{where} has no '{key}'; every family needs name, reason, patterns.")
    strength = entry.get("strength", "strong")
    if strength not in STRENGTHS:
        raise ConfigError(f"{where}: strength {strength!r} is not one of {sorted(STRENGTHS)}.")
    flags = re.IGNORECASE if entry.get("ignore_case", True) else 0
    try:
        regexes = tuple(re.compile(pattern, flags) for pattern in entry["patterns"])
    except re.error as exc:
        raise ConfigError(f"{where}: bad regex {exc.pattern!r} ({exc}); fix the pattern.") from None
    return Family(name, entry["reason"], STRENGTHS[strength], regexes, bool(entry.get("teasers")))


# --- Normalisation ---------------------------------------------------------------------


def normalise_line(line: str) -> str:
    """Normalise one line: NFC, ASCII quotes, one plain space, no outer spaces.

    Args:
        line: a raw line, without its newline.

    Returns:
        The normalised line; empty when the line held only whitespace.
    """
    line = unicodedata.normalize("NFC", line).translate(_QUOTES)
    line = _ZERO_WIDTH.sub("", line)
    return _SPACES.sub(" ", line).strip()


def _split_lines(raw: str) -> list[_Line]:
    """The non-empty normalised lines, numbered by their 0-based raw line."""
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    lines = (_Line(no, normalise_line(text)) for no, text in enumerate(raw.split("\n")))
    return [line for line in lines if line.text]


# --- Evidence and features ---------------------------------------------------------------


def _cut_tails(line: _Line, rules: Rules) -> None:
    """Cut agency codes and credits off the end of a line, recording each cut."""
    for family in rules.tails:
        match = family.search(line.text)
        if match is None:
            continue
        cut = match.group().strip()
        line.cuts.append(RemovedLine(line_no=line.no, text=cut, reason=family.reason))
        line.text = line.text[: match.start()].rstrip()
        if not line.text:
            line.reason = family.reason
            return


def _match_families(line: _Line, rules: Rules) -> None:
    """Give the line the evidence of its strongest matching family."""
    for family in rules.lines:
        if family.evidence <= line.evidence:
            continue
        match = family.search(line.text)
        if match is None:
            continue
        line.evidence, line.family = family.evidence, family
        leftover = line.text[match.end() :].strip(_TRIGGER_LEFTOVER)
        line.trigger = family.teasers and match.start() == 0 and not leftover


def title_case_ratio(words: list[str], minor_words: frozenset[str]) -> float:
    """The share of capitalised words among the words that are not minor words.

    Args:
        words: the line split on spaces.
        minor_words: words a title-case headline leaves lower-case ("of", "the").

    Returns:
        A ratio in [0, 1]; 0.0 when there are fewer than `TITLE_CASE_MIN_WORDS` words to judge.
    """
    letters = [w for w in words if any(c.isalpha() for c in w) and w.lower() not in minor_words]
    if len(letters) < TITLE_CASE_MIN_WORDS:
        return 0.0
    capitalised = sum(next(c for c in w if c.isalpha()).isupper() for w in letters)
    return capitalised / len(letters)


def _score(line: _Line, at_bottom: bool, rules: Rules) -> float:
    """The pattern evidence plus the line-shape features."""
    words = line.text.split()
    score = line.evidence
    if len(words) <= SHORT_MAX_WORDS:
        score += SHORT_BONUS
    if len(words) >= LONG_MIN_WORDS:
        score += LONG_PENALTY
    if not _FINAL_PUNCT.search(line.text):
        score += NO_FINAL_PUNCT_BONUS
    if title_case_ratio(words, rules.minor_words) >= TITLE_CASE_MIN_RATIO:
        score += TITLE_CASE_BONUS
    if at_bottom:
        score += BOTTOM_BONUS
    return score


def looks_like_teaser(text: str, rules: Rules) -> bool:
    """Whether a line reads like a link teaser: a short headline, or an excerpt ending in "...".

    Args:
        text: a normalised line.
        rules: the loaded rules (for the minor words of title case).

    Returns:
        True for a headline-like line or an ellipsis-ended excerpt.
    """
    words = text.split()
    if _ELLIPSIS_END.search(text):
        return len(words) <= TEASER_MAX_WORDS
    if len(words) > SHORT_MAX_WORDS:
        return False
    titled = title_case_ratio(words, rules.minor_words) >= TITLE_CASE_MIN_RATIO
    return titled or not _FINAL_PUNCT.search(text)


# --- Decisions -------------------------------------------------------------------------


def _decide_forward(body: list[_Line], rules: Rules) -> None:
    """Mark bare trigger lines ("Check Also") and the teaser lines that follow them."""
    trigger: Family | None = None
    for line in body:
        if line.reason:
            continue
        if line.family is not None and line.trigger:
            line.reason, trigger = line.family.reason, line.family
        elif trigger is not None and looks_like_teaser(line.text, rules):
            line.reason = f"teaser after {trigger.name}"
        else:
            trigger = None


def _decide_backward(body: list[_Line], rules: Rules) -> None:
    """Score the remaining lines from the end, so a line followed only by removals is at the bottom."""
    tail_start = len(body) - BOTTOM_LINES
    at_bottom = True
    for index in range(len(body) - 1, -1, -1):
        line = body[index]
        bottom = at_bottom or index >= tail_start
        if not line.reason and line.family is not None and _score(line, bottom, rules) >= REMOVE_AT:
            line.reason = line.family.reason
        at_bottom = at_bottom and line.reason is not None


def _judge(raw: str, rules: Rules) -> list[_Line]:
    """Split, normalise and decide every non-empty line; the first one is the headline."""
    lines = _split_lines(raw)
    body = lines[1:]
    for line in body:
        _cut_tails(line, rules)
        if not line.reason:
            _match_families(line, rules)
    _decide_forward(body, rules)
    _decide_backward(body, rules)
    return lines


def _assemble(lines: list[_Line]) -> str:
    """Join kept lines: a line break inside a paragraph, one blank line between paragraphs.

    A blank raw line or a removed line between two kept lines ends the paragraph.
    """
    paragraphs: list[list[str]] = []
    previous = -2
    for line in lines:
        if line.reason:
            continue
        if paragraphs and line.no == previous + 1:
            paragraphs[-1].append(line.text)
        else:
            paragraphs.append([line.text])
        previous = line.no
    return "\n\n".join("\n".join(paragraph) for paragraph in paragraphs)


def _removals(lines: list[_Line]) -> list[RemovedLine]:
    """Every removal, whole lines and cut tails, in raw line order."""
    removed: list[RemovedLine] = []
    for line in lines:
        if line.reason and line.text:
            removed.append(RemovedLine(line_no=line.no, text=line.text, reason=line.reason))
        removed.extend(line.cuts)
    return removed


# --- Public API ------------------------------------------------------------------------


def clean_text(raw: str) -> tuple[str, list[RemovedLine]]:
    """Normalise raw article text and remove plain-text boilerplate.

    Args:
        raw: the article as read, lines separated by newlines; the first non-empty line is
            taken as the headline and always kept.

    Returns:
        The cleaned text (NFC, ASCII quotes, single spaces, paragraphs separated by exactly
        one blank line, no outer whitespace) and the removed lines and line parts, each with
        its 0-based raw line number, its normalised text and a reason.
    """
    lines = _judge(raw, load_rules())
    return _assemble(lines), _removals(lines)


def clean(article: Article) -> Article:
    """Clean one article: the stage function of `clean`.

    The text is computed from `article.raw_text`, or from `article.text` when there is no
    raw text (which is then kept as `raw_text`, so cleaning twice gives the same result).

    Args:
        article: the article as read.

    Returns:
        A copy with the cleaned `text`, the `raw_text` it came from and the `removed` lines.
        Skip marks are left to the runner; the headline is always kept, so the text is empty
        only when the raw text had no non-blank line.
    """
    raw = article.raw_text or article.text
    text, removed = clean_text(raw)
    update: dict[str, Any] = {"text": text, "raw_text": raw, "removed": removed}
    log.debug("clean %s: %d removals", article.id, len(removed))
    return article.model_copy(update=update)


def pipe(articles: Iterable[Article]) -> Iterator[Article]:
    """Clean a stream of articles (the batch form of `clean`).

    Args:
        articles: articles as read.

    Yields:
        Each article cleaned, in order.
    """
    for article in articles:
        yield clean(article)
