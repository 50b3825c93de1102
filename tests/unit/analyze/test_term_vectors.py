"""TF-IDF vectors and candidate pairs as arrays: the weights of the formula, unit rows, and
each document paired with the others sharing one of its heaviest terms."""

from __future__ import annotations

import math
from collections import Counter

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitroom.analyze import term_vectors
from sitroom.analyze.term_vectors import (
    INDEX_TERMS,
    all_pairs,
    candidate_pairs,
    central_row,
    pair_cosines,
    term_counts,
    tfidf,
)

_DOCS = st.lists(
    st.dictionaries(st.sampled_from([f"t{n:02d}" for n in range(60)]), st.integers(1, 4),
                    max_size=50),
    min_size=1, max_size=25,
).map(lambda docs: [Counter(d) for d in docs])


def _weight(term: str) -> float:
    return 2.0 if term.endswith("7") else 1.0


def _expected(docs: list[Counter[str]], rows: list[int], smooth: bool) -> list[dict[str, float]]:
    """The formula term by term, as a reader of the docstring would compute it."""
    chosen = [docs[i] for i in rows]
    n = len(chosen)
    frequency = Counter(term for tally in chosen for term in tally)
    out = []
    for tally in chosen:
        vector = {}
        for term, count in tally.items():
            df = frequency[term]
            if df < 2 or (df >= n and not smooth):
                continue
            idf = math.log(1.0 + n / df) if smooth else math.log(n / df)
            vector[term] = (1.0 + math.log(count)) * idf * _weight(term)
        norm = math.sqrt(sum(v * v for v in vector.values()))
        out.append({t: v / norm for t, v in vector.items()} if norm else {})
    return out


@settings(max_examples=60, deadline=None)
@given(_DOCS, st.booleans(), st.data())
def test_weights_follow_the_formula_for_any_subset(
    docs: list[Counter[str]], smooth: bool, data: st.DataObject
) -> None:
    rows = sorted(data.draw(st.sets(st.integers(0, len(docs) - 1), min_size=1)))
    counts = term_counts(docs, _weight)
    matrix = tfidf(counts, rows, smooth=smooth).matrix
    for k, vector in enumerate(_expected(docs, rows, smooth)):
        got = {counts.terms[c]: v for c, v in zip(matrix[k].indices, matrix[k].data,
                                                   strict=True)}
        assert got.keys() == vector.keys()
        for term, value in vector.items():
            assert math.isclose(got[term], value, rel_tol=1e-12)


@settings(max_examples=60, deadline=None)
@given(_DOCS)
def test_a_small_corpus_pairs_every_two_documents_sharing_a_top_term(
    docs: list[Counter[str]],
) -> None:
    # Fewer documents than neighbours kept: every document sharing a top term is kept, and
    # no posting list is over the limit.
    counts = term_counts(docs)
    vectors = tfidf(counts)
    tops = []
    for k in range(len(docs)):
        row = vectors.matrix[k]
        weighted = sorted(zip((-row.data).tolist(), row.indices.tolist(), strict=True))
        tops.append({column for _w, column in weighted[:INDEX_TERMS]})
    expected = [(i, j) for i in range(len(docs)) for j in range(i + 1, len(docs))
                if tops[i] & tops[j]]
    low, high = candidate_pairs(vectors)
    assert list(zip(low.tolist(), high.tolist(), strict=True)) == expected


def test_each_document_keeps_its_likeliest_neighbours_only() -> None:
    # 40 documents share "common"; each also shares a rarer word with one partner. Every
    # document is paired with its partner first, whatever the corpus's size.
    docs = [Counter({"common": 1, f"pair{i // 2}": 3, f"own{i}": 1}) for i in range(40)]
    docs += [Counter({f"own{i}": 1}) for i in range(40)]
    low, high = candidate_pairs(tfidf(term_counts(docs)))
    pairs = set(zip(low.tolist(), high.tolist(), strict=True))
    assert all((i, i + 1) in pairs for i in range(0, 40, 2))
    per_document = Counter(low.tolist()) + Counter(high.tolist())
    assert max(per_document.values()) <= 2 * 30  # its own 30 and those choosing it


def test_cosines_of_pairs_and_the_most_central_member() -> None:
    docs = [Counter({"flood": 2, "dam": 1, "x": 1}), Counter({"flood": 1, "dam": 2, "x": 1}),
            Counter({"flood": 1, "dam": 1, "vote": 1}), Counter({"vote": 2, "x": 1})]
    vectors = tfidf(term_counts(docs))
    low, high = all_pairs(len(docs))
    dense = vectors.matrix.toarray()
    assert np.allclose(pair_cosines(vectors, low, high), (dense[low] * dense[high]).sum(axis=1))
    assert np.allclose(np.linalg.norm(dense, axis=1), 1.0)
    group = [0, 1, 2]
    nearest = int(np.argmax(dense[group] @ dense[group].sum(axis=0)))
    assert central_row(vectors, group, group) == nearest
    # Two copies are equally central: the first in the order given wins.
    twins = tfidf(term_counts([docs[0], docs[0], docs[3]]))
    assert central_row(twins, [0, 1], [1, 0]) == 1
    assert central_row(twins, [0, 1], [0, 1]) == 0


def test_products_in_small_blocks_give_the_same_pairs_and_cosines_to_the_bit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    docs = [Counter({"common": 1 + i % 3, f"pair{i // 2}": 3, f"own{i}": 1, f"w{i % 7}": 2})
            for i in range(60)]
    vectors = tfidf(term_counts(docs))
    whole_pairs = candidate_pairs(vectors)
    whole = pair_cosines(vectors, *whole_pairs)
    monkeypatch.setattr(term_vectors, "_PRODUCT_VALUES", 7)  # a row or pair or two a block
    low, high = candidate_pairs(vectors)
    assert low.tolist() == whole_pairs[0].tolist() and high.tolist() == whole_pairs[1].tolist()
    assert pair_cosines(vectors, low, high).tolist() == whole.tolist()
