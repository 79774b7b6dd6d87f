"""Toponym recognition and resolution over a spaCy Doc, and the place of an event.

`find_places` returns every place mention of an article as a `Place` with its span,
coordinates, ACLED geo_precision and a short reason. Precision follows ACLED:

- 1: a named town or city, or a landmark of a named city ("Almaty's main square");
- 2: near a town ("outside Aktau"), a landmark whose city comes from the context
  ("the airport"), or "the capital";
- 3: only a region or country is known: a country, a first-level region (province,
  state, oblast: ACLED codes those at the region's point with precision 3), a part
  of one ("western Kazakhstan", placed at the country point), continents, seas.

A place that is the subject of a speech verb ("Moscow said") stands for a government;
it is returned with a reason starting "metonymy", and `locate` never uses it.
"""

from __future__ import annotations

import re

import logging
import math
import tomllib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from spacy.tokens import Doc, Span, Token

from eventdesk.records import Place, PlaceRole
from eventdesk.resolve.gazetteer import (
    GENERIC_SUFFIXES, Candidate, Gazetteer, haversine_km, load_gazetteer, normalize,
)  # fmt: skip
from eventdesk.syntax import clause_rank

log = logging.getLogger(__name__)

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
METONYMY = "metonymy"
PHRASE = "phrase"
# A capitalised word that NER did not tag is taken as a city only from this
# population up: small towns share names with common words and surnames (right after a
# locative word, "in Sevran", from RESCUE_MIN_POP up, as a mis-tagged entity there).
UNTAGGED_MIN_POP = 100_000
# An ORG/PERSON/NORP entity right after a locative word ("in Calcutta", "visiting
# Austin") is taken as a place when it names a region or a town from this size up.
RESCUE_LABELS = frozenset({"ORG", "PERSON", "NORP"})
RESCUE_MIN_POP = 20_000
# Longest place name looked for at the start of an organisation's name ("U.S. Army").
PREFIX_MAX_TOKENS = 3
# Words after an entity that may complete a town's name NER cut short ("Novi" + "Sad").
LENGTHEN_MAX_TOKENS = 3
# Scoring weights: a country beats any same-named town; a region beats a town of the
# same name unless the article's focus points to the town's country, and only when it points
# to the region's country or a neighbour (`_score`).
# A second-level area (county, district) sits between: it has no population figure,
# so its prior stands in for the population term a town of ~10k would get.
KIND_PRIOR = {"country": 6.0, "continent": 5.5, "region": 5.0, "admin1": 1.0, "admin2": 2.0,
              "city": 0.0}  # fmt: skip
POP_WEIGHT = 0.5  # per decade of population: a 1M city outranks a 1k village by 1.5
FOCUS_WEIGHT = 3.0  # times the share of the article's country mentions
# A town the gazetteer gives no population (GeoNames leaves many seats of districts at 0) has at
# least the fewest that cities500 lists a town for, not none.
UNCOUNTED_TOWN_POP = 500
PRIMARY_BONUS = 0.5  # the mention is the entry's main name, not an alternate
OWN_NAME_CITY_POP = 100_000  # a city this big whose own name a country's other name is takes the name
CONTAINED_BONUS = 10.0  # "Springfield, Illinois": the container decides
DATELINE_WEIGHT = 3.0  # the dateline counts as three country mentions
# A name counts towards the article's focus only when it is unambiguous: no other
# country's region shares it, and no other country's town is within this factor of
# its population ("Gaza": a Mozambican province and the Palestinian city do not vote).
FOCUS_DOMINANCE = 10.0
DEMONYM_WEIGHT = 0.5  # a country named by its people ("Israeli aircraft") votes half a place
# A place within this distance of a focus country's centre earns this fraction of that
# country's focus share (document context: the neighbourhood of what the article is about).
NEIGHBOUR_KM = 500.0
NEIGHBOUR_FRACTION = 0.5
# A country with less than this share of the article's focus is outside it for `_is_guess`; a
# town smaller than SMALL_TOWN there is a guess even when no other country has one of its name.
MINOR_SHARE = 0.15
SMALL_TOWN = 50_000
# A place its text calls a village ("the village of X") is no city from this size up (a town of
# 90,000 may lend its name to the villages around it: "bombs fell on Shwebo village").
VILLAGE_MAX_POP = 100_000
# "Dhaka's ": what follows is a spot of the possessor, within this distance of its point.
POSSESSIVE = re.compile(r"\s*['\u2019]s?\s+")
POSSESSED_KM = 50.0
# "near the border with Venezuela", "along its frontier with Pakistan": the place across it.
BORDER_NOUNS = frozenset({"border", "frontier", "boundary"})
# Verbs of treatment: "treated at a clinic in Goma", "died in hospital in Jos".
CARE_VERBS = frozenset({"treat", "die", "admit", "recover", "hospitalise", "hospitalize", "succumb"})
REGION_KINDS = frozenset({"country", "admin1", "admin2", "region", "continent"})
ROLE_REASONS: dict[str, str] = {
    "in_name": "inside an organisation's name", "home": "an actor's home", "origin": "where a movement starts",
    "reference": "the point a distance is told from", "destination": "where a vehicle or a journey was going",
    "guess": "a name placed outside the countries the rest of the article points to",
    "hospital": "where the wounded or the dead were taken", "neighbour": "the country across a border",
}  # fmt: skip
# Roles that never give an event its place; an "origin" or a "reference" does only when its sentence
# names no other.
NOT_EVENT_ROLES = frozenset({"in_name", "home", "destination", "hospital", "guess", "neighbour"})
# Characters from the start in which a dateline is looked for: a title line and an
# image caption often come before it (sample 000: the dateline starts at char 116).
DATELINE_WINDOW = 400
# A dateline in capitals at a line's start ("MOGADISHU -") is looked for further down: a web page
# puts a headline, a standfirst, a byline and a caption before it.
CAPS_DATELINE_WINDOW = 1500
# A dateline in capitals without a comma: "YANGON (Agency) -", "KYIV -", "SANAA/RIYADH (Agency) -".
CAPS_DATELINE_BEFORE = re.compile(r"\s*(?:[A-Z][A-Z .'-]*/)?")
CAPS_DATELINE_AFTER = re.compile(r"(?: [A-Z][A-Z.'-]+)*(?:/[A-Z][A-Z .'-]*)?\s*(?:\(|[-\u2013\u2014]\s)")  # "MEXICO CITY -"


@cache
def lexicon() -> dict:
    """The place lexicons (`data/places.toml`), parsed once."""
    raw = resources.files("eventdesk.resolve").joinpath("data", "places.toml").read_bytes()
    return tomllib.loads(raw.decode("utf-8"))


@dataclass(slots=True)
class _Mention:
    start: int
    end: int
    text: str
    name: str
    source: str
    sent_start: int
    cands: list[Candidate] = field(default_factory=list)
    modifier: str | None = None
    near: bool = False
    metonymy: bool = False
    force_nation: bool = False  # a country named as an armed force's nation (`_force_nation`)
    container: _Mention | None = None
    contained: _Mention | None = None
    dateline: bool = False
    level: str | None = None  # "region", "town" or "village" when a word next to the name says so (`_level`)
    level_shared: bool = False
    best: Candidate | None = None
    why: str = ""
    role: PlaceRole | None = None


