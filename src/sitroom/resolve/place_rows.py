"""What the place step finds in one article before any corpus-wide vote, and its JSON form.

Resolving places runs in two parts (:mod:`sitroom.resolve.places`). The first reads one
article at a time: which of its names are places, with the lookup query each one makes and
what its sentences say about them (``the city of Lebanon``, ``Paris, Illinois``). It is
the costly part (scanning each text for cues, completing names the tagger cut short), and
it depends on the corpus only through a few sets: the surnames the corpus writes in full,
the words it writes in lower case, the outlet names it knows, and what entity resolution
made of the article's own mentions. The second part (the country votes and each name's
final reading) is corpus-wide and cheap per mention, so it runs every build.

:class:`ArticleRows` is the first part's product, with a lossless JSON form so a build can
keep it (:mod:`sitroom.resolve.stored_place_rows`); :class:`Asked` wraps a corpus-wide set
so that the product can say which of its members it depended on.
"""

from __future__ import annotations

import json
from collections.abc import Container, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar, cast

from ..types import Mention
from .geo_index import GeoEntry

K = TypeVar("K")


@dataclass(frozen=True, slots=True)
class PlaceQuery:
    """A mention's name reduced to lookup keys, with what its context words say."""

    key: str
    admin_hint: bool  # ``Aleppo province``: the admin area, not the town
    acronym_like: bool = False  # ``SANA``: only a place's main name may match it
    country: str | None = None  # a demonym (``Syrian``) or seat of government stands for it
    seat: bool = False  # ``White House``: the country's capital, where the building is
    #: (country, area name) pairs a press or postal abbreviation (``Ont.``, ``NSW``) stands for
    areas: tuple[tuple[str, str], ...] = ()
    first_level: bool = False  # written after "the state of", "the province of"
    town: bool = False  # the article says it is a town ("the city of Lebanon")


Row = tuple[Mention, PlaceQuery]


@dataclass(frozen=True, slots=True)
class ArticleInputs:
    """What entity resolution and the caller's options tell the first part about one
    article: the spans of its place-labelled mentions that are actors, the folded names
    it (or the corpus, for a person it names) uses for people, the mentions of "people"
    that are places the tagger misread (span -> folded name), and the options. The
    ``persons`` grow with the corpus (a person's aliases) and the ``actors`` change with
    the entities' types; both are only asked about one word or span at a time, like the
    corpus's sets: they are not part of the digest."""

    article: str
    actors: Container[tuple[int, int]]
    persons: Container[str]
    rescued: Mapping[tuple[int, int], str]
    flags: tuple[bool, ...]

    def digest_parts(self) -> list[Any]:
        """The inputs but ``persons`` and ``actors`` as JSON-encodable parts, in a fixed
        order."""
        return [
            self.article,
            sorted((start, end, name) for (start, end), name in self.rescued.items()),
            list(self.flags),
        ]


@dataclass(frozen=True, slots=True)
class CorpusWords:
    """The corpus-wide sets the first part reads: only ever asked whether a folded word
    is in them (``surnames``, ``lower_words``), or searched for in the text (``outlets``)."""

    surnames: Container[str]
    lower_words: Container[str]
    outlets: frozenset[str]


@dataclass(frozen=True, slots=True)
class ArticleRows:
    """The first part's product for one article. ``rows``: the place mentions with their
    queries; ``weak``: names proposed by :mod:`sitroom.resolve.place_weak`, kept only where
    the article's places vouch for them; ``towns_said``: the name keys the text says are
    towns; ``told``: name key -> the areas the words calling it a town put it in;
    ``qualified``: name key -> the areas written right after it."""

    rows: tuple[Row, ...]
    weak: tuple[Row, ...]
    towns_said: frozenset[str] = frozenset()
    told: Mapping[str, tuple[GeoEntry, ...]] = field(default_factory=dict)
    qualified: Mapping[str, tuple[GeoEntry, ...]] = field(default_factory=dict)


