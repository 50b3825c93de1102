"""sitroom's exception tree.

Every error carries a message that says what went wrong *and* how to fix it, so the CLI can
print it as is (no traceback) and exit with the code the error class names.

    SitroomError            exit 1 unless a subclass says otherwise
    ├── UsageError          exit 2: bad arguments, missing paths, nothing usable found
    │   ├── InputNotFound
    │   └── NothingToBuild
    ├── StoreError          the DuckDB store
    │   ├── StoreLocked     another build holds the store
    │   └── StoreVersionError
    ├── WriteFailed         exit 2: the disk is full or the output folder is read-only
    └── MissingExtra        an optional dependency is not installed
"""

from __future__ import annotations


class SitroomError(Exception):
    """Base class: ``str(err)`` is a complete message for the user."""

    exit_code: int = 1

    def __init__(self, message: str, *, fix: str | None = None) -> None:
        self.message = message
        self.fix = fix
        super().__init__(f"{message}\n  fix: {fix}" if fix else message)


class UsageError(SitroomError):
    """The user asked for something that cannot work as asked."""

    exit_code = 2


class InputNotFound(UsageError):
    """An input path does not exist."""


class NothingToBuild(UsageError):
    """No usable article was found in the inputs."""


class StoreError(SitroomError):
    """The store could not be opened, read or written."""


class StoreLocked(StoreError):
    """Another process is building into the same output folder."""

    exit_code = 2


class StoreVersionError(StoreError):
    """The store was written by a newer sitroom than this one."""

    exit_code = 2


class WriteFailed(SitroomError):
    """Writing the store or the report failed for a reason outside sitroom (a full disk, a
    quota, a file size limit, a read-only folder): the user fixes it, so not a bug."""

    exit_code = 2


class MissingExtra(SitroomError):
    """An optional dependency is missing; the message names the pip extra."""

    def __init__(self, package: str, extra: str) -> None:
        super().__init__(
            f"this feature needs the optional package {package!r}",
            fix=f"pip install 'sitroom[{extra}]'",
        )
