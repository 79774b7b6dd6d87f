"""Two rules of assemble about sentences that seem to open another incident. Articles written
for this test, none from a dev set or sample.

- A day told relative to an earlier one ("the next morning", "the following day") opens another
  incident only when it is another day: a killing "late on Saturday", a riot "on Sunday morning",
  then "The next morning, youths ..." is the riot told again.
- A sentence that opens another incident ("Separately", "In a separate incident") with an armed
  doer of its own never joins an earlier incident whose doer is another, even in the same town.
"""

from __future__ import annotations

from datetime import date

import pytest

# (headline + lead with a killing the night before and a riot on the next day, then "the next
# morning" telling the riot again)
NEXT_MORNING = [
    ("Cars burned in Lyon suburb after police shooting\n\n"
     "Youths set fire to cars and a bus shelter in Vaulx-en-Velin on Sunday morning, hours after a man was shot "
     "dead by police late on Saturday.\n\n"
     "The man was stopped at a checkpoint at about 11 p.m. on Saturday, police said.\n\n"
     "The next morning, dozens of youths blocked the main road and set fire to four cars."),
    ("Riot in Durban township after shooting by officers\n\n"
     "Residents of Umlazi torched two minibuses and blocked roads with burning tyres on Tuesday morning, after a "
     "teenager was shot dead by police on Monday night.\n\n"
     "The boy was killed at about 9 p.m. on Monday outside his home, his family said.\n\n"
     "The following morning, a crowd of residents stoned passing cars and set a police van alight."),
    ("Unrest in Minneapolis neighbourhood after police killing\n\n"
     "Protesters smashed shop windows and set a police car on fire on Thursday morning, after officers shot "
     "dead a man late on Wednesday.\n\n"
     "The man was shot at about 10 p.m. on Wednesday during a traffic stop, police said.\n\n"
     "The next morning, hundreds of people gathered at the intersection and threw bottles at officers."),
    ("Buses burned in Recife after boy killed\n\n"
     "Residents set fire to three buses in Recife on Saturday morning, hours after a boy was shot dead by "
     "military police on Friday night.\n\n"
     "The boy was killed at about 10 p.m. on Friday near a football pitch, neighbours said.\n\n"
     "The next morning, dozens of residents stoned police and set fire to tyres on the avenue."),
    ("Clashes in Nairobi slum after shooting\n\n"
     "Youths in Mathare burned tyres and pelted police with stones on Monday morning, after a man was shot "
     "dead by police on Sunday night.\n\n"
     "The man was killed at about 11 p.m. on Sunday, his relatives said.\n\n"
     "The following morning, groups of youths set up barricades of burning tyres and hurled stones at police."),
]

# (headline, an incident in a town, the crowd's anger at it, then a separate incident in the same
# town by another armed doer)
SEPARATE_DOER = [
    ("Police shoot man in Cali; residents block road\n\n"
     "Police officers shot dead a man at a checkpoint in Cali on Monday, the city said.\n\n"
     "Hours later, residents blocked the main road and set fire to tyres in protest.\n\n"
     "Separately, in a market in Cali, unidentified gunmen shot dead a shopkeeper on Monday."),
    ("Soldiers kill two in Goma; market burned\n\n"
     "Soldiers shot dead two men at a roadblock in Goma on Friday, residents said.\n\n"
     "Angry youths then set fire to a market stall and threw stones at the soldiers.\n\n"
     "In a separate incident in Goma, armed men attacked a bar and killed a waiter on Friday."),
    ("Constable killed in Peshawar; traders protest\n\n"
     "Militants shot dead a police constable in Peshawar on Tuesday, police said.\n\n"
     "Traders then burned tyres and blocked the bazaar road in anger.\n\n"
     "Separately, security forces killed a man in a raid on a house in Peshawar on Tuesday."),
    ("Violence in Port-au-Prince\n\n"
     "Gang members shot dead three people in Port-au-Prince on Wednesday, witnesses said.\n\n"
     "Residents later set up barricades of burning tyres and threw stones at passing cars.\n\n"
     "Separately, police officers in Port-au-Prince shot dead a man at a roadblock on Wednesday."),
    ("Two attacks near Kaduna\n\n"
     "Bandits killed four farmers near Kaduna on Sunday, officials said.\n\n"
     "Villagers then blocked the highway and burned two cars in protest.\n\n"
     "In a separate incident near Kaduna, soldiers killed two men at a checkpoint on Sunday."),
]


@pytest.fixture(scope="module")
def next_morning(incidents_of) -> list[list]:
    return incidents_of([t for t in NEXT_MORNING], date(2025, 3, 18))


@pytest.mark.parametrize("i", range(len(NEXT_MORNING)), ids=[t.split("\n")[0][:40] for t in NEXT_MORNING])
def test_the_next_morning_of_the_riot_day_is_the_riot_told_again(next_morning, i: int) -> None:
    text = NEXT_MORNING[i]
    lead, last = text.split("\n\n")[1], text.split("\n\n")[-1]
    riots = {m.incident for m in next_morning[i] if m.event_type == "Riots" and m.sentence.start == text.index(lead)}
    again = {m.incident for m in next_morning[i] if m.event_type == "Riots" and m.sentence.start == text.index(last)}
    assert riots and again == riots, [(m.incident, m.event_type, m.sentence.text[:50]) for m in next_morning[i]]


@pytest.fixture(scope="module")
def separate(incidents_of) -> list[list]:
    return incidents_of(SEPARATE_DOER, date(2025, 3, 20))


@pytest.mark.parametrize("i", range(len(SEPARATE_DOER)), ids=[t.split("\n")[0][:40] for t in SEPARATE_DOER])
def test_a_separate_incident_by_another_doer_is_another_incident(separate, i: int) -> None:
    text = SEPARATE_DOER[i]
    first, second = (text.index(p) for p in text.split("\n\n")[1::2])
    a = {m.incident for m in separate[i] if m.sentence.start == first}
    b = {m.incident for m in separate[i] if m.sentence.start == second}
    assert a and b and not a & b, [(m.incident, m.sentence.text[:50]) for m in separate[i]]
