"""The tokens an extractor can act on, found over the parse's arrays instead of word by word.

Several extractors walk every token of an article and act on few: a reporting verb, a noun
that can name an event, the word ``according``. Walking makes a spaCy ``Token`` object per
word and reads its attributes one by one (200 articles are 230,000 tokens, walked by each
extractor in turn). :func:`indices_with` reads the coarse part of speech, the lower-case form
and the dependency label of every token at once (``Doc.to_array``, kept for the life of the
``Doc``) and gives the positions of the tokens that have one of the asked-for values; the
extractor then makes ``Token`` objects of those alone. It must ask for every value that any
of its tests can pass on: a token left out is a token those tests would have rejected.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

_ARRAYS = "sitroom.token_arrays"
_ANSWERS = "sitroom.token_filter_answers"


def indices_with(doc: Any, parts_of_speech: Iterable[str] = (), words: Iterable[str] = (),
                 dependencies: Iterable[str] = ()) -> list[int]:
    """Positions, in order, of the tokens whose coarse part of speech (``VERB``) is one of
    ``parts_of_speech``, whose lower-case form is one of ``words`` or whose dependency label
    is one of ``dependencies``. The answer is kept for the life of the ``Doc``: an extractor
    may ask the same once per sentence or per phrase."""
    key = (frozenset(parts_of_speech), frozenset(words), frozenset(dependencies))
    answers: dict[Any, list[int]] = doc.user_data.setdefault(_ANSWERS, {})
    found = answers.get(key)
    if found is None:
        found = answers[key] = _find(doc, *key)
    return found


def within(positions: list[int], start: int, end: int) -> list[int]:
    """The positions of :func:`indices_with`'s answer (sorted) in ``[start, end)``: those
    of one sentence or span."""
    return positions[bisect_left(positions, start):bisect_left(positions, end)]


def _find(doc: Any, parts_of_speech: frozenset[str], words: frozenset[str],
          dependencies: frozenset[str]) -> list[int]:
    import numpy

    rows = _arrays(doc)
    wanted = numpy.zeros(len(rows), dtype=bool)
    for column, values in ((0, _part_ids(parts_of_speech)), (1, _string_ids(words)),
                           (2, _string_ids(dependencies))):
        if values:
            # As unsigned 64-bit numbers, the arrays' own type: mixed with signed ones,
            # numpy would compare 64-bit hashes as floats and lose their last bits.
            wanted |= numpy.isin(rows[:, column], numpy.array(values, dtype=numpy.uint64))
    return [int(i) for i in numpy.flatnonzero(wanted)]


def _arrays(doc: Any) -> Any:
    rows = doc.user_data.get(_ARRAYS)
    if rows is None:
        from spacy.attrs import DEP, LOWER, POS

        rows = doc.to_array([POS, LOWER, DEP])
        doc.user_data[_ARRAYS] = rows
    return rows


@lru_cache(maxsize=64)
def _part_ids(names: frozenset[str]) -> list[int]:
    from spacy.parts_of_speech import IDS

    return sorted(IDS[name] for name in names)


@lru_cache(maxsize=64)
def _string_ids(strings: frozenset[str]) -> list[int]:
    # Lower-case forms and dependency labels are stored as the hashes of their strings.
    from spacy.strings import get_string_id

    return sorted(get_string_id(text) for text in strings)
