"""Variant lookups remembered between builds give the answers a fresh search gives."""

from __future__ import annotations

from sitroom.resolve.places import remembered_variants, resolve_places
from sitroom.types import Article, DocAnnotations

from .test_places import _doc


def _docs() -> list[tuple[Article, DocAnnotations]]:
    return [
        _doc("sy", "Fighters from Idlib reached Tal Rifaat, north of Aleppo, in Syria.",
             ["Idlib", "Tal Rifaat", "Aleppo", "Syria"]),
        _doc("pk", "Floods hit Hyderabad and Sukkur in Pakistan.",
             ["Hyderabad", "Sukkur", "Pakistan"]),
    ]


def test_remembered_answers_change_nothing() -> None:
    docs = _docs()
    fresh = resolve_places([d[0] for d in docs], [d[1] for d in docs])
    answers: dict[str, str] = {}
    with remembered_variants(answers):
        first = resolve_places([d[0] for d in docs], [d[1] for d in docs])
    assert answers, "the transliteration search should have left an answer to keep"
    kept = dict(answers)
    with remembered_variants(answers):
        again = resolve_places([d[0] for d in docs], [d[1] for d in docs])
    assert answers == kept, "a remembered question was searched again"
    assert fresh == first == again
