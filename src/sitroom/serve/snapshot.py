"""What the dashboard serves: report.json and the article texts, reloaded when a build
rewrites report.json.

The store is opened read-only only while the texts are read, then closed: holding it open
would stop a build from writing into the same folder. When a build holds it at that moment,
the previous texts are kept and the read is tried again on a later request.
"""

from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from ..errors import StoreLocked
from ..export.load import REPORT_JSON, load_report_data, load_texts
from .search import SearchIndex

JsonObject = dict[str, Any]


@dataclass(eq=False)
class Snapshot:
    """One version of the report, with lookups the API needs built on first use."""

    key: tuple[int, int]
    data: JsonObject
    texts: dict[str, str]
    texts_complete: bool
    loaded_at: float = field(default_factory=time.monotonic)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @cached_property
    def articles_by_id(self) -> dict[str, JsonObject]:
        return {a["id"]: a for a in self.data["articles"]}

    @cached_property
    def article_sets(self) -> dict[str, dict[str, frozenset[str]]]:
        """For entities, places and stories: id to the set of their article ids."""
        return {
            name: {item["id"]: frozenset(item.get("articles", [])) for item in self.data[name]}
            for name in ("entities", "places", "stories")
        }

    @cached_property
    def search_index(self) -> SearchIndex:
        with self._lock:  # built once even when many searches arrive together
            return SearchIndex.build(self.data["articles"], self.texts)

    @cached_property
    def page(self) -> str:
        """report.html for this version (the page's data is report.json's, made compact as
        the written page's is, plus the texts)."""
        from ..report.render import on_page, page

        return page(page_title_from_data(self.data), on_page(self.data, self.texts))


def page_title_from_data(data: JsonObject) -> str:
    days = [a["published"] for a in data["articles"] if a.get("published")]
    for a in data["articles"]:
        if a.get("date_range"):
            days.extend(a["date_range"])
    if not days:
        return f"sitroom report: {len(data['articles'])} articles"
    low, high = min(days), max(days)
    span = low if low == high else f"{low} to {high}"
    return f"sitroom report: {len(data['articles'])} articles, {span}"


#: Seconds between attempts to read the texts while a build holds the store.
RETRY_SECONDS = 5.0


class Source:
    """The build folder a dashboard serves; :meth:`current` is cheap when nothing changed."""

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)
        self._lock = threading.Lock()
        self._snapshot: Snapshot | None = None
        self.current()  # fail at start, with the loader's message, when there is no report

    def _key(self) -> tuple[int, int]:
        try:
            stat = os.stat(self.folder / REPORT_JSON)
        except FileNotFoundError:
            if self._snapshot is not None:  # gone for a moment: keep serving what we have
                return self._snapshot.key
            load_report_data(self.folder)  # raises the error that says what to do
            raise
        return stat.st_mtime_ns, stat.st_size

    @staticmethod
    def _fresh(snapshot: Snapshot, key: tuple[int, int]) -> bool:
        if snapshot.key != key:
            return False
        return snapshot.texts_complete or time.monotonic() - snapshot.loaded_at < RETRY_SECONDS

    def current(self) -> Snapshot:
        key = self._key()
        snapshot = self._snapshot
        if snapshot is not None and self._fresh(snapshot, key):
            return snapshot
        with self._lock:
            snapshot = self._snapshot
            if snapshot is not None and self._fresh(snapshot, key):
                return snapshot
            data = load_report_data(self.folder)
            previous = snapshot.texts if snapshot is not None else {}
            try:
                texts, complete = load_texts(self.folder), True
            except StoreLocked:
                texts, complete = previous, False
            self._snapshot = Snapshot(key, data, texts, complete)
            return self._snapshot
