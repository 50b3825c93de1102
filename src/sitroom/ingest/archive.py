"""``.zip`` and ``.tar`` archives, read in memory member by member: nothing is ever extracted
to disk, and only one member's bytes are held at a time.

Each member is read (up to the per-member limit) and handed back to the format dispatcher
under the locator ``archive.zip!inner/name.html``, then dropped before the next is read. A
:class:`Budget` shared by the whole input file (nested archives included) caps the bytes
decompressed and the members listed, so a few kilobytes of archive cannot cost gigabytes.
The member list is read from the archive's index first (zip's central directory, tar's
headers) and refused whole when it has more members than the limit allows.

Member names are sanitised for the locator and for format detection only: ``..``, ``.``,
drive letters and leading slashes are dropped, so a member called ``../../evil`` is known as
``evil`` and, like every member, is never written anywhere. Links, devices and directories
are never followed or created; hidden members and macOS resource forks are skipped;
``sources.csv`` members give metadata to the members beside them.
"""

from __future__ import annotations

import io
import struct
import tarfile
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import IO

from ..config import DEFAULT_MAX_SIDECAR_BYTES, limit_reason
from ..types import RawDocument, Rejected
from .meta import NO_METADATA, Metadata
from .sidecar import is_sidecar, normalise_name, parse_sidecar


class Budget:
    """What is left to decompress and list for one input file; shared by nested archives.

    Mutable on purpose: every archive and ``.gz`` inside the file draws from the same budget.
    """

    __slots__ = ("bytes_left", "max_archive_bytes", "max_members", "members_left")

    def __init__(self, max_archive_bytes: int, max_members: int) -> None:
        self.max_archive_bytes = max_archive_bytes
        self.max_members = max_members
        self.bytes_left = max_archive_bytes
        self.members_left = max_members


@dataclass(frozen=True, slots=True)
class Entry:
    """One regular file listed in an archive, before its bytes are read."""

    name: str
    size: int
    handle: object  # a ZipInfo or TarInfo


ReadMember = Callable[[str, str, bytes, Metadata], Iterator[RawDocument | Rejected]]
"""(locator, name, data, sidecar metadata) -> documents: the dispatcher, for each member."""


def read_archive(
    locator: str,
    data: bytes,
    kind: str,
    max_member_bytes: int,
    budget: Budget,
    read_member: ReadMember,
) -> Iterator[RawDocument | Rejected]:
    """Documents from every member of a zip (``kind="zip"``) or tar archive."""
    declared = zip_member_count(data) if kind == "zip" else None
    try:
        if declared is not None and declared > budget.members_left:
            raise _TooManyMembers(budget.max_members)
        with _open(kind, data) as archive:
            yield from _read_members(locator, archive, kind, max_member_bytes, budget, read_member)
    except _TooManyMembers as error:
        yield Rejected(
            locator,
            f"the archive holds more than {error.limit:,} members; not read: "
            + limit_reason("max_members", budget.max_members),
        )
    except (zipfile.BadZipFile, tarfile.TarError, EOFError, OSError, ValueError) as error:
        yield Rejected(locator, f"damaged {kind} archive ({error}); re-create it")


class _TooManyMembers(Exception):
    def __init__(self, limit: int) -> None:
        super().__init__(limit)
        self.limit = limit


def _open(kind: str, data: bytes) -> zipfile.ZipFile | tarfile.TarFile:
    if kind == "zip":
        return zipfile.ZipFile(io.BytesIO(data))
    return tarfile.open(fileobj=io.BytesIO(data), mode="r:*")


def _read_members(
    locator: str,
    archive: zipfile.ZipFile | tarfile.TarFile,
    kind: str,
    max_member_bytes: int,
    budget: Budget,
    read_member: ReadMember,
) -> Iterator[RawDocument | Rejected]:
    entries, refused = _entries(archive, budget)
    sidecars: dict[str, dict[str, Metadata]] = {}
    for entry in entries:
        if is_sidecar(entry.name) and entry.size <= DEFAULT_MAX_SIDECAR_BYTES:
            content = _read(archive, entry, DEFAULT_MAX_SIDECAR_BYTES)
            if content is not None and len(content) <= DEFAULT_MAX_SIDECAR_BYTES:
                sidecars[entry.name.rpartition("/")[0]] = parse_sidecar(content)
    found = False
    for name, problem in refused:
        found = True
        yield Rejected(f"{locator}!{name}", problem)
    members = [entry for entry in entries if not is_sidecar(entry.name)]
    for index, entry in enumerate(members):
        found = True
        where = f"{locator}!{entry.name}"
        allowed = min(max_member_bytes, budget.bytes_left)
        if entry.size > allowed:
            yield Rejected(where, _over(entry.size, max_member_bytes, budget, len(members) - index))
            if entry.size > budget.bytes_left:
                return
            continue
        try:
            content = _read(archive, entry, allowed)
        except (zipfile.BadZipFile, NotImplementedError, OSError, EOFError) as error:
            yield Rejected(where, f"unreadable archive member ({error})")
            continue
        if content is None:
            continue
        if len(content) > allowed:  # the size in the index lied
            yield Rejected(where, _over(len(content), max_member_bytes, budget, 1))
            if len(content) > budget.bytes_left:
                return
            continue
        budget.bytes_left -= len(content)
        folder, _, base = entry.name.rpartition("/")
        meta = sidecars.get(folder, {}).get(base, NO_METADATA)
        yield from read_member(where, entry.name, content, meta)
        del content
    if not found:
        yield Rejected(locator, f"the {kind} archive holds no files")


