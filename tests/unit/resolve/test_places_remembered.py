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


def test_exact_matches_are_kept_and_read_back() -> None:
    docs = _docs()
    answers: dict[str, str] = {}
    with remembered_variants(answers):
        first = resolve_places([d[0] for d in docs], [d[1] for d in docs])
    exact = [question for question in answers if question.startswith("exact|")]
    assert any('"aleppo"' in question for question in exact)
    # what the memo says is what the step uses: kept as Sukkur's matches, Aleppo is put
    # where Sukkur is (so the equality above is the memo's, not a search run again)
    sukkur = next(answers[q] for q in exact if '"sukkur"' in q)
    swapped = {q: (sukkur if '"aleppo"' in q else a) for q, a in answers.items()}
    with remembered_variants(swapped):
        again = resolve_places([d[0] for d in docs], [d[1] for d in docs])
    points = {m.text: (m.lat, m.lon) for m in again.mentions}
    assert points["Aleppo"] == points["Sukkur"]
    assert {m.text: m.country_code for m in first.mentions}["Aleppo"] == "SY"
