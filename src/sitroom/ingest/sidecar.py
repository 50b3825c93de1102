"""``sources.csv`` sidecars: metadata for bare files, written by the user beside them.

A sidecar has a header with a ``file`` column (a path relative to the sidecar's folder) and
any of ``outlet`` (or ``source``), ``url``, ``date``, ``title``, ``author``. Its values win
over what a file's own header says: the user wrote them on purpose. Each folder's sidecar is
parsed once per process and re-read only when it changes on disk.
"""

from __future__ import annotations

import csv
import io
from functools import lru_cache
from pathlib import Path, PurePosixPath

from .dates import normalize_date
from .decode import decode_bytes
from .meta import NO_METADATA, Metadata
from .records import normalise_key

SIDECAR_NAME = "sources.csv"
_LEVELS = 3

_COLUMNS = {
    "file": "file",
    "filename": "file",
    "path": "file",
    "name": "file",
    "outlet": "outlet",
    "source": "outlet",
    "publisher": "outlet",
    "site": "outlet",
    "url": "url",
    "link": "url",
    "date": "date",
    "published": "date",
    "pubdate": "date",
    "title": "title",
    "headline": "title",
    "author": "author",
    "byline": "author",
}


def is_sidecar(name: str) -> bool:
    return PurePosixPath(name.replace("\\", "/")).name.lower() == SIDECAR_NAME


def sidecar_for(path: Path) -> Metadata:
    """What a ``sources.csv`` says about ``path`` (empty when nothing).

    The sidecar in the file's own folder is asked first, then those of a few folders above,
    whose ``file`` column would name ``sub/name.txt``.
    """
    relative = path.name
    folder = path.parent
    for _ in range(_LEVELS):
        sidecar = folder / SIDECAR_NAME
        try:
            stat = sidecar.stat()
        except OSError:
            stat = None
        if stat is not None:
            found = _load(str(sidecar), stat.st_mtime_ns, stat.st_size).get(relative)
            if found is not None:
                return found
        if folder.parent == folder:
            break
        relative = f"{folder.name}/{relative}"
        folder = folder.parent
    return NO_METADATA


def parse_sidecar(data: bytes) -> dict[str, Metadata]:
    """A sidecar's rows by file name (relative path, ``/``-separated, without ``./``)."""
    text = decode_bytes(data)
    try:
        rows = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error:
        return {}
    if not rows:
        return {}
    roles = [_COLUMNS.get(normalise_key(cell)) for cell in rows[0]]
    if "file" not in roles:
        return {}
    table: dict[str, Metadata] = {}
    for row in rows[1:]:
        values: dict[str, str] = {}
        for role, cell in zip(roles, row, strict=False):
            if role and cell.strip() and role not in values:
                values[role] = " ".join(cell.split())
        name = values.pop("file", None)
        if not name:
            continue
        date = normalize_date(values.get("date"))
        table[normalise_name(name)] = Metadata(
            title=values.get("title"),
            url=values.get("url"),
            outlet=values.get("outlet"),
            date=date,
            author=values.get("author"),
        )
    return table


def normalise_name(name: str) -> str:
    """``./sub\\a.txt`` -> ``sub/a.txt``."""
    parts = [part for part in name.replace("\\", "/").split("/") if part not in ("", ".")]
    return "/".join(parts)


@lru_cache(maxsize=256)
def _load(path: str, mtime_ns: int, size: int) -> dict[str, Metadata]:
    # mtime and size are part of the cache key so an edited sidecar is read again.
    try:
        data = Path(path).read_bytes()
    except OSError:
        return {}
    return parse_sidecar(data)
