"""One happening per sentence across the crowd and violence classes (assemble.py), on sentences
written for these tests (none from a dev set or sample)."""

from __future__ import annotations

from datetime import date

import pytest

from eventdesk.extract.lexicon import split_type


PROBES = [
    # one armed group's storming and killing: one incident of violence
    ("Militants stormed a hotel in Mogadishu yesterday, killing nine people.", ["Violence against civilians"]),
    ("Gunmen stormed a church in Kaduna on Sunday, killing six worshippers.", ["Violence against civilians"]),
    # two doers in one sentence: two happenings
    ("Protesters marched in the capital on Friday while gunmen killed five villagers in the north.",
     ["Protests", "Violence against civilians"]),
    # the police acting on a crowd stay the crowd's event
    ("Police fired live rounds at protesters in Nairobi on Tuesday, killing two.", ["Protests"]),
]

# Arrests told in one sentence with the looting (or riot) they followed are an event of their own
# (a strategic development never folds into another sub-type)
ARRESTS = "Strategic developments/Arrests"
DEVELOPMENTS = [
    ("Hundreds of shops were looted and more than 150 people were arrested in Lyon overnight.", ARRESTS),
    ("Warehouses were ransacked in Durban on Monday and police detained 60 suspects.", ARRESTS),
    ("Police arrested 14 people after supermarkets were looted in Valparaiso on Saturday.", ARRESTS),
    ("Mobs looted pharmacies in Kingston on Friday, and officers apprehended 22 men.", ARRESTS),
    ("Soldiers detained 31 youths in Bamako after they pillaged a market on Thursday.", ARRESTS),
]


# destruction by the attackers in the attack the sentence tells is part of it
ATTACKS = [
    ("The attackers arrived on motorcycles and opened fire on residents, burning several houses, police said.",
     "Violence against civilians"),
    ("Gunmen stormed the village of Kuje on Sunday, killing eight people and torching dozens of homes.",
     "Violence against civilians"),
    ("Militants attacked a police post in Tillaberi on Monday and set fire to two vehicles.", "Battles"),
    ("Soldiers shelled the town of Kalehe on Friday, destroying a school.", "Explosions/Remote violence"),
    ("Bandits raided a market in Gusau on Tuesday, shooting two traders and burning stalls.", "Violence against civilians"),
]


@pytest.fixture(scope="module")
def types(incidents_of) -> dict[str, list[str]]:
    probes = PROBES + DEVELOPMENTS + ATTACKS
    found = incidents_of([p[0] for p in probes], date(2025, 3, 14))
    return {s: sorted(m.event_type if (s, want) in PROBES else f"{m.event_type}/{m.sub_event_type}" for m in mentions)
            for (s, want), mentions in zip(probes, found, strict=True)}


@pytest.mark.parametrize(("sentence", "want"), PROBES, ids=[p[0][:40] for p in PROBES])
def test_one_happening_per_actor(types, sentence: str, want: list[str]) -> None:
    assert types[sentence] == want


@pytest.mark.parametrize(("sentence", "want"), DEVELOPMENTS, ids=[p[0][:40] for p in DEVELOPMENTS])
def test_developments_of_different_sub_types_stay_apart(types, sentence: str, want: str) -> None:
    assert want in types[sentence] and len(types[sentence]) == 2


@pytest.mark.parametrize(("sentence", "want"), ATTACKS, ids=[p[0][:40] for p in ATTACKS])
def test_the_attackers_destruction_is_part_of_the_attack(types, sentence: str, want: str) -> None:
    assert [split_type(t)[0] for t in types[sentence]] == [want]
