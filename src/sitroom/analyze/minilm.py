"""all-MiniLM-L6-v2 sentence embeddings computed with numpy alone.

The model is a six-layer BERT encoder followed by mean pooling over the tokens and L2
normalisation. Running it through sentence-transformers means importing torch,
transformers and their dependencies, about 370 MB of resident memory before the first
weight is read, for a 90 MB model. Here the same arithmetic runs on numpy arrays read
straight from the package's ``model.safetensors``, and the package's own ``tokenizer.json``
drives the tokenizer, so a build that embeds claims grows by the weights and little more.

Conventions follow the model's sentence-transformers configuration: texts are stripped,
cut to ``MAX_TOKENS`` word pieces (counting ``[CLS]`` and ``[SEP]``), and each text attends
to its own tokens only and is pooled over them.

A text's vector is the same to the bit whatever other texts share its batch (see
:class:`_Layout`): the store keeps vectors by text, and one build may embed a sentence
alone where another embeds it among hundreds, so a vector that depended on its batch in
its last bits could tip a similarity threshold one way in a first build and the other in
a rebuild.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

MAX_TOKENS = 256  # sentence_bert_config.json of the model
#: Most (texts x longest text) cells in one batch: bounds the attention scores to about
#: 50 MB (12 heads x 4,096 cells x 256 positions x 4 bytes) whatever the texts.
BATCH_TOKENS = 4096
#: Texts tokenized together (see :meth:`MiniLM.encode`).
TOKENIZE_CHUNK = 1024
_LAYER_NORM_EPS = 1e-12
_POOL_EPS = 1e-9
_NORM_EPS = 1e-12

Matrix = npt.NDArray[np.float32]


@dataclass(frozen=True, slots=True)
class _Layer:
    query: tuple[Matrix, Matrix]
    key: tuple[Matrix, Matrix]
    value: tuple[Matrix, Matrix]
    attention_out: tuple[Matrix, Matrix]
    attention_norm: tuple[Matrix, Matrix]
    intermediate: tuple[Matrix, Matrix]
    output: tuple[Matrix, Matrix]
    output_norm: tuple[Matrix, Matrix]


class MiniLM:
    """The encoder: ``encode(texts)`` gives one normalised 384-d row per text."""

    def __init__(self, folder: Path) -> None:
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
        self.heads = int(config["num_attention_heads"])
        weights = load_file(str(folder / "model.safetensors"))
        self.words = weights["embeddings.word_embeddings.weight"]
        self.positions = weights["embeddings.position_embeddings.weight"]
        self.token_type = weights["embeddings.token_type_embeddings.weight"][0]
        self.embedding_norm = _pair(weights, "embeddings.LayerNorm")
        self.layers = tuple(
            _layer(weights, f"encoder.layer.{n}") for n in range(int(config["num_hidden_layers"]))
        )
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(max_length=MAX_TOKENS)

    def encode(self, texts: Sequence[str], batch_size: int = 64) -> Matrix:
        """Normalised embeddings of ``texts`` (rows in input order)."""
        ids: list[npt.NDArray[np.int64]] = []
        # The tokenizer's encodings carry offsets, tokens and masks besides the ids (about
        # 6 KB a sentence): made for every text at once they would grow with the corpus, so
        # they are made a slice at a time and only the ids are kept.
        for start in range(0, len(texts), TOKENIZE_CHUNK):
            chunk = [text.strip() for text in texts[start : start + TOKENIZE_CHUNK]]
            encodings = self.tokenizer.encode_batch(chunk)
            ids.extend(np.asarray(e.ids, dtype=np.int64) for e in encodings)
        # Texts of similar length share a batch: attention takes the texts of one length
        # together, and long texts go in smaller batches (see _batches).
        order = sorted(range(len(ids)), key=lambda i: -len(ids[i]))
        result = np.zeros((len(ids), self.words.shape[1]), dtype=np.float32)
        from .embed import one_blas_thread

        # One BLAS thread whoever calls: threads share a product's rows out among them,
        # and a row's result depends on how (see _Layout).
        with one_blas_thread():
            for chosen in _batches(order, [len(row) for row in ids], batch_size):
                result[chosen] = self._encode_batch([ids[i] for i in chosen])
        return result

    def _encode_batch(self, batch: list[npt.NDArray[np.int64]]) -> Matrix:
        # Every step but attention works token by token, on the rows of one matrix laid
        # out by _Layout; attention takes each text's own rows.
        layout = _Layout(batch)
        token_ids = np.concatenate(batch)
        positions = np.concatenate([np.arange(len(ids)) for ids in batch])
        hidden = np.zeros((layout.rows, self.words.shape[1]), dtype=np.float32)
        hidden[layout.place] = self.words[token_ids] + self.positions[positions] + self.token_type
        hidden = _layer_norm(hidden, self.embedding_norm)
        for layer in self.layers:
            hidden = self._layer(hidden, layer, layout)
        lengths = layout.lengths
        starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
        pooled = np.add.reduceat(hidden[layout.place], starts, axis=0) / np.maximum(
            lengths[:, None].astype(np.float32), _POOL_EPS
        )
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        result: Matrix = (pooled / np.maximum(norms, _NORM_EPS)).astype(np.float32)
        return result

    def _layer(self, hidden: Matrix, layer: _Layer, layout: _Layout) -> Matrix:
        width = hidden.shape[1]
        size = width // self.heads
        query = _linear(hidden, layer.query)
        key = _linear(hidden, layer.key)
        value = _linear(hidden, layer.value)
        scale = np.float32(1.0 / math.sqrt(size))
        context = np.zeros_like(hidden)  # the layout's spare rows stay zeros
        for rows in layout.equal_lengths:
            texts, length = rows.shape
            shape = (texts, length, self.heads, size)

            def heads(of: Matrix, *order: int, rows: npt.NDArray[np.int64] = rows,
                      shape: tuple[int, int, int, int] = shape) -> Matrix:
                # Contiguous copies: numpy hands stacked products to BLAS only for those.
                return np.ascontiguousarray(of[rows].reshape(shape).transpose(*order))

            attended = _attention(heads(query, 0, 2, 1, 3), heads(key, 0, 2, 3, 1),
                                  heads(value, 0, 2, 1, 3), None, scale)
            context[rows.ravel()] = attended.transpose(0, 2, 1, 3).reshape(-1, width)
        hidden = _layer_norm(_linear(context, layer.attention_out) + hidden, layer.attention_norm)
        inner = _gelu(_linear(hidden, layer.intermediate))
        return _layer_norm(_linear(inner, layer.output) + hidden, layer.output_norm)


def _attention(query: Matrix, key: Matrix, value: Matrix, bias: Matrix | None,
               scale: np.float32) -> Matrix:
    """softmax(query x key * scale + bias) x value, per text and head, a few texts at a time
    (no bias: texts of one length, nothing to mask).

    The scores of a whole batch (texts x heads x longest^2 floats) reach 50 MB for sixteen
    texts of 256 word pieces, and the softmax passes over them six times; taken a few texts
    at a time they stay in cache. Each text's products and its rows' sums and maxima are
    the same computations as over the whole batch (numpy multiplies stacked matrices one
    pair at a time and reduces each row on its own), so the result is the same to the bit."""
    texts, heads, longest = query.shape[0], query.shape[1], query.shape[2]
    step = max(1, _ATTENTION_BLOCK_CELLS // max(1, heads * longest * longest))
    attended = np.empty_like(query)
    for start in range(0, texts, step):
        end = start + step
        scores = query[start:end] @ key[start:end]
        scores *= scale
        if bias is not None:
            scores += bias[start:end]
        scores -= scores.max(axis=-1, keepdims=True)
        weights = np.exp(scores, out=scores)
        weights /= weights.sum(axis=-1, keepdims=True)
        attended[start:end] = weights @ value[start:end]
    return attended


#: Attention scores computed at once in :func:`_attention` (1 MB of floats).
_ATTENTION_BLOCK_CELLS = 262_144


def _batches(order: list[int], lengths: list[int], batch_size: int) -> Iterator[list[int]]:
    """``order`` (longest text first) cut into batches of at most ``batch_size`` texts and
    :data:`BATCH_TOKENS` grid cells: attention scores take texts x heads x longest^2 floats,
    200 MB for 64 texts of 256 word pieces, so long texts go in smaller batches."""
    batch: list[int] = []
    for index in order:
        longest = lengths[batch[0]] if batch else lengths[index]
        if batch and (len(batch) >= batch_size or (len(batch) + 1) * longest > BATCH_TOKENS):
            yield batch
            batch = []
        batch.append(index)
    if batch:
        yield batch


#: Rows of one panel of the BLAS kernel's matrix product, and of each of its two halves:
#: OpenBLAS's single-precision kernel for the x86 cores it calls Haswell and Zen (AVX2),
#: found by experiment. Another kernel (AVX-512's, another BLAS) may cut rows otherwise;
#: there vectors can differ in their last bits by batch, as they did before this layout.
PANEL_ROWS = 12
#: The BLAS kernels (threadpoolctl's ``architecture`` of OpenBLAS) the layout was made for.
PANEL_KERNELS = frozenset({"Haswell", "Zen"})
_HALF_ROWS = PANEL_ROWS // 2


class _Layout:
    """Where each token of a batch sits in the rows the linear layers multiply.

    OpenBLAS's single-precision kernel (the one numpy ships, on this x86 family) computes a
    product's rows in panels of twelve, and a row's result differs in its last bits with
    the half of its panel it lands in (rows 0-5 or 6-11), or when it falls in the short
    panels of a row count that is not a multiple of twelve; nothing else about its place
    or its neighbours matters. So the tokens of a text take the halves by a rule of their
    own (the first, third, fifth... token the first half; the second, fourth... the
    second; an odd text's last token the half its ids' parity says, so that the halves
    fill evenly), and the row count is a whole number of panels: the same text gets the
    same vector alone or in any batch, and only the few rows that even out the halves and
    the last panel are spare. ``place[k]``: the row of the ``k``-th token (texts one after
    another); ``equal_lengths``: the rows of the texts of each length, one text per row
    of the array, for attention."""

    def __init__(self, batch: Sequence[npt.NDArray[np.int64]]) -> None:
        self.lengths = np.asarray([len(ids) for ids in batch], dtype=np.int64)
        # Odd-length texts give their extra token to the half their ids' parity says.
        flips = [int(ids.sum()) % 2 if len(ids) % 2 else 0 for ids in batch]
        half = np.concatenate([(np.arange(len(ids)) + flip) % 2
                               for ids, flip in zip(batch, flips, strict=True)])
        # The k-th token of a half goes to panel k // 6, at row k % 6 of that half.
        rank = np.empty_like(half)
        for side in (0, 1):
            chosen = half == side
            rank[chosen] = np.arange(int(chosen.sum()))
        self.place = (rank // _HALF_ROWS) * PANEL_ROWS + half * _HALF_ROWS + rank % _HALF_ROWS
        panels = max(1, -(-max(int((half == 0).sum()), int((half == 1).sum())) // _HALF_ROWS))
        self.rows = panels * PANEL_ROWS
        starts = np.concatenate([[0], np.cumsum(self.lengths)[:-1]])
        by_length: dict[int, list[int]] = {}
        for text, length in enumerate(self.lengths.tolist()):
            by_length.setdefault(length, []).append(text)
        self.equal_lengths = [
            self.place[starts[texts][:, None] + np.arange(length)[None, :]]
            for length, texts in by_length.items()
        ]


def _pair(weights: dict[str, Any], name: str) -> tuple[Matrix, Matrix]:
    """(weight, bias) of one linear or layer-norm module; a linear weight comes as a
    transposed view so that ``x @ w`` applies it (BLAS reads it transposed, no copy)."""
    weight = weights[f"{name}.weight"]
    return (weight.T if weight.ndim == 2 else weight), weights[f"{name}.bias"]


def _layer(weights: dict[str, Any], prefix: str) -> _Layer:
    return _Layer(
        query=_pair(weights, f"{prefix}.attention.self.query"),
        key=_pair(weights, f"{prefix}.attention.self.key"),
        value=_pair(weights, f"{prefix}.attention.self.value"),
        attention_out=_pair(weights, f"{prefix}.attention.output.dense"),
        attention_norm=_pair(weights, f"{prefix}.attention.output.LayerNorm"),
        intermediate=_pair(weights, f"{prefix}.intermediate.dense"),
        output=_pair(weights, f"{prefix}.output.dense"),
        output_norm=_pair(weights, f"{prefix}.output.LayerNorm"),
    )


def _linear(x: Matrix, pair: tuple[Matrix, Matrix]) -> Matrix:
    """``x @ weight + bias`` as one matrix product over all tokens of the batch (a stacked
    product would call BLAS once per text)."""
    weight, bias = pair
    flat = x.reshape(-1, x.shape[-1]) @ weight
    flat += bias
    result: Matrix = flat.reshape(*x.shape[:-1], weight.shape[1])
    return result


def _layer_norm(x: Matrix, pair: tuple[Matrix, Matrix]) -> Matrix:
    weight, bias = pair
    mean = x.mean(axis=-1, keepdims=True)
    centred = x - mean
    variance = (centred * centred).mean(axis=-1, keepdims=True)
    result: Matrix = centred / np.sqrt(variance + np.float32(_LAYER_NORM_EPS)) * weight + bias
    return result


def _gelu(x: Matrix) -> Matrix:
    """BERT's exact GELU, x * Phi(x), with erf from Abramowitz and Stegun 7.1.26 (absolute
    error under 1.5e-7, below float32's resolution at the scale of the activations).

    About fifteen element-wise passes, so the activations (tokens x 1,536 floats, several MB
    for a batch) are taken a block of rows at a time: a block and its scratch arrays stay in
    the core's cache between passes instead of streaming the whole matrix each time. Each
    element goes through the same float32 operations in the same order either way, so the
    result is the same to the bit."""
    result = np.empty_like(x)
    rows = max(1, _GELU_BLOCK_CELLS // max(1, x.shape[-1]))
    scratch = _Scratch(min(rows, len(x)), x.shape[-1])
    for start in range(0, len(x), rows):
        block, out = x[start : start + rows], result[start : start + rows]
        np.multiply(block, np.float32(1.0 / math.sqrt(2.0)), out=out)
        _erf_in_place(out, scratch.sized(len(out)))
        out += 1.0
        out *= block
        out *= np.float32(0.5)
    return result


#: Floats of activations per block in :func:`_gelu`: with its three scratch arrays about
#: 0.5 MB, what one core's cache holds.
_GELU_BLOCK_CELLS = 32_768

_ERF_P = 0.3275911
_ERF_A = (0.254829592, -0.284496736, 1.421413741, -1.453152027, 1.061405429)


class _Scratch:
    """Three work arrays of one block's shape, reused from block to block."""

    def __init__(self, rows: int, width: int) -> None:
        self.arrays = tuple(np.empty((rows, width), dtype=np.float32) for _ in range(3))

    def sized(self, rows: int) -> tuple[Matrix, Matrix, Matrix]:
        magnitude, t, poly = (array[:rows] for array in self.arrays)
        return magnitude, t, poly


def _erf_in_place(x: Matrix, scratch: tuple[Matrix, Matrix, Matrix]) -> None:
    """``x`` becomes erf(x), computed as the polynomial approximation above."""
    magnitude, t, poly = scratch
    np.abs(x, out=magnitude)
    np.multiply(magnitude, np.float32(_ERF_P), out=t)
    t += 1.0
    np.reciprocal(t, out=t)
    np.multiply(t, np.float32(_ERF_A[-1]), out=poly)
    for coefficient in reversed(_ERF_A[:-1]):
        poly += np.float32(coefficient)
        poly *= t
    np.square(magnitude, out=magnitude)
    np.negative(magnitude, out=magnitude)
    np.exp(magnitude, out=magnitude)
    poly *= magnitude
    np.subtract(1.0, poly, out=poly)
    np.copysign(poly, x, out=x)
