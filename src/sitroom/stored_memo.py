"""Answers of pure, costly corpus-step functions, kept in the store between builds.

A build that adds a few articles asks most of the same questions again (which gazetteer
entries a place name could be, inside which countries). A :class:`StoredMemo` loads the
answers a namespace holds, lets the step add new ones, and writes only those back. The
namespace names the code and data the answers depend on, so a change to either starts an
empty one and an old answer can never be served.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Set
from typing import Protocol


class MemoStore(Protocol):
    def memo_entries(self, namespace: str) -> dict[str, str]: ...

    def add_memo_entries(self, namespace: str, rows: list[tuple[str, str]]) -> None: ...


class StoredMemo:
    """``values`` is a plain dict the step reads and fills; :meth:`save` stores what is new."""

    def __init__(self, store: MemoStore, namespace: str) -> None:
        self.namespace = namespace
        self.values = store.memo_entries(namespace)
        self._loaded = set(self.values)

    def save(self, store: MemoStore) -> int:
        """Store the answers added since loading; returns how many."""
        fresh = [(k, v) for k, v in self.values.items() if k not in self._loaded]
        store.add_memo_entries(self.namespace, fresh)
        self._loaded.update(k for k, _ in fresh)
        return len(fresh)


def replace_served(store: MemoStore, name_space: str, served: Set[str],
                   fresh: Mapping[str, str]) -> None:
    """Store a per-article memo's ``fresh`` entries after dropping every entry of
    ``name_space`` the build neither served nor made again: their articles are gone or their
    inputs changed, so they would never be read and would pile up. A store that cannot
    drop entries only gains the new ones."""
    keep = getattr(store, "keep_memo_entries", None)
    if callable(keep):
        keep(name_space, sorted(served - fresh.keys()))
    store.add_memo_entries(name_space, sorted(fresh.items()))


def namespace(name: str, *depends_on: str) -> str:
    """``name`` qualified by a digest of what its answers depend on."""
    digest = hashlib.sha256("\n".join(depends_on).encode("utf-8")).hexdigest()[:16]
    return f"{name}:{digest}"
