"""Compacting a built store, as a user would after upgrading sitroom."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from sitroom import Options, build
from sitroom.store import Store
from sitroom.stored_memo import namespace
from tests.integration.conftest import build_json, run_cli


def test_a_build_drops_the_writers_index_of_older_code(seeds_out: Path, seeds_dir: Path,
                                                        tmp_path: Path) -> None:
    out = tmp_path / "report"
    shutil.copytree(seeds_out, out)
    older = namespace("report_lines", "an older sitroom")
    with Store.open(out) as store:
        store.add_memo_entries(older, [("index", "what an older writer kept")])
    build([seeds_dir], out, Options(quiet=True, validate=True))  # the report is written again
    with Store.open(out, read_only=True) as store:
        assert store.memo_entries(older) == {}
        current = [name for name in _namespaces(out) if name.startswith("report_lines:")]
        assert len(current) == 1  # the index this build wrote, and only it


def test_compact_keeps_the_store_whole_and_the_next_build_has_nothing_to_do(
    seeds_out: Path, seeds_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "report"
    shutil.copytree(seeds_out, out)
    report = (out / "report.json").read_bytes()
    result = run_cli("compact", str(out), "--json")
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    assert figures["bytes_after"] <= figures["bytes_before"]
    assert figures["bytes_after"] == (out / "sitroom.duckdb").stat().st_size

    again = build_json(str(seeds_dir), "--out", str(out))
    assert again["articles_added"] == 0 and again["annotated"] == 0
    assert (out / "report.json").read_bytes() == report
    # and the memos survived: a forced rewrite from the compacted store gives the same bytes
    build([seeds_dir], out, Options(quiet=True, validate=True))
    assert (out / "report.json").read_bytes() == report


def test_a_build_says_when_the_store_is_mostly_free_space(
    seeds_out: Path, seeds_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "report"
    shutil.copytree(seeds_out, out)
    quiet = build_json(str(seeds_dir), "--out", str(out))
    assert 0 <= quiet["store_free_bytes"] < 64 * 2**20
    assert "compact" not in run_cli("build", str(seeds_dir), "--out", str(out)).output
    # a store that upgrades left mostly empty (test_compact shows DuckDB reporting it)
    size = (out / "sitroom.duckdb").stat().st_size
    monkeypatch.setattr(Store, "free_bytes", lambda self: max(size, 100 * 2**20))
    said = run_cli("build", str(seeds_dir), "--out", str(out))
    assert said.exit_code == 0, said.output
    assert f"sitroom compact {out}" in said.output
    assert build_json(str(seeds_dir), "--out", str(out))["store_free_bytes"] >= 100 * 2**20


def test_compact_names_a_folder_without_a_store(tmp_path: Path) -> None:
    result = run_cli("compact", str(tmp_path / "empty"))
    assert result.exit_code != 0
    assert "holds no sitroom store" in result.output and "fix:" in result.output


def _namespaces(out: Path) -> list[str]:
    import duckdb

    con = duckdb.connect(str(out / "sitroom.duckdb"), read_only=True)
    try:
        return [str(r[0]) for r in con.execute("SELECT DISTINCT namespace FROM memo").fetchall()]
    finally:
        con.close()
