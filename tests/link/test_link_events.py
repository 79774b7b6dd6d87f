from __future__ import annotations

import pytest

from datetime import date

from eventdesk.link.events import assign_events, dates_agree, event_key, places_agree, reconcile_counts
from eventdesk.records import Actor, Count, Mention, Place, Source, TextSpan, When


def _count(text: str, low, high, best, who="protesters", kind="killed") -> Count:  # type: ignore[no-untyped-def]
    return Count(kind=kind, low=low, high=high, best=best, text=text, start=0, end=len(text), who=who)


def _mention(aid: str, counts=(), place=None, when=None, etype="Riots", start=0) -> Mention:  # type: ignore[no-untyped-def]
    return Mention(
        id=Mention.make_id(aid, start, etype), article_id=aid, event_type=etype,
        sub_event_type="Violent demonstration", trigger=TextSpan(start=start, end=start + 1, text="x"),
        sentence=TextSpan(start=0, end=1, text="x"), counts=list(counts), place=place, when=when,
    )  # fmt: skip


SOURCES = {a: Source(article_id=a, outlet=f"Outlet {a}") for a in ("a1", "a2", "a3")}
ALMATY = Place(name="Almaty", country_code="KZ", lat=43.25, lon=76.92, geo_precision=1)
AKTAU = Place(name="Aktau", country_code="KZ", lat=43.65, lon=51.2, geo_precision=1)
KAZAKHSTAN = Place(name="Kazakhstan", country_code="KZ", lat=48.0, lon=68.0, geo_precision=3)


def test_consistent_ranges_are_intersected_with_a_conservative_best() -> None:
    ms = [_mention("a1", [_count("dozens", 12, 99, 12)]), _mention("a2", [_count("at least 18", 18, None, 18)])]
    counts, conflicts = reconcile_counts(ms, SOURCES)
    assert conflicts == []
    assert [(c.low, c.high, c.best) for c in counts] == [(18, 99, 18)]


def test_disjoint_ranges_are_a_conflict_a_person_can_read() -> None:
    a = _count("more than 2,000", 2001, None, 2001, who="people", kind="arrested")
    b = _count("about 1,000", 900, 1100, 1000, who="people", kind="arrested")
    ms = [_mention("a1", [a]), _mention("a2", [b])]
    ms[0] = ms[0].model_copy(update={"attributed_to": "interior ministry"})
    counts, conflicts = reconcile_counts(ms, SOURCES)
    assert counts[0].low == 900 and counts[0].high is None and counts[0].best == 1000
    assert counts[0].text == "about 1,000"  # the words of the figure kept as best
    assert conflicts == [
        "arrested: 'more than 2,000' (interior ministry, via Outlet a1) vs 'about 1,000' (via Outlet a2)"
    ]


def test_counts_of_different_groups_are_not_a_disagreement() -> None:
    ms = [
        _mention("a1", [_count("dozens of protesters", 12, 99, 12)]),
        _mention("a2", [_count("at least 18 members of the security forces", 18, None, 18, who="members of the security forces")]),
    ]
    counts, conflicts = reconcile_counts(ms, SOURCES)
    assert conflicts == [] and len([c for c in counts if c.who is not None]) == 2
    assert [(c.low, c.high) for c in counts if c.who is None] == [(30, None)]  # the toll of both sides


def test_places_and_dates_decide_whether_mentions_can_merge() -> None:
    assert places_agree(ALMATY, KAZAKHSTAN) and not places_agree(ALMATY, AKTAU)
    d1 = When(value=date(2022, 1, 6), precision="day")
    d3 = When(value=date(2022, 1, 9), precision="day")
    assert dates_agree(d1, None) and not dates_agree(d1, d3)


def test_an_undated_mention_joins_only_what_its_article_can_have_reported() -> None:
    jan6 = When(value=date(2022, 1, 6), precision="day")
    # the text gives no date: any day up to the article's publication, never a later one
    published_jan8 = When(value=None, precision="unknown", anchor=date(2022, 1, 8))
    published_jan3 = When(value=None, precision="unknown", anchor=date(2022, 1, 3))
    assert dates_agree(jan6, published_jan8) and dates_agree(published_jan8, jan6)
    assert not dates_agree(jan6, published_jan3) and not dates_agree(published_jan3, jan6)
    # an article with no publication date cannot be placed in time: no dated event takes it
    undated = When(value=None, precision="unknown", anchor=None)
    assert not dates_agree(jan6, undated) and not dates_agree(undated, jan6)
    assert not dates_agree(undated, published_jan8) and dates_agree(undated, undated)
    assert dates_agree(published_jan3, published_jan8)


