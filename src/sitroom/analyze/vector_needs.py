"""Which statements need a sentence embedding at all.

Embedding a statement is the claims step's dearest part (about 11 ms of CPU each with
all-MiniLM-L6-v2 on one core, some 20 statements an article), yet most statements share
nothing with any other: they become single-statement claims whatever their vector. A
vector is only ever read for a *pair* of statements (or, in the summary, a pair of claims),
so a statement needs one only when some other statement could pass every check of that pair
that does not need a vector. This module finds those statements with cheap, deterministic
indexes over what the statements already carry:

- **paraphrases** (:mod:`.claim_merge`, similarity at least ``SAME_CLAIM``): the pair's
  TF-IDF cosine over word stems reaches :data:`LEXICAL_SIMILARITY` and nothing concrete
  differs (:func:`~.claim_merge.conflicting_details`), or the two have the same named subject
  and the same verb (``Pence was appointed to oversee ...`` and ``Pence was appointed by Trump
  to lead ...``: other words for one fact). These are the approximate rules: two sentences
  whose embeddings are that close nearly always share their rare words or their actor and
  act; on 200 AllSides articles they kept 268 of the 270 paraphrase links the embedding made,
  the two others being rewordings within one article;
- **same frame** (a shared predicate class and place or actor, merged from ``SAME_FRAME``):
  the blocking keys of :func:`~.claim_merge.candidate_pairs`, exactly;
- **figures** (:mod:`.contradictions`, ``number``): pairs of the finder's index (quantity
  kind and local place) that pass its checks on figures, sources and dates, exactly;
- **denials**: every denial, and every asserted statement that a denial could contradict
  (same named topic, the denied act, another sentence and voice), exactly.

The statements this leaves out are given no vector (a zero row): they cannot merge, and no
contradiction needs their similarity. Two things read the embedded statements as a whole
rather than by pairs, and differ from embedding everything only at the margin: the LSH
buckets of :func:`~.claim_merge.candidate_pairs` hold only embedded statements (a bucket that
every statement would have overfilled past ``MAX_BUCKET`` may now be compared), and a denial's
nearest claims are ranked among embedded statements (those it could match all are). The
summary embeds on demand the few claims it compares (:class:`~.claims.ClaimVectors`). Which
statements are embedded depends on the corpus only, never on what the store has cached, so a
rebuild finds what a first build found.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import combinations

import numpy as np
import numpy.typing as npt
from scipy import sparse

from ..stored_memo import MemoStore
from .claim_merge import MAX_BUCKET, conflicting_details, frame_buckets

# The finders' own checks, so that the pairs found here are exactly those they compare.
from .contradictions import (
    _PRONOUNS,
    NUMBER_WINDOW_DAYS,
    _day,
    _overlaps,
    _same_act,
    _same_topic,
    compatible_figures,
    figure_index,
    figure_pairs,
)
from .sparse_blocks import product_blocks
from .statements import Statement
from .words import REPORTING_WORDS, STOPWORDS

#: TF-IDF cosine (over word stems) from which two statements may be paraphrases. On 200
#: AllSides articles every pair the embedding merged as a paraphrase but 4 reached 0.4; 0.45
#: kept the same pairs, so 0.4 leaves a margin for other corpora.
LEXICAL_SIMILARITY = 0.4
#: Letters of a word kept as its stem (``downgrades`` and ``downgraded`` meet).
STEM = 6
#: Rows of the statement-by-stem matrix multiplied at once (bounds the product's memory).
_BLOCK = 2000
#: Runs of two letters or digits or more (the regex drops the one-letter runs, not Python).
_WORD = re.compile(r"[a-z0-9][a-z0-9]+")
_NOT_CONTENT = STOPWORDS | REPORTING_WORDS

Mask = npt.NDArray[np.bool_]


def needs_vector(statements: Sequence[Statement], name_of: Callable[[str], str],
                 memo: MemoStore | None = None) -> Mask:
    """For each statement, whether some consumer of claim vectors may read its vector.
    ``memo``: where the paraphrase search keeps what lets a later build search again only
    where something moved (:mod:`.stored_paraphrases`); the mask is the same either way."""
    need = np.zeros(len(statements), dtype=bool)
    for pairs in (_same_act_of_one_actor(statements), _frames(statements),
                  _figures(statements, name_of)):
        for i, j in pairs:
            need[i] = need[j] = True
    need[list(_denials(statements))] = True
    # Paraphrases last, and only pairs with a statement nothing above needs: a pair of two
    # needed statements changes nothing, and on a corpus of thousands of articles the
    # lexical product over every pair was the dearest part of the claims step.
    if memo is None:
        for i, j in _paraphrases(statements, need.copy()):
            need[i] = need[j] = True
        return need
    from .stored_paraphrases import remembered_paraphrase_pairs

    before = need.copy()
    for first, second in remembered_paraphrase_pairs(statements, memo):
        open_pair = ~(before[first] & before[second])
        for i, j in zip(first[open_pair].tolist(), second[open_pair].tolist(), strict=True):
            if not (need[i] and need[j]) and _mergeable(statements[i], statements[j]):
                need[i] = need[j] = True
    return need


def _mergeable(a: Statement, b: Statement) -> bool:
    return a.key != b.key and not conflicting_details(a, b)


# --------------------------------------------------------------------------- paraphrases


def stems(text: str) -> set[str]:
    """The content words of ``text`` (two letters or more) cut to :data:`STEM` letters."""
    return {w[:STEM] for w in _WORD.findall(text.casefold()) if w not in _NOT_CONTENT}


def tfidf_rows(statements: Sequence[Statement]) -> sparse.csr_matrix | None:
    """One unit row per statement: the TF-IDF weights of its stems (None: no stems)."""
    parts = tfidf_parts(statements)
    return None if parts is None else parts.unit


@dataclass(frozen=True, slots=True)
class TfidfParts:
    """:func:`tfidf_rows` with what it was made of, for the memory of
    :mod:`.stored_paraphrases`, which compares the IDF of one build with another's."""

    #: one unit row per statement (columns in ``stems``' order)
    unit: sparse.csr_matrix
    #: the stem of each column
    stems: tuple[str, ...]
    #: how many statements have each column's stem
    frequency: npt.NDArray[np.int64]
    #: each column's IDF, as the rows were weighted with it
    idf: npt.NDArray[np.float64]


