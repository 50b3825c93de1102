"""StoredAnnotations: the stored annotations read a few articles at a time, only the parts
asked for, always in the order the articles were first stored."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

import sitroom.store.annotation_view as view_module
from sitroom.store import Store
from sitroom.store.annotation_view import StoredAnnotations
from sitroom.types import Acronym, Article, DocAnnotations, Mention, TimeMention

VERSION = "v-test"


def article(key: str) -> Article:
    return Article(key, f"Text of {key}.", "outlet", None, None, "2024-05-01", "metadata",
                   None, "en", 3)


def annotations(key: str, n: int) -> DocAnnotations:
    return DocAnnotations(
        article=key,
        mentions=tuple(Mention(key, i, i + 2, f"Name{i}", "PERSON") for i in range(n)),
        acronyms=(Acronym(key, "UN", "United Nations", 0, 2),) if n % 2 else (),
        times=(TimeMention(key, 0, 4, "2024", "DATE", "2024", "year"),),
    )


@pytest.fixture()
def store(tmp_path: Path) -> Iterator[Store]:
    keys = [f"a{i}" for i in range(5)]
    opened = Store.open(tmp_path)
    with opened.transaction():
        opened.add_articles([article(k) for k in keys], [(f"f{k}", k) for k in keys])
        # Stored out of order: the view follows the articles' order, as the store's list does.
        opened.add_annotations(VERSION, [annotations(k, i) for i, k in reversed(list(
            enumerate(keys)))])
        opened.add_annotations("other-version", [annotations("a0", 9)])
    yield opened
    opened.close()


def test_the_view_holds_what_the_store_lists_in_the_same_order(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(view_module, "CHUNK", 2)  # passes cross chunk boundaries
    full = StoredAnnotations(store, VERSION)
    assert list(full) == store.annotations(VERSION)
    assert [a.article for a in full] == ["a0", "a1", "a2", "a3", "a4"]
    assert list(full) == list(full)  # a second pass reads the same again
    assert len(full) == 5
    assert full[3] == store.annotations(VERSION)[3]
    assert list(full[1:3]) == store.annotations(VERSION)[1:3]


def test_only_decodes_the_named_parts(store: Store) -> None:
    mentions = list(StoredAnnotations(store, VERSION).only("mentions"))
    assert [len(a.mentions) for a in mentions] == [0, 1, 2, 3, 4]
    assert all(a.times == () and a.acronyms == () for a in mentions)
    times = list(StoredAnnotations(store, VERSION, ("times",)))
    assert all(len(a.times) == 1 and a.mentions == () for a in times)


def test_within_keeps_the_order_and_the_parts(store: Store) -> None:
    kept = StoredAnnotations(store, VERSION).only("acronyms").within({"a3", "a1"})
    assert [(a.article, len(a.acronyms), len(a.mentions)) for a in kept] == [
        ("a1", 1, 0), ("a3", 1, 0)]


def test_an_unknown_part_is_refused(store: Store) -> None:
    with pytest.raises(ValueError, match="mention"):
        StoredAnnotations(store, VERSION).only("mention")


def test_a_view_of_leading_parts_reads_heads_and_gives_what_payloads_give(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A view of mentions or times reads the stored heads, not the payloads, and decodes
    the same records; a row stored before heads were (its head empty) is read whole."""
    payload_reads: list[str] = []
    real = Store.annotation_payloads

    def counted(self: Store, version: str, ids: list[str]) -> dict[str, str]:
        payload_reads.extend(ids)
        return real(self, version, ids)

    monkeypatch.setattr(Store, "annotation_payloads", counted)
    expected = [DocAnnotations(a.article, mentions=a.mentions, times=a.times)
                for a in store.annotations(VERSION)]
    payload_reads.clear()
    assert list(StoredAnnotations(store, VERSION, ("mentions", "times"))) == expected
    assert payload_reads == []
    # An older row: no head stored.
    store._con.execute("UPDATE annotations SET head = NULL WHERE article_id = 'a2'")
    assert list(StoredAnnotations(store, VERSION, ("mentions", "times"))) == expected
    assert payload_reads == ["a2"]
    # Events are not in the head: such a view reads payloads.
    payload_reads.clear()
    list(StoredAnnotations(store, VERSION, ("mentions", "events")))
    assert sorted(payload_reads) == ["a0", "a1", "a2", "a3", "a4"]


def test_a_store_of_the_first_schema_gains_the_head_column_and_keeps_its_rows(
    tmp_path: Path,
) -> None:
    import duckdb

    from sitroom.store.codec import encode_annotations, payload_head
    from sitroom.store.schema import MIGRATIONS

    con = duckdb.connect(str(tmp_path / "sitroom.duckdb"))
    con.execute(MIGRATIONS[0])
    con.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    con.execute("INSERT INTO articles VALUES ('a0', 0, 'Text of a0.', 'outlet', NULL, NULL, "
                "'2024-05-01', 'metadata', NULL, NULL, 'en', 3, NULL, NULL)")
    # Non-ASCII names: the migration's head must be the one Python cuts, character for
    # character.
    stored = replace(annotations("a0", 3), mentions=(
        Mention("a0", 0, 2, "Nämé «ü» 北京", "PERSON"),))
    con.execute("INSERT INTO annotations VALUES ('a0', ?, ?)",
                [VERSION, encode_annotations(stored)])
    con.close()
    with Store.open(tmp_path) as opened:
        assert opened.annotations(VERSION) == [stored]
        (head,) = opened._con.execute("SELECT head FROM annotations").fetchall()[0]
        assert head == payload_head(encode_annotations(stored))
        heads = StoredAnnotations(opened, VERSION, ("mentions",))
        assert list(heads) == [DocAnnotations("a0", mentions=stored.mentions)]
