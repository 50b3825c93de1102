"""What adding a few articles to a built store costs, against building it from scratch.

    python bench/incremental.py --docs N [--add 20] [--workers W] [--json]
    python bench/incremental.py --docs N --store DIR --full-seconds S [--add 20] [--json]
    python bench/incremental.py --store DIR --full-cpu-per-article C [--add 20] [--json]

Takes the first N articles of the AllSides sample (``../shared/corpora/allsides``) and the
``--add`` articles after them, each group in its own JSONL file, and times, in this process:

- ``full``: ``sitroom build`` of the N articles into a new folder (read, clean, annotate,
  corpus-level steps, report);
- ``add``: a build of the ``--add`` new articles into that folder, as a user adds the day's
  articles to a store (only they are read and annotated; every corpus-level step runs again
  over all N + add articles and the report is rewritten);
- ``nothing_new``: the same build once more, with nothing new to read.

The issue's goals: ``add_ratio`` (add over full) at most 0.05, and ``nothing_new_s`` under a
second. On a shared machine wall seconds swing with the load, so CPU seconds (this process and
its finished workers) are printed too, and ``add_cpu_ratio`` is the steadier figure. With
``--store`` (a folder already built from the first N articles by this code, copied first so it
is left as it was) the full build is skipped and ``--full-seconds`` (and
``--full-cpu-seconds``) say what it took; the add build then pays for loading the models, as a
fresh ``sitroom build`` process does (after a full build in this process they are loaded
already). ``--full-cpu-per-article C`` instead estimates the full build as C CPU seconds per
stored article (``full_is_estimate`` says so): the way to measure a store too large to build
here, such as a synthetic one from ``bench/synthetic_store.py``; ``--docs`` then defaults to
the store's article count, and the articles added are the sample's lines after it, which a
synthetic store made of the first few hundred does not hold. ``--prime`` first rebuilds the
copied store with nothing new (not timed): a store built by older code holds the memos of
that code's corpus steps (place rows, quote links), which this code's digest does not read,
so without priming the add would pay once for remaking them; with it the add costs what it
costs on a store this code built, as long as the stored annotations are this code's too.
Prints one line per figure (with ``--json``, one JSON object). ``--steps`` adds
``add_steps_cpu_s``: the add build's CPU seconds per step (``bench/step_cpu.py``: the
wrapped functions' own process CPU, no profiler).
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from contextlib import nullcontext
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from allsides import ALLSIDES, cpu_seconds, write_lines  # noqa: E402
from step_cpu import STEPS, counting_steps  # noqa: E402

GOAL_ADD_RATIO = 0.05
GOAL_NOTHING_NEW_S = 1.0


def copy_store(source: Path, target: Path) -> None:
    target.mkdir(parents=True)
    for path in source.iterdir():
        if path.is_file() and path.name != "sitroom.lock":
            shutil.copy2(path, target / path.name)


def stored_articles(folder: Path) -> int:
    """The articles of the store in ``folder``, read without opening it as sitroom does: a
    store of an older schema is only upgraded in the copy the add is timed on."""
    import duckdb

    con = duckdb.connect(str(folder / "sitroom.duckdb"), read_only=True)
    try:
        row = con.execute("SELECT count(*) FROM articles").fetchone()
        return int(row[0]) if row else 0
    finally:
        con.close()


def _ratio(add_cpu: float, full_cpu: float | None, add_s: float, full_s: float | None) -> float:
    if full_cpu:
        return add_cpu / full_cpu
    return add_s / full_s if full_s else float("inf")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, help="articles in the first build (default 200, "
                        "or with --store the articles it holds)")
    parser.add_argument("--add", type=int, default=20, help="articles added afterwards")
    parser.add_argument("--workers", type=int, default=1, help="build workers (default 1)")
    parser.add_argument("--store", type=Path, help="a folder built from the first N articles")
    parser.add_argument("--full-seconds", type=float,
                        help="with --store: the seconds that folder's full build took")
    parser.add_argument("--full-cpu-seconds", type=float,
                        help="with --store: the CPU seconds of that build, workers included")
    parser.add_argument("--full-cpu-per-article", type=float,
                        help="with --store: estimate the full build's CPU from this figure")
    parser.add_argument("--steps", action="store_true",
                        help="also print the add build's CPU seconds per step")
    parser.add_argument("--prime", action="store_true",
                        help="with --store: rebuild the copy with nothing new first (not "
                        "timed), so its stored corpus-step memos are this code's")
    parser.add_argument("--keep", action="store_true",
                        help="keep the scratch folder (its path is printed as 'kept'), to "
                        "compare the add's report files with another code's")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()
    if not ALLSIDES.exists():
        print(f"{ALLSIDES} is absent: put ../shared beside the checkout", file=sys.stderr)
        return 2
    if args.store is not None and args.full_seconds is None and not args.full_cpu_per_article:
        parser.error("--store needs --full-seconds (what building that folder took) or "
                     "--full-cpu-per-article")
    if args.docs is None:
        args.docs = stored_articles(args.store) if args.store is not None else 200

    from sitroom import Options, build

    options = Options(quiet=True, workers=args.workers)
    scratch = Path(tempfile.mkdtemp(prefix="sitroom-incremental-"))
    try:
        out = scratch / "out"
        added = write_lines(args.docs, args.add, scratch / f"allsides_add_{args.add}.jsonl")
        full_cpu: float | None = None
        full_s: float | None = None
        if args.store is not None:
            copy_store(args.store, out)
            full_cpu = args.full_cpu_seconds
            if args.full_cpu_per_article:
                full_cpu = args.full_cpu_per_article * args.docs
            full_s = float(args.full_seconds) if args.full_seconds else None
            if args.prime:  # an empty folder: nothing new to read
                (scratch / "nothing").mkdir()
                build([scratch / "nothing"], out, options)
        else:
            first = write_lines(0, args.docs, scratch / f"allsides_first_{args.docs}.jsonl")
            started, cpu = time.perf_counter(), cpu_seconds()
            build([first], out, options)
            full_s, full_cpu = time.perf_counter() - started, cpu_seconds() - cpu
        steps: dict[str, float] = {}
        with counting_steps() if args.steps else nullcontext(steps) as steps:
            started, cpu = time.perf_counter(), cpu_seconds()
            result = build([added], out, options)
            add_s, add_cpu = time.perf_counter() - started, cpu_seconds() - cpu
        started = time.perf_counter()
        again = build([added], out, options)
        nothing_new_s = time.perf_counter() - started
    finally:
        if not args.keep:
            shutil.rmtree(scratch, ignore_errors=True)

    line: dict[str, Any] = {
        "docs": result.articles_total - result.articles_added,
        "added": result.articles_added,
        "workers": args.workers,
        "full_s": None if full_s is None else round(full_s, 2),
        "add_s": round(add_s, 2),
        "nothing_new_s": round(nothing_new_s, 3),
        "add_ratio": None if full_s is None else round(add_s / full_s, 4),
        "full_cpu_s": None if full_cpu is None else round(full_cpu, 1),
        "add_cpu_s": round(add_cpu, 1),
        "add_cpu_ratio": None if not full_cpu else round(add_cpu / full_cpu, 4),
        "full_is_estimate": bool(args.full_cpu_per_article),
        # Judged on CPU when it is known: wall seconds measured at different loads mislead.
        "add_goal_met": _ratio(add_cpu, full_cpu, add_s, full_s) <= GOAL_ADD_RATIO,
        "nothing_new_goal_met": nothing_new_s <= GOAL_NOTHING_NEW_S and again.annotated == 0,
    }
    if args.keep:
        line["kept"] = str(out)
    if args.steps:
        line["add_steps_cpu_s"] = {step: round(steps[step], 1) for step, _m, _a in STEPS
                                   if step in steps}
    if args.json:
        print(json.dumps(line))
    else:
        for key, value in line.items():
            print(f"{key}: {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
