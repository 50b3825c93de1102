"""clean_text on anything (issue 13, reliability): random Unicode never breaks it or its
offsets, and crafted runs of spaces, punctuation and repeated characters cost linear time
(the time of a doubled input is compared with the original's, never with a clock)."""

from __future__ import annotations

import itertools
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitroom.clean import clean_text

_N = 4_000
_MAX_RATIO = 3.0  # linear doubles, quadratic quadruples


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=3000))
def test_random_unicode_cleans_with_valid_offsets(text: str) -> None:
    cleaned = clean_text(text)
    assert cleaned.offsets.clean_length == len(cleaned.text)
    for index in range(0, len(cleaned.text), 97):
        assert 0 <= cleaned.offsets.to_raw(index) < max(1, len(text))


@settings(max_examples=30, deadline=None)
@given(
    st.lists(
        st.sampled_from([" ", "\n", "\n\n", ".", "...", "a", "A.", "Share", "-", "“", "\u200b"]),
        max_size=400,
    )
)
def test_random_pieces_clean(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert clean_text(text).offsets.clean_length == len(clean_text(text).text)


def _cpu(text: str) -> float:
    started = time.process_time()
    clean_text(text)
    return time.process_time() - started


@pytest.mark.parametrize(
    "unit",
    [" ", "\n", ".", "a", "A.", "a.B", "- ", "\u200b", "“", "Mr. ", "reported. ", "a\n", "1,"],
)
def test_clean_text_is_linear_on_crafted_runs(unit: str) -> None:
    texts = [unit * (size // len(unit)) for size in (_N, 2 * _N, 4 * _N)]
    times = [min(_cpu(text) for _ in range(2)) for text in texts]
    ratios = [later / max(earlier, 1e-4) for earlier, later in itertools.pairwise(times)]
    assert min(ratios) < _MAX_RATIO, f"{unit!r}: {[f'{t * 1000:.0f} ms' for t in times]}"
