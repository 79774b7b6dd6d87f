"""Copy detection: exact, light and spun copies found; independent reports kept apart."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from datasketch import MinHash

from eventdesk.evaluate.spin import HEAVY, MEDIUM, spin
from eventdesk.link import copies as copies_mod
from eventdesk.link.alignment import COPY_MIN_COVERAGE
from eventdesk.link.copies import (
    MINHASH_SEED,
    NUM_PERM,
    CopyVectors,
    aligned_sentences,
    copy_features,
    copy_score,
    copy_vectors,
    decode_profile,
    find_copies,
)
from eventdesk.link.copy_text import sentences, split_sentences
from eventdesk.run.process import normalised_hash

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "articles"

# An article of our own and a rewrite of it by hand, as a spinner would write it: words swapped
# for synonyms in every sentence, two sentences merged into one. (A rewrite that also recasts
# the clauses is beyond the encoder: "gave way" → "collapsed" alone takes a sentence's cosine
# from 1.0 to 0.66.)
ORIGINAL = """Dam failure floods valley towns

The earthen dam above the town of Varna Hills gave way early on Sunday after a week of heavy rain, officials said.
Water poured into the valley and flooded about 600 homes in three towns downstream.
Rescue teams in boats took more than 2,000 residents to schools on higher ground.
Two people were reported missing near the river, and the search for them continued into the night.
The regional governor said engineers had warned last year that the dam needed urgent repairs.
A state of emergency was declared across the district, and schools will stay closed until Wednesday.
"""
REWRITE = """Valley towns under water after dam bursts

