"""Assemble: an article's judged candidates become its incidents, one per happening.

The lexicon proposes a candidate per trigger word, so one sentence that tells one happening
with several words ("gunmen stormed the hotel, opened fire and killed five") gives several
candidates, often of different types for one act ("a bomb exploded, killing two officers":
an explosion and a killing; "rioters clashed with police": a riot and a clash). Here they
become one incident: the candidates of one sentence that fall in one *happening class* (below)
fold into the one whose type ranks first in its class (then by position), which takes the
counts of kinds it lacks and the actors of roles it lacks from the others, with a reason naming
the words folded in. A crowd's act and violence in one sentence by the same actor ("youths
attacked a police station with petrol bombs", "militants stormed a hotel, killing nine") are one
happening as well: a riot or protest when the actor is a crowd (or the police acting on it),
violence when it is an armed group; so is looting told with a riot or protest, unless an armed
group or a state's force loots. Strategic developments (arrests, deployments, curfews ...)
stay apart from the violence they follow and from each other (looting and arrests told in one
sentence are two of ACLED's events), and candidates of different sentences stay apart: the link
step merges those when place, date and actors agree. To let it, a later sentence that tells more of
an incident already told (the lead after the headline, "five were injured in the attack") takes
that incident's type, place and date (`_one_per_happening`). People arrested on the day of a
protest or riot the article tells are its crowd (`crowd_arrests`, after ACLED's actors are filed).
"""

from __future__ import annotations

import re
from functools import cache

from eventdesk.link.events import PROTEST_SEVERITY, TOLL_KINDS, dates_agree, names_region, places_agree
from eventdesk.records import Actor, Mention, Place, Status, When
from eventdesk.resolve.actors import ARMED_NONSTATE, ARMED_STATE, FOREIGN, default_actor
from eventdesk.syntax import is_title_line

# Event types that, in one sentence, tell one happening; the first listed names it: the most
# specific means (an explosive) over a fight between armed sides over one-sided violence; a
# riot over the protest it grew from.
HAPPENING_CLASSES = (
    ("Explosions/Remote violence", "Battles", "Violence against civilians"),
    ("Riots", "Protests"),
)
RANK = {t: (i, j) for i, types in enumerate(HAPPENING_CLASSES) for j, t in enumerate(types)}


VIOLENCE, CROWD = 0, 1  # the indices of the two classes in HAPPENING_CLASSES
# A bomb its bomber carried or drove is ACLED's suicide bomb; other sentences of the incident call
# it an explosion or a car bomb (the lexicon's IED).
IED, SUICIDE = "Remote explosive/landmine/IED", "Suicide bomb"
EXCESSIVE_FORCE = "Excessive force against protesters"
# Looting or destruction in a sentence that tells a riot or protest, by the crowd or by nobody
# named ("they looted shops, pelted police with stones and set cars alight"), is part of it, as
# ACLED files it; an armed group's looting stays its own event, unless it is the attackers' own
# in the attack the sentence tells ("gunmen opened fire on residents, burning several houses").
LOOTING = ("Strategic developments", "Looting/property destruction")
# Trigger families of a security response ("troops were sent to the area", "soldiers arrived after
# the shooting had stopped", "officers blocked the roads"): by the state's own forces, after an
# incident the article told, part of that incident (a foreign force's deployment stays an event).
RESPONSE_CUES = frozenset({"deploy", "arrival", "blockade", "guard"})
# Words that hold the arrested as suspects of a crime, not as the crowd of a protest.
SUSPECT = re.compile(r"\b(?:suspects?|suspected|accused|gunm[ae]n|attackers?|assailants?|killers?)\b"
                     # "in connection with the killing", not "... with the arson", "... with the unrest"
                     r"|\bin connection with (?:the |a |an |his |her |their )?(?:\w+ )?(?:killings?|murders?|deaths?"
                     r"|shootings?|stabbings?|attacks?|robber(?:y|ies)|kidnappings?|abductions?|rapes?|bombings?|assaults?)\b",
                     re.IGNORECASE)
# A day that dates the speaking, not the incident ("police said on Tuesday", "told reporters late on Monday").
SPOKEN_ON = re.compile(r"\b(?:said|says|told \w+|announced|reported|confirmed|added|stated|claimed|denied)"
                       r"(?: (?:late|early))? (?:on )?$", re.IGNORECASE)
# The small hours of a day after a night or evening: "shortly after 1 a.m. on Sunday", "before dawn".
SMALL_HOURS = re.compile(r"\b(?:(?:[1-4]|0?[0-4]:\d\d|12:\d\d)\s*a\.?m\b|midnight|before dawn|(?:early|small|wee) hours)",
                         re.IGNORECASE)
