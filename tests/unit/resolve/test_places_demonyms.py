"""Demonyms of regions and places inside hyphenated words."""

from __future__ import annotations

from sitroom.resolve.places import resolve_places
from sitroom.types import Article, DocAnnotations, Mention


def _placed(text: str, tagged: list[tuple[str, str]]) -> dict[str, str | None]:
    """Mention text -> the place name it resolved to, for one article with ``tagged``
    (text, label) mentions at their first occurrence."""
    article = Article("a", text, "test", None, None, None, "unknown", None, "en", 0)
    mentions = []
    for surface, label in tagged:
        start = text.index(surface)
        mentions.append(Mention("a", start, start + len(surface), surface, label))
    res = resolve_places([article], [DocAnnotations("a", tuple(mentions))], metonymy=True)
    return {m.text: m.name if m.lat is not None else None for m in res.mentions}


def test_region_adjectives_are_placed_at_the_region() -> None:
    text = "U.S. and European officials met Southeast Asian envoys."
    placed = _placed(text, [("European", "NORP"), ("Southeast Asian", "NORP")])
    assert placed == {"European": "Europe", "Southeast Asian": "Southeast Asia"}


def test_african_american_is_not_africa() -> None:
    text = "African American voters turned out."
    assert "African" not in _placed(text, [("African American", "NORP")])


def test_parts_of_a_hyphenated_word_are_placed() -> None:
    text = "A German-Iraqi boy was held. The U.S.-led campaign went on."
    placed = _placed(text, [("German-Iraqi", "NORP"), ("U.S.-led", "ORG")])
    assert placed == {"German": "Germany", "Iraqi": "Iraq", "U.S.": "United States"}


def test_a_hyphenated_place_name_stays_whole() -> None:
    text = "Floods hit Saxony-Anhalt and Guinea-Bissau."
    placed = _placed(text, [("Saxony-Anhalt", "GPE"), ("Guinea-Bissau", "GPE")])
    assert set(placed) == {"Saxony-Anhalt", "Guinea-Bissau"}
    assert all(placed.values())
