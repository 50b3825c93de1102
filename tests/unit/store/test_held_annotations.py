"""HeldAnnotations: parts read once give each step what a stored view of its parts gives."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from sitroom.store import Store
from sitroom.store.annotation_view import StoredAnnotations
from sitroom.store.held_annotations import HeldAnnotations
from sitroom.types import (
    Acronym,
    Article,
    CitationMention,
    DocAnnotations,
    Mention,
    TimeMention,
)

VERSION = "v-test"
HEADS = ("mentions", "acronyms", "citations")


def _article(key: str) -> Article:
    return Article(key, f"Text of {key}.", "outlet", None, None, "2024-05-01", "metadata",
                   None, "en", 3)


def _annotations(key: str, n: int) -> DocAnnotations:
    return DocAnnotations(
        article=key,
        mentions=tuple(Mention(key, i, i + 2, f"Name{i}", "PERSON") for i in range(n)),
        acronyms=(Acronym(key, "UN", "United Nations", 0, 2),) if n % 2 else (),
        times=(TimeMention(key, 0, 4, "2024", "DATE", "2024", "year"),),
        citations=(CitationMention(key, 0, 7, "Reuters", "agency"),) if n else (),
    )


@pytest.fixture()
def stored(tmp_path: Path) -> Iterator[StoredAnnotations]:
    keys = [f"a{i}" for i in range(4)]
    store = Store.open(tmp_path)
    with store.transaction():
        store.add_articles([_article(k) for k in keys], [(f"f{k}", k) for k in keys])
        store.add_annotations(VERSION, [_annotations(k, i) for i, k in enumerate(keys)])
    yield StoredAnnotations(store, VERSION)
    store.close()


@pytest.mark.parametrize("parts", [("mentions", "acronyms"), ("mentions", "citations"), HEADS])
def test_each_step_sees_what_a_stored_view_gives(
    stored: StoredAnnotations, parts: tuple[str, ...]
) -> None:
    held = HeldAnnotations(stored.only(*HEADS), HEADS)
    assert list(held.only(*parts)) == list(stored.only(*parts))
    assert [d.article for d in held] == ["a0", "a1", "a2", "a3"]
    assert all(not d.times for d in held)  # never read


def test_a_part_not_held_is_refused(stored: StoredAnnotations) -> None:
    held = HeldAnnotations(stored.only("mentions"), ["mentions"])
    with pytest.raises(ValueError, match="acronyms"):
        held.only("mentions", "acronyms")
