"""The actor dictionary compiled from Phoenix (actor_dictionary.py, scripts/compile-actors), and
its use for named actors (actors.resolve_actor), on sentences written for these tests."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from eventdesk.extract import actor_dictionary as ad
from eventdesk.extract.actors import resolve_actor

ROOT = Path(__file__).resolve().parents[2]
PHOENIX = ROOT.parent / "shared" / "data" / "actors-phoenix"
DATA = ROOT / "src" / "eventdesk" / "extract" / "data"


def named(nlp, text: str, word: str, on: date | None = None) -> tuple[str, str | None, str | None]:
    doc = nlp(text)
    head = next(t for t in doc if t.text == word)
    actor = resolve_actor(head, "actor1", on=on)
    return actor.name, actor.kind, actor.country_code


# --------------------------------------------------------------------------
# People and their roles in time
# --------------------------------------------------------------------------
def test_head_of_state_by_full_name(nlp):
    got = named(nlp, "Boris Yeltsin dissolved the parliament on Tuesday.", "Yeltsin", date(1993, 9, 21))
    assert got == ("Boris Yeltsin", "political leader", "RU")


def test_head_of_state_in_the_dictionarys_spelling(nlp):
    got = named(nlp, "Alyaksandr Lukashenka ordered the riot police into the capital.", "Lukashenka",
                date(2020, 8, 10))
    assert got == ("Alyaksandr Lukashenka", "political leader", "BY")


def test_same_name_in_a_year_without_a_role(nlp):
    """Yeltsin's roles end in 2007: in 2010 his name is a person's name and nothing more."""
    _, kind, country = named(nlp, "Boris Yeltsin dissolved the parliament on Tuesday.", "Yeltsin",
                             date(2010, 6, 1))
    assert kind != "political leader" and country is None
    assert ad.lookup("Boris Yeltsin", date(2010, 6, 1)) is None
    assert ad.lookup("Boris Yeltsin", date(1995, 1, 1)).role.code == "RUSGOV"


def test_role_follows_the_date():
    """A 2005 article's Putin holds the presidency that ended in 2008, a 2010 one's the role that
    began then; without a date, the latest."""
    assert ad.lookup("Vladimir Putin", date(2005, 3, 1)).role.end == date(2008, 5, 7)
    assert ad.lookup("Vladimir Putin", date(2010, 3, 1)).role.start == date(2008, 5, 8)
    assert ad.lookup("Putin").role.start == date(2008, 5, 8)


def test_a_given_name_alone_names_nobody(nlp):
    """Phoenix lists Saudi royals by one name ("ABDULLAH"): alone it is anyone's first name."""
    assert ad.lookup("Abdullah") is None and ad.lookup("Hussein") is None
    _, kind, country = named(nlp, "Abdullah said gunmen stopped the bus near the border.", "Abdullah")
    assert kind != "political leader" and country != "SA"


# --------------------------------------------------------------------------
# Armed groups and international organisations
# --------------------------------------------------------------------------
def test_armed_group_by_name_and_alias(nlp):
    by_name = named(nlp, "Hezbollah fighters fired rockets across the border.", "fighters")
    by_alias = named(nlp, "Hizballah fighters fired rockets across the border.", "fighters")
    assert by_name == by_alias == ("Hezbollah", "rebel group", "LB")


def test_armed_group_without_a_country(nlp):
    assert named(nlp, "Al-Qaeda claimed the bombing of the embassy.", "Qaeda")[1:] == ("rebel group", None)


def test_international_organisation(nlp):
    got = named(nlp, "Amnesty International accused the security forces of torture.", "International")
    assert got == ("Amnesty International", "international organisation", None)


def test_state_body_acts_as_its_government(nlp):
    assert named(nlp, "The Kremlin rejected the proposal.", "Kremlin") == ("Government of Russia", "government", "RU")


def test_namesake_body_of_another_country_is_not_taken(nlp):
    """Phoenix lists the National Security Council under the United States only."""
    _, _, country = named(nlp, "Kazakhstan's National Security Council met on Wednesday.", "Council")
    assert country != "US"


# --------------------------------------------------------------------------
# Ordinary words
# --------------------------------------------------------------------------
def test_ordinary_word_alias_not_matched(nlp):
    """Phoenix gives "YOUTH" as an alias of a Basque group and "ORGANIZATION" of Tanzim."""
    assert ad.lookup("youth") is None and ad.lookup("organization") is None
    assert named(nlp, "Youth threw stones at the police station.", "Youth")[1] != "rebel group"
    assert named(nlp, "The organization condemned the killings.", "organization")[1] != "rebel group"


def test_agent_nouns():
    assert (ad.agent("policemen").code, ad.agent("policemen").kind) == ("~COP", "police")
    assert ad.agent("protesters").kind == "protesters"
    assert ad.agent("soldiers").kind == "military"
    assert ad.agent("Vladimir Putin") is None


# --------------------------------------------------------------------------
# The shipped file is what the script writes
# --------------------------------------------------------------------------
def test_compiled_file_is_reproducible(tmp_path):
    if not (PHOENIX / "README.md").is_file():
        pytest.skip(f"the Phoenix dictionaries are absent ({PHOENIX})")
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "compile-actors"), "--out", str(tmp_path)],
                          capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    for name in ("actor_dictionary.json.gz", "ACTORS-LICENSE.txt"):
        shipped = hashlib.sha256((DATA / name).read_bytes()).hexdigest()
        assert hashlib.sha256((tmp_path / name).read_bytes()).hexdigest() == shipped, (
            f"{name} differs from what scripts/compile-actors writes: rerun it")


def test_dictionary_is_attributed():
    table = ad.dictionary()
    assert table.source["commit"] and "MIT" in (DATA / "ACTORS-LICENSE.txt").read_text("utf-8")
    assert len(table.entries) > 20_000 and len(table.agents) > 3_000


def test_extract_looks_roles_up_on_the_articles_date(nlp):
    """The publication date reaches the lookup: a 1993 article's Yeltsin is the head of state,
    a 2010 article's is no office holder."""
    from eventdesk.extract import extract
    from eventdesk.records import Article

    text = "Boris Yeltsin ordered troops to storm the parliament building in Moscow on Monday."
    kinds = {}
    for year in (1993, 2010):
        article = Article(id=f"a_{year}", source="probe", text=text, published=date(year, 10, 4))
        mentions = extract(nlp(text), article)
        kinds[year] = {a.kind for m in mentions for a in m.actors if "Yeltsin" in (a.text or "")}
    assert kinds[1993] == {"political leader"}
    assert "political leader" not in kinds[2010]
