"""One options object for a build, with documented defaults."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Options:
    """Settings for :func:`sitroom.build`.

    Attributes:
        workers: processes for the per-document annotation stage (1 = in process).
        source: outlet name for documents whose metadata and URL name none.
        fields: overrides for tabular inputs, e.g. ``{"text": "body", "date": "pubdate"}``;
            keys are ``text``, ``title``, ``date``, ``source``, ``url``, ``author``.
        aliases: a CSV of user alias rules (``alias,canonical`` and ``!a,b``), see README.
        batch_size: documents per transaction and per ``nlp.pipe`` batch.
        quiet: no progress bars.
        max_file_bytes: files larger than this are rejected rather than read whole.
        as_of: a day (YYYY-MM-DD): report only what articles published by that day said
            (see :func:`sitroom.analyze.asof.articles_as_of`); None for everything.
    """

    workers: int = 1
    source: str | None = None
    fields: dict[str, str] = field(default_factory=dict)
    aliases: Path | None = None
    batch_size: int = 64
    quiet: bool = False
    max_file_bytes: int = 200 * 1024 * 1024
    as_of: str | None = None


def default_workers() -> int:
    """A sensible ``--workers`` default: the number of CPU cores, at most 8."""
    return max(1, min(8, os.cpu_count() or 1))