def find_places(doc: Doc, *, gazetteer: Gazetteer | None = None) -> list[Place]:
    """Recognise and resolve every place mention of an article.

    Args:
        doc: the spaCy Doc of the article's cleaned text.
        gazetteer: defaults to `load_gazetteer()`.

    Returns:
        Places in text order, each with its span, coordinates, precision and reason.
    """
    gaz = gazetteer or load_gazetteer()
    mentions = _recognise(doc, gaz)
    _link_containers(doc, mentions)
    mentions = _abbreviated_states(doc, gaz, mentions)
    votes = _votes(mentions, _demonym_votes(doc, gaz))
    focus = sum(votes.values(), Counter())
    near = _near_focus(focus, gaz)
    mentions += _from_context(doc, gaz, mentions, focus)
    _one_level_per_name(mentions)
    guessed: set[str] = set()
    for m in mentions:
        m.best, m.why = _resolve(m, focus, near)
        name = normalize(m.name)
        others = focus - votes.get(name, Counter())  # where the article's other names point
        named = bool(others - votes[""])  # other place names, not only people named by nation
        if m.role in (None, "reference", "origin", "destination") and _is_guess(m, others, _near_focus(others, gaz), named=named):
            m.role = "guess"
            guessed.add(name)
    if guessed:  # a name placed outside where the others point is no evidence of where the article is
        focus = sum((v for k, v in votes.items() if k not in guessed), Counter())
        near = _near_focus(focus, gaz)
        for m in mentions:
            if m.role != "guess":
                m.best, m.why = _resolve(m, focus, near)
    _possessed(doc.text, mentions)
    places = [_to_place(m) for m in mentions if m.best]
    places += _phrases(doc, places, focus, gaz)
    return sorted(places, key=lambda p: p.start or 0)


def _possessed(text: str, mentions: list[_Mention]) -> None:
    """A name right after a place's possessive lies in that place: "Dhaka's Victoria Park",
    "Mogadishu's Aden Adde airport", "Kenya's Rift Valley". Resolved outside it (a park in Hong
    Kong, a port in Yemen), the name is a spot of the city (it takes the city's point) or, after a
    country or region, one of that place's own entries or none."""
    ordered = sorted((m for m in mentions if m.best is not None), key=lambda m: m.start)
    for owner, m in zip(ordered, ordered[1:], strict=False):
        if not POSSESSIVE.fullmatch(text[owner.end : m.start]) or owner.best is None or m.best is None:
            continue
        if owner.role == "guess":  # a possessor placed by guess says nothing of where the name lies
            continue
        big, small = owner.best, m.best
        if big.kind == "city":
            if haversine_km(big.lat, big.lon, small.lat, small.lon) > POSSESSED_KM:
                m.best, m.why = big, f"a spot of {big.name} ('{owner.text}'s ...')"
        elif big.kind == "admin1" and not _inside(small, big):  # "Kharkiv region's Izium district"
            inside = [c for c in m.cands if _inside(c, big)]
            m.best, m.why = (inside[0] if inside else big), f"in {big.name} ('{owner.text}'s ...')"
        elif small.country_code != big.country_code:
            inside = [c for c in m.cands if c.country_code == big.country_code and c is not big]
            m.best = inside[0] if inside else None
            m.why = f"in {big.name} ('{owner.text}'s ...')"


# ---------------------------------------------------------------- recognition


def _recognise(doc: Doc, gaz: Gazetteer) -> list[_Mention]:
    found: list[_Mention] = []
    taken = {i for ent in doc.ents for i in range(ent.start, ent.end)}
    swallowed = -1  # the last token a lengthened name took
    for ent in doc.ents:
        if ent.start <= swallowed:
            continue
        longer = _lengthened(ent, gaz)
        if longer is not None:
            found.append(_mention(longer, gaz.candidates(longer.text), f"{ent.label_}+lengthened"))
            taken.update(range(longer.start, longer.end))
            swallowed = longer.end - 1
        elif m := _from_entity(ent, gaz):
            found.append(m)
    found += _untagged(doc, gaz, taken)
    found += _caps_datelines(doc, gaz, found)
    found = _without_disease_names(doc, found)
    found.sort(key=lambda m: m.start)
    text = doc.text
    for m in found:
        if m.start >= CAPS_DATELINE_WINDOW:
            break
        if m.start >= DATELINE_WINDOW and not text[m.start : m.end].isupper():
            continue
        if _is_dateline(text, m):
            m.dateline = True
            # the outlet in the dateline's brackets is no place ("KYIV (Black Sea Dispatch) -")
            bracket = re.match(r"[^\n(]{0,40}?\([^\n)]*\)", text[m.end : m.end + 120])
            if bracket:
                end = m.end + bracket.end()
                found = [f for f in found if not (m.end < f.start < end)]
            break
    return found


def _without_disease_names(doc: Doc, found: list[_Mention]) -> list[_Mention]:
    """Drop names that mostly stand before a disease noun ("Marburg virus")."""
    nouns = set(lexicon()["disease_nouns"])
    votes: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    text = doc.text  # Doc.text joins every token on each access: take it once
    for m in found:
        key = m.name.lower()
        seen[key] += 1
        after = text[m.end : m.end + 30].split()
        votes[key] += bool(after) and after[0].lower().strip(".,;:") in nouns
    disease = {k for k in seen if votes[k] * 2 > seen[k]}
    return [m for m in found if m.name.lower() not in disease]


def _from_entity(ent: Span, gaz: Gazetteer) -> _Mention | None:
    if ent.label_ not in PLACE_LABELS and not _is_country_org(ent, gaz):
        return _place_after_preposition(ent, gaz) or _place_prefix(ent, gaz) or _place_suffix(ent, gaz)
    if gaz.demonym(ent.text):
        return None  # "Kazakh" tagged GPE: an adjective, not a place
    after = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    if after is not None and after.text[:1].isupper() and gaz.demonym(f"{ent.text} {after.text}"):
        return None  # "Sri" tagged GPE in "Sri Lankan": the first word of a demonym
    tokens = list(ent)
    while tokens and tokens[0].lower_ == "the":
        tokens = tokens[1:]
    while tokens and tokens[-1].tag_ == "POS":
        tokens = tokens[:-1]
    if not tokens:
        return None
    span = ent.doc[tokens[0].i : tokens[-1].i + 1]
    cands = gaz.candidates(span.text)
    if not cands and len(tokens) > 1 and tokens[-1].text.islower() and tokens[-1].lower_ in lexicon()["town_words"]:
        span = ent.doc[tokens[0].i : tokens[-1].i]  # "Kano city": the town the name ends in
        cands = gaz.candidates(span.text)
    if not cands and "," in span.text:
        head = ent.doc.char_span(span.start_char, span.start_char + span.text.index(","))
        return _from_entity(head, gaz) if head is not None else None
    if not cands:
        return _place_suffix(ent, gaz)
    return _mention(span, cands, ent.label_)


def _lengthened(ent: Span, gaz: Gazetteer) -> Span | None:
    """NER often stops a town's name at a word it reads as English or splits it in two ("Novi" in
    "Novi Sad", "Veliko" and "Tarnovo", "San Pedro" of "San Pedro Sula"): the entity with up to
    LENGTHEN_MAX_TOKENS following capitalised words (hyphenated parts included), when the gazetteer
    knows the longer name as a region or a town from RESCUE_MIN_POP up."""
    doc = ent.doc
    start = ent.start + (ent[0].lower_ == "the")
    if start >= ent.end or gaz.demonym(ent.text):
        return None
    for n in range(LENGTHEN_MAX_TOKENS, 0, -1):
        end = ent.end + n
        if end > len(doc) or not all(_continues_name(doc[k]) for k in range(ent.end, end)):
            continue
        if doc[end - 1].text == "-":
            continue
        cands = gaz.candidates(doc[start:end].text)
        if any(c.kind in REGION_KINDS and (c.primary or c.kind == "country")
               or c.kind == "city" and c.population >= RESCUE_MIN_POP for c in cands):  # fmt: skip
            return doc[start:end]
    return None