NIGHT = re.compile(r"\b(?:night|evening)\b", re.IGNORECASE)
# Words of a time expression that name a part of the day, and the small words around them: not the day.
PARTS_OF_DAY = frozenset({"on", "late", "early", "morning", "afternoon", "evening", "night", "nightfall", "midday",
                          "noon", "dawn", "dusk", "overnight", "in", "the", "at"})
# Words of a doer's text that name no crowd ("thousands of workers from nearby factories": workers, factories).
CROWD_FILLERS = frozenset({"thousand", "hundred", "dozen", "several", "some", "many", "from", "with", "their", "other",
                           "more", "than", "about", "around", "least", "people", "group"})
# A doer's words that point back to a group already told.
THE_CROWD = re.compile(r"(?:the|those|they|them|these)\b", re.IGNORECASE)
# Words that open another incident of the kind just told: never the same happening.
ANOTHER = re.compile(
    r"^\W*(?:elsewhere|separately|meanwhile|earlier)\b"
    r"|\b(?:in|during) (?:a|an|another) (?:separate|similar|different|unrelated|second|new|further)\b"
    r"|\banother\s+(?!\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|dozen)\b|\w+ed\b)\w"
    r"|\bhad earlier\b",
    re.IGNORECASE,
)
# Kinds of site an attack may hit, each with its words: a sentence whose own killing toll differs
# from an incident's, at a kind of site none of the incident's sentences names, tells another
# incident ("a missile struck a school, killing 14", then "three people died when a drone hit an
# apartment block"), not a restated toll (`_toll_elsewhere`).
SITE_KINDS = {
    "dwelling": ("house", "houses", "home", "homes", "apartment", "flat", "residence", "tenement", "building"),
    "school": ("school", "schools", "university", "college", "kindergarten", "campus"),
    "worship": ("mosque", "church", "temple", "synagogue", "shrine"),
    "market": ("market", "bazaar", "shop", "shops", "store", "mall"),
    "care": ("hospital", "clinic"),
    "camp": ("camp", "shelter"),
    "post": ("base", "checkpoint", "outpost", "barracks"),
    "vehicle": ("bus", "car", "vehicle", "convoy", "truck", "minibus", "van", "boat", "train"),
    "venue": ("hotel", "restaurant", "bar", "cafe", "nightclub", "wedding", "funeral"),
}
SITE_WORDS = {w: kind for kind, words in SITE_KINDS.items() for w in words}
# A vehicle that was the bomb, not the site it hit.
VEHICLE_BOMB = re.compile(r"\b(?:car|truck|bus|van|motorbike|motorcycle)[- ]bombs?\b")
# Words that make a sentence's toll part of or an update of one already told ("among the dead",
# "three of them", "the toll rose to").
TOLL_RESTATED = re.compile(r"\b(?:among|including|of them|of whom|of the (?:dead|victims|killed|wounded|injured)|toll|total"
                           r"|rose|risen|climbed|bringing|now)\b",
                           re.IGNORECASE)
# Another day, told relative to a day already told: "a day earlier", "two days later", "the day
# before". It opens another incident unless the day it resolves to is the incident's own ("killed
# at 10 p.m. on Sunday", then riots "on Monday morning", then "the next morning, residents ...").
ANOTHER_DAY = re.compile(
    r"\b(?:a|one|two|three|four|five|six|several|a few) days? (?:earlier|later|before|after)\b"
    r"|\bthe (?:day|night) (?:before|after)\b|\bthe (?:previous|next|following) (?:day|night|morning|evening)\b",
    re.IGNORECASE,
)


def assemble(mentions: list[Mention]) -> list[Mention]:
    """One mention per (sentence, happening class, background flag), in the order of the
    article; looting folded into the riot or attack of its sentence (LOOTING); a crowd's act and
    violence of one sentence done by the same actor are one happening too (`_one_actor`), and so
    are a protest and a state force's attack on its crowd (`_force_on`: excessive force); then
    the incidents of later sentences told as one (`_one_per_happening`), a headline taking the
    source its body gives (`_sourced_headlines`)."""
    groups: dict[tuple[tuple[int, int], object, bool], list[Mention]] = {}
    for m in sorted(mentions, key=lambda m: (m.sentence.start, m.trigger.start)):
        happening = _class(m)
        groups.setdefault(((m.sentence.start, m.site), happening, m.background), []).append(m)
    folded = {key: _fold(group) for key, group in groups.items()}
    for (sent, happening, bg), looting in list(folded.items()):
        if happening != LOOTING:
            continue
        crowd, violence = folded.get((sent, CROWD, bg)), folded.get((sent, VIOLENCE, bg))
        if crowd is not None and not armed_doer(looting):
            folded[(sent, CROWD, bg)] = _fold([crowd, looting], head=crowd)
        elif violence is not None and (not _has_actor1(looting) or _one_actor(looting, violence)):
            folded[(sent, VIOLENCE, bg)] = _fold([violence, looting], head=violence)
        else:
            continue
        del folded[(sent, happening, bg)]
    for (sent, happening, bg), crowd in list(folded.items()):
        violence = folded.get((sent, VIOLENCE, bg))
        if happening != CROWD or violence is None or not _one_actor(crowd, violence):
            continue
        armed = any(a.role != "actor2" and a.kind in ARMED_NONSTATE for a in crowd.actors)  # the crowd
        # convention keeps the group it renamed "Rioters" as an associated actor
        head, other = (violence, crowd) if armed else (crowd, violence)
        folded[(sent, VIOLENCE, bg)] = _fold([head, other], head=head)
        del folded[(sent, CROWD, bg)]
    for (sent, happening, bg), crowd in list(folded.items()):
        violence = folded.get((sent, VIOLENCE, bg))
        if happening == CROWD and violence is not None and _force_on(violence, crowd):
            folded[(sent, VIOLENCE, bg)] = _force_on_protest(violence, crowd)
            del folded[(sent, CROWD, bg)]
    return _sourced_developments(
        _one_per_happening(sorted(folded.values(), key=lambda m: (m.sentence.start, m.trigger.start))))


