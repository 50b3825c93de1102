"""The sort-based distinct codes are ``np.unique``'s answers, first occurrences included."""

from __future__ import annotations

import numpy as np

from sitroom.analyze.distinct_codes import sorted_distinct, sorted_distinct_with_first


def test_distinct_codes_are_np_uniques() -> None:
    rng = np.random.default_rng(3)
    for size in (0, 1, 2, 7, 100, 5_000):
        for spread in (3, 1_000, 2**40):
            codes = rng.integers(0, spread, size=size, dtype=np.int64)
            expected, first = np.unique(codes, return_index=True)
            assert np.array_equal(sorted_distinct(codes), expected)
            values, where = sorted_distinct_with_first(codes)
            assert np.array_equal(values, expected)
            assert np.array_equal(where, first)


def test_the_codes_given_are_left_as_they_were() -> None:
    codes = np.array([5, 1, 5, 3], dtype=np.int64)
    sorted_distinct(codes)
    sorted_distinct_with_first(codes)
    assert codes.tolist() == [5, 1, 5, 3]


def test_in_place_distinct_codes_are_np_uniques_and_sort_the_scratch_array() -> None:
    from sitroom.analyze.distinct_codes import sorted_distinct_in_place

    rng = np.random.default_rng(8)
    for size in (0, 1, 50, 3_000):
        codes = rng.integers(0, 2**35, size=size, dtype=np.int64)
        codes = np.concatenate((codes, codes[: size // 3]))
        expected = np.unique(codes)
        assert np.array_equal(sorted_distinct_in_place(codes), expected)
        assert np.array_equal(codes, np.sort(codes))
