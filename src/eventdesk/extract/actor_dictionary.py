"""The actor dictionary: named people, state bodies, parties, armed groups and international
organisations with their CAMEO roles, and generic agent nouns ("police", "protester").

Compiled by scripts/compile-actors from the Phoenix / PETRARCH2 dictionaries (MIT; attribution in
data/ACTORS-LICENSE.txt) into data/actor_dictionary.json.gz, and read once per process.

    >>> lookup("Boris Yeltsin", date(1995, 1, 1)).kind
    'political leader'
    >>> lookup("Boris Yeltsin", date(2010, 1, 1)) is None   # no role then
    True

Roles and dates: a name holds dated roles ("RUSGOV 1991-07-10 to 1999-12-31") and perhaps an
undated one that holds outside them. `lookup(name, on)` gives the role held on that date (of
two, the one that began last), else the undated one, else nothing: the name held no role then.
Without a date it gives the latest dated role (one that has not ended counts as latest), else
the undated one.

Which names match: a name is matched whole, after `normalise` (lower case, one space between
words). The compiler left out one-word names that could stand for someone else: ordinary
English words (spaCy's stop words, words that WordNet, in our spaCy model's lemmatizer tables,
lists as verbs, adjectives or adverbs, and a few common nouns Phoenix uses as aliases such as
"organization" and "youth"), and for people a given name (it begins another person's full
name), a surname shared by two people, or a person's only name. A full name, or a one-word
alias Phoenix lists that passes those tests ("putin", "hamas", "nato"), matches. A name listed
for several entries matches only when they agree on kind and country on that date.
"""

from __future__ import annotations

import gzip
import json
import logging
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from eventdesk.errors import ConfigError

if TYPE_CHECKING:
    from spacy.tokens import Token

log = logging.getLogger(__name__)

DATA_FILE = "data/actor_dictionary.json.gz"
FORMAT_VERSION = 1  # scripts/compile-actors writes this; a mismatch means the file is stale
# Entries whose roles are kept built (Role objects): the names of one article's actors.
ROLE_CACHE = 4096
# The longest run of words looked up as a name ("Revolutionary Armed Forces of Colombia").
MAX_NAME_TOKENS = 8
# Entity labels of words that can be part of a name (a date or a number cannot: "17 November").
NAME_ENTITIES = frozenset({"PERSON", "ORG", "NORP", "GPE", "FAC", "LOC"})


