"""The MinHash signatures of article texts, kept in the store between builds.

Three corpus steps ask which articles are syndicated copies of one text
(:func:`~sitroom.analyze.provenance.syndication_groups`), and each article's MinHash (64
hashes over its word 5-shingles) is what that costs: about 2 ms an article, so seconds for
a corpus of thousands, on every build that adds a few articles. The signatures depend on the
text alone, so they are kept in the store's memo table under a digest of the text, and a
build computes only those of texts it has not met. The namespace names sitroom's code and
the MinHash library's version: a change to either starts afresh, and an old signature is
never read by other code.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from ..stored_memo import MemoStore, StoredMemo, namespace
from .provenance import known_minhash, minhash_key, remember_minhash

#: Unsigned 64-bit, as datasketch keeps its hash values.
_DTYPE = np.uint64


def _namespace() -> str:
    import datasketch

    from ..fingerprint import code_digest

    return namespace("article_minhash", code_digest(), datasketch.__version__)


def load_minhashes(store: MemoStore, texts: Iterable[str]) -> StoredMemo:
    """Put the stored signatures of ``texts`` into this process's MinHash memo; returns the
    memo to pass to :func:`save_minhashes` once the steps have run."""
    from datasketch import MinHash

    memo = StoredMemo(store, _namespace())
    for text in texts:
        key = minhash_key(text)
        stored = memo.values.get(key.hex())
        if stored is None or known_minhash(key) is not None:
            continue
        scheme, seed, values = stored.split(":")
        hashes = np.frombuffer(bytes.fromhex(values), dtype=_DTYPE).copy()
        remember_minhash(key, MinHash(num_perm=len(hashes), seed=int(seed), hashvalues=hashes,
                                      scheme=scheme))
    return memo


def save_minhashes(store: MemoStore, memo: StoredMemo, texts: Iterable[str]) -> int:
    """Store the signatures this process made for ``texts`` that the store lacks; returns
    how many."""
    for text in texts:
        key = minhash_key(text)
        found = known_minhash(key)
        if found is not None and key.hex() not in memo.values:
            hashes = np.asarray(found.hashvalues, dtype=_DTYPE)
            memo.values[key.hex()] = f"{found.scheme}:{found.seed}:{hashes.tobytes().hex()}"
    return memo.save(store)
