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

from ..errors import StoreError
from ..memory import HoldsMemory, release_freed_memory
from .embed import MODEL_VERSION, encode_matrix, release_model

VECTOR_DTYPE = np.float32


class VectorCache(Protocol):
    """Where vectors are kept between builds (the store implements it)."""

    def stored_vectors(self, model: str, digests: Sequence[str]) -> dict[str, bytes]: ...

    def stored_digests(self, model: str, digests: Sequence[str]) -> set[str]: ...

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
    thousands of articles that second copy set the claims step's peak). ``release``: for a
    caller with nothing more to embed for a while. What the build has freed (and the store
    keeps of its reads) is handed back before the encoder loads, and the encoder is let go
    (:func:`.release_model`) as soon as it has embedded what the cache lacked, before the
    matrix is made: the encoder, its work and the matrix, which grows with the corpus, are
    never held together."""
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

    if release:
        holders: list[HoldsMemory] = [cache] if isinstance(cache, HoldsMemory) else []
        _embed_each(unique, first_text, cache, put,
                    before_encoding=lambda: release_freed_memory(*holders),
                    after_encoding=_release_model)
    else:
        _embed_each(unique, first_text, cache, put)
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
                put: Callable[[np.ndarray, np.ndarray], None], *,
                before_encoding: Callable[[], None] | None = None,
                after_encoding: Callable[[], None] | None = None) -> None:
    """Hand ``put`` (distinct rows, their vectors) for every row of ``unique``: first the
    ones ``cache`` lacks, embedded (and kept in ``cache``, a slice at a time), then the
    stored ones, read back a slice at a time. The cache is only asked which it holds before
    the encoder runs, so nothing ``put`` builds from the stored rows is alive beside the
    encoder. ``before_encoding`` and ``after_encoding``: called just before and just after
    the model embeds the rest (not at all when nothing is missing)."""
    stored = _stored_among(unique, cache)
    missing = [digest for digest in unique if digest not in stored]
    if missing:
        if before_encoding is not None:
            before_encoding()
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
        del fresh
    if cache is None or not stored:
        return
    order = [digest for digest in unique if digest in stored]
    for start in range(0, len(order), _READ_SLICE):
        found = cache.stored_vectors(MODEL_VERSION, order[start:start + _READ_SLICE])
        # The store said a moment ago that it holds each of these, and a build never
        # deletes a vector: one missing now means a damaged store, not a text to embed.
        if len(found) != len(order[start:start + _READ_SLICE]):
            raise StoreError("a stored sentence vector could not be read back",
                             fix="move the output folder away and build again")
        positions = np.fromiter((unique[d] for d in found), dtype=np.int64, count=len(found))
        put(positions, np.stack([np.frombuffer(blob, dtype=VECTOR_DTYPE)
                                 for blob in found.values()]))


def _stored_among(unique: dict[str, int], cache: VectorCache | None) -> set[str]:
    """The digests of ``unique`` that ``cache`` holds a vector for (asked a slice at a
    time)."""
    if cache is None:
        return set()
    order = list(unique)
    stored: set[str] = set()
    for start in range(0, len(order), _READ_SLICE):
        stored |= cache.stored_digests(MODEL_VERSION, order[start:start + _READ_SLICE])
    return stored


#: New vectors handed to the cache at once.
_WRITE_SLICE = 4096
