"""A sentence's length is bounded before the parser runs, so the extractors that look at the
whole sentence for each of its verbs (clauses, events) stay linear in the article."""

from __future__ import annotations

from typing import Any

from sitroom.annotate.sentence_cap import HARD_LIMIT, SOFT_LIMIT


def test_text_without_a_full_stop_is_cut_into_bounded_sentences(nlp: Any) -> None:
    text = "the farmers in the valley walked slowly toward the old market and " * 120
    doc = nlp(text)
    lengths = [len(sent) for sent in doc.sents]
    assert len(doc) > 3 * HARD_LIMIT
    assert max(lengths) <= HARD_LIMIT
    assert "".join(sent.text_with_ws for sent in doc.sents) == text  # nothing is dropped


def test_full_stops_the_parser_ignores_do_not_escape_the_bound(nlp: Any) -> None:
    doc = nlp("Mr. " * 1500)
    assert max(len(sent) for sent in doc.sents) <= HARD_LIMIT


def test_a_long_paragraph_of_ordinary_sentences_is_split_where_the_parser_splits(
    nlp: Any,
) -> None:
    sentence = ("The council met on Monday in the northern town and agreed to open two "
                "shelters for families who had lost their homes in the floods. ")
    text = sentence * 30
    doc = nlp(text)
    assert len(doc) > 2 * SOFT_LIMIT
    starts = [sent.start_char for sent in doc.sents]
    assert starts == [i * len(sentence) for i in range(30)]
