"""Claim candidates: the clauses of each article that state a fact, with what they are about.

A :class:`Statement` is one asserted clause (or one apposition describing an actor), with the
canonical entities, places, numbers and dates it mentions, the predicate classes of its verb
(``data/claims/predicates.json``), and who asserts it: the quoted or cited source's entity
when the clause is inside a quote, else the outlet itself. Opinion and speculation (modal
verbs, hedges, opinion cues, conditions, questions: ``data/claims/modality.json``) never
become statements.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

from ..annotate.span_overlap import Ranges
from ..resolve.span_table import SpanTable
from ..stored_memo import MemoStore
from ..types import (
    Article,
    Citation,
    ClauseMention,
    DescriptorMention,
    DocAnnotations,
    Evidence,
    Quote,
)
from .denials import DeniedSpan, denied_spans
from .provenance import provenance_chain

SpanKey = tuple[str, int, int]
UNKNOWN = "unknown"
_CALENDAR = re.compile(r"\d{4}(?:-\d{2}){0,2}")
#: Predicates that say nothing checkable on their own.
_EMPTY_PREDICATES = frozenset({"be", "have", "do", "continue", "remain", "seem", "become"})
_PRONOUNS = frozenset({"it", "this", "that", "these", "those", "which", "what", "who", "he",
                       "she", "they", "we", "i", "you", "there"})
#: A clause that opens with an infinitive marker and has no subject of its own.
_PURPOSE = re.compile(r"(?:in order )?to\s", re.IGNORECASE)
#: Words that tie an adverbial clause to the sentence around it (with the blanks after them).
#: A measure before ``after``/``before`` (``two days after``, ``a week before``) goes with it.
_SUBORDINATOR = re.compile(
    r"(?:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|a few|\d+)\s++"
    r"(?:hours?|days?|weeks?|months?|years?)\s++(?=after|before))?"
    r"(?:after|before|while|whilst|because|since|when|although|though|whereas|until)"
    r"\s++(?=\S)", re.IGNORECASE)
#: Longest clause worth comparing; longer sentences are usually run-ons of several facts.
MAX_CLAUSE_CHARS = 400


@dataclass(frozen=True, slots=True)
class Quantity:
    """A counted number of a known kind (``deaths``) in a statement."""

    kind: str
    value: float
    qualifier: str | None
    text: str


@dataclass(frozen=True, slots=True)
class Statement:
    key: SpanKey
    article: str
    outlet: str
    published: str | None
    text: str
    evidence: Evidence
    subject: str | None
    subject_text: str | None
    object_key: str | None
    object_text: str | None
    object_head: str | None
    entities: frozenset[str]
    places: frozenset[str]
    classes: frozenset[str]
    predicate: str
    negated: bool
    attempted: bool
    quantities: tuple[Quantity, ...]
    dates: tuple[str, ...]
    speaker: str | None
    speaker_text: str | None
    via: str | None
    denied_by: str | None = None
    description_of: str | None = None
    #: Places and entities of the whole sentence: what a number in a clause is about.
    context: frozenset[str] = frozenset()
    #: Whether ``published`` is the article's own date rather than the start of the interval
    #: its dating inferred.
    dated: bool = False

    @property
    def source_label(self) -> str:
        """The outlet, or the article when the outlet is unknown."""
        return self.outlet if self.outlet != UNKNOWN else f"article {self.article[:10]}"

    def same_source(self, other: Statement) -> bool:
        """Same article, or two articles of one known outlet."""
        return self.article == other.article or (
            self.outlet == other.outlet and self.outlet != UNKNOWN)

    @property
    def asserter(self) -> str:
        """Who asserts it, as one key: the speaker's entity, else the outlet."""
        return self.speaker or ("source:" + self.source_label)

    @property
    def origin(self) -> str | None:
        """The original source it was relayed from, for counting independent sources."""
        if self.speaker:
            return "speaker:" + self.speaker
        return ("via:" + self.via) if self.via else None


# --------------------------------------------------------------------------- lexicons


@dataclass(frozen=True, slots=True)
class PredicateLexicon:
    classes: Mapping[str, frozenset[str]]  # phrase -> classes
    opposites: frozenset[tuple[str, str]]
    support_verbs: frozenset[str]

    def classes_of(self, predicate: str, object_lemmas: str) -> frozenset[str]:
        words = object_lemmas.split()
        found: set[str] = set(self.classes.get(predicate, ()))
        for n in (1, 2, 3):
            if len(words) >= n:
                found |= self.classes.get(predicate + " " + " ".join(words[-n:]), frozenset())
        if predicate in self.support_verbs and words:
            found |= self.classes.get(words[-1], frozenset())
        return frozenset(found)

    def opposite(self, a: frozenset[str], b: frozenset[str]) -> tuple[str, str] | None:
        for x in sorted(a):
            for y in sorted(b):
                if (x, y) in self.opposites:
                    return x, y
        return None