def _entries(
    archive: zipfile.ZipFile | tarfile.TarFile, budget: Budget
) -> tuple[list[Entry], list[tuple[str, str]]]:
    """The regular members worth reading, sorted by name, and (name, reason) for refused
    ones (encrypted zip members). Raises :class:`_TooManyMembers` past the budget."""
    entries: list[Entry] = []
    refused: list[tuple[str, str]] = []
    listed = _zip_listing if isinstance(archive, zipfile.ZipFile) else _tar_listing
    for name, size, handle, problem in listed(archive, budget):  # type: ignore[arg-type]
        if problem:
            refused.append((name, problem))
        else:
            entries.append(Entry(name, size, handle))
    entries.sort(key=lambda entry: entry.name)
    return entries, refused


def _count(budget: Budget) -> None:
    budget.members_left -= 1
    if budget.members_left < 0:
        raise _TooManyMembers(budget.max_members)


def _zip_listing(
    archive: zipfile.ZipFile, budget: Budget
) -> Iterator[tuple[str, int, object, str | None]]:
    for info in archive.infolist():
        _count(budget)
        name = safe_name(info.filename)
        if info.is_dir() or _skipped(name):
            continue
        encrypted = bool(info.flag_bits & 1)
        problem = "encrypted archive member; decrypt the archive first" if encrypted else None
        yield name, info.file_size, info, problem


def _tar_listing(
    archive: tarfile.TarFile, budget: Budget
) -> Iterator[tuple[str, int, object, str | None]]:
    while True:
        info = archive.next()
        if info is None:
            return
        _count(budget)
        name = safe_name(info.name)
        if not info.isfile() or _skipped(name):
            continue  # links, devices and folders are never followed or created
        yield name, info.size, info, None


def _read(archive: zipfile.ZipFile | tarfile.TarFile, entry: Entry, limit: int) -> bytes | None:
    """At most ``limit + 1`` bytes of a member: one past the limit shows a forged size."""
    handle: IO[bytes] | None
    if isinstance(archive, zipfile.ZipFile):
        handle = archive.open(entry.handle)  # type: ignore[arg-type]
    else:
        handle = archive.extractfile(entry.handle)  # type: ignore[arg-type]
    if handle is None:
        return None
    # Ask for what the index declares (plus one byte, to catch a zip that lies), never for
    # the whole limit: a buffered read of 200 MiB allocates 200 MiB, even for 3 bytes.
    with handle:
        return handle.read(min(entry.size, limit) + 1)


def zip_member_count(data: bytes) -> int | None:
    """The member count a zip's end record declares (None when it cannot be found): read
    before the central directory is parsed, so a zip listing millions of members is refused
    without listing them."""
    end = data.rfind(b"PK\x05\x06", max(0, len(data) - 65_557))
    if end < 0 or end + 22 > len(data):
        return None
    (count,) = struct.unpack_from("<H", data, end + 10)
    if count != 0xFFFF:
        return int(count)
    locator = data.rfind(b"PK\x06\x07", max(0, end - 20), end)
    if locator < 0:
        return None
    (record,) = struct.unpack_from("<Q", data, locator + 8)
    if record + 40 > len(data) or data[record : record + 4] != b"PK\x06\x06":
        return None
    (count64,) = struct.unpack_from("<Q", data, record + 32)
    return int(count64)


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


def _over(size: int, max_member_bytes: int, budget: Budget, count: int) -> str:
    if size > budget.bytes_left:
        rest = f"this member and the {count - 1:,} after it were not read" if count > 1 else (
            "not read"
        )
        return (
            f"the archive unpacks to more than {budget.max_archive_bytes / 2**20:g} MiB; "
            f"{rest}: " + limit_reason("max_archive_bytes", budget.max_archive_bytes)
        )
    return (
        f"archive member unpacks to {size / 2**20:.1f} MiB or more; not read: "
        + limit_reason("max_unpacked_bytes", max_member_bytes)
    )
