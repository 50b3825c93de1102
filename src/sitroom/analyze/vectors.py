"""Sentence embeddings of many texts as one matrix, each distinct text embedded once per store.

The corpus-level claims step embeds every statement of the corpus, and the model on the CPU
is by far its dearest part. Vectors are kept in the store keyed by a digest of the exact text
and the model version (:data:`~sitroom.analyze.embed.MODEL_VERSION`), so:

- a build that adds articles embeds only the statements never seen before;
- the same sentence in two articles (syndicated copies, repeated boilerplate) is embedded once;
- a change to how a statement's text is made can never meet a stale vector: other text, other
  key.

Vectors travel as float32 bytes, not lists of Python floats, so that reading back a hundred
thousand of them costs one numpy view each rather than 384 float objects each.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from typing import Protocol

import numpy as np

from ..memory import release_freed_memory
from .embed import MODEL_VERSION, encode_matrix, release_model

VECTOR_DTYPE = np.float32


class VectorCache(Protocol):
    """Where vectors are kept between builds (the store implements it)."""

    def stored_vectors(self, model: str, digests: Sequence[str]) -> dict[str, bytes]: ...

    def store_vectors(self, model: str, rows: Sequence[tuple[str, bytes]]) -> None: ...


def text_digest(text: str) -> str:
    """The cache key of ``text``: 128 bits of BLAKE2b over its UTF-8 bytes."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


def encode(texts: Sequence[str]) -> np.ndarray:
    """Normalised embeddings of ``texts`` as a float32 matrix, one row per text."""
    return np.asarray(encode_matrix(texts), dtype=VECTOR_DTYPE)


def embed_matrix(texts: Sequence[str], cache: VectorCache | None = None) -> np.ndarray:
    """One normalised row per text of ``texts``, in order. Texts ``cache`` holds for this model
    are read back; the rest are embedded once each (duplicates share a row) and kept."""
    distinct, rows = embed_distinct(texts, cache)
    return distinct[rows] if len(rows) else distinct


#: Digests asked of the cache at once: the stored bytes of a slice, not of every text.
_READ_SLICE = 4096


def embed_distinct(texts: Sequence[str], cache: VectorCache | None = None
                   ) -> tuple[np.ndarray, np.ndarray]:
    """:func:`embed_matrix` as ``(matrix, rows)``: one row of ``matrix`` per distinct text,
    and ``rows[k]`` the row of ``texts[k]``. A caller that copies the rows where it wants them
    holds each vector once, not once per text and again in its own matrix."""
    unique, first_text, rows = _distinct(texts)
    if not unique:
        return np.zeros((0, 0), dtype=VECTOR_DTYPE), rows
    matrix: np.ndarray | None = None

    def put(positions: np.ndarray, block: np.ndarray) -> None:
        nonlocal matrix
        if matrix is None:
            matrix = np.zeros((len(unique), block.shape[1]), dtype=VECTOR_DTYPE)
        matrix[positions] = block

    _embed_each(unique, first_text, cache, put)
    assert matrix is not None  # every distinct text was read back or embedded
    return matrix, rows


def embed_rows(texts: Sequence[str], targets: np.ndarray, size: int,
               cache: VectorCache | None = None, *, release: bool = False) -> np.ndarray:
    """A ``(size, width)`` matrix whose row ``targets[k]`` is the embedding of ``texts[k]``
    and whose other rows are zeros (``(size, 1)`` zeros when ``texts`` is empty). The same
    rows as copying :func:`embed_distinct`'s, but each slice read back goes straight to its
    rows: the distinct rows are never all held a second time beside the full matrix (at
    thousands of articles that second copy set the claims step's peak). ``release``: let go
    of the encoder as soon as it has embedded what the cache lacked (:func:`.release_model`),
    before the new vectors are stored, for a caller with nothing more to embed for a while."""
    unique, first_text, rows = _distinct(texts)
    if not unique:
        return np.zeros((size, 1), dtype=VECTOR_DTYPE)
    # The texts of each distinct row, grouped: a slice of distinct rows finds its targets
    # by a binary search, not a scan of every text.
    order = np.argsort(rows, kind="stable")
    grouped_rows, grouped_targets = rows[order], np.asarray(targets, dtype=np.int64)[order]
    del order, rows
    matrix: np.ndarray | None = None

    def put(positions: np.ndarray, block: np.ndarray) -> None:
        nonlocal matrix
        if matrix is None:
            matrix = np.zeros((size, block.shape[1]), dtype=VECTOR_DTYPE)
        firsts = np.searchsorted(grouped_rows, positions, side="left")
        counts = np.searchsorted(grouped_rows, positions, side="right") - firsts
        # Every text of distinct row positions[k] gets block[k].
        starts = np.repeat(firsts - np.cumsum(counts) + counts, counts)
        taken = starts + np.arange(int(counts.sum()))
        matrix[grouped_targets[taken]] = block[np.repeat(np.arange(len(positions)), counts)]

    _embed_each(unique, first_text, cache, put, _release_model if release else None)
    assert matrix is not None  # every distinct text was read back or embedded
    return matrix


def _release_model() -> None:
    if release_model():
        release_freed_memory()


def _distinct(texts: Sequence[str]) -> tuple[dict[str, int], list[str], np.ndarray]:
    """The distinct digests of ``texts`` (digest -> its row, in order of first text), the
    first text of each, and the row of each text."""
    digests = [text_digest(text) for text in texts]
    unique: dict[str, int] = {}
    first_text: list[str] = []
    for digest, text in zip(digests, texts, strict=True):
        if digest not in unique:
            unique[digest] = len(unique)
            first_text.append(text)
    rows = np.fromiter((unique[d] for d in digests), dtype=np.int64, count=len(digests))
    return unique, first_text, rows


def _embed_each(unique: dict[str, int], first_text: Sequence[str], cache: VectorCache | None,
                put: Callable[[np.ndarray, np.ndarray], None],
                after_encoding: Callable[[], None] | None = None) -> None:
    """Hand ``put`` (distinct rows, their vectors) for every row of ``unique``: the stored
    ones a slice at a time, then the rest embedded (and kept in ``cache``, a slice at a
    time). ``after_encoding``: called once the model has embedded the rest."""
    filled = np.zeros(len(unique), dtype=bool)
    if cache is not None:
        order = list(unique)
        for start in range(0, len(order), _READ_SLICE):
            stored = cache.stored_vectors(MODEL_VERSION, order[start:start + _READ_SLICE])
            if stored:
                positions = np.fromiter((unique[d] for d in stored), dtype=np.int64,
                                        count=len(stored))
                put(positions, np.stack([np.frombuffer(blob, dtype=VECTOR_DTYPE)
                                         for blob in stored.values()]))
                filled[positions] = True
    missing = [digest for digest, row in unique.items() if not filled[row]]
    if missing:
        fresh = encode([first_text[unique[digest]] for digest in missing])
        if after_encoding is not None:
            after_encoding()
        put(np.fromiter((unique[d] for d in missing), dtype=np.int64, count=len(missing)),
            fresh)
        if cache is not None:
            # A slice at a time: the bytes of every new vector and the store's copy of them
            # were never needed all at once.
            for start in range(0, len(missing), _WRITE_SLICE):
                cache.store_vectors(MODEL_VERSION, [
                    (digest, row.tobytes()) for digest, row in zip(
                        missing[start:start + _WRITE_SLICE], fresh[start:start + _WRITE_SLICE],
                        strict=True)])


#: New vectors handed to the cache at once.
_WRITE_SLICE = 4096
