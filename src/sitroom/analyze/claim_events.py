"""Which event a claim is about: the event whose evidence overlaps the claim's evidence most
often (a claim's passage and an event's clause are spans of the same article's text).

An index from article to event spans, searched by bisection, keeps it near-linear in the
evidence."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from ..annotate.span_overlap import Ranges
from ..types import Claim, Event
from .event_notes import EventSpan, event_spans


def link_claims_to_events(claims: Sequence[Claim], events: Iterable[Event]) -> tuple[Claim, ...]:
    """``claims`` with ``event`` set where an event's evidence overlaps theirs. Ties go to
    the event that happened (not only threatened or denied), then to the lower id."""
    return link_claims_to_spans(claims, event_spans(events))


def link_claims_to_spans(
    claims: Sequence[Claim], spans: Mapping[str, Sequence[EventSpan]]
) -> tuple[Claim, ...]:
    """:func:`link_claims_to_events` given each article's event passages (from
    :func:`~.event_notes.event_spans` or :meth:`~.event_notes.EventNotes.spans`): only an
    event's id and whether it happened are needed, not the event, so the events themselves
    stay on disk (report.spill)."""
    # Each article's spans are searched by bisection: a scan of them per claim cost the
    # product of an article's claims and events (thousands of each in one crafted article).
    by_article = {article: Ranges((s[0], s[1]) for s in found) for article, found in spans.items()}
    linked: list[Claim] = []
    for claim in claims:
        votes: Counter[str] = Counter()
        happened: dict[str, bool] = {}
        for item in claim.evidence:
            index = by_article.get(item.article)
            if index is None:
                continue
            for k in index.overlapping(item.start, item.end):
                _, _, event_id, event_happened = spans[item.article][k]
                votes[event_id] += 1
                happened[event_id] = event_happened
        if not votes:
            linked.append(claim)
            continue
        best = min(votes, key=lambda eid: (-votes[eid], not happened[eid], eid))
        linked.append(replace(claim, event=best))
    return tuple(linked)
