"""The dashboard API's filters: the same meaning as report.html's filter form, over plain
report data. Each function is pure; a bad value raises :class:`BadQuery` with a message."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

JsonObject = dict[str, Any]


class BadQuery(ValueError):
    """A query parameter that cannot be used; the message says which and why."""


@dataclass(frozen=True, slots=True)
class ArticleFilter:
    outlet: str | None = None
    actor: str | None = None
    place: str | None = None
    story: str | None = None
    date_from: str | None = None
    date_to: str | None = None

    def active(self) -> bool:
        return any((self.outlet, self.actor, self.place, self.story, self.date_from, self.date_to))


def check_day(name: str, value: str | None) -> str | None:
    if value is None or value == "":
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise BadQuery(f"{name}={value!r} is not a date; write YYYY-MM-DD") from None


def make_filter(
    sets: dict[str, dict[str, frozenset[str]]],
    *,
    outlet: str | None,
    actor: str | None,
    place: str | None,
    story: str | None,
    date_from: str | None,
    date_to: str | None,
) -> ArticleFilter:
    """A filter, checking that the ids name something in this report."""
    for name, value, table in (("actor", actor, "entities"), ("place", place, "places"),
                               ("story", story, "stories")):  # fmt: skip
        if value and value not in sets[table]:
            raise BadQuery(f"{name}={value!r} is not an id in this report; "
                           f"list them at /api/{table}")  # fmt: skip
    low, high = check_day("from", date_from), check_day("to", date_to)
    if low and high and low > high:
        raise BadQuery(f"from={low} is after to={high}")
    return ArticleFilter(outlet or None, actor or None, place or None, story or None, low, high)


def article_days(article: JsonObject) -> tuple[str, str] | None:
    if article.get("published"):
        return article["published"], article["published"]
    if article.get("date_range"):
        low, high = article["date_range"]
        return low, high
    return None


def matches(
    article: JsonObject, f: ArticleFilter, sets: dict[str, dict[str, frozenset[str]]]
) -> bool:
    if f.outlet and article["outlet"] != f.outlet:
        return False
    for value, table in ((f.actor, "entities"), (f.place, "places"), (f.story, "stories")):
        if value and article["id"] not in sets[table].get(value, frozenset()):
            return False
    if f.date_from or f.date_to:
        days = article_days(article)
        if days is None:
            return False
        if f.date_from and days[1] < f.date_from:
            return False
        if f.date_to and days[0] > f.date_to:
            return False
    return True


def visible_ids(
    articles: Sequence[JsonObject], f: ArticleFilter, sets: dict[str, dict[str, frozenset[str]]]
) -> set[str] | None:
    """The ids of the articles that pass ``f``; None when ``f`` passes everything."""
    if not f.active():
        return None
    return {a["id"] for a in articles if matches(a, f, sets)}


def any_in(ids: Iterable[str], visible: set[str] | None) -> bool:
    return visible is None or any(i in visible for i in ids)


def evidence_ids(item: JsonObject) -> list[str]:
    return [e["article"] for e in item.get("evidence") or []]


def page_of(items: Sequence[JsonObject], offset: int, limit: int) -> JsonObject:
    return {"total": len(items), "offset": offset, "limit": limit,
            "items": list(items[offset : offset + limit])}  # fmt: skip