def tfidf_parts(statements: Sequence[Statement]) -> TfidfParts | None:
    """The unit TF-IDF rows of ``statements`` and their vocabulary (None: no stems)."""
    vocabulary: dict[str, int] = {}
    rows: list[int] = []
    columns: list[int] = []
    for i, st in enumerate(statements):
        for stem in sorted(stems(st.text)):
            rows.append(i)
            columns.append(vocabulary.setdefault(stem, len(vocabulary)))
    if not rows:
        return None
    count = len(statements)
    counts = sparse.csr_matrix(
        (np.ones(len(rows), dtype=np.float64), (rows, columns)),
        shape=(count, len(vocabulary)),
    )
    frequency = np.bincount(columns, minlength=len(vocabulary))
    idf = np.log(count / frequency)
    weighted = counts @ sparse.diags(idf)
    norms = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1)).ravel())
    unit = (sparse.diags(1.0 / np.where(norms > 0, norms, 1.0)) @ weighted).tocsr()
    return TfidfParts(unit, tuple(vocabulary), frequency, idf)


def _paraphrases(statements: Sequence[Statement], needed: Mask | None = None
                 ) -> Iterable[tuple[int, int]]:
    """Pairs whose TF-IDF cosine reaches :data:`LEXICAL_SIMILARITY` and that could merge,
    but for pairs of two statements ``needed`` already marks (None: none is).

    A pair's cosine is computed from its first statement's row, as a product over every
    pair computes it (the same sum in the same order, so the same float): the statements
    not needed are multiplied with every statement, the needed ones only with those."""
    unit = tfidf_rows(statements)
    if unit is None:
        return
    count = len(statements)
    if needed is None:
        needed = np.zeros(count, dtype=bool)
    open_rows, done_rows = np.flatnonzero(~needed), np.flatnonzero(needed)
    # An open statement with every statement after it ...
    for i, j in _later_similar_pairs(unit, open_rows, np.arange(count)):
        if _mergeable(statements[i], statements[j]):
            yield i, j
    # ... and a needed statement with the open statements after it.
    for i, j in _later_similar_pairs(unit, done_rows, open_rows):
        if _mergeable(statements[i], statements[j]):
            yield i, j


