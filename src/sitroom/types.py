"""The records that flow between sitroom's stages.

Every record is a frozen, slotted dataclass: stages pass values, never shared mutable state,
which is what lets the per-document stage run in parallel processes and be cached.

Offsets (``start``/``end``) are character offsets into ``Article.text`` (the cleaned text)
unless a docstring says otherwise; ``text[start:end]`` is always the quoted surface form.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

DateBasis = Literal["metadata", "header", "inferred", "unknown"]
"""Where an article's publication date came from."""

DATE_BASES: tuple[DateBasis, ...] = ("metadata", "header", "inferred", "unknown")


# --------------------------------------------------------------------------- ingest


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One document as a reader found it, before cleaning.

    ``locator`` names where it came from so a user can find it again: a file path, or
    ``archive.zip!inner/path.html``, or ``feed.xml#3`` / ``table.csv#row=12`` for one record
    of a multi-record file. ``text`` is the body text (HTML already reduced to text by the
    reader); ``body_offset`` is where that body starts in the file's text as read (non-zero
    when a header line was split off), so extractors can report offsets into the raw file.
    """

    locator: str
    text: str
    format: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    date_basis: DateBasis | None = None
    author: str | None = None
    language: str | None = None
    body_offset: int = 0


@dataclass(frozen=True, slots=True)
class Rejected:
    """An input that could not be used, with a reason a user can act on."""

    path: str
    reason: str


# --------------------------------------------------------------------------- clean


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned article: the unit every later stage works on.

    ``id`` is a hash of ``text`` so it is stable across runs and machines. ``files`` lists
    every input (locator) that yielded this exact text.
    """

    id: str
    text: str
    outlet: str
    title: str | None
    url: str | None
    published: str | None
    date_basis: DateBasis
    date_range: tuple[str, str] | None
    language: str
    words: int
    files: tuple[str, ...] = ()
    duplicate_of: str | None = None
    author: str | None = None


# --------------------------------------------------------------------------- annotate


@dataclass(frozen=True, slots=True)
class Mention:
    """A named-entity mention in one article. ``label`` is a spaCy-style label
    (PERSON, ORG, GPE, LOC, NORP, FAC, EVENT, ...); ``source`` says which component found it
    (``model``, ``gazetteer``, ``acronym``, ...)."""

    article: str
    start: int
    end: int
    text: str
    label: str
    source: str = "model"


@dataclass(frozen=True, slots=True)
class Acronym:
    """An acronym defined in the text, e.g. ``Syrian National Army (SNA)``."""

    article: str
    short: str
    long: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class TimeMention:
    """A time expression normalised to a TIMEX3 value.

    ``type`` is DATE, TIME, DURATION or SET. ``value`` is TIMEX3 (``2024-11-27``, ``2024-11``,
    ``2024-W48``, ``2024-SU``, ``2024``, ``P4Y``, ``PT3H``, ``PRESENT_REF``, ``PAST_REF``) or
    None when it depends on an event not yet dated, in which case ``relation`` keeps that
    dependency in words (``ordinal:2:P1D:the offensive``). An amount counted from an event
    (``two days`` in ``two days before Assad fled``) is, as in TimeML, a DURATION with its
    value (``P2D``) and the relation ``before:P2D:Assad fled``."""

    article: str
    start: int
    end: int
    text: str
    type: str
    value: str | None
    precision: str
    relation: str | None = None


@dataclass(frozen=True, slots=True)
class QuoteMention:
    """A quotation or reported statement found in one article (before corpus linking)."""

    article: str
    start: int
    end: int
    text: str
    direct: bool
    speaker_start: int | None
    speaker_end: int | None
    speaker_text: str | None
    cue_start: int | None
    cue_end: int | None
    cue: str | None


@dataclass(frozen=True, slots=True)
class CitationMention:
    """A source an article cites (``told Middle East Eye``, ``according to SOHR``)."""

    article: str
    start: int
    end: int
    source_text: str
    kind: str  # outlet | agency | government | organisation | expert | anonymous
    cue: str | None = None
    affiliation: str | None = None


@dataclass(frozen=True, slots=True)
class DocAnnotations:
    """Everything the per-document stage found in one article, cached by
    (article id, pipeline version)."""

    article: str
    mentions: tuple[Mention, ...] = ()
    acronyms: tuple[Acronym, ...] = ()
    times: tuple[TimeMention, ...] = ()
    quotes: tuple[QuoteMention, ...] = ()
    citations: tuple[CitationMention, ...] = ()


# --------------------------------------------------------------------------- resolve


@dataclass(frozen=True, slots=True)
class Entity:
    """A canonical actor: every surface form under which the corpus names it."""

    id: str
    name: str
    type: str
    aliases: tuple[str, ...]
    mention_count: int
    articles: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Place:
    """A geocoded place. Coordinates are None when unresolved, with ``reason`` saying why."""

    id: str
    name: str
    aliases: tuple[str, ...]
    lat: float | None
    lon: float | None
    country_code: str | None
    geonames_id: int | None
    articles: tuple[str, ...]
    confidence: float = 0.0
    reason: str | None = None


# --------------------------------------------------------------------------- analyze


@dataclass(frozen=True, slots=True)
class Evidence:
    """The exact characters of an article that support a fact."""

    article: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    type: str
    date: str | None
    date_precision: str | None
    actors: tuple[str, ...]
    targets: tuple[str, ...]
    place: str | None
    text: str
    evidence: tuple[Evidence, ...]
    outlets: tuple[str, ...]
    independent_sources: int


@dataclass(frozen=True, slots=True)
class Quote:
    id: str
    article: str
    speaker: str | None
    speaker_text: str | None
    text: str
    direct: bool
    cue: str | None
    start: int
    end: int
    also_in: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Citation:
    article: str
    source: str | None
    source_text: str
    kind: str
    start: int
    end: int


ClaimStatus = Literal["corroborated", "single_source", "contested"]


@dataclass(frozen=True, slots=True)
class Claim:
    id: str
    text: str
    evidence: tuple[Evidence, ...]
    outlets: tuple[str, ...]
    independent_sources: int
    status: ClaimStatus
    contradicts: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Story:
    id: str
    title: str
    articles: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class FramingTerm:
    term: str
    score: float


@dataclass(frozen=True, slots=True)
class Framing:
    outlet: str
    distinctive_terms: tuple[FramingTerm, ...]


@dataclass(frozen=True, slots=True)
class SummaryItem:
    text: str
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True, slots=True)
class Report:
    """Everything report.json holds (schema version 1)."""

    schema_version: int
    generated_by: str
    as_of: str | None
    articles: tuple[Article, ...]
    rejected: tuple[Rejected, ...] = ()
    entities: tuple[Entity, ...] = ()
    places: tuple[Place, ...] = ()
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    citations: tuple[Citation, ...] = ()
    claims: tuple[Claim, ...] = ()
    stories: tuple[Story, ...] = ()
    framing: tuple[Framing, ...] = ()
    summary: tuple[SummaryItem, ...] = ()
