"""Places that a tagger files under another label, found by what the sentence says of them.

Two constructions of news name a place where a general tagger sees a person or an
organisation:

- an office held for a place, the place's name before the title: ``Calgary MLA Sandra
  Jansen``, ``Aleppo Mayor Brita Hagi Hasan``, ``Texas Gov. Greg Abbott``. The tagger reads
  the whole run as the person's name or leaves the place out of any entity;
- a town placed by the area written after it, AP style: ``Churchill, Man.``, ``Jackson,
  Miss.``: the tagger takes a town named like a person or a firm for one;
- a name after the kind of place it is: ``the island of Java``, ``the town of Turkey``,
  ``the village of Kampungu``.

Both are checked against the gazetteer: the words before a title must name a country, a
first-level area or a big town; the town before a comma must be a town of that name inside the
area that follows. Toponym annotators count both, and so does a reader placing the story.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from ..names import fold_name
from ..types import Mention
from .geo_index import GeoEntry, GeoIndex
from .geo_names import fold
from .name_prefixes import load_name_prefixes

#: A word, with a trailing dot of an abbreviation (``Gov.``, ``Man.``).
_WORD = re.compile(r"[\w'’-]+\.?")
#: Up to three capitalised words (``Rio de Janeiro`` keeps its ``de``) before a comma.
_NAME_THEN_COMMA = re.compile(
    r"\b([A-Z][\w'’-]*(?:[ \t]+(?:de[ \t]+|del[ \t]+|of[ \t]+)?[A-Z][\w'’-]*){0,2}),[ \t]"
)
#: ``the island of Java``: a word for a kind of place, ``of``, then a capitalised name.
_KIND_OF_NAME = re.compile(
    r"\b(?:[Tt]own|[Cc]ity|[Vv]illage|[Ii]sland|[Pp]rovince|[Ss]tate|[Rr]egion|[Dd]istrict"
    r"|[Cc]ounty|[Pp]ort|[Cc]apital|[Hh]amlet|[Mm]unicipality|[Gg]overnorate|[Ee]mirate)"
    r"[ \t]+of[ \t]+([A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,2})"
)
#: The most words before a title that may name the place.
_PLACE_WORDS = 3
#: Title words that say nothing of a place (a party, a time): ``Texas Republican`` is still
#: a place before them, but ``Former`` or ``Late`` after a name are not offices of it.
_NOT_OFFICES = frozenset({("former",), ("late",), ("then",), ("incumbent",), ("outgoing",)})
#: Words that start a sentence or a name in capitals without being part of a place's name.
_LEADING_STOPS = frozenset({"the", "a", "an", "in", "at", "and", "but", "as", "for", "when"})


@lru_cache(maxsize=1)
def _offices() -> tuple[frozenset[tuple[str, ...]], int, frozenset[str]]:
    """The office titles (folded word tuples), the longest's length, and their first words."""
    prefixes = load_name_prefixes()
    offices = frozenset(t for t in prefixes.titles if t not in _NOT_OFFICES)
    return offices, prefixes.longest_title, frozenset(t[0] for t in offices)


def _title_at(folded: Sequence[str], i: int) -> bool:
    """Whether an office title begins at ``folded[i]`` (words folded as titles are)."""
    offices, longest, first_words = _offices()
    if folded[i] not in first_words:
        return False
    ahead = tuple(folded[i : i + longest])
    return any(ahead[:size] in offices for size in range(len(ahead), 0, -1))


def _trimmed(name: str, start: int) -> tuple[str, int]:
    """``name`` without leading function words written in capitals (``The Calgary``)."""
    words = name.split()
    while len(words) > 1 and words[0].lower() in _LEADING_STOPS:
        cut = name.index(words[1], len(words[0]))
        name, start, words = name[cut:], start + cut, words[1:]
    return name, start


def _sentence_end(word: str) -> bool:
    """Whether a word's dot may end a sentence (``Texas.``) rather than an abbreviation
    (``St.``, the ``S.`` of ``U.S.``)."""
    return word.endswith(".") and len(word) > 3


def _free(span: tuple[int, int], taken: Sequence[tuple[int, int]]) -> bool:
    return not any(a < span[1] and span[0] < b for a, b in taken)