def _sourced_developments(incidents: list[Mention]) -> list[Mention]:
    """Strategic developments and changes of territory are left to the link step, but a
    headline's of them is its body's as well (`_sourced_headlines`, per type)."""
    developments: dict[tuple[str, str], list[Mention]] = {}
    for m in incidents:
        if _class(m) not in (VIOLENCE, CROWD) or _territory(m):
            developments.setdefault((m.event_type, m.sub_event_type), []).append(m)
    sourced = {id(m): new for kind in developments.values()
               for m, new in zip(kind, _sourced_headlines(kind), strict=True)}
    return [sourced.get(id(m), m) for m in incidents]


def _one_per_happening(incidents: list[Mention]) -> list[Mention]:
    """An article tells its incident in many sentences: the headline, the lead, the toll
    restated, a quote, the aftermath ("five were injured in the attack"). An incident of a later
    sentence that names no other place or day than one already told (`_agrees`) and does not
    open another incident (ANOTHER: "in a separate attack", "elsewhere", "another school") is
    that incident (`_joins`) when both are violence, or both a crowd's event (a protest and the riot
    its own crowd made of it are one episode, `_same_crowd`; force on protesters and a riot stay
    two, and so does a crowd event its sentence dates to another day, `_another_day`), or the
    violence and the protest of one state force ("police shot dead two protesters", "officers
    fired into the crowd"), or the headline's toll with no doer and the lead, or the hurt of a crowd
    a state's force acted on, told with no doer of their own (`_crowd_toll`); so are looting or
    destruction that no one named did (`_named_doer`: "debris from a downed drone set fire to a
    warehouse") or its doers did (`_same_doer`: "the attackers set fire to homes"), and the
    response of the state's own forces (`_response`). The group takes one type (the body's
    best-ranked, of a protest the most severe), one place (`_place_of`) and the day its
    sentences give (`_as_one`), so the link step stores one record with every sentence as
    evidence. A sentence joins the latest incident it may join, of its own kind first (a crowd's
    sentence the crowd's incident, looting a riot's, before the police shooting that set it off),
    unless it names the place of an earlier one (`_placed_in`) or restates its toll (`_tolls`: "- Five farmers were shot dead on
    Monday." in a closing summary); one that opens another incident never joins the incident told
    just before it, but joins an earlier one whose place or toll it gives (a lead that told two
    incidents, then "Separately, officials in Mopti said the bomb ..."), unless it names an armed
    doer of another kind and name (`_new_doer`). A day told relative to another ("the next
    morning": ANOTHER_DAY) opens another incident as well, unless its sentence is dated to an
    incident's own day: then it may join only the incidents of that day. Each incident of the
    body is numbered (`Mention.incident`), so the link step does not put two of them in one
    event where no date or place tells them apart (an article without a publication date)."""
    groups: list[list[Mention]] = []
    last: list[Mention] | None = None  # the incident told just before
    # sentences that name a crowd event as a setting ("was shot during the protests")
    at_crowd = {m.sentence.start for m in incidents if m.refers_back is not None and _class(m) == CROWD}
    for m in incidents:
        another = ANOTHER.search(m.sentence.text) is not None
        candidates = groups
        if ANOTHER_DAY.search(m.sentence.text):  # another day: "the next morning" opens another
            # incident, unless its sentence dates it to an incident's own day: then it tells that one
            own = _own(m)[1]
            if own is not None and own.value is not None and own.precision == "day":
                candidates = [g for g in groups if _same_day(own, g)]
            else:
                another = True
        joinable = [g for g in reversed(candidates)
                    if not (another and g is last) and _joins(m, g, m.sentence.start in at_crowd)]
        # a crowd's event joins the crowd's incident before the violence it may answer ("police
        # fired tear gas as rioters threw petrol bombs" after a riot and the shooting that set it off)
        kin = CROWD if _class(m) == LOOTING else _class(m)  # shops looted in the night of a riot: the riot's
        joinable.sort(key=lambda g: kin not in {_class(x) for x in g})
        if another:  # another incident's own doer ("Separately, gunmen shot dead a man") is no earlier one's
            joinable = [g for g in joinable if not _new_doer(m, g)]
        placed = [g for g in joinable if _placed_in(m, g)]
        tolled = [g for g in joinable if _tolls([m]) & _tolls(g)]  # "three men beheaded" and "beheaded three men"
        group = next(iter(placed + tolled), None) if another else next(iter(placed + tolled + joinable), None)
        if group is None:
            group = [m]
            groups.append(group)
        else:
            group.append(m)
        last = group
    out = [x for no, g in enumerate(groups) for x in _as_one(g, no if _told_apart(g) else None)]
    return sorted(out, key=lambda m: (m.sentence.start, m.trigger.start))


