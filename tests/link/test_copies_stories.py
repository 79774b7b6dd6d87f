from __future__ import annotations

from eventdesk.evaluate.stories import adjusted_rand, b_cubed
from eventdesk.link.copies import copy_features, find_copies
from eventdesk.link.stories import assign_stories

BASE = (
    "Security forces fired tear gas at thousands of demonstrators who gathered outside the "
    "parliament on Tuesday to demand the resignation of the finance minister, witnesses said. "
    "Several people were taken to hospital with breathing problems, and police detained at least "
    "forty people near the central station as the crowd moved towards the presidential office."
)
EDITED = "Breaking: " + BASE.replace("witnesses said", "according to witnesses") + " Follow us for updates."
OTHER = (
    "Farmers blocked the northern highway with tractors for a third day, saying the new fertiliser "
    "rules would ruin small holdings; the agriculture ministry promised talks next week."
)


def _row(aid: str, text: str, published: str | None = None, story: str | None = None, ents=()) -> dict:  # type: ignore[no-untyped-def]
    from eventdesk.run.process import normalised_hash

    return {"id": aid, "published": published, "content_hash": normalised_hash(text), "story_id": story,
            "skipped": None, "title": None, "features": {**copy_features(text), "entities": list(ents)}}  # fmt: skip


def test_exact_and_near_copies_point_at_the_earliest_article() -> None:
    rows = [_row("late", BASE, "2022-01-08"), _row("early", BASE.upper(), "2022-01-07"),
            _row("edit", EDITED, "2022-01-09"), _row("other", OTHER, "2022-01-07")]  # fmt: skip
    copies = find_copies(rows)
    assert copies["late"] == ("early", 1.0)
    assert copies["edit"][0] == "early" and copies["edit"][1] >= 0.5
    assert "early" not in copies and "other" not in copies


def test_stories_group_by_entities_and_keep_assignments() -> None:
    rows = [
        _row("a", BASE, ents=["almaty", "kazakhstan", "tokayev"]),
        _row("b", OTHER, ents=["almaty", "kazakhstan", "russia"]),
        _row("c", OTHER + " x", ents=["colombo", "sri lanka", "rajapaksa"]),
    ]
    assigned = assign_stories(rows, {})
    assert assigned["a"] == assigned["b"] != assigned["c"]
    rows[2]["story_id"] = "s_fixed"
    assert assign_stories(rows, {})["c"] == "s_fixed"


def test_b_cubed_and_ari() -> None:
    gold = ["x", "x", "y", "y"]
    assert b_cubed(gold, ["1", "1", "2", "2"]) == (1.0, 1.0, 1.0)
    assert adjusted_rand(gold, ["1", "1", "2", "2"]) == 1.0
    p, r, f = b_cubed(gold, ["1", "1", "1", "1"])
    assert (p, r) == (0.5, 1.0)
    assert adjusted_rand(gold, ["1", "1", "1", "1"]) == 0.0


def _story_row(aid: str, ents: list[str], terms: list[str], published: str | None = None, years=None) -> dict:  # type: ignore[no-untyped-def]
    feats = {"entities": ents, "places": ents[:1], "terms": dict.fromkeys(terms, 2), "years": years or {}}
    return {"id": aid, "published": published, "content_hash": aid, "story_id": None, "skipped": None, "title": None, "features": feats}  # fmt: skip


RIOT_WORDS = ["riot", "police", "teenager", "shooting", "protester", "clash", "vigil"]


def test_two_riots_in_two_cities_years_apart_are_two_stories() -> None:
    rows = [
        _story_row("g1", ["athens", "greece", "alexandros grigoropoulos"], RIOT_WORDS, years={"2008": 3}),
        _story_row("g2", ["athens", "greece", "alexandros grigoropoulos", "exarchia"], RIOT_WORDS),
        _story_row("b1", ["brooklyn", "new york", "kimani gray"], RIOT_WORDS, "2013-03-12"),
        _story_row("b2", ["brooklyn", "kimani gray", "nypd"], RIOT_WORDS, "2013-03-13"),
        _story_row("x1", ["athens", "greece", "marfin bank"], RIOT_WORDS[:4] + ["bank", "strike"], "2010-05-05"),
    ]
    got = assign_stories(rows, {})
    assert got["g1"] == got["g2"] and got["b1"] == got["b2"]
    assert len({got["g1"], got["b1"], got["x1"]}) == 3


def test_new_articles_join_stored_stories_whose_ids_stay() -> None:
    rows = [_story_row("b1", ["brooklyn", "kimani gray"], RIOT_WORDS, "2013-03-12")]
    rows[0]["story_id"] = "s_stored"
    rows.append(_story_row("b2", ["brooklyn", "kimani gray", "nypd"], RIOT_WORDS, "2013-03-13"))
    assert assign_stories(rows, {}) == {"b1": "s_stored", "b2": "s_stored"}