@lru_cache(maxsize=4)
def _folded_words(text: str) -> tuple[tuple[re.Match[str], ...], tuple[str, ...]]:
    """The words of ``text`` and each one folded. Titles are written in capitals or not
    (``Mayor``, ``mayor``): each word is folded once, and once per text, though the place
    step asks twice of each article (for its cued places and for its weak candidates)."""
    tokens = tuple(_WORD.finditer(text))
    return tokens, tuple(fold_name(t.group(0)) for t in tokens)


def office_places(
    article: str,
    text: str,
    taken: Sequence[tuple[int, int]],
    names_place: Callable[[str], bool],
) -> list[Mention]:
    """Place names written before an office title (``Calgary MLA``, ``Aleppo Mayor``) that no
    span of ``taken`` (the places already found) overlaps. ``names_place`` says whether a
    folded name is a country, a first-level area or a big town, so that a surname before
    ``Senator`` is never taken for a hamlet of that name."""
    tokens, folded = _folded_words(text)
    found: list[Mention] = []
    spans = list(taken)
    first_words = _offices()[2]
    # Only where a title may begin: a test per word of the article was most of the work.
    starts = [i for i in range(1, len(folded)) if folded[i] in first_words]
    for i in starts:
        if not _title_at(folded, i):
            continue
        # the longest run of capitalised words right before the title that names a place
        for first in range(max(0, i - _PLACE_WORDS), i):
            run = tokens[first:i]
            following = [*run[1:], tokens[i]]
            between = [text[a.end() : b.start()] for a, b in zip(run, following, strict=True)]
            if any(gap.strip(" \t") for gap in between) or not all(
                t.group(0)[:1].isupper() and not _sentence_end(t.group(0)) for t in run
            ):
                continue
            name, start = _trimmed(text[run[0].start() : run[-1].end()].rstrip("."), run[0].start())
            span = (start, start + len(name))
            if _free(span, spans) and names_place(fold(name)):
                spans.append(span)
                found.append(Mention(article, *span, name, "GPE", "office"))
                break
    return found


def qualified_towns(
    article: str,
    text: str,
    taken: Sequence[tuple[int, int]],
    index: GeoIndex,
    areas_after: Callable[[str], tuple[GeoEntry, ...]],
) -> list[Mention]:
    """Towns written before a comma and the area they lie in (``Churchill, Man.``) that no
    span of ``taken`` overlaps: only when the gazetteer has a town of that very name inside
    that area (``areas_after`` reads the area from the text after the comma)."""
    found: list[Mention] = []
    spans = list(taken)
    for match in _NAME_THEN_COMMA.finditer(text):
        name, start = _trimmed(match.group(1).rstrip("."), match.start(1))
        span = (start, start + len(name))
        if not _free(span, spans):
            continue
        areas = areas_after(text[match.end(1) : match.end(1) + 40])
        if not areas or not _town_in(index, fold(name), areas):
            continue
        spans.append(span)
        found.append(Mention(article, *span, name, "GPE", "qualified"))
    return found


def _town_in(index: GeoIndex, key: str, areas: Sequence[GeoEntry]) -> bool:
    for entry in index.lookup(key):
        if entry.kind not in {"city", "admin2"} or fold(entry.name) != key:
            continue
        for area in areas:
            same_country = area.country_code == entry.country_code
            if same_country and area.kind == "admin1" and area.admin1 == entry.admin1:
                return True
    return False


def named_kinds(
    article: str,
    text: str,
    taken: Sequence[tuple[int, int]],
    is_known: Callable[[str], bool],
) -> list[Mention]:
    """Names written after the kind of place they are (``the island of Java``, ``the
    village of Kampungu``) that no span of ``taken`` overlaps and that the gazetteer knows
    (``is_known``, on the folded name): the words say what the tagger could not."""
    found: list[Mention] = []
    spans = list(taken)
    for match in _KIND_OF_NAME.finditer(text):
        name = match.group(1)
        span = (match.start(1), match.end(1))
        if _free(span, spans) and is_known(fold(name)):
            spans.append(span)
            found.append(Mention(article, *span, name, "GPE", "kind"))
    return found


