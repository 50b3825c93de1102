"""``sitroom compact``: give the disk back the space a store's file no longer uses.

DuckDB reuses the blocks that deleted rows leave free, but never shrinks its file. A store
gathers such blocks when memos of an older sitroom are dropped after an upgrade (each code
version primes its own, up to hundreds of MB at a few thousand articles) and when a build
replaces what it remembers. Compacting copies the live rows into a new file beside the old
one and swaps the two with one rename, holding the folder's lock, so a build cannot write
meanwhile and a run killed at any point leaves a whole store behind.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from ..errors import StoreError
from .store import DB_NAME, Store, store_exists

#: The new file while it is written; a leftover of a killed run is removed by the next.
COMPACTING_NAME = DB_NAME + ".compacting"


@dataclass(frozen=True)
class CompactResult:
    """What compacting a store did."""

    folder: Path
    bytes_before: int
    bytes_after: int
    seconds: float

    @property
    def bytes_freed(self) -> int:
        return max(0, self.bytes_before - self.bytes_after)

    def to_dict(self) -> dict[str, Any]:
        return {
            "folder": str(self.folder),
            "bytes_before": self.bytes_before,
            "bytes_after": self.bytes_after,
            "bytes_freed": self.bytes_freed,
            "seconds": round(self.seconds, 3),
        }


def compact(folder: str | Path) -> CompactResult:
    """Rewrite the store in ``folder`` without its free space. Its contents, the report
    files and what later builds reuse stay as they were."""
    path = Path(folder)
    if not store_exists(path):
        raise StoreError(
            f"{path} holds no sitroom store ({DB_NAME} is missing)",
            fix=f"build one first: sitroom build INPUT... --out {path}",
        )
    started = time.perf_counter()
    db_path = path / DB_NAME
    temp = path / COMPACTING_NAME
    with Store.open(path) as store:
        before = db_path.stat().st_size
        _remove_leftover(temp)
        try:
            store.copy_into(temp)
        except (duckdb.Error, OSError) as err:
            _remove_leftover(temp)
            message = str(err).splitlines()[0] if str(err) else type(err).__name__
            raise StoreError(
                f"cannot compact the store in {path}: {message}",
                fix="nothing was changed; compacting writes a copy of the live rows beside "
                f"the store (up to {before // 2**20 + 1} MiB): free that much disk space",
            ) from err
        except BaseException:
            _remove_leftover(temp)
            raise
        try:
            store.replace_file(temp)
        finally:
            _remove_leftover(temp)  # gone once swapped in; a refused swap leaves no copy
        after = db_path.stat().st_size
    return CompactResult(path, before, after, time.perf_counter() - started)


def _remove_leftover(temp: Path) -> None:
    for leftover in (temp, temp.with_name(temp.name + ".wal")):
        leftover.unlink(missing_ok=True)


__all__ = ["COMPACTING_NAME", "CompactResult", "compact"]
