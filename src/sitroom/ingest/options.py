"""What a user may tell the readers: a default outlet, column names, and the input limits.

Every limit that protects a build from a hostile or broken input is an attribute of
:class:`IngestOptions`; their defaults, CLI options and wording live in :mod:`sitroom.config`.
Reaching a limit never stops a build: the file, member or record becomes a rejected row that
names the limit and the option that raises it (see :func:`limit_reason`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from ..config import (
    DEFAULT_MAX_DOCUMENT_CHARS,
    LIMITS,
    InputLimits,
    check_limits,
    limit_reason,
)
from ..errors import UsageError

FIELD_KEYS: tuple[str, ...] = ("text", "title", "date", "source", "url", "author")
"""The roles ``--field KEY=COLUMN`` may name."""

@dataclass(frozen=True, slots=True)
class IngestOptions(InputLimits):
    """Options for :func:`sitroom.ingest.read_file`.

    ``source``: the outlet for documents whose metadata and URL name none (``--source``).
    ``fields``: role -> column or key name, overriding automatic detection in CSV and JSON
    (``--field text=body``); roles are :data:`FIELD_KEYS`.
    ``max_file_bytes``: larger files are rejected rather than read into memory.
    ``max_unpacked_bytes``: a ``.gz`` stream or archive member that decompresses to more is
    rejected (a compression bomb is cut off at this size, never inflated whole).
    ``max_archive_bytes``: the members of one archive together; members past it are rejected.
    ``max_members``: archive members read; the rest are rejected in one row.
    ``max_field_chars``: a title, URL, outlet or author longer than this rejects its record.
    ``max_rows``: records read from one file; the rest are rejected in one row.
    ``max_rejected_listed``: rejected rows listed per file; the others are counted in one row.
    ``max_document_chars``: a single document longer than this (a 50 MB ``.txt``) is not
    an article; it is rejected rather than sent to the language model.
    ``follow_links``: read symbolic links that point outside the input folders
    (``--follow-links``); by default such a link is a rejected row.
    """

    source: str | None = None
    fields: Mapping[str, str] = field(default_factory=dict)
    max_document_chars: int = DEFAULT_MAX_DOCUMENT_CHARS
    follow_links: bool = False

    def __post_init__(self) -> None:
        unknown = sorted(set(self.fields) - set(FIELD_KEYS))
        if unknown:
            raise UsageError(
                f"unknown field key {', '.join(map(repr, unknown))}",
                fix=f"use --field KEY=COLUMN with KEY one of: {', '.join(FIELD_KEYS)}",
            )
        empty = sorted(key for key, column in self.fields.items() if not str(column).strip())
        if empty:
            raise UsageError(
                f"no column given for field {', '.join(map(repr, empty))}",
                fix="write it as --field KEY=COLUMN, e.g. --field text=body",
            )
        check_limits(self, (*LIMITS, "max_document_chars"))


def parse_field_options(values: list[str] | tuple[str, ...]) -> dict[str, str]:
    """``["text=body", "date=pub"]`` (the CLI's ``--field`` values) to a fields mapping."""
    fields: dict[str, str] = {}
    for value in values:
        key, sep, column = value.partition("=")
        if not sep or not key.strip() or not column.strip():
            raise UsageError(
                f"--field {value!r} is not KEY=COLUMN",
                fix="write it as --field text=body (KEY one of: " + ", ".join(FIELD_KEYS) + ")",
            )
        fields[key.strip().lower()] = column.strip()
    return fields


__all__ = ["FIELD_KEYS", "LIMITS", "IngestOptions", "limit_reason", "parse_field_options"]
