"""Handing back what DuckDB keeps of a store's past reads."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from sitroom.store import Store


def _cached_table_bytes(store: Store) -> int:
    row = store._con.execute(
        "SELECT coalesce(sum(memory_usage_bytes), 0) FROM duckdb_memory() "
        "WHERE tag = 'BASE_TABLE'").fetchone()
    assert row is not None
    return int(row[0])


def _setting(store: Store, name: str) -> str:
    row = store._con.execute(
        "SELECT value FROM duckdb_settings() WHERE name = ?", [name]).fetchone()
    assert row is not None
    return str(row[0])


@pytest.mark.parametrize("read_only", [False, True])
def test_released_blocks_are_read_again_unchanged(tmp_path: Path, read_only: bool) -> None:
    rows = np.random.default_rng(7).standard_normal((4000, 384)).astype(np.float32)
    written = [(f"d{k}", row.tobytes()) for k, row in enumerate(rows)]
    with Store.open(tmp_path) as store:
        store.store_vectors("m", written)
    digests = [digest for digest, _ in written]
    with Store.open(tmp_path, read_only=read_only) as store:
        limit = _setting(store, "memory_limit")
        first = store.stored_vectors("m", digests)
        cached = _cached_table_bytes(store)
        assert cached > 1_000_000  # the vectors' blocks, kept after the read
        store.release_memory()
        assert _cached_table_bytes(store) < cached / 4
        assert _setting(store, "memory_limit") == limit
        assert store.stored_vectors("m", digests) == first == dict(written)
        store.release_memory()  # twice in a row is harmless, and the limit does not drift
        assert _setting(store, "memory_limit") == limit
