"""product_blocks: row ranges that cover a sparse product in order, each bounded in cost."""

from __future__ import annotations

from itertools import pairwise

import numpy as np
import pytest
from scipy import sparse

from sitroom.analyze.sparse_blocks import product_blocks


def random_incidence(rows: int, columns: int, seed: int) -> sparse.csr_matrix:
    generator = np.random.default_rng(seed)
    dense = generator.random((rows, columns)) < 0.15
    dense[:, 0] = True  # one word in every row: each row meets every other
    return sparse.csr_matrix(dense.astype(np.float64))


@pytest.mark.parametrize("budget", [1, 50, 400, 10**9])
def test_blocks_cover_every_row_in_order_within_the_budget(budget: int) -> None:
    left = random_incidence(60, 25, seed=budget)
    right = left.T.tocsr()
    blocks = list(product_blocks(left, np.diff(right.indptr), max_rows=17, budget=budget))
    assert blocks[0][0] == 0 and blocks[-1][1] == 60
    assert all(a[1] == b[0] for a, b in pairwise(blocks))
    for start, stop in blocks:
        assert 1 <= stop - start <= 17
        product = left[start:stop] @ right
        if stop - start > 1:
            assert product.nnz <= budget
    pieces = sparse.vstack([left[start:stop] @ right for start, stop in blocks])
    assert (pieces != left @ right).nnz == 0  # the same product, block by block


def test_a_small_budget_makes_more_blocks_than_a_large_one() -> None:
    left = random_incidence(200, 40, seed=7)
    sizes = np.diff(left.T.tocsr().indptr)
    assert len(list(product_blocks(left, sizes, 2000, budget=1000))) > 1
    assert list(product_blocks(left, sizes, 2000, budget=10**9)) == [(0, 200)]


def test_an_empty_matrix_has_no_blocks() -> None:
    empty = sparse.csr_matrix((0, 5))
    assert list(product_blocks(empty, np.zeros(5, dtype=np.int64), 10)) == []
