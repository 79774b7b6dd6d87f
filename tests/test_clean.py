"""Tests for the clean stage: real shared samples with pinned removals, invented lines per family."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from eventdesk.clean import clean, clean_text, compile_rules, load_rules, pipe
from eventdesk.errors import ConfigError
from eventdesk.records import Article

# --- The shared samples, pinned line by line ------------------------------------------------
#
# Lines are named by their 0-based index among the file's non-empty lines, so no sample text
# is copied here. The sha256 prefix says which version of the file the pins were read from.


@dataclass(frozen=True)
class Pin:
    sha256: str
    removed: dict[int, str]  # non-empty line index -> expected reason
    cut: dict[int, str] = field(default_factory=dict)  # lines kept with a part cut off


PINS = {
    "000_45d4ff0135e111e0.txt": Pin(
        sha256="2617e2c5456e3221",
        removed={
            1: "caption",  # "Illustration: ..." photo caption under the headline
            6: "pattern: also-read",  # "Also Read:" + unrelated teaser headline
            12: "pattern: also-read",  # "Also Read:" + teaser with a death toll (phantom event)
            16: "outlet sign-off",  # last line: agency name + "(ACRONYM)", no final punctuation
        },
        cut={15: "agency-code"},  # last paragraph ends with an editor code "(X/YY1)"
    ),
    "004_61b0dd8a2f136e9a.txt": Pin(
        sha256="4ec8672e90ca1773",
        removed={
            1: "caption",  # "Credit…<photographer> / <agency> – Getty Images"
            17: "pattern: source-link",  # "Source link"
            18: "author box",  # "About <First> <Last>"
            19: "pattern: check-also",  # "Check Also"
            20: "teaser after check-also",  # title-case teaser headline
            21: "teaser after check-also",  # teaser excerpt ending in "…"
        },
    ),
}
AGENCY_CODE = re.compile(r"^\([A-Z]{1,5}/[A-Z]{1,5}\d{0,3}\)$")


def _normalise(line: str) -> str:
    """Independent reference: NFC, ASCII quotes, collapsed whitespace."""
    line = unicodedata.normalize("NFC", line)
    line = re.sub("[\u2018\u2019]", "'", line)
    line = re.sub("[\u201c\u201d]", '"', line)
    return " ".join(line.split())


def _non_empty(text: str) -> list[tuple[int, str]]:
    """(raw line number, line) for every non-empty line."""
    return [(no, line) for no, line in enumerate(text.split("\n")) if line.strip()]


def _pin(path: Path) -> Pin:
    pin = PINS.get(path.name)
    if pin is None:
        pytest.skip(f"{path.name} has no pinned lines yet: read it and add a Pin to PINS")
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    assert digest.startswith(pin.sha256), (
        f"{path.name} changed since it was pinned; re-read and re-pin"
    )
    return pin


def _cleaned(path: Path) -> Article:
    raw = path.read_text("utf-8")
    return clean(Article(id="x", source=str(path), text="", raw_text=raw))


def test_every_sample_is_pinned(samples: list[Path]) -> None:
    assert {p.name for p in samples} <= set(PINS), "a new sample needs its pinned lines"


def test_samples_remove_exactly_the_pinned_boilerplate(samples: list[Path]) -> None:
    for path in samples:
        pin = _pin(path)
        article = _cleaned(path)
        rows = _non_empty(path.read_text("utf-8"))
        whole = {r.line_no: r.reason for r in article.removed if not AGENCY_CODE.match(r.text)}
        expected = {rows[i][0]: reason for i, reason in pin.removed.items()}
        assert whole == expected, path.name


def test_samples_keep_every_content_line(samples: list[Path]) -> None:
    for path in samples:
        pin = _pin(path)
        article = _cleaned(path)
        rows = _non_empty(path.read_text("utf-8"))
        cuts = {r.line_no: r for r in article.removed if r.line_no in {rows[i][0] for i in pin.cut}}
        expected = []
        for index, (no, line) in enumerate(rows):
            if index in pin.removed:
                continue
            line = _normalise(line)
            if index in pin.cut:
                assert line.endswith(" " + cuts[no].text), (path.name, index)
                line = line.removesuffix(" " + cuts[no].text)
            expected.append(line)
        assert [line for line in article.text.split("\n") if line] == expected, path.name


def test_samples_cut_agency_codes_and_keep_their_paragraph(samples: list[Path]) -> None:
    for path in samples:
        pin = _pin(path)
        article = _cleaned(path)
        rows = _non_empty(path.read_text("utf-8"))
        for index, reason in pin.cut.items():
            (cut,) = [r for r in article.removed if r.line_no == rows[index][0]]
            assert cut.reason == reason
            assert AGENCY_CODE.match(cut.text)
            assert cut.text not in article.text


def test_samples_text_is_normalised(samples: list[Path]) -> None:
    for path in samples:
        article = _cleaned(path)
        rows = _non_empty(path.read_text("utf-8"))
        assert article.text.split("\n")[0] == _normalise(rows[0][1]), "headline kept"
        assert "\n\n\n" not in article.text
        assert not re.search("[\u2018\u2019\u201c\u201d\u00a0]|  | \n", article.text)
        assert article.text == unicodedata.normalize("NFC", article.text)
        assert article.text == article.text.strip()


def test_sample_figures(samples: list[Path]) -> None:
    removed = kept = 0
    for path in samples:
        pin = _pin(path)
        removed += len(pin.removed)
        kept += len(_non_empty(path.read_text("utf-8"))) - len(pin.removed)
    assert removed == 10 and kept == 29  # both samples: 10 lines removed (+1 code cut), 29 kept


# --- Invented text: each pattern family ------------------------------------------------------

HEADLINE = "Storm floods coastal towns as rivers burst their banks"
LEAD = (
    "Heavy rain flooded several coastal towns on Tuesday, forcing hundreds of families to leave "
    "their homes, local officials said."
)
BODY = "Rescue teams worked through the night to reach villages cut off by the water."
END = "The weather service warned that more rain was expected later in the week."


def _text(*middle: str, bottom: tuple[str, ...] = ()) -> str:
    return "\n\n".join([HEADLINE, LEAD, *middle, BODY, END, *bottom])


def _removed(raw: str) -> dict[str, str]:
    _, removed = clean_text(raw)
    return {r.text: r.reason for r in removed}


MID_ARTICLE = [
    ("Also read: Markets rally after surprise rate decision", "pattern: also-read"),
    ("READ ALSO: Floods displace thousands in the delta", "pattern: also-read"),
    ("Read more", "pattern: also-read"),
    ("Related: Ceasefire talks stall for a third week", "pattern: also-read"),
    ("See also: A timeline of the crisis", "pattern: also-read"),
    ("Related Stories", "pattern: also-read"),
    ("Source link", "pattern: source-link"),
    ("Photo: Firefighters at the scene on Monday. (City Wire)", "caption"),
    ("Image: A burned-out car near the ministry", "caption"),
    ("Illustration: map of the affected districts", "caption"),
    ("Credit: Jane Roe for The Example Times", "caption"),
    ("Credit\u2026Jane Roe/Example Agency", "caption"),
    ("(Photo by Jane Roe/Example Press)", "caption"),
    ("File photo: Protesters in the capital last year.", "caption"),
    ("Jane Roe / Example Agency - Getty Images", "caption"),
    ("Share this article", "share prompt"),
    ("Follow us on Telegram for the latest updates", "share prompt"),
    ("Subscribe to our newsletter", "share prompt"),
    ("Click here to read the full report.", "share prompt"),
    ("Sign up for our morning briefing", "share prompt"),
    ("Advertisement", "page chrome"),
    ("Continue reading the main story", "page chrome"),
    ("Comments", "page chrome"),
    ("Copyright \u00a9 2031 Example Media Group. All rights reserved.", "copyright"),
    ("All rights reserved.", "copyright"),
    ("About Jane Roe", "author box"),
    ("ABOUT JANE ROE", "author box"),
]


@pytest.mark.parametrize(("line", "reason"), MID_ARTICLE)
def test_boilerplate_line_is_removed_mid_article(line: str, reason: str) -> None:
    text, removed = clean_text(_text(line))
    assert {r.reason for r in removed if r.text == _normalise(line)} == {reason}
    assert _normalise(line) not in text.split("\n")
    assert LEAD in text and BODY in text and END in text


BOTTOM = [
    (
        (
            "Jane Roe is a senior reporter for The Example Times, covering security and "
            "migration across the region."
        ),
        "author bio",
    ),
    ("Example Press Agency (EPA)", "outlet sign-off"),
    ("Example News Network (ENN)Ministers Agree New Border Deal", "outlet sign-off"),
    ("Example Daily News Agency", "outlet sign-off"),
]


@pytest.mark.parametrize(("line", "reason"), BOTTOM)
def test_boilerplate_line_is_removed_at_the_bottom(line: str, reason: str) -> None:
    text, removed = clean_text(_text(bottom=(line,)))
    assert [(r.text, r.reason) for r in removed] == [(line, reason)]
    assert text.endswith(END)


def test_author_box_bio_and_signoff_chain_at_the_bottom() -> None:
    bottom = ("About Jane Roe", BOTTOM[0][0], "Example Press Agency (EPA)")
    _, removed = clean_text(_text(bottom=bottom))
    assert [r.reason for r in removed] == ["author box", "author bio", "outlet sign-off"]


def test_check_also_removes_the_teasers_after_it_and_stops_at_content() -> None:
    teaser = (
        "Voters head to the polls this weekend in a race that has divided the country and "
        "left many undecided..."
    )
    raw = _text("Check Also", "Ten Things to Know About the Vote", teaser)
    text, removed = clean_text(raw)
    assert [r.reason for r in removed] == [
        "pattern: check-also",
        "teaser after check-also",
        "teaser after check-also",
    ]
    assert BODY in text and END in text


def test_bare_also_read_takes_the_headline_on_the_next_line() -> None:
    raw = _text("Also Read:\nMinisters Agree New Border Deal")
    assert _removed(raw) == {
        "Also Read:": "pattern: also-read",
        "Ministers Agree New Border Deal": "teaser after also-read",
    }


def test_agency_code_is_cut_and_its_paragraph_kept() -> None:
    text, removed = clean_text(_text(bottom=("Officials said the dam would hold. (LL/KR2)",)))
    assert text.endswith("Officials said the dam would hold.")
    assert [(r.text, r.reason) for r in removed] == [("(LL/KR2)", "agency-code")]


def test_photo_credit_is_cut_from_the_end_of_a_paragraph() -> None:
    line = "Rescuers searched the rubble on Sunday. (Photo by Jane Roe/Example Press)"
    text, removed = clean_text(_text(line))
    assert "Rescuers searched the rubble on Sunday.\n" in text
    assert [(r.text, r.reason) for r in removed] == [
        ("(Photo by Jane Roe/Example Press)", "caption")
    ]


def test_removed_line_numbers_point_into_the_raw_text() -> None:
    raw = "Headline here\r\n\r\n\r\nFirst paragraph.\r\nAdvertisement\r\n\r\nLast paragraph."
    _, removed = clean_text(raw)
    assert [(r.line_no, r.reason) for r in removed] == [(4, "page chrome")]
    assert raw.replace("\r\n", "\n").split("\n")[4] == "Advertisement"


# --- Kept: the headline and ordinary sentences ---------------------------------------------------

KEPT = [
    "Police said they would follow up on the reports.",
    "About 300 people gathered in the square.",
    "About 40 percent of the ballots were counted by midnight",
    "Residents were asked to read the notice posted at the station.",
    "A photo of the damage was shared widely on social media.",
    "The source of the fire is still unknown, officials said.",
    "Sources said the convoy was attacked near the border.",
    "Follow-up talks are planned for next week.",
    "Related protests broke out in three other cities.",
    "Share prices fell 3 percent on Monday.",
    "Like us, they want peace, one protester said.",
    "Comments by the minister angered the opposition.",
    "Advertisement revenue fell sharply last year.",
    "Credit Suisse shares fell after the report.",
    "Jane Roe is a reporter for the Example Times who was detained in March.",
    "John Doe was a photographer for the Example Agency for twenty years.",
    "The United Nations Children's Fund (UNICEF) said 12 children died.",
    "Read the full statement below, the ministry said in a post.",
    "Images from the scene showed collapsed homes and flooded roads.",
]


@pytest.mark.parametrize("line", KEPT)
def test_ordinary_sentence_is_kept_mid_article(line: str) -> None:
    text, removed = clean_text(_text(line))
    assert line in text.split("\n") and removed == []


@pytest.mark.parametrize("line", KEPT)
def test_ordinary_sentence_is_kept_as_the_last_line(line: str) -> None:
    text, removed = clean_text(_text(bottom=(line,)))
    assert text.endswith(line) and removed == []


@pytest.mark.parametrize(
    "headline", ["Read more about the floods", "Advertisement", "About Jane Roe"]
)
def test_first_line_is_the_headline_and_is_kept(headline: str) -> None:
    text, removed = clean_text(f"{headline}\n\n{LEAD}")
    assert text.split("\n")[0] == headline and removed == []


# --- Normalisation ------------------------------------------------------------------------------


def test_quotes_become_ascii() -> None:
    raw = "Title\n\n\u201cWe won\u2019t leave,\u201d she said of the \u2018camp\u2019. \u00abNo\u00bb, \u201eja\u201c."
    text, _ = clean_text(raw)
    assert text == 'Title\n\n"We won\'t leave," she said of the \'camp\'. "No", "ja".'


def test_nfc_spaces_and_blank_lines() -> None:
    raw = "  Title  \n\n\n\n\nCafe\u0301 owners\u00a0 met\t on  Monday.   \nThey left.\n\n\n\nEnd.\n\n"
    text, removed = clean_text(raw)
    assert text == "Title\n\nCaf\u00e9 owners met on Monday.\nThey left.\n\nEnd."
    assert removed == []


def test_removed_line_separates_paragraphs() -> None:
    text, _ = clean_text("Title\n\nOne.\nAdvertisement\nTwo.")
    assert text == "Title\n\nOne.\n\nTwo."


# --- The stage function ---------------------------------------------------------------------------


def test_clean_returns_a_copy_and_uses_raw_text() -> None:
    raw = _text("Advertisement")
    article = Article(id="a1", source="mem", text="", raw_text=raw)
    cleaned = clean(article)
    assert article.text == "" and article.removed == []
    assert cleaned.raw_text == raw and "Advertisement" not in cleaned.text
    assert [r.reason for r in cleaned.removed] == ["page chrome"]


def test_clean_falls_back_to_text_and_is_idempotent() -> None:
    article = Article(id="a1", source="mem", text=_text("Share this article"))
    once = clean(article)
    assert once.raw_text == article.text
    assert clean(once) == once


def test_clean_keeps_the_headline_of_an_all_boilerplate_article() -> None:
    assert clean(Article(id="e", source="mem", text="")).text == ""
    cleaned = clean(Article(id="e", source="mem", text="Title\n\nAdvertisement\n\nSource link"))
    assert cleaned.text == "Title" and len(cleaned.removed) == 2 and cleaned.skipped is None


def test_pipe_cleans_in_order() -> None:
    articles = [Article(id=str(i), source="mem", text=_text("Read more")) for i in range(3)]
    assert [a.id for a in pipe(articles)] == ["0", "1", "2"]


# --- The rules file ---------------------------------------------------------------------------


def test_rules_are_loaded_once() -> None:
    assert load_rules() is load_rules()
    assert {f.name for f in load_rules().lines} >= {"also-read", "check-also", "caption"}


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({"name": "x", "reason": "x"}, "has no 'patterns'"),
        ({"name": "x", "reason": "x", "patterns": ["("]}, "bad regex"),
        ({"name": "x", "reason": "x", "patterns": ["a"], "strength": "huge"}, "strength 'huge'"),
    ],
)
def test_bad_rules_raise_config_error_naming_the_entry(
    entry: dict[str, object], message: str
) -> None:
    with pytest.raises(ConfigError, match=message):
        compile_rules({"line": [entry]})
