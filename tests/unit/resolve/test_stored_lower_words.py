"""The corpus's lower-case words kept between builds: the same words as a scan of every
text, scanning only the texts a build adds."""

from __future__ import annotations

from sitroom.resolve.stored_lower_words import StoredLowerWords, lower_words
from tests.unit.memo_table import MemoTable

TEXTS = {
    "a": "The Media office in Bantam said media were told.",
    "b": "Officials in Lebanon met; pro-government crowds gathered in the square.",
    "c": "A bantam rooster crossed the road near Media.",
}


def _build(memo: MemoTable, texts: dict[str, str]) -> tuple[frozenset[str], int]:
    stored = StoredLowerWords(memo, "lower_words:test")
    words = stored.words_of(texts)
    stored.save(memo)
    return words, stored.scanned


def test_lower_words_are_the_words_written_in_lower_case_alone() -> None:
    words = lower_words([TEXTS["b"]])
    assert {"met", "crowds", "in", "the"} <= words
    assert "government" not in words and "pro" not in words  # part of a hyphenated word
    assert "lebanon" not in words and "officials" not in words


def test_an_add_scans_only_the_new_texts_and_finds_what_a_full_scan_finds() -> None:
    memo = MemoTable()
    first = {k: TEXTS[k] for k in ("a", "b")}
    assert _build(memo, first) == (lower_words(first.values()), 2)
    words, scanned = _build(memo, TEXTS)
    assert words == lower_words(TEXTS.values())
    assert "bantam" in words and "bantam" not in lower_words(first.values())
    assert scanned == 1
    assert _build(memo, TEXTS) == (words, 0)  # nothing new: nothing scanned


def test_a_build_without_an_article_scans_everything_again() -> None:
    memo = MemoTable()
    _build(memo, TEXTS)
    fewer = {k: TEXTS[k] for k in ("a", "b")}
    words, scanned = _build(memo, fewer)
    assert words == lower_words(fewer.values())
    assert "bantam" not in words  # the words only c wrote are gone with it
    assert scanned == 2
