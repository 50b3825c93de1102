"""Claims, contradictions, framing and the summary in one call, for the pipeline."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
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
from .claim_events import link_claims_to_events
from .claims import ClaimVectors, build_claims
from .framing import build_framing
from .summary import summarize
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
    events: Sequence[Event] = (),
    framing_annotations: Sequence[DocAnnotations] | None = None,
    memo: MemoStore | None = None,
) -> Findings:
    """Claims (with corroboration and contradictions, linked to ``events``), framing per
    outlet, and a summary per story (one point per event); without stories, the whole corpus
    is summarised as one. ``framing_annotations``: what the framing step reads (their
    descriptors and mentions), when the caller hands the claims a narrower view
    (clauses, descriptors, times) to save decoding; ``annotations`` otherwise. ``memo``:
    where per-article work is kept between builds (the store)."""
    # Framing first: it reads nothing of the claims, and what it holds while it works (every
    # article's words, and on a first build their memo entries) then no longer stacks on
    # every claim record and first-statement vector; its result is small.
    framing = build_framing(articles, framing_annotations if framing_annotations is not None
                            else annotations, entity_spans, memo)
    names = {e.id: e.name for e in entities} | {p.id: p.name for p in places}
    found = build_claims(articles, annotations, quotes, citations, entity_spans, place_spans,
                         names, cache, memo)
    claims = link_claims_to_events(found.claims, events) if events else found.claims
    contradictions, vectors = found.contradictions, found.vectors
    del found  # the claims before linking: a second copy of every claim record
    groups: list[tuple[str | None, tuple[str, ...]]] = [(s.id, s.articles) for s in stories]
    if not groups:
        groups = [(None, tuple(a.id for a in articles))]
    # Each story is summarised from the claims with evidence in its articles, found through
    # an index by article (in the claims' own order, which is all summarize looks at):
    # scanning every claim for every story grew with stories x claims.
    by_article: dict[str, list[int]] = defaultdict(list)
    for position, claim in enumerate(claims):
        for item in claim.evidence:
            by_article[item.article].append(position)
    summary: list[SummaryItem] = []
    for story, members in groups:
        positions = sorted({p for article in members for p in by_article.get(article, ())})
        story_claims = [claims[p] for p in positions]
        if isinstance(vectors, ClaimVectors):  # the vectors summarize may compare
            vectors.read_ahead(c.id for c in story_claims
                               if c.kind == "statement" and not c.contradicts)
        summary.extend(summarize(members, story_claims, contradictions, vectors,
                                 story=story))
    return Findings(claims, contradictions, framing, tuple(summary))