The earthen dam upstream of the town of Varna Hills burst early on Sunday after seven days of downpours, authorities reported.
Floodwater flowed into the valley, submerging around 600 houses in three towns further down, and rescue crews using boats brought over 2,000 people to schools on higher land.
Two people were reported lost near the river, and efforts to find them went on through the night.
The region's governor said engineers had cautioned a year ago that the dam was in need of urgent repairs.
A state of emergency was announced in the district, with schools to remain shut until Wednesday.
"""


class Vectors:
    """CopyVectors by article id, as the store gives them to `find_copies`."""

    def __init__(self) -> None:
        self.by_id: dict[str, CopyVectors] = {}

    def copy_vector_means(self) -> dict[str, bytes]:
        return {k: v.mean for k, v in self.by_id.items()}

    def copy_vectors(self, ids) -> dict[str, bytes]:  # type: ignore[no-untyped-def]
        return {k: self.by_id[k].sentences for k in ids if k in self.by_id}


def _text(name: str) -> str:
    return (EXAMPLES / name).read_text("utf-8")


def _rows(items: list[tuple[str, str, str | None]]) -> tuple[list[dict], Vectors]:
    vectors = Vectors()
    rows = []
    for aid, text, published in items:
        rows.append({"id": aid, "published": published, "content_hash": normalised_hash(text), "features": copy_features(text)})
        found = copy_vectors(text)
        if found is not None:
            vectors.by_id[aid] = found
    return rows, vectors


def test_examples_light_copy_and_spun_rewrite_point_at_the_wire_original() -> None:
    rows, vectors = _rows([(name[:2], _text(name), pub) for name, pub in [
        ("04_rambukkana_shooting.txt", "2022-04-19"), ("05_rambukkana_shooting_asiadesk.txt", "2022-04-19"),
        ("06_rambukkana_shooting_meridian.txt", "2022-04-20"), ("07_rambukkana_aftermath.txt", "2022-04-20"),
        ("01_mirihana_protest.txt", "2022-04-01"), ("17_galle_face_raid_wire.txt", "2022-07-22"),
        ("16_galle_face_raid.txt", "2022-07-22")]])  # fmt: skip
    copies = find_copies(rows, vectors)
    assert copies["05"][0] == "04" and copies["05"][1] >= 0.9
    assert copies["06"][0] == "04" and copies["06"][1] >= 0.6
    assert set(copies) == {"05", "06"}  # 07 (same event, own reporting), 16/17 (same raid) stay apart


def test_a_rewrite_with_the_words_swapped_is_found_by_its_meaning() -> None:
    assert copy_score(ORIGINAL, REWRITE, vectors=False) < COPY_MIN_COVERAGE  # words alone miss it
    assert copy_score(ORIGINAL, REWRITE) >= COPY_MIN_COVERAGE
    rows, vectors = _rows([("orig", ORIGINAL, "2024-05-05"), ("spun", REWRITE, "2024-05-06")])
    assert find_copies(rows, vectors)["spun"][0] == "orig"
    assert find_copies(rows) == {}  # without vectors


def test_merged_sentences_align_as_one_unit() -> None:
    units = aligned_sentences(ORIGINAL, REWRITE)
    sa, sb = split_sentences(ORIGINAL), split_sentences(REWRITE)
    merged = [(a, b) for a, b, _ in units if len(a) == 2]
    assert len(merged) == 1
    (a, b), = merged  # fmt: skip
    assert "flooded about 600 homes" in ORIGINAL[slice(*sa[a[0]])] and "2,000 residents" in ORIGINAL[slice(*sa[a[1]])]
    assert "2,000 people" in REWRITE[slice(*sb[b[0]])]


def test_align_pairs_the_rewritten_sentences_for_display() -> None:
    original, spun = _text("04_rambukkana_shooting.txt"), _text("06_rambukkana_shooting_meridian.txt")
    units = aligned_sentences(original, spun)
    sa, sb = split_sentences(original), split_sentences(spun)
    texts = {(original[slice(*sa[a[0]])], spun[slice(*sb[b[0]])]) for a, b, _ in units if len(a) == len(b) == 1}
    assert len(units) >= 6 and all(0.5 <= s <= 1.0 for _, _, s in units)
    assert ("Police said 15 officers had also been hurt by stones.",
            "Police said 15 officers had also been injured by stones.") in texts  # fmt: skip


def test_shared_samples_are_independent_reports(samples: list[Path]) -> None:
    texts = [p.read_text("utf-8") for p in samples[:2]]
    assert copy_score(texts[0], texts[1]) == 0.0
    rows, vectors = _rows([("a", texts[0], None), ("b", texts[1], None)])
    assert find_copies(rows, vectors) == {}


def test_a_generated_spin_is_detected_and_points_at_its_original(samples: list[Path]) -> None:
    text = samples[0].read_text("utf-8")
    rows, vectors = _rows([("orig", text, "2020-01-01"), ("medium", spin(text, MEDIUM, 1), "2020-01-02"),
                           ("heavy", spin(text, HEAVY, 2), "2020-01-03")])  # fmt: skip
    copies = find_copies(rows, vectors)
    assert copies["medium"][0] == "orig" and copies["heavy"][0] == "orig"


def test_independent_ecb_same_story_reports_are_not_copies(shared: Path) -> None:
    path = shared / "data" / "ecbplus-stories-events" / "ecbplus_dev.jsonl"
    if not path.exists():
        pytest.skip(f"ECB+ dev set not found at {path}")
    docs = {r["doc_id"]: r["text"] for r in map(json.loads, path.read_text("utf-8").splitlines())}
    # Same incident, different outlets; 2_4 and 2_7 quote the same press release word for word;
    # 2_7 (short) repeats six wire sentences of 2_1 (long) but covers only a quarter of it.
    pairs = [("2_4ecbplus", "2_7ecbplus"), ("19_1ecbplus", "19_2ecbplus"), ("8_3ecbplus", "8_9ecbplus"),
             ("2_1ecbplus", "2_7ecbplus")]  # fmt: skip
    for a, b in pairs:
        assert copy_score(docs[a], docs[b]) < COPY_MIN_COVERAGE, (a, b)
        rows, vectors = _rows([(a, docs[a], None), (b, docs[b], None)])
        assert find_copies(rows, vectors) == {}


def test_a_short_piece_quoting_a_long_report_is_not_its_copy() -> None:
    text = _text("04_rambukkana_shooting.txt")
    sents = [text[a:b] for a, b in split_sentences(text) if text[a:b].rstrip().endswith(".")]
    short = "Our correspondent adds:\n" + " ".join(sents[:3]) + "\n"
    assert copy_score(text, short) == 0.0  # all of the short text aligns, little of the long one
    rows, vectors = _rows([("long", text, "2022-04-19"), ("short", short, "2022-04-20")])
    assert find_copies(rows, vectors) == {}


def test_families_do_not_depend_on_ingest_order() -> None:
    text = _text("04_rambukkana_shooting.txt")
    items = [("orig", text, "2022-04-19"), ("other", _text("07_rambukkana_aftermath.txt"), "2022-04-19")]
    rows, vectors = _rows(items + [(f"s{k}", spin(text, MEDIUM, k), "2022-04-20") for k in range(4)])
    forward, backward = find_copies(rows, vectors), find_copies(rows[::-1], vectors)
    roots = {aid: root for aid, (root, _) in forward.items()}  # scores may come from a sibling spin
    assert roots == {aid: root for aid, (root, _) in backward.items()} == {f"s{k}": "orig" for k in range(4)}


def test_exact_duplicates_and_chains_point_at_the_family_root() -> None:
    text = _text("04_rambukkana_shooting.txt")
    first = spin(text, MEDIUM, 5)
    rows, vectors = _rows([("dup", text.upper(), "2022-04-20"), ("orig", text, "2022-04-19"),
                           ("spin", first, "2022-04-21"), ("spin-of-spin", spin(first, MEDIUM, 6), "2022-04-22")])  # fmt: skip
    copies = find_copies(rows, vectors)
    assert copies["dup"] == ("orig", 1.0)
    assert copies["spin"][0] == "orig" and copies["spin-of-spin"][0] == "orig"
    assert "orig" not in copies


def test_article_vectors_give_candidates_within_the_copy_window(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(copies_mod, "CANDIDATE_MIN_JACCARD", 1.01)  # no LSH candidate at all
    text = _text("04_rambukkana_shooting.txt")
    rows, vectors = _rows([("orig", text, "2022-04-19"), ("near", spin(text, MEDIUM, 1), "2022-04-21"),
                           ("late", spin(text, MEDIUM, 2), "2022-06-30")])  # fmt: skip
    copies = find_copies(rows, vectors)
    assert copies["near"][0] == "orig"  # found through the article vectors alone
    assert "late" not in copies  # published 72 days later: outside COPY_WINDOW_DAYS


def test_the_minhash_is_datasketchs() -> None:
    text = _text("04_rambukkana_shooting.txt")
    expected = MinHash(num_perm=NUM_PERM, seed=MINHASH_SEED)
    expected.update_batch(sorted({s.encode() for sent in sentences(text) for s in sent.stems}))
    stored = np.frombuffer(__import__("base64").b64decode(copy_features(text)["copy_minhash"]), dtype="<u4")
    assert np.array_equal(stored, expected.hashvalues)


def test_stored_features_are_compact_and_vectors_keep_their_directions() -> None:
    text = _text("04_rambukkana_shooting.txt")
    feats = copy_features(text)
    assert set(feats) == {"copy_minhash", "copy_sents"} and all(isinstance(v, str) for v in feats.values())
    assert len(feats["copy_minhash"]) + len(feats["copy_sents"]) < 4000
    assert copy_features("") == copy_features("   ")
    from eventdesk.extract import embed

    vectors = copy_vectors(text)
    assert vectors is not None and copy_vectors("   ") is None
    n = len(sentences(text))
    assert len(vectors.mean) == embed.DIM and len(vectors.sentences) == n * embed.DIM
    exact = embed.encoder().encode([text[s.start : s.end] for s in sentences(text)])
    stored = decode_profile(copy_features(text)["copy_sents"], vectors.sentences).vectors
    assert stored is not None
    assert (np.sum(exact * stored, axis=1) > 0.999).all()
