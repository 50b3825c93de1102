"""Row blocks for a sparse product whose result must stay small.

Finding similar pairs (paraphrase candidates, linked quotes) multiplies a block of rows of a
statement-by-word matrix with the whole corpus's word-by-statement matrix. A block of a fixed
number of rows has a result that grows with the corpus: each row pairs with every statement
sharing one of its words, and there are more of those the more articles there are (2,000
rows by tens of thousands of statements took hundreds of MB at 2,000 articles, and the
COO copy of the result as much again). :func:`product_blocks` cuts the rows so that each
block's result has at most about ``budget`` entries, whatever the corpus's size.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
from scipy import sparse

#: Multiplications one block may cost (an upper bound on the entries of its result): about
#: 12 bytes each in the CSR result, 16 more in its COO copy.
BUDGET = 2_000_000


def product_blocks(
    left: sparse.csr_matrix, right_row_sizes: np.ndarray, max_rows: int, budget: int = BUDGET
) -> Iterator[tuple[int, int]]:
    """``(start, stop)`` row ranges of ``left`` covering all its rows in order, each of at
    most ``max_rows`` rows and, where a range holds more than one row, of at most ``budget``
    multiplications in ``left[start:stop] @ right`` (``right_row_sizes``: the number of
    stored entries in each row of ``right``)."""
    count = left.shape[0]
    if count == 0:
        return
    # The multiplications of each row: the sizes of the rows of ``right`` its entries meet.
    per_row = np.zeros(count, dtype=np.int64)
    lengths = np.diff(left.indptr)
    if len(left.indices):
        rows = np.repeat(np.arange(count), lengths)
        np.add.at(per_row, rows, np.asarray(right_row_sizes, dtype=np.int64)[left.indices])
    total = np.cumsum(per_row)
    start = 0
    while start < count:
        before = int(total[start - 1]) if start else 0
        stop = int(np.searchsorted(total, before + budget, side="right"))
        stop = min(max(stop, start + 1), start + max_rows, count)
        yield start, stop
        start = stop
