"""TF-IDF vectors of many documents as one sparse matrix, the candidate pairs found from
their top terms, and the cosine of those pairs, all in array operations.

Grouping stories compares every article of a corpus with its likeliest neighbours on every
build, since a term's weight moves with each article added: as Python dictionaries, one per
article, that was about ten CPU seconds at 2,000 articles, most of it in loops over terms.
The rules are :mod:`.clustering`'s (sublinear term frequency, the inverse document frequency
smoothed or not, a term of one document weightless, unit length; candidates by the partial
dot product over each document's top terms, skipping terms too common to tell documents
apart); only the order of float additions differs, so a similarity may differ in its last
bits from a term-by-term sum.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from scipy.sparse import csr_matrix

from .distinct_codes import sorted_distinct

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
#: Values one sparse or elementwise product makes at most, about: the candidate scores of
#: as many documents as fit (a document meets at most INDEX_TERMS * MAX_POSTING others), the
#: cosines of as many pairs as their rows' terms fit. A fixed count of documents or pairs
#: grew with the corpus (a row meets more documents) or with the texts (100,000 pairs of
#: long articles: 440 MiB at 2,000 articles, the build's peak). Each row's value is the same
#: whatever the block it is in.
_PRODUCT_VALUES = 1 << 20


@dataclass(frozen=True, slots=True)
class TermCounts:
    """How often each document uses each term (``counts``, CSR with sorted columns) and each
    term's weight; the columns are ``terms`` in sorted order, so a column's number orders
    ties as its term. Made once per corpus: the vectors of any subset are cut from it."""

    counts: csr_matrix
    terms: tuple[str, ...]
    weights: np.ndarray


@dataclass(frozen=True, slots=True)
class TermVectors:
    """Unit-length TF-IDF rows, one per document (``matrix``, CSR with sorted columns, the
    columns of the :class:`TermCounts` they were made from)."""

    matrix: csr_matrix

    def __len__(self) -> int:
        return int(self.matrix.shape[0])


def term_counts(
    docs: Sequence[Counter[str]], weight_of: Callable[[str], float] = lambda _term: 1.0
) -> TermCounts:
    """The :class:`TermCounts` of ``docs``, each term weighted by ``weight_of``."""
    n = len(docs)
    terms = sorted({term for tally in docs for term in tally})
    column = {term: k for k, term in enumerate(terms)}
    sizes = np.fromiter((len(tally) for tally in docs), dtype=np.int64, count=n)
    total = int(sizes.sum())
    rows = np.repeat(np.arange(n, dtype=np.int64), sizes)
    columns = np.fromiter((column[t] for tally in docs for t in tally), dtype=np.int64,
                          count=total)
    values = np.fromiter((c for tally in docs for c in tally.values()), dtype=np.float64,
                         count=total)
    counts = csr_matrix((values, (rows, columns)), shape=(n, len(terms)))
    counts.sort_indices()
    weights = np.fromiter((weight_of(t) for t in terms), dtype=np.float64, count=len(terms))
    return TermCounts(counts, tuple(terms), weights)


def tfidf(
    counts: TermCounts, rows: Sequence[int] | None = None, *, smooth: bool = True
) -> TermVectors:
    """Unit-length TF-IDF vectors (sublinear term frequency) of the documents ``rows`` (all
    when None), the document frequencies counted among them. A term found in one document
    only gets no weight: it cannot join documents. With ``smooth`` the inverse document
    frequency is ``log(1 + n/df)``, so a term every document shares still counts (a small
    corpus about one story must not fall apart); without it, it is ``log(n/df)`` and such a
    term counts for nothing, which is what telling apart the stories of one subject needs."""
    chosen = counts.counts if rows is None else counts.counts[list(rows)]
    n = int(chosen.shape[0])
    columns = chosen.indices
    frequency = np.bincount(columns, minlength=chosen.shape[1]).astype(np.float64)
    useful = frequency >= 2
    if not smooth:
        useful &= frequency < n
    with np.errstate(divide="ignore"):
        idf = np.log(1.0 + n / frequency) if smooth else np.log(n / frequency)
    row_of = np.repeat(np.arange(n, dtype=np.int64), np.diff(chosen.indptr))
    keep = useful[columns]
    row_of, columns, tally = row_of[keep], columns[keep], chosen.data[keep]
    values = (1.0 + np.log(tally)) * idf[columns] * counts.weights[columns]
    norms = np.sqrt(np.bincount(row_of, weights=values * values, minlength=n))
    values = values / norms[row_of]
    # Entries are in row order with sorted columns already: the CSR needs no sorting.
    indptr = np.concatenate(([0], np.cumsum(np.bincount(row_of, minlength=n))))
    return TermVectors(csr_matrix((values, columns, indptr), shape=chosen.shape))


def candidate_pairs(vectors: TermVectors) -> tuple[np.ndarray, np.ndarray]:
    """Pairs of documents ``(low, high)``, ``low < high``, sorted, worth comparing: each
    document with the :data:`NEIGHBOURS` others whose top-weighted terms overlap its own the
    most (the partial dot product over the :data:`INDEX_TERMS` heaviest terms of each, ties
    to the earlier term; a term among more documents' top terms than the posting limit is
    skipped). The full cosine is then taken for at most ``NEIGHBOURS`` pairs per document,
    so the comparisons grow linearly with the corpus even when a big story makes long
    posting lists."""
    n = len(vectors)
    limit = max(MIN_POSTING, min(MAX_POSTING, int(n * MAX_DOC_SHARE)))
    tops = _top_terms(vectors.matrix, INDEX_TERMS)
    postings = np.bincount(tops.indices, minlength=tops.shape[1])
    tops.data[postings[tops.indices] > limit] = 0.0
    tops.eliminate_zeros()
    transposed = tops.T.tocsr()
    lows: list[np.ndarray] = []
    highs: list[np.ndarray] = []
    rows = max(1, _PRODUCT_VALUES // max(1, min(n, INDEX_TERMS * limit)))
    for start in range(0, n, rows):
        scores = (tops[start:start + rows] @ transposed).tocoo()
        row = scores.row.astype(np.int64) + start
        other = scores.col.astype(np.int64)
        score = scores.data
        mine = row != other
        row, other, score = row[mine], other[mine], score[mine]
        order = np.lexsort((other, -score, row))
        row, other = row[order], other[order]
        first = np.searchsorted(row, row, side="left")
        best = (np.arange(len(row)) - first) < NEIGHBOURS
        lows.append(np.minimum(row[best], other[best]))
        highs.append(np.maximum(row[best], other[best]))
    if not lows:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    codes = sorted_distinct(np.concatenate(lows) * n + np.concatenate(highs))
    return codes // n, codes % n


def all_pairs(size: int) -> tuple[np.ndarray, np.ndarray]:
    """Every pair ``(low, high)`` of ``size`` documents, sorted."""
    low, high = np.triu_indices(size, k=1)
    return low.astype(np.int64), high.astype(np.int64)


def pair_cosines(vectors: TermVectors, low: np.ndarray, high: np.ndarray) -> np.ndarray:
    """The cosine of each pair (the rows are unit length: their dot product)."""
    out = np.zeros(len(low), dtype=np.float64)
    matrix = vectors.matrix
    sizes = np.diff(matrix.indptr)
    cost = np.cumsum(sizes[low] + sizes[high])  # values the pairs up to each one cut
    start = 0
    while start < len(low):
        spent = int(cost[start - 1]) if start else 0
        end = max(start + 1, int(np.searchsorted(cost, spent + _PRODUCT_VALUES, side="right")))
        a = matrix[low[start:end]]
        b = matrix[high[start:end]]
        out[start:end] = np.asarray(a.multiply(b).sum(axis=1)).ravel()
        start = end
    return out


def central_row(vectors: TermVectors, group: Sequence[int], order: Sequence[int]) -> int:
    """The member of ``group`` most like the group's summed vector; ties go to the first in
    ``order`` (the same members, in the order that breaks ties). Scores are rounded to nine
    decimals, so sums taken in another order do not pick another member."""
    rows = vectors.matrix[list(order)]
    centroid = np.asarray(rows.sum(axis=0)).ravel()
    scores = np.round(rows @ centroid, 9)
    return int(order[int(np.argmax(scores))])


def _top_terms(matrix: csr_matrix, keep: int) -> csr_matrix:
    """``matrix`` with only each row's ``keep`` largest values (ties to the lower column)."""
    rows = np.repeat(np.arange(matrix.shape[0], dtype=np.int64), np.diff(matrix.indptr))
    order = np.lexsort((matrix.indices, -matrix.data, rows))
    rank = np.arange(len(order)) - matrix.indptr[rows[order]]
    chosen = np.sort(order[rank < keep])
    top = csr_matrix((matrix.data[chosen], (rows[chosen], matrix.indices[chosen])),
                     shape=matrix.shape)
    top.sort_indices()
    return top
