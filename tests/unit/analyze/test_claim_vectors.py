"""ClaimVectors reads a story's stored vectors ahead in one query and gives the rows a
lookup on first access gives; what the store lacks is embedded on first access."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest

import sitroom.analyze.vectors as vectors
from sitroom.analyze.claims import ClaimVectors
from sitroom.analyze.embed import MODEL_VERSION


class CountingCache:
    def __init__(self) -> None:
        self.rows: dict[str, bytes] = {}
        self.queries = 0

    def stored_vectors(self, model: str, digests: Sequence[str]) -> dict[str, bytes]:
        assert model == MODEL_VERSION
        self.queries += 1
        return {d: self.rows[d] for d in digests if d in self.rows}

    def store_vectors(self, model: str, rows: Sequence[tuple[str, bytes]]) -> None:
        for digest, blob in rows:
            self.rows.setdefault(digest, blob)


@pytest.fixture
def encoded(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []

    def fake(texts: Sequence[str]) -> np.ndarray:
        seen.extend(texts)
        return np.array([[len(t), 0.5] for t in texts], dtype=np.float32)

    monkeypatch.setattr(vectors, "encode", fake)
    return seen


def _store(cache: CountingCache, text: str, row: list[float]) -> None:
    cache.rows[vectors.text_digest(text)] = np.array(row, dtype=np.float32).tobytes()


def test_read_ahead_gives_the_stored_rows_in_one_query(encoded: list[str]) -> None:
    cache = CountingCache()
    texts = {"c1": "Troops advanced.", "c2": "The dam broke.", "c3": "Same text",
             "c4": "Same text", "c5": "Never stored."}
    for text, row in (("Troops advanced.", [0.1, 0.2]), ("The dam broke.", [0.3, 0.4]),
                      ("Same text", [0.5, 0.6])):
        _store(cache, text, row)
    ahead = ClaimVectors(texts, {"c2": np.array([9.0, 9.0], dtype=np.float32)}, cache)
    plain = ClaimVectors(texts, {"c2": np.array([9.0, 9.0], dtype=np.float32)}, cache)
    ahead.read_ahead(["c1", "c2", "c3", "c4", "c5"])
    assert cache.queries == 1
    got = {claim: ahead[claim] for claim in texts}
    assert cache.queries == 2, "only the claim the store lacks was looked up again"
    assert encoded == ["Never stored."]
    assert got == {claim: plain[claim] for claim in texts}
    assert got["c2"] == (9.0, 9.0)  # a row at hand is never read from the store
    assert got["c1"] == tuple(float(x) for x in np.array([0.1, 0.2], dtype=np.float32))


def test_rows_read_ahead_and_not_asked_for_are_dropped_by_the_next_story() -> None:
    cache = CountingCache()
    _store(cache, "a", [1.0, 0.0])
    _store(cache, "b", [0.0, 1.0])
    claim_vectors = ClaimVectors({"x": "a", "y": "b"}, {}, cache)
    claim_vectors.read_ahead(["x", "y"])
    assert claim_vectors["x"] == (1.0, 0.0)
    claim_vectors.read_ahead([])
    assert claim_vectors["y"] == (0.0, 1.0)  # looked up again, on first access
    assert cache.queries == 2
