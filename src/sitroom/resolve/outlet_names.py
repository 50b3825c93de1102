"""Where an article writes the name of a news outlet, so that no place is read inside it.

``Middle East Eye``, ``Karachi Ledger`` or ``Kyiv Independent`` hold a place name, and the
entity recogniser often labels the whole name a location. A report that puts the outlet on the
map, or counts its home town as a scene, misleads the reader. The outlets a corpus knows are:

- the outlet of each of its articles (from the metadata);
- the sources its articles cite as outlets or wire agencies (the citation step's ``told
  Middle East Eye``, ``according to the Karachi Ledger``);
- organisation mentions that read as a publication's name (``the Sukkur Sentinel``).

Every place mention that overlaps one of their names in the text is dropped. A name that is
itself a place's name (an outlet called after its town alone, ``The Atlantic``) is left out:
there the text more often means the place; and a name written as part of a longer
capitalised name (``Hill`` in ``Capitol Hill``) is not the outlet.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache

from ..annotate.cues import looks_like_outlet
from ..types import Article, DocAnnotations
from .name_trie import any_name

#: Citation kinds that name a publication or broadcaster.
OUTLET_KINDS = frozenset({"outlet", "agency"})
#: Mention labels of organisations whose name may be a publication's.
ORGANISATION_LABELS = frozenset({"ORG"})
_LEADING_THE = re.compile(r"^(?:the|The)\s+")


def _bare(name: str) -> str:
    return _LEADING_THE.sub("", name.strip()).strip(" .,;:'’\"")


def known_outlets(
    articles: Iterable[Article],
    annotations: Iterable[DocAnnotations],
    is_place_name: Callable[[str], bool],
) -> frozenset[str]:
    """The outlet names of a corpus as written (without a leading ``the``), leaving out
    names that are a place's name and nothing else (``is_place_name``) or hold no capital
    letter (metadata such as ``unknown``)."""
    names = {_bare(a.outlet) for a in articles if a.outlet}
    for doc in annotations:
        names.update(_bare(c.source_text) for c in doc.citations if c.kind in OUTLET_KINDS)
    return frozenset(n for n in names if any(ch.isupper() for ch in n) and not is_place_name(n))


def _pattern(names: Iterable[str]) -> re.Pattern[str] | None:
    unique = set(names)
    if not unique:
        return None
    # The longest name wins, as in the names joined longest first (any_name: a trie, fast).
    return re.compile(r"(?<!\w)" + any_name(unique) + r"(?!\w)")


@lru_cache(maxsize=4)
def _matchers(outlets: frozenset[str]) -> tuple[re.Pattern[str] | None, frozenset[str]]:
    """The pattern and the folded names of a corpus's outlets: made once per corpus, not
    once per article (escaping and joining thousands of names each time cost more than the
    search)."""
    return _pattern(outlets), frozenset(n.casefold() for n in outlets)


_CAPITALISED_BEFORE = re.compile(r"(?<![\w'’.-])(?!The[ \t])[A-Z][\w'’.-]*[ \t]+$")
_CAPITALISED_AFTER = re.compile(r"^[ \t]+[A-Z]")


def _inside_longer_name(text: str, start: int, end: int) -> bool:
    """Whether a capitalised word runs on before or after ``[start, end)``: ``Hill`` in
    ``Capitol Hill`` or ``Atlantic`` in ``Atlantic Ocean`` is not the outlet of that name."""
    before = text[max(0, start - 30) : start]
    after = text[end : end + 3]
    return bool(_CAPITALISED_BEFORE.search(before) or _CAPITALISED_AFTER.match(after))


def outlet_spans(
    text: str, doc: DocAnnotations, outlets: frozenset[str]
) -> tuple[tuple[int, int], ...]:
    """Character spans of ``text`` that name an outlet: a known outlet's name, or an
    organisation mention that reads as a publication."""
    spans: set[tuple[int, int]] = set()
    pattern, folded = _matchers(outlets)
    if pattern is not None:
        spans.update(
            match.span()
            for match in pattern.finditer(text)
            if not _inside_longer_name(text, *match.span())
        )
    for mention in doc.mentions:
        if mention.label in ORGANISATION_LABELS and looks_like_outlet(mention.text, folded):
            spans.add((mention.start, mention.end))
    return tuple(sorted(spans))


def inside_outlet(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether ``[start, end)`` overlaps any outlet span."""
    return any(s < end and start < e for s, e in spans)