def _same_day(day: When, group: list[Mention]) -> bool:
    """A mention of the group is dated to this day."""
    return any(g.when is not None and g.when.precision == "day" and g.when.value == day.value for g in group)


def _tolls(group: list[Mention]) -> set[tuple[str, int]]:
    """The killed and injured figures a group's sentences give."""
    return {(c.kind, c.best) for m in group for c in m.counts if c.kind in TOLL_KINDS and c.best}


def _told_apart(group: list[Mention]) -> bool:
    """Whether assemble's verdict on this group holds for the link step: a violent or crowd
    incident the body tells (`Mention.incident`). A headline alone sums up the article and may
    join any of its incidents, and a change of territory is left to the link step (`_joins`)."""
    return any(_class(m) in (VIOLENCE, CROWD) and not _territory(m) for m in group) and any(
        not _headline(m) for m in group)


def _headline(m: Mention) -> bool:
    """m is told in the article's headline or another title line (a standfirst, a caption)."""
    return m.sentence.start == 0 or is_title_line(m.sentence.text)


def _placed_in(m: Mention, group: list[Mention]) -> bool:
    """m's sentence names the place a sentence of the group names (a region holds its towns)."""
    place = _own(m)[0]
    return place is not None and place.lat is not None and any(
        p is not None and p.lat is not None and places_agree(place, p) for p in (_own(g)[0] for g in group))


def _joins(m: Mention, group: list[Mention], at_crowd: bool = False) -> bool:
    """Whether m tells the group's happening (see `_one_per_happening`); `at_crowd`: m's sentence
    names a crowd event as the violence's setting ("a man died after being shot during the
    protests"), so its violence is force on that crowd."""
    # the group's violence or crowd event names it (houses "burnt by insurgents", then "insurgents
    # beheaded three men and set fire to houses": the attack)
    first = _first(group)
    if m.background != first.background or any(g.sentence.start == m.sentence.start and not _response(g)
                                                and not _crowd_named(m, g) for g in group):
        return False  # one sentence's incidents that the fold kept apart stay apart (a response
        # told with the act, "officers blocked the road and fired into the crowd", is no incident)
    if _response(m):
        if _class(first) not in (VIOLENCE, CROWD):
            return False
    elif LOOTING in (_class(m), _class(first)) and _class(m) != _class(first):
        looting, other = (m, first) if _class(m) == LOOTING else (first, m)
        if _class(other) not in (VIOLENCE, CROWD) or (_named_doer(looting) and not _same_doer(m, first)):
            return False
    elif not {_class(m), _class(first)} <= {VIOLENCE, CROWD} or _territory(m) or _territory(first):
        return False  # the link step merges strategic developments by their own keys
    elif _class(m) != _class(first):
        # a headline's or standfirst's toll, with no doer: "Two killed as police fire ...", "four officers hurt"
        headline_toll = _headline(first) and not _named_doer(first)
        on_the_crowd = at_crowd and _class(first) == CROWD and not _named_doer(m)
        if not (_same_force(m, first) or headline_toll or on_the_crowd or _crowd_toll(m, group)):
            return False  # a police shooting and the riot it set off are two events
    elif _class(m) == _class(first) == CROWD and m.event_type != first.event_type and (_another_day(m, first) or (
            not m.refers_back and (EXCESSIVE_FORCE in (m.sub_event_type, first.sub_event_type) or not _same_crowd(m, group)))):
        return False  # force on protesters and the riot it set off are two of ACLED's events, and so
        # are a march by day and "rioters" who burned a station that night
    return all(_agrees(m, g) for g in group) and not _toll_elsewhere(m, group)


