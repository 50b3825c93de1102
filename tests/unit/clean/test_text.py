"""clean_text: whitespace, page residue, repeats, sentence breaks, offsets, the seeds."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitroom.clean import clean_text
from sitroom.ingest.text import split_header

from .offsets_check import assert_offsets_exact, inserted_positions

SEED_RESIDUE = (
    "16 px",
    "Sunna Files Free Newsletter",
    "Stay updated with our latest reports",
    "reported. reported.",
)


def test_whitespace_is_collapsed_and_lines_become_paragraphs() -> None:
    raw = "  First   line\there.\r\n\r\n\r\nSecond  line.\nThird line.  \n"
    cleaned = clean_text(raw)
    assert cleaned.text == "First line here.\n\nSecond line.\n\nThird line."
    assert_offsets_exact(raw, cleaned)


def test_empty_and_blank_texts_clean_to_nothing() -> None:
    assert clean_text("").text == ""
    assert clean_text(" \n\t\n ").text == ""


def test_a_line_continuing_in_lower_case_joins_the_previous_one() -> None:
    cleaned = clean_text("The army said the\nconvoy was stopped.\nA new paragraph.")
    assert cleaned.text == "The army said the convoy was stopped.\n\nA new paragraph."


def test_hard_wrapped_text_is_joined_into_paragraphs() -> None:
    raw = (
        "Officials in the province said on Tuesday that the\n"
        "embankment had failed after days of pressure from\n"
        "Rising water, and that Army engineers were on their\n"
        "Way to the breach.\n\n"
        "A second paragraph starts here.\n"
    )
    cleaned = clean_text(raw)
    assert cleaned.text.split("\n\n") == [
        "Officials in the province said on Tuesday that the embankment had failed after days "
        "of pressure from Rising water, and that Army engineers were on their Way to the breach.",
        "A second paragraph starts here.",
    ]


def test_diacritics_spelling_and_quote_marks_are_kept() -> None:
    raw = "Erdoğan met Ayşe Kılıç in Türkiye. “We agree,” she said — colour, centre."
    assert clean_text(raw).text == raw


def test_invisible_characters_are_removed() -> None:
    cleaned = clean_text("Erdo\u00adgan\u200b said it.")
    assert cleaned.text == "Erdogan said it."


@pytest.mark.parametrize(
    "widget",
    ["+ ↺ − 16 px", "A A A", "Print", "Share", "A- A A+", "Share | Tweet | Email", "16px"],
)
def test_widget_lines_are_dropped(widget: str) -> None:
    cleaned = clean_text(f"Floods hit the district.\n{widget}\nThe toll rose to 41.")
    assert cleaned.text == "Floods hit the district.\n\nThe toll rose to 41."


def test_widgets_glued_to_a_line_are_cut_but_words_are_not() -> None:
    assert clean_text("+ ↺ − 16 px Clashes continue in the north.").text == (
        "Clashes continue in the north."
    )
    assert clean_text("A man said the road was cut. Share Print").text == (
        "A man said the road was cut."
    )
    assert clean_text("A A man said it").text == "A A man said it"
    for prose in ("- Reporting by Jane Doe.", "— Frank Baum", "( PHOTOS: The flood)", "* Note"):
        assert clean_text(prose).text == prose
    assert clean_text("They agreed to share the water.").text == "They agreed to share the water."


def test_lone_numbers_and_headings_are_kept() -> None:
    raw = "2020\n\nAssad's missed opportunity\n\nIn 2020, forces launched an offensive."
    assert clean_text(raw).text == raw


@pytest.mark.parametrize(
    "promo",
    [
        "Sign up for our free newsletter",
        "Follow us on Twitter and Facebook",
        "Share this article",
        "We use cookies to improve your experience.",
        "© 2025 Example Media. All rights reserved.",
        "Read more: Floods in the south",
        "Stay informed: get the top stories delivered to your inbox every morning by "
        "subscribing to our daily briefing, free of charge and easy to cancel.",
    ],
)
def test_promotion_lines_are_dropped(promo: str) -> None:
    cleaned = clean_text(f"The barrage held overnight.\n{promo}\nEngineers stayed on site.")
    assert cleaned.text == "The barrage held overnight.\n\nEngineers stayed on site."


def test_a_news_sentence_that_mentions_a_subscription_is_kept() -> None:
    raw = (
        "The provincial government said residents who subscribe to its text alerts received a "
        "warning two hours before the water arrived."
    )
    assert clean_text(raw).text == raw


def test_the_promotion_block_closing_a_page_goes_whole() -> None:
    raw = (
        "The river fell below the danger mark on Sunday.\n"
        "By Jane Doe\n"
        "Newsletter\n"
        "Email address\n"
        "Subscribe\n"
    )
    assert clean_text(raw).text == "The river fell below the danger mark on Sunday.\n\nBy Jane Doe"


def test_outlet_boilerplate_lines_are_dropped_in_any_spacing_or_case() -> None:
    raw = "Daily  Flood Watch - Your river news\nThe river rose.\nTHE END OF THE WIRE"
    cleaned = clean_text(
        raw, frozenset({"daily flood watch - your river news", "the end of the wire"})
    )
    assert cleaned.text == "The river rose."


def test_words_repeated_at_the_end_are_removed() -> None:
    raw = "The agency said the dam held, the newspaper reported. reported.\n\nNext."
    cleaned = clean_text(raw)
    assert cleaned.text == "The agency said the dam held, the newspaper reported.\n\nNext."
    assert clean_text("It rose again. It rose again.").text == "It rose again."


def test_ordinary_doublings_are_kept() -> None:
    for raw in ("He said no, no.", "It was very very slow.", "Bora Bora is far."):
        assert clean_text(raw).text == raw


def test_a_paragraph_repeated_right_after_itself_or_at_the_end_is_dropped() -> None:
    lede = "The embankment failed early on Tuesday, officials said."
    raw = f"{lede}\n{lede}\nRescue teams arrived.\n{lede}"
    assert clean_text(raw).text == f"{lede}\n\nRescue teams arrived."


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("as Ozer explained.He noted the risk.", "as Ozer explained. He noted the risk."),
        (
            "finds unacceptable.“These are linked,” he said.",
            "finds unacceptable. “These are linked,” he said.",
        ),
        (
            "“We will stay,” he said.”On Monday it rained.",
            "“We will stay,” he said.” On Monday it rained.",
        ),
        ('He said "we stay."Then he left.', 'He said "we stay." Then he left.'),
        ("It ended in 2019.The next year began.", "It ended in 2019. The next year began."),
        ("Was it planned?Nobody knows.", "Was it planned? Nobody knows."),
    ],
)
def test_run_together_sentences_get_a_space(raw: str, expected: str) -> None:
    cleaned = clean_text(raw)
    assert cleaned.text == expected
    assert len(inserted_positions(cleaned)) == 1
    assert_offsets_exact(raw, cleaned)


@pytest.mark.parametrize(
    "raw",
    [
        "The new U.S. administration spoke.",
        "Use tools, e.g. pumps, for 3.5 hours.",
        "He flew to St.Louis and Mr.Khan met him.",
        "Caliber.Az reports via foreign media.",
        "See www.Example.com/News for more.",
        "Write to press@Agency.org today.",
        "J.K. Rowling wrote it.",
        "She holds a Ph.D. in hydrology.",
    ],
)
def test_abbreviations_decimals_and_addresses_are_not_split(raw: str) -> None:
    assert clean_text(raw).text == raw


def test_inserted_characters_map_to_where_they_were_added() -> None:
    raw = "Line one.\n\n\nas he explained.He left."
    cleaned = clean_text(raw)
    assert cleaned.text == "Line one.\n\nas he explained. He left."
    space = cleaned.text.index(" He")
    assert cleaned.offsets.to_raw(space) == raw.index("He left")
    start = cleaned.text.index("explained")
    assert cleaned.offsets.span_to_raw(start, start + len("explained.")) == (
        raw.index("explained"),
        raw.index("explained") + len("explained."),
    )


def test_offsets_round_trip_on_a_messy_text() -> None:
    raw = (
        "\ufeff  + ↺ − 16 px\r\n\r\nThe  river\trose.It broke   through at 3 a.m.\r\n"
        "Share\r\nOfficials were\r\nnot sure.\u00a0\u00a0Nobody was warned.\r\n\r\n"
        "Sign up for our newsletter\r\nThe toll is 41, the agency reported. reported.\r\n"
    )
    cleaned = clean_text(raw)
    assert "16 px" not in cleaned.text and "Share" not in cleaned.text
    assert "rose. It broke" in cleaned.text
    assert cleaned.text.endswith("the agency reported.")
    assert assert_offsets_exact(raw, cleaned) > 50


def _seed_bodies(seeds_dir: Path) -> list[tuple[str, str]]:
    bodies = []
    for path in sorted(seeds_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        _header, offset = split_header(text)
        bodies.append((path.name, text[offset:]))
    assert len(bodies) == 5
    return bodies


def test_seed_residue_is_gone(seeds_dir: Path) -> None:
    for name, body in _seed_bodies(seeds_dir):
        cleaned = clean_text(body).text
        for residue in SEED_RESIDUE:
            assert residue not in cleaned, (name, residue)


def test_no_sentence_of_the_seeds_is_lost(seeds_dir: Path) -> None:
    """Every line of more than 12 words survives (spacing aside), except the residue."""
    checked = 0
    for name, body in _seed_bodies(seeds_dir):
        squeezed = "".join(clean_text(body).text.split())
        for line in body.splitlines():
            if len(line.split()) <= 12 or "newsletter" in line.lower():
                continue
            expected = line.replace("reported. reported.", "reported.")
            assert "".join(expected.split()) in squeezed, (name, line[:80])
            checked += 1
    assert checked >= 50


def test_seed_run_together_sentences_are_separated(seeds_dir: Path) -> None:
    joined = "\n".join(clean_text(body).text for _name, body in _seed_bodies(seeds_dir))
    assert "explained.He" not in joined and "explained. He" in joined
    assert "Caliber.Az" in joined and "U.S." in joined


def test_seed_offsets_round_trip(seeds_dir: Path) -> None:
    for _name, body in _seed_bodies(seeds_dir):
        cleaned = clean_text(body)
        assert assert_offsets_exact(body, cleaned, samples=300) > 100


def test_cleaning_is_idempotent_on_the_seeds(seeds_dir: Path) -> None:
    for _name, body in _seed_bodies(seeds_dir):
        once = clean_text(body).text
        assert clean_text(once).text == once
