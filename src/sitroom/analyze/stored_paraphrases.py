"""The paraphrase search of :mod:`.vector_needs`, done on an add only where it can have changed.

Which statements need a vector hinges in part on pairs whose TF-IDF cosine over word stems
reaches :data:`~.vector_needs.LEXICAL_SIMILARITY`. The IDF is the corpus's, so every add
moves every weight a little, and a search over every pair cost a build that adds 20 articles
to 2,000 about 4 CPU s, the same as a full build's. Most of those products cannot have
crossed the threshold since the last full search, and this module proves which:

A full search (a first build, or when too much has moved) also keeps a **reference**: the
corpus's statement count and each stem's frequency (so its IDF then), which statements there
were, and every pair whose cosine reached :data:`NEAR` (below the threshold). A later build
compares each stem's IDF now with its IDF then. When every stem of two statements has an IDF
within a factor of ``[1 / sqrt(DRIFT), sqrt(DRIFT)]`` of its reference (``settled``), the
pair's cosine now is at most its reference cosine times ``DRIFT ** 2`` (each weight in the
sum grew at most by the top factor squared, each norm shrank at most by the bottom one), and
``NEAR * DRIFT ** 2`` is below the threshold. So a pair of two settled statements can reach
the threshold only if the reference kept it, and the build compares:

- every statement that is new or not settled with every other (the searches of
  :mod:`.vector_needs`, restricted to those rows);
- the reference's pairs of two settled statements, one product each
  (:func:`~.vector_needs.pair_products`, the same float a search gives).

Every product is the one a search over every pair computes from this build's matrix, so the
statements marked are exactly those a full search marks. A statement is known by its key
(its sentence) and how many of its article's statements before it share that key: the stems
are the sentence's, whatever else of the statement a later build finds anew. When more than
:data:`REMAKE_SHARE` of the statements are unsettled (the corpus has grown or changed a lot
since the reference), a full search makes a new reference.
"""

from __future__ import annotations

import base64
import hashlib
import json
import math
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from ..stored_memo import MemoStore, namespace
from .statements import Statement
from .vector_needs import (
    LEXICAL_SIMILARITY,
    Mask,
    TfidfParts,
    pair_products,
    similar_pairs,
    tfidf_parts,
)

#: The memo's name (its namespace adds sitroom's code digest).
NAME = "paraphrase_reference"
#: Cosine from which the reference keeps a pair: low enough that the IDF of most stems
#: stays within the allowed drift over many adds, high enough that the pairs stay few.
NEAR = 0.3
#: The largest ratio between two settled stems' IDF drifts (now over reference), with a
#: margin far above rounding: ``NEAR * DRIFT ** 2`` stays below the threshold.
DRIFT = math.sqrt(LEXICAL_SIMILARITY / NEAR) / (1 + 1e-6)
#: Above this share of unsettled statements a full search (and a new reference) is cheaper.
REMAKE_SHARE = 0.3
#: What a pair's product must reach to count, as in :mod:`.vector_needs`.
_THRESHOLD = LEXICAL_SIMILARITY - 1e-9


@dataclass(frozen=True, slots=True)
class Reference:
    """What a full search leaves for later builds (see the module docstring)."""

    count: int
    frequency: dict[str, int]
    #: each statement's identity (:func:`identities`), in the reference build's order
    statements: tuple[str, ...]
    #: pairs (positions in ``statements``) whose cosine reached :data:`NEAR`
    near: npt.NDArray[np.int64]


def identities(statements: Sequence[Statement]) -> list[str]:
    """Each statement's key with how many statements before it share that key: the same
    sentence (so the same stems) from one build to the next."""
    seen: Counter[tuple[str, int, int]] = Counter()
    out: list[str] = []
    for st in statements:
        article, start, end = st.key
        out.append(f"{article}:{start}:{end}:{seen[st.key]}")
        seen[st.key] += 1
    return out


