"""The text-keyed embedding cache, with a stand-in model (the real one is tested elsewhere)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest

import sitroom.analyze.vectors as vectors


class MemoryCache:
    def __init__(self) -> None:
        self.rows: dict[tuple[str, str], bytes] = {}

    def stored_vectors(self, model: str, digests: Sequence[str]) -> dict[str, bytes]:
        return {d: self.rows[(model, d)] for d in digests if (model, d) in self.rows}

    def stored_digests(self, model: str, digests: Sequence[str]) -> set[str]:
        return {d for d in digests if (model, d) in self.rows}

    def store_vectors(self, model: str, rows: Sequence[tuple[str, bytes]]) -> None:
        for digest, blob in rows:
            self.rows.setdefault((model, digest), blob)


@pytest.fixture
def encoded(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Texts given to the stand-in model, which maps a text to (length, 1)."""
    seen: list[str] = []

    def fake(texts: Sequence[str]) -> np.ndarray:
        seen.extend(texts)
        return np.array([[len(t), 1.0] for t in texts], dtype=np.float32)

    monkeypatch.setattr(vectors, "encode", fake)
    return seen


def test_each_distinct_text_is_embedded_once(encoded: list[str]) -> None:
    cache = MemoryCache()
    matrix = vectors.embed_matrix(["ab", "abc", "ab"], cache)
    assert encoded == ["ab", "abc"]
    assert matrix.tolist() == [[2.0, 1.0], [3.0, 1.0], [2.0, 1.0]]
    again = vectors.embed_matrix(["abc", "abcd"], cache)
    assert encoded == ["ab", "abc", "abcd"], "a cached text was embedded again"
    assert again.tolist() == [[3.0, 1.0], [4.0, 1.0]]


def test_without_a_cache_everything_is_embedded(encoded: list[str]) -> None:
    assert vectors.embed_matrix(["x", "y"]).shape == (2, 2)
    assert vectors.embed_matrix([]).shape[0] == 0
    assert encoded == ["x", "y"]


def test_the_key_is_the_exact_text() -> None:
    assert vectors.text_digest("Same text") == vectors.text_digest("Same text")
    assert vectors.text_digest("Same text") != vectors.text_digest("Same text.")