def _later_similar_pairs(unit: sparse.csr_matrix, left_ids: np.ndarray, right_ids: np.ndarray
                         ) -> Iterable[tuple[int, int]]:
    """``(i, j)`` for ``i`` of ``left_ids`` and a later ``j`` of ``right_ids`` (both
    increasing) whose rows of ``unit`` have a product reaching
    :data:`LEXICAL_SIMILARITY`."""
    for first, second, _similarity in similar_pairs(unit, left_ids, right_ids,
                                                    LEXICAL_SIMILARITY - 1e-9):
        yield from zip(first.tolist(), second.tolist(), strict=True)


def similar_pairs(unit: sparse.csr_matrix, left_ids: np.ndarray, right_ids: np.ndarray,
                  threshold: float
                  ) -> Iterator[tuple[npt.NDArray[np.int64], npt.NDArray[np.int64],
                                      npt.NDArray[np.float64]]]:
    """``(first, second, products)`` in runs: ``first`` of ``left_ids`` and a later
    ``second`` of ``right_ids`` (both increasing) whose rows of ``unit`` have a product of
    at least ``threshold``, and that product.

    A block of left rows is multiplied only with the right rows after its first one (the
    earlier ones could only give pairs in the other order: half the products were thrown
    away), and only the products that reach the threshold are located (the row and column
    of every product were most of the search). Each product is the sum a product over every
    pair makes, in the same order (its left row's), so the same float."""
    if not len(left_ids) or not len(right_ids):
        return
    left = unit[left_ids]
    # Blocks cut so that each product stays small as the corpus grows (a row's product
    # meets every statement sharing a stem); which pairs come out does not depend on it.
    stem_sizes = np.bincount(unit[right_ids].indices, minlength=unit.shape[1])
    for start, stop in product_blocks(left, stem_sizes, _BLOCK):
        after = right_ids[np.searchsorted(right_ids, left_ids[start], side="right"):]
        if not len(after):
            break
        # As CSR once per block: a product converts a CSC right side to CSR.
        block = (left[start:stop] @ unit[after].T.tocsr()).tocsr()
        hits = np.flatnonzero(block.data >= threshold)
        rows = np.searchsorted(block.indptr, hits, side="right") - 1
        first, second = left_ids[rows + start], after[block.indices[hits]]
        keep = first < second
        yield first[keep], second[keep], block.data[hits][keep]


def pair_products(unit: sparse.csr_matrix, first: np.ndarray, second: np.ndarray
                  ) -> npt.NDArray[np.float64]:
    """The product of rows ``first[k]`` and ``second[k]`` of ``unit`` for each ``k``, as
    :func:`similar_pairs` computes it: the terms in the order of ``first[k]``'s row, added
    one after the other from zero (a sparse product's sum for one entry), so the same float
    for the pairs it would find; a term whose stem ``second[k]`` lacks adds zero."""
    if not len(first):
        return np.zeros(0, dtype=np.float64)
    indptr = unit.indptr
    lengths = (indptr[first + 1] - indptr[first]).astype(np.int64)
    width = int(lengths.max()) if len(lengths) else 0
    if width == 0:
        return np.zeros(len(first), dtype=np.float64)
    terms = np.zeros((len(first), width), dtype=np.float64)
    positions = np.arange(width)
    present = positions[None, :] < lengths[:, None]
    pair_of, slot = np.nonzero(present)
    entry = indptr[first][pair_of] + slot
    columns = unit.indices[entry]
    # The other row's weight for each of the first row's stems (zero where it has none),
    # found among the wanted rows' entries sorted by (row, stem) in one search.
    rows_wanted = np.unique(second)
    starts, stops = indptr[rows_wanted], indptr[rows_wanted + 1]
    sizes = (stops - starts).astype(np.int64)
    their_entries = (np.repeat(starts - np.cumsum(sizes) + sizes, sizes)
                     + np.arange(int(sizes.sum())))
    width_all = np.int64(unit.shape[1])
    codes = np.repeat(rows_wanted.astype(np.int64), sizes) * width_all \
        + unit.indices[their_entries]
    order = np.argsort(codes, kind="stable")
    codes, their_entries = codes[order], their_entries[order]
    wanted = second[pair_of].astype(np.int64) * width_all + columns
    at = np.minimum(np.searchsorted(codes, wanted), max(len(codes) - 1, 0))
    other = np.zeros(len(entry), dtype=np.float64)
    if len(codes):
        found = codes[at] == wanted
        other[found] = unit.data[their_entries[at[found]]]
    terms[pair_of, slot] = unit.data[entry] * other
    # cumsum adds strictly left to right (no pairwise summation, unlike sum)
    return np.cumsum(terms, axis=1)[:, -1]