def _data(name: str) -> str:
    return resources.files("sitroom.data").joinpath("claims", name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def predicate_lexicon() -> PredicateLexicon:
    """``data/claims/predicates.json``."""
    data = json.loads(_data("predicates.json"))
    phrases: dict[str, set[str]] = defaultdict(set)
    for name, forms in data["classes"].items():
        for form in forms:
            phrases[str(form).lower()].add(name)
    opposites = {(str(a), str(b)) for a, b in data["opposites"]}
    opposites |= {(b, a) for a, b in opposites}
    return PredicateLexicon(
        {k: frozenset(v) for k, v in phrases.items()}, frozenset(opposites),
        frozenset(str(v) for v in data.get("support_verbs", ())),
    )


@lru_cache(maxsize=1)
def quantity_kinds() -> Mapping[str, str]:
    """Lemma -> quantity kind, from ``data/claims/quantities.json``."""
    data = json.loads(_data("quantities.json"))
    return {str(w): kind for kind, words in data.items() if not kind.startswith("_")
            for w in words}


@lru_cache(maxsize=1)
def _intention_pattern() -> re.Pattern[str]:
    """``data/claims/intentions.txt`` as one pattern: an intention verb, then ``to``."""
    lines = (line.strip().lower() for line in _data("intentions.txt").splitlines())
    stems = sorted((w for w in lines if w and not w.startswith("#")), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, stems)) + r")\w*\s+to\s+(?:\w+ly\s+)?$",
                      re.IGNORECASE)


def intended(text: str, predicate_start: int) -> bool:
    """Whether the predicate at ``predicate_start`` follows an intention verb and ``to``."""
    return bool(_intention_pattern().search(text[max(0, predicate_start - 40):predicate_start]))


# --------------------------------------------------------------------------- spans


class SpanIndex:
    """Per-article (start, end, id) lists for "what lies inside this span" queries.

    Over a :class:`~sitroom.resolve.span_table.SpanTable` it reads the table's packed rows
    an article at a time; over any other mapping it groups a copy of the spans by article."""

    def __init__(self, spans: Mapping[tuple[str, int, int], str]) -> None:
        self._by_article: SpanTable | dict[str, list[tuple[int, int, str]]]
        self._last: tuple[str, Sequence[tuple[int, int, str]], Ranges | None] | None = None
        if isinstance(spans, SpanTable):
            self._by_article = spans
            return
        grouped: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
        for (article, start, end), ident in spans.items():
            grouped[article].append((start, end, ident))
        self._by_article = grouped

    def rows(self, article: str) -> Sequence[tuple[int, int, str]]:
        """The article's spans as ``(start, end, id)``, in the order given."""
        return self._spans(article)

    def _spans(self, article: str) -> Sequence[tuple[int, int, str]]:
        if isinstance(self._by_article, SpanTable):
            return self._by_article.rows(article)
        return self._by_article.get(article, ())

    def _indexed(self, article: str) -> tuple[Sequence[tuple[int, int, str]], Ranges | None]:
        """The article's spans and a bisection index over them (None where a span is empty,
        which an overlap query would miss). Statements are made an article at a time, so
        only the last article's index is kept: scanning every span per clause cost the
        product of an article's clauses and names (9,800 names in one article: 190 s)."""
        if self._last is None or self._last[0] != article:
            rows = self._spans(article)
            index = Ranges((s, e) for s, e, _ in rows) if all(s < e for s, e, _ in rows) else None
            self._last = (article, rows, index)
            return rows, index
        return self._last[1], self._last[2]

    def inside(self, article: str, start: int, end: int) -> list[str]:
        rows, index = self._indexed(article)
        if index is None or end <= start:
            return [i for s, e, i in rows if s >= start and e <= end]
        found = (rows[k] for k in index.overlapping(start, end))
        return [i for s, e, i in found if s >= start and e <= end]

    def ends_near(self, article: str, ident: str, end: int, slack: int = 2) -> bool:
        """Whether a span of ``ident`` ends within ``slack`` characters of ``end``."""
        return any(i == ident and abs(e - end) <= slack
                   for _, e, i in self._spans(article))

    def best(self, article: str, start: int, end: int) -> str | None:
        """The id of the span that covers most of ``[start, end)``."""
        best: tuple[int, str] | None = None
        rows, index = self._indexed(article)
        candidates = rows if index is None else [rows[k] for k in index.overlapping(start, end)]
        for s, e, ident in candidates:
            overlap = min(e, end) - max(s, start)
            if overlap > 0 and (best is None or overlap > best[0]):
                best = (overlap, ident)
        return best[1] if best else None


