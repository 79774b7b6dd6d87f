"""The link step's copies over a real store: vectors read from it, old rows given new features."""

from __future__ import annotations

from pathlib import Path

from eventdesk.evaluate.spin import MEDIUM, spin
from eventdesk.link import link
from eventdesk.link.copies import copy_features, copy_vectors
from eventdesk.records import Article
from eventdesk.run.process import normalised_hash
from eventdesk.store import Store

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "articles"


def _article(text: str, name: str, published: str) -> Article:
    from datetime import date

    return Article(id=Article.make_id(text, name), source=name, text=text, raw_text=text, published=date.fromisoformat(published))


def test_link_finds_a_spin_with_the_vectors_the_store_holds(tmp_path: Path) -> None:
    text = (EXAMPLES / "04_rambukkana_shooting.txt").read_text("utf-8")
    store = Store(f"sqlite:///{tmp_path}/s.db")
    orig, spun = _article(text, "orig", "2022-04-19"), _article(spin(text, MEDIUM, 3), "spun", "2022-04-20")
    for a in (orig, spun):
        vectors = copy_vectors(a.text)
        assert vectors is not None
        store.write_article(a, [], {"content_hash": normalised_hash(a.text), **copy_features(a.text)}, (vectors.mean, vectors.sentences))
    assert link(store).copies == 1
    assert {a.id: a.copy_of for a in store.articles()} == {orig.id: None, spun.id: orig.id}


def test_rows_stored_with_older_copy_features_are_given_the_current_ones(tmp_path: Path) -> None:
    text = (EXAMPLES / "04_rambukkana_shooting.txt").read_text("utf-8")
    edited = "Breaking news\n\n" + text + "\nFollow us for updates."
    store = Store(f"sqlite:///{tmp_path}/s.db")
    old = {"copy_sig": "AAAA", "copy_sents": "AAAAAA==:", "entities": ["rambukkana"]}  # an earlier version's keys
    for a in (_article(text, "orig", "2022-04-19"), _article(edited, "edit", "2022-04-20")):
        store.write_article(a, [], {"content_hash": normalised_hash(a.text), **old})
    assert link(store).copies == 1
    features = [r["features"] for r in store.article_rows()]
    assert all("copy_minhash" in f and "copy_sig" not in f and f["entities"] == ["rambukkana"] for f in features)