def _continues_name(token: Token) -> bool:
    """The next word of a name: capitalised, or joined to it by a hyphen ("Gorno-Altaysk")."""
    if token.is_sent_start:
        return False
    joined = token.i > 0 and not token.doc[token.i - 1].whitespace_
    return token.text[:1].isupper() or joined and (token.text == "-" or token.nbor(-1).text == "-")


def _is_country_org(ent: Span, gaz: Gazetteer) -> bool:
    """NER sometimes tags "U.S." as ORG, or a town ("Malakal") as NORP."""
    if ent.label_ not in {"ORG", "NORP"} or gaz.demonym(ent.text):
        return False
    kinds = {"country", "admin1"} if ent.label_ == "ORG" else {"country", "admin1", "city"}
    return any(c.kind in kinds and c.primary or c.kind == "country"
               for c in gaz.candidates(ent.text))  # fmt: skip


def _place_after_preposition(ent: Span, gaz: Gazetteer) -> _Mention | None:
    """"stall wallahs in Calcutta" tagged ORG, "visiting Austin" tagged PERSON, "the state of
    Guerrero" tagged PERSON: a known town or region right after a locative word or a word of its
    level is a place whatever NER's label."""
    if ent.label_ not in RESCUE_LABELS or ent.start == 0:
        return None
    if ent.doc[ent.start - 1].lower_ not in lexicon()["locative_words"] and _level(ent)[0] is None:
        return None  # nor after "the state of", "the town of"
    cands = gaz.candidates(ent.text)
    if any(c.kind in REGION_KINDS or c.population >= RESCUE_MIN_POP for c in cands):
        return _mention(ent, cands, f"{ent.label_}+locative")
    return None


def _place_prefix(ent: Span, gaz: Gazetteer) -> _Mention | None:
    """"the US Centers for Disease Control", "the California Department of Public
    Health": an organisation named after a country or first-level region names it."""
    if ent.label_ != "ORG":
        return None
    tokens = [t for t in ent if t.lower_ != "the"]
    directions = set(lexicon()["directions"])
    for n in range(min(PREFIX_MAX_TOKENS, len(tokens) - 1), 0, -1):
        span = ent.doc[tokens[0].i : tokens[0].i + n]
        if gaz.demonym(span.text) or not span.text[:1].isupper():
            continue
        if n == 1 and span[0].lower_ in directions or span[-1].lower_ in GENERIC_SUFFIXES:
            continue  # "Central Bank", "United States Department": not a place name
        cands = gaz.candidates(span.text)
        if any(c.kind in {"country", "admin1"} and (c.primary or c.kind == "country") for c in cands):
            return _mention(span, cands, "ORG prefix", role="in_name")
    return None


def _place_suffix(ent: Span, gaz: Gazetteer) -> _Mention | None:
    """A country or region at the end of a longer name: "the Health Ministry of Uganda" (an
    organisation's name: role in_name), "Children's Villages Sudan", "the Sudanese Warab state"
    (a demonym first: a name of that country's places, alternate spellings included)."""
    if ent.label_ == "PERSON":
        return None  # "Javier Solana": a surname named like a town
    tokens = [t for t in ent if t.lower_ != "the"]
    while tokens and tokens[-1].tag_ == "POS" or tokens and tokens[-1].lower_ in GENERIC_SUFFIXES:
        tokens = tokens[:-1]
    if len(tokens) < 2:
        return None
    if tokens[-1].lower_ in lexicon()["directions"]:  # "Imphal East", "Durban North": a part of the town
        head = ent.doc[tokens[0].i : tokens[-2].i + 1]
        cands = [c for c in gaz.candidates(head.text) if c.kind != "country"]
        if not cands:
            return None
        m = _mention(head, cands, f"{ent.label_} before a direction")
        m.modifier = tokens[-1].lower_
        return m
    country = gaz.demonym(tokens[0].text)
    if country is not None:
        tails = [tokens[1:]]
    elif ent.label_ == "ORG":
        cut = max((i for i, t in enumerate(tokens) if t.lower_ in {"of", "in"}), default=None)
        tails = [tokens[cut + 1 :]] if cut is not None else []
    else:
        tails = [tokens[-n:] for n in (2, 1) if n < len(tokens)]
    for tail in tails:
        if not tail or not tail[0].text[:1].isupper():
            continue
        if len(tail) == 1 and tail[0].lower_ in {*lexicon()["feature_nouns"], *lexicon()["directions"]}:
            continue  # "Victoria Island", "Rift Valley", "Imphal East": a kind or part of a place, not
            # Iceland, The Valley or Cameroon's East region
        span = ent.doc[tail[0].i : tail[-1].i + 1]
        cands = [c for c in gaz.candidates(span.text) if _suffix_ok(c, country)]
        if cands:
            return _mention(span, cands, f"{ent.label_} suffix", role="in_name" if ent.label_ == "ORG" else None)
    return None


def _suffix_ok(c: Candidate, country: str | None) -> bool:
    """A demonym's country's place, else a country or a region by its own name (a town at the
    end of a longer name is taken only when the article names it alone: `_from_context`)."""
    if country is not None:
        return c.country_code == country and c.kind != "country"
    return c.kind == "country" or c.kind == "admin1" and c.primary


def _from_context(doc: Doc, gaz: Gazetteer, mentions: list[_Mention], focus: Counter[str]) -> list[_Mention]:
    """Names NER took for a person or an organisation ("the community of O'Leary", "the mayor of
    Dogubayazit") that the gazetteer knows as a town of a first-level region the article names,
    or as a town of 20,000 or more in its focus country; and a town the article names alone at
    the end of a longer name ("Children's Village Malakal"): document context makes them places."""
    regions = {(c.country_code, c.admin1) for m in mentions for c in [_resolve(m, focus)[0]]
               if c is not None and c.kind == "admin1" and _unambiguous(c, m.cands)}  # fmt: skip
    top = focus.most_common(1)[0][0] if focus else None
    taken = [(m.start, m.end) for m in mentions]
    people = [e for e in doc.ents if e.label_ == "PERSON"]
    out = []
    named = {normalize(m.name): m for m in mentions if m.role is None}
    for ent in doc.ents:
        if any(s < ent.end_char and ent.start_char < e for s, e in taken):
            continue
        tail = _named_tail(ent, named)
        if tail is not None:
            out.append(_mention(tail, named[normalize(tail.text)].cands, "named alone elsewhere"))
            continue
        if ent.label_ not in RESCUE_LABELS:
            continue
        if not _may_be_place(ent, people):
            continue
        cands = [c for c in gaz.candidates(ent.text) if c.kind == "city" and (
            (c.country_code, c.admin1) in regions or c.country_code == top and c.population >= RESCUE_MIN_POP)]  # fmt: skip
        if cands:
            out.append(_mention(ent, cands, f"{ent.label_} in context"))
    return out


def _named_tail(ent: Span, named: dict[str, _Mention]) -> Span | None:
    """The last one or two words of a longer name when the article names them alone as a place."""
    if ent.label_ == "PERSON":
        return None
    for n in (2, 1):
        if n < len(ent) and ent[-n].text[:1].isupper() and normalize(ent[-n:].text) in named:
            return ent[-n:]
    return None


def _may_be_place(ent: Span, people: list[Span]) -> bool:
    """Not a named person's surname ("Russell" after "Scott Russell"), not after a title
    ("Capt. Tennant"), not the subject of a verb (people act, places are acted in)."""
    last = ent[-1].text
    if any(len(p) > len(ent) and last in p.text.split() for p in people):
        return False
    before = ent.doc[ent.start - 1] if ent.start else None
    if before is not None and before.text.rstrip(".").lower() in lexicon()["titles"]:
        return False
    return ent.root.dep_ not in {"nsubj", "nsubjpass"} and all(t.text[:1].isupper() for t in ent)