def encode_reference(reference: Reference) -> str:
    """The reference as JSON, its pairs as base64 of little-endian int32 (as a list of
    numbers they were a Python int each while being written: some millions of them on a
    large corpus)."""
    pairs = np.ascontiguousarray(reference.near, dtype="<i4").tobytes()
    return json.dumps({
        "count": reference.count,
        "frequency": reference.frequency,
        "statements": list(reference.statements),
        "near": base64.b64encode(pairs).decode("ascii"),
    }, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def decode_reference(value: str) -> Reference:
    data = json.loads(value)
    pairs = np.frombuffer(base64.b64decode(data["near"]), dtype="<i4")
    near = pairs.astype(np.int64).reshape(-1, 2)
    return Reference(int(data["count"]), {str(k): int(v) for k, v in data["frequency"].items()},
                     tuple(data["statements"]), near)


def unsettled_statements(statements: Sequence[Statement], parts: TfidfParts,
                         reference: Reference) -> Mask:
    """Statements that are new since ``reference`` or have a stem whose IDF drifted more
    than the allowed factor."""
    then = np.array([reference.frequency.get(stem, 0) for stem in parts.stems],
                    dtype=np.float64)
    with np.errstate(divide="ignore", invalid="ignore"):
        idf_then = np.where(then > 0, np.log(reference.count / np.where(then > 0, then, 1.0)),
                            np.nan)
        ratio = parts.idf / idf_then
    bound = math.sqrt(DRIFT)
    settled_stem = (then > 0) & (
        ((idf_then == 0) & (parts.idf == 0))
        | ((idf_then > 0) & (ratio >= 1 / bound) & (ratio <= bound)))
    unit = parts.unit
    owners = np.repeat(np.arange(unit.shape[0]), np.diff(unit.indptr))
    unsettled = np.bincount(owners, weights=~settled_stem[unit.indices],
                            minlength=unit.shape[0]) > 0
    known = set(reference.statements)
    unsettled |= np.array([identity not in known for identity in identities(statements)],
                          dtype=bool)
    return np.asarray(unsettled, dtype=bool)


def searched_again(statements: Sequence[Statement], parts: TfidfParts, reference: Reference,
                   unsettled: Mask
                   ) -> Iterator[tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]]:
    """Runs of pairs ``first < second``: every pair reaching the threshold (each at least
    once), given the statements ``reference`` leaves ``unsettled``; those of the
    reference's pairs that no longer reach it are left out."""
    unit = parts.unit
    everyone = np.arange(len(statements))
    moved, still = np.flatnonzero(unsettled), np.flatnonzero(~unsettled)
    # A moved statement with every statement after it, a settled one with the moved after it.
    for first, second, _products in similar_pairs(unit, moved, everyone, _THRESHOLD):
        yield first, second
    for first, second, _products in similar_pairs(unit, still, moved, _THRESHOLD):
        yield first, second
    # The reference's pairs of two settled statements, computed again.
    position = {identity: k for k, identity in enumerate(identities(statements))}
    now = np.array([position.get(identity, -1) for identity in reference.statements],
                   dtype=np.int64)
    if not len(reference.near) or not len(now):
        return
    left, right = now[reference.near[:, 0]], now[reference.near[:, 1]]
    present = (left >= 0) & (right >= 0)
    left, right = left[present], right[present]
    both_settled = ~unsettled[left] & ~unsettled[right]
    first = np.minimum(left, right)[both_settled]
    second = np.maximum(left, right)[both_settled]
    reached = pair_products(unit, first, second) >= _THRESHOLD
    yield first[reached], second[reached]


def full_search(statements: Sequence[Statement], parts: TfidfParts
                ) -> tuple[list[tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]], Reference]:
    """Every pair reaching the threshold, as runs, and the reference this search leaves."""
    everyone = np.arange(len(statements))
    reached: list[tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]] = []
    near: list[npt.NDArray[np.int64]] = []
    for first, second, products in similar_pairs(parts.unit, everyone, everyone, NEAR):
        near.append(np.stack([first, second], axis=1))
        over = products >= _THRESHOLD
        reached.append((first[over], second[over]))
    pairs = np.concatenate(near) if near else np.zeros((0, 2), dtype=np.int64)
    reference = Reference(
        len(statements),
        {stem: int(f) for stem, f in zip(parts.stems, parts.frequency.tolist(), strict=True)},
        tuple(identities(statements)),
        pairs.astype(np.int64),
    )
    return reached, reference


def remembered_paraphrase_pairs(
    statements: Sequence[Statement], memo: MemoStore
) -> Iterator[tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]]:
    """Runs of the pairs ``first < second`` whose product reaches the threshold (a pair
    may come twice): searched again against the reference ``memo`` keeps where it settles
    enough statements, else by a full search whose reference replaces it."""
    parts = tfidf_parts(statements)
    if parts is None:
        return
    from ..fingerprint import code_digest

    name_space = namespace(NAME, code_digest())
    stored = memo.memo_entries(name_space)
    reference = decode_reference(next(iter(stored.values()))) if len(stored) == 1 else None
    unsettled = None if reference is None else unsettled_statements(statements, parts,
                                                                     reference)
    if reference is not None and unsettled is not None \
            and unsettled.sum() <= REMAKE_SHARE * len(statements):
        yield from searched_again(statements, parts, reference, unsettled)
        return
    del reference, stored, unsettled
    reached, fresh = full_search(statements, parts)
    value = encode_reference(fresh)
    key = hashlib.sha256(value.encode("utf-8")).hexdigest()
    memo.add_memo_entries(name_space, [(key, value)])
    keep = getattr(memo, "keep_memo_entries", None)
    if callable(keep):
        keep(name_space, [key])
    yield from reached
