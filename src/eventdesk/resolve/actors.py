"""ACLED's actor conventions for one incident, once its type and place are known.

The parse finds who did what to whom in a sentence (extract/roles.py); this step files those
actors as ACLED's codebook does for the incident's type, which the sentence alone cannot say:

- **Generic actors** ("police", "protesters") are named for the event's country (`in_country`,
  when the link step builds the event).
- **Foreign forces** are judged by where the incident happened: state forces of another
  country than the incident's are external forces ("Military Forces of Russia" in Kazakhstan);
  a country's own forces at home are its state forces, whatever the article's home country.
- **Victims are civilians**: a person, a group named by its people ("three villagers"), an
  institution or an actor of no kind who suffers violence, or is arrested ("a taxi driver"), is
  filed "Civilians (country)", with the words kept. A role filler that names no one (a building,
  a street, a drone of no named owner) is no actor, and one
  of no kind that suffers nothing (the bank clerk who found the bomb) is no side of the incident
  (it stays as an associated actor, so the convention can fill the role), except the one who
  commits an ordinary crime: an individual, ACLED's "other".
- **Every type has its actors** (ACLED codebook, "Actors" and each event type):
  Protests: actor1 the protesters; a peaceful protest has no actor2; in excessive force against
  protesters the force is actor1 (the police when none is named) and the protesters actor2. Riots: actor1 the rioters,
  a state's force they engage actor2.
  Violence against civilians: actor2 civilians; a perpetrator the text does not name, or names
  only as people ("masked men"), is an "Unidentified Armed Group" (in ordinary crime, an individual). Explosions from a planted or thrown device likewise; their
  victims, when counted, are actor2. Arrests: the police arrest, when the text names no one else;
  the people arrested on the day of a protest or riot the article tells are its crowd
  (`assemble.crowd_arrests`, over an article's incidents).

Only what the codebook fixes is added; the rest stays as the text says, or absent.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from eventdesk.extract.actors import ActorEntry, actor_table, entry_for, owned_weapon
from eventdesk.extract.animacy import animate_words
from eventdesk.records import Actor, Count, Mention

# Kinds of a state's own forces and organs; abroad they are external forces.
STATE_KINDS = frozenset({"state forces", "police", "military", "government", "political leader"})
FOREIGN = "foreign state forces"
# Kinds of a state's armed forces, its own or a foreign state's: an armed group's storming or
# attacking is violence, not a riot (assemble.py); force on a crowd is the crowd's other side.
ARMED_STATE = frozenset({"state forces", "police", "military", FOREIGN})
# Kinds of an armed side that is not a state's.
ARMED_NONSTATE = frozenset({"armed group", "rebel group", "political militia", "identity militia"})
# Kinds that are armed or hold force: never filed as civilians.
ARMED_KINDS = STATE_KINDS | ARMED_NONSTATE | {FOREIGN, "rioters"}
# Kinds of one who suffers violence, filed as civilians (ACLED names victims by their group).
VICTIM_KINDS = frozenset({"person", "communal group", "organisation", "journalists", "civilians", None})
# Types whose actor2 suffers one-sided violence (and a riot's mob violence).
VICTIM_TYPES = frozenset({"Violence against civilians", "Explosions/Remote violence"})
# Types whose actor1 uses arms: people who do it are an armed group, not civilians.
ARMED_TYPES = frozenset({"Battles", "Violence against civilians", "Explosions/Remote violence"})
# Sub-types of an explosion set off by people on the ground, whose makers are armed groups.
# Types whose side named as a nation's people is that nation's military (`_as_military`).
MILITARY_TYPES = frozenset({"Battles", "Explosions/Remote violence"})
DEVICE_SUBTYPES = frozenset({"Remote explosive/landmine/IED", "Suicide bomb", "Grenade"})
CASUALTY_KINDS = frozenset({"killed", "injured"})


def code_actors(mention: Mention) -> Mention:
    """The mention with its actors filed as ACLED files them (see the module docstring)."""
    country = mention.place.country_code if mention.place is not None else None
    t, sub = mention.event_type, mention.sub_event_type
    actors = [_as_military(a) if t in MILITARY_TYPES and a.role == "actor1" else a for a in mention.actors]
    actors = [_abroad(a, country) for a in actors if _names_someone(a)]
    if t in VICTIM_TYPES or sub in ("Mob violence", "Arrests"):  # arrestees of no armed group too
        actors = [_as_civilians(a, country) if a.role == "actor2" and a.kind in VICTIM_KINDS else a for a in actors]
    actors = [_unfiled(a, mention.scope) for a in actors]
    if t == "Battles":  # a crowd that held ground by force ("the airport seized by protesters") rioted
        actors = [_as_rioters(a, country) if a.kind == "protesters" else a for a in actors]
    if t in ARMED_TYPES or sub == "Looting/property destruction":
        actors = [_perpetrators(a, mention.scope, country) if a.role == "actor1" and a.kind == "civilians" else a
                  for a in actors]
    if t == "Protests":
        actors = _protest(actors, sub, country)
    elif t == "Riots":
        actors = _riot(actors, country, mention.counts)
    elif t == "Violence against civilians":
        if not _has(actors, "actor2"):
            actors.append(default_actor("civilian", "actor2", country))
        if not _has(actors, "actor1"):
            actors.insert(0, default_actor("unidentified armed group", "actor1", country))
    elif t == "Explosions/Remote violence":
        if sub in DEVICE_SUBTYPES and not _has(actors, "actor1"):
            actors.insert(0, default_actor("unidentified armed group", "actor1", country))
        if not _has(actors, "actor2") and (victim := _victims(mention.counts, country)) is not None:
            actors.append(victim)
    elif t == "Strategic developments" and sub == "Arrests" and not _has(actors, "actor1"):
        actors.insert(0, default_actor("police", "actor1", country))
    if actors == mention.actors:
        return mention
    return mention.model_copy(update={"actors": actors})


def _as_military(actor: Actor) -> Actor:
    """A nation named by its people or its government as the side that shells, bombs or fights
    ("the Russians shelled the town", "the Americans bombed a compound", "the Syrian government
    bombed a bakery") is its state's military, as ACLED files it ("Military Forces of Russia");
    foreign where the event is abroad (`_abroad`)."""
    if actor.kind not in ("communal group", "government") or actor.country_code is None:
        return actor
    military = default_actor("military", "actor1", actor.country_code)
    return military.model_copy(update={"text": actor.text, "start": actor.start, "end": actor.end})


def _as_rioters(actor: Actor, country: str | None) -> Actor:
    """Protesters as a side of a battle: rioters, as ACLED files a crowd that fights or holds
    ground by force."""
    rioters = default_actor("rioter", actor.role, country or actor.country_code)
    return rioters.model_copy(update={"text": actor.text, "start": actor.start, "end": actor.end})


def _names_someone(actor: Actor) -> bool:
    """False for a role filler of no kind whose words name no one ("a Woodburn bank" names an
    institution and passes; "the roadside" does not)."""
    if actor.kind is not None or actor.role == "associated":
        return True
    words = (actor.text or actor.name).lower().replace("-", " ").split()
    if any(owned_weapon(w) for w in words):
        return False  # a weapon of no named owner ("a drone launched by the rebels"): no one it hurt
    return any(w in animate_words() or w.rstrip("s") in animate_words() or entry_for(w) is not None for w in words)


def _perpetrators(actor: Actor, scope: str, country: str | None) -> Actor:
    """People of no armed group who attack ("masked men", "two men") are, for ACLED, an
    unidentified armed group; in ordinary crime, individuals ("other")."""
    if scope == "crime":
        return actor.model_copy(update={"kind": "person"})
    group = default_actor("unidentified armed group", "actor1", country or actor.country_code)
    return group.model_copy(update={"text": actor.text, "start": actor.start, "end": actor.end})


def _unfiled(actor: Actor, scope: str) -> Actor:
    """An actor of no kind that is still a side: in ordinary crime, the one who did it is an
    individual ("her neighbour", kind person, ACLED's "other"); anywhere else it is kept only as
    an associated actor, so the type's convention can fill the role."""
    if actor.kind is not None or actor.role == "associated":
        return actor
    if actor.role == "actor1" and scope == "crime":
        return actor.model_copy(update={"kind": "person"})
    return actor.model_copy(update={"role": "associated"})


def in_country(actor: Actor, country: str | None) -> Actor:
    """A generic actor the text gives no country ("police", "protesters") named for the merged
    event's country, as ACLED names it ("Police Forces of Sudan"). Applied when the event is
    built (link/events.py), so that the link step's actor-country test sees only the countries
    the texts give."""
    if country is None or actor.country_code is not None:
        return actor
    table = actor_table()
    entry = next((e for e in table.kinds if e.name == actor.name and e.country_name), None)
    if entry is None:
        return actor
    name = entry.country_name.format(country=table.country_names.get(country, country))  # type: ignore[union-attr]
    return actor.model_copy(update={"name": name, "country_code": country})


def _abroad(actor: Actor, country: str | None) -> Actor:
    """State forces outside their own country are external forces; at home they are its own."""
    if country is None or actor.country_code is None:
        return actor
    if actor.kind in STATE_KINDS and actor.country_code != country:
        return actor.model_copy(update={"kind": FOREIGN})
    if actor.kind == FOREIGN and actor.country_code == country:
        return actor.model_copy(update={"kind": "state forces"})
    return actor


def _as_civilians(actor: Actor, country: str | None) -> Actor:
    civilians = default_actor("civilian", actor.role, country or actor.country_code)
    return civilians.model_copy(update={"text": actor.text or actor.name, "start": actor.start, "end": actor.end})


def _protest(actors: list[Actor], sub: str, country: str | None) -> list[Actor]:
    if not _has(actors, "actor1"):
        actors.insert(0, default_actor("protester", "actor1", country))
    if sub == "Peaceful protest":
        return [a.model_copy(update={"role": "associated"}) if a.role == "actor2" else a for a in actors]
    swap = {"actor1": "actor2", "actor2": "actor1"}
    if sub == "Protest with intervention":  # the protesters act, the force that intervenes is actor2
        if any(a.role == "actor1" and a.kind in STATE_KINDS | {FOREIGN} for a in actors):
            actors = [a.model_copy(update={"role": swap[a.role]}) if a.role in swap else a for a in actors]
        if not any(a.role == "actor1" and a.kind == "protesters" for a in actors):
            actors = [a.model_copy(update={"role": "associated"}) if a.role == "actor1" else a for a in actors]
            actors.insert(0, default_actor("protester", "actor1", country))
        return actors
    if sub != "Excessive force against protesters":
        return actors
    if any(a.role == "actor1" and a.kind == "protesters" for a in actors):
        actors = [a.model_copy(update={"role": swap[a.role]}) if a.role in swap else a for a in actors]
    if not any(a.role == "actor1" and a.kind in STATE_KINDS | {FOREIGN} for a in actors):
        actors = [a.model_copy(update={"role": "associated"}) if a.role == "actor1" else a for a in actors]
        actors.insert(0, default_actor("police", "actor1", country))
    if not any(a.role == "actor2" and a.kind == "protesters" for a in actors):
        actors = [a.model_copy(update={"role": "associated"}) if a.role == "actor2" else a for a in actors]
        actors.append(default_actor("protester", "actor2", country))
    return actors


def _riot(actors: list[Actor], country: str | None, counts: Iterable[Count] = ()) -> list[Actor]:
    """A riot's actor1 is the rioters (protesters too). A state's force told as its only doer ("officers in riot
    gear fired rubber bullets as the riot raged"), or counted among its hurt ("five officers were
    treated for injuries"), is the side the rioters engaged: actor2, as ACLED files police at a
    violent demonstration."""
    doers = [a for a in actors if a.role == "actor1"]
    if doers and all(a.kind in STATE_KINDS | {FOREIGN} for a in doers):
        actors = [a.model_copy(update={"role": "actor2"}) if a.role == "actor1" else a for a in actors]
    # a protest's crowd told in a sentence of the riot it became ("hundreds marched ... some in the
    # crowd threw rocks"): the rioters
    rioters = default_actor("rioter", "actor1", country)
    actors = [rioters.model_copy(update={"text": a.text, "start": a.start, "end": a.end})
              if a.role == "actor1" and a.kind == "protesters" else a for a in actors]
    if not _has(actors, "actor1"):
        actors.insert(0, default_actor("rioter", "actor1", country))
    if not _has(actors, "actor2") and (force := _hurt_force(counts, country)) is not None:
        actors.append(force)
    return actors


def _hurt_force(counts: Iterable[Count], country: str | None) -> Actor | None:
    """A state's force among the killed or injured ("five officers were hurt"), as actor2."""
    found = next(((c, e) for c, e in _counted_sides(counts) if e.kind in ARMED_STATE), None)
    if found is None:
        return None
    count, entry = found
    return default_actor(entry.patterns[0], "actor2", country).model_copy(update={"text": count.who})


def _victims(counts: Iterable[Count], country: str | None) -> Actor | None:
    """actor2 of an explosion from its casualty counts: the counted group when it is one the
    table knows ("two soldiers were killed": the military), civilians otherwise ("12 people")."""
    counted = [c for c in counts if c.kind in CASUALTY_KINDS]
    if not counted:
        return None
    armed = next((e for _, e in _counted_sides(counted) if e.kind in ARMED_KINDS), None)
    return default_actor(armed.patterns[0] if armed else "civilian", "actor2", country)


def _counted_sides(counts: Iterable[Count]) -> Iterator[tuple[Count, ActorEntry]]:
    """The killed or injured counts whose group the actor table knows, with its entry."""
    for c in counts:
        entry = entry_for((c.who or "").lower()) if c.kind in CASUALTY_KINDS else None
        if entry is not None:
            yield c, entry


def _has(actors: list[Actor], role: str) -> bool:
    return any(a.role == role for a in actors)


def default_actor(pattern: str, role: str, country: str | None) -> Actor:
    """The actor-table entry holding `pattern`, named for `country` ("Civilians (Greece)")."""
    table = actor_table()
    entry = next(e for e in table.kinds if pattern in e.patterns)
    name = entry.name
    if country and entry.country_name:
        name = entry.country_name.format(country=table.country_names.get(country, country))
    return Actor(name=name, role=role, kind=entry.kind, country_code=country)  # type: ignore[arg-type]