def _mention(span: Span, cands: list[Candidate], source: str, role: PlaceRole | None = None) -> _Mention:
    m = _Mention(span.start_char, span.end_char, span.text, span.text, source,
                 span.sent.start_char, cands, role=role or _syntactic_role(span))  # fmt: skip
    after = span.doc[span.end] if span.end < len(span.doc) else None
    if m.role is None and after is not None and after.text[:1].isupper() and after.lower_ in lexicon()["org_heads"]:
        m.role = "in_name"  # "Killeen Police Department", "West Coast Bank": the name of an organisation
    if m.role is None and _force_nation(span, cands):
        m.role, m.force_nation = "home", True
    before = span.doc[span.start - 1] if span.start > 0 else None
    lex = lexicon()
    if before is not None and before.lower_ in lex["directions"]:
        m.modifier = before.lower_
        m.start, m.text = before.idx, span.doc.text[before.idx : span.end_char]
    m.near = any(t.lower_ in lex["proximity"] for t in span.doc[max(span.start - 3, 0) : span.start])
    m.metonymy = _is_metonymy(span) or _acting_nation(span, cands)
    m.level, m.level_shared = _level(span)
    if m.level in ("town", "village") and after is not None and after.lower_ in {
            *lex["village_words"], *lex["town_words"]} and any(c.kind == "country" for c in cands):
        m.level, m.level_shared = None, False  # "an eastern Congo village": a village in the country
    return m


def _one_level_per_name(mentions: list[_Mention]) -> None:
    """A name the article once gives its level ("the province of Arauca") has that level where
    it names it bare ("an ambush in Arauca"): one article, one sense of a name, unless it names
    both levels."""
    levels: dict[str, set[str]] = {}
    for m in mentions:
        if m.level is not None and m.level_shared:
            levels.setdefault(m.name.lower(), set()).add(m.level)
    for m in mentions:
        told = levels.get(m.name.lower(), set())
        if m.level is None and len(told) == 1:
            m.level = next(iter(told))


def _level(span: Span) -> tuple[str | None, bool]:
    """"region", "town" or "village" when a word next to the name says which place of the name is
    meant: "the province of Kunduz", "Kano state", "Herat province" (inside the entity or after it)
    name the region; "the city of Kandahar", "Balkh town" the town, "the village of Kaduna" a small
    one (no city of that name); so does an apposition
    ("Kharkiv, Ukraine's second-largest city", "Kunduz, a northern province"). The flag: the
    word names the place itself, not a title or a thing of it ("Nakuru county police", "a
    Washington state farm"), so the article's other bare mentions of the name take the level too."""
    lex, doc = lexicon(), span.doc
    words = [span[-1]] if len(span) > 1 else []
    if span.end < len(doc):
        words.append(doc[span.end])
    if span.start >= 2 and doc[span.start - 1].lower_ == "of":
        words.append(doc[span.start - 2])
    words += [c for c in span.root.children if c.dep_ == "appos"]  # "Kharkiv, Ukraine's second city"
    for word in words:
        if word.lower_ in lex["village_words"]:
            return "village", word.dep_ != "compound"
        if word.lower_ in lex["region_words"]:
            return "region", word.dep_ != "compound"
        if word.lower_ in lex["town_words"]:
            return "town", word.dep_ != "compound"
    return None, False


def _fits_level(c: Candidate, level: str) -> bool:
    """c is of the level a word gave the name: a region, a town, or a village (a town under
    VILLAGE_MAX_POP)."""
    if level == "region":
        return c.kind in {"admin1", "admin2", "region"}
    return c.kind == "city" and (level != "village" or c.population < VILLAGE_MAX_POP)


def _force_nation(span: Span, cands: list[Candidate]) -> bool:
    """A country's name modifying an armed force ("US forces", "UK warplanes", "Kenya police"): the
    force's nation, as "American forces" would name it (force_nouns in the data file)."""
    root = span.root
    return (_names_country(cands) and root.dep_ in {"compound", "amod", "nmod"}
            and root.head.lemma_.lower() in lexicon()["force_nouns"] and root.head.i > root.i)


def _acting_nation(span: Span, cands: list[Candidate]) -> bool:
    """A country that is the active subject of an act of force ("Russia struck the port":
    force_verbs in the data file): the state acting."""
    root = span.root
    return _names_country(cands) and root.dep_ == "nsubj" and root.head.lemma_.lower() in lexicon()["force_verbs"]


def _names_country(cands: list[Candidate]) -> bool:
    return bool(cands) and cands[0].kind == "country"


def _syntactic_role(span: Span) -> PlaceRole | None:
    """A place named as an actor's home ("a Chicago man", "a woman from Leeds", "Smith, 42, of
    Dover"), as where the wounded were treated or carried (`_at_hospital`, `_carried_to`) or as where a movement starts
    ("flew in from Moscow"), as where a vehicle was going ("buses to Islamabad"), or as the
    country across a border ("near the border with Venezuela"): not the event's place."""
    root, people = span.root, lexicon()["person_nouns"]
    if root.dep_ in {"compound", "amod", "nmod"} and root.head.lemma_.lower() in people:
        return "home"
    if _at_hospital(root) or _carried_to(root):
        return "hospital"
    if root.dep_ != "pobj" or root.head.dep_ != "prep":
        return None
    prep, governor = root.head.lower_, root.head.head
    if prep == "with" and governor.lemma_.lower() in BORDER_NOUNS:
        return "neighbour"  # "a base near the border with Venezuela": the event is on this side
    before = root.head.nbor(-1) if root.head.i > 0 else governor  # the parser may hang "from" on the verb
    if prep in {"from", "of"} and any(t.lemma_.lower() in people or t.ent_type_ == "PERSON" for t in (governor, before)):
        return "home"
    if prep == "of" and _measured_from(governor):
        return "reference"  # "near Izraa, about 30 km west of Sweida": the event is not at Sweida
    if prep == "to" and any(t.lemma_.lower() in lexicon()["vehicle_nouns"] for t in (governor, before)):
        return "destination"  # "as passengers waited to board buses to Islamabad": not at Islamabad
    return "origin" if prep == "from" else None


def _measured_from(word: Token) -> bool:
    """"30 km west (of)", "100 miles north-east (of)": a direction with a distance."""
    return word.lower_ in lexicon()["directions"] and any(c.dep_ == "npadvmod" for c in word.children)


def _at_hospital(root: Token) -> bool:
    """"taken to hospital in Chilpancingo", "a clinic in Peshawar", "hospitals in the state capital,
    Kaduna": where the wounded were treated, not where they were wounded."""
    if root.dep_ == "appos":
        root = root.head
    if root.dep_ == "compound":
        root = root.head
    if root.dep_ != "pobj" or root.head.lower_ not in {"in", "at"}:
        return False
    care_nouns, head = lexicon()["care_nouns"], root.head.head
    if head.lemma_.lower() in care_nouns:
        cares = [head] if head.dep_ == "pobj" else []  # "a bomb exploded outside a hospital in
    else:  # Mogadishu": the place of the blast; "taken to hospital in Jos": "in Jos" hangs on "taken"
        cares = [o for p in head.children if p.dep_ == "prep" for o in p.children
                 if o.dep_ == "pobj" and o.lemma_.lower() in care_nouns]
    return any(c.head.lower_ == "to" or c.head.head.lemma_.lower() in CARE_VERBS for c in cares)


