"""Quotes in pasted copy: quote marks glued to words, column labels before a colon."""

from __future__ import annotations

import pytest

from sitroom.annotate import load_nlp
from sitroom.annotate.quotes import extract_quotes


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("He said,“Look at it.”", ["He", "said", ",", "“", "Look", "at", "it", ".", "”"]),
        ("“Yes,”said Bob.", ["“", "Yes", ",", "”", "said", "Bob", "."]),
        ("It was “fine”,he said.", ["It", "was", "“", "fine", "”", ",", "he", "said", "."]),
        ("The U.S.” he said", ["The", "U.S.", "”", "he", "said"]),
        ("At 9:30, 1,000 people don’t", ["At", "9:30", ",", "1,000", "people", "do", "n’t"]),
    ],
)
def test_glued_quote_marks_are_tokens_of_their_own(text: str, tokens: list[str]) -> None:
    assert [t.text for t in load_nlp().tokenizer(text)] == tokens


def test_a_quote_glued_to_its_cue_keeps_its_speaker() -> None:
    doc = load_nlp()("The mayor said,“We will rebuild the bridge by spring.”")
    quotes = extract_quotes(doc, "a")
    assert [q.speaker_text for q in quotes] == ["The mayor"]


def test_a_column_label_before_a_colon_is_no_speaker() -> None:
    nlp = load_nlp()
    for label in ("Delegate Update", "Monday's Morning Email"):
        doc = nlp(f"{label}: What you need to know about the vote today.\n\nIt was held.")
        assert extract_quotes(doc, "a") == ()
    doc = nlp("Lindsey Graham: Trump's rhetoric is destroying the party.\n\nHe left.")
    assert [q.speaker_text for q in extract_quotes(doc, "a")] == ["Lindsey Graham"]
