"""The lookups that replaced scans over every mention, quote or line break (each once cost
the square of an article of thousands of them) answer exactly as those scans."""

from __future__ import annotations

import random

from sitroom.annotate.span_overlap import Ranges, RisingWindows
from sitroom.annotate.text_lines import line_around, next_line_break


def _random_ranges(rng: random.Random) -> list[tuple[int, int]]:
    out = []
    for _ in range(rng.randint(0, 30)):
        start = rng.randint(0, 200)
        out.append((start, start + rng.choice((0, 1, 3, 10, 80))))
    return out


def test_overlap_answers_as_a_scan() -> None:
    rng = random.Random(5)
    for _ in range(300):
        ranges = _random_ranges(rng)
        covered = Ranges(ranges)
        start = rng.randint(-5, 220)
        end = start + rng.randint(1, 20)
        assert covered.overlaps(start, end) == (
            not all(end <= s or start >= e for s, e in ranges)
        )


def test_rising_windows_answer_as_a_scan_in_the_original_order() -> None:
    rng = random.Random(7)
    for _ in range(100):
        ranges = _random_ranges(rng)
        windows = RisingWindows(ranges)
        low = 0
        while low < 230:
            high = low + rng.randint(1, 25)
            assert windows.overlapping(low, high) == [
                i for i, (s, e) in enumerate(ranges) if s < high and e > low
            ]
            low = high


def test_line_lookups_answer_as_find_and_rfind() -> None:
    rng = random.Random(3)
    for _ in range(100):
        text = "".join(rng.choice("ab \n") for _ in range(rng.randint(0, 60)))
        for offset in range(len(text) + 1):
            end = text.find("\n", offset)
            assert line_around(text, offset) == (
                text.rfind("\n", 0, offset) + 1, len(text) if end < 0 else end
            )
            assert next_line_break(text, offset) == end


def test_overlapping_ranges_are_listed_as_a_scan_lists_them() -> None:
    rng = random.Random(9)
    for _ in range(300):
        ranges = _random_ranges(rng)
        index = Ranges(ranges)
        start = rng.randint(-5, 220)
        end = start + rng.randint(1, 20)
        assert index.overlapping(start, end) == [
            i for i, (s, e) in enumerate(ranges) if s < end and e > start
        ]


def test_enclosing_ranges_are_found_as_a_scan_finds_them() -> None:
    rng = random.Random(11)
    for _ in range(400):
        ranges = _random_ranges(rng)
        index = Ranges(ranges)
        start = rng.randint(-5, 220)
        end = start + rng.randint(0, 20)
        holding = [i for i, (s, e) in enumerate(ranges) if s <= start and end <= e]
        assert index.enclosing(start, end) == holding
        assert index.encloses(start, end) == bool(holding)
