"""The records that flow between sitroom's stages.

Every record is a frozen, slotted dataclass: stages pass values, never shared mutable state,
which is what lets the per-document stage run in parallel processes and be cached.

Offsets (``start``/``end``) are character offsets into ``Article.text`` (the cleaned text)
unless a docstring says otherwise; ``text[start:end]`` is always the quoted surface form.
"""

from __future__ import annotations

from collections.abc import Sequence
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
    #: The source as attribution corpora mark it: the speaker span with the relative
    #: clause, age or description set off after the name (``A senior official, who spoke
    #: on condition of anonymity``); the speaker span when there is none, null with no
    #: speaker. ``speaker_*`` stays the short form a report shows.
    source_start: int | None = None
    source_end: int | None = None


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
class TextSpan:
    """A span of an article's text (an event's actor, target, place, time or speaker)."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class StatedNumber:
    """A casualty or similar figure stated for an event: ``kind`` is killed, wounded,
    displaced or arrested; ``unit`` the counted noun (``people``, ``civilians``); the span is
    the phrase that states it."""

    kind: str
    value: int
    unit: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class EventMention:
    """One mention of an event in one article, read from the dependency parse.

    ``start``/``end``/``text`` is the clause, ``trigger_start``/``trigger_end`` the trigger
    word(s); ``trigger`` is its canonical form (lemma, or ``take control``). ``modality`` is
    asserted, negated, planned, hypothetical or reported (``speaker`` then names who reports
    it). ``refers_back`` marks a definite nominal (``the attack``) that names an event told
    earlier. ``time`` is the attached time expression (a span of a :class:`TimeMention` of the
    same article)."""

    article: str
    start: int
    end: int
    text: str
    trigger_start: int
    trigger_end: int
    trigger: str
    type: str
    nominal: bool = False
    actors: tuple[TextSpan, ...] = ()
    targets: tuple[TextSpan, ...] = ()
    place: TextSpan | None = None
    time: TextSpan | None = None
    modality: str = "asserted"
    speaker: TextSpan | None = None
    numbers: tuple[StatedNumber, ...] = ()
    refers_back: bool = False


@dataclass(frozen=True, slots=True)
class Quantity:
    """A counted number in a clause: ``63`` in ``63 people died``. ``counted`` is the lemma of
    what it counts (``people``, ``toll``); ``qualifier`` keeps ``at least``, ``more than``,
    ``about`` so that ``at least 40`` is not read as contradicting ``63``."""

    value: float
    text: str
    start: int
    end: int
    counted: str
    qualifier: str | None = None


@dataclass(frozen=True, slots=True)
class ClauseMention:
    """One predicate of a sentence with its arguments, the raw material of claims.

    ``start``/``end`` span the sentence and ``clause_start``/``clause_end`` the predicate's own
    clause within it; ``predicate`` is the verb's lemma (for ``tried to
    block`` the verb tried, with ``attempted`` set), ``object_lemmas`` the object phrase
    lemmatised (for lexicon phrases such as ``give green light``). ``modality`` is
    ``asserted``, ``hedged``, ``modal``, ``opinion``, ``conditional`` or ``question``, with
    ``modality_cue`` the word that decided it. ``denied_by_start``/``_end`` span who denies the
    clause (``X denied that ...``)."""

    article: str
    start: int
    end: int
    predicate: str
    pred_start: int
    pred_end: int
    subject_start: int | None = None
    subject_end: int | None = None
    subject_text: str | None = None
    object_start: int | None = None
    object_end: int | None = None
    object_text: str | None = None
    object_lemmas: str = ""
    negated: bool = False
    attempted: bool = False
    modality: str = "asserted"
    modality_cue: str | None = None
    denied_by_start: int | None = None
    denied_by_end: int | None = None
    quantities: tuple[Quantity, ...] = ()
    clause_start: int = 0
    clause_end: int = 0


@dataclass(frozen=True, slots=True)
class DescriptorMention:
    """A word an article chooses for an actor or an event: ``regime`` in ``the Assad regime``,
    ``affiliate`` in ``HTS, a former al-Qaeda affiliate``, ``liberated`` in ``liberated the
    village``. ``kind`` is ``apposition``, ``modifier`` (a noun with a name attached),
    ``noun`` (the noun alone) or ``verb``; ``target_start``/``target_end`` span the named actor
    or place it describes or acts on, when there is one; ``text`` is the whole phrase."""

    article: str
    start: int
    end: int
    text: str
    head: str
    kind: str
    target_start: int | None = None
    target_end: int | None = None


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
    events: tuple[EventMention, ...] = ()
    clauses: tuple[ClauseMention, ...] = ()
    descriptors: tuple[DescriptorMention, ...] = ()


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
    #: For an event's evidence: the trigger word(s) inside the passage.
    trigger_start: int | None = None
    trigger_end: int | None = None


@dataclass(frozen=True, slots=True)
class EventValue:
    """One value sources give for one field of an event (``date``, ``place``, ``actor``, or a
    figure: ``killed``, ``wounded``, ``displaced``, ``arrested``), with who gives it.
    ``preferred`` marks the value most independent sources give for that field."""

    field: str
    value: str
    outlets: tuple[str, ...]
    independent_sources: int
    evidence: tuple[Evidence, ...]
    preferred: bool = False
    unit: str | None = None


@dataclass(frozen=True, slots=True)
class Event:
    """Something that happened (or was denied, threatened, planned), merged across the
    articles that mention it. ``date_basis`` says how ``date`` was obtained:
    ``time_expression`` (attached to the trigger), ``event_relative`` or ``article_date``."""

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
    trigger: str | None = None
    date_basis: str | None = None
    modality: str = "asserted"
    happened: bool = True
    speakers: tuple[str, ...] = ()
    actor_names: tuple[str, ...] = ()
    target_names: tuple[str, ...] = ()
    numbers: tuple[EventValue, ...] = ()
    conflicts: tuple[EventValue, ...] = ()


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


ClaimStatus = Literal["corroborated", "single_source", "contested", "denied"]


@dataclass(frozen=True, slots=True)
class Assertion:
    """Who asserts a claim in one article: the outlet itself (``speaker`` None) or the quoted
    or cited source (``speaker`` an entity id when resolved, ``speaker_text`` its words),
    reached ``via`` a relaying outlet or agency when the article credits one."""

    article: str
    outlet: str
    speaker: str | None = None
    speaker_text: str | None = None
    via: str | None = None


@dataclass(frozen=True, slots=True)
class Claim:
    """A statement of fact, merged over every passage that makes it (paraphrases included).

    ``kind`` is ``statement`` (a clause) or ``description`` (an apposition describing an
    actor, ``HTS, a former al-Qaeda affiliate``); ``event`` the id of the event it is about,
    when events are linked."""

    id: str
    text: str
    evidence: tuple[Evidence, ...]
    outlets: tuple[str, ...]
    independent_sources: int
    status: ClaimStatus
    contradicts: tuple[str, ...] = ()
    asserted_by: tuple[Assertion, ...] = ()
    event: str | None = None
    kind: str = "statement"
    subject: str | None = None
    date: str | None = None


@dataclass(frozen=True, slots=True)
class ContradictionSide:
    """One side of a contradiction: the claim, its words, what it says (``value``: the number
    or date when the contradiction is about one) and the outlets that say it."""

    claim: str
    text: str
    value: str | None
    evidence: tuple[Evidence, ...]
    outlets: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Contradiction:
    """Two claims that cannot both be true. ``kind``: ``number`` (different figures for the
    same quantity), ``date``, ``opposite`` (opposite predicates about the same actor and
    object), ``denial`` (one denies the other) or ``description`` (conflicting descriptions of
    the same actor)."""

    id: str
    kind: str
    explanation: str
    sides: tuple[ContradictionSide, ContradictionSide]


@dataclass(frozen=True, slots=True)
class Story:
    """Articles about one unfolding situation (see :mod:`sitroom.analyze.stories`)."""

    id: str
    title: str
    articles: tuple[str, ...]
    start: str | None = None  # earliest possible publication day of its articles
    end: str | None = None  # latest possible publication day of its articles
    central_article: str | None = None  # the article most like the rest, source of the title


@dataclass(frozen=True, slots=True)
class FramingTerm:
    """A word an outlet uses distinctly: ``score`` is the log-odds ratio against the other
    outlets with an informative Dirichlet prior, ``z`` its z-score; ``kind`` is ``actor`` (a
    word for an actor) or ``verb`` (a verb for what happened); ``count`` how often the outlet
    uses it."""

    term: str
    score: float
    z: float = 0.0
    kind: str = "actor"
    count: int = 0


@dataclass(frozen=True, slots=True)
class FramingUse:
    """Where an outlet calls an actor (``actor``: entity id, or None when the word stands
    alone) by ``term``: the articles and one passage of each."""

    term: str
    kind: str
    actor: str | None
    count: int
    articles: tuple[str, ...]
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class Framing:
    outlet: str
    distinctive_terms: tuple[FramingTerm, ...]
    uses: tuple[FramingUse, ...] = ()


@dataclass(frozen=True, slots=True)
class SummaryItem:
    """One sentence of a story's extractive summary. ``kind`` is ``point`` (the
    best-corroborated claim of one key point) or ``contested`` (a point sources disagree on:
    ``text``/``evidence`` one side, ``counter_text``/``counter_evidence`` the other)."""

    text: str
    evidence: tuple[Evidence, ...]
    story: str | None = None
    claim: str | None = None
    date: str | None = None
    kind: str = "point"
    outlets: tuple[str, ...] = ()
    counter_claim: str | None = None
    counter_text: str | None = None
    counter_evidence: tuple[Evidence, ...] = ()


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
    #: a tuple, or the records kept on disk until written (report.spill)
    events: Sequence[Event] = ()
    quotes: Sequence[Quote] = ()  # like events, may be kept on disk until written
    citations: tuple[Citation, ...] = ()
    claims: Sequence[Claim] = ()  # like events
    stories: tuple[Story, ...] = ()
    framing: tuple[Framing, ...] = ()
    summary: tuple[SummaryItem, ...] = ()
    timeline: tuple[str, ...] = ()
    contradictions: tuple[Contradiction, ...] = ()