def test_assignment_is_stable_and_separates_incompatible_mentions() -> None:
    m1 = _mention("a1", place=ALMATY)
    m2 = _mention("a2", place=ALMATY)
    m3 = _mention("a3", place=AKTAU)
    story = {"a1": "s", "a2": "s", "a3": "s"}
    first = assign_events([m1, m2], {}, story)
    assert first[m1.id] == first[m2.id]
    second = assign_events([m1, m2, m3], dict(first), story)
    assert second[m1.id] == first[m1.id] and second[m3.id] != first[m1.id]
    assert assign_events([m1, m2, m3], {}, story) == second


def _sd(aid: str, cue: str, sentence: str, trigger: str, sub: str = "Other", place=None) -> Mention:  # type: ignore[no-untyped-def]
    start = sentence.index(trigger)
    m = _mention(aid, etype="Strategic developments", start=start, place=place)
    return m.model_copy(update={
        "sub_event_type": sub, "cue": cue,
        "trigger": TextSpan(start=start, end=start + len(trigger), text=trigger),
        "sentence": TextSpan(start=0, end=len(sentence), text=sentence),
    })  # fmt: skip


MOSCOW = Place(name="Moscow", country_code="RU", lat=55.75, lon=37.62, geo_precision=1)


def test_measures_are_told_apart_by_their_cue_and_object() -> None:
    banks = "By morning, commercial banks were ordered to close; sometimes the Internet was cut."
    internet = _sd("a1", "shutdown", "The internet was shut down across the country.", "shut")
    bank = _sd("a2", "shutdown", banks, "close")
    cut = _sd("a2", "shutdown", banks, "cut")
    arrest = _sd("a1", "arrest", "More than 2,000 people have been arrested.", "arrested", sub="Arrests")
    deployed = _sd("a1", "deploy", "Russia deployed paratroopers.", "deployed", place=ALMATY)
    landed = _sd("a2", "arrival", "The first foreign soldiers landed.", "landed", place=MOSCOW)
    assert event_key(internet) == event_key(cut) == ("Strategic developments", "Other", "shutdown:internet")
    assert event_key(bank)[2] == "shutdown:bank"
    story = {"a1": "s", "a2": "s"}
    got = assign_events([internet, arrest, deployed, bank, cut, landed], {}, story)
    assert got[internet.id] == got[cut.id]
    assert got[deployed.id] == got[landed.id]  # a deployment is named from both ends
    assert len({got[internet.id], got[bank.id], got[arrest.id], got[deployed.id]}) == 4


def test_violent_mentions_of_one_clash_merge_across_cues() -> None:
    stormed = _mention("a1", place=ALMATY).model_copy(update={"cue": "riot"})
    burned = _mention("a2", place=ALMATY, start=5).model_copy(update={"cue": "arson"})
    got = assign_events([stormed, burned], {}, {"a1": "s", "a2": "s"})
    assert got[stormed.id] == got[burned.id]


def test_an_article_does_not_contradict_itself() -> None:
    total = _count("at least 18 members of the security forces", 18, None, 18, who="security forces")
    part = _count("two", 2, 2, 2, who="security forces")
    counts, conflicts = reconcile_counts([_mention("a1", [total, part])], SOURCES)
    assert conflicts == [] and [(c.low, c.high) for c in counts] == [(18, None)]


def test_a_protest_met_with_lethal_force_is_excessive_force_whatever_the_majority() -> None:
    from eventdesk.link.events import merged_sub_type

    ms = [_mention(a, etype="Protests") for a in ("a1", "a2", "a3")]
    subs = ["Peaceful protest", "Peaceful protest", "Excessive force against protesters"]
    killed = [_count("one man", 1, 1, 1)]  # the lethal force itself
    ms = [m.model_copy(update={"sub_event_type": s, "counts": killed if s.startswith("Excessive") else []})
          for m, s in zip(ms, subs)]
    assert merged_sub_type(ms) == "Excessive force against protesters"
    riots = [m.model_copy(update={"event_type": "Riots", "sub_event_type": s}) for m, s in
             zip(ms, ["Mob violence", "Violent demonstration", "Violent demonstration"])]  # fmt: skip
    assert merged_sub_type(riots) == "Violent demonstration"


def test_a_riot_one_report_tells_as_a_demonstration_was_one() -> None:
    from eventdesk.link.events import merged_sub_type

    subs = ["Mob violence", "Mob violence", "Violent demonstration"]
    riots = [_mention(a, etype="Riots").model_copy(update={"sub_event_type": s}) for a, s in zip(("a1", "a2", "a3"), subs)]
    assert merged_sub_type(riots) == "Violent demonstration"
    lynching = [m.model_copy(update={"sub_event_type": "Mob violence"}) for m in riots]
    assert merged_sub_type(lynching) == "Mob violence"


def test_an_undated_event_takes_the_week_of_its_first_report_and_says_so() -> None:
    from eventdesk.link.events import _best_when, _when_words

    undated = [_mention("a1", when=When(value=None, precision="unknown", anchor=date(2022, 5, 10))),
               _mention("a2", when=When(value=None, precision="unknown", anchor=date(2022, 5, 9)))]
    when = _best_when(undated)
    assert (when.value, when.precision) == (date(2022, 5, 9), "week") and "first report" in when.reason
    assert _when_words(when) == " in the week of 2022-05-09"
    dated = undated + [_mention("a3", when=When(value=date(2022, 5, 8), precision="day"))]
    assert (_best_when(dated).value, _best_when(dated).precision) == (date(2022, 5, 8), "day")
    assert _best_when([_mention("a1")]).value is None  # no publication date either: unknown


