"""Turn a write the operating system refused into a message the user can act on.

A full disk, a quota, a file size limit or a folder that became read-only surfaces deep in
DuckDB or in the report writer as a bare ``OSError`` or ``duckdb.IOException``; left alone
the CLI would call it an internal error. :func:`write_failures_named` wraps a build so that
these become :class:`~sitroom.errors.WriteFailed` naming the output folder and the fix.
The store stays usable: every write to it is a transaction, so a failed one leaves the last
committed state, and the report files are replaced atomically (the old ones stay).
"""

from __future__ import annotations

import errno
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from .errors import WriteFailed

# Out of room, whatever the file: the fix is the same (free space or move --out).
_NO_ROOM = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG})
# Refused: only a write failure when the refused file is ours (an unreadable input file is
# a rejected row, handled where inputs are read).
_REFUSED = frozenset({errno.EROFS, errno.EACCES, errno.EPERM})
# How DuckDB words the same conditions in its IOException messages.
_DUCKDB_NO_ROOM = ("no space left", "file too large", "disk quota")
_DUCKDB_REFUSED = ("read-only file system", "permission denied")


@contextmanager
def write_failures_named(out_dir: Path) -> Iterator[None]:
    """Re-raise a refused or out-of-room write inside the block as :class:`WriteFailed`."""
    try:
        yield
    except OSError as err:
        reason = _os_reason(err, out_dir)
        if reason is None:
            raise
        raise _failed(out_dir, reason) from err
    except duckdb.Error as err:
        reason = _duckdb_reason(err)
        if reason is None:
            raise
        raise _failed(out_dir, reason) from err


def _os_reason(err: OSError, out_dir: Path) -> str | None:
    text = err.strerror or str(err)
    if err.errno in _NO_ROOM:
        return text
    if err.errno in _REFUSED and _is_ours(err.filename, out_dir):
        return text
    return None


def _duckdb_reason(err: duckdb.Error) -> str | None:
    text = str(err).splitlines()[0] if str(err) else type(err).__name__
    lowered = text.lower()
    if any(marker in lowered for marker in _DUCKDB_NO_ROOM + _DUCKDB_REFUSED):
        return text
    return None


def _is_ours(filename: object, out_dir: Path) -> bool:
    if not isinstance(filename, str | Path):
        return False
    path = Path(filename).absolute()
    return any(path.is_relative_to(folder.absolute())
               for folder in (out_dir, Path(tempfile.gettempdir())))


def _failed(out_dir: Path, reason: str) -> WriteFailed:
    return WriteFailed(
        f"could not write to {out_dir}: {reason}",
        fix=f"free some space on the disk holding {out_dir} and the temporary folder "
        f"({tempfile.gettempdir()}), or make the folder writable, or choose another --out; "
        "what was stored before stays readable, and running the same command again resumes",
    )
