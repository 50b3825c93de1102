"""Per-article products kept in a memo: made only for articles whose inputs are new, equal
either way, and never all held at once while a first build makes them."""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass

import pytest

from sitroom.analyze import article_memo
from sitroom.analyze.article_memo import per_article
from tests.unit.memo_table import MemoTable


@dataclass(frozen=True)
class _Doc:
    article: str


class _Annotations:
    """What ``per_article`` reads of a stored view: its version, and some articles alone."""

    version = "test"

    def __init__(self, ids: Sequence[str]) -> None:
        self.ids = tuple(ids)
        self.read: list[str] = []

    def within(self, articles: Collection[str]) -> Iterator[_Doc]:
        for article in self.ids:
            if article in articles:
                self.read.append(article)
                yield _Doc(article)


_Memo = MemoTable


class _WholeMemo(_Memo):
    """A memo that can only be read a namespace at a time."""

    memo_entries_of = None  # type: ignore[assignment]


def _run(memo: _Memo, annotations: _Annotations, inputs: dict[str, str],
         made: list[str]) -> list[tuple[str, str]]:
    def make(doc: object) -> str:
        assert isinstance(doc, _Doc)
        made.append(doc.article)
        return f"product of {doc.article} from {inputs[doc.article]}"

    return list(per_article(
        memo, "products", annotations, annotations.ids,  # type: ignore[arg-type]
        digest=lambda article: f"{article}:{inputs[article]}",
        make=make, encode=lambda product: product.upper(),
        decode=lambda value, _article: value.lower(),
    ))


@pytest.mark.parametrize("memo_kind", [_Memo, _WholeMemo])
def test_products_come_back_equal_and_only_changed_articles_are_made_again(
    monkeypatch: pytest.MonkeyPatch, memo_kind: type[_Memo],
) -> None:
    monkeypatch.setattr(article_memo, "CHUNK", 2)
    ids = ["a1", "a2", "a3", "a4", "a5"]
    inputs = {article: "v1" for article in ids}
    memo, made = memo_kind(), []
    first = _run(memo, _Annotations(ids), inputs, made)
    assert first == [(a, f"product of {a} from v1") for a in ids]
    assert made == ids

    made.clear()
    annotations = _Annotations(ids)
    assert _run(memo, annotations, inputs, made) == first
    assert made == [] and annotations.read == []

    inputs["a4"] = "v2"  # one article's inputs change: only it is read and made again
    annotations = _Annotations(ids)
    again = _run(memo, annotations, inputs, made)
    assert made == ["a4"] and annotations.read == ["a4"]
    assert again[3] == ("a4", "product of a4 from v2")
    assert [p for a, p in again if a != "a4"] == [p for a, p in first if a != "a4"]
    # the entry of a4's old inputs is dropped, the new one kept
    assert sorted(k for _n, k in memo.rows) == sorted(f"{a}:{inputs[a]}" for a in ids)


def test_a_first_build_holds_one_chunk_of_products_at_a_time(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(article_memo, "CHUNK", 2)
    ids = [f"a{n}" for n in range(7)]
    memo, made = _Memo(), []
    handed: list[str] = []
    waiting: list[int] = []  # products made but not yet handed out, at each make

    def make(doc: object) -> str:
        assert isinstance(doc, _Doc)
        made.append(doc.article)
        waiting.append(len(made) - len(handed))
        return doc.article

    for article, _product in per_article(
        memo, "products", _Annotations(ids), ids,  # type: ignore[arg-type]
        digest=lambda a: a, make=make, encode=str, decode=lambda value, _a: value,
    ):
        handed.append(article)
        # what is handed out is already in the memo
        assert any(key == article for _n, key in memo.rows)
    assert handed == ids
    assert max(waiting) == 2


class _KeysMemo(MemoTable):
    """A memo that says which keys it holds without handing out values."""

    def __init__(self) -> None:
        super().__init__()
        self.values_read = 0

    def memo_entries_of(self, namespace: str, keys: Sequence[str]) -> dict[str, str]:
        self.values_read += 1
        return super().memo_entries_of(namespace, keys)

    def memo_keys_of(self, namespace: str, keys: Sequence[str]) -> set[str]:
        return set(super().memo_entries_of(namespace, keys))


def test_the_keys_holding_entries_are_found_with_or_without_a_key_read() -> None:
    plain, keyed = MemoTable(), _KeysMemo()
    for memo in (plain, keyed):
        memo.add_memo_entries("n", [("a", "1"), ("b", "2")])
        memo.add_memo_entries("other", [("c", "3")])
    wanted = ["a", "c", "z"]
    assert article_memo.memo_finder(plain, "n")(wanted) == {"a"}
    assert article_memo.memo_finder(keyed, "n")(wanted) == {"a"}
    assert keyed.values_read == 0  # the keys alone were asked for
