"""Headlines: the judge drops a short accident, disaster, sports, court or plan headline with a
toll or a violent verb, and keeps an incident's headline of any type. Headlines written for this
test, apart from the training sentences (none from a dev set or sample)."""

from __future__ import annotations

from eventdesk.judge.verdicts import DROP_AT, judge_sentences

NEGATIVES = [
    "Boiler blast at Faisalabad dyeing plant kills five workers",  # accident
    "Gas leak explosion flattens Warsaw tenement, two dead",
    "Coach overturns on Andes pass, 11 passengers killed",
    "Fuel tanker overturns and explodes near Kaduna, 22 dead",
    "Landslide sweeps away homes in Bukavu hillside, 9 dead",  # disaster
    "Earthquake of magnitude 6.4 kills 12 in western Nepal",
    "Dockers crush Mariners 4-1 in stormy derby",  # sports
    "Southpaw knocks out champion to seize the title in Accra",
    "Court sentences two men to life for 2022 bus bombing",  # court
    "Former mayor jailed for ordering attack on journalist",
    "Nurses threaten to march on parliament next week",  # plan
    "Retired general dies of cancer aged 78",  # natural death
]
INCIDENTS = [
    "Bomb hidden in rickshaw explodes at Peshawar bazaar, killing four",
    "Gunmen storm church in Kogi, abduct 14 worshippers",
    "Police fire tear gas on teachers marching in Nairobi",
    "Rioters set fire to town hall in Bangui after shooting",
    "Army recaptures Kalehe from M23 rebels",
    "Drone strike kills militant commander in North Waziristan",
    "Soldiers deployed to Cap-Haitien after gang attacks",
    "Police arrest 30 protesters outside Lagos parliament",
    "Thousands rally in Yerevan against border deal",
    "Shelling of Kherson market kills three shoppers",
    "Gang members kill two traders in Tijuana shootout",
    "Mortar fire hits IDP camp near El Fasher, 8 dead",
]


def test_headlines_of_the_negative_classes_are_dropped_and_incident_headlines_kept() -> None:
    negatives = [v.p_none >= DROP_AT for v in judge_sentences(NEGATIVES)]
    incidents = [v.p_none < DROP_AT and not v.is_background for v in judge_sentences(INCIDENTS)]
    # measured: negatives 11/12 (the jailed mayor is kept), incidents 12/12; the accident headlines sit
    # just above the drop line (P(none) 0.30-0.41). Training the judge on 140 headlines of the negative
    # classes raised them (0.31-0.99) but dropped a shelling headline and lowered the examples' events
    # F1 (0.65 -> 0.62): not kept.
    assert sum(negatives) >= 11, list(zip(NEGATIVES, negatives, strict=True))
    assert sum(incidents) >= 12, list(zip(INCIDENTS, incidents, strict=True))
