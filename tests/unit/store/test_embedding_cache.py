from __future__ import annotations

from pathlib import Path

from sitroom.analyze.embed import embed_spans
from sitroom.store import Store


def test_embeddings_round_trip_per_span_and_model(tmp_path: Path) -> None:
    with Store.open(tmp_path) as store:
        assert store.cached_embeddings("m1", [("a1", 0, 5)]) == {}
        store.add_embeddings("m1", [(("a1", 0, 5), (0.5, 0.25)), (("a1", 6, 9), (1.0, 0.0))])
        store.add_embeddings("m1", [(("a1", 0, 5), (9.0, 9.0))])  # first one kept
        assert store.cached_embeddings("m1", [("a1", 0, 5)]) == {("a1", 0, 5): (0.5, 0.25)}
        assert store.cached_embeddings("m2", [("a1", 0, 5)]) == {}
    with Store.open(tmp_path, read_only=True) as store:
        found = store.cached_embeddings("m1", [("a1", 0, 5), ("a1", 6, 9), ("b", 0, 1)])
        assert set(found) == {("a1", 0, 5), ("a1", 6, 9)}


def test_a_cached_span_is_not_embedded_again(tmp_path: Path) -> None:
    class Recorder:
        def __init__(self) -> None:
            self.stored: dict[tuple[str, int, int], tuple[float, ...]] = {}

        def cached_embeddings(self, model: str, keys: object) -> dict[
                tuple[str, int, int], tuple[float, ...]]:
            return dict(self.stored)

        def add_embeddings(self, model: str, rows: object) -> None:
            raise AssertionError("nothing new should be embedded")

    cache = Recorder()
    cache.stored[("a1", 0, 4)] = (1.0,)
    assert embed_spans([(("a1", 0, 4), "text")], cache) == {("a1", 0, 4): (1.0,)}
