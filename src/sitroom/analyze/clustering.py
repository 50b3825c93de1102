"""Average-linkage clustering over a sparse similarity graph.

Pure functions with no knowledge of articles, so that stories (and anything else that groups
documents) share them. The graph holds only the pairs worth comparing (see
:func:`~.term_vectors.candidate_pairs`), so the work grows with the number of related
documents, not with the square of the corpus.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Mapping, Sequence


def average_linkage(
    size: int, graph: Mapping[tuple[int, int], float], threshold: float
) -> list[list[int]]:
    """Agglomerative clustering with average linkage over a sparse graph: missing pairs count
    as similarity 0. Merges the most similar pair of clusters while their mean pairwise
    similarity is at least ``threshold``; ties go to the lowest ids, so the result is
    deterministic. Returns clusters as sorted index lists, ordered by their first member."""
    members: dict[int, list[int]] = {i: [i] for i in range(size)}
    links: dict[int, dict[int, float]] = defaultdict(dict)  # cluster -> neighbour -> sum
    for (i, j), value in graph.items():
        links[i][j] = links[i].get(j, 0.0) + value
        links[j][i] = links[j].get(i, 0.0) + value
    heap: list[tuple[float, int, int]] = []
    for (i, j), value in graph.items():
        a, b = min(i, j), max(i, j)
        heapq.heappush(heap, (-value, a, b))
    while heap:
        negative, a, b = heapq.heappop(heap)
        if -negative < threshold:
            break
        if a not in members or b not in members:
            continue
        current = links[a].get(b, 0.0) / (len(members[a]) * len(members[b]))
        if abs(current + negative) > 1e-12:
            continue  # a stale entry: the pair's mean changed since it was pushed
        members[a].extend(members.pop(b))
        for neighbour, total in links.pop(b).items():
            links[neighbour].pop(b, None)
            if neighbour == a:
                continue
            links[a][neighbour] = links[a].get(neighbour, 0.0) + total
            links[neighbour][a] = links[a][neighbour]
        links[a].pop(a, None)
        for neighbour, total in links[a].items():
            mean = total / (len(members[a]) * len(members[neighbour]))
            heapq.heappush(heap, (-mean, min(a, neighbour), max(a, neighbour)))
    return sorted((sorted(group) for group in members.values()), key=lambda group: group[0])


def mean_similarity(
    graph: Mapping[tuple[int, int], float], first: Sequence[int], second: Sequence[int]
) -> float:
    """Mean pairwise similarity between two groups of documents in ``graph``."""
    total = 0.0
    for i in first:
        for j in second:
            total += graph.get((min(i, j), max(i, j)), 0.0)
    return total / (len(first) * len(second)) if first and second else 0.0
