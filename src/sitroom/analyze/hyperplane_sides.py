"""Which side of each random hyperplane a vector lies on, decided exactly, a block at a time.

The merge candidates of :mod:`.claim_merge` are buckets of statements whose vectors lie on
the same sides of a set of random hyperplanes. The side is the sign of a dot product, and a
product computed by BLAS is rounded in an order that depends on how the library splits the
matrix among its threads and kernels, which depends on how many rows are multiplied at once:
the same row multiplied inside a different slice can round differently. Multiplying every
row at once kept the rounding fixed but held a float64 copy of all embedded rows and the
whole product (about 4.4 KB per statement, the peak of a build).

Here the rows go a block at a time, and the sign of each product is made independent of the
rounding: a computed product further from zero than the largest error any summation order
can make (a bound from the two vectors' lengths) has the sign of the exact product; the few
within the bound are recomputed exactly in rational arithmetic. So each side is the sign of
the exact dot product of the stored vector and the plane, the same whatever the block size,
the row order, the number of rows or the BLAS library, and equal to the full product's sign
wherever that one was right.
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np

#: Rows multiplied by the planes at once: bounds the float64 copy and the product.
BLOCK_ROWS = 4096
#: float64's unit roundoff.
_UNIT_ROUNDOFF = 2.0 ** -53
#: Margin over the textbook bound: covers the rounding of the two lengths themselves and
#: leaves room; entries inside it are merely recomputed, so a wide margin costs nothing.
_MARGIN = 4.0


def band_codes(vectors: np.ndarray, rows: np.ndarray, planes: np.ndarray, bits: int,
               block_rows: int = BLOCK_ROWS) -> np.ndarray:
    """For each row of ``vectors`` named in ``rows``, one code per band of ``bits``
    consecutive planes (columns of ``planes``): bit ``k`` of a band's code is set when the
    row lies strictly on the positive side of the band's ``k``-th plane. An
    ``(len(rows), planes.shape[1] // bits)`` int64 array."""
    bands = planes.shape[1] // bits
    weights = np.int64(1) << np.arange(bits, dtype=np.int64)
    codes = np.empty((len(rows), bands), dtype=np.int64)
    plane_lengths = np.linalg.norm(planes, axis=0)
    for start in range(0, len(rows), block_rows):
        block = vectors[rows[start:start + block_rows]].astype(np.float64)
        sides = positive_sides(block, planes, plane_lengths)
        codes[start:start + len(block)] = sides.reshape(len(block), bands, bits) @ weights
    return codes


def positive_sides(block: np.ndarray, planes: np.ndarray,
                   plane_lengths: np.ndarray | None = None,
                   margin: float = _MARGIN) -> np.ndarray:
    """``exact(block @ planes) > 0`` as a boolean matrix: BLAS's product where it cannot be
    wrong about the sign, the exact product elsewhere. ``margin``: how many times the
    rounding bound counts as too close to call (larger only sends more entries to the exact
    path, which a test uses)."""
    if plane_lengths is None:
        plane_lengths = np.linalg.norm(planes, axis=0)
    product = block @ planes
    row_lengths = np.linalg.norm(block, axis=1)
    # Any order of summing n rounded products is off by at most about n * u * sum(|x_i p_i|),
    # and sum(|x_i p_i|) <= |x| |p| (Cauchy-Schwarz).
    bound = (margin * block.shape[1] * _UNIT_ROUNDOFF) * np.outer(row_lengths, plane_lengths)
    unsure = np.abs(product) <= bound
    # A zero row's product is an exact zero (every term is): on no positive side.
    unsure &= (row_lengths > 0)[:, None]
    sides: np.ndarray = product > 0
    for i, j in zip(*np.nonzero(unsure), strict=True):
        sides[i, j] = exact_dot(block[i], planes[:, j]) > 0
    return sides


def exact_dot(left: np.ndarray, right: np.ndarray) -> Fraction:
    """The dot product of two float vectors with no rounding at all (every float is a
    fraction with a power of two below)."""
    return sum((Fraction(float(a)) * Fraction(float(b))
                for a, b in zip(left.tolist(), right.tolist(), strict=True)), Fraction(0))