def _carried_to(root: Token) -> bool:
    """"the wounded were flown to Mogadishu for treatment", "the bodies were taken to Gao": where the
    casualties were carried (a carry verb whose carried or purpose is a casualty noun)."""
    if root.dep_ != "pobj" or root.head.lower_ != "to" or root.head.head.pos_ != "VERB":
        return False
    verb, lex = root.head.head, lexicon()
    if verb.lemma_.lower() not in lex["carry_verbs"]:
        return False
    carried = [c for c in verb.children if c.dep_ in {"nsubjpass", "dobj"}]
    carried += [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "for" for o in p.children if o.dep_ == "pobj"]
    return any(c.lemma_.lower() in lex["casualty_nouns"] or c.lower_ in lex["casualty_nouns"] for c in carried)


def _is_metonymy(span: Span) -> bool:
    """Subject of a speech verb, or possessor of "government" and the like."""
    root = span.root
    lex = lexicon()
    if root.dep_ in {"nsubj", "nsubjpass"} and root.head.lemma_ in lex["speech_verbs"]:
        return True
    if root.dep_ == "poss" and root.head.lemma_ in lex["government_heads"]:
        return True
    return False


def _untagged(doc: Doc, gaz: Gazetteer, taken: set[int]) -> list[_Mention]:
    """Capitalised proper nouns NER missed that the gazetteer knows well."""
    found: list[_Mention] = []
    i = 0
    while i < len(doc):
        hit = None
        if i not in taken and (_capitalised(doc[i]) or _after_locative(doc, i)) and not doc[i].is_sent_start:
            hit = _longest_match(doc, i, gaz, taken)
        if hit is None:
            i += 1
            continue
        found.append(hit[0])
        i = hit[1]
    return found


def _capitalised(token: Token) -> bool:
    return token.pos_ == "PROPN" and token.text[:1].isupper() and not token.is_stop


def _longest_match(doc: Doc, i: int, gaz: Gazetteer, taken: set[int]) -> tuple[_Mention, int] | None:
    for n in (3, 2, 1):
        j = i + n
        if j > len(doc) or any(k in taken or not doc[k].text[:1].isupper() for k in range(i, j)):
            continue
        span = doc[i:j]
        if gaz.demonym(span.text):
            return None
        if n == 1 and span[0].lower_ in lexicon()["directions"]:
            continue  # "Nairobi South": a part of the town before it, not Cameroon's South region
        after_locative = _after_locative(doc, i) and not any(t.ent_type_ for t in span)
        floor = RESCUE_MIN_POP if after_locative else None
        cands = [c for c in gaz.candidates(span.text) if _untagged_ok(c, floor)]
        if cands:
            return _mention(span, cands, "gazetteer+locative" if after_locative else "gazetteer"), j
    return None


# A line opening with a place in capitals and a dateline's outlet, comma or dash: "LAHORE - ",
# "KARACHI (Indus Wire) - ", "DHAKA, May 2 - ".
_CAPS_LINE_START = re.compile(r"(?m)^([A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,2})(?=,| \(| [-\u2013\u2014] )")


def _caps_datelines(doc: Doc, gaz: Gazetteer, found: list[_Mention]) -> list[_Mention]:
    """A dateline's town in capitals that NER did not tag (it opens its sentence, so `_untagged`
    passes it by): a town the gazetteer knows well, as `_untagged` asks."""
    out: list[_Mention] = []
    for hit in _CAPS_LINE_START.finditer(doc.text, 0, CAPS_DATELINE_WINDOW):
        if any(m.start < hit.end(1) and hit.start(1) < m.end for m in found):
            continue
        span = doc.char_span(hit.start(1), hit.end(1))
        cands = [c for c in gaz.candidates(hit.group(1)) if _untagged_ok(c)] if span is not None else []
        if cands and not gaz.demonym(hit.group(1)):
            out.append(_mention(span, cands, "capitals dateline"))
    return out


def _after_locative(doc: Doc, i: int) -> bool:
    """A capitalised word right after a locative word ("threw stones at police in Sevran"; the parser
    may take it for a common noun, "in Dilling"): a place name as likely as a mis-tagged entity there."""
    word = doc[i]
    return (i > 0 and doc[i - 1].lower_ in lexicon()["locative_words"] and word.text[:1].isupper()
            and word.pos_ in {"PROPN", "NOUN"} and not word.is_stop)


def _untagged_ok(cand: Candidate, floor: int | None = None) -> bool:
    if cand.kind == "city":
        return cand.population >= (floor or UNTAGGED_MIN_POP) and cand.primary
    return cand.primary or cand.kind == "country"


def _is_dateline(text: str, m: _Mention) -> bool:
    """"ALMATY, Jan 6 (Reuters) -" or "Almaty, MINA –" at the start of a line; in capitals also
    "YANGON (Agency) -", "KYIV -" and either town of "SANAA/RIYADH (Agency) -"."""
    line_start = text.rfind("\n", 0, m.start) + 1
    before, rest = text[line_start : m.start], text[m.end : m.end + 40]
    if rest.startswith(",") and not before.strip():  # " . ": the dash the parser's text made a stop
        return any(d in rest for d in ("–", "—", " - ", "(", " . "))
    return bool(text[m.start : m.end].isupper() and CAPS_DATELINE_BEFORE.fullmatch(before)
                and CAPS_DATELINE_AFTER.match(rest))  # fmt: skip


def _link_containers(doc: Doc, mentions: list[_Mention]) -> None:
    """"Almaty, Kazakhstan" / "Springfield, Illinois": the second contains the first."""
    text = doc.text
    for left, right in zip(mentions, mentions[1:]):
        gap = text[left.end : right.start]
        if gap.strip() != "," or left.dateline:
            continue
        if any(c.kind in {"country", "continent", "region"} for c in left.cands):
            continue  # "Iraq, Iran": a list of countries, not containment
        if _same_level(left, right):
            continue  # "Georgia, Oklahoma, Pennsylvania": a list of states
        for big in right.cands:
            if big.kind not in {"country", "admin1"}:
                continue
            if any(_inside(c, big) for c in left.cands if c is not big):
                left.container, right.contained = right, left
                break


@cache
def _state_abbreviations() -> list[tuple[str, str, str]]:
    """(abbreviation, country code, first-level region) of `data/places.toml`, longest first."""
    table = lexicon()["state_abbreviations"]
    rows = [(a, code, region) for code, regions in table.items() for region, abbrs in regions.items() for a in abbrs]
    return sorted(rows, key=lambda r: -len(r[0]))


def _abbreviated_states(doc: Doc, gaz: Gazetteer, mentions: list[_Mention]) -> list[_Mention]:
    """"Burlington, Vt.", "Kingston, Ont.": the abbreviated state or province after a town and a
    comma holds the town. The abbreviation becomes a place of its own (the region, precision 3)
    that contains the town; the town keeps only its candidates in that region, none when the
    gazetteer has no town of the name there (the region is then all that is known)."""
    text = doc.text
    added: list[_Mention] = []
    mentions = mentions + _unrecognised_towns(text, gaz, mentions)
    for m in mentions:
        if m.container is not None or not any(c.kind == "city" for c in m.cands):
            continue
        gap = re.match(r",[ \t]*", text[m.end : m.end + 4])
        if gap is None:
            continue
        start = m.end + gap.end()
        hit = next((row for row in _state_abbreviations() if text.startswith(row[0], start)
                    and not text[start + len(row[0]) : start + len(row[0]) + 1].isalpha()), None)
        if hit is None:
            continue
        abbr, code, name = hit
        region = [c for c in gaz.candidates(name) if c.kind == "admin1" and c.country_code == code]
        if not region:
            continue
        state = _Mention(start, start + len(abbr), abbr, name, "state abbreviation", m.sent_start, region)
        m.cands = [c for c in m.cands if c.country_code == code and c.admin1 == name and c.kind == "city"]
        m.container, state.contained = state, m
        added.append(state)
    if not added:
        return mentions
    spans = [(a.start, a.end) for a in added]
    kept = [m for m in mentions if not any(s < m.end and m.start < e for s, e in spans)]
    return sorted(kept + added, key=lambda m: m.start)


