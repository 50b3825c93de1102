"""One options object for a build, with documented defaults."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from .errors import UsageError

# ----------------------------------------------------------------------- input limits
# Every limit that protects a build from a hostile or broken input, in one place: its
# default, the CLI option that raises it and the words a rejected row uses for it.

MIB = 1 << 20

DEFAULT_MAX_FILE_BYTES = 200 * MIB
DEFAULT_MAX_UNPACKED_BYTES = 200 * MIB
DEFAULT_MAX_ARCHIVE_BYTES = 1024 * MIB
DEFAULT_MAX_MEMBERS = 100_000
DEFAULT_MAX_FIELD_CHARS = 4_096
DEFAULT_MAX_ROWS = 100_000
DEFAULT_MAX_REJECTED_LISTED = 20
DEFAULT_MAX_DOCUMENT_CHARS = 5_000_000
DEFAULT_MAX_SIDECAR_BYTES = 16 * MIB


@dataclass(frozen=True, slots=True)
class Limit:
    """One input limit: its attribute name, the CLI flag that sets it, and its unit."""

    attribute: str
    flag: str
    unit: str  # "MiB" when the flag takes mebibytes and the attribute holds bytes
    what: str


LIMITS: dict[str, Limit] = {
    item.attribute: item
    for item in (
        Limit("max_file_bytes", "--max-file-mb", "MiB", "the size of one input file"),
        Limit(
            "max_unpacked_bytes",
            "--max-unpacked-mb",
            "MiB",
            "the decompressed size of one .gz file or archive member",
        ),
        Limit(
            "max_archive_bytes",
            "--max-archive-mb",
            "MiB",
            "the decompressed size of one archive's members together",
        ),
        Limit("max_members", "--max-members", "members", "members per archive"),
        Limit(
            "max_field_chars",
            "--max-field-chars",
            "characters",
            "the length of a title, URL, outlet or author",
        ),
        Limit(
            "max_rows",
            "--max-rows",
            "records",
            "records per file (rows, lines, array elements, feed entries, WARC pages)",
        ),
        Limit(
            "max_rejected_listed",
            "--max-rejected-listed",
            "rows",
            "rejected rows listed per file",
        ),
    )
}
"""The limits a user can raise, by :class:`IngestOptions` attribute."""


def limit_reason(attribute: str, value: int) -> str:
    """How a rejected row names a limit it reached, and the option that raises it."""
    limit = LIMITS[attribute]
    shown = f"{value / MIB:g} MiB" if limit.unit == "MiB" else f"{value:,} {limit.unit}"
    return (
        f"over the limit on {limit.what} ({shown}, {attribute}); "
        f"raise it with {limit.flag} if you trust the input"
    )


def check_limits(options: object, names: tuple[str, ...] | list[str]) -> None:
    """Refuse a limit of zero or below (or a non-number), naming its option."""
    for name in names:
        value = getattr(options, name)
        if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
            flag = LIMITS[name].flag if name in LIMITS else name
            raise UsageError(
                f"{name} must be a positive whole number, not {value!r}",
                fix=f"give {flag} a value above zero",
            )




@dataclass(frozen=True, slots=True, kw_only=True)
class InputLimits:
    """The input limits a user can raise (:data:`LIMITS`), shared by the build's
    :class:`Options` and the readers' :class:`~sitroom.ingest.IngestOptions`, so that a limit
    is declared once. Keyword-only: the records built on it keep their own positional order."""

    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES
    max_unpacked_bytes: int = DEFAULT_MAX_UNPACKED_BYTES
    max_archive_bytes: int = DEFAULT_MAX_ARCHIVE_BYTES
    max_members: int = DEFAULT_MAX_MEMBERS
    max_field_chars: int = DEFAULT_MAX_FIELD_CHARS
    max_rows: int = DEFAULT_MAX_ROWS
    max_rejected_listed: int = DEFAULT_MAX_REJECTED_LISTED

    def limits(self) -> dict[str, int]:
        """The input limits, by attribute name."""
        return {name: getattr(self, name) for name in LIMITS}


@dataclass(frozen=True, slots=True)
class Options(InputLimits):
    """Settings for :func:`sitroom.build`.

    Attributes:
        workers: processes for the per-document annotation stage (1 = in process).
        source: outlet name for documents whose metadata and URL name none.
        fields: overrides for tabular inputs, e.g. ``{"text": "body", "date": "pubdate"}``;
            keys are ``text``, ``title``, ``date``, ``source``, ``url``, ``author``.
        aliases: a CSV of user alias rules (``alias,canonical`` and ``!a,b``), see README.
        batch_size: documents per transaction and per ``nlp.pipe`` batch.
        quiet: no progress bars.
        follow_links: read symbolic links that lead out of the input folders.
        max_file_bytes ... max_rejected_listed: the input limits of :data:`LIMITS`; reaching
            one makes a rejected row naming it, never a crash, a hang or gigabytes.
        cluster: run the per-document stage on a Dask LocalCluster (``"local:N"``).
        scheduler: run it on an existing Dask scheduler (``"tcp://HOST:PORT"``).
        validate: check report.json against its JSON Schema before writing it (the tests
            always do; a build skips it, since the report is made by code the tests check).
        as_of: a day (YYYY-MM-DD): report only what articles published by that day said
            (see :func:`sitroom.analyze.asof.articles_as_of`); None for everything.
    """

    workers: int = 1
    source: str | None = None
    fields: dict[str, str] = field(default_factory=dict)
    aliases: Path | None = None
    batch_size: int = 64
    quiet: bool = False
    follow_links: bool = False
    cluster: str | None = None
    scheduler: str | None = None
    validate: bool = False
    as_of: str | None = None

    def __post_init__(self) -> None:
        check_limits(self, list(LIMITS))


def default_workers() -> int:
    """A sensible ``--workers`` default: the number of CPU cores, at most 8."""
    return max(1, min(8, os.cpu_count() or 1))