def _fold(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s]", " ", text.casefold())).strip()


def _head_key(text: str | None) -> str | None:
    """A subject or object without a name: its last word, folded (``the offensive``)."""
    if not text:
        return None
    words = _fold(text).split()
    return words[-1] if words else None


# --------------------------------------------------------------------------- statements


def find_statements(
    articles: Sequence[Article],
    annotations: Sequence[DocAnnotations],
    quotes: Sequence[Quote],
    citations: Sequence[Citation],
    entity_spans: Mapping[tuple[str, int, int], str],
    place_spans: Mapping[tuple[str, int, int], str],
    memo: MemoStore | None = None,
) -> list[Statement]:
    """Every asserted clause and every actor-describing apposition of the corpus. With
    ``memo`` (the store) and annotations read from it, each article's statements are kept
    there between builds (:mod:`.stored_statements`): only articles whose inputs a build has
    not met are read and searched again."""
    finder = StatementFinder(articles, quotes, citations, SpanIndex(entity_spans),
                             SpanIndex(place_spans))
    from ..store.annotation_view import StoredAnnotations

    pool = StatementPool()
    if memo is not None and isinstance(annotations, StoredAnnotations):
        from .stored_statements import remembered_statements

        # Pooled as they are made or decoded: a second copy of each statement made only to
        # pool it was a tenth of an add's claims step.
        per_article = remembered_statements(memo, finder, annotations, pool)
    else:
        per_article = ([pool.shared(st) for st in finder.of(ann)] for ann in annotations
                       if ann.article in finder.by_id)
    out: list[Statement] = []
    for found in per_article:
        out.extend(found)
    return out


class StatementFinder:
    """What finding one article's statements needs of the corpus."""

    def __init__(self, articles: Sequence[Article], quotes: Sequence[Quote],
                 citations: Sequence[Citation], entities: SpanIndex, places: SpanIndex
                 ) -> None:
        self.entities = entities
        self.places = places
        self.by_id = {a.id: a for a in articles if a.duplicate_of is None}
        self.quotes_of: dict[str, list[Quote]] = defaultdict(list)
        for q in quotes:
            self.quotes_of[q.article].append(q)
        self.citations_of: dict[str, list[Citation]] = defaultdict(list)
        for c in citations:
            self.citations_of[c.article].append(c)

    def of(self, ann: DocAnnotations) -> list[Statement]:
        """The statements of one (unduplicated) article, in the order they are found."""
        article = self.by_id[ann.article]
        context = _ArticleContext(article, self.quotes_of[article.id],
                                  self.citations_of[article.id], self.entities, self.places,
                                  ann)
        out: list[Statement] = []
        # A statement's key names its article, so only the article's own keys can repeat.
        keys: set[SpanKey] = set()
        for clause in ann.clauses:
            statement = context.statement(clause)
            if statement is not None:
                out.append(statement)
                keys.add(statement.key)
        for descriptor in ann.descriptors:
            described = context.description(descriptor)
            if described is not None:
                out.append(described)
                keys.add(described.key)
        for span in denied_spans(article.text, ann.clauses):
            denial = context.denied(span)
            if denial is not None and denial.key not in keys:
                keys.add(denial.key)
                out.append(denial)
        return out


class StatementPool:
    """One object for each distinct set and word the statements carry.

    The statements are held whole through the claims step (merging and contradictions
    compare across the corpus), and their sets of entities, places, predicate classes and
    context were each a frozenset of their own (about 200 bytes even for one member), most
    of them equal to another statement's. Equal frozensets and strings are interchangeable,
    so each statement keeps the first one met; its text and its evidence's text share one
    string when they are the same span."""

    def __init__(self) -> None:
        self._sets: dict[frozenset[str], frozenset[str]] = {}
        self._words: dict[str, str] = {}

    def one_set(self, value: frozenset[str]) -> frozenset[str]:
        return self._sets.setdefault(value, value)

    def one_word(self, value: str | None) -> str | None:
        return None if value is None else self._words.setdefault(value, value)

    def shared(self, st: Statement) -> Statement:
        evidence = st.evidence
        if evidence.text == st.text:
            evidence = replace(evidence, text=st.text)
        return replace(
            st, evidence=evidence, entities=self.one_set(st.entities),
            places=self.one_set(st.places), classes=self.one_set(st.classes),
            context=self.one_set(st.context), predicate=self.one_word(st.predicate) or st.predicate,
            object_head=self.one_word(st.object_head), object_key=self.one_word(st.object_key),
            subject=self.one_word(st.subject),
        )