def _same_act_of_one_actor(statements: Sequence[Statement]) -> Iterable[tuple[int, int]]:
    """Pairs with the same named subject and the same predicate that could merge."""
    acts: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, st in enumerate(statements):
        if st.subject and st.subject.startswith("e_"):
            acts[(st.subject, st.predicate)].append(i)
    for members in acts.values():
        if 1 < len(members) <= MAX_BUCKET:
            for i, j in combinations(members, 2):
                if _mergeable(statements[i], statements[j]):
                    yield i, j


# --------------------------------------------------------------------------- frames


def _frames(statements: Sequence[Statement]) -> Iterable[tuple[int, int]]:
    """Pairs of one frame bucket of :func:`~.claim_merge.candidate_pairs` that could merge."""
    for members in frame_buckets(statements):
        if 1 < len(members) <= MAX_BUCKET:
            for i, j in combinations(members, 2):
                if _mergeable(statements[i], statements[j]):
                    yield i, j


# --------------------------------------------------------------------------- figures


def _figures(statements: Sequence[Statement], name_of: Callable[[str], str]
             ) -> Iterable[tuple[int, int]]:
    """Pairs the ``number`` finder compares by similarity (its index and every check it
    makes before the similarity; whether the two end in one claim is not known yet, so
    pairs that will merge are kept too)."""
    for (kind, _anchor), members in sorted(figure_index(statements, name_of).items()):
        for i, j in figure_pairs(members, statements):
            a, b = statements[i], statements[j]
            qa = next(q for q in a.quantities if q.kind == kind)
            qb = next(q for q in b.quantities if q.kind == kind)
            if compatible_figures(qa.value, qa.qualifier, qb.value, qb.qualifier):
                continue
            if a.asserter == b.asserter or a.same_source(b):
                continue
            da, db = _day(a.published), _day(b.published)
            if da is None or db is None or abs((da - db).days) > NUMBER_WINDOW_DAYS:
                continue
            yield i, j


# --------------------------------------------------------------------------- denials


def _denials(statements: Sequence[Statement]) -> set[int]:
    """Every denial (its vector also tells whether an article reports a claim with its
    denial) and every asserted statement a denial could be matched with."""
    denied = [i for i, st in enumerate(statements) if st.denied_by is not None]
    chosen = set(denied)
    by_subject: dict[str, list[int]] = defaultdict(list)
    by_name: dict[str, list[int]] = defaultdict(list)
    for j, st in enumerate(statements):
        if st.denied_by is not None or st.description_of is not None:
            continue
        if st.subject:
            by_subject[st.subject].append(j)
        for name in st.entities | st.places:
            by_name[name].append(j)
    for i in denied:
        a = statements[i]
        if (a.denied_by or "") in _PRONOUNS:
            continue
        shared: dict[int, int] = defaultdict(int)
        for name in (a.entities | a.places) - {a.denied_by}:
            for j in by_name.get(name, ()):
                shared[j] += 1
        candidates = {j for j, n in shared.items() if n >= 2}
        if a.subject and a.subject.startswith("e_"):
            candidates.update(by_subject.get(a.subject, ()))
        for j in candidates:
            b = statements[j]
            if a.article == b.article and (_overlaps(a.evidence, b.evidence)
                                           or b.speaker == a.denied_by):
                continue
            if _same_topic(a, b) and _same_act(a, b):
                chosen.add(j)
    return chosen

