"""Scores of a clustering against a gold clustering (coreference and story grouping).

A clustering is a mapping item -> cluster label. The scores follow their usual definitions:

- MUC (Vilain et al. 1995): links needed to build the clusters, counted over partitions;
- B-cubed (Bagga and Baldwin 1998): per-item precision and recall of the item's cluster;
- CEAF-e (Luo 2005): a one-to-one alignment of clusters maximising the summed entity
  similarity ``2|K ∩ R| / (|K| + |R|)``, found per connected component with the Hungarian
  method (components are small: clusters that share no item never need aligning);
- CoNLL F1: the mean of the three F1 values.

Both clusterings must cover the same items (score over the items they share, or add the
missing ones as singletons, before calling).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Mapping

__all__ = ["b_cubed", "ceaf_e", "conll_f1", "f1", "muc"]

Clustering = Mapping[Hashable, Hashable]


def f1(precision: float, recall: float) -> float:
    return 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)


def _clusters(labels: Clustering) -> list[set[Hashable]]:
    found: dict[Hashable, set[Hashable]] = defaultdict(set)
    for item, label in labels.items():
        found[label].add(item)
    return list(found.values())


def _muc_recall(key: Clustering, response: Clustering) -> float:
    numerator = denominator = 0
    for cluster in _clusters(key):
        parts = {response.get(item, ("alone", item)) for item in cluster}
        numerator += len(cluster) - len(parts)
        denominator += len(cluster) - 1
    return numerator / denominator if denominator else 0.0


def muc(key: Clustering, response: Clustering) -> tuple[float, float, float]:
    """(precision, recall, F1) of MUC."""
    recall = _muc_recall(key, response)
    precision = _muc_recall(response, key)
    return precision, recall, f1(precision, recall)


def _b_cubed_recall(key: Clustering, response: Clustering) -> float:
    response_of = {item: cluster for cluster in _clusters(response) for item in cluster}
    total = 0.0
    for cluster in _clusters(key):
        for item in cluster:
            total += len(cluster & response_of.get(item, {item})) / len(cluster)
    return total / len(key) if key else 0.0


def b_cubed(key: Clustering, response: Clustering) -> tuple[float, float, float]:
    """(precision, recall, F1) of B-cubed."""
    recall = _b_cubed_recall(key, response)
    precision = _b_cubed_recall(response, key)
    return precision, recall, f1(precision, recall)


def _hungarian(weights: list[list[float]]) -> float:
    """Largest total weight of a one-to-one assignment of rows to columns (rows <= columns
    not required: the matrix is padded to a square with zeros)."""
    size = max(len(weights), max((len(row) for row in weights), default=0))
    if size == 0:
        return 0.0
    top = max((w for row in weights for w in row), default=0.0)
    # minimise cost = top - weight on a square matrix (O(n^3) potentials method)
    cost = [
        [top - (weights[i][j] if i < len(weights) and j < len(weights[i]) else 0.0)
         for j in range(size)]
        for i in range(size)
    ]
    inf = float("inf")
    u = [0.0] * (size + 1)
    v = [0.0] * (size + 1)
    match = [0] * (size + 1)
    way = [0] * (size + 1)
    for i in range(1, size + 1):
        match[0] = i
        j0 = 0
        least = [inf] * (size + 1)
        used = [False] * (size + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = match[j0], inf, 0
            for j in range(1, size + 1):
                if not used[j]:
                    current = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if current < least[j]:
                        least[j], way[j] = current, j0
                    if least[j] < delta:
                        delta, j1 = least[j], j
            for j in range(size + 1):
                if used[j]:
                    u[match[j]] += delta
                    v[j] -= delta
                else:
                    least[j] -= delta
            j0 = j1
            if match[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            match[j0] = match[j1]
            j0 = j1
    total = 0.0
    for j in range(1, size + 1):
        i = match[j]
        if i and i - 1 < len(weights) and j - 1 < len(weights[i - 1]):
            total += weights[i - 1][j - 1]
    return total


def ceaf_e(key: Clustering, response: Clustering) -> tuple[float, float, float]:
    """(precision, recall, F1) of entity-based CEAF (phi4 similarity)."""
    gold = _clusters(key)
    system = _clusters(response)
    system_of: dict[Hashable, int] = {}
    for index, cluster in enumerate(system):
        for item in cluster:
            system_of[item] = index
    # connected components of the gold/system overlap graph, aligned one at a time
    parent = list(range(len(gold)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    first_gold_of_system: dict[int, int] = {}
    for g, cluster in enumerate(gold):
        for item in cluster:
            s = system_of.get(item)
            if s is None:
                continue
            if s in first_gold_of_system:
                a, b = find(g), find(first_gold_of_system[s])
                parent[max(a, b)] = min(a, b)
            else:
                first_gold_of_system[s] = g
    components: dict[int, list[int]] = defaultdict(list)
    for g in range(len(gold)):
        components[find(g)].append(g)
    similarity = 0.0
    for members in components.values():
        linked = sorted({system_of[i] for g in members for i in gold[g] if i in system_of})
        if not linked:
            continue
        weights = [
            [2 * len(gold[g] & system[s]) / (len(gold[g]) + len(system[s])) for s in linked]
            for g in members
        ]
        similarity += _hungarian(weights)
    recall = similarity / len(gold) if gold else 0.0
    precision = similarity / len(system) if system else 0.0
    return precision, recall, f1(precision, recall)


def conll_f1(key: Clustering, response: Clustering) -> float:
    """Mean of the MUC, B-cubed and CEAF-e F1."""
    return (muc(key, response)[2] + b_cubed(key, response)[2] + ceaf_e(key, response)[2]) / 3
