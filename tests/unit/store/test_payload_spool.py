"""PayloadSpool: each stored payload read from the store once, then handed back unchanged
from the scratch file, so a view over the spool decodes what a view over the store does."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

import sitroom.store.annotation_view as view_module
from sitroom.store import Store
from sitroom.store.annotation_view import StoredAnnotations
from sitroom.store.payload_spool import PayloadSpool
from sitroom.types import Article, DocAnnotations, Mention, TimeMention

VERSION = "v-test"


def article(key: str) -> Article:
    return Article(key, f"Text of {key}.", "outlet", None, None, "2024-05-01", "metadata",
                   None, "en", 3)


def annotated(key: str, n: int) -> DocAnnotations:
    # Non-ASCII names: the spool must hand back the stored text exactly, not re-encode it.
    return DocAnnotations(
        article=key,
        mentions=tuple(Mention(key, i, i + 2, f"Nämé{i} «{key}»", "PERSON") for i in range(n)),
        times=(TimeMention(key, 0, 4, "2024", "DATE", "2024", "year"),),
    )


class CountingStore:
    """A store that counts which payloads were read from it."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.read: list[str] = []

    def annotated_ids(self, version: str) -> list[str]:
        return self.store.annotated_ids(version)

    def annotation_payloads(self, version: str, ids: Sequence[str]) -> dict[str, str]:
        self.read.extend(ids)
        return self.store.annotation_payloads(version, ids)


@pytest.fixture()
def store(tmp_path: Path) -> Iterator[Store]:
    keys = [f"a{i}" for i in range(5)]
    opened = Store.open(tmp_path)
    with opened.transaction():
        opened.add_articles([article(k) for k in keys], [(f"f{k}", k) for k in keys])
        opened.add_annotations(VERSION, [annotated(k, i * 3) for i, k in enumerate(keys)])
        opened.add_annotations("other-version", [annotated("a0", 9)])
    yield opened
    opened.close()


def test_the_spool_gives_back_the_stored_payloads_exactly(store: Store, tmp_path: Path) -> None:
    spool = PayloadSpool(store, folder=str(tmp_path))
    ids = ["a3", "a0", "a4"]
    assert spool.annotation_payloads(VERSION, ids) == store.annotation_payloads(VERSION, ids)
    # Read back from the file, in a different order and with articles not yet copied.
    again = ["a4", "a1", "a3", "a2", "a0"]
    assert spool.annotation_payloads(VERSION, again) == store.annotation_payloads(VERSION, again)
    # Each version is its own payload.
    assert spool.annotation_payloads("other-version", ["a0"]) == store.annotation_payloads(
        "other-version", ["a0"])
    assert spool.annotation_payloads(VERSION, ["a0"]) != spool.annotation_payloads(
        "other-version", ["a0"])


def test_each_payload_is_read_from_the_store_once(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(view_module, "CHUNK", 2)  # passes cross chunk boundaries
    counting = CountingStore(store)
    view = StoredAnnotations(PayloadSpool(counting, folder=str(tmp_path)), VERSION)
    first = list(view.only("mentions"))
    second = list(view.only("times"))
    third = list(view)
    assert sorted(counting.read) == ["a0", "a1", "a2", "a3", "a4"]
    assert first == list(StoredAnnotations(store, VERSION).only("mentions"))
    assert second == list(StoredAnnotations(store, VERSION).only("times"))
    assert third == store.annotations(VERSION)


def test_a_closed_spool_reads_the_store_again(store: Store, tmp_path: Path) -> None:
    counting = CountingStore(store)
    spool = PayloadSpool(counting, folder=str(tmp_path))
    spool.annotation_payloads(VERSION, ["a1"])
    spool.close()
    assert spool.annotation_payloads(VERSION, ["a1"]) == store.annotation_payloads(
        VERSION, ["a1"])
    assert counting.read == ["a1", "a1"]


class HeadCountingStore(CountingStore):
    """A counting store that can also give the payloads' heads."""

    def __init__(self, store: Store) -> None:
        super().__init__(store)
        self.heads: list[str] = []

    def annotation_heads(self, version: str, ids: Sequence[str]) -> dict[str, str]:
        self.heads.extend(ids)
        return self.store.annotation_heads(version, ids)


def test_a_view_of_leading_parts_reads_heads_past_the_spool(
    store: Store, tmp_path: Path
) -> None:
    """Mentions alone come from the store's heads, not copied; payloads already copied are
    handed back from the file; the records are those of the store either way."""
    counting = HeadCountingStore(store)
    view = StoredAnnotations(PayloadSpool(counting, folder=str(tmp_path)), VERSION)
    list(view.within({"a1"}))  # copies a1's payload
    mentions = list(view.only("mentions"))
    assert mentions == list(StoredAnnotations(store, VERSION).only("mentions"))
    assert counting.read == ["a1"]
    assert sorted(counting.heads) == ["a0", "a2", "a3", "a4"]
    assert list(view) == store.annotations(VERSION)  # whole payloads: copied, then read
    assert sorted(counting.read) == ["a0", "a1", "a2", "a3", "a4"]