def _crowd_toll(m: Mention, group: list[Mention]) -> bool:
    """m tells only the hurt or dead of a crowd a state's force acted on, with no doer of its own
    words ("police fired tear gas at the marchers", then "the union said nine of its members were
    treated for injuries"): that force's act on the crowd, not another attack."""
    doers = [a for a in m.actors if a.role == "actor1" and a.start is not None]
    tolls = {c.kind for c in m.counts}
    forced = any(a.kind in ARMED_STATE for g in group if _class(g) == CROWD for a in g.actors)
    return _class(_first(group)) == CROWD and forced and not doers and bool(tolls) and tolls <= TOLL_KINDS


def _toll_elsewhere(m: Mention, group: list[Mention]) -> bool:
    """m's sentence gives a killing toll of its own that none of the group's gives, not as a part or
    an update of it (TOLL_RESTATED), at a kind of site (SITE_KINDS) none of the group's sentences
    names, where they name one: another incident ("three people died when a drone hit an
    apartment block" after "a missile struck a school, killing 14")."""
    mine = {c.best for c in m.counts if c.kind == "killed" and c.best}
    theirs = {c.best for g in group for c in g.counts if c.kind == "killed" and c.best}
    if not mine or not theirs or mine & theirs or TOLL_RESTATED.search(m.sentence.text):
        return False
    sites, theirs_at = _sites(m.sentence.text), {k for g in group for k in _sites(g.sentence.text)}
    return bool(sites) and bool(theirs_at) and not sites & theirs_at  # both say where, not alike


def _sites(text: str) -> set[str]:
    text = VEHICLE_BOMB.sub(" ", text.lower())  # "a car bomb exploded outside a hospital": the hospital
    return {SITE_WORDS[w] for w in re.findall(r"[a-z]+", text) if w in SITE_WORDS}


def _first(group: list[Mention]) -> Mention:
    """The group's first violent or crowd incident, which the others tell more of."""
    return next((g for g in group if _class(g) in (VIOLENCE, CROWD)), group[0])


def _another_day(m: Mention, other: Mention) -> bool:
    """m's own sentence names a day, and it is not the day other was dated to ("Monday's vigil"
    after a riot the article dated to Sunday night)."""
    own, theirs = _own(m)[1], other.when
    return (own is not None and theirs is not None and own.value is not None and theirs.value is not None
            and own.precision == theirs.precision == "day" and own.value != theirs.value
            and not _one_night((m, own), (other, theirs)))


def _same_crowd(m: Mention, group: list[Mention]) -> bool:
    """m's doer is the group's crowd: "the crowd", "some of the marchers", "they" (the pronoun's
    antecedent lies outside m's sentence), or the crowd's own noun again ("garment workers clashed
    with police", then "thousands of workers blocked the highway"); or m names no doer ("cars were
    set alight"), or its doer is a state's force, the crowd's other side ("officers broke up the
    crowd")."""
    doers = [a for a in m.actors if a.role == "actor1" and a.text and a.kind not in ARMED_STATE]
    if not doers:
        return True
    told = {w for g in group for a in g.actors if a.text for w in _crowd_nouns(a.text)}
    return any(THE_CROWD.match(a.text) or a.start is not None and not (m.sentence.start <= a.start < m.sentence.end)
               or _crowd_nouns(a.text) & told for a in doers)


def _crowd_nouns(text: str) -> set[str]:
    """The lower-case words of an actor's text that may name a crowd, plural or not ("workers": worker)."""
    return {w.removesuffix("s") for w in re.findall(r"[a-z]{4,}", text.lower())} - CROWD_FILLERS


def _crowd_named(m: Mention, other: Mention) -> bool:
    """m names the crowd event other, of m's sentence, happened at ("a man died after being shot
    during the protests"): one happening (ACLED files force on a crowd as its protest)."""
    return m.refers_back is not None and _class(m) == CROWD and _class(other) in (VIOLENCE, CROWD)


def _response(m: Mention) -> bool:
    """A state's own forces sent, arriving, blocking roads or cordoning off (RESPONSE_CUES): after
    an incident the article told, the response to it, not another of ACLED's events."""
    return (m.event_type, m.sub_event_type) == ("Strategic developments", "Other") and m.cue in RESPONSE_CUES and (
        own_force_did(m))


def own_force_did(m: Mention) -> bool:
    """m's actor1 is a state's own armed force (police, army), not a foreign one."""
    return any(a.role == "actor1" and a.kind in ARMED_STATE - {FOREIGN} for a in m.actors)


def _territory(m: Mention) -> bool:
    """A change of hands (a Battles sub-type other than a clash): an event of its own."""
    return m.event_type == "Battles" and m.sub_event_type != "Armed clash"


