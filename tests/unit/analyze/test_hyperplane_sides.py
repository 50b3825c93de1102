from __future__ import annotations

from fractions import Fraction

import numpy as np

from sitroom.analyze.hyperplane_sides import band_codes, exact_dot, positive_sides


def _rows_and_planes(seed: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    vectors = rng.standard_normal((900, 24)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    vectors[::97] = 0  # rows without an embedding
    return vectors, rng.standard_normal((24, 40))


def test_band_codes_do_not_depend_on_the_block_size_the_row_order_or_count() -> None:
    vectors, planes = _rows_and_planes(1)
    rows = np.arange(len(vectors))
    whole = band_codes(vectors, rows, planes, 10)
    assert whole.shape == (900, 4)
    assert len(np.unique(whole[:, 0])) > 100  # the rows spread over many buckets
    for block in (1, 7, 256, 5000):
        assert np.array_equal(band_codes(vectors, rows, planes, 10, block_rows=block), whole)
    order = np.random.default_rng(2).permutation(len(vectors))[:333]  # shuffled, fewer rows
    assert np.array_equal(band_codes(vectors, order, planes, 10, block_rows=64), whole[order])


def test_band_codes_are_the_bits_of_the_positive_sides() -> None:
    vectors, planes = _rows_and_planes(3)
    rows = np.arange(0, 900, 5)
    codes = band_codes(vectors, rows, planes, 8)
    product = vectors[rows].astype(np.float64) @ planes
    for band in range(5):
        expected = sum((product[:, band * 8 + k] > 0).astype(np.int64) << k for k in range(8))
        assert np.array_equal(codes[:, band], expected)


def test_every_side_is_the_sign_of_the_exact_product() -> None:
    vectors, planes = _rows_and_planes(4)
    block = vectors[:60].astype(np.float64)
    sides = positive_sides(block, planes)
    exact = np.array([[exact_dot(row, planes[:, j]) > 0 for j in range(planes.shape[1])]
                      for row in block])
    assert np.array_equal(sides, exact)
    # Every entry through the exact path gives the same sides.
    assert np.array_equal(positive_sides(block, planes, margin=1e300), exact)


def test_a_row_a_rounded_product_would_put_on_the_plane_gets_its_exact_side() -> None:
    planes = np.ones((3, 1))
    # Exact products 1e-20 and -1e-20; summed in float64, 1 + 1e-20 is 1, and 1 - 1 is 0.
    above = np.array([[1.0, 1e-20, -1.0]])
    below = np.array([[1.0, -1e-20, -1.0]])
    assert positive_sides(above, planes).tolist() == [[True]]
    assert positive_sides(below, planes).tolist() == [[False]]
    assert positive_sides(np.zeros((1, 3)), planes).tolist() == [[False]]


def test_exact_dot_has_no_rounding() -> None:
    left = np.array([1.0, 1e-20, -1.0])
    assert exact_dot(left, np.ones(3)) == Fraction(1e-20)
