"""A value of an event told many times repeats a bounded number of its passages in
report.json, every article still represented, with an honest count of the rest; the event
itself keeps every mention."""

from __future__ import annotations

from sitroom.report.evidence_bound import VALUE_EVIDENCE, bounded
from sitroom.report.serialize import event_to_dict
from sitroom.types import Event, EventValue, Evidence


def _passages(articles: int, each: int) -> tuple[Evidence, ...]:
    return tuple(
        Evidence(f"a{a}", 10 * m, 10 * m + 5, f"passage {a}.{m}")
        for a in range(articles)
        for m in range(each)
    )


def test_every_article_keeps_its_first_passage_and_order_is_kept() -> None:
    items = _passages(articles=30, each=3)
    kept = bounded(items, limit=12)
    assert {e.article for e in kept} == {e.article for e in items}
    assert len(kept) == 30  # more articles than the limit: one passage each
    assert list(kept) == sorted(kept, key=items.index)


def test_few_articles_fill_up_to_the_limit_in_order() -> None:
    items = _passages(articles=2, each=20)
    kept = bounded(items, limit=12)
    assert len(kept) == 12
    assert items[20] in kept  # the second article's first passage
    assert kept[:10] == items[:10]


def test_a_small_event_is_left_whole() -> None:
    items = _passages(articles=3, each=2)
    assert bounded(items, limit=12) == items


def test_the_report_counts_what_it_leaves_out() -> None:
    evidence = _passages(articles=2, each=40)
    toll = EventValue("killed", "41", ("Outlet",), 1, evidence, True, "people")
    event = Event(
        "ev_1", "disaster", "2025-08-12", "day", (), (), None, "the flood", evidence,
        ("Outlet",), 1, numbers=(toll,),
    )  # fmt: skip
    data = event_to_dict(event)
    assert len(data["evidence"]) == 80  # the event keeps every mention
    figure = data["numbers"][0]
    assert figure["evidence_total"] == 80
    assert len(figure["evidence"]) == VALUE_EVIDENCE
    assert {e["article"] for e in figure["evidence"]} == {"a0", "a1"}
