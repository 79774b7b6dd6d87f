"""ACLED's actor conventions per incident (resolve/actors.py), on sentences written for these
tests (none from a dev set or sample): the whole per-article pipeline, judged by the ACLED kind
of actor1 and actor2 as the desk gold's scorer maps them ('-' for no actor in the role)."""

from __future__ import annotations


import pytest

from eventdesk.evaluate.records import acled_kind
from eventdesk.records import Actor, Mention, TextSpan
from eventdesk.resolve.actors import code_actors, in_country

# (sentence, event type, actor1 kind, actor2 kind)
PROBES = [
    # foreign forces: judged by where the incident happened
    ("Turkish troops shelled a village near Afrin in northern Syria on Tuesday, killing four civilians.",
     "Explosions/Remote violence", "external/other forces", "civilians"),
    ("Ethiopian soldiers opened fire on a market in the Somali town of Baidoa, killing three traders.",
     "Violence against civilians", "external/other forces", "civilians"),
    ("French warplanes bombed an insurgent camp near Gao in Mali on Friday.",
     "Explosions/Remote violence", "external/other forces", "rebel group"),
    ("Rwandan troops clashed with Congolese soldiers near Goma on Monday.",
     "Battles", "external/other forces", "state forces"),
    ("Kenyan police arrested 14 protesters in Nairobi on Thursday.",
     "Strategic developments", "state forces", "protesters"),
    ("Mexican marines clashed with cartel gunmen in Culiacan, Sinaloa, on Thursday.",
     "Battles", "state forces", "political militia"),
    # victims are civilians; a perpetrator nobody names is an unidentified armed group
    ("Gunmen shot dead a schoolteacher in the town of Maiduguri on Saturday.",
     "Violence against civilians", "political militia", "civilians"),
    ("Unknown attackers killed five farmers in a village in Plateau state, Nigeria, on Wednesday night.",
     "Violence against civilians", "political militia", "civilians"),
    ("Masked men set fire to a mosque in the city of Bangui, Central African Republic, on Monday, killing two worshippers.",
     "Violence against civilians", "political militia", "civilians"),
    ("Two aid workers were kidnapped by armed men in Mopti, Mali, on Tuesday.",
     "Violence against civilians", "political militia", "civilians"),
    ("Three villagers were abducted by gunmen near Gusau, Nigeria, on Sunday.",
     "Violence against civilians", "political militia", "civilians"),
    # explosions: the device's maker unnamed, the victims from the toll
    ("A roadside bomb killed two soldiers near Kandahar, Afghanistan, on Sunday.",
     "Explosions/Remote violence", "political militia", "state forces"),
    ("A grenade thrown into a bar in Mombasa, Kenya, wounded seven people late on Friday.",
     "Explosions/Remote violence", "political militia", "civilians"),
    ("A car bomb exploded outside a police station in Quetta, Pakistan, killing three officers.",
     "Explosions/Remote violence", "political militia", "state forces"),
    # protests: the crowd is actor1; no actor2 when peaceful; the force first in excessive force
    ("Thousands of teachers marched peacefully through Bogota on Tuesday to demand higher pay.",
     "Protests", "protesters", "-"),
    ("Hundreds of people rallied outside the parliament in Tbilisi, Georgia, on Sunday against the new law.",
     "Protests", "protesters", "-"),
    ("Police fired tear gas at students protesting in Dhaka, Bangladesh, on Monday.",
     "Protests", "protesters", "state forces"),
    ("Riot police beat and shot dead two demonstrators in Khartoum, Sudan, on Thursday.",
     "Protests", "state forces", "protesters"),
    ("Security forces used live ammunition against protesters in Conakry, Guinea, killing three of them.",
     "Protests", "state forces", "protesters"),
    ("Security forces killed six protesters in the streets of Tehran on Saturday.",
     "Protests", "state forces", "protesters"),
    # passive voice: the "by" agent acts
    ("Two protesters were killed by police in Lima, Peru, on Saturday.",
     "Protests", "state forces", "protesters"),
    ("A journalist was beaten by soldiers at a checkpoint near Mandalay, Myanmar, on Monday.",
     "Violence against civilians", "state forces", "civilians"),
    ("Five shepherds were killed by soldiers near Tabriz, Iran, on Friday.",
     "Violence against civilians", "state forces", "civilians"),
    ("A student was shot by police during a raid in Medellin, Colombia, on Wednesday.",
     "Violence against civilians", "state forces", "civilians"),
    # ordinary crime: the one who did it is an individual ("other")
    ("A woman was stabbed to death by her neighbour in the town of Nakuru, Kenya, on Tuesday.",
     "Violence against civilians", "other", "civilians"),
]


@pytest.fixture(scope="module")
def coded(incidents_of) -> dict[str, list[Mention]]:
    sentences = [p[0] for p in PROBES]
    return dict(zip(sentences, incidents_of(sentences), strict=True))


def _kinds(m: Mention, role: str) -> set[str]:
    return {acled_kind(a.kind) for a in m.actors if a.role == role} or {"-"}


@pytest.mark.parametrize(("sentence", "event_type", "actor1", "actor2"), PROBES, ids=[p[0][:40] for p in PROBES])
def test_actor_kinds(coded, sentence: str, event_type: str, actor1: str, actor2: str) -> None:
    found = [m for m in coded[sentence] if m.event_type == event_type]
    assert found, f"no {event_type} found: {[m.event_type for m in coded[sentence]]}"
    m = found[0]
    assert (_kinds(m, "actor1"), _kinds(m, "actor2")) == ({actor1}, {actor2}), m.actors


def _mention(event_type: str, sub: str, actors: list[Actor], scope: str = "acled") -> Mention:
    span = TextSpan(start=0, end=1, text="x")
    return Mention(id="m", article_id="a", event_type=event_type, sub_event_type=sub,  # type: ignore[arg-type]
                   trigger=span, sentence=span, actors=actors, scope=scope)  # type: ignore[arg-type]


def test_a_role_filler_that_names_no_one_is_dropped() -> None:
    m = _mention("Violence against civilians", "Attack", [Actor(name="the roadside", role="actor2", text="the roadside")])
    assert [a.name for a in code_actors(m).actors if a.role == "actor2"] == ["Civilians"]  # the convention's, not the words


def test_a_generic_actor_is_named_for_the_events_country() -> None:
    police = Actor(name="Police Forces", role="actor1", kind="police", text="police")
    assert in_country(police, "PE").name == "Police Forces of Peru"
    named = Actor(name="Military Forces of Chile", role="actor1", kind="military", country_code="CL")
    assert in_country(named, "PE") == named  # the text's own country stays
