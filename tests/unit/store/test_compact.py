from __future__ import annotations

import random
from pathlib import Path

import duckdb
import pytest

from sitroom.errors import StoreError, StoreLocked
from sitroom.store import Store
from sitroom.store.compact import COMPACTING_NAME, compact
from sitroom.store.store import DB_NAME


def _noise(size: int, seed: int) -> str:
    """Text that does not compress, as stored memos (digests, packed ints) mostly do not."""
    return random.Random(seed).randbytes(size).hex()


def _store_with_freed_space(folder: Path) -> None:
    """Memos of an older code written first, then the current ones after them, then the
    old ones dropped: the freed blocks sit inside the file, not at its end."""
    with Store.open(folder) as store:
        store.add_memo_entries("older", [(f"r{i}", _noise(8_000, i)) for i in range(1500)])
        store.add_memo_entries("kept", [(f"k{i}", _noise(2_000, -i)) for i in range(50)])
        store.keep_memo_entries("older", [])  # as a build drops an older code's memos


def _rows(folder: Path) -> dict[str, list[tuple[object, ...]]]:
    con = duckdb.connect(str(folder / DB_NAME), read_only=True)
    try:
        tables = [r[0] for r in con.execute(
            "SELECT table_name FROM duckdb_tables() ORDER BY table_name").fetchall()]
        return {t: con.execute(f'SELECT * FROM "{t}"').fetchall() for t in tables}
    finally:
        con.close()


def test_compacting_gives_back_freed_space_and_keeps_every_row(tmp_path: Path) -> None:
    _store_with_freed_space(tmp_path)
    before_rows = _rows(tmp_path)
    result = compact(tmp_path)
    assert result.bytes_after < result.bytes_before
    assert result.bytes_freed == result.bytes_before - result.bytes_after
    assert (tmp_path / DB_NAME).stat().st_size == result.bytes_after
    assert _rows(tmp_path) == before_rows
    assert not (tmp_path / COMPACTING_NAME).exists()


def test_the_compacted_store_keeps_its_keys_and_takes_writes(tmp_path: Path) -> None:
    _store_with_freed_space(tmp_path)
    compact(tmp_path)
    with Store.open(tmp_path) as store:
        # the primary key still holds: a second write of a key changes nothing
        store.add_memo_entries("kept", [("k2", "other"), ("new", "n")])
        assert store.memo_entries_of("kept", ["k2", "new"]) == {
            "k2": _noise(2_000, -2), "new": "n"}
        assert store.free_bytes() >= 0


def test_the_store_reports_the_space_a_dropped_memo_left(tmp_path: Path) -> None:
    with Store.open(tmp_path) as store:
        assert store.free_bytes() < 2**20
        store.add_memo_entries("older", [(f"r{i}", _noise(8_000, i)) for i in range(1500)])
    with Store.open(tmp_path) as store:
        store.keep_memo_entries("older", [])
    with Store.open(tmp_path) as store:  # freed at the checkpoint when the build closed it
        assert store.free_bytes() > 10 * 2**20
    assert compact(tmp_path).bytes_freed > 10 * 2**20


def test_a_killed_runs_leftover_copy_is_replaced_not_used(tmp_path: Path) -> None:
    _store_with_freed_space(tmp_path)
    before_rows = _rows(tmp_path)
    (tmp_path / COMPACTING_NAME).write_bytes(b"half a file from a run that was killed")
    compact(tmp_path)
    assert _rows(tmp_path) == before_rows
    assert not (tmp_path / COMPACTING_NAME).exists()


def test_a_failed_copy_leaves_the_store_as_it_was(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    _store_with_freed_space(tmp_path)
    before = (tmp_path / DB_NAME).read_bytes()

    def disk_full(self: Store, target: Path) -> None:
        target.write_bytes(b"partial")
        raise duckdb.IOException("could not write: No space left on device")

    monkeypatch.setattr(Store, "copy_into", disk_full)
    with pytest.raises(StoreError) as raised:
        compact(tmp_path)
    assert str(tmp_path) in str(raised.value)
    assert "No space left" in str(raised.value)
    assert "free" in raised.value.fix
    assert (tmp_path / DB_NAME).read_bytes() == before
    assert not (tmp_path / COMPACTING_NAME).exists()


def test_a_folder_without_a_store_is_named_with_the_fix(tmp_path: Path) -> None:
    with pytest.raises(StoreError) as raised:
        compact(tmp_path / "nowhere")
    assert "nowhere" in str(raised.value) and "sitroom build" in raised.value.fix
    assert not (tmp_path / "nowhere").exists()  # nothing is created on the way


def test_a_store_a_build_is_writing_is_not_compacted(tmp_path: Path) -> None:
    _store_with_freed_space(tmp_path)
    with Store.open(tmp_path), pytest.raises(StoreLocked):
        compact(tmp_path)
