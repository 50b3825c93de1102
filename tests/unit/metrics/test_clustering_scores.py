"""Clustering scores on hand-computed examples."""

from __future__ import annotations

import pytest

from sitroom.metrics.clustering_scores import _hungarian, b_cubed, ceaf_e, conll_f1, muc

KEY = {1: "a", 2: "a", 3: "a", 4: "b", 5: "b"}
RESPONSE = {1: "x", 2: "x", 3: "y", 4: "y", 5: "y"}


def test_muc_counts_links() -> None:
    assert muc(KEY, RESPONSE) == pytest.approx((2 / 3, 2 / 3, 2 / 3))


def test_b_cubed_per_item() -> None:
    assert b_cubed(KEY, RESPONSE) == pytest.approx((11 / 15, 11 / 15, 11 / 15))


def test_ceaf_e_aligns_clusters_one_to_one() -> None:
    # a-x: 2*2/5, b-y: 2*2/5, the best alignment sums 1.6 over two clusters each side
    assert ceaf_e(KEY, RESPONSE) == pytest.approx((0.8, 0.8, 0.8))


def test_identical_clusterings_score_one() -> None:
    assert conll_f1(KEY, KEY) == pytest.approx(1.0)


def test_merging_everything_is_penalised_by_b_cubed_and_ceaf() -> None:
    one = dict.fromkeys(KEY, "z")
    assert muc(KEY, one)[1] == pytest.approx(1.0)  # MUC recall rewards one big cluster
    assert b_cubed(KEY, one)[0] < 0.6
    assert conll_f1(KEY, one) < conll_f1(KEY, RESPONSE)


def test_hungarian_beats_greedy() -> None:
    assert _hungarian([[0.9, 0.8], [0.8, 0.0]]) == pytest.approx(1.6)
    assert _hungarian([[0.5], [0.7], [0.1]]) == pytest.approx(0.7)
    assert _hungarian([]) == 0.0
