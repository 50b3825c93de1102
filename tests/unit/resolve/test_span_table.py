"""The packed span lookup answers as the dict it was made from."""

from __future__ import annotations

import pytest

from sitroom.analyze.statements import SpanIndex
from sitroom.resolve.span_table import SpanTable

SPANS = {
    ("a1", 0, 5): "e_x",
    ("a2", 3, 9): "e_y",
    ("a1", 10, 20): "e_y",
    ("a1", 12, 20): "e_z",
    ("a2", 40, 70_000): "e_x",
}


def test_reads_as_the_dict_it_was_made_from() -> None:
    table = SpanTable(SPANS)
    assert len(table) == len(SPANS)
    assert dict(table.items()) == SPANS
    assert table[("a2", 40, 70_000)] == "e_x"
    assert table.get(("a1", 0, 6)) is None
    assert ("a3", 0, 5) not in table
    with pytest.raises(KeyError):
        table[("a1", 12, 19)]


def test_rows_keep_each_articles_order() -> None:
    table = SpanTable(SPANS)
    assert table.rows("a1") == ((0, 5, "e_x"), (10, 20, "e_y"), (12, 20, "e_z"))
    assert table.rows("a2") == ((3, 9, "e_y"), (40, 70_000, "e_x"))
    assert table.rows("a1") == ((0, 5, "e_x"), (10, 20, "e_y"), (12, 20, "e_z"))
    assert table.rows("nowhere") == ()
    assert list(table.articles()) == ["a1", "a2"]


@pytest.mark.parametrize(("article", "start", "end"),
                         [("a1", 0, 30), ("a1", 11, 20), ("a1", 4, 14), ("a2", 0, 100),
                          ("a2", 50, 60), ("a3", 0, 10)])
def test_span_queries_agree_with_the_dict(article: str, start: int, end: int) -> None:
    packed, plain = SpanIndex(SpanTable(SPANS)), SpanIndex(SPANS)
    assert packed.inside(article, start, end) == plain.inside(article, start, end)
    assert packed.best(article, start, end) == plain.best(article, start, end)
    for ident in ("e_x", "e_y", "e_z"):
        assert packed.ends_near(article, ident, end) == plain.ends_near(article, ident, end)
