"""The overlap bookkeeping of time-expression selection: bisection gives the same answers as
checking every span."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from sitroom.annotate.times import _covered, normalize_text


@st.composite
def disjoint_spans(draw: st.DrawFn) -> list[tuple[int, int]]:
    cuts = sorted(set(draw(st.lists(st.integers(0, 200), max_size=20))))
    spans = [(a, b) for a, b in zip(cuts[::2], cuts[1::2], strict=False) if b > a]
    return spans


@given(disjoint_spans(), st.integers(0, 200), st.integers(1, 30))
def test_covered_agrees_with_a_scan_of_every_span(spans: list[tuple[int, int]], start: int,
                                                  width: int) -> None:
    end = start + width
    assert _covered(start, end, spans) == any(s <= start and end <= e for s, e in spans)


def test_dense_dates_are_each_found_once() -> None:
    text = "in 2019 " * 300
    found = normalize_text(text, date(2020, 1, 1))
    assert len(found) == 300
    assert all(text[start:end] == "2019" for start, end, _ in found)
