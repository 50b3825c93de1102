"""Claims, contradictions, framing and the summary in one call, for the pipeline."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from ..stored_memo import MemoStore
from ..types import (
    Article,
    Citation,
    Claim,
    Contradiction,
    DocAnnotations,
    Entity,
    Event,
    Framing,
    Place,
    Quote,
    Story,
    SummaryItem,
)
from .claim_events import link_claims_to_events, link_claims_to_spans
from .claims import ClaimVectors, Vector, build_claims
from .embed import one_blas_thread
from .event_notes import EventNotes
from .framing import build_framing
from .gc_pause import collector_paused
from .stored_summaries import RememberedSummaries, decode_summary, encode_summary, story_digest
from .summary import point_candidates, summarize, summarize_together
from .vectors import VectorCache


@dataclass(frozen=True, slots=True)
class Findings:
    claims: tuple[Claim, ...] = ()
    contradictions: tuple[Contradiction, ...] = ()
    framing: tuple[Framing, ...] = ()
    summary: tuple[SummaryItem, ...] = ()


def build_findings(
    articles: Sequence[Article],
    annotations: Sequence[DocAnnotations],
    quotes: Sequence[Quote],
    citations: Sequence[Citation],
    entities: Sequence[Entity],
    entity_spans: Mapping[tuple[str, int, int], str],
    places: Sequence[Place],
    place_spans: Mapping[tuple[str, int, int], str],
    stories: Sequence[Story] = (),
    cache: VectorCache | None = None,
    events: Sequence[Event] | EventNotes = (),
    framing_annotations: Sequence[DocAnnotations] | None = None,
    memo: MemoStore | None = None,
) -> Findings:
    """Claims (with corroboration and contradictions, linked to ``events``), framing per
    outlet, and a summary per story (one point per event); without stories, the whole corpus
    is summarised as one. ``framing_annotations``: what the framing step reads (their
    descriptors and mentions), when the caller hands the claims a narrower view
    (clauses, descriptors, times) to save decoding; ``annotations`` otherwise. ``memo``:
    where per-article work is kept between builds (the store)."""
    # The step makes a record or more per statement and per claim (tens of thousands at
    # 2,000 articles, each with its sets and tuples) and no cycles: with the collector on,
    # each full collection walks everything the build holds to free nothing (see gc_pause).
    # Its products are many and small (a bucket's vectors, a denial's against every
    # statement): the BLAS's other threads cost more CPU waiting for work than they save.
    with collector_paused(), one_blas_thread():
        # Framing first: it reads nothing of the claims, and what it holds while it works
        # (every article's words, and on a first build their memo entries) then no longer
        # stacks on every claim record and first-statement vector; its result is small.
        framing = build_framing(articles, framing_annotations if framing_annotations is not None
                                else annotations, entity_spans, memo)
        names = {e.id: e.name for e in entities} | {p.id: p.name for p in places}
        found = build_claims(articles, annotations, quotes, citations, entity_spans, place_spans,
                             names, cache, memo)
        del names  # one entry per entity and place, read by the claims alone
        if isinstance(events, EventNotes):  # the events are on disk: their passages were noted
            claims = (link_claims_to_spans(found.claims, events.spans()) if len(events)
                      else found.claims)
        else:
            claims = link_claims_to_events(found.claims, events) if events else found.claims
        contradictions, vectors = found.contradictions, found.vectors
        del found  # the claims before linking: a second copy of every claim record
        groups: list[tuple[str | None, tuple[str, ...]]] = [(s.id, s.articles) for s in stories]
        if not groups:
            groups = [(None, tuple(a.id for a in articles))]
        # Each story is summarised from the claims with evidence in its articles, found
        # through an index by article (in the claims' own order, which is all summarize looks
        # at): scanning every claim for every story grew with stories x claims.
        by_article: dict[str, list[int]] = defaultdict(list)
        for position, claim in enumerate(claims):
            for item in claim.evidence:
                by_article[item.article].append(position)
        summary = summarize_stories(groups, by_article, claims, contradictions, vectors, memo)
        return Findings(claims, contradictions, framing, tuple(summary))


def summarize_stories(
    groups: Sequence[tuple[str | None, tuple[str, ...]]],
    by_article: Mapping[str, Sequence[int]],
    claims: Sequence[Claim],
    contradictions: Sequence[Contradiction],
    vectors: Mapping[str, Vector],
    memo: MemoStore | None = None,
) -> list[SummaryItem]:
    """The summary of each story of ``groups`` (id, articles) in turn. With ``memo`` and
    :class:`~.claims.ClaimVectors`, a story whose inputs a build has met is not summarised
    again (:mod:`.stored_summaries`): its digest needs the text each claim's vector is made
    of, which ClaimVectors knows."""
    remembered = (RememberedSummaries(memo)
                  if memo is not None and isinstance(vectors, ClaimVectors) else None)
    summary: list[SummaryItem] = []
    for batch in _batches(groups, by_article, claims):
        keys: list[str | None] = [None] * len(batch)
        stored: dict[str, str] = {}
        if remembered is not None and isinstance(vectors, ClaimVectors):
            keys = [story_digest(story, members, story_claims, contradictions, vectors.text_of)
                    for story, members, story_claims in batch]
            stored = remembered.stored([k for k in keys if k is not None])
        if isinstance(vectors, ClaimVectors):  # the vectors summarize may compare
            vectors.read_ahead(c.id for (_s, _m, story_claims), key in zip(batch, keys,
                                                                           strict=True)
                               if key not in stored for c in point_candidates(story_claims))
        fresh: dict[str, str] = {}
        made = _summarized([(story, members, story_claims) for (story, members, story_claims),
                            key in zip(batch, keys, strict=True) if key not in stored],
                           contradictions, vectors)
        for key in keys:
            if key is not None and key in stored:
                summary.extend(decode_summary(stored[key]))
                continue
            items = next(made)
            if key is not None:
                fresh[key] = encode_summary(items)
            summary.extend(items)
        if remembered is not None:
            remembered.remember(fresh)
    if isinstance(vectors, ClaimVectors):
        vectors.flush()  # the vectors embedded for the last run of stories, kept in one write
    if remembered is not None:
        remembered.finish()
    return summary


def _summarized(stories: Sequence[tuple[str | None, tuple[str, ...], list[Claim]]],
                contradictions: Sequence[Contradiction], vectors: Mapping[str, Vector]
                ) -> Iterator[tuple[SummaryItem, ...]]:
    """The summary of each of ``stories`` in order: with :class:`~.claims.ClaimVectors`,
    all of them together, so that the vectors they compare are embedded a round at a time
    rather than one text at a time (333 texts at 200 articles, each alone twice as dear)."""
    if isinstance(vectors, ClaimVectors):
        yield from summarize_together(stories, contradictions, vectors, vectors)
        return
    for story, members, story_claims in stories:
        yield summarize(members, story_claims, contradictions, vectors, story=story)


#: Claims whose stored vectors are read ahead at once, for as many stories as they fill: a
#: query a story cost about 20 ms at 2,000 articles (the store's vector table is scanned
#: whatever the number of digests asked), some 600 stories.
AHEAD_CLAIMS = 4096


def _batches(
    groups: Sequence[tuple[str | None, tuple[str, ...]]],
    by_article: Mapping[str, Sequence[int]],
    claims: Sequence[Claim],
) -> Iterator[list[tuple[str | None, tuple[str, ...], list[Claim]]]]:
    """The stories in order, each with its claims (in the claims' order, which is all
    summarize looks at), in runs whose claims number about :data:`AHEAD_CLAIMS`: what one
    read ahead serves, and what is held at once."""
    batch: list[tuple[str | None, tuple[str, ...], list[Claim]]] = []
    held = 0
    for story, members in groups:
        positions = sorted({p for article in members for p in by_article.get(article, ())})
        batch.append((story, members, [claims[p] for p in positions]))
        held += len(positions)
        if held >= AHEAD_CLAIMS:
            yield batch
            batch, held = [], 0
    if batch:
        yield batch
