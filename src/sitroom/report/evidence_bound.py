"""How many passages each disputed value of an event repeats in report.json.

An event keeps every mention in its ``evidence``. Each value of it that the sources give
(a date, a place, a death toll in ``numbers`` or ``conflicts``) also lists the passages that
give it, copies of passages already in the event's evidence: for an event told many times
those copies made up much of report.json. A value keeps the first passage of every article
that gives it (so its outlets can be checked, article by article), then further passages in
order up to a limit, and says how many there are in all (``evidence_total``).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..types import Evidence

#: Passages kept per value or figure when its articles are fewer than this.
VALUE_EVIDENCE = 3


def bounded(items: Sequence[Evidence], limit: int) -> tuple[Evidence, ...]:
    """The first passage of each article, then the others in order while fewer than
    ``limit`` are kept; in the order of ``items``."""
    keep: set[int] = set()
    seen: set[str] = set()
    for i, item in enumerate(items):
        if item.article not in seen:
            seen.add(item.article)
            keep.add(i)
    for i in range(len(items)):
        if len(keep) >= limit:
            break
        keep.add(i)
    return tuple(item for i, item in enumerate(items) if i in keep)
