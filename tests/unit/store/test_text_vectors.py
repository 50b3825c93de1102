from __future__ import annotations

from pathlib import Path

import numpy as np

from sitroom.store import Store


def test_vectors_round_trip_by_digest_and_model(tmp_path: Path) -> None:
    first = np.array([0.5, -0.25], dtype=np.float32).tobytes()
    with Store.open(tmp_path) as store:
        assert store.stored_vectors("m1", ["d1"]) == {}
        store.store_vectors("m1", [("d1", first), ("d2", b"\x00" * 8)])
        store.store_vectors("m1", [("d1", b"\x01" * 8)])  # the first vector stays
        assert store.stored_vectors("m1", ["d1", "d3"]) == {"d1": first}
        assert store.stored_vectors("m2", ["d1"]) == {}
    with Store.open(tmp_path, read_only=True) as store:
        assert set(store.stored_vectors("m1", ["d1", "d2", "d3"])) == {"d1", "d2"}


def test_a_read_only_store_from_before_the_table_has_no_vectors(tmp_path: Path) -> None:
    with Store.open(tmp_path):
        pass
    with Store.open(tmp_path, read_only=True) as store:
        assert store.stored_vectors("m1", ["d1"]) == {}


def test_stored_digests_name_the_vectors_held_for_that_model(tmp_path: Path) -> None:
    with Store.open(tmp_path) as store:
        assert store.stored_digests("m1", ["d1"]) == set()
        store.store_vectors("m1", [("d1", b"\x00" * 8), ("d2", b"\x00" * 8)])
        assert store.stored_digests("m1", ["d1", "d3"]) == {"d1"}
        assert store.stored_digests("m2", ["d1", "d2"]) == set()
        assert store.stored_digests("m1", []) == set()
    with Store.open(tmp_path, read_only=True) as store:
        assert store.stored_digests("m1", ["d1", "d2", "d3"]) == {"d1", "d2"}
