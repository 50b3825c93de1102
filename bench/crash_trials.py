"""Kill builds at random moments and check that each rerun converges.

    python bench/crash_trials.py [--trials 10] [--seed 13] [--inputs PATH] [--json]

Builds ``--inputs`` (default: the bundled demo corpus) once without interruption, timing it.
Then, per trial, starts the same build in a fresh folder as a separate process, sends it
SIGKILL after a random delay within that duration (seeded), runs the build again in this
process, and checks the rerun against the uninterrupted one: report.json byte for byte, the
same row counts per table, and no row stored twice. Prints how many trials converged (with
``--json``, one object); exits 1 when any did not.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "src" / "sitroom" / "data" / "demo"
TABLES = {
    "files": "path",
    "raw_documents": "locator",
    "articles": "id",
    "provenance": "article_id, locator",
    "rejected": "path",
    "annotations": "article_id, pipeline_version",
}


def build_command(inputs: Path, out: Path) -> list[str]:
    return [sys.executable, "-m", "sitroom", "build", str(inputs), "--out", str(out), "--quiet"]


def store_rows(out: Path) -> dict[str, tuple[int, int]]:
    """Per table: (rows, rows repeating another's key); for articles also repeated texts."""
    con = duckdb.connect(str(out / "sitroom.duckdb"), read_only=True)
    try:
        found: dict[str, tuple[int, int]] = {}
        for table, key in TABLES.items():
            row = con.execute(
                f"SELECT count(*), count(*) - (SELECT count(*) FROM "
                f"(SELECT DISTINCT {key} FROM {table})) FROM {table}"
            ).fetchone()
            found[table] = (int(row[0]), int(row[1])) if row else (0, 0)
        row = con.execute("SELECT count(*), count(*) - count(DISTINCT text) FROM articles")
        texts = row.fetchone()
        found["article texts"] = (int(texts[0]), int(texts[1])) if texts else (0, 0)
        return found
    finally:
        con.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=10, help="kills (default 10)")
    parser.add_argument("--seed", type=int, default=13, help="seed of the kill moments")
    parser.add_argument("--inputs", type=Path, default=DEMO, help="what to build (demo)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()

    from sitroom import Options, build

    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    chooser = random.Random(args.seed)
    scratch = Path(tempfile.mkdtemp(prefix="sitroom-crash-"))
    results: list[dict[str, object]] = []
    try:
        whole = scratch / "whole"
        started = time.perf_counter()
        subprocess.run(build_command(args.inputs, whole), env=env, check=True)
        duration = time.perf_counter() - started
        expected_report = (whole / "report.json").read_bytes()
        expected_rows = store_rows(whole)
        for trial in range(args.trials):
            out = scratch / f"trial-{trial}"
            delay = chooser.uniform(0.05, 0.95) * duration
            process = subprocess.Popen(build_command(args.inputs, out), env=env)
            time.sleep(delay)
            killed = process.poll() is None
            process.send_signal(signal.SIGKILL)
            process.wait()
            build([args.inputs], out, Options(quiet=True))
            rows = store_rows(out)
            converged = (
                (out / "report.json").read_bytes() == expected_report
                and rows == expected_rows
                and not any(repeats for _count, repeats in rows.values())
            )
            results.append({"trial": trial, "delay_s": round(delay, 2), "killed": killed,
                            "converged": converged})
            if not args.json:
                state = "killed" if killed else "finished first"
                print(f"trial {trial}: {state} at {delay:.1f}s, converged: {converged}")
            shutil.rmtree(out)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    converged_count = sum(1 for r in results if r["converged"])
    killed_count = sum(1 for r in results if r["killed"])
    summary = {"trials": len(results), "killed": killed_count, "converged": converged_count,
               "build_s": round(duration, 1)}
    if args.json:
        print(json.dumps({**summary, "runs": results}))
    else:
        print(f"{converged_count}/{len(results)} reruns converged "
              f"({killed_count} killed mid-build; uninterrupted build {duration:.1f}s)")
    return 0 if converged_count == len(results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
