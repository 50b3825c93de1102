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
from collections.abc import Sequence
from typing import Protocol

import numpy as np

from .embed import MODEL_VERSION, encode_matrix

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
    digests = [text_digest(text) for text in texts]
    unique: dict[str, int] = {}
    first_text: list[str] = []
    for digest, text in zip(digests, texts, strict=True):
        if digest not in unique:
            unique[digest] = len(unique)
            first_text.append(text)
    rows = np.fromiter((unique[d] for d in digests), dtype=np.int64, count=len(digests))
    del digests
    if not unique:
        return np.zeros((0, 0), dtype=VECTOR_DTYPE), rows
    matrix: np.ndarray | None = None
    filled = np.zeros(len(unique), dtype=bool)

    def put(positions: list[int], block: np.ndarray) -> None:
        nonlocal matrix
        if matrix is None:
            matrix = np.zeros((len(unique), block.shape[1]), dtype=VECTOR_DTYPE)
        matrix[positions] = block
        filled[positions] = True

    if cache is not None:
        order = list(unique)
        for start in range(0, len(order), _READ_SLICE):
            stored = cache.stored_vectors(MODEL_VERSION, order[start:start + _READ_SLICE])
            if stored:
                put([unique[d] for d in stored],
                    np.stack([np.frombuffer(blob, dtype=VECTOR_DTYPE) for blob in stored.values()]))
    missing = [digest for digest, row in unique.items() if not filled[row]]
    if missing:
        fresh = encode([first_text[unique[digest]] for digest in missing])
        put([unique[digest] for digest in missing], fresh)
        if cache is not None:
            cache.store_vectors(
                MODEL_VERSION, [(digest, row.tobytes()) for digest, row in zip(missing, fresh,
                                                                                strict=True)]
            )
    assert matrix is not None  # every distinct text was read back or embedded
    return matrix, rows