def test_distinct_rows_read_back_a_slice_at_a_time(encoded: list[str],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    cache = MemoryCache()
    vectors.embed_matrix(["a", "bb", "ccc"], cache)
    monkeypatch.setattr(vectors, "_READ_SLICE", 2)
    asked: list[int] = []
    stored = cache.stored_vectors

    def counted(model: str, digests: Sequence[str]) -> dict[str, bytes]:
        asked.append(len(digests))
        return stored(model, digests)

    monkeypatch.setattr(cache, "stored_vectors", counted)
    matrix, rows = vectors.embed_distinct(["ccc", "a", "dddd", "ccc", "bb"], cache)
    assert asked == [2, 1], "the three stored rows were not read (alone) in slices"
    assert encoded == ["a", "bb", "ccc", "dddd"], "a cached text was embedded again"
    assert matrix[rows].tolist() == [[3.0, 1.0], [1.0, 1.0], [4.0, 1.0], [3.0, 1.0],
                                     [2.0, 1.0]]
    assert len(matrix) == 4, "a repeated text got a row of its own"


def test_rows_land_where_asked_and_the_rest_stay_zero(encoded: list[str],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    cache = MemoryCache()
    vectors.embed_matrix(["bb", "a"], cache)  # two read back, two embedded now
    monkeypatch.setattr(vectors, "_READ_SLICE", 1)
    texts = ["ccc", "a", "dddd", "ccc", "bb"]
    targets = np.array([6, 0, 3, 2, 5])
    matrix = vectors.embed_rows(texts, targets, 7, cache)
    assert encoded == ["bb", "a", "ccc", "dddd"], "a text was embedded twice"
    assert matrix.dtype == np.float32
    assert matrix.tolist() == [[1.0, 1.0], [0.0, 0.0], [3.0, 1.0], [4.0, 1.0], [0.0, 0.0],
                               [2.0, 1.0], [3.0, 1.0]]
    distinct, rows = vectors.embed_distinct(texts, cache)
    assert np.array_equal(matrix[targets], distinct[rows]), "not the rows embed_distinct gives"


def test_no_texts_give_zero_rows_of_one_column() -> None:
    assert vectors.embed_rows([], np.zeros(0, dtype=np.int64), 3).tolist() == [[0.0]] * 3


def test_new_vectors_are_kept_a_slice_at_a_time(encoded: list[str],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    cache = MemoryCache()
    monkeypatch.setattr(vectors, "_WRITE_SLICE", 2)
    kept: list[int] = []
    store = cache.store_vectors

    def counted(model: str, rows: Sequence[tuple[str, bytes]]) -> None:
        kept.append(len(rows))
        store(model, rows)

    monkeypatch.setattr(cache, "store_vectors", counted)
    vectors.embed_rows(["a", "bb", "ccc", "a", "dddd", "eeeee"], np.arange(6), 6, cache)
    assert kept == [2, 2, 1], "the new vectors were not kept in slices"
    assert len(cache.rows) == 5, "a distinct text's vector was not kept"
    again = vectors.embed_rows(["eeeee", "a"], np.array([1, 0]), 2, cache)
    assert encoded == ["a", "bb", "ccc", "dddd", "eeeee"], "a kept vector was embedded again"
    assert again.tolist() == [[1.0, 1.0], [5.0, 1.0]]


class ReleasingCache(MemoryCache):
    """A cache that, like the store, keeps memory of its reads and can hand it back."""

    def __init__(self, events: list[str]) -> None:
        super().__init__()
        self.events = events

    def stored_vectors(self, model: str, digests: Sequence[str]) -> dict[str, bytes]:
        self.events.append("read stored rows")
        return super().stored_vectors(model, digests)

    def release_memory(self) -> None:
        self.events.append("cache hands memory back")


def test_with_release_the_encoder_runs_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    events: list[str] = []

    def fake(texts: Sequence[str]) -> np.ndarray:
        events.append(f"encode {list(texts)}")
        return np.array([[len(t), 1.0] for t in texts], dtype=np.float32)

    def released() -> bool:
        events.append("encoder released")
        return True

    monkeypatch.setattr(vectors, "encode", fake)
    monkeypatch.setattr(vectors, "release_model", released)
    cache = ReleasingCache(events)
    cache.store_vectors(vectors.MODEL_VERSION, [
        (vectors.text_digest("bb"), np.array([2.0, 1.0], dtype=np.float32).tobytes())])
    matrix = vectors.embed_rows(["a", "bb", "ccc"], np.array([2, 0, 1]), 4, cache,
                                release=True)
    # The store hands back what it keeps before the encoder loads; no stored row is read
    # (into the matrix, which grows with the corpus) until the encoder is gone.
    assert events == ["cache hands memory back", "encode ['a', 'ccc']", "encoder released",
                      "read stored rows"]
    assert matrix.tolist() == [[2.0, 1.0], [3.0, 1.0], [1.0, 1.0], [0.0, 0.0]]


def test_nothing_missing_never_loads_or_releases_the_encoder(
        monkeypatch: pytest.MonkeyPatch) -> None:
    events: list[str] = []
    monkeypatch.setattr(vectors, "encode", lambda texts: pytest.fail("encoded a stored text"))
    cache = ReleasingCache(events)
    cache.store_vectors(vectors.MODEL_VERSION, [
        (vectors.text_digest("bb"), np.array([2.0, 1.0], dtype=np.float32).tobytes())])
    matrix = vectors.embed_rows(["bb"], np.array([1]), 2, cache, release=True)
    assert events == ["read stored rows"]
    assert matrix.tolist() == [[0.0, 0.0], [2.0, 1.0]]
