"""Events in towns far apart, or on days that cannot meet, stay apart, even when mentions in
between would chain them into one (the giant merged events that made report.json balloon)."""

from __future__ import annotations

from sitroom.analyze.events import build_events, town_points
from sitroom.resolve.places import PlaceResolution, ResolvedMention
from sitroom.types import Article, DocAnnotations, EventMention, TextSpan

TEXT = "x" * 400


class NoEntities:
    def entity_of(self, article: str, start: int, end: int) -> str | None:
        return None


def _article(ident: str) -> Article:
    return Article(ident, TEXT + ident, "Wire", None, None, "2025-08-12", "header", None, "en", 50)


def _shelling(art: str, at: int, place: bool) -> EventMention:
    where = TextSpan(at + 12, at + 18, "town") if place else None
    return EventMention(art, at, at + 20, "clause", at, at + 5, "shell", "assault", place=where)


def _places(points: dict[tuple[str, int], tuple[str, float, float, str]]) -> PlaceResolution:
    mentions = tuple(
        ResolvedMention(art, at + 12, at + 18, name, place, name, lat, lon, "XX", None, 0.9,
                        kind="city")
        for (art, at), (place, lat, lon, name) in points.items()
    )  # fmt: skip
    return PlaceResolution((), mentions)


def _sizes(far_km_apart: bool) -> list[int]:
    # Article a: shelling in town A; article b: shelling with no place; article c: shelling
    # in town C. The same trigger links each to the unplaced one.
    arts = [_article("a"), _article("b"), _article("c")]
    anns = [
        DocAnnotations("a", events=(_shelling("a", 10, True),)),
        DocAnnotations("b", events=(_shelling("b", 10, False),)),
        DocAnnotations("c", events=(_shelling("c", 10, True),)),
    ]
    lon_c = 38.0 if far_km_apart else 36.1  # about 180 km or 9 km east of town A
    places = _places({("a", 10): ("p_a", 35.0, 36.0, "A"), ("c", 10): ("p_c", 35.0, lon_c, "C")})
    mentions = [(m.article, m.start, m.end, m.place) for m in places.mentions]
    events = build_events(arts, anns, NoEntities(), mentions, towns=town_points(places))
    return sorted(len(e.evidence) for e in events)


def test_towns_far_apart_are_different_events() -> None:
    assert _sizes(far_km_apart=True) == [1, 2]


def test_neighbouring_towns_can_be_one_event() -> None:
    assert _sizes(far_km_apart=False) == [3]


def test_without_positions_the_merge_is_as_before() -> None:
    arts = [_article("a"), _article("b")]
    anns = [DocAnnotations(a.id, events=(_shelling(a.id, 10, False),)) for a in arts]
    assert [len(e.evidence) for e in build_events(arts, anns, NoEntities())] == [2]


def test_a_chain_of_articles_over_a_month_is_not_one_event() -> None:
    """Undated mentions happened in the fortnight before their article: reports on the 1st,
    12th and 24th each overlap the next, but no day fits all three."""
    days = {"a": "2025-08-01", "b": "2025-08-12", "c": "2025-08-24"}
    arts = [
        Article(k, TEXT + k, "Wire", None, None, v, "header", None, "en", 50)
        for k, v in days.items()
    ]
    anns = [DocAnnotations(k, events=(_shelling(k, 10, False),)) for k in days]
    assert sorted(len(e.evidence) for e in build_events(arts, anns, NoEntities())) == [1, 2]
