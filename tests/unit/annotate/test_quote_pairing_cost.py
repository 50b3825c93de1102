"""Pairing quote marks costs work in proportion to the paragraph, whatever the marks.

Counted, not timed: the number of times the pairing looks at a character position
(``_mark_at``) on a crafted paragraph and on one twice as long. Before the search for a
closer remembered where it had been, openers of two kinds in turn (``“a «b “c «d``) nested
searches without end (10,000 characters took minutes) and a paragraph of unclosed single
openers cost the square of its length.
"""

from __future__ import annotations

import pytest

from sitroom.annotate import quotes
from sitroom.annotate.quotes import find_quote_spans
from sitroom.annotate.span_overlap import Ranges

_UNITS = {
    "two kinds of opener in turn": "“a «b ",
    "every kind of mark": "\"a “b ‘c « d ” e ’ f » g \" ",
    "unclosed single openers": "‘we stay ",
    "straight marks inside an open curly one": "“a \"b ",
    "closed pairs": "“We will stay,” ",
}


def _looks(monkeypatch: pytest.MonkeyPatch, text: str) -> int:
    count = 0
    real = quotes._mark_at

    def counting(text: str, i: int) -> str | None:
        nonlocal count
        count += 1
        return real(text, i)

    monkeypatch.setattr(quotes, "_mark_at", counting)
    find_quote_spans(text)
    monkeypatch.setattr(quotes, "_mark_at", real)
    return count


@pytest.mark.parametrize("unit", _UNITS.values(), ids=list(_UNITS))
def test_pairing_work_grows_linearly(monkeypatch: pytest.MonkeyPatch, unit: str) -> None:
    small = _looks(monkeypatch, unit * 300)
    large = _looks(monkeypatch, unit * 600)
    assert large / small < 2.5, (small, large)


def test_quotes_nested_a_few_deep_are_still_paired() -> None:
    text = "He said: “They told us «the order was ‘hold’ until noon» and left.” Then nothing."
    spans = find_quote_spans(text)
    assert [text[s.start:s.end] for s in spans] == [
        "They told us «the order was ‘hold’ until noon» and left."
    ]
    assert spans[0].closed


def test_bisected_lookups_answer_as_a_look_at_every_quote() -> None:
    """The lookups that replaced scans over every quote and statement (an article of
    thousands of quotes made those scans cost the square of their number) give the same
    answers as the scans, on quotes found in real-looking text."""
    import random

    rng = random.Random(3)
    pieces = ["“We stay,” ", "he said ", "‘no’ ", "“open ", "\n", "« oui » ", "a, ", "\"x\" "]
    for _ in range(50):
        text = "".join(rng.choice(pieces) for _ in range(40))
        spans = find_quote_spans(text)
        claimed = [(a, a + rng.randint(0, 30)) for a in rng.sample(range(len(text)), 8)]
        index = Ranges(claimed)  # the claimed-span index quotes.py builds
        for start in range(0, len(text), 3):
            for end in (start, start + 1, start + 7, start + 40):
                inside = any(s.start <= start and end <= s.end for s in spans)
                touches = any(q.open_at < end and start < q.close_end for q in spans)
                overlaps = any(s < end and start < e for s, e in claimed)
                assert quotes._inside_a_quote(spans, start, end) == inside
                assert quotes._touches_a_quote(spans, start, end) == touches
                assert index.overlaps(start, end) == overlaps
