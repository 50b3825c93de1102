"""What a user may tell the readers: a default outlet, column names, a size limit."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from ..errors import UsageError

FIELD_KEYS: tuple[str, ...] = ("text", "title", "date", "source", "url", "author")
"""The roles ``--field KEY=COLUMN`` may name."""

DEFAULT_MAX_FILE_BYTES = 200 * 1024 * 1024
DEFAULT_MAX_DOCUMENT_CHARS = 5_000_000


@dataclass(frozen=True, slots=True)
class IngestOptions:
    """Options for :func:`sitroom.ingest.read_file`.

    ``source``: the outlet for documents whose metadata and URL name none (``--source``).
    ``fields``: role -> column or key name, overriding automatic detection in CSV and JSON
    (``--field text=body``); roles are :data:`FIELD_KEYS`.
    ``max_file_bytes``: larger files (and archive members, and decompressed ``.gz``) are
    rejected rather than read into memory.
    ``max_document_chars``: a single document longer than this (a 50 MB ``.txt``) is not
    an article; it is rejected rather than sent to the language model.
    """

    source: str | None = None
    fields: Mapping[str, str] = field(default_factory=dict)
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES
    max_document_chars: int = DEFAULT_MAX_DOCUMENT_CHARS

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
        if self.max_file_bytes <= 0 or self.max_document_chars <= 0:
            raise UsageError(
                "size limits must be positive",
                fix="give max_file_bytes and max_document_chars values above zero",
            )


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
