"""The attribution lexicons: what kind of source a name is, and its affiliation."""

from __future__ import annotations

import pytest

from sitroom.annotate.cues import affiliation_of, looks_like_outlet, source_kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Reuters", "agency"),
        ("the Associated Press", "agency"),
        ("Anadolu Agency", "agency"),
        ("the Karachi Ledger", "outlet"),
        ("Hurriyet newspaper", "outlet"),
        ("Caliber.Az", "outlet"),
        ("a Western security official", "anonymous"),
        ("Turkish security sources", "anonymous"),
        ("an official who asked not to be named", "anonymous"),
        ("people familiar with the matter", "anonymous"),
        ("the Ministry of National Defense", "government"),
        ("Sources at the Ministry of National Defense", "government"),
        ("the foreign office", "government"),
        ("a political scientist", "expert"),
        ("the Syrian Observatory for Human Rights", "organisation"),
        ("Human Rights Watch", "organisation"),
    ],
)
def test_source_kind(text: str, kind: str) -> None:
    assert source_kind(text) == kind


def test_known_outlets_of_the_corpus_count_as_outlets() -> None:
    assert source_kind("Arabi21") != "outlet"
    assert source_kind("Arabi21", known_outlets=frozenset({"arabi21"})) == "outlet"


def test_affiliation_keeps_the_words_that_place_the_source() -> None:
    assert affiliation_of("a Western security official") == "Western security"
    assert affiliation_of("Turkish security sources") == "Turkish security"
    assert affiliation_of("A senior provincial official") == "provincial"
    assert affiliation_of("officials") is None


def test_looks_like_outlet_needs_a_media_word_or_domain() -> None:
    assert looks_like_outlet("Middle East Eye")
    assert looks_like_outlet("News.az")
    assert not looks_like_outlet("the Sindh government")