def test_one_act_in_other_words_is_one_event() -> None:
    """Suspects captured are suspects arrested; shops torched or wrecked are one destruction with
    the looting (sentences written for this test)."""
    captured = _sd("a1", "capture", "Soldiers captured six suspects near Gao on Monday.", "captured", sub="Arrests")
    arrested = _sd("a1", "arrest", "The six were arrested after a raid, the army said.", "arrested", sub="Arrests")
    looted = _sd("a2", "looting", "Shops were looted in the market.", "looted", sub="Looting/property destruction")
    torched = _sd("a2", "arson", "Rioters torched two banks nearby.", "torched", sub="Looting/property destruction")
    wrecked = _sd("a2", "destruction", "A clinic was wrecked.", "wrecked", sub="Looting/property destruction")
    assert event_key(captured) == event_key(arrested)
    assert event_key(looted) == event_key(torched) == event_key(wrecked)
    got = assign_events([captured, arrested, looted, torched, wrecked], {}, {"a1": "s", "a2": "s"})
    assert got[captured.id] == got[arrested.id] and got[looted.id] == got[torched.id] == got[wrecked.id]


# (figures of one incident, each (words, figure, group); the toll of all sides, or None)
SIDES = [
    ([("five soldiers", 5, "soldiers"), ("two civilians", 2, "civilians")], 7),
    ([("nine villagers", 9, "villagers"), ("six attackers", 6, "attackers")], 15),
    ([("three policemen", 3, "policemen"), ("four militants", 4, "militants")], 7),
    ([("14 villagers", 14, "villagers"), ("14 people", 14, "people")], None),  # one group told twice
    ([("12 people", 12, "people"), ("five children", 5, "children")], None),  # a part of everyone
    ([("two fighters", 2, "fighters"), ("two militants", 2, "militants")], None),  # one side
]


@pytest.mark.parametrize(("figures", "total"), SIDES, ids=[str(i) for i in range(len(SIDES))])
def test_the_toll_of_all_sides_is_their_sum(figures, total) -> None:
    ms = [_mention("a1", [_count(w, n, n, n, who=g) for w, n, g in figures])]
    counts, _ = reconcile_counts(ms, SOURCES)
    totals = [c.best for c in counts if c.kind == "killed" and c.who is None]
    assert totals == ([total] if total is not None else []), counts


# An ACLED event that one report told as ordinary crime, with words that name no one as its doer
# (phrases written for this test), keeps ACLED's convention for actor1; a named person stays.
UNIDENTIFIED = Actor(name="Unidentified Armed Group (United States)", role="actor1", kind="political militia",
                     country_code="US")


@pytest.mark.parametrize("words", ["This individual", "The man", "A young man", "the suspect", "One attacker"])
def test_no_one_named_in_a_crime_sentence_does_not_displace_the_convention(words: str) -> None:
    from eventdesk.link.events import merge_event

    bomb = _mention("a1", etype="Explosions/Remote violence").model_copy(update={
        "sub_event_type": "Remote explosive/landmine/IED", "actors": [UNIDENTIFIED]})
    told = _mention("a2", etype="Explosions/Remote violence", start=5).model_copy(update={
        "sub_event_type": "Remote explosive/landmine/IED", "scope": "crime",
        "actors": [Actor(name=words, role="actor1", kind="person", text=words, start=0, end=len(words))]})
    event = merge_event("e_1", "s_1", [bomb, bomb.model_copy(update={"id": "m_3", "article_id": "a3"}), told], SOURCES, 0)
    assert event.scope == "acled"
    assert [a.name for a in event.actors if a.role == "actor1"] == [UNIDENTIFIED.name]
    assert [a.name for a in event.actors if a.role == "associated"] == [words]


def test_a_named_person_stays_the_doer_of_an_acled_event() -> None:
    from eventdesk.link.events import merge_event

    bomb = _mention("a1", etype="Explosions/Remote violence").model_copy(update={
        "sub_event_type": "Remote explosive/landmine/IED", "actors": [UNIDENTIFIED]})
    named = Actor(name="Daniel Reyes", role="actor1", kind="person", text="Daniel Reyes", start=0, end=12)
    told = bomb.model_copy(update={"id": "m_2", "article_id": "a2", "scope": "crime", "actors": [named]})
    event = merge_event("e_1", "s_1", [bomb, bomb.model_copy(update={"id": "m_3", "article_id": "a3"}), told], SOURCES, 0)
    assert "Daniel Reyes" in [a.name for a in event.actors if a.role == "actor1"]
