"""The day a source spoke is not the incident's day: "On Tuesday, the chairman told reporters
that 17 people had been killed in the raid" tells more of Sunday's raid, and stays one incident
with it, dated Sunday; so does a closing attribution whose day follows its verb ("..., the
spokesman said in a statement on Sunday"). Articles written for this test (published Friday 13
June 2025)."""

from __future__ import annotations

from datetime import date

import pytest

ARTICLES = [
    ("Gunmen kill villagers in Katsina\n\nGunmen on motorbikes killed 12 villagers in Kankara on Sunday.\n\n"
     "On Tuesday, the district chairman told reporters that 17 people had been killed in the raid.", date(2025, 6, 8)),
    ("Protesters shot in Sudan\n\nSoldiers opened fire on protesters in Kassala on Tuesday, killing two.\n\n"
     "On Thursday the doctors' committee announced that a third protester had died of his wounds.", date(2025, 6, 10)),
    ("Convoy ambushed in Congo\n\nRebels ambushed an army convoy near Butembo on Monday, killing seven soldiers.\n\n"
     "On Wednesday, an army spokesman told journalists that the rebels had ambushed the convoy with "
     "rocket-propelled grenades.", date(2025, 6, 9)),
    ("Mosque bombing in Pakistan\n\nA suicide bomber blew himself up at a mosque in Peshawar on Tuesday, killing "
     "30 worshippers.\n\nOn Thursday, the provincial police chief told a news conference that the attacker had "
     "detonated his vest in the front row.", date(2025, 6, 10)),
    ("Police station torched in Enugu\n\nYouths torched a police station in Enugu on Saturday.\n\n"
     "On Monday, the state police commissioner told reporters that the rioters had also burned two patrol cars.",
     date(2025, 6, 7)),
    # the day after the speech verb of a closing attribution
    ("Gunmen kill traders in Plateau\n\nGunmen killed nine traders at a market near Bokkos on Saturday, police said."
     "\n\nThe attackers arrived on foot and opened fire on the traders, a police spokesman said in a statement on "
     "Monday.", date(2025, 6, 7)),
    ("Bus bombed in Balochistan\n\nA bomb tore through a bus near Turbat on Sunday, killing six passengers.\n\n"
     "The device had been hidden under a seat and exploded as the bus left the station, officials said on Tuesday.",
     date(2025, 6, 8)),
    ("Village raided in Ituri\n\nMilitiamen killed 14 villagers near Djugu on Monday, local officials said.\n\n"
     "The militiamen attacked the village at dawn and burned several homes, a civil society leader told reporters "
     "on Wednesday.", date(2025, 6, 9)),
    ("Market shelled in Donetsk region\n\nShells hit a market in Kostiantynivka on Tuesday, killing four people."
     "\n\nThe shelling struck the market during the morning rush, the regional governor wrote on Telegram on "
     "Thursday.", date(2025, 6, 10)),
    ("Checkpoint attacked in Sinai\n\nMilitants attacked an army checkpoint near Arish on Sunday, killing five "
     "soldiers.\n\nThe militants fired rockets at the checkpoint before storming it, the army spokesman said in a "
     "statement late on Monday.", date(2025, 6, 8)),
]


@pytest.fixture(scope="module")
def found(incidents_of) -> list[list]:
    return incidents_of([t for t, _ in ARTICLES], date(2025, 6, 13))


@pytest.mark.parametrize("i", range(len(ARTICLES)), ids=[t.split("\n")[0] for t, _ in ARTICLES])
def test_a_later_statement_tells_more_of_the_incident(found, i: int) -> None:
    mentions = found[i]
    assert len(mentions) >= 2
    assert {(m.event_type, m.sub_event_type) for m in mentions} == {(mentions[0].event_type, mentions[0].sub_event_type)}
    assert {m.when.value for m in mentions} == {ARTICLES[i][1]}
