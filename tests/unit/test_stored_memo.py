from __future__ import annotations

from pathlib import Path

from sitroom.store import Store
from sitroom.stored_memo import StoredMemo, namespace


def test_only_new_answers_are_written_and_namespaces_stay_apart(tmp_path: Path) -> None:
    space = namespace("lookup", "code v1")
    with Store.open(tmp_path) as store:
        memo = StoredMemo(store, space)
        assert memo.values == {}
        memo.values["a"] = "1"
        assert memo.save(store) == 1
        assert memo.save(store) == 0  # nothing new since
    with Store.open(tmp_path) as store:
        again = StoredMemo(store, space)
        assert again.values == {"a": "1"}
        assert StoredMemo(store, namespace("lookup", "code v2")).values == {}


def test_a_read_only_store_without_the_table_remembers_nothing(tmp_path: Path) -> None:
    with Store.open(tmp_path):
        pass
    with Store.open(tmp_path, read_only=True) as store:
        memo = StoredMemo(store, "x")
        memo.values["k"] = "v"
        assert memo.save(store) == 1  # nothing is written, and nothing fails
        assert store.memo_entries("x") == {}


def test_entries_can_be_read_by_key(tmp_path: Path) -> None:
    with Store.open(tmp_path) as store:
        store.add_memo_entries("per-article", [("k1", "v1"), ("k2", "v2"), ("k3", "v3")])
        store.add_memo_entries("other", [("k1", "elsewhere")])
        assert store.memo_entries_of("per-article", ["k3", "k1", "absent"]) == {
            "k1": "v1", "k3": "v3"}
        assert store.memo_entries_of("per-article", []) == {}


def test_entries_not_kept_are_dropped_from_their_namespace_only(tmp_path: Path) -> None:
    with Store.open(tmp_path) as store:
        store.add_memo_entries("per-article", [("k1", "v1"), ("k2", "v2")])
        store.add_memo_entries("other", [("k2", "elsewhere")])
        store.keep_memo_entries("per-article", ["k1"])
        assert store.memo_entries("per-article") == {"k1": "v1"}
        assert store.memo_entries("other") == {"k2": "elsewhere"}


def test_namespaces_of_earlier_code_go_once_a_build_has_used_the_current_one(
    tmp_path: Path,
) -> None:
    old, current = namespace("lookup", "code v1"), namespace("lookup", "code v2")
    with Store.open(tmp_path) as store:
        store.add_memo_entries(old, [("a", "1")])
        store.add_memo_entries(namespace("other", "code v1"), [("b", "2")])
    with Store.open(tmp_path) as store:
        assert store.drop_stale_memos() == 0  # nothing used yet: nothing judged stale
        memo = StoredMemo(store, current)
        memo.values["a"] = "1"
        memo.save(store)
        assert store.drop_stale_memos() == 1
        assert store.memo_entries(old) == {}
        assert store.memo_entries(current) == {"a": "1"}
        # a memo this build did not use is not judged
        assert store.memo_entries(namespace("other", "code v1")) == {"b": "2"}


def test_which_keys_hold_entries_is_told_without_reading_values(tmp_path: Path) -> None:
    with Store.open(tmp_path) as store:
        assert store.memo_keys_of("n", ["a"]) == set()  # no entry yet, nothing fails
        store.add_memo_entries("n", [("a", "1"), ("b", "2")])
        store.add_memo_entries("other", [("c", "3")])
        assert store.memo_keys_of("n", ["a", "c", "z"]) == {"a"}
        assert store.memo_keys_of("n", ["a", "b"]) == set(store.memo_entries_of("n", ["a", "b"]))
        assert store.memo_keys_of("n", []) == set()


def test_a_read_only_store_without_the_table_holds_no_keys(tmp_path: Path) -> None:
    with Store.open(tmp_path):
        pass
    with Store.open(tmp_path, read_only=True) as store:
        assert store.memo_keys_of("x", ["k"]) == set()
