"""Statements that say the same thing, in one article or across articles, become one claim.

Candidate pairs come from two kinds of blocking, never from all pairs:

- random-hyperplane LSH over the sentence embeddings (``BANDS`` bands of ``BITS`` bits, a
  fixed seed so the result is deterministic): near-paraphrases collide in some band;
- exact keys for statements that share a predicate class and a named place or actor
  (``took control of Aleppo`` and ``Aleppo fell to the rebels``), which wording alone would
  miss.

A candidate pair merges when its cosine similarity clears :data:`SAME_CLAIM` (or the lower
:data:`SAME_FRAME` for statements with the same predicate class and a shared place or actor)
*and* nothing concrete differs: no place, actor, number or date that one names and the other
contradicts. That last check is what keeps ``HTS took Hama`` and ``HTS took Homs`` apart,
however close their embeddings.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Callable, Sequence

import numpy as np

from .contradictions import description_markers
from .distinct_codes import sorted_distinct_in_place
from .embed import one_blas_thread
from .hyperplane_sides import band_codes as hyperplane_band_codes
from .statements import Statement

SAME_CLAIM = 0.82
SAME_FRAME = 0.5
BANDS = 16
BITS = 10
SEED = 20081
#: Largest bucket compared pairwise; larger ones are generic and are skipped.
MAX_BUCKET = 60
#: Given buckets of one size (one row of members each, increasing) and the pairs of a bucket
#: (two arrays of positions among its members), which pairs of each bucket to keep (one
#: row each).
PairRule = Callable[[np.ndarray, np.ndarray, np.ndarray], np.ndarray]
#: Candidate pairs whose similarity is computed in one vectorised step.
_CHUNK = 20_000


def candidate_pairs(statements: Sequence[Statement], vectors: np.ndarray,
                    embedded: np.ndarray | None = None) -> set[tuple[int, int]]:
    """Index pairs worth comparing (see the module docstring). ``embedded``: which rows of
    ``vectors`` hold an embedding (the others are left out of the LSH buckets); all when
    None."""
    return {(i, j) for i, j in candidate_index(statements, vectors, embedded).tolist()}


def candidate_index(statements: Sequence[Statement], vectors: np.ndarray,
                    embedded: np.ndarray | None = None) -> np.ndarray:
    """:func:`candidate_pairs` as an ``(n, 2)`` array of ``i < j``, each pair once, sorted."""
    codes = candidate_codes(statements, vectors, embedded)
    return np.stack(np.divmod(codes, max(len(statements), 1)), axis=1)


def candidate_codes(statements: Sequence[Statement], vectors: np.ndarray,
                    embedded: np.ndarray | None = None,
                    keep: Callable[[np.ndarray], np.ndarray] | None = None,
                    within: PairRule | None = None) -> np.ndarray:
    """:func:`candidate_pairs` as one int64 per pair, ``i * len(statements) + j``, sorted
    (so in ``(i, j)`` order) and each pair once. ``keep``: given codes, which of them to
    keep (a boolean mask); applied as the pairs pile up, so those it drops are never all
    held at once. ``within``: given buckets of one size (a row of members each, increasing)
    and a bucket's pairs (two arrays of positions among its members), which pairs of each to
    keep; applied to the buckets before their pairs join the others.

    The pairs grow faster than the corpus (up to ``MAX_BUCKET`` squared per bucket); as one
    int64 each, not as a set of tuples of Python ints (about twenty times the size) nor as
    an ``(n, 2)`` array (twice, and a transient copy of each column while it is made), they
    never set a build's peak. :func:`merge_statements` decodes them a slice at a time."""
    found = _Pairs(len(statements), keep, within)
    if len(statements) < 2:
        return found.codes()
    rows = np.arange(len(statements)) if embedded is None else np.flatnonzero(embedded)
    rng = np.random.default_rng(SEED)
    planes = rng.standard_normal((vectors.shape[1], BANDS * BITS))
    # A block of rows at a time, each side decided exactly (see .hyperplane_sides): no
    # float64 copy of every embedded row nor their whole product, and a statement's buckets
    # never depend on how many rows were multiplied with it.
    band_codes = hyperplane_band_codes(vectors, rows, planes, BITS)
    for band in range(BANDS):
        found.add_runs(rows, band_codes[:, band])
    del band_codes
    frames = frame_buckets(statements)
    members = np.fromiter((i for bucket in frames for i in bucket), dtype=np.int64)
    bucket_of = np.repeat(np.arange(len(frames)), [len(bucket) for bucket in frames])
    found.add_runs(members, bucket_of)
    return found.codes()


