"""``.zip`` and ``.tar`` archives, read in memory: nothing is ever extracted to disk.

Each member is read (up to the size limit) and handed back to the format dispatcher under
the locator ``archive.zip!inner/name.html``. Member names are sanitised for the locator and
for format detection only: ``..``, ``.``, drive letters and leading slashes are dropped, so a
member called ``../../evil`` is known as ``evil`` and, like every member, is never written
anywhere. Hidden members, macOS resource forks and directories are skipped; ``sources.csv``
members give metadata to the members beside them.
"""

from __future__ import annotations

import io
import tarfile
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ..types import RawDocument, Rejected
from .meta import NO_METADATA, Metadata
from .sidecar import is_sidecar, normalise_name, parse_sidecar


@dataclass(frozen=True, slots=True)
class Member:
    """One file inside an archive: its sanitised name and its bytes (or why there are none)."""

    name: str
    data: bytes | None
    problem: str | None = None


ReadMember = Callable[[str, str, bytes, Metadata], Iterator[RawDocument | Rejected]]
"""(locator, name, data, sidecar metadata) -> documents: the dispatcher, for each member."""


def read_archive(
    locator: str, data: bytes, kind: str, max_bytes: int, read_member: ReadMember
) -> Iterator[RawDocument | Rejected]:
    """Documents from every member of a zip (``kind="zip"``) or tar archive."""
    try:
        members = list(
            _zip_members(data, max_bytes) if kind == "zip" else _tar_members(data, max_bytes)
        )
    except (zipfile.BadZipFile, tarfile.TarError, EOFError, OSError, ValueError) as error:
        yield Rejected(locator, f"damaged {kind} archive ({error}); re-create it")
        return
    sidecars: dict[str, dict[str, Metadata]] = {}
    for member in members:
        if member.data is not None and is_sidecar(member.name):
            folder = member.name.rpartition("/")[0]
            sidecars[folder] = parse_sidecar(member.data)
    found = False
    for member in sorted(members, key=lambda item: item.name):
        if is_sidecar(member.name):
            continue
        found = True
        where = f"{locator}!{member.name}"
        if member.data is None:
            yield Rejected(where, member.problem or "unreadable archive member")
            continue
        folder, _, base = member.name.rpartition("/")
        meta = sidecars.get(folder, {}).get(base, NO_METADATA)
        yield from read_member(where, member.name, member.data, meta)
    if not found:
        yield Rejected(locator, f"the {kind} archive holds no files")


def safe_name(name: str) -> str:
    """An archive member's name with every path trick removed (``../../evil`` -> ``evil``)."""
    parts = []
    for part in normalise_name(name).split("/"):
        if part == ".." or (len(part) == 2 and part[1] == ":"):
            continue
        parts.append(part)
    return "/".join(parts)


def _skipped(name: str) -> bool:
    parts = name.split("/")
    return not name or any(part.startswith(".") or part == "__MACOSX" for part in parts)


def _zip_members(data: bytes, max_bytes: int) -> Iterator[Member]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for info in archive.infolist():
            name = safe_name(info.filename)
            if info.is_dir() or _skipped(name):
                continue
            if info.flag_bits & 0x1:
                yield Member(name, None, "encrypted archive member; decrypt the archive first")
                continue
            if info.file_size > max_bytes:
                yield Member(name, None, _too_big(info.file_size, max_bytes))
                continue
            try:
                with archive.open(info) as handle:
                    # Read one byte past the limit: a forged size header cannot inflate us.
                    content = handle.read(max_bytes + 1)
            except (zipfile.BadZipFile, NotImplementedError, OSError, EOFError) as error:
                yield Member(name, None, f"unreadable archive member ({error})")
                continue
            if len(content) > max_bytes:
                yield Member(name, None, _too_big(len(content), max_bytes))
                continue
            yield Member(name, content)


def _tar_members(data: bytes, max_bytes: int) -> Iterator[Member]:
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:*") as archive:
        for info in archive:
            name = safe_name(info.name)
            if not info.isfile() or _skipped(name):
                continue  # links, devices and folders are never followed or created
            if info.size > max_bytes:
                yield Member(name, None, _too_big(info.size, max_bytes))
                continue
            handle = archive.extractfile(info)
            if handle is None:
                continue
            yield Member(name, handle.read(max_bytes + 1))


def _too_big(size: int, limit: int) -> str:
    return (
        f"archive member is {size / 2**20:.1f} MiB, over the {limit / 2**20:.0f} MiB limit; "
        "split it or raise max_file_bytes"
    )
