"""Notes taken from the events on their way to disk give the timeline and the claims' links
that reading the events back gives."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from sitroom.analyze.claim_events import link_claims_to_events, link_claims_to_spans
from sitroom.analyze.event_notes import EventNotes, event_spans
from sitroom.analyze.events import timeline
from sitroom.types import Claim, Event, Evidence

_DATES = [None, "2024-03-01", "2024-03-01T10:00", "2024-03", "2024-W09", "2024-03-01/2024-03-05"]
_PRECISIONS = [None, "day", "week", "month", "range", "year", "odd"]


def _events(seed: int, count: int) -> list[Event]:
    draw = random.Random(seed)
    events = []
    for n in range(count):
        passages = tuple(
            Evidence(draw.choice("abc"), start, start + draw.randint(1, 30), "x")
            for start in (draw.randint(0, 100) for _ in range(draw.randint(1, 3))))
        events.append(Event(f"e{draw.randint(0, 50):02d}_{n}", "control", draw.choice(_DATES),
                            draw.choice(_PRECISIONS), (), (), None, "x", passages, ("o",), 1,
                            happened=draw.random() < 0.7))
    return events


def _claims(seed: int, count: int) -> list[Claim]:
    draw = random.Random(seed + 1)
    return [Claim(f"c{n}", "x", tuple(
        Evidence(draw.choice("abcd"), s, s + draw.randint(1, 20), "x")
        for s in (draw.randint(0, 120) for _ in range(draw.randint(1, 3)))), ("o",), 1,
        "single_source") for n in range(count)]


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 10_000), st.integers(0, 40))
def test_notes_give_the_timeline_and_links_of_the_events(seed: int, count: int) -> None:
    events = _events(seed, count)
    notes = EventNotes()
    # The notes are taken in the order the events are made, before they are sorted.
    assert list(notes.noting(reversed(events))) == events[::-1]
    assert len(notes) == len(events)
    assert notes.timeline() == timeline(events)
    expected = event_spans(events)
    assert {a: sorted(s) for a, s in notes.spans().items()} == {
        a: sorted(s) for a, s in expected.items()}
    claims = _claims(seed, 15)
    assert link_claims_to_spans(claims, notes.spans()) == link_claims_to_events(claims, events)


def test_the_timeline_orders_by_day_then_precision_then_id() -> None:
    def event(eid: str, date: str | None, precision: str | None, happened: bool = True) -> Event:
        return Event(eid, "control", date, precision, (), (), None, "x", (), ("o",), 1,
                     happened=happened)

    notes = EventNotes()
    list(notes.noting([
        event("z", "2024-03-01", "month"), event("y", "2024-03-01T09:00", "day"),
        event("x", "2024-02-28", "year"), event("w", None, None),
        event("v", "2024-01-01", "day", happened=False), event("u", "2024-03-01", "day"),
    ]))
    assert notes.timeline() == ("x", "u", "y", "z")
