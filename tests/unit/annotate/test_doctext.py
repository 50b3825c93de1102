"""The cached views of a Doc give exactly what spaCy's own (rebuilt-per-access) views give."""

from __future__ import annotations

from typing import Any

import pytest

from sitroom.annotate.doctext import (
    entity_at,
    ents_in_sentence,
    ents_of,
    sentence_bounds,
    text_of,
    tokens_between,
)

TEXT = (
    "Syrian army units shelled Idlib on Tuesday, the Syrian Observatory for Human Rights "
    "said.\nIn Geneva, United Nations envoy Geir Pedersen told reporters: \"We are deeply "
    "concerned.\"\n\nAt least 12 people were killed in Aleppo, according to local officials."
)


@pytest.fixture(scope="module")
def doc(nlp: Any) -> Any:
    return nlp(TEXT)


def test_text_and_entities_match_spacy(doc: Any) -> None:
    assert text_of(doc) == doc.text == TEXT
    assert [(e.start, e.end, e.label_) for e in ents_of(doc)] == [
        (e.start, e.end, e.label_) for e in doc.ents
    ]
    assert len(ents_of(doc)) >= 4  # the example names people, places and groups


def test_entity_and_sentence_of_every_token_match_spacy(doc: Any) -> None:
    for token in doc:
        sent = token.sent
        assert sentence_bounds(token) == (sent.start, sent.end)
        assert [(e.start, e.end) for e in ents_in_sentence(token)] == [
            (e.start, e.end) for e in sent.ents
        ]
        ent = entity_at(token)
        holding = [(e.start, e.end) for e in doc.ents if e.start <= token.i < e.end]
        assert ([(ent.start, ent.end)] if ent is not None else []) == holding


@pytest.mark.parametrize("start,end", [(0, 0), (0, 30), (15, 95), (90, 91), (150, 10_000),
                                       (40, 20), (-5, 3)])
def test_tokens_between_is_the_tokens_starting_in_the_range(
    doc: Any, start: int, end: int
) -> None:
    expected = [t.i for t in doc if start <= t.idx < end]
    assert [t.i for t in tokens_between(doc, start, end)] == expected


def test_entities_inside_a_range_are_found_as_a_scan_finds_them(doc: Any) -> None:
    from sitroom.annotate.doctext import ents_in_tokens, ents_within

    for start in range(0, len(doc) + 1, 3):
        for end in range(start, len(doc) + 1, 2):
            assert ents_in_tokens(doc, start, end) == [
                e for e in doc.ents if e.start >= start and e.end <= end
            ]
    for start in range(0, len(TEXT) + 1, 7):
        for end in range(start, len(TEXT) + 1, 5):
            assert ents_within(doc, start, end) == [
                e for e in doc.ents if e.start_char >= start and e.end_char <= end
            ]
