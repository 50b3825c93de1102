"""When a rebuild can keep the report it wrote last time.

The corpus-level steps (resolution, linking, events, claims, stories) are a pure function of
what the store holds, the build options that shape the report, and the code. A build records
a fingerprint of those three beside the report; the next build with the same fingerprint,
and both report files still in place, skips those steps and keeps the files: a rebuild with
nothing new costs what reading the inputs' sizes and dates costs.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from .config import Options
from .store import Store

META_KEY = "report_fingerprint"


_CODE_SUFFIXES = frozenset({".py", ".json", ".tsv", ".txt", ".csv", ".js", ".css", ".geojson"})


@lru_cache(maxsize=1)
def code_digest() -> str:
    """A digest of sitroom's own source, data and page assets: a change to any step's code,
    word lists or the page's script and styles must not leave an old report in place."""
    return tree_digest(Path(__file__).resolve().parent)


def tree_digest(root: Path) -> str:
    """:func:`code_digest` of the sitroom package folder ``root`` (another checkout's too)."""
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.suffix in _CODE_SUFFIXES:
            if "__pycache__" in path.parts or "demo" in path.parts:
                continue
            digest.update(str(path.relative_to(root)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def report_fingerprint(store: Store, options: Options, pipeline_version: str) -> str:
    """What the report of this build depends on, as one hex digest."""
    digest = hashlib.sha256()
    digest.update(code_digest().encode())
    digest.update(pipeline_version.encode())
    digest.update(store.content_digest(pipeline_version).encode())
    digest.update(f"as_of={options.as_of}".encode())
    if options.aliases is not None:
        digest.update(Path(options.aliases).read_bytes())
    return digest.hexdigest()


def report_is_current(store: Store, fingerprint: str, *paths: Path) -> bool:
    return store.meta(META_KEY) == fingerprint and all(p.is_file() for p in paths)


def remember_report(store: Store, fingerprint: str) -> None:
    with store.transaction():
        store.set_meta(META_KEY, fingerprint)
