"""``sources.csv`` sidecars: metadata for bare files, written by the user beside them.

A sidecar has a header with a ``file`` column (a path relative to the sidecar's folder) and
any of ``outlet`` (or ``source``), ``url``, ``date``, ``title``, ``author``. Its values win
over what a file's own header says: the user wrote them on purpose. Each folder's sidecar is
parsed once per process and re-read only when it changes on disk. Sidecars are looked up
no higher than the input folder the user named (see :func:`sidecar_for`).
"""

from __future__ import annotations

import csv
import io
import os
import stat
from functools import lru_cache
from pathlib import Path, PurePosixPath

from ..config import DEFAULT_MAX_SIDECAR_BYTES
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


def sidecar_for(path: Path, root: Path | None = None, *, follow_links: bool = False) -> Metadata:
    """What a ``sources.csv`` says about ``path`` (empty when nothing).

    The sidecar in the file's own folder is asked first, then those of the folders above it
    up to ``root`` (the input folder the user named), whose ``file`` column would name
    ``sub/name.txt``. Never above ``root``: a sidecar in ``/tmp`` must not give metadata to
    files a user named under ``/tmp/x/y``. Only a regular file of reasonable size is read,
    so a pipe or ``/dev/zero`` named ``sources.csv`` cannot hang or exhaust a build; a
    sidecar that is a link leading out of its folder is ignored unless ``follow_links``.
    """
    relative = path.name
    folder = path.parent
    top = Path(os.path.abspath(root)) if root is not None else None
    for _ in range(_LEVELS):
        sidecar = folder / SIDECAR_NAME
        key = _usable(sidecar, follow_links)
        if key is not None:
            found = _load(str(sidecar), *key).get(relative)
            if found is not None:
                return found
        if top is None or Path(os.path.abspath(folder)) == top or folder.parent == folder:
            break
        if top not in Path(os.path.abspath(folder)).parents:
            break
        relative = f"{folder.name}/{relative}"
        folder = folder.parent
    return NO_METADATA


def _usable(sidecar: Path, follow_links: bool) -> tuple[int, int] | None:
    """(mtime, size) of a sidecar worth reading, else None."""
    try:
        info = sidecar.stat()
    except (OSError, RuntimeError, ValueError):
        return None
    if not stat.S_ISREG(info.st_mode) or info.st_size > DEFAULT_MAX_SIDECAR_BYTES:
        return None
    if sidecar.is_symlink() and not follow_links:
        real = os.path.realpath(sidecar)
        if os.path.dirname(real) != os.path.realpath(sidecar.parent):
            return None
    return info.st_mtime_ns, info.st_size


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
    # mtime and size are part of the cache key so an edited sidecar is read again. Opened
    # without blocking and re-checked on the descriptor: a pipe swapped in cannot hang us.
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError:
        return {}
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return {}
        with os.fdopen(os.dup(fd), "rb") as handle:
            data = handle.read(DEFAULT_MAX_SIDECAR_BYTES + 1)
    except OSError:
        return {}
    finally:
        os.close(fd)
    if len(data) > DEFAULT_MAX_SIDECAR_BYTES:
        return {}
    return parse_sidecar(data)
