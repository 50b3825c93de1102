"""Parse a very long text in bounded pieces, so its parse costs bounded memory.

spaCy's statistical components (tok2vec, tagger, parser, ner) hold working arrays for the
whole ``Doc`` they are given: one text of 300,000 characters (the article length limit)
raised a process's peak by about 900 MB while it was parsed, against 100 MB for 30,000.

:func:`parse_texts` stands in for ``nlp.pipe``: a text up to :data:`WHOLE_PARSE_CHARS` is
parsed as before (no news article of the AllSides 8,000 is longer than 48,400 characters, so
ordinary articles keep exactly their parse); a longer one is cut into pieces of at most
:data:`PIECE_CHARS` characters, at a paragraph break where there is one (else a line break,
else a blank), each piece goes through the pipeline's components up to the statistical
entity recogniser, and the pieces are joined back into one ``Doc`` (``Doc.from_docs``) with
the same text, so every character offset is unchanged. The components that read the
article as a whole (sitroom's gazetteer keeps a surname when the full name is elsewhere in
the text) then run once on the joined ``Doc``. A piece starts a sentence, so only where a
sentence ends can change, and only in texts longer than any news article.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

#: Texts up to this length are parsed whole, exactly as before.
WHOLE_PARSE_CHARS = 60_000
#: The most characters one piece of a longer text holds.
PIECE_CHARS = 20_000
#: Breaks to cut at, best first: a paragraph, a line, a blank.
_BREAKS = ("\n\n", "\n", " ")
#: The first component that reads the whole article; it and those after it run once on the
#: joined ``Doc``. Named here rather than imported so this module loads without spaCy.
_WHOLE_TEXT_COMPONENT = "sitroom_gazetteer"


def parse_texts(nlp: Any, texts: Iterable[str], batch_size: int) -> Iterator[Any]:
    """One parsed ``Doc`` per text, in order, like ``nlp.pipe(texts, batch_size=...)``."""
    short: list[str] = []
    for text in texts:
        if len(text) <= WHOLE_PARSE_CHARS:
            short.append(text)
            continue
        yield from nlp.pipe(short, batch_size=batch_size)
        short = []
        yield parse_in_pieces(nlp, text)
    yield from nlp.pipe(short, batch_size=batch_size)


def parse_in_pieces(nlp: Any, text: str) -> Any:
    """``text`` parsed piece by piece (see the module docstring) and joined into one ``Doc``."""
    from spacy.tokens import Doc

    names = list(nlp.pipe_names)
    split = names.index(_WHOLE_TEXT_COMPONENT) if _WHOLE_TEXT_COMPONENT in names else len(names)
    piecewise = names[:split]
    parts = []
    for piece in split_text(text, PIECE_CHARS):
        doc = nlp.make_doc(piece)
        for name in piecewise:
            doc = nlp.get_pipe(name)(doc)
        parts.append(doc)
    doc = Doc.from_docs(parts, ensure_whitespace=False)
    del parts
    for name in names[split:]:
        doc = nlp.get_pipe(name)(doc)
    return doc


def split_text(text: str, limit: int) -> list[str]:
    """``text`` cut into pieces of at most ``limit`` characters whose concatenation is
    ``text``; each cut falls just after a run of blanks, the best break of
    :data:`_BREAKS` in the piece's second half, or at ``limit`` when it has no blank."""
    pieces: list[str] = []
    start = 0
    while len(text) - start > limit:
        end = _cut(text, start, start + limit)
        pieces.append(text[start:end])
        start = end
    if start < len(text) or not pieces:
        pieces.append(text[start:])
    return pieces


def _cut(text: str, start: int, stop: int) -> int:
    """Where the piece from ``start`` ends, at most at ``stop``: just after the run of blanks
    around the last break in the piece's second half, so the next piece starts on a word and
    the run is tokenized as in the whole text; just before the run if it reaches past
    ``stop``; at ``stop`` if the second half has no blank at all."""
    low = start + (stop - start) // 2  # pieces of at least half the limit
    for mark in _BREAKS:
        found = text.rfind(mark, low, stop)
        if found < 0:
            continue
        end = found + len(mark)
        while end < stop and text[end].isspace():
            end += 1
        if end < stop or not text[stop : stop + 1].isspace():
            return end
        while found > low and text[found - 1].isspace():
            found -= 1
        if found > low:
            return found
    return stop
