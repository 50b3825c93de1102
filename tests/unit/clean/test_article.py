"""make_article and article_id: identity, outlet, dates, language, words, offsets."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from typing import Any

from sitroom.clean import article_id, clean_text, make_article
from sitroom.types import RawDocument

BODY = (
    "+ ↺ − 16 px\n\n"
    "The federal government on Monday, August 18, 2025, announced an inquiry.He said "
    "the  commission would report within 60 days.\n\nSign up for our newsletter\n"
)


def _raw(**fields: Any) -> RawDocument:
    return replace(RawDocument(locator="in/05.txt", text=BODY, format="text"), **fields)


def test_article_id_is_a_hash_of_the_cleaned_text() -> None:
    text = "Erdoğan spoke."
    expected = "a_" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    assert article_id(text) == expected
    assert article_id(text) != article_id(text + " ")


def test_article_from_a_bare_text_infers_its_date() -> None:
    article, offsets = make_article(_raw())
    assert article.text == (
        "The federal government on Monday, August 18, 2025, announced an inquiry. He said "
        "the commission would report within 60 days."
    )
    assert article.id == article_id(article.text)
    assert article.outlet == "unknown"
    assert article.title is None
    assert article.date_basis == "inferred"
    assert article.date_range == ("2025-08-18", "2025-09-17")
    assert article.published is None  # a range, not a day
    assert article.language == "en"
    assert article.words == len(article.text.split()) == 20
    assert article.files == ("in/05.txt",)
    assert offsets.raw_length == len(BODY)
    start = article.text.index("inquiry")
    raw_start, raw_end = offsets.span_to_raw(start, start + len("inquiry"))
    assert BODY[raw_start:raw_end] == "inquiry"


def test_metadata_and_header_dates_win_over_inference() -> None:
    article, _ = make_article(_raw(published="2025-08-19", date_basis="header"))
    assert (article.published, article.date_basis, article.date_range) == (
        "2025-08-19",
        "header",
        None,
    )
    article, _ = make_article(_raw(published="2025-08-19", date_basis=None))
    assert article.date_basis == "metadata"


def test_an_unparseable_metadata_date_falls_back_to_inference() -> None:
    article, _ = make_article(_raw(published="last Tuesday", date_basis="metadata"))
    assert article.date_basis == "inferred"


def test_a_labelled_date_in_the_text_sets_published() -> None:
    article, _ = make_article(_raw(text="Published: 14 August 2025\nThe river fell again today."))
    assert (article.published, article.date_basis) == ("2025-08-14", "inferred")
    assert article.date_range == ("2025-08-14", "2025-08-14")


def test_no_date_at_all_is_unknown() -> None:
    article, _ = make_article(_raw(text="The river fell again, officials said on Sunday."))
    assert (article.published, article.date_basis, article.date_range) == (None, "unknown", None)


def test_outlet_title_url_and_author_come_from_the_raw_document() -> None:
    article, _ = make_article(
        _raw(
            outlet="Capital Dispatch", title="  Judicial   commission ", url="https://x.example/a"
        ),
        default_outlet="ignored",
    )
    assert (article.outlet, article.title, article.url) == (
        "Capital Dispatch",
        "Judicial commission",
        "https://x.example/a",
    )
    article, _ = make_article(_raw(outlet=None), default_outlet="Sidecar Name")
    assert article.outlet == "Sidecar Name"


def test_boilerplate_is_passed_to_cleaning() -> None:
    raw = _raw(text="Capital Dispatch - national desk\nThe river fell again today in Sukkur.")
    article, _ = make_article(raw, boilerplate=frozenset({"capital dispatch - national desk"}))
    assert article.text == "The river fell again today in Sukkur."


def test_language_is_detected_and_a_declared_one_used_only_for_short_text() -> None:
    french = "Le gouvernement a annoncé une commission d'enquête sur la rupture de la digue."
    article, _ = make_article(_raw(text=french, language="en"))
    assert article.language == "fr"
    article, _ = make_article(_raw(text="Inondations", language="fr-FR"))
    assert article.language == "fr"


def test_an_empty_cleaned_text_is_allowed() -> None:
    article, offsets = make_article(_raw(text="Share\nSign up for our newsletter\n"))
    assert article.text == "" and article.words == 0
    assert article.id == article_id("")
    assert offsets.clean_length == 0


def test_same_text_gives_same_article_id_across_sources() -> None:
    first, _ = make_article(_raw(locator="a.txt"))
    second, _ = make_article(_raw(locator="b.html", text="\n\n" + BODY.replace("  ", " ")))
    assert first.id == second.id
    assert first.id == article_id(clean_text(BODY).text)


def test_first_short_line_of_a_bare_text_is_its_headline() -> None:
    from sitroom.clean.article import headline_of

    assert headline_of("Dam holds as river peaks: officials\nThe dam held overnight.") == (
        "Dam holds as river peaks: officials"
    )
    assert headline_of("The dam held overnight, officials said.\nMore text.") is None
    assert headline_of("Only one line here") is None
    assert headline_of("\n".join(["word " * 30, "more"])) is None
