"""Claims with their corroboration and contradictions: what the pipeline calls.

:func:`build_claims` finds the statements of every article (:mod:`.statements`), embeds
those whose vector some later check may read (:mod:`.vector_needs`; :mod:`.vectors`, cached
by text in the store), merges paraphrases into claims
(:mod:`.claim_merge`), counts each claim's independent sources (syndicated copies and
relays of one original source count once, as in :mod:`.provenance`), finds contradictions
(:mod:`.contradictions`) and sets each claim's status:

- ``denied``: a denial contradicts it and comes from the claim's own subject;
- ``contested``: another claim contradicts it;
- ``corroborated``: two or more independent sources;
- ``single_source``: otherwise.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from ..stored_memo import MemoStore
from ..types import (
    Article,
    Assertion,
    Citation,
    Claim,
    ClaimStatus,
    Contradiction,
    ContradictionSide,
    DocAnnotations,
    Evidence,
    Quote,
)
from . import vectors as text_vectors
from .claim_merge import merge_statements
from .contradictions import Draft, Found, find_contradictions
from .embed import MODEL_VERSION
from .provenance import source_key, syndication_groups, wire_credit
from .statements import Statement, find_statements
from .vector_needs import needs_vector
from .vectors import (
    VECTOR_DTYPE,
    VectorCache,
    embed_rows,
    text_digest,
)

Vector = tuple[float, ...]
#: Digests asked of the store at once when reading ahead.
_AHEAD_SLICE = 4096


class ClaimVectors(Mapping[str, Vector]):
    """Claim id -> the embedding of its first statement, for the summary's redundancy check.

    A claim whose first statement was embedded for the claims step reads that row; the
    others (statements no other statement could merge with or contradict) are embedded on
    first access, one text at a time, since the summary compares only a few claims per
    story. ``in`` and ``len`` never embed anything.

    The store is asked once per run of stories (:meth:`read_ahead`), not once per claim:
    a claim it lacked then is embedded without asking again, and what is embedded is kept
    in the store a run at a time (:meth:`flush`). At 200 articles the summary embedded 333
    texts, and a query and a write of one vector each cost 2.4 CPU s of the summary's
    10.9. :meth:`fetch` embeds many claims together (the summary asks a round at a time):
    a text's vector is the same in any batch (:mod:`.minilm`), so that is only cheaper."""

    def __init__(self, texts: Mapping[str, str], known: Mapping[str, np.ndarray],
                 cache: VectorCache | None) -> None:
        self._texts = texts
        self._known = dict(known)
        self._cache = cache
        self._ahead: dict[str, np.ndarray] = {}
        #: Digests the last read ahead looked up and the store lacked.
        self._absent: set[str] = set()
        #: Digest -> vector embedded here and not yet kept in the store.
        self._fresh: dict[str, np.ndarray] = {}

    def __getitem__(self, claim: str) -> Vector:
        row = self._known.get(claim)
        if row is None:
            row = self._ahead.pop(claim, None)
        if row is None:
            row = self._embedded(self._texts[claim])  # KeyError if unknown
        self._known[claim] = row
        return tuple(row.tolist())  # the float(x) of each float32, made in C

    def _embedded(self, text: str) -> np.ndarray:
        """The vector of ``text``: made here earlier, or embedded alone now (the store is
        asked first unless the last read ahead found it lacking)."""
        digest = text_digest(text)
        row = self._fresh.get(digest)
        if row is not None:
            return row
        if self._cache is not None and digest not in self._absent:
            stored = self._cache.stored_vectors(MODEL_VERSION, [digest])
            if digest in stored:
                return np.frombuffer(stored[digest], dtype=VECTOR_DTYPE)
        row = np.asarray(text_vectors.encode([text])[0], dtype=VECTOR_DTYPE)
        if self._cache is not None:
            self._fresh[digest] = row
        return row

    def at_hand(self, claim: str) -> bool:
        """Whether reading ``claim``'s vector needs neither the store nor the encoder."""
        return claim in self._known or claim in self._ahead

    def fetch(self, claims: Sequence[str]) -> None:
        """Make the vectors of ``claims`` at hand at once: those the store may hold (not
        looked up by the last read ahead) in one query, the rest embedded together. A
        text's vector is the same in any batch (:mod:`.minilm`), so these are the rows
        embedding each on first access gives."""
        wanted: dict[str, list[str]] = defaultdict(list)
        for claim in claims:
            if not self.at_hand(claim):
                wanted[text_digest(self._texts[claim])].append(claim)  # KeyError if unknown
        unknown = [d for d in wanted if d not in self._fresh and d not in self._absent]
        rows = dict(self._fresh)
        if self._cache is not None and unknown:
            stored = self._cache.stored_vectors(MODEL_VERSION, unknown)
            rows.update((d, np.frombuffer(b, dtype=VECTOR_DTYPE)) for d, b in stored.items())
        missing = [d for d in wanted if d not in rows]
        if missing:
            fresh = text_vectors.encode([self._texts[wanted[d][0]] for d in missing])
            for digest, row in zip(missing, fresh, strict=True):
                rows[digest] = row
                if self._cache is not None:
                    self._fresh[digest] = row
        for digest, claims_of_text in wanted.items():
            self._known.update((claim, rows[digest]) for claim in claims_of_text)

    def flush(self) -> None:
        """Keep in the store, in one write, every vector embedded since the last flush."""
        if self._cache is not None and self._fresh:
            self._cache.store_vectors(MODEL_VERSION, [
                (digest, row.tobytes()) for digest, row in self._fresh.items()])
        self._fresh = {}

    def read_ahead(self, claims: Iterable[str]) -> None:
        """Read the stored vectors of those of ``claims`` not at hand in one query (the
        claims of the stories about to be summarised): one query a claim cost about 5 CPU s
        at 2,000 articles. The rows are the ones a lookup on first access would read; a
        claim the store lacks is embedded on first access without asking the store again.
        What the last call read and nothing asked for is dropped by the next, and what was
        embedded since is kept in the store first (:meth:`flush`)."""
        self.flush()
        self._ahead = {}
        self._absent = set()
        if self._cache is None:
            return
        wanted: dict[str, list[str]] = defaultdict(list)
        for claim in claims:
            if claim not in self._known and claim in self._texts:
                wanted[text_digest(self._texts[claim])].append(claim)
        digests = list(wanted)
        found: set[str] = set()
        for start in range(0, len(digests), _AHEAD_SLICE):
            stored = self._cache.stored_vectors(MODEL_VERSION,
                                                digests[start:start + _AHEAD_SLICE])
            for digest, blob in stored.items():
                row = np.frombuffer(blob, dtype=VECTOR_DTYPE)
                self._ahead.update((claim, row) for claim in wanted[digest])
            found.update(stored)
        self._absent = set(digests) - found

    def text_of(self, claim: str) -> str | None:
        """The text ``claim``'s vector is (or would be) the embedding of; None if unknown."""
        return self._texts.get(claim)

    def __contains__(self, claim: object) -> bool:
        return claim in self._texts

    def __iter__(self) -> Iterator[str]:
        return iter(self._texts)

    def __len__(self) -> int:
        return len(self._texts)