def _agrees(m: Mention, other: Mention) -> bool:
    """Nothing in m's sentence tells another place, day or doer's country than other's sentence
    tells (a place or day either takes from the article around it does not count)."""
    place, when = _own(m)
    their_place, theirs = _own(other)
    if place is not None and their_place is not None and not places_agree(place, their_place):
        return False
    if when is not None and theirs is not None:
        if when.value is None and theirs.value is None:  # an undated article's "Wednesday" and
            if _day_words(when) != _day_words(theirs):  # "Saturday night" ("Thursday night" is Thursday)
                return False
        elif not dates_agree(when, theirs) or (when.precision == theirs.precision == "day" and when.value != theirs.value
                                                and not _one_night((m, when), (other, theirs))):
            return False  # two days the article names are two incidents
    codes = [{a.country_code for a in x.actors if a.role == "actor1" and a.country_code} for x in (m, other)]
    return not (codes[0] and codes[1] and not codes[0] & codes[1]) and not _other_doers(m, other)


def _one_night(*told: tuple[Mention, When]) -> bool:
    """One night's episode told across midnight: "on Saturday night" and "shortly after 1 a.m. on
    Sunday" (the small hours of the day after a night or evening)."""
    (_, early), (late, late_when) = sorted(told, key=lambda x: x[1].value)
    return ((late_when.value - early.value).days == 1 and NIGHT.search(early.expression or "") is not None
            and SMALL_HOURS.search(late.sentence.text) is not None)


@cache
def _unnamed() -> tuple[str, ...]:
    """The actor-table names of an armed doer the text does not name ("a suicide bomber", "militants")."""
    return tuple(default_actor(word, "actor1", None).name for word in ("gunman", "militant"))


def _day_words(when: When) -> str:
    """An unresolved time expression without its part of the day: "late on Thursday night" is
    "thursday"."""
    words = re.findall(r"[a-z0-9]+", (when.expression or "").lower())
    return " ".join(w for w in words if w not in PARTS_OF_DAY)


def _other_doers(a: Mention, b: Mention) -> bool:
    """Two explosions or strikes, each with an armed doer the other does not name at all
    ("Al-Shabaab claimed the bombing" after "US forces struck near Jilib"): two acts. (Remote
    violence is one side's act; in a fight the sides swap roles from sentence to sentence, and a
    force's response names its own doer.)"""
    if not a.event_type == b.event_type == "Explosions/Remote violence":
        return False
    doers = [_armed_doers(m) for m in (a, b)]
    named = [{x.name.lower() for x in m.actors} for m in (a, b)]
    return bool(doers[0] and doers[1] and not _names_one(doers[0], named[1]) and not _names_one(doers[1], named[0]))


def _new_doer(m: Mention, group: list[Mention]) -> bool:
    """m and the group each name an armed doer, and each of m's is of a kind and a name none of
    the group's actors is ("unidentified gunmen shot dead a man" after "military police")."""
    own, theirs = [x for x in m.actors if _armed_doer(x)], [x for g in group for x in g.actors]
    if not own or not any(_armed_doer(x) for x in theirs):
        return False
    kinds, names = {x.kind for x in theirs}, {x.name.lower() for x in theirs}
    return not any(x.kind in kinds or _names_one({x.name.lower()}, names) for x in own)


def _armed_doer(x: Actor) -> bool:
    return x.role == "actor1" and bool(x.text) and x.kind in ARMED_NONSTATE | ARMED_STATE


def _armed_doers(m: Mention) -> set[str]:
    """The names of m's armed actor1s, lower-case ("a suicide bomber" names no one)."""
    return {x.name.lower() for x in m.actors if _armed_doer(x) and not x.name.startswith(_unnamed())}


def _names_one(doers: set[str], others: set[str]) -> bool:
    """One of the doers is one of the others ("Military Forces" is "Military Forces of Russia")."""
    return any(d.startswith(o) or o.startswith(d) for d in doers for o in others)


def _own(m: Mention) -> tuple[Place | None, When | None]:
    """The place (of the event, not a home or origin) and the date m's own sentence names (None
    where it names none)."""
    s, e = m.sentence.start, m.sentence.end
    p = m.place
    # a distance's reference is the sentence's place when it names no other ("15 km south of X")
    place = p if p is not None and p.role in (None, "reference") and p.start is not None and s <= p.start < e else None
    w = m.when
    when = w if w is not None and w.start is not None and s <= w.start < e else None
    if (when is not None and when.precision == "day"
            and re.search(r"\b(?:since|from)\s+$", m.sentence.text[: when.start - s], re.IGNORECASE)):
        when = None  # "had blocked the road since Monday evening": a state that went on, not another day
        # ("killed since 2012" is years of them: it keeps its own date)
    if when is not None and (when.spoken or SPOKEN_ON.search(m.sentence.text[: when.start - s])):
        when = None  # "the rights group said on Tuesday that three more bodies had been found": the day it spoke
    return place, when


