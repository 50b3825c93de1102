"""Every input file under the paths a user gave.

Folders are walked recursively in sorted order, so two runs on the same inputs see the files
in the same order. Found inside a folder, hidden files and folders (``.git``, ``.DS_Store``)
are skipped, and so are a folder's own documentation files (``README``, ``LICENSE``,
``MANIFEST``, ``CHANGELOG``, any extension): a corpus folder often has them and they are not
articles. Named explicitly, such a file is read. ``sources.csv`` sidecars are always skipped:
they are metadata for the files beside them, read by the readers. A path given twice is
listed once.

Links found inside a folder are followed only while they stay inside the folders the user
named: a link to ``/etc/passwd`` or to a folder elsewhere is a rejected row, unless
``follow_links`` (``--follow-links``) says to read it. A path named on the command line is
the user's own choice and is always followed. A folder already visited (a link loop) is not
entered again. Folders in ``exclude`` (the report folder, when it sits inside an input
folder) are never read: a build must not read its own store or report as input.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterator, Sequence
from pathlib import Path

from ..types import Rejected
from .sidecar import is_sidecar


class _Walk:
    """The state of one discovery: what was seen, where links may lead, what is excluded."""

    __slots__ = ("excluded", "follow_links", "roots", "seen", "visited")

    def __init__(self, roots: list[str], excluded: set[str], follow_links: bool) -> None:
        self.roots = roots
        self.excluded = excluded
        self.follow_links = follow_links
        self.seen: set[str] = set()
        self.visited: set[str] = set()

    def inside_inputs(self, real: str) -> bool:
        return any(
            real == root or real.startswith(root.rstrip(os.sep) + os.sep) for root in self.roots
        )


def discover(
    paths: Sequence[str | Path],
    *,
    follow_links: bool = False,
    exclude: Sequence[str | Path] = (),
) -> Iterator[Path | Rejected]:
    """Input files under ``paths``, and a :class:`Rejected` for each path that cannot be used."""
    roots = []
    for given in paths:
        try:
            roots.append(os.path.realpath(given))
        except (OSError, RuntimeError, ValueError):
            continue
    walk = _Walk(roots, {_real(folder) for folder in exclude}, follow_links)
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
        except (OSError, RuntimeError, ValueError) as error:
            yield Rejected(str(path), _unusable(error))
            continue
        if stat.S_ISDIR(info.st_mode):
            if _real(path) in walk.excluded:
                continue
            yield from _walk(path, walk)
        elif not is_sidecar(path.name):
            yield from _file(path, info.st_mode, walk)


def _walk(folder: Path, walk: _Walk) -> Iterator[Path | Rejected]:
    real = _real(folder)
    if real in walk.visited:
        return
    walk.visited.add(real)
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
        target = _real(path)
        if target in walk.excluded:
            continue  # the report folder inside an input folder
        if entry.is_symlink() and not walk.follow_links and not walk.inside_inputs(target):
            yield Rejected(
                str(path),
                "a link that leads out of the input folders; not followed. Name its target "
                "on the command line, or pass --follow-links to read such links",
            )
            continue
        if stat.S_ISDIR(mode):
            yield from _walk(path, walk)
        else:
            yield from _file(path, mode, walk)


def _file(path: Path, mode: int, walk: _Walk) -> Iterator[Path | Rejected]:
    key = _real(path)
    if key in walk.seen:
        return
    walk.seen.add(key)
    if not stat.S_ISREG(mode):
        yield Rejected(str(path), NOT_REGULAR_REASON)
    elif not os.access(path, os.R_OK):
        yield Rejected(str(path), PERMISSION_REASON)
    else:
        yield path


def _real(path: str | Path) -> str:
    try:
        return os.path.realpath(path)
    except (OSError, RuntimeError, ValueError):
        return os.path.abspath(path)


def _unusable(error: Exception) -> str:
    if isinstance(error, OSError) and error.strerror:
        detail = error.strerror
        if "symbolic links" in detail:
            detail += " (a link loop)"
        return f"cannot open this path ({detail}); fix or remove the link"
    return f"cannot open this path ({error}); fix or remove it"


def _is_folder_doc(name: str) -> bool:
    stem = name.split(".", 1)[0].lower().replace("-", "_")
    return bool(_FOLDER_DOC.fullmatch(stem))


_FOLDER_DOC = re.compile(r"(?:source_)?(?:readme|licen[cs]e(?:_data)?|copying|manifest|changelog)")

PERMISSION_REASON = (
    "permission denied: this file cannot be read; give your user read access "
    "(chmod u+r FILE) or copy it somewhere readable"
)
NOT_REGULAR_REASON = "not a regular file (a device, pipe or socket); leave it out"
