"""Python's cycle collector paused while a step makes many objects and no cycles.

A corpus step that builds a record per event mention (hundreds of thousands at 2,000
articles: records, tuples, lists, decoded JSON) sets off a full collection every so often,
and each full collection walks every object the build holds, to free nothing: none of those
objects refers back to itself. :func:`collector_paused` turns the collector off for such a
block only; what the block leaves behind is collected as usual afterwards.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["collector_paused"]


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cycle collector off within the block (left off if it was off before)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