def _place_of(group: list[Mention]) -> Place | None:
    """The place the first sentence naming one gives (a later sentence's town names where a road
    leads or where a spokesman spoke as often as where it happened), but the headline's only when
    no later sentence names a more specific one."""
    named = [(m, p) for m, p in ((m, _own(m)[0]) for m in group) if p is not None and p.lat is not None]
    if not named:
        return None
    (first, place), rest = named[0], named[1:]
    if first.sentence.start == 0 and rest and ((rest[0][1].geo_precision or 4) < (place.geo_precision or 4)
                                               or names_region(place) and rest[0][1].admin1 == place.admin1):
        return rest[0][1]  # "12 killed in Katsina" over a raid on a village of Katsina state
    return place


def _as_one(group: list[Mention], incident: int | None) -> list[Mention]:
    """The group's mentions, numbered `incident` (the link step keeps two of an article's
    incidents apart), with one type, place and date when it holds more than one."""
    if len(group) == 1:
        return [group[0].model_copy(update={"incident": incident})]
    typed = [m for m in group if _class(m) in (VIOLENCE, CROWD)] or group
    body = [m for m in typed if m.sentence.start > 0] or typed  # a headline may sum up several incidents
    head = min(body, key=lambda m: (RANK.get(m.event_type, (0, 0))[1], -_severity(m), _own(m) == (None, None)))
    if head.sub_event_type == IED:  # "the explosion", "a car bomb": one sentence's "suicide" tells how it came
        head = next((m for m in body if m.event_type == head.event_type and m.sub_event_type == SUICIDE), head)
    place = _place_of(group) or head.place
    when = next((w for w in (_own(m)[1] for m in group) if w is not None and w.value is not None), head.when)
    out = []
    for m in _sourced_headlines(group):
        same = (m.event_type, m.sub_event_type, m.place, m.when) == (head.event_type, head.sub_event_type, place, when)
        if not same:
            told = "'" + m.refers_back + "' points back to" if m.refers_back else "tells more of"
            m = m.model_copy(update={
                "event_type": head.event_type, "sub_event_type": head.sub_event_type, "place": place, "when": when,
                "reason": f"{m.reason}; {told} the {head.sub_event_type.lower()} told by '{head.trigger.text}'",
            })  # fmt: skip
        out.append(m.model_copy(update={"incident": incident}))
    return out


def _sourced_headlines(group: list[Mention]) -> list[Mention]:
    """A headline states what the body attributes: a headline mention the outlet states on its
    own takes the status and source of the group's first attributed body mention ("Troops kill 12
    militants", then "troops killed 12 militants in an ambush, the army said")."""
    source = next((m for m in group if not _headline(m) and m.status != Status.REPORTED), None)
    if source is None:
        return group
    return [m.model_copy(update={"status": source.status, "attributed_to": source.attributed_to})
            if _headline(m) and m.status == Status.REPORTED and m.attributed_to is None else m for m in group]


def _class(m: Mention) -> object:
    return RANK[m.event_type][0] if m.event_type in RANK else (m.event_type, m.sub_event_type)


def _severity(m: Mention) -> int:
    """A protest's sub-type rank in PROTEST_SEVERITY (police firing on a crowd and killing one is
    excessive force, not an intervention); 0 for other types."""
    return PROTEST_SEVERITY.index(m.sub_event_type) if m.sub_event_type in PROTEST_SEVERITY else 0


def _has_actor1(m: Mention) -> bool:
    return any(a.role == "actor1" for a in m.actors)


def _named_doer(m: Mention) -> bool:
    """Its actor1 is of a known kind (a crowd, a force, a group), not words naming no one
    ("debris from a downed drone")."""
    return any(a.role == "actor1" and a.kind for a in m.actors)


def _same_force(a: Mention, b: Mention) -> bool:
    """Both are done by one state force ("police shot dead two protesters", "officers fired live
    rounds into the crowd"): violence and a crowd's event told so are the force acting on the crowd."""
    names = [{x.name.lower() for x in m.actors if x.kind in ARMED_STATE and (x.role == "actor1" or m.event_type == "Protests")}
             for m in (a, b)]  # a protest may name the force as actor2 ("protesters ... fired on by police"); a
    # riot's force is the side the rioters fought
    return bool(names[0] & names[1])


def _same_doer(later: Mention, earlier: Mention) -> bool:
    """The later incident's actor1 is the earlier's (the same name) or points back to it ("the
    attackers", "they")."""
    names = [{a.name.lower() for a in m.actors if a.role == "actor1"} for m in (later, earlier)]
    words = [(a.text or a.name).lower() for a in later.actors if a.role == "actor1"]
    return bool(names[0] & names[1]) or any(w.startswith(("the ", "they", "them")) for w in words)


