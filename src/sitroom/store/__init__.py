"""The embedded DuckDB store kept in the output folder (``sitroom.duckdb``).

One writer at a time: a build holds ``sitroom.lock`` for its whole run, and a second build on
the same folder is refused with a message saying so. Every write happens inside
:meth:`Store.transaction`, so a killed run leaves only whole batches behind, and a rerun
carries on from there without duplicates (all keys are content hashes or input locators).
"""

from __future__ import annotations

from .store import DB_NAME, LOCK_NAME, Store, store_exists

__all__ = ["DB_NAME", "LOCK_NAME", "Store", "store_exists"]
