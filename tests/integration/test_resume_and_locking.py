"""A build killed with SIGKILL resumes to the same report; two builds never share a store."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from tests.conftest import ROOT

from .conftest import fakes_sample, run_cli

pytestmark = pytest.mark.slow


def _command(inputs: Path, out: Path) -> list[str]:
    return [sys.executable, "-m", "sitroom", "build", str(inputs), "--out", str(out), "--quiet"]


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT / "src")}


def _table_counts(out: Path) -> dict[str, int]:
    con = duckdb.connect(str(out / "sitroom.duckdb"), read_only=True)
    try:
        tables = ("files", "raw_documents", "articles", "provenance", "rejected", "annotations")
        counts = {}
        for table in tables:
            row = con.execute(f"SELECT count(*) FROM {table}").fetchone()
            counts[table] = int(row[0]) if row else 0
        return counts
    finally:
        con.close()


#: FA-KES articles in the kill-and-resume test: enough for a build long enough to be killed
#: at two points, small enough for three builds within the suite's time.
KILL_SAMPLE = 80


# Each table and the columns that name one row: a resumed build must not store anything twice,
# under its key or under another (the same article text under two ids, say).
_KEYS = {
    "raw_documents": "locator",
    "articles": "id",
    "annotations": "article_id, pipeline_version",
    "provenance": "article_id, locator",
}


def duplicate_rows(out: Path) -> dict[str, int]:
    """Rows that repeat a key, and articles that repeat another's text, per table."""
    con = duckdb.connect(str(out / "sitroom.duckdb"), read_only=True)
    try:
        found = {}
        for table, key in _KEYS.items():
            row = con.execute(
                f"SELECT count(*) - (SELECT count(*) FROM (SELECT DISTINCT {key} FROM {table})) "
                f"FROM {table}"
            ).fetchone()
            found[table] = int(row[0]) if row else 0
        row = con.execute(
            "SELECT count(*) - count(DISTINCT text) FROM articles"
        ).fetchone()
        found["articles (same text)"] = int(row[0]) if row else 0
        return found
    finally:
        con.close()


def test_sigkill_at_a_random_point_of_a_demo_build_converges(tmp_path: Path) -> None:
    # One seeded trial (bench/crash_trials.py runs ten): kill a build of the bundled demo at a
    # random moment within an uninterrupted build's duration, run it again, and expect the
    # uninterrupted build's report, byte for byte, with nothing stored twice.
    demo = ROOT / "src" / "sitroom" / "data" / "demo"
    whole = tmp_path / "whole"
    started = time.perf_counter()
    subprocess.run(_command(demo, whole), env=_env(), check=True, timeout=900)
    full_seconds = time.perf_counter() - started

    killed = tmp_path / "killed"
    delay = random.Random(13).uniform(0.2, 0.9) * full_seconds
    process = subprocess.Popen(_command(demo, killed), env=_env())
    time.sleep(delay)
    was_running = process.poll() is None
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=60)
    assert was_running, "the build finished before it could be killed; the test proved nothing"
    resumed = run_cli("build", str(demo), "--out", str(killed), "--quiet")
    assert resumed.exit_code == 0, resumed.output

    assert (killed / "report.json").read_bytes() == (whole / "report.json").read_bytes()
    assert _table_counts(killed) == _table_counts(whole)
    assert not any(duplicate_rows(killed).values()), duplicate_rows(killed)


def test_sigkill_mid_build_then_resume_gives_the_same_report(tmp_path: Path) -> None:
    fakes = fakes_sample(tmp_path, KILL_SAMPLE)
    whole = tmp_path / "whole"
    started = time.perf_counter()
    subprocess.run(_command(fakes, whole), env=_env(), check=True, timeout=1800)
    full_seconds = time.perf_counter() - started

    killed = tmp_path / "killed"
    kills = 0
    # Kill twice, at different points of the build (reading/cleaning, then annotating), and
    # resume each time from what the store kept.
    for fraction in (0.35, 0.7):
        process = subprocess.Popen(_command(fakes, killed), env=_env())
        time.sleep(full_seconds * fraction)
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            kills += 1
        process.wait(timeout=60)
    assert kills >= 1, "the build finished before it could be killed; the test proved nothing"
    subprocess.run(_command(fakes, killed), env=_env(), check=True, timeout=1800)

    assert (killed / "report.json").read_bytes() == (whole / "report.json").read_bytes()
    assert _table_counts(killed) == _table_counts(whole)


def test_second_concurrent_build_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    out = tmp_path / "out"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time\n"
            "from sitroom.store import Store\n"
            f"s = Store.open({str(out)!r})\n"
            "print('locked', flush=True)\n"
            "time.sleep(60)\n",
        ],
        env=_env(),
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "locked"
        folder = tmp_path / "in"
        folder.mkdir()
        (folder / "a.txt").write_text("The dam held overnight, engineers said on Monday.")
        result = run_cli("build", str(folder), "--out", str(out), "--quiet")
        assert result.exit_code == 2
        assert "another" in result.stderr.lower()
        assert "Traceback" not in result.output
    finally:
        holder.kill()
        holder.wait()
