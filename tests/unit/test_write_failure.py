"""Which failed writes become a WriteFailed naming the output folder, and which stay as they
are (so a real bug is still reported as one)."""

from __future__ import annotations

import errno
from pathlib import Path

import duckdb
import pytest

from sitroom.errors import WriteFailed
from sitroom.write_failure import write_failures_named


def test_a_full_disk_anywhere_names_the_output_folder(tmp_path: Path) -> None:
    with pytest.raises(WriteFailed) as caught, write_failures_named(tmp_path):
        raise OSError(errno.ENOSPC, "No space left on device")
    assert str(tmp_path) in str(caught.value)
    assert caught.value.exit_code == 2


def test_a_refused_write_in_the_output_folder_is_a_write_failure(tmp_path: Path) -> None:
    with pytest.raises(WriteFailed), write_failures_named(tmp_path):
        raise PermissionError(errno.EACCES, "Permission denied", str(tmp_path / "report.json"))


def test_a_refused_read_of_an_input_elsewhere_is_left_alone(tmp_path: Path) -> None:
    with pytest.raises(PermissionError), write_failures_named(tmp_path / "out"):
        raise PermissionError(errno.EACCES, "Permission denied", "/srv/inputs/a.txt")


def test_other_os_errors_are_left_alone(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError), write_failures_named(tmp_path):
        raise FileNotFoundError(errno.ENOENT, "No such file or directory", "gone.txt")


def test_duckdb_out_of_room_is_a_write_failure_but_not_other_duckdb_errors(
    tmp_path: Path,
) -> None:
    with pytest.raises(WriteFailed), write_failures_named(tmp_path):
        raise duckdb.IOException("IO Error: Could not write file: No space left on device")
    with pytest.raises(duckdb.CatalogException), write_failures_named(tmp_path):
        raise duckdb.CatalogException("Catalog Error: Table with name nope does not exist")
