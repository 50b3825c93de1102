"""ClaimVectors reads a story's stored vectors ahead in one query and gives the rows a
lookup on first access gives; what the store lacks is embedded on first access, each text on
its own, and kept in the store in one write per run of stories."""

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
        self.writes = 0

    def stored_vectors(self, model: str, digests: Sequence[str]) -> dict[str, bytes]:
        assert model == MODEL_VERSION
        self.queries += 1
        return {d: self.rows[d] for d in digests if d in self.rows}

    def stored_digests(self, model: str, digests: Sequence[str]) -> set[str]:
        assert model == MODEL_VERSION
        return {d for d in digests if d in self.rows}

    def store_vectors(self, model: str, rows: Sequence[tuple[str, bytes]]) -> None:
        assert model == MODEL_VERSION
        self.writes += 1
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
    assert cache.queries == 1, "the claim the store lacked is not looked up again"
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


def test_what_is_embedded_is_kept_in_one_write_per_run_of_stories(encoded: list[str]) -> None:
    cache = CountingCache()
    _store(cache, "Stored.", [0.1, 0.2])
    texts = {"a": "New one.", "b": "New two!", "c": "New one.", "d": "Stored."}
    claim_vectors = ClaimVectors(texts, {}, cache)
    claim_vectors.read_ahead(list(texts))
    got = {claim: claim_vectors[claim] for claim in texts}
    assert encoded == ["New one.", "New two!"], "each distinct missing text embedded once"
    assert cache.writes == 0, "nothing written claim by claim"
    claim_vectors.read_ahead([])  # the next run of stories: what was embedded is kept first
    assert cache.writes == 1
    assert cache.queries == 1
    assert {vectors.text_digest(t) for t in texts.values()} == set(cache.rows)
    later = ClaimVectors(texts, {}, cache)  # a later build reads them back, embeds nothing
    assert {claim: later[claim] for claim in texts} == got
    assert encoded == ["New one.", "New two!"]


def test_a_claim_embedded_without_read_ahead_is_kept_by_flush(encoded: list[str]) -> None:
    cache = CountingCache()
    claim_vectors = ClaimVectors({"a": "Alone."}, {}, cache)
    row = claim_vectors["a"]
    assert cache.queries == 1  # not read ahead: the store is asked before embedding
    claim_vectors.flush()
    claim_vectors.flush()  # nothing new: no second write
    assert cache.writes == 1
    assert np.frombuffer(cache.rows[vectors.text_digest("Alone.")],
                         dtype=np.float32).tolist() == list(row)


def test_missing_claims_get_the_vector_of_their_text_embedded_alone(minilm: object) -> None:
    """The vector a text gets does not depend on which other claims were missing with it:
    the store keeps it by text, for every later build to read."""
    texts = {"a": "Ankara approved a limited operation in the north.",
             "b": "The death toll in the district rose to 63, officials said on Friday.",
             "c": "Turkey tried to block the offensive."}
    claim_vectors = ClaimVectors(texts, {}, CountingCache())
    claim_vectors.read_ahead(list(texts))
    for claim, text in texts.items():
        alone = vectors.encode([text])[0]
        assert np.asarray(claim_vectors[claim], dtype=np.float32).tobytes() == alone.tobytes()


def test_fetch_makes_many_vectors_with_one_query_and_one_encoding(encoded: list[str]) -> None:
    cache = CountingCache()
    _store(cache, "Stored.", [0.1, 0.2])
    texts = {"a": "New one.", "b": "New two!", "c": "New one.", "d": "Stored.", "e": "Later."}
    fetched = ClaimVectors(texts, {}, cache)
    fetched.fetch(["a", "b", "c", "d"])
    assert cache.queries == 1 and encoded == ["New one.", "New two!"]
    assert all(fetched.at_hand(claim) for claim in "abcd") and not fetched.at_hand("e")
    got = {claim: fetched[claim] for claim in "abcd"}
    assert cache.queries == 1 and len(encoded) == 2, "what was fetched is at hand"
    other = CountingCache()
    _store(other, "Stored.", [0.1, 0.2])
    lazy = ClaimVectors(texts, {}, other)  # one claim at a time, on first access
    assert got == {claim: lazy[claim] for claim in "abcd"}
    fetched.flush()
    assert cache.writes == 1 and len(cache.rows) == 3
