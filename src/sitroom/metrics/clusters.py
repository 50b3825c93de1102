"""Scores of a grouping (items -> cluster labels) against a gold grouping."""

from __future__ import annotations

from collections.abc import Hashable, Mapping


def bcubed(
    predicted: Mapping[Hashable, Hashable], gold: Mapping[Hashable, Hashable]
) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 (Bagga and Baldwin 1998) over the gold items.

    For each item, precision is the share of its predicted cluster that shares its gold
    cluster, and recall the share of its gold cluster found in its predicted cluster; both
    are averaged over the items. An item missing from ``predicted`` is a cluster of its own;
    predicted items absent from the gold are ignored."""
    items = list(gold)
    if not items:
        return 0.0, 0.0, 0.0
    alone = object()
    predicted_groups: dict[object, set[Hashable]] = {}
    gold_groups: dict[Hashable, set[Hashable]] = {}
    for item in items:
        label = predicted.get(item, (alone, item))
        predicted_groups.setdefault(label, set()).add(item)
        gold_groups.setdefault(gold[item], set()).add(item)
    precision = recall = 0.0
    for item in items:
        mine = predicted_groups[predicted.get(item, (alone, item))]
        theirs = gold_groups[gold[item]]
        shared = len(mine & theirs)
        precision += shared / len(mine)
        recall += shared / len(theirs)
    precision /= len(items)
    recall /= len(items)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1
