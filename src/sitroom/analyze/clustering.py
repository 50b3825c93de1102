"""Sparse TF-IDF vectors and average-linkage clustering over a sparse similarity graph.

Pure functions with no knowledge of articles, so that stories (and anything else that groups
documents) share them. Two documents are only ever compared when they share one of their
most distinctive terms (an inverted index over each document's top terms), so the number of
comparisons grows with the number of related documents, not with the square of the corpus.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence

Vector = dict[str, float]

#: Terms kept per document for the candidate index: enough to find every related document
#: while the posting lists stay short.
INDEX_TERMS = 40
#: Terms found in more than this share of the documents say little about which story a
#: document belongs to and would make every pair a candidate...
MAX_DOC_SHARE = 0.5
#: ...but in a small corpus every pair is cheap, and in a large one no term may link more
#: documents than this (its posting list alone would cost its square in comparisons).
MIN_POSTING, MAX_POSTING = 50, 300
#: Candidate neighbours kept per document: the most similar by their top terms.
NEIGHBOURS = 30


def tfidf_vectors(
    docs: Sequence[Counter[str]],
    weight_of: Callable[[str], float] = lambda _term: 1.0,
    *,
    smooth: bool = True,
) -> list[Vector]:
    """Unit-length TF-IDF vectors (sublinear term frequency). A term found in one document
    only gets no weight: it cannot join documents. With ``smooth`` the inverse document
    frequency is ``log(1 + n/df)``, so a term every document shares still counts (a small
    corpus about one story must not fall apart); without it, it is ``log(n/df)`` and such a
    term counts for nothing, which is what telling apart the stories of one subject needs."""
    n = len(docs)
    frequency: Counter[str] = Counter()
    for counts in docs:
        frequency.update(counts.keys())
    vectors: list[Vector] = []
    for counts in docs:
        vector: Vector = {}
        for term, count in counts.items():
            df = frequency[term]
            if df < 2 or (df >= n and not smooth):
                continue
            idf = math.log(1.0 + n / df) if smooth else math.log(n / df)
            vector[term] = (1.0 + math.log(count)) * idf * weight_of(term)
        norm = math.sqrt(sum(value * value for value in vector.values()))
        vectors.append({t: v / norm for t, v in vector.items()} if norm else {})
    return vectors


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    # Only the shared terms are multiplied: the others would add 0.0, which leaves a sum of
    # positive weights as it is, so the result is the same to the last bit, in a's order.
    return sum((value * b[term] for term, value in a.items() if term in b), 0.0)


def candidate_pairs(vectors: Sequence[Vector]) -> set[tuple[int, int]]:
    """Pairs of documents (i < j) worth comparing: each document with the
    :data:`NEIGHBOURS` others whose top-weighted terms overlap its own the most (the partial
    dot product over those terms, accumulated through an inverted index). The full cosine is
    then computed for at most ``NEIGHBOURS`` pairs per document, so the graph grows linearly
    with the corpus even when a big story makes long posting lists."""
    limit = max(MIN_POSTING, min(MAX_POSTING, int(len(vectors) * MAX_DOC_SHARE)))
    postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
    tops: list[list[tuple[str, float]]] = []
    for index, vector in enumerate(vectors):
        # the same as sorting them all and keeping the first: the keys are all distinct
        top = heapq.nsmallest(INDEX_TERMS, vector.items(), key=lambda item: (-item[1], item[0]))
        tops.append(top)
        for term, weight in top:
            postings[term].append((index, weight))
    pairs: set[tuple[int, int]] = set()
    for index, top in enumerate(tops):
        scores: dict[int, float] = defaultdict(float)
        for term, weight in top:
            members = postings[term]
            if len(members) > limit:
                continue
            for other, other_weight in members:
                if other != index:
                    scores[other] += weight * other_weight
        best = sorted(scores.items(), key=lambda item: (-item[1], item[0]))[:NEIGHBOURS]
        for other, _score in best:
            pairs.add((min(index, other), max(index, other)))
    return pairs


def similarity_graph(
    vectors: Sequence[Vector],
    pairs: set[tuple[int, int]] | None = None,
    adjust: Callable[[int, int, float], float] | None = None,
) -> dict[tuple[int, int], float]:
    """Cosine similarity of each candidate pair (all pairs when ``pairs`` is None), optionally
    adjusted (e.g. lowered for documents published far apart); zero similarities are left out."""
    if pairs is None:
        pairs = {(i, j) for i in range(len(vectors)) for j in range(i + 1, len(vectors))}
    graph: dict[tuple[int, int], float] = {}
    for i, j in sorted(pairs):
        value = cosine(vectors[i], vectors[j])
        if adjust is not None:
            value = adjust(i, j, value)
        if value > 0.0:
            graph[(i, j)] = value
    return graph


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
