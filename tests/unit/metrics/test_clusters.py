from __future__ import annotations

import pytest

from sitroom.metrics import bcubed


def test_perfect_grouping_scores_one() -> None:
    gold = {"a": 1, "b": 1, "c": 2}
    assert bcubed({"a": "x", "b": "x", "c": "y"}, gold) == (1.0, 1.0, 1.0)


def test_everything_in_one_cluster_has_full_recall_and_low_precision() -> None:
    gold = {"a": 1, "b": 1, "c": 2, "d": 2}
    precision, recall, f1 = bcubed(dict.fromkeys(gold, "all"), gold)
    assert recall == 1.0
    assert precision == pytest.approx(0.5)
    assert f1 == pytest.approx(2 / 3)


def test_missing_items_are_singletons() -> None:
    gold = {"a": 1, "b": 1}
    precision, recall, _ = bcubed({}, gold)
    assert precision == 1.0
    assert recall == pytest.approx(0.5)
