from pathlib import Path

import pytest

from sitroom.annotate.machine_cache import keep, kept_path, load_kept


@pytest.fixture(autouse=True)
def _own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SITROOM_CACHE_DIR", str(tmp_path / "cache"))


def test_a_kept_table_loads_as_it_was_kept() -> None:
    table = {"keys": ["aleppo", "homs"], "rows": b"\x00\x01", "count": 2}
    keep("table-a", table)
    assert kept_path("table-a").is_file()
    assert load_kept("table-a") == table


def test_a_missing_or_damaged_table_is_none() -> None:
    assert load_kept("never-kept") is None
    keep("table-b", ["x"] * 100)
    path = kept_path("table-b")
    path.write_bytes(path.read_bytes()[:7])
    assert load_kept("table-b") is None


def test_an_unwritable_folder_is_no_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("SITROOM_CACHE_DIR", str(blocker / "cache"))
    keep("table-c", [1, 2])
    assert load_kept("table-c") is None