@dataclass(frozen=True)
class Role:
    """A CAMEO role of a name, with our actor kind and the role's country."""

    code: str  # CAMEO code: "RUSGOV", "IGOUNO", "PSEREBHMS"
    kind: str  # our actor kind: "government", "political leader", "rebel group", ...
    country: str | None  # ISO 3166-1 alpha-2; None for international bodies and regions
    start: date | None  # None: open (or an undated role)
    end: date | None

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None

    def holds_on(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class DictEntry:
    """A named actor as it stood on the date asked: its role then, and all its roles."""

    name: str  # display name: "Vladimir Putin", "Hamas"
    person: bool  # a person (CountryInfo's rulers and ministers, heads of organisations)
    role: Role
    roles: tuple[Role, ...]

    @property
    def kind(self) -> str:
        return self.role.kind

    @property
    def country(self) -> str | None:
        return self.role.country


@dataclass(frozen=True)
class AgentEntry:
    """A generic noun and its CAMEO agent code ("police" -> "~COP", kind "police")."""

    noun: str
    code: str
    kind: str


@dataclass(frozen=True)
class ActorDictionary:
    """The compiled file as read. An entry stays one string until it is looked up (see
    scripts/compile-actors `_entry_line`): loading builds no records."""

    kinds: list[str]  # the actor kinds, which roles name by index
    entries: list[str]  # "NAME<tab>PERSON<tab>CODE KIND COUNTRY START END;..."
    names: dict[str, int | list[int]]  # normalised name -> entry index (a list when several)
    agents: dict[str, str]  # normalised noun -> "CODE KIND"
    source: dict


def normalise(name: str) -> str:
    """A name as the dictionary keys it: lower case, "_" and runs of spaces as one space,
    typographic apostrophes as "'" ("Vladimir  Putin" -> "vladimir putin")."""
    return " ".join(name.replace("_", " ").replace("’", "'").lower().split())


@cache
def dictionary() -> ActorDictionary:
    """Load the compiled dictionary (cached: read once per process).

    Raises:
        ConfigError: the file is of another format version (rerun scripts/compile-actors).
    """
    raw = resources.files("eventdesk.extract").joinpath(DATA_FILE).read_bytes()
    data = json.loads(gzip.decompress(raw))
    if data.get("version") != FORMAT_VERSION:
        raise ConfigError(f"{DATA_FILE} is format version {data.get('version')!r}, this code reads "
                          f"{FORMAT_VERSION}: rebuild it with scripts/compile-actors")
    return ActorDictionary(data["kinds"], data["entries"], data["names"], data["agents"], data["source"])


def lookup(name: str, on: date | None = None) -> DictEntry | None:
    """The actor a name stands for, with the role it held on `on` (the latest role without a
    date); None when the dictionary does not know the name, it held no role then, or it names
    several actors of different kinds or countries."""
    indices = dictionary().names.get(normalise(name), [])
    found = [e for i in ([indices] if isinstance(indices, int) else indices) if (e := _entry(i, on)) is not None]
    if len({(e.kind, e.country) for e in found}) != 1:
        if found:
            log.debug("%r names %d actors on %s: left unresolved", name, len(found), on)
        return None
    return found[0]


def agent(noun: str) -> AgentEntry | None:
    """The agent code and kind of a generic noun ("police", "protesters", "businessmen")."""
    agents = dictionary().agents
    key = normalise(noun)
    for form in (key, *_singulars(key)):
        if form in agents:
            code, kind = agents[form].split(" ", 1)
            return AgentEntry(form, code, kind)
    return None


def name_runs(tokens: list[Token]) -> list[tuple[int, int]]:
    """(start, end) of the runs of words of a phrase (its whole span, with the hyphen of
    "al-Qaeda") that may be a name, longest first: runs that hold a proper noun or a named entity,
    so that "the front" or "youth" in lower case is never looked up."""
    doc, first, last = tokens[0].doc, tokens[0].i, tokens[-1].i + 1
    named = {t.i for t in doc[first:last] if t.pos_ == "PROPN" or t.ent_type_ in NAME_ENTITIES}
    runs = [(a, b) for a in range(first, last) for b in range(a + 1, min(a + MAX_NAME_TOKENS, last) + 1)
            if named & set(range(a, b)) and not doc[a].is_punct and not doc[b - 1].is_punct]
    return sorted(runs, key=lambda r: (r[0] - r[1], r[0]))


def _singulars(noun: str) -> list[str]:
    """Candidate singulars of a regular plural (the agents file lists singulars only)."""
    out = []
    if noun.endswith("men"):
        out.append(noun[:-3] + "man")
    if noun.endswith("ies"):
        out.append(noun[:-3] + "y")
    if noun.endswith("es"):
        out.append(noun[:-2])
    if noun.endswith("s"):
        out.append(noun[:-1])
    return out


def _entry(index: int, on: date | None) -> DictEntry | None:
    name, person, roles = _parsed(index)
    role = role_on(roles, on)
    return DictEntry(name, person, role, roles) if role is not None else None


@lru_cache(maxsize=ROLE_CACHE)
def _parsed(index: int) -> tuple[str, bool, tuple[Role, ...]]:
    table = dictionary()
    name, person, text = table.entries[index].split("\t")
    roles = []
    for part in text.split(";"):
        code, kind, country, start, end = part.split(" ")
        roles.append(Role(code, table.kinds[int(kind)], None if country == "-" else country,
                          _day(int(start)), _day(int(end))))
    return name, person == "1", tuple(roles)


def _day(yyyymmdd: int) -> date | None:
    return date(yyyymmdd // 10000, yyyymmdd // 100 % 100, yyyymmdd % 100) if yyyymmdd else None


def role_on(roles: tuple[Role, ...], on: date | None) -> Role | None:
    """The role held on a date (see the module docstring); the latest one without a date."""
    dated = [r for r in roles if r.dated]
    undated = next((r for r in roles if not r.dated), None)
    if on is None:
        return max(dated, key=lambda r: (r.end or date.max, r.start or date.min)) if dated else undated
    held = [r for r in dated if r.holds_on(on)]
    return max(held, key=lambda r: r.start or date.min) if held else undated
