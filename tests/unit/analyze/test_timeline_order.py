"""The timeline's order, whatever the order the events come in."""

from __future__ import annotations

from sitroom.analyze.events import timeline
from sitroom.report.spill import SpilledRecords
from sitroom.types import Event


def _event(id_: str, date: str | None, precision: str | None, happened: bool = True) -> Event:
    return Event(id=id_, type="attack", date=date, date_precision=precision, actors=(),
                 targets=(), place=None, text="", evidence=(), outlets=(),
                 independent_sources=1, happened=happened)


EVENTS = [
    _event("ev_c", "2025-03-02", "day"),
    _event("ev_a", "2025-03", "month"),
    _event("ev_b", "2025-03-02T10:00", "day"),
    _event("ev_d", "2025-03-02", "week"),
    _event("ev_e", None, None),  # undated: not on the timeline
    _event("ev_f", "2025-01-01", "day", happened=False),  # threatened: not on it either
    _event("ev_g", "2025-03-02", "range"),
    _event("ev_h", "2024-12-31", "year"),
]


def test_timeline_orders_by_day_then_precision_then_id() -> None:
    assert timeline(EVENTS) == ("ev_h", "ev_a", "ev_b", "ev_c", "ev_d", "ev_g")


def test_timeline_reads_spilled_events_as_a_list() -> None:
    spilled = SpilledRecords(reversed(EVENTS))
    assert timeline(spilled) == timeline(EVENTS)
