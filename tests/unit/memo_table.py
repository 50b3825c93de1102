"""The store's memo table in a dict, for tests of the steps that keep products in it."""

from __future__ import annotations

from collections.abc import Sequence


class MemoTable:
    """A memo table in a dict, with the store's per-key reads and pruning."""

    def __init__(self) -> None:
        self.rows: dict[tuple[str, str], str] = {}

    def memo_entries(self, namespace: str) -> dict[str, str]:
        return {k: v for (n, k), v in self.rows.items() if n == namespace}

    def memo_entries_of(self, namespace: str, keys: Sequence[str]) -> dict[str, str]:
        wanted = set(keys)
        return {k: v for (n, k), v in self.rows.items() if n == namespace and k in wanted}

    def add_memo_entries(self, namespace: str, rows: Sequence[tuple[str, str]]) -> None:
        for key, value in rows:
            self.rows.setdefault((namespace, key), value)

    def keep_memo_entries(self, namespace: str, keys: Sequence[str]) -> None:
        kept = set(keys)
        for name, key in list(self.rows):
            if name == namespace and key not in kept:
                del self.rows[(name, key)]
