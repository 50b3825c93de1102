"""A run without a blank longer than any word is given a space every MAX_WORD_CHARS
characters, so spaCy's tokenizer (quadratic in the length of one run of punctuation) stays
linear; ordinary long words and addresses are left alone."""

from __future__ import annotations

from sitroom.clean.text import MAX_WORD_CHARS, clean_text


def test_a_long_run_of_punctuation_is_broken_into_bounded_pieces() -> None:
    run = "!?.,;:-" * 1_000
    cleaned = clean_text(f"The levee {run} held, officials said.").text
    assert max(len(word) for word in cleaned.split()) <= MAX_WORD_CHARS
    assert cleaned.replace(" ", "") == f"Thelevee{run}held,officialssaid."  # nothing lost


def test_a_long_address_is_left_whole() -> None:
    url = "https://example.org/" + "a/" * 200
    text = f"The statement is at {url} today."
    assert clean_text(text).text == text