# Capitalised words, a comma and what may be a state's abbreviation: "ROCHESTER, N.Y.", "Dover, Del."
_TOWN_AND_STATE = re.compile(r"\b([A-Z][A-Za-z'.-]*(?: [A-Z][A-Za-z'.-]*){0,2}),[ \t]*([A-Z][A-Za-z.]{1,5})(?![A-Za-z])")


def _unrecognised_towns(text: str, gaz: Gazetteer, mentions: list[_Mention]) -> list[_Mention]:
    """Towns NER did not tag before a state's abbreviation ("ROCHESTER, N.Y. (Agency) -" in a
    dateline): the longest run of the capitalised words that the gazetteer knows as a town of that
    state."""
    abbreviations = {a: (code, region) for a, code, region in _state_abbreviations()}
    covered = [(m.start, m.end) for m in mentions]
    found: list[_Mention] = []
    for hit in _TOWN_AND_STATE.finditer(text):
        state = abbreviations.get(hit.group(2))
        if state is None or any(a < hit.end(1) and hit.start(1) < b for a, b in covered):
            continue
        words = list(re.finditer(r"\S+", hit.group(1)))
        for first in words:  # the longest name first: "NEW YORK CITY" before "YORK CITY"
            start = hit.start(1) + first.start()
            name = text[start : hit.end(1)]
            towns = [c for c in gaz.candidates(name) if c.kind == "city" and (c.country_code, c.admin1) == state]
            if towns:
                sent_start = text.rfind("\n", 0, start) + 1
                found.append(_Mention(start, hit.end(1), name, name, "town before a state abbreviation", sent_start, towns))
                break
    return found


def _same_level(left: _Mention, right: _Mention) -> bool:
    """Both names are first-level regions of one country: a list, not containment."""
    lefts = {c.country_code for c in left.cands if c.kind == "admin1" and c.primary}
    return any(c.kind == "admin1" and c.primary and c.country_code in lefts for c in right.cands)


def _inside(small: Candidate, big: Candidate) -> bool:
    if small.country_code != big.country_code:
        return False
    return big.kind == "country" or (small.admin1 == big.admin1 and small.kind == "city")


# ---------------------------------------------------------------- resolution


def _votes(mentions: list[_Mention], demonyms: Counter[str] | None = None) -> dict[str, Counter[str]]:
    """The article's country votes (its focus is their sum), by the name that casts them ("" for
    the demonyms): its unambiguous places, the dateline counted thrice, and the countries it names
    by their people (`demonyms`). A country name that several countries share ("Congo") names one
    of them: each gets an equal share of its vote. Only when none of that exists do the ambiguous
    names vote for their own best guesses."""
    votes: dict[str, Counter[str]] = {"": Counter(demonyms or {})}
    fallback: dict[str, Counter[str]] = {"": Counter()}
    for m in mentions:
        best, _ = _resolve(m, Counter())
        if best is None or not best.country_code or m.metonymy and best.kind != "country" or m.role == "neighbour":
            continue  # the country across a border is not where the article is
        weight = DATELINE_WEIGHT if m.dateline else 1.0
        weight = weight if best.kind != "continent" else 0
        if m.force_nation or m.metonymy:  # "US forces", "the US struck": a nation named by its force
            # or its state's act, as by its people: who acted, not where
            votes[""][best.country_code] += DEMONYM_WEIGHT
            continue
        name = normalize(m.name)
        fallback.setdefault(name, Counter())[best.country_code] += weight
        countries = {c.country_code for c in m.cands if c.kind == "country"}
        if _unambiguous(best, m.cands) or m.container is not None or m.contained is not None:
            votes.setdefault(name, Counter())[best.country_code] += weight
        elif best.kind == "country" and all(c.kind == "country" or c.population * FOCUS_DOMINANCE < best.population
                                            for c in m.cands):
            for code in countries:
                votes.setdefault(name, Counter())[code] += weight / len(countries)
    return votes if any(sum(v.values()) for v in votes.values()) else fallback


def _demonym_votes(doc: Doc, gaz: Gazetteer) -> Counter[str]:
    """Half a vote for each country the article names by its people or adjective ("Israeli
    aircraft", "Congolese troops"): weaker than a place, as the people named may act abroad."""
    votes: Counter[str] = Counter()
    for ent in doc.ents:
        if ent.label_ == "NORP" and (code := gaz.demonym(ent.text)):
            votes[code] += DEMONYM_WEIGHT
    return votes


# (lat, lon, share, code) of one of the article's focus countries (`_near_focus`).
Near = tuple[float, float, float, str]


def _near_focus(focus: Counter[str], gaz: Gazetteer) -> list[Near]:
    """(lat, lon, share, code) of the article's focus countries, for the neighbour bonus."""
    total = sum(focus.values())
    out = []
    for code, weight in focus.items():
        country = gaz.country(code)
        if country is not None and total:
            out.append((country.lat, country.lon, weight / total, code))
    return out


def _unambiguous(best: Candidate, cands: list[Candidate]) -> bool:
    """No candidate of another country competes with `best` for the name."""
    for c in cands:
        if c.country_code == best.country_code:
            continue
        if c.kind in REGION_KINDS and c.kind != "continent":
            return False
        if best.kind != "country" and c.population * FOCUS_DOMINANCE > best.population:
            return False
    return True


def _resolve(m: _Mention, focus: Counter[str], near: list[Near] | None = None,
             ) -> tuple[Candidate | None, str]:
    cands = m.cands
    if m.container is not None:
        big = [c for c in m.container.cands if c.kind in {"country", "admin1"}]
        inside = [c for c in cands if any(_inside(c, b) for b in big)]
        if m.level is not None:  # "Kharkiv, Ukraine's second-largest city": the town of the name
            inside = [c for c in inside if _fits_level(c, m.level)] or inside
        if inside:
            best = max(inside, key=lambda c: _score(c, focus, near))
            return best, f"contained in {m.container.name}"
    if m.contained is not None:
        small = m.contained.cands
        holders = [c for c in cands if any(_inside(s, c) for s in small if s is not c)]
        if holders:
            best = max(holders, key=lambda c: _score(c, focus, near))
            return best, f"contains {m.contained.name}"
    if not cands:
        return None, ""
    if m.level is not None:
        if level := [c for c in cands if _fits_level(c, m.level)]:
            best = max(level, key=lambda c: _score(c, focus, near))
            return best, f"{_reason(best, m, focus, len(cands))}; {m.level} named so"
        if m.level == "village":
            return None, ""  # every place of the name is a city: the village is none the gazetteer knows
    scored = sorted(cands, key=lambda c: -_score(c, focus, near))
    best = _prefer_city(scored)
    return best, _reason(best, m, focus, len(cands))


def _score(c: Candidate, focus: Counter[str], near: list[Near] | None = None) -> float:
    total = sum(focus.values())
    share = focus[c.country_code] / total if total and c.country_code else 0.0
    people = max(c.population, UNCOUNTED_TOWN_POP) if c.kind == "city" else c.population
    pop = math.log10(people + 10) * POP_WEIGHT if c.kind in {"city", "admin1"} else 0.0
    around = share + _neighbour_share(c, near or [])
    # a region outranks a town of its name only in or next to a country the article points to:
    # alone, "Portland", "Manchester" or "Toledo" are the cities, not parishes of Jamaica or a
    # district of Belize
    prior = KIND_PRIOR[c.kind] if c.kind != "admin1" or around else 0.0
    return prior + pop + FOCUS_WEIGHT * around + PRIMARY_BONUS * c.primary


