"""Corpus-level events on hand-made mentions (no parser): resolution, merging, values side by
side, ids, timeline and the as-of view."""

from __future__ import annotations

from datetime import date

import pytest

from sitroom.analyze.asof import articles_as_of
from sitroom.analyze.events import build_events, name_key, timeline, value_interval
from sitroom.errors import UsageError
from sitroom.types import (
    Article,
    DocAnnotations,
    EventMention,
    StatedNumber,
    TextSpan,
    TimeMention,
)


class Entities:
    """Entity lookup by exact surface text."""

    def __init__(self, names: dict[str, str]) -> None:
        self.names = names
        self.texts: dict[tuple[str, int, int], str] = {}

    def entity_of(self, article: str, start: int, end: int) -> str | None:
        return self.names.get(self.texts.get((article, start, end), ""))

    def lookup(self, surface: str) -> str | None:
        return self.names.get(surface)


def article(ident: str, outlet: str, published: str | None, text: str = "x" * 400,
            date_range: tuple[str, str] | None = None) -> Article:
    return Article(ident, text + ident, outlet, None, None, published,
                   "header" if published else "inferred", date_range, "en", 50)


def mention(art: str, at: int, trigger: str, kind: str, *, actor: str | None = None,
            time: tuple[int, int] | None = None, modality: str = "asserted",
            killed: int | None = None, nominal: bool = False) -> EventMention:
    return EventMention(
        art, at, at + 20, "clause", at, at + 5, trigger, kind, nominal=nominal,
        actors=(TextSpan(at + 6, at + 10, actor),) if actor else (),
        time=TextSpan(*time, "when") if time else None, modality=modality,
        numbers=(StatedNumber("killed", killed, "people", at, at + 9, "n killed"),)
        if killed is not None else (),
    )


def day(art: str, start: int, value: str) -> TimeMention:
    return TimeMention(art, start, start + 4, "when", "DATE", value, "day")


def test_value_interval_reads_timex_values() -> None:
    assert value_interval("2024-11-27") == (date(2024, 11, 27), date(2024, 11, 27))
    assert value_interval("2024-W49-WE") == (date(2024, 12, 7), date(2024, 12, 8))
    assert value_interval("2024-02") == (date(2024, 2, 1), date(2024, 2, 29))
    assert value_interval("2020") == (date(2020, 1, 1), date(2020, 12, 31))
    assert value_interval("PRESENT_REF") is None


def test_name_key_meets_plural_and_possessive() -> None:
    assert name_key("the rebels'") == name_key("rebel") == name_key("Rebels")


def _corpus() -> tuple[list[Article], list[DocAnnotations], Entities]:
    arts = [article("a", "Wire", "2025-08-12"), article("b", "Ledger", "2025-08-13"),
            article("c", "Monitor", "2025-08-16")]
    anns = [
        DocAnnotations("a", times=(day("a", 100, "2025-08-12"),),
                       events=(mention("a", 10, "breach", "disaster", time=(100, 104),
                                       killed=11, nominal=True),)),
        DocAnnotations("b", times=(day("b", 100, "2025-08-12"),),
                       events=(mention("b", 10, "breach", "disaster", time=(100, 104),
                                       killed=41, nominal=True),
                               mention("b", 200, "attack", "assault", actor="Army"))),
        DocAnnotations("c", events=(mention("c", 10, "breach", "disaster", killed=63,
                                            nominal=True),
                                    mention("c", 50, "attack", "assault", actor="Militia"),
                                    mention("c", 90, "attack", "assault", actor="Army",
                                            modality="negated"))),
    ]
    entities = Entities({"Army": "e_army", "Militia": "e_militia"})
    for ann in anns:
        for m in ann.events:
            for a in m.actors:
                entities.texts[(m.article, a.start, a.end)] = a.text
    return arts, anns, entities


def test_mentions_of_one_happening_merge_with_figures_side_by_side() -> None:
    arts, anns, entities = _corpus()
    events = build_events(arts, anns, entities)
    breach = next(e for e in events if e.trigger == "breach")
    assert {ev.article for ev in breach.evidence} == {"a", "b", "c"}
    assert breach.date == "2025-08-12" and breach.date_basis == "time_expression"
    assert breach.outlets == ("Ledger", "Monitor", "Wire")
    killed = {n.value: n for n in breach.numbers if n.field == "killed"}
    assert set(killed) == {"11", "41", "63"}
    assert killed["41"].outlets == ("Ledger",)
    assert sum(n.preferred for n in killed.values()) == 1
    for ev in breach.evidence:
        assert ev.trigger_start is not None and ev.trigger_end is not None