#: Bucket members whose rows a pair rule is handed at once (bounds what it gathers).
_BUCKET_ROWS = 8192


@functools.lru_cache(maxsize=MAX_BUCKET + 1)
def _upper_pairs(size: int) -> tuple[np.ndarray, np.ndarray]:
    """Every pair of positions ``i < j`` below ``size``, in ``(i, j)`` order."""
    left, right = np.triu_indices(size, 1)
    left.setflags(write=False)
    right.setflags(write=False)
    return left, right


class _Pairs:
    """Pairs of bucket members gathered as one int64 each (``i * size + j``, which sorts as
    ``(i, j)`` does), duplicates dropped as they pile up."""

    #: Pending pairs before duplicates are dropped: a bounded working set.
    FLUSH = 4_000_000

    def __init__(self, size: int,
                 keep: Callable[[np.ndarray], np.ndarray] | None = None,
                 within: PairRule | None = None) -> None:
        self._size = size
        self._keep = keep
        self._within = within
        self._kept = np.zeros(0, dtype=np.int64)
        self._pending: list[np.ndarray] = []
        self._count = 0

    def add_bucket(self, members: Sequence[int]) -> None:
        """Every pair of ``members`` (in increasing order), if the bucket is not generic."""
        if 1 < len(members) <= MAX_BUCKET:
            self._add_same_size(np.asarray([members], dtype=np.int64))

    def add_runs(self, members: np.ndarray, keys: np.ndarray) -> None:
        """The buckets of ``members`` (increasing) that share a key of ``keys`` (one each),
        as :meth:`add_bucket` adds each, but the buckets of one size at once: one at a
        time, the numpy calls of some fifteen thousand small buckets were most of the
        merge's time at 2,000 articles."""
        if not len(members):
            return
        order = np.argsort(keys, kind="stable")  # stable: each bucket's members increasing
        ordered, sorted_keys = members[order], keys[order]
        starts = np.flatnonzero(np.r_[True, sorted_keys[1:] != sorted_keys[:-1]])
        sizes = np.diff(np.r_[starts, len(ordered)])
        for size in np.unique(sizes).tolist():
            if not 1 < size <= MAX_BUCKET:
                continue
            first = starts[sizes == size]
            # Buckets a slice at a time: a rule may gather each member's vector.
            step = max(1, _BUCKET_ROWS // size)
            for at in range(0, len(first), step):
                chosen = first[at:at + step]
                self._add_same_size(ordered[chosen[:, None] + np.arange(size)])

    def _add_same_size(self, buckets: np.ndarray) -> None:
        left, right = _upper_pairs(buckets.shape[1])
        if self._within is None:
            kept = np.ones((len(buckets), len(left)), dtype=bool)
        else:
            kept = self._within(buckets, left, right)
        bucket, pair = np.nonzero(kept)
        self._pending.append(buckets[bucket, left[pair]] * self._size
                             + buckets[bucket, right[pair]])
        self._count += len(bucket)
        if self._count >= self.FLUSH:
            self._merge()

    def _merge(self) -> None:
        if not self._pending:
            return
        if self._keep is None:
            merged = np.concatenate([self._kept, *self._pending])
        else:
            # The new pairs alone, each once, then only those ``keep`` keeps join the kept
            # ones: what is dropped never piles up with the kept codes.
            fresh = sorted_distinct_in_place(np.concatenate(self._pending))
            self._pending = []
            merged = np.concatenate([self._kept, fresh[self._keep(fresh)]])
            del fresh
        self._pending, self._count = [], 0
        self._kept = merged  # the old kept codes go now
        self._kept = sorted_distinct_in_place(merged)

    def codes(self) -> np.ndarray:
        """The pairs' codes, sorted (so by ``(i, j)``), each once."""
        self._merge()
        return self._kept


def frame_buckets(statements: Sequence[Statement]) -> list[list[int]]:
    """Statements sharing a predicate class and an anchor (a place or the named object):
    the frame blocking of :func:`candidate_pairs`, also read by the vector selection."""
    frames: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, st in enumerate(statements):
        for cls in st.classes:
            for anchor in st.places | ({st.object_key} if st.object_key else set()):
                frames[(cls, anchor)].append(i)
    return list(frames.values())


def conflicting_details(a: Statement, b: Statement) -> bool:
    """Whether ``a`` and ``b`` name different concrete things in the same slot: places
    neither of which includes the other's, different numbers of one kind, different dates,
    different subjects, opposite polarity."""
    if a.negated != b.negated or (a.denied_by is None) != (b.denied_by is None):
        return True
    if (a.description_of is None) != (b.description_of is None):
        return True
    if a.description_of and _past(a.object_text) != _past(b.object_text):
        return True
    if a.places and b.places and not (a.places <= b.places or b.places <= a.places):
        return True
    kinds_a = {q.kind: q.value for q in a.quantities}
    kinds_b = {q.kind: q.value for q in b.quantities}
    if any(kinds_b.get(k, v) != v for k, v in kinds_a.items()):
        return True
    if a.dates and b.dates and not set(a.dates) & set(b.dates):
        return True
    named = bool(a.subject and b.subject and a.subject.startswith("e_")
                 and b.subject.startswith("e_"))
    return named and a.subject != b.subject


def _past(text: str | None) -> bool:
    words = set(re.findall(r"[a-z]+", (text or "").casefold()))
    return bool(words & description_markers().past)


def _same_frame(a: Statement, b: Statement) -> bool:
    if not a.classes & b.classes:
        return False
    anchors_a = a.places | ({a.object_key} if a.object_key else set())
    anchors_b = b.places | ({b.object_key} if b.object_key else set())
    return bool(anchors_a & anchors_b)


def merge_statements(
    statements: Sequence[Statement], vectors: np.ndarray, embedded: np.ndarray | None = None
) -> list[list[int]]:
    """Groups of statement indexes, each one claim, in order of first statement.
    ``embedded``: which rows of ``vectors`` hold an embedding (see :mod:`.vector_needs`);
    a row without one is a zero vector and merges with nothing."""
    parent = list(range(len(statements)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    size = max(len(statements), 1)
    live = (np.ones(len(statements), dtype=bool) if embedded is None
            else np.asarray(embedded, dtype=bool))

    def may_merge(buckets: np.ndarray, left: np.ndarray, right: np.ndarray) -> np.ndarray:
        # No pair below SAME_FRAME can merge: drop those with one vectorised product before
        # the per-pair checks (the margin covers rounding however the product is summed;
        # each survivor's similarity is computed below exactly as before). The buckets of
        # one size are multiplied at once, each bucket's rows with themselves (a pair's
        # rows read once per bucket, not once per pair). A pair with a row that holds no
        # embedding (a zero row: a frame bucket holds those too) is similar to nothing, and
        # left out.
        rows = vectors[buckets]
        similarity = np.matmul(rows, rows.transpose(0, 2, 1))[:, left, right]
        alive = live[buckets]
        return np.asarray((similarity >= SAME_FRAME - 1e-3) & alive[:, left] & alive[:, right])

    # Filtered as the buckets are read: most pairs of a bucket are far apart, and holding
    # every one until the end grew faster than the corpus. Thousands of small products: on
    # one BLAS thread (the others' waiting between them was most of the step's CPU time).
    with one_blas_thread():
        codes = candidate_codes(statements, vectors, embedded, within=may_merge)
    for start in range(0, len(codes), _CHUNK):  # as Python ints a chunk at a time, not all
        left, right = np.divmod(codes[start:start + _CHUNK], size)
        for i, j in zip(left.tolist(), right.tolist(), strict=True):
            _join_if_same(statements, vectors, i, j, find, parent)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(statements)):
        groups[find(i)].append(i)
    return [groups[k] for k in sorted(groups)]


def _join_if_same(statements: Sequence[Statement], vectors: np.ndarray, i: int, j: int,
                  find: Callable[[int], int], parent: list[int]) -> None:
    """Join the groups of statements ``i`` and ``j`` when they say the same thing."""
    a, b = statements[i], statements[j]
    if a.key == b.key or conflicting_details(a, b):
        return
    similarity = float(vectors[i] @ vectors[j])
    if similarity >= SAME_CLAIM or (similarity >= SAME_FRAME and _same_frame(a, b)):
        ri, rj = find(i), find(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)