@dataclass(frozen=True, slots=True)
class ClaimSet:
    claims: tuple[Claim, ...]
    contradictions: tuple[Contradiction, ...]
    #: claim id -> embedding of its first statement (for the summary's redundancy check)
    vectors: Mapping[str, Vector]


def build_claims(
    articles: Sequence[Article],
    annotations: Sequence[DocAnnotations],
    quotes: Sequence[Quote],
    citations: Sequence[Citation],
    entity_spans: Mapping[tuple[str, int, int], str],
    place_spans: Mapping[tuple[str, int, int], str],
    names: Mapping[str, str],
    cache: VectorCache | None = None,
    memo: MemoStore | None = None,
) -> ClaimSet:
    """Every claim of the corpus and the contradictions between them. ``memo``: where each
    article's statements are kept between builds (the store), if anywhere."""
    statements = find_statements(articles, annotations, quotes, citations, entity_spans,
                                 place_spans, memo)
    if not statements:
        return ClaimSet((), (), {})
    def name_of(key: str) -> str:
        return names.get(key, key)

    need = needs_vector(statements, name_of, memo)
    vectors = _vectors(statements, need, cache)
    groups = merge_statements(statements, vectors, need)
    drafts = [Draft(_claim_id(statements, g), tuple(g)) for g in groups]
    found = find_contradictions(drafts, statements, vectors, name_of)
    # The rows the summary may read, copied out now: nothing else reads the statement-by-
    # statement matrix after the contradictions, so it goes before the claim records are
    # made rather than beneath them.
    embedded = [d for d in drafts if need[d.members[0]]]
    first_rows = vectors[[d.members[0] for d in embedded]]
    del vectors
    by_id = {a.id: a for a in articles}
    syndicated = syndication_groups([a for a in articles if a.duplicate_of is None])
    against: dict[str, list[Found]] = defaultdict(list)
    for item in found:
        against[item.a].append(item)
        against[item.b].append(item)
    claims: list[Claim] = []
    credits: dict[str, str | None] = {}
    for draft in drafts:
        members = [statements[i] for i in draft.members]
        claims.append(_claim(draft, members, against[draft.id], by_id, syndicated, credits))
    claims.sort(key=lambda c: (-c.independent_sources, -len(c.evidence), c.id))
    contradictions = tuple(_contradiction(item, statements) for item in found)
    first_vector = ClaimVectors(
        {d.id: statements[d.members[0]].text for d in drafts},
        {d.id: first_rows[k] for k, d in enumerate(embedded)},
        cache,
    )
    return ClaimSet(tuple(claims), contradictions, first_vector)