#: A word for a kind of place, in the plural, before ``of`` or a colon and a list of names:
#: ``the villages of Foua and Kfraya``, ``four villages: Kampungu, Makonono and Mombo``.
_KINDS_OF_NAMES = re.compile(
    r"\b(?:[Tt]owns|[Cc]ities|[Vv]illages|[Ii]slands|[Pp]rovinces|[Ss]tates|[Rr]egions"
    r"|[Dd]istricts|[Cc]ounties|[Mm]unicipalities|[Gg]overnorates|[Cc]ommunities"
    r"|[Tt]ownships|[Ss]uburbs)(?:[ \t]+of|:)[ \t]+"
)
#: One name of such a list: up to three capitalised words (``Ceamurlia de Jos``).
_LIST_NAME = re.compile(r"[A-Z][\w'’-]*(?:[ \t]+(?:de[ \t]+|del[ \t]+)?[A-Z][\w'’-]*){0,2}")
#: Between two names of such a list.
_LIST_SEP = re.compile(r",[ \t]*(?:and[ \t]+|or[ \t]+)?|[ \t]+(?:and|or)[ \t]+")
#: The most names read from one list.
_MOST_LISTED = 12


def listed_kinds(
    article: str,
    text: str,
    taken: Sequence[tuple[int, int]],
    is_known: Callable[[str], bool],
) -> list[Mention]:
    """Names listed after the plural of a kind of place (``the villages of Foua and
    Kfraya``, ``the eastern states of Saxony-Anhalt and Thuringia``) that no span of
    ``taken`` overlaps and that the gazetteer knows (``is_known``, on the folded name)."""
    found: list[Mention] = []
    spans = list(taken)
    for kind in _KINDS_OF_NAMES.finditer(text):
        at = kind.end()
        for _ in range(_MOST_LISTED):
            name = _LIST_NAME.match(text, at)
            if name is None:
                break
            span = name.span()
            if _free(span, spans) and is_known(fold(name.group(0))):
                spans.append(span)
                found.append(Mention(article, *span, name.group(0), "GPE", "kind"))
            gap = _LIST_SEP.match(text, name.end())
            if gap is None:
                break
            at = gap.end()
    return found


#: Words for an area written after its name in lower case: ``Maoxian county``,
#: ``Abbassiya district``, ``Warab state``.
_NAME_THEN_AREA_WORD = re.compile(
    r"\b([A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,2})[ \t]+(?:county|district|province|state"
    r"|governorate|prefecture|municipality|districts|provinces|counties)\b"
)


def areas_by_word(
    article: str,
    text: str,
    taken: Sequence[tuple[int, int]],
    is_known: Callable[[str], bool],
) -> list[Mention]:
    """Names followed by the lower-case word for their kind of area (``in Maoxian county
    in Sichuan province``, ``Giza's Haram district``) that no span of ``taken`` overlaps and
    that the gazetteer knows, less a leading ``The`` written in capitals."""
    found: list[Mention] = []
    spans = list(taken)
    for match in _NAME_THEN_AREA_WORD.finditer(text):
        name, start = _trimmed(match.group(1), match.start(1))
        span = (start, start + len(name))
        if name.lower() in _LEADING_STOPS or not _free(span, spans):
            continue
        if is_known(fold(name)):
            spans.append(span)
            found.append(Mention(article, *span, name, "GPE", "kind"))
    return found


#: A run of up to three words in capitals: a dateline's place (``INNISFAIL``, ``NEW MILFORD``).
_CAPITALS_RUN = re.compile(r"[A-Z][A-Z'’.-]{2,}(?:[ \t]+[A-Z][A-Z'’.-]+){0,2}")


def dateline_places(
    article: str,
    text: str,
    taken: Sequence[tuple[int, int]],
    is_known: Callable[[str], bool],
) -> list[Mention]:
    """The place of a dateline (``INNISFAIL - Nine-year-old``, ``HOLLIDAY, Mo. —``,
    ``LONDON, Ky. (WKYT) -``): a name in capitals that opens the text, a line or a sentence
    and is followed by a dash, a comma or a bracket, when the gazetteer knows it."""
    found: list[Mention] = []
    spans = list(taken)
    for match in _CAPITALS_RUN.finditer(text):
        start, end = match.span()
        name = match.group(0).rstrip(".")
        before = text[max(0, start - 3) : start].rstrip(" \t")
        opens = start == 0 or not before or before.endswith(("\n", ".", "!", "?"))
        after = text[end : end + 3].lstrip(" \t")
        if not opens or not after or after[0] not in ",(-—–":
            continue
        span = (start, start + len(name))
        if _free(span, spans) and is_known(fold(name)):
            spans.append(span)
            found.append(Mention(article, *span, name, "GPE", "dateline"))
    return found
