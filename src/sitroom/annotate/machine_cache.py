"""Derived data kept once per machine under ``$SITROOM_CACHE_DIR`` (default
``~/.cache/sitroom``), in :mod:`marshal` form.

Every process that annotates builds the same tables from the installed packages (the NER
gazetteer folds some hundred thousand place names: seconds per process). A table is kept
under a file name that names everything it was built from, so a changed input is a new
file and a stale one is never read. Writing is atomic (a temporary file, then a rename), so
parallel build processes never read half a file; a home that cannot be written only means
the table is built again next time.
"""

from __future__ import annotations

import marshal
import os
import sys
from pathlib import Path
from typing import Any


def cache_folder() -> Path:
    """The per-machine cache folder (the one the place index uses too)."""
    base = os.environ.get("SITROOM_CACHE_DIR") or os.path.join(
        os.path.expanduser("~"), ".cache", "sitroom"
    )
    return Path(base)


def kept_path(stem: str) -> Path:
    """Where a table named ``stem`` is kept; marshal's format may change between Python
    versions, so the version is part of the name."""
    return cache_folder() / f"{stem}-py{sys.version_info[0]}{sys.version_info[1]}.marshal"


def load_kept(stem: str) -> Any | None:
    """The table kept as ``stem``, or None when there is none (or it cannot be read)."""
    try:
        with open(kept_path(stem), "rb") as handle:
            return marshal.load(handle)
    except (OSError, EOFError, ValueError, TypeError):
        return None


def keep(stem: str, payload: Any) -> None:
    """Keep ``payload`` (marshal-able values only) as ``stem``; a failure is not an error."""
    path = kept_path(stem)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        with open(temporary, "wb") as handle:
            marshal.dump(payload, handle)
        os.replace(temporary, path)
    except OSError:
        pass  # read-only home: built again next time, still correct
