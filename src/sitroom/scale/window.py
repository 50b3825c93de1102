"""Work sent ahead to parallel workers and taken back in the order it was sent.

Both ways of spreading the per-document stage (a process pool, a Dask cluster) use it: the
store must be written in the same order as a one-process run, and the batches, read lazily
from the store, must be drawn only a little ahead of the results so that their texts are
never all held at once."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

#: Batches sent to the workers ahead of the one being waited for, per worker.
IN_FLIGHT_PER_WORKER = 2


def in_submission_order(
    items: Iterable[Item], submit: Callable[[Item], Callable[[], Result]], in_flight: int
) -> Iterator[Result]:
    """Submit each of ``items`` (``submit`` returns how to wait for its result), with at
    most ``in_flight`` waiting, and yield the results in submission order."""
    pending: deque[Callable[[], Result]] = deque()
    for item in items:
        pending.append(submit(item))
        if len(pending) >= in_flight:
            yield pending.popleft()()
    while pending:
        yield pending.popleft()()