def _neighbour_share(c: Candidate, near: list[Near], *, own: bool = False) -> float:
    """Part of the focus a place earns by lying next to another focus country ("Sofia" in
    an article about Greek farmers whom Bulgarian farmers joined is Bulgaria's capital, not a
    region of Madagascar), on top of its own country's share: an article about one country that
    names its neighbour's towns points at both.
    `own`: its own country's neighbourhood counts too."""
    if c.kind == "country":
        return 0.0
    close = [w for lat, lon, w, code in near
             if (own or code != c.country_code) and haversine_km(c.lat, c.lon, lat, lon) <= NEIGHBOUR_KM]
    return NEIGHBOUR_FRACTION * max(close, default=0.0)


def _is_guess(m: _Mention, focus: Counter[str], near: list[Near], named: bool = True) -> bool:
    """A name resolved to a place outside the countries the article's other names point to and
    their neighbourhood (`focus` is without the name's own votes): an ambiguous name resolved by
    size alone ("West Coast" in a story about Oregon taken as an Australian state, "Palma" in
    one about Cabo Delgado taken as Mallorca's), a small town ("Church Street" in a story from
    Vermont) or a name the gazetteer knows only as another name of a place ("Gulshan", a
    Karachi neighbourhood, is also a name of Tabas in Iran). The last two only where other place
    names point elsewhere (`named`): people named by nation ("the Ethiopians shelled villages near
    Badme") tell who acted, not where."""
    best = m.best
    if best is None or not focus or m.container is not None or m.contained is not None or m.dateline:
        return False
    if best.kind in {"country", "continent"} or _neighbour_share(best, near, own=True):
        return False
    if focus[best.country_code] >= MINOR_SHARE * sum(focus.values()):
        return False
    if any(c.primary and c.country_code != best.country_code for c in m.cands):
        return True  # other countries have places of this very name
    small = best.kind == "city" and best.population < SMALL_TOWN
    return named and (small or not best.primary)


def _prefer_city(scored: list[Candidate]) -> Candidate:
    """A region and a same-named city of the same country (Almaty): the city.

    Only a city whose own name it is: "Oklahoma" is an alternate name of Oklahoma City,
    and "Oklahoma" alone means the state. So too a country named by another of its names that is
    a city's own name, of at least OWN_NAME_CITY_POP people ("Salvador" is Brazil's city, not El
    Salvador).
    """
    best = scored[0]
    if best.kind == "country" and not best.primary:
        return next((c for c in scored if c.kind == "city" and c.primary and c.population >= OWN_NAME_CITY_POP), best)
    if best.kind != "admin1":
        return best
    for c in scored[1:]:
        if c.kind == "city" and c.primary and c.country_code == best.country_code \
                and c.population * 10 > best.population:  # fmt: skip
            return c
    return best


def _reason(best: Candidate, m: _Mention, focus: Counter[str], n: int) -> str:
    if m.dateline:
        return f"dateline; {best.kind} in {best.country or 'the world'}"
    if n == 1:
        return f"only {best.kind} named {m.name}"
    if focus and best.country_code and focus[best.country_code] == max(focus.values()):
        return f"{best.kind} in article focus {best.country}"
    return f"largest of {n} {m.name} ({best.kind})"


def _precision(c: Candidate, m: _Mention) -> int:
    if c.kind == "city":
        return 2 if m.near or m.modifier else 1
    return 3


def _to_place(m: _Mention) -> Place:
    c = m.best
    assert c is not None
    # "THESSALONIKI, Greece - ": resolved as contained in its country, still the dateline (`locate` reads it)
    why = m.why if not m.dateline or m.why.startswith("dateline") else f"dateline; {m.why}"
    reason = why + (f"; part of it ({m.modifier})" if m.modifier else "")
    if m.near:
        reason += "; near it"
    if m.role is not None:
        reason += f"; {ROLE_REASONS[m.role]}"
    if m.metonymy:
        reason = f"{METONYMY}: {m.name} stands for its government; {reason}"
    return Place(
        name=c.name, country=c.country or None, country_code=c.country_code or None,
        admin1=c.admin1, lat=c.lat, lon=c.lon, geo_precision=_precision(c, m),
        gazetteer_id=f"geonames:{c.geonames_id}" if c.geonames_id else None,
        feature="region" if c.kind in {"continent", "region"} else c.kind,
        text=m.text, start=m.start, end=m.end, reason=reason, role=m.role,
    )  # fmt: skip


def is_phrase(place: Place) -> bool:
    """Whether a place comes from a phrase ("the capital", "the airport"), not a name."""
    return place.reason.startswith(PHRASE)


def is_metonymy(place: Place) -> bool:
    """Whether a place mention stands for a government ("Moscow said ...")."""
    return place.reason.startswith(METONYMY)


# ---------------------------------------------------------------- phrases


def _phrases(doc: Doc, places: list[Place], focus: Counter[str], gaz: Gazetteer) -> list[Place]:
    """"the capital", "across the country", "the airport", "the Central Asian nation"."""
    country = gaz.country(focus.most_common(1)[0][0]) if focus else None
    out: list[Place] = []
    lex = lexicon()
    phrases = _phrases_by_first_word()
    taken: set[int] = set()
    for tok in doc:
        if tok.i in taken:
            continue
        hit = _phrase_at(doc, tok.i, phrases.get(tok.lower_, ())) or _nation_phrase(doc, tok.i, lex)
        if hit is None:
            continue
        kind, end = hit
        place = _phrase_place(doc, doc[tok.i : end], kind, places, country, gaz)
        if place is not None:
            out.append(place)
            taken.update(range(tok.i, end))
    return out + _landmarks(doc, places)


def _landmarks(doc: Doc, places: list[Place]) -> list[Place]:
    """"Almaty's main square": a landmark of a named city, precision 1."""
    out: list[Place] = []
    nouns = lexicon()["facility_nouns"]
    for p in places:
        span = doc.char_span(p.start or 0, p.end or 0, alignment_mode="expand")
        if p.feature != "city" or span is None or span.end >= len(doc) or doc[span.end].tag_ != "POS":
            continue
        for tok in doc[span.end + 1 : span.end + 4]:
            if tok.lower_ in nouns:
                out.append(p.model_copy(update={
                    "text": doc.text[p.start or 0 : tok.idx + len(tok)], "end": tok.idx + len(tok),
                    "geo_precision": 1, "reason": f"phrase: landmark of {p.name}",
                }))  # fmt: skip
                break
    return out


@cache
def _phrases_by_first_word() -> dict[str, list[dict]]:
    """Phrases indexed by their first word, longest first (a per-token scan stays cheap)."""
    index: dict[str, list[dict]] = {}
    for p in sorted(lexicon()["phrases"], key=lambda p: -len(p["words"])):
        index.setdefault(p["words"][0], []).append(p)
    return index


def _phrase_at(doc: Doc, i: int, phrases: Sequence[dict]) -> tuple[str, int] | None:
    for p in phrases:
        words = p["words"]
        j = i + len(words)
        if j <= len(doc) and all(doc[i + k].lower_ == w for k, w in enumerate(words)):
            if j < len(doc) and doc[j].pos_ in {"NOUN", "PROPN"} and doc[j].lower_ != "of":
                continue  # "the city council", "the capital city" is handled by its noun
            if j + 1 < len(doc) and doc[j].lower_ == "of" and doc[j + 1].text[:1].isupper():
                continue  # "the town of Tixtla": the name that follows is the place
            return p["kind"], j
    return None


