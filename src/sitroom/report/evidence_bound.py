"""How much evidence each event carries into report.json.

An event told many times (the flood of a flood story, the offensive of a war) gathers
dozens of mentions, and each figure or date it disputes repeats the passages that give it:
a few such events made up much of report.json. The report keeps, for the event and for each
of its values, the first passage of every article (so filtering the report by outlet or
article finds it just as before), then further passages in order up to a limit, and states
how many there are in all (``evidence_total``). The store keeps every passage.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..types import Evidence

#: Passages kept per event beyond the first of each article.
EVENT_EVIDENCE = 12
#: Passages kept per disputed value or figure beyond the first of each article.
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
