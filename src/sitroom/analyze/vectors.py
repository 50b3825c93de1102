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
    digests = [text_digest(text) for text in texts]
    unique: dict[str, str] = {}
    for digest, text in zip(digests, texts, strict=True):
        unique.setdefault(digest, text)
    if not unique:
        return np.zeros((0, 0), dtype=VECTOR_DTYPE)
    found: dict[str, np.ndarray] = {}
    if cache is not None:
        for digest, blob in cache.stored_vectors(MODEL_VERSION, list(unique)).items():
            found[digest] = np.frombuffer(blob, dtype=VECTOR_DTYPE)
    missing = [digest for digest in unique if digest not in found]
    if missing:
        fresh = encode([unique[digest] for digest in missing])
        found.update(zip(missing, fresh, strict=True))
        if cache is not None:
            cache.store_vectors(
                MODEL_VERSION, [(digest, row.tobytes()) for digest, row in zip(missing, fresh,
                                                                                strict=True)]
            )
    return np.stack([found[digest] for digest in digests])
