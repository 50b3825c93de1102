"""Undated articles within the coverage, re-anchoring, and event-relative resolution."""

from __future__ import annotations

from datetime import date, timedelta

from sitroom.resolve.dates import resolve_event_relation, resolve_relative
from sitroom.types import TimeMention


def mention(
    text: str,
    value: str | None,
    *,
    start: int = 0,
    type_: str = "DATE",
    precision: str = "day",
    relation: str | None = None,
) -> TimeMention:
    return TimeMention("a1", start, start + len(text), text, type_, value, precision, relation)


def test_event_relation_resolves_once_the_event_is_dated() -> None:
    fled = date(2024, 12, 8)
    two_days = mention("Two days", "P2D", type_="DURATION", precision="duration",
                       relation="before:P2D:Assad fled")
    resolved = resolve_event_relation(two_days, fled)
    assert (resolved.type, resolved.value) == ("DATE", "2024-12-06")
    nested = mention("the next day", None, relation="after:P1D:before:P2D:Assad fled")
    assert resolve_event_relation(nested, fled).value == "2024-12-07"
    second = mention("the second day", None, relation="ordinal:2:P1D:the offensive")
    assert resolve_event_relation(second, date(2024, 11, 27)).value == "2024-11-28"
    week = mention("A week", None, precision="week", relation="after:P1W:the breach")
    resolved = resolve_event_relation(week, date(2025, 8, 12))
    assert (resolved.value, resolved.precision) == ("2025-W34", "week")
    vague = mention("the early days", None, relation="start:PXD:the offensive")
    assert resolve_event_relation(vague, fled) == vague


def test_resolve_relative_fills_in_an_anchorless_value() -> None:
    last_week = mention("last week", None, precision="week")
    assert resolve_relative(last_week, date(2024, 11, 28)).value == "2024-W47"
    absolute = mention("2019", "2019", precision="year")
    assert resolve_relative(absolute, date(2024, 11, 28)) is absolute


def _mention(text: str, start: int = 0) -> TimeMention:
    return TimeMention("a", start, start + len(text), text, "DATE", None, "day")


def test_coverage_window_spans_the_dated_articles_with_a_margin() -> None:
    from sitroom.resolve.dates import WINDOW_DAYS, coverage_window

    lo, hi = coverage_window(["2024-12-06", "2024-11-28"]) or (None, None)
    assert lo == date(2024, 11, 28) - timedelta(days=WINDOW_DAYS)
    assert hi == date(2024, 12, 6) + timedelta(days=WINDOW_DAYS)
    assert coverage_window([]) is None


def test_yearless_reported_day_raises_the_lower_bound_inside_the_window() -> None:
    from sitroom.resolve.dates import range_within_coverage

    window = (date(2024, 10, 29), date(2025, 1, 5))
    text = "Fighting began on November 27, residents said."
    found = range_within_coverage(None, [_mention("November 27", 18)], window, text)
    assert found == ("2024-11-27", "2025-01-05")


def test_own_dates_win_when_they_lie_outside_the_coverage() -> None:
    from sitroom.resolve.dates import range_within_coverage

    window = (date(2024, 10, 29), date(2025, 1, 5))
    assert range_within_coverage(("2019-03-01", "2019-03-31"), [], window) == (
        "2019-03-01",
        "2019-03-31",
    )
    assert range_within_coverage(("2024-12-01", "2024-12-31"), [], window) == (
        "2024-12-01",
        "2024-12-31",
    )
    assert range_within_coverage(("2020-01-01", "2020-01-31"), [], window) == (
        "2020-01-01",
        "2020-01-31",
    )


def test_own_dates_after_the_coverage_do_not_win() -> None:
    """A text whose only dates lie after every dated article looks ahead (``by 2040``)."""
    from sitroom.resolve.dates import range_within_coverage

    window = (date(2024, 10, 29), date(2025, 1, 5))
    assert range_within_coverage(("2040-08-14", "2040-09-13"), [], window) == (
        "2024-10-29",
        "2025-01-05",
    )
