"""Which event a claim is about: the event whose evidence overlaps the claim's evidence most
often (a claim's passage and an event's clause are spans of the same article's text).

An index from article to event spans, searched by bisection, keeps it near-linear in the
evidence."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace

from ..annotate.span_overlap import Ranges
from ..types import Claim, Event


def link_claims_to_events(claims: Sequence[Claim], events: Sequence[Event]) -> tuple[Claim, ...]:
    """``claims`` with ``event`` set where an event's evidence overlaps theirs. Ties go to
    the event that happened (not only threatened or denied), then to the lower id."""
    # Only the id and whether it happened are kept per span, not the event: ``events`` may
    # be read from disk a block at a time (report.spill), and holding every event here
    # would bring the whole list back into memory.
    spans: dict[str, list[tuple[int, int, str, bool]]] = defaultdict(list)
    for event in events:
        for item in event.evidence:
            spans[item.article].append((item.start, item.end, event.id, event.happened))
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
