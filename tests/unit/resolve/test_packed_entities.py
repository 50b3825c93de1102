"""PackedEntities answers the quotes and events steps' questions as the EntityResolution it
was packed from does: for every span and surface, not only the mentions' own."""

from __future__ import annotations

from sitroom.pipeline import _actors_by_article
from sitroom.resolve.entities import EntityResolution, resolve_entities
from sitroom.resolve.packed_entities import PackedEntities
from sitroom.types import DocAnnotations, Entity, Mention


def _doc(article: str, *mentions: tuple[int, str, str]) -> DocAnnotations:
    return DocAnnotations(article, tuple(
        Mention(article, start, start + len(text), text, label, "model")
        for start, text, label in mentions))


def _resolved() -> EntityResolution:
    docs = [
        _doc("a", (0, "Recep Tayyip Erdogan", "PERSON"), (40, "Turkey", "GPE"),
             (60, "Erdogan", "PERSON"), (90, "Syrian National Army", "ORG"),
             (95, "National Army", "ORG")),  # overlaps the one before it
        _doc("b", (0, "Erdoğan", "PERSON"), (20, "Türkiye", "GPE"), (50, "Ankara", "GPE")),
        _doc("c"),
    ]
    return resolve_entities(docs)


def _every_span(limit: int) -> list[tuple[int, int]]:
    return [(start, end) for start in range(0, limit, 3) for end in range(start + 1, limit, 4)]


def test_every_span_gets_the_resolutions_entity() -> None:
    resolved = _resolved()
    packed = PackedEntities(resolved)
    for article in ("b", "a", "c", "zzz", "a"):  # back to an article unpacked before
        for start, end in _every_span(130):
            assert packed.entity_of(article, start, end) == resolved.entity_of(
                article, start, end), (article, start, end)


def test_a_span_given_twice_answers_as_the_dict_kept_it() -> None:
    # Two mentions of one span in two groups: the resolution's dict kept the later entity
    # while its list keeps both rows, and the overlap search meets the earlier one first.
    resolved = EntityResolution(
        (Entity("e1", "One", "ORG", (), 1, ("a",)), Entity("e2", "Two", "ORG", (), 1, ("a",))),
        {("a", 0, 10): "e2", ("a", 20, 30): "e1"},
        {"one": "e1"},
        {"a": [(0, 10, "e1"), (20, 30, "e1"), (0, 10, "e2")]},
        {"e1": "ORG", "e2": "ORG"},
    )
    packed = PackedEntities(resolved)
    assert packed.entity_of("a", 0, 10) == resolved.entity_of("a", 0, 10) == "e2"
    assert packed.entity_of("a", 2, 8) == resolved.entity_of("a", 2, 8) == "e1"
    assert packed.entity_of("a", 5, 25) == resolved.entity_of("a", 5, 25)


def test_surfaces_and_each_articles_entities_are_the_resolutions() -> None:
    resolved = _resolved()
    packed = PackedEntities(resolved)
    for surface in ("Erdogan", "Recep Tayyip Erdoğan", "Türkiye", "Republic of Türkiye",
                    "the Syrian National Army", "Ankara", "Nobody Known"):
        assert packed.lookup(surface) == resolved.lookup(surface), surface
    assert packed.entities_by_article() == _actors_by_article(resolved)
    # The events step keys each article's memo entry by these rows.
    assert {a: list(rows) for a, rows in packed.by_article.items()} == resolved.by_article
    assert packed.by_article.get("nowhere", ()) == ()
    assert packed.lookup("Turkey") is not None
