"""A title written before a name that the parser made a second subject belongs to the
source as attribution corpora mark it; the speaker a report shows stays the name."""

from __future__ import annotations

from typing import Any

from sitroom.annotate.quotes import extract_quotes


def test_title_parsed_as_a_second_subject_joins_the_source(nlp: Any) -> None:
    text = "Vatican spokesman the Rev. Federico Lombardi said the pope was tired."
    (q,) = extract_quotes(nlp(text), "art")
    assert q.source_start is not None and q.source_end is not None
    assert text[q.source_start:q.source_end] == "Vatican spokesman the Rev. Federico Lombardi"
    assert q.speaker_text == "the Rev. Federico Lombardi"


def test_a_subject_set_off_by_a_comma_is_not_a_title(nlp: Any) -> None:
    text = "Trump told reporters on Friday he was fine."
    (q,) = extract_quotes(nlp(text), "art")
    assert q.source_start is not None and q.source_end is not None
    assert text[q.source_start:q.source_end] == "Trump"
