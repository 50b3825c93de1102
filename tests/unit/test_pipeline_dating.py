"""Undated articles get the same interval whether their yearless days are made or read back
from the store, and a build reads the stored times only of articles it has not met."""

from __future__ import annotations

from collections.abc import Sequence

from sitroom.pipeline import date_undated
from sitroom.store.annotation_view import StoredAnnotations
from sitroom.store.codec import encode_annotations
from sitroom.types import Article, DocAnnotations, TimeMention


class _Store:
    """Stored payloads and a memo table, counting the payloads read."""

    def __init__(self, annotations: Sequence[DocAnnotations]) -> None:
        self.payloads = {a.article: encode_annotations(a) for a in annotations}
        self.read: list[str] = []
        self.rows: dict[tuple[str, str], str] = {}

    def annotated_ids(self, version: str) -> list[str]:
        return list(self.payloads)

    def annotation_payloads(self, version: str, ids: Sequence[str]) -> dict[str, str]:
        self.read.extend(ids)
        return {i: self.payloads[i] for i in ids if i in self.payloads}

    def memo_entries(self, namespace: str) -> dict[str, str]:
        return {k: v for (n, k), v in self.rows.items() if n == namespace}

    def add_memo_entries(self, namespace: str, rows: Sequence[tuple[str, str]]) -> None:
        for key, value in rows:
            self.rows.setdefault((namespace, key), value)


def _article(ident: str, text: str, published: str | None) -> Article:
    return Article(ident, text, "outlet", None, None, published,
                   "metadata" if published else "none", None, "en", len(text.split()))


def _day(article: str, text: str, at: int) -> TimeMention:
    return TimeMention(article, at, at + len(text), text, "DATE", None, "day")


def test_stored_yearless_days_give_the_intervals_made_ones_give() -> None:
    texts = {
        "u1": "Protesters gathered on November 27 in the square.",
        "u2": "Talks resume by March 3, officials said.",  # looks ahead: not counted
        "u3": "No dates at all here.",
    }
    articles = [
        _article("d1", "Dated story.", "2024-11-20"),
        _article("d2", "Another dated story.", "2024-12-05"),
        *(_article(ident, text, None) for ident, text in texts.items()),
    ]
    annotations = [
        DocAnnotations("u1", times=(_day("u1", "November 27", texts["u1"].index("November")),)),
        DocAnnotations("u2", times=(_day("u2", "March 3", texts["u2"].index("March")),)),
        DocAnnotations("u3"),
    ]
    plain = date_undated(articles, annotations)
    store = _Store(annotations)
    first = date_undated(articles, StoredAnnotations(store, "v", ("times",)), store)
    assert first == plain
    assert dict((a.id, a.date_range) for a in first)["u1"][0] == "2024-11-27"

    # A later build, with one more dated article moving the window and one undated added:
    store.read.clear()
    added = _article("u4", "Crowds returned on December 1.", None)
    store.payloads["u4"] = encode_annotations(
        DocAnnotations("u4", times=(_day("u4", "December 1", added.text.index("December")),)))
    later = [*articles, _article("d3", "Late story.", "2024-12-20"), added]
    remembered = date_undated(later, StoredAnnotations(store, "v", ("times",)), store)
    assert remembered == date_undated(later, [*annotations, DocAnnotations(
        "u4", times=(_day("u4", "December 1", added.text.index("December")),))])
    assert store.read == ["u4"]
    assert remembered[-1].date_range is not None
    assert remembered[-1].date_range[0] == "2024-12-01"