class _ArticleContext:
    def __init__(self, article: Article, quotes: list[Quote], citations: list[Citation],
                 entities: SpanIndex, places: SpanIndex, ann: DocAnnotations) -> None:
        self.article = article
        self.quotes = quotes
        self.citations = citations
        self.entities = entities
        self.places = places
        self.times = [t for t in ann.times if t.value and t.type == "DATE"]
        self.lexicon = predicate_lexicon()
        self.kinds = quantity_kinds()

    def _attribution(self, start: int, end: int) -> tuple[str | None, str | None, str | None]:
        """(speaker entity, speaker words, relayed outlet) of the quote holding the span."""
        for quote in self.quotes:
            if (quote.start <= start + 5 and quote.end >= end - 5) or (
                start <= quote.start and quote.end <= end and quote.end - quote.start
                > (end - start) // 2
            ):
                chain = provenance_chain(quote, self.article, self.citations)
                return quote.speaker, quote.speaker_text, (chain.via[0] if chain.via else None)
        return None, None, None

    def statement(self, clause: ClauseMention) -> Statement | None:
        if clause.modality != "asserted" or clause.predicate in _EMPTY_PREDICATES:
            return None
        if intended(self.article.text, clause.pred_start):
            return None  # ``threatened to withdraw``: an intention, not what happened
        a = self.article
        start, end = (clause.clause_start, clause.clause_end) if clause.clause_end else (
            clause.start, clause.end)
        if end - start > MAX_CLAUSE_CHARS or end <= start:
            return None
        if clause.subject_start is None and _PURPOSE.match(a.text, start, end):
            return None  # ``(ordered the cut) to protect Dadu city``: a purpose, no assertion
        # ``after a section of the embankment gave way``: the claim is what the clause
        # asserts; the word tying it to the sentence around it is no part of it.
        joined = _SUBORDINATOR.match(a.text, start, end)
        if joined is not None and joined.end() < end:
            start = joined.end()
        entity_ids = frozenset(self.entities.inside(a.id, start, end))
        place_ids = frozenset(self.places.inside(a.id, start, end))
        quantities = tuple(self._quantities(clause))
        if not entity_ids and not place_ids and not quantities:
            return None  # nothing to pin it to: ``Clashes are ongoing``
        subject = None
        if clause.subject_start is not None and clause.subject_end is not None:
            subject = self.entities.best(a.id, clause.subject_start, clause.subject_end)
        subject_text = clause.subject_text
        if subject is None and subject_text and _fold(subject_text) in _PRONOUNS:
            subject_text = None
        obj = None
        if clause.object_start is not None and clause.object_end is not None:
            # The named thing that heads the object, not one inside it: the object of
            # ``advanced the United States' efforts`` is the efforts, not the United States.
            obj = next((i for index in (self.entities, self.places)
                        for i in index.inside(a.id, clause.object_start, clause.object_end)
                        if index.ends_near(a.id, i, clause.object_end)), None)
        speaker, speaker_text, via = self._attribution(clause.start, clause.end)
        denied_by = None
        if clause.denied_by_start is not None and clause.denied_by_end is not None:
            denied_by = self.entities.best(a.id, clause.denied_by_start, clause.denied_by_end) \
                or _fold(a.text[clause.denied_by_start:clause.denied_by_end])
        return Statement(
            key=(a.id, start, end),
            article=a.id,
            outlet=a.outlet,
            published=a.published or (a.date_range[0] if a.date_range else None),
            dated=a.published is not None,
            text=a.text[start:end],
            evidence=Evidence(a.id, clause.start, clause.end, a.text[clause.start:clause.end]),
            subject=subject or _head_key(subject_text),
            subject_text=subject_text,
            object_key=obj or _head_key(clause.object_text),
            object_text=clause.object_text,
            object_head=clause.object_lemmas.split()[-1] if clause.object_lemmas else None,
            entities=entity_ids,
            places=place_ids,
            classes=self.lexicon.classes_of(clause.predicate, clause.object_lemmas),
            predicate=clause.predicate,
            negated=clause.negated,
            attempted=clause.attempted,
            quantities=quantities,
            dates=tuple(sorted({t.value for t in self.times if t.value and
                                _CALENDAR.fullmatch(t.value) and
                                clause.start <= t.start < clause.end})),
            speaker=speaker,
            speaker_text=speaker_text,
            via=via,
            denied_by=denied_by,
            context=frozenset(self.entities.inside(a.id, clause.start, clause.end))
            | frozenset(self.places.inside(a.id, clause.start, clause.end)),
        )

    def _quantities(self, clause: ClauseMention) -> list[Quantity]:
        out: list[Quantity] = []
        for q in clause.quantities:
            kind = self.kinds.get(q.counted) or self.kinds.get(clause.predicate)
            if kind is None:
                continue
            out.append(Quantity(kind, q.value, q.qualifier, q.text))
        return out

    def description(self, descriptor: DescriptorMention) -> Statement | None:
        """``HTS, a former al-Qaeda affiliate``: the apposition as a statement about HTS."""
        if descriptor.kind != "apposition" or descriptor.target_start is None:
            return None
        a = self.article
        target_end = descriptor.target_end or descriptor.target_start
        entity = self.entities.best(a.id, descriptor.target_start, target_end)
        if entity is None:
            return None
        mentioned = frozenset(self.entities.inside(a.id, descriptor.start, descriptor.end))
        if not mentioned - {entity}:
            return None  # ``Aleppo, Syria's second city``: compared only when naming a third
        sentence = _sentence_around(a.text, descriptor.start, descriptor.end)
        start = min(descriptor.target_start, descriptor.start)
        speaker, speaker_text, via = self._attribution(*sentence)
        return Statement(
            key=(a.id, start, descriptor.end),
            article=a.id,
            outlet=a.outlet,
            published=a.published or (a.date_range[0] if a.date_range else None),
            dated=a.published is not None,
            text=a.text[start:descriptor.end],
            evidence=Evidence(a.id, sentence[0], sentence[1], a.text[sentence[0]:sentence[1]]),
            subject=entity,
            subject_text=a.text[descriptor.target_start:target_end],
            object_key=None,
            object_text=descriptor.text,
            object_head=descriptor.head,
            entities=mentioned | {entity},
            places=frozenset(),
            classes=frozenset(),
            predicate="is",
            negated=False,
            attempted=False,
            quantities=(),
            dates=(),
            speaker=speaker,
            speaker_text=speaker_text,
            via=via,
            description_of=entity,
        )


    def denied(self, span: DeniedSpan) -> Statement | None:
        """``the minister rejected reports that <content>``: the content as a statement the
        outlet reports and the denier denies."""
        a = self.article
        entity_ids = frozenset(self.entities.inside(a.id, span.start, span.end))
        place_ids = frozenset(self.places.inside(a.id, span.start, span.end))
        if not entity_ids and not place_ids:
            return None
        # The denier is the entity heading the phrase (``the minister, Imtiaz Dharejo``), not
        # one modifying it (``Sindh's irrigation minister`` is not Sindh).
        denier = next((ident for ident in self.entities.inside(
            a.id, span.denier_start, span.denier_end) if self.entities.ends_near(
            a.id, ident, span.denier_end)), None) or " ".join(
            a.text[span.denier_start:span.denier_end].split())
        if not denier:
            return None
        subject = next((e for e in self.entities.inside(a.id, span.start, span.start + 40)),
                       None)
        text = a.text[span.start:span.end]
        return Statement(
            key=(a.id, span.start, span.end),
            article=a.id,
            outlet=a.outlet,
            published=a.published or (a.date_range[0] if a.date_range else None),
            dated=a.published is not None,
            text=text,
            evidence=Evidence(a.id, span.evidence_start, span.evidence_end,
                              a.text[span.evidence_start:span.evidence_end]),
            subject=subject,
            subject_text=None,
            object_key=None,
            object_text=None,
            object_head=None,
            entities=entity_ids,
            places=place_ids,
            classes=frozenset(),
            predicate="deny",
            negated=False,
            attempted=False,
            quantities=(),
            dates=(),
            speaker=None,
            speaker_text=None,
            via=None,
            denied_by=denier,
            context=entity_ids | place_ids,
        )


def _sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence holding ``[start, end)``: from the last sentence end before it to the next
    one after it (a line break always ends one)."""
    lo = max(text.rfind("\n", 0, start), *(text.rfind(p, 0, start) for p in (". ", "? ", "! ")))
    lo = lo + 1 if lo >= 0 else 0
    while lo < start and text[lo].isspace():
        lo += 1
    hi_candidates = [i for i in (text.find(p, end) for p in (". ", ".\n", "\n")) if i >= 0]
    hi = min(hi_candidates) + 1 if hi_candidates else len(text)
    if hi > len(text):
        hi = len(text)
    return lo, hi
