"""Helpers shared by the clean tests: checking an OffsetMap against the texts it joins."""

from __future__ import annotations

import random

from sitroom.clean import Cleaned


def inserted_positions(cleaned: Cleaned) -> set[int]:
    """Offsets of cleaned characters that are not in the input (added spaces, breaks)."""
    positions: set[int] = set()
    for clean_start, _raw, length, copied in cleaned.offsets.segments:
        if not copied:
            positions.update(range(clean_start, clean_start + length))
    return positions


def assert_offsets_exact(raw: str, cleaned: Cleaned, samples: int = 400) -> int:
    """Every copied character maps onto the same character of ``raw``; every span of copied
    characters that does not cross a gap maps onto the same text. Returns spans checked."""
    text = cleaned.text
    inserted = inserted_positions(cleaned)
    for index, char in enumerate(text):
        if index not in inserted:
            assert raw[cleaned.offsets.to_raw(index)] == char, index
    rng = random.Random(7)
    checked = 0
    for _ in range(samples):
        if len(text) < 2:
            break
        start = rng.randrange(len(text) - 1)
        end = rng.randrange(start + 1, min(len(text), start + 120) + 1)
        if inserted.intersection(range(start, end)):
            continue
        raw_start, raw_end = cleaned.offsets.span_to_raw(start, end)
        # Copied characters that are adjacent in the cleaned text but not in the input had
        # something removed between them (an invisible character); compare without it.
        gaps = any(
            cleaned.offsets.to_raw(index + 1) != cleaned.offsets.to_raw(index) + 1
            for index in range(start, end - 1)
        )
        if gaps:
            continue
        assert raw[raw_start:raw_end] == text[start:end]
        checked += 1
    return checked
