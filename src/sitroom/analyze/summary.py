"""An extractive summary of one story: nothing is written that no article says.

:func:`summarize` picks, among the story's claims that are not contested, the
best-corroborated (most independent sources, then most outlets, then most evidence) that do
not repeat one already picked (embedding similarity below :data:`REPEAT`), at most
:data:`MAX_POINTS` and :data:`PER_ARTICLE` from one article (ties go to what the outlet
states itself rather than quotes, then to what comes first in its article: the lead);
puts them in time order (the claim's date, else its first article's);
and adds each contradiction whose two sides are both in the story as a ``contested`` item
with both sides' sentences and evidence. Every item's text is the sentence of its first
passage, copied, and carries the passages it is taken from.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..types import Claim, Contradiction, SummaryItem

MAX_POINTS = 10
#: Points taken from one article at most, so that one long article does not make the brief.
PER_ARTICLE = 3
REPEAT = 0.7
MAX_POINT_CHARS = 320


def _dot(a: Sequence[float], b: Sequence[float]) -> float:
    return float(sum(x * y for x, y in zip(a, b, strict=True)))


def summarize(
    story_articles: Sequence[str],
    claims: Sequence[Claim],
    contradictions: Sequence[Contradiction] = (),
    vectors: Mapping[str, Sequence[float]] | None = None,
    *,
    story: str | None = None,
    max_points: int = MAX_POINTS,
) -> tuple[SummaryItem, ...]:
    """The summary of the story made of ``story_articles`` (article ids)."""
    members = set(story_articles)
    vectors = vectors or {}
    inside = [
        c for c in claims
        if c.kind == "statement" and any(e.article in members for e in c.evidence)
    ]
    ranked = sorted(
        (c for c in inside if not c.contradicts and len(c.evidence[0].text) <= MAX_POINT_CHARS),
        key=lambda c: (-c.independent_sources, -len(c.outlets), -len(c.evidence),
                       _quoted(c), c.evidence[0].start, c.id),
    )
    picked: list[Claim] = []
    per_article: dict[str, int] = {}
    for claim in ranked:
        if len(picked) >= max_points:
            break
        first = claim.evidence[0].article
        if per_article.get(first, 0) >= PER_ARTICLE:
            continue
        per_article[first] = per_article.get(first, 0) + 1
        vector = vectors.get(claim.id)
        if vector is not None and any(
            p.id in vectors and _dot(vector, vectors[p.id]) >= REPEAT for p in picked
        ):
            continue
        picked.append(claim)
    picked.sort(key=lambda c: (c.date or "9999", c.id))
    items = [
        SummaryItem(
            text=_sentence(c, members),
            evidence=tuple(e for e in c.evidence if e.article in members),
            story=story,
            claim=c.id,
            date=c.date,
            kind="point",
            outlets=c.outlets,
        )
        for c in picked
    ]
    for x in contradictions:
        a, b = x.sides
        if not any(e.article in members for e in a.evidence) or not any(
            e.article in members for e in b.evidence
        ):
            continue
        items.append(SummaryItem(
            text=a.evidence[0].text,
            evidence=a.evidence,
            story=story,
            claim=a.claim,
            kind="contested",
            outlets=a.outlets,
            counter_claim=b.claim,
            counter_text=b.evidence[0].text,
            counter_evidence=b.evidence,
        ))
    return tuple(items)


def _quoted(claim: Claim) -> bool:
    """Whether the claim is only in someone's words: among equally corroborated claims, what
    an outlet states itself reads as the report, a quote as one voice in it."""
    return all(a.speaker_text for a in claim.asserted_by)


def _sentence(claim: Claim, members: set[str]) -> str:
    """The whole sentence of the claim's first passage in the story: a summary reads in
    sentences, while a claim may be one clause of one."""
    return next((e.text for e in claim.evidence if e.article in members), claim.text)