def _vectors(statements: Sequence[Statement], need: np.ndarray, cache: VectorCache | None
             ) -> np.ndarray:
    """One row per statement: the embedding where ``need`` says so, zeros elsewhere (a zero
    row is similar to nothing, so no check that reads it can pass). Each row is written
    where it belongs as it is read back: no second matrix of the distinct rows."""
    chosen = np.flatnonzero(need)
    # Nothing embeds again before the summary, which loads the encoder anew only for a
    # claim the store lacks: the merge and contradictions, whose work grows with the
    # corpus, no longer run above the encoder's 90 MB.
    return embed_rows([statements[i].text for i in chosen.tolist()], chosen, len(statements),
                      cache, release=True)


def _claim_id(statements: Sequence[Statement], group: Sequence[int]) -> str:
    first = min(statements[i].key for i in group)
    key = f"{first[0]}:{first[1]}:{first[2]}"
    return "c_" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def independent_sources(
    members: Sequence[Statement], by_id: Mapping[str, Article], syndicated: Mapping[str, str],
    credits: dict[str, str | None] | None = None,
) -> int:
    """How many independent sources carry the statements: a quoted or relayed origin counts
    once however many outlets carry it, and so do syndicated copies of one text and an
    outlet's own articles (:func:`~sitroom.analyze.provenance.source_key`). Never more than
    the number of such sources among the articles: an outlet and the expert it quotes are
    one report. ``credits``: each article's wire credit, filled as they are read (an
    article's text was searched again for every one of its statements)."""
    keys: set[str] = set()
    groups = {source_key(syndicated.get(st.article, st.article), by_id) for st in members}
    for st in members:
        if credits is not None and st.article in credits:
            credit = credits[st.article]
        else:
            article = by_id.get(st.article)
            credit = wire_credit(article.text) if article else None
            if credits is not None:
                credits[st.article] = credit
        if st.origin:
            keys.add(st.origin)
        elif credit:
            keys.add("via:" + credit.casefold())
        else:
            keys.add(source_key(syndicated.get(st.article, st.article), by_id))
    return min(len(keys), len(groups))


def _claim(draft: Draft, members: list[Statement], found: list[Found],
           by_id: Mapping[str, Article], syndicated: Mapping[str, str],
           credits: dict[str, str | None]) -> Claim:
    members = sorted(members, key=lambda st: (st.published or "9999", st.key))
    evidence: list[Evidence] = []
    seen: set[tuple[str, int, int]] = set()
    for st in members:
        key = (st.evidence.article, st.evidence.start, st.evidence.end)
        if key not in seen:
            seen.add(key)
            evidence.append(st.evidence)
    outlets = tuple(dict.fromkeys(st.outlet for st in members))
    assertions = tuple(dict.fromkeys(
        Assertion(st.article, st.outlet, st.speaker, st.speaker_text, st.via) for st in members))
    count = independent_sources(members, by_id, syndicated, credits)
    subject = next((st.subject for st in members if st.subject and st.subject.startswith("e_")),
                   None)
    status: ClaimStatus = "corroborated" if count >= 2 else "single_source"
    if found:
        status = "contested"
        deniers = {f.denier for f in found if f.kind == "denial" and f.a == draft.id}
        if subject and subject in deniers:
            status = "denied"
    others = tuple(sorted({f.b if f.a == draft.id else f.a for f in found}))
    dates = sorted(d for st in members for d in st.dates)
    return Claim(
        id=draft.id,
        text=members[0].text,
        evidence=tuple(evidence),
        outlets=outlets,
        independent_sources=count,
        status=status,
        contradicts=others,
        asserted_by=assertions,
        kind="description" if members[0].description_of else "statement",
        subject=subject,
        date=dates[0] if dates else members[0].published,
    )


def _contradiction(item: Found, statements: Sequence[Statement]) -> Contradiction:
    def side(claim: str, members: tuple[int, ...], value: str | None) -> ContradictionSide:
        sts = [statements[i] for i in members]
        return ContradictionSide(
            claim=claim,
            text=sts[0].text,
            value=value,
            evidence=tuple(dict.fromkeys(st.evidence for st in sts)),
            outlets=tuple(dict.fromkeys(st.outlet for st in sts)),
        )

    return Contradiction(
        id=item.id,
        kind=item.kind,
        explanation=item.explanation,
        sides=(side(item.a, item.a_members, item.a_value),
               side(item.b, item.b_members, item.b_value)),
    )