def armed_doer(m: Mention) -> bool:
    """Its actor1 is an armed group or a state's force."""
    return any(a.role == "actor1" and a.kind in ARMED_NONSTATE | ARMED_STATE for a in m.actors)


def _force_on(violence: Mention, crowd: Mention) -> bool:
    """A state's force attacked the crowd whose protest the same sentence tells ("police opened
    fire on a crowd of opposition supporters who had blocked a main road"): the attack's victims
    are the protest's doers (their words overlap)."""
    if crowd.event_type != "Protests" or violence.event_type != "Violence against civilians":
        return False
    if not own_force_did(violence):
        return False
    doers = [(a.start, a.end) for a in crowd.actors if a.role == "actor1" and a.start is not None and a.end is not None]
    return any(a.role == "actor2" and a.start is not None and a.end is not None and a.start < e and s < a.end
               for a in violence.actors for s, e in doers)


def _force_on_protest(violence: Mention, crowd: Mention) -> Mention:
    """The attack and the protest it hit as one happening: ACLED's excessive force against
    protesters, the force actor1 and the crowd, as the protest reads it, actor2."""
    one = _fold([violence, crowd], head=violence)
    protesters = [a.model_copy(update={"role": "actor2"}) for a in crowd.actors if a.role == "actor1"]
    actors = [a for a in one.actors if a.role != "actor2"] + protesters
    return one.model_copy(update={
        "event_type": "Protests", "sub_event_type": EXCESSIVE_FORCE, "actors": actors,
        "reason": f"{one.reason}; the force attacked the protest's crowd: excessive force against protesters",
    })  # fmt: skip


def _one_actor(a: Mention, b: Mention) -> bool:
    """Both tell what one actor did: their actor1 is the same words ("militants stormed a hotel,
    killing nine": the killing's doer is the militants). One without an actor1 may be another
    happening ("a police shooting touched off riots"), so it stays apart."""
    first = [{(x.start, x.end) for x in m.actors if x.role == "actor1" and x.start is not None} for m in (a, b)]
    return bool(first[0] & first[1])


def _fold(group: list[Mention], head: Mention | None = None) -> Mention:
    if head is None:  # the first of the best-ranked type, of a protest the most severe sub-type
        head = min(group, key=lambda m: (RANK.get(m.event_type, (0, 0))[1], -_severity(m)))
    rest = [m for m in group if m is not head]
    if not rest:
        return head
    counts = list(head.counts)
    kinds = {c.kind for c in counts}
    roles = {a.role for a in head.actors}
    actors = list(head.actors)
    for m in rest:
        counts += [c for c in m.counts if c.kind not in kinds]
        kinds |= {c.kind for c in m.counts}
        actors += [a for a in m.actors if a.role not in roles]
        roles |= {a.role for a in m.actors}
    folded = ", ".join(repr(m.trigger.text) for m in rest)
    reason = f"{head.reason}; one happening with {folded} of the same sentence"
    refers_back = next((m.refers_back for m in [head, *rest] if m.refers_back), None)
    return head.model_copy(update={
        "counts": counts, "actors": actors, "confidence": max(m.confidence for m in group), "reason": reason,
        "refers_back": refers_back,
    })  # fmt: skip


def crowd_arrests(mentions: list[Mention]) -> list[Mention]:
    """An article's arrests of people it does not name, on the day of a protest or riot it tells
    ("police dispersed the march and arrested 31 people"), arrest that crowd: actor2 is the
    protesters, or the rioters of a riot, as ACLED files arrests at a demonstration. People
    arrested as suspects ("four suspects were held") stay who they are."""
    crowds = [m for m in mentions if m.event_type in ("Protests", "Riots") and not m.background]
    if not crowds:
        return mentions
    return [_crowd_arrested(m, crowds) if m.sub_event_type == "Arrests" and not m.background else m
            for m in mentions]


def _crowd_arrested(arrest: Mention, crowds: list[Mention]) -> Mention:
    arrested = [a for a in arrest.actors if a.role == "actor2"]
    if any(a.kind != "civilians" for a in arrested) or SUSPECT.search(arrest.sentence.text):
        return arrest
    same_day = [c for c in crowds if dates_agree(c.when, arrest.when)]
    if not same_day:
        return arrest
    # the crowd of its own sentence, else of its place, else of its day
    here = [c for c in same_day if c.sentence.start == arrest.sentence.start] or [
        c for c in same_day if places_agree(c.place, arrest.place)] or same_day
    riot = any(c.event_type == "Riots" for c in here)
    country = arrest.place.country_code if arrest.place is not None else None
    crowd = default_actor("rioter" if riot else "protester", "actor2", country)
    kept = [crowd.model_copy(update={"text": a.text, "start": a.start, "end": a.end}) for a in arrested] or [crowd]
    return arrest.model_copy(update={"actors": [a for a in arrest.actors if a.role != "actor2"] + kept})
