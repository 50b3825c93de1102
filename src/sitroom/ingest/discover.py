"""Every input file under the paths a user gave.

Folders are walked recursively in sorted order, so two runs on the same inputs see the files
in the same order. Found inside a folder, hidden files and folders (``.git``, ``.DS_Store``)
are skipped, and so are a folder's own documentation files (``README``, ``LICENSE``,
``MANIFEST``, ``CHANGELOG``, any extension): a corpus folder often has them and they are not
articles. Named explicitly, such a file is read. ``sources.csv`` sidecars are always skipped:
they are metadata for the files beside them, read by the readers. A path given twice is
listed once. Folder links are followed, but a folder already visited (a link loop) is not
entered again.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterator, Sequence
from pathlib import Path

from ..types import Rejected
from .sidecar import is_sidecar


def discover(paths: Sequence[str | Path]) -> Iterator[Path | Rejected]:
    """Input files under ``paths``, and a :class:`Rejected` for each path that cannot be used."""
    seen: set[str] = set()
    visited_folders: set[str] = set()
    for given in paths:
        path = Path(given)
        try:
            info = path.stat()
        except FileNotFoundError:
            broken = " (a link to a missing target)" if path.is_symlink() else ""
            yield Rejected(
                str(path),
                f"no such file or directory{broken}; check the spelling, and that relative "
                f"paths start from the current folder ({Path.cwd()})",
            )
            continue
        except OSError as error:
            yield Rejected(str(path), f"cannot open this path ({error.strerror or error})")
            continue
        if stat.S_ISDIR(info.st_mode):
            yield from _walk(path, seen, visited_folders)
        elif not is_sidecar(path.name):
            yield from _file(path, info.st_mode, seen)


def _walk(folder: Path, seen: set[str], visited: set[str]) -> Iterator[Path | Rejected]:
    real = os.path.realpath(folder)
    if real in visited:
        return
    visited.add(real)
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except PermissionError:
        yield Rejected(
            str(folder),
            "permission denied: cannot list this folder; give your user read access "
            "(chmod u+rx) or leave it out",
        )
        return
    except OSError as error:
        yield Rejected(str(folder), f"cannot list this folder ({error.strerror or error})")
        return
    for entry in entries:
        if entry.name.startswith(".") or is_sidecar(entry.name) or _is_folder_doc(entry.name):
            continue
        path = Path(entry.path)
        try:
            mode = entry.stat().st_mode  # follows links
        except OSError:
            yield Rejected(str(path), "a link to a missing target; fix or remove the link")
            continue
        if stat.S_ISDIR(mode):
            yield from _walk(path, seen, visited)
        else:
            yield from _file(path, mode, seen)


def _file(path: Path, mode: int, seen: set[str]) -> Iterator[Path | Rejected]:
    key = os.path.realpath(path)
    if key in seen:
        return
    seen.add(key)
    if not stat.S_ISREG(mode):
        yield Rejected(str(path), "not a regular file (a device, pipe or socket); leave it out")
    elif not os.access(path, os.R_OK):
        yield Rejected(str(path), PERMISSION_REASON)
    else:
        yield path


def _is_folder_doc(name: str) -> bool:
    stem = name.split(".", 1)[0].lower().replace("-", "_")
    return bool(_FOLDER_DOC.fullmatch(stem))


_FOLDER_DOC = re.compile(r"(?:source_)?(?:readme|licen[cs]e(?:_data)?|copying|manifest|changelog)")

PERMISSION_REASON = (
    "permission denied: this file cannot be read; give your user read access "
    "(chmod u+r FILE) or copy it somewhere readable"
)