def test_different_actors_keep_attacks_apart_and_a_denial_did_not_happen() -> None:
    arts, anns, entities = _corpus()
    attacks = [e for e in build_events(arts, anns, entities) if e.trigger == "attack"]
    by_actor = {e.actors: e for e in attacks}
    assert set(by_actor) == {("e_army",), ("e_militia",)}
    army = by_actor[("e_army",)]  # asserted by one source, denied by another
    assert army.happened
    assert {v.value for v in army.conflicts if v.field == "modality"} == {"asserted", "negated"}


def test_ids_are_stable_and_follow_the_earliest_evidence() -> None:
    arts, anns, entities = _corpus()
    first = build_events(arts, anns, entities)
    again = build_events(list(reversed(arts)), list(reversed(anns)), entities)
    assert [e.id for e in first] == [e.id for e in again]
    later = build_events(arts, anns[1:], entities)  # the earliest article removed
    breach_ids = {e.id for e in first if e.trigger == "breach"}
    assert breach_ids.isdisjoint({e.id for e in later if e.trigger == "breach"})


def test_timeline_holds_dated_happened_events_in_order() -> None:
    arts, anns, entities = _corpus()
    events = build_events(arts, anns, entities)
    order = timeline(events)
    by_id = {e.id: e for e in events}
    assert all(by_id[i].happened and by_id[i].date for i in order)
    assert [by_id[i].date[:10] for i in order] == sorted(by_id[i].date[:10] for i in order)


def test_articles_as_of() -> None:
    arts = [article("a", "W", "2024-11-28"), article("b", "W", "2024-12-06"),
            article("c", "W", None, date_range=("2024-11-20", "2024-11-29")),
            article("d", "W", None, date_range=("2024-11-27", "2025-01-05")),
            article("e", "W", None)]
    assert [a.id for a in articles_as_of(arts, "2024-11-30")] == ["a", "c"]
    with pytest.raises(UsageError, match="YYYY-MM-DD"):
        articles_as_of(arts, "30/11/2024")


def test_syndicated_copies_are_marked_duplicate_of_the_first() -> None:
    from sitroom.analyze.events import mark_duplicates

    body = ("Floodwater poured into a dozen villages after a section of the embankment gave way "
            "early on Tuesday, officials said, forcing thousands of people onto rooftops. ") * 3
    first = Article("a1", body, "Wire", None, None, "2025-08-12", "header", None, "en", 60)
    copy = Article("a2", body + " Reporting by staff.", "Today", None, None, "2025-08-12",
                   "header", None, "en", 63)
    other = Article("a3", "A different story about elections in the capital. " * 5, "Post",
                    None, None, "2025-08-12", "header", None, "en", 40)
    marked = {a.id: a.duplicate_of for a in mark_duplicates([first, copy, other])}
    assert marked == {"a1": None, "a2": "a1", "a3": None}


def test_an_event_told_days_after_a_named_day_falls_on_the_day_the_offset_lands_on() -> None:
    # "Three days later, the dam broke": the TIMEX3 is the DURATION "Three days", counted
    # from the day named before it (annotate.timex_offsets)
    later = TimeMention("a", 100, 104, "when", "DURATION", "P3D", "duration",
                        relation="after:P3D:2025-08-09")
    anns = [DocAnnotations("a", times=(later,),
                           events=(mention("a", 10, "breach", "disaster", time=(100, 104)),))]
    [breach] = build_events([article("a", "Wire", "2025-08-14")], anns, Entities({}))
    assert breach.date == "2025-08-12" and breach.date_basis == "time_expression"


def test_a_verb_of_no_type_with_different_doers_stays_apart() -> None:
    """`its teams reached` and `the water reached` in one week are different happenings; two
    mentions of `the water` reaching merge."""
    arts = [article("a", "Wire", "2025-08-12"), article("b", "Ledger", "2025-08-13")]
    anns = [
        DocAnnotations("a", events=(mention("a", 10, "reach", "other", actor="its teams"),
                                    mention("a", 60, "reach", "other", actor="the water"))),
        DocAnnotations("b", events=(mention("b", 10, "reach", "other", actor="water"),)),
    ]
    events = build_events(arts, anns, Entities({}))
    groups = sorted(sorted((ev.article, ev.start) for ev in e.evidence) for e in events)
    assert groups == [[("a", 10)], [("a", 60), ("b", 10)]]
