"""Progress reporting for long stages: rich bars on stderr, or nothing when quiet.

Stages receive a :class:`Progress` and call :meth:`Progress.task`; they never talk to the
terminal themselves, so the library stays silent unless the CLI asks for bars.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Protocol


class Ticker(Protocol):
    def advance(self, steps: int = 1) -> None: ...


class Progress(Protocol):
    def task(self, description: str, total: int | None) -> AbstractContextManager[Ticker]: ...


class _NullTicker:
    def advance(self, steps: int = 1) -> None:
        return None


class SilentProgress:
    """No output at all: the default for library calls."""

    @contextmanager
    def task(self, description: str, total: int | None) -> Iterator[Ticker]:
        yield _NullTicker()


class _RichTicker:
    def __init__(self, bar: object, task_id: object) -> None:
        self._bar = bar
        self._task_id = task_id

    def advance(self, steps: int = 1) -> None:
        self._bar.advance(self._task_id, steps)  # type: ignore[attr-defined]


class RichProgress:
    """One rich progress bar per stage, drawn on stderr so ``--json`` output stays clean."""

    @contextmanager
    def task(self, description: str, total: int | None) -> Iterator[Ticker]:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )
        from rich.progress import Progress as RichBar

        bar = RichBar(
            TextColumn("{task.description:<10}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            console=Console(stderr=True),
            transient=False,
        )
        with bar:
            task_id = bar.add_task(description, total=total)
            yield _RichTicker(bar, task_id)
