"""Handing freed memory back to the system between the stages of a build.

A build's peak is set by what its stages hold together; once a stage's objects are gone,
Python's collector frees the cycles among them, but glibc's allocator keeps freed heap pages
in the process unless asked to trim them, so the next stage would not see them as free
memory in the system's count (RSS). Elsewhere (macOS, musl) the trim is skipped. A library
with an allocator of its own (DuckDB's) is asked to hand back what it keeps
(:class:`HoldsMemory`).

Python's own allocator for small objects hands memory back only in whole arenas (1 MiB),
and one live object keeps its arena. A step that reads many records and keeps a few small
values of each (an id per event) leaves those values scattered over every arena it used, so
the arenas stay mapped after the records are freed. :func:`fresh_copy` makes such a value
anew once the reading is done, and the old arenas can then be emptied and returned.
"""

from __future__ import annotations

import ctypes
import gc
from collections.abc import Callable
from functools import lru_cache
from typing import Protocol, runtime_checkable


@runtime_checkable
class HoldsMemory(Protocol):
    """Something that keeps memory of its own past work and can hand it back (the store:
    DuckDB's cached blocks and its allocator's free pages)."""

    def release_memory(self) -> None: ...


def release_freed_memory(*holders: HoldsMemory) -> None:
    """Collect unreachable objects, let each of ``holders`` hand back what it keeps, then
    return free heap pages to the system where the C library can (glibc's
    ``malloc_trim``)."""
    gc.collect()
    for holder in holders:
        holder.release_memory()
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


def fresh_copy(text: str) -> str:
    """A new string equal to ``text`` (not ``text`` itself; one-character strings are shared
    by Python and stay so)."""
    return text[:1] + text[1:]


@lru_cache(maxsize=1)
def _malloc_trim() -> Callable[[int], int] | None:
    try:
        libc = ctypes.CDLL("libc.so.6")
        trim: Callable[[int], int] = libc.malloc_trim
    except (OSError, AttributeError):
        return None
    return trim
