"""A text longer than any news article is parsed in bounded pieces (the parse of one huge
``Doc`` held about 900 MB at the article length limit), joined back with every offset
unchanged; shorter texts are parsed exactly as before."""

from __future__ import annotations

from typing import Any

import pytest

from sitroom.annotate import long_text
from sitroom.annotate.long_text import parse_texts, split_text

PARAGRAPH = ("Rescue teams from {town} moved {n} families to schools on higher ground on "
             "Saturday, Mayor Lena Farrow said. The water rose within an hour.\n\n")


def _article(paragraphs: int) -> str:
    towns = ("Halden", "Mirov", "Castella", "Ostrava")
    return "".join(PARAGRAPH.format(town=towns[i % 4], n=10 + i) for i in range(paragraphs))


def test_pieces_are_bounded_and_give_back_the_text() -> None:
    text = _article(40)
    pieces = split_text(text, 500)
    assert "".join(pieces) == text
    assert len(pieces) > 1
    assert max(len(piece) for piece in pieces) <= 500
    # Each cut falls after a paragraph break, so each piece starts a paragraph.
    assert all(piece.startswith("Rescue") and piece.endswith("\n\n") for piece in pieces)


def test_a_text_without_breaks_is_cut_at_blanks_then_anywhere() -> None:
    words = "word " * 300
    assert all(p.endswith(" ") for p in split_text(words, 100)[:-1])
    assert "".join(split_text(words, 100)) == words
    solid = "x" * 1050
    assert [len(p) for p in split_text(solid, 100)] == [100] * 10 + [50]
    # A run of blanks longer than a piece is never lost.
    spaced = "a" * 80 + " " * 300 + "b" * 80
    assert "".join(split_text(spaced, 100)) == spaced
    assert split_text("", 100) == [""]


def _signature(doc: Any) -> list[tuple[object, ...]]:
    return [(t.idx, t.text, t.is_sent_start, t.head.i, t.dep_, t.tag_, t.ent_iob_, t.ent_type_)
            for t in doc]


def test_a_long_text_is_parsed_in_pieces_with_offsets_unchanged(
    nlp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(long_text, "WHOLE_PARSE_CHARS", 1_000)
    monkeypatch.setattr(long_text, "PIECE_CHARS", 600)
    short = _article(2)
    text = _article(12)
    seen: list[int] = []
    real_make_doc = nlp.make_doc

    def make_doc(piece: str) -> Any:
        seen.append(len(piece))
        return real_make_doc(piece)

    monkeypatch.setattr(nlp, "make_doc", make_doc)
    docs = list(parse_texts(nlp, [short, text, short], batch_size=8))
    assert [doc.text for doc in docs] == [short, text, short]
    # The pipeline only ever saw pieces within the bound.
    assert max(seen) <= 600 and len(seen) > 3
    long_doc = docs[1]
    # Each piece is parsed as it would be alone, at its place in the whole text.
    offset = 0
    for piece in split_text(text, 600):
        alone = nlp(piece)
        part = long_doc.char_span(offset, offset + len(piece))
        assert part is not None
        assert [(t.idx - offset, t.text, t.dep_, t.ent_type_) for t in part] == [
            (t.idx, t.text, t.dep_, t.ent_type_) for t in alone
        ]
        offset += len(piece)
    assert all(ent.text == text[ent.start_char:ent.end_char] for ent in long_doc.ents)
    assert sum(ent.text == "Lena Farrow" for ent in long_doc.ents) == 12
    # Short texts are parsed exactly as nlp.pipe parses them.
    assert _signature(docs[0]) == _signature(nlp(short)) == _signature(docs[2])