def _nation_phrase(doc: Doc, i: int, lex: dict) -> tuple[str, int] | None:
    """"the Central Asian nation": the + capitalised adjectives + nation noun."""
    if doc[i].lower_ != "the":
        return None
    j = i + 1
    while j < len(doc) and doc[j].text[:1].isupper() and doc[j].pos_ in {"ADJ", "PROPN", "NOUN"}:
        j += 1
    if j == i + 1 or j >= len(doc) or doc[j].lower_ not in lex["nation_nouns"]:
        return None
    return "country", j + 1


def _phrase_place(doc: Doc, span: Span, kind: str, places: list[Place],
                  country: Candidate | None, gaz: Gazetteer) -> Place | None:  # fmt: skip
    if kind == "country" and country is not None:
        return _place_of(country, span, 3, f"phrase: the country, article focus {country.name}")
    if kind == "capital" and country is not None:
        capital = gaz.capital(country.country_code)
        if capital is not None:
            return _place_of(capital, span, 1, f"phrase: the capital of article focus {country.name}")
    if kind in {"facility", "city"}:
        city = _previous_city(places, span.start_char)
        if city is not None:
            precision = 2 if kind == "facility" else 1
            return city.model_copy(update={
                "text": span.text, "start": span.start_char, "end": span.end_char,
                "geo_precision": precision, "reason": f"phrase: {kind} in {city.name} (context)",
            })  # fmt: skip
    return None


def _previous_city(places: list[Place], before: int) -> Place | None:
    cities = [p for p in places if p.feature == "city" and (p.end or 0) <= before and not is_metonymy(p)
              and p.role not in NOT_EVENT_ROLES]
    return cities[-1] if cities else None


def _place_of(c: Candidate, span: Span, precision: int, reason: str) -> Place:
    return Place(
        name=c.name, country=c.country or None, country_code=c.country_code or None,
        admin1=c.admin1, lat=c.lat, lon=c.lon, geo_precision=precision,  # type: ignore[arg-type]
        gazetteer_id=f"geonames:{c.geonames_id}" if c.geonames_id else None,
        feature=c.kind if c.kind in {"city", "admin1", "country"} else "region",
        text=span.text, start=span.start_char, end=span.end_char, reason=reason,
    )  # fmt: skip


# ---------------------------------------------------------------- locate


def locate(sent_start: int, sent_end: int, places: list[Place], doc: Doc, *,
           trigger: Token | None = None) -> Place | None:  # fmt: skip
    """The place of an event reported in the sentence [sent_start, sent_end) of `doc`.

    In the sentence, the place in the trigger's own clause ("police in Kano said gunmen killed
    five in Borno": Borno), then the most specific (a region before its country: "Mexico's
    Guerrero state"); a region or country there gives way to a
    dateline town inside it or a town inside it the sentence names. Else the nearest earlier place in the same paragraph; else the
    dateline; else the article's main town in its focus country (`_main_town`); else that country. Places
    that stand for a government, sit inside an organisation's name, are an actor's home, or
    are a guess outside the article's countries never count; where a movement starts counts
    only when the sentence names nothing else. The returned copy's `reason` says which rule
    chose it.

    Args:
        sent_start: character offset of the sentence start in `doc.text`.
        sent_end: character offset of its end (exclusive).
        places: the article's places, from `find_places`.
        doc: the article's Doc.
        trigger: the event's trigger token, to prefer the place of its own clause.
    """
    usable = [p for p in places if not is_metonymy(p) and p.start is not None and p.role not in NOT_EVENT_ROLES]
    dateline = next((p for p in usable if p.reason.startswith("dateline")), None)
    inside = [p for p in usable if sent_start <= p.start < sent_end]  # type: ignore[operator]
    if trigger is not None:  # "Gunmen kill eight at Celaya bar; three suspects held in Irapuato":
        lo, hi = _semicolon_part(doc.text, sent_start, sent_end, trigger.idx)  # the trigger's part
        inside = [p for p in inside if lo <= p.start < hi]  # type: ignore[operator]
    # The dateline opening the lead ("YANGON (Agency) - jets bombed a village near Monywa") is
    # where the report was filed: the sentence's own places come first.
    inside = [p for p in inside if p is not dateline] or inside
    if inside:
        best = min(inside, key=lambda p: (p.role in ("origin", "reference"), clause_rank(doc, p.start, p.end, trigger),
                                          p.geo_precision or 9, p.feature == "country", p.start))  # fmt: skip
        if dateline is not None and _refines(dateline, best):
            return dateline.model_copy(update={"reason": f"dateline town inside {best.name}; {dateline.reason}"})
        town = next((p for p in inside if p.role is None and _refines(p, best)), None)
        if town is not None:  # "in the state of Guerrero as he left his home in the town of Tixtla"
            return town.model_copy(update={"reason": f"town inside {best.name} in sentence; {town.reason}"})
        return best.model_copy(update={"reason": f"in sentence; {best.reason}"})
    para_start = doc.text.rfind("\n", 0, sent_start) + 1
    earlier = [p for p in usable if para_start <= p.start < sent_start and p.role is None]  # type: ignore[operator]
    if earlier:
        best = earlier[-1]
        return best.model_copy(update={"reason": f"previous place in paragraph; {best.reason}"})
    if dateline is not None:
        return dateline.model_copy(update={"reason": f"from dateline; {dateline.reason}"})
    code = _focus_code(places)
    return _main_town(usable, code) or _focus_place(code)


def _semicolon_part(text: str, start: int, end: int, at: int) -> tuple[int, int]:
    """The part of the sentence [start, end) between semicolons that holds offset `at`."""
    lo = text.rfind(";", start, at)
    hi = text.find(";", at, end)
    return (lo + 1 if lo >= 0 else start), (hi if hi >= 0 else end)


def _refines(town: Place, region: Place) -> bool:
    """A town inside a country or first-level region the sentence names ("Kazakhstan" in the
    headline, "ALMATY, Jan 6 -" as the dateline)."""
    if town.feature != "city" or region.feature not in {"country", "admin1"} or not town.country_code:
        return False
    return town.country_code == region.country_code and (region.feature == "country" or town.admin1 == region.admin1)


def _main_town(places: list[Place], code: str | None) -> Place | None:
    """The article's town in its focus country: the only one it names, or the one it names most
    often, at least twice and more often than any other ("Barnsley" thrice, "Wakefield" once): an
    incident its sentence does not place is there (precision 2: inferred, not stated)."""
    towns = [p for p in places if p.feature == "city" and p.country_code == code and p.role is None]
    counts = Counter(p.gazetteer_id for p in towns).most_common(2)
    if not counts or len(counts) == 2 and (counts[0][1] < 2 or counts[0][1] == counts[1][1]):
        return None
    town = next(p for p in towns if p.gazetteer_id == counts[0][0])
    why = "only town" if len(counts) == 1 else "most named town"
    return town.model_copy(update={"geo_precision": 2, "reason": f"the article's {why} in its country; {town.reason}"})


def _focus_code(places: list[Place]) -> str | None:
    """The country most of the article's places lie in (an organisation's or an actor's home
    counts; a government standing for its country, a guess or the country across a border does not)."""
    codes = Counter(p.country_code for p in places
                    if p.country_code and p.role not in ("guess", "neighbour") and not is_metonymy(p))
    return codes.most_common(1)[0][0] if codes else None


def _focus_place(code: str | None) -> Place | None:
    if code is None:
        return None
    country = load_gazetteer().country(code)
    if country is None:
        return None
    return Place(
        name=country.name, country=country.name, country_code=code, lat=country.lat,
        lon=country.lon, geo_precision=3, gazetteer_id=f"geonames:{country.geonames_id}",
        feature="country", reason=f"article focus: {country.name}",
    )  # fmt: skip