class _AskedOf(Container[K]):
    """A set that remembers what it was asked and what it answered, so a product made
    with it can later be checked against a grown corpus's set; ``_kind``: the type of what
    it can hold (anything else is not in it, and not remembered)."""

    _kind: type

    def __init__(self, members: Container[K]) -> None:
        self._members = members
        self.answers: dict[K, bool] = {}

    def __contains__(self, item: object) -> bool:
        if not isinstance(item, self._kind):
            return False
        key = cast(K, item)
        found = self.answers.get(key)
        if found is None:
            found = self.answers[key] = key in self._members
        return found


class Asked(_AskedOf[str]):
    """:class:`_AskedOf` for a set of words."""

    _kind = str


class AskedSpans(_AskedOf[tuple[int, int]]):
    """:class:`Asked` for a set of character spans."""

    _kind = tuple


def same_span_answers(answers: Iterable[list[Any]], members: Container[tuple[int, int]]) -> bool:
    """:func:`same_answers` for the spans :class:`AskedSpans` was asked about."""
    return all(((start, end) in members) == found for start, end, found in answers)


def sorted_span_answers(answers: Mapping[tuple[int, int], bool]) -> list[list[Any]]:
    return [[start, end, found] for (start, end), found in sorted(answers.items())]


def same_answers(answers: Mapping[str, bool], members: Container[str]) -> bool:
    """Whether ``members`` answers every question in ``answers`` as it was answered."""
    return all((word in members) == found for word, found in answers.items())


# --------------------------------------------------------------------------- JSON form


def encode_rows(found: ArticleRows, text: str) -> Any:
    """``found`` as JSON-encodable lists (a mention's text is left out, null, where it is
    the article's own characters at its offsets, and cut again on reading)."""
    return [
        [_encode_row(row, text) for row in found.rows],
        [_encode_row(row, text) for row in found.weak],
        sorted(found.towns_said),
        [[key, [_encode_entry(e) for e in areas]] for key, areas in found.told.items()],
        [[key, [_encode_entry(e) for e in areas]] for key, areas in found.qualified.items()],
    ]


def decode_rows(value: Any, article: str, text: str) -> ArticleRows:
    """The :class:`ArticleRows` that :func:`encode_rows` encoded as ``value``."""
    rows, weak, said, told, qualified = value
    return ArticleRows(
        rows=tuple(_decode_row(row, article, text) for row in rows),
        weak=tuple(_decode_row(row, article, text) for row in weak),
        towns_said=frozenset(said),
        told={key: tuple(_decode_entry(e) for e in areas) for key, areas in told},
        qualified={key: tuple(_decode_entry(e) for e in areas) for key, areas in qualified},
    )


def _encode_row(row: Row, text: str) -> list[Any]:
    m, q = row
    own = None if text[m.start : m.end] == m.text else m.text
    return [m.start, m.end, own, m.label, m.source, q.key, q.admin_hint, q.acronym_like,
            q.country, q.seat, [list(pair) for pair in q.areas], q.first_level, q.town]


def _decode_row(value: list[Any], article: str, text: str) -> Row:
    (start, end, own, label, source, key, admin_hint, acronym_like, country, seat, areas,
     first_level, town) = value
    written = text[start:end] if own is None else own
    return (
        Mention(article, start, end, written, label, source),
        PlaceQuery(key, admin_hint, acronym_like, country, seat,
                   tuple((cc, name) for cc, name in areas), first_level, town),
    )


def _encode_entry(e: GeoEntry) -> list[Any]:
    return [e.geonames_id, e.name, e.lat, e.lon, e.country_code, e.population, e.kind,
            e.admin1, e.namesake]


def _decode_entry(value: list[Any]) -> GeoEntry:
    return GeoEntry(*value)


def dumps(value: Any) -> str:
    """Compact JSON, as the memo keeps it."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def sorted_answers(answers: Mapping[str, bool]) -> list[list[Any]]:
    return [[word, found] for word, found in sorted(answers.items())]


def answers_of(pairs: Iterable[list[Any]]) -> dict[str, bool]:
    return {str(word): bool(found) for word, found in pairs}
