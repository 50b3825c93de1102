"""Views of a parsed ``Doc`` that spaCy rebuilds on every access, computed once.

``Doc.text`` joins every token's text on each access, ``Doc.ents`` walks every token and
makes a new ``Span`` per entity, and ``Span.ents`` / ``Token.sent.ents`` do the same for the
whole document before filtering. An extractor that reads them per token or per phrase turns
linear work quadratic (on a 1,000-word article, hundreds of full passes). The helpers here
keep each view in ``doc.user_data`` for the life of the ``Doc``; extraction never edits the
entities, so the views stay true once the pipeline has run.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Any

_TEXT = "sitroom.text"
_ENTS = "sitroom.ents"
_ENT_OF = "sitroom.ent_of"
_SENTS = "sitroom.sent_bounds"
_OFFSETS = "sitroom.token_offsets"
_ENT_TOKENS = "sitroom.ent_token_bounds"
_ENT_CHARS = "sitroom.ent_char_bounds"


def text_of(doc: Any) -> str:
    """``doc.text``, built on first use and reused after."""
    cached = doc.user_data.get(_TEXT)
    if cached is None:
        cached = doc.text
        doc.user_data[_TEXT] = cached
    return str(cached)


def ents_of(doc: Any) -> tuple[Any, ...]:
    """``doc.ents`` (the entity spans in text order), built on first use and reused after."""
    cached = doc.user_data.get(_ENTS)
    if cached is None:
        cached = tuple(doc.ents)
        doc.user_data[_ENTS] = cached
    return tuple(cached)


def entity_at(token: Any) -> Any | None:
    """The entity span ``token`` is part of, or None."""
    doc = token.doc
    index = doc.user_data.get(_ENT_OF)
    if index is None:
        index = [None] * len(doc)
        for ent in ents_of(doc):
            for i in range(ent.start, ent.end):
                index[i] = ent
        doc.user_data[_ENT_OF] = index
    return index[token.i]


def sentence_bounds(token: Any) -> tuple[int, int]:
    """The (start, end) token indices of the sentence holding ``token``: what
    ``token.sent.start`` and ``token.sent.end`` give, without making the span."""
    doc = token.doc
    starts = doc.user_data.get(_SENTS)
    if starts is None:
        starts = [sent.start for sent in doc.sents] + [len(doc)]
        doc.user_data[_SENTS] = starts
    k = bisect_right(starts, token.i) - 1
    return starts[k], starts[k + 1]


def ents_in_sentence(token: Any) -> list[Any]:
    """``token.sent.ents``: the entities wholly inside the sentence holding ``token``."""
    start, end = sentence_bounds(token)
    return _ents_inside(token.doc, start, end, chars=False)


def ents_in_tokens(doc: Any, start: int, end: int) -> list[Any]:
    """The entities wholly inside the tokens ``[start, end)``, in text order."""
    return _ents_inside(doc, start, end, chars=False)


def ents_within(doc: Any, start: int, end: int) -> list[Any]:
    """The entities wholly inside the characters ``[start, end)``, in text order."""
    return _ents_inside(doc, start, end, chars=True)


def _ents_inside(doc: Any, start: int, end: int, *, chars: bool) -> list[Any]:
    # Entities are in text order and never overlap, so their ends are in order too and
    # those inside a range are one run, found by bisection: a pass over every entity per
    # phrase or sentence cost the square of an article of thousands of names.
    key = _ENT_CHARS if chars else _ENT_TOKENS
    bounds = doc.user_data.get(key)
    ents = ents_of(doc)
    if bounds is None:
        bounds = (
            [ent.start_char if chars else ent.start for ent in ents],
            [ent.end_char if chars else ent.end for ent in ents],
        )
        doc.user_data[key] = bounds
    first, last = bisect_left(bounds[0], start), bisect_right(bounds[1], end)
    return list(ents[first:last]) if last > first else []


def tokens_between(doc: Any, start: int, end: int) -> list[Any]:
    """The tokens that begin at a character in ``[start, end)``, in order: what
    ``[t for t in doc if start <= t.idx < end]`` gives, found by bisection instead of a
    pass over the whole document."""
    offsets = doc.user_data.get(_OFFSETS)
    if offsets is None:
        offsets = [token.idx for token in doc]
        doc.user_data[_OFFSETS] = offsets
    first, last = bisect_left(offsets, start), bisect_left(offsets, end)
    return list(doc[first:last]) if last > first else []
