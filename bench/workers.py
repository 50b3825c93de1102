"""Speed-up of the per-document stage with two workers, local processes and Dask alike.

    python bench/workers.py [--docs N] [--json]

Takes the first N AllSides articles (``../shared/corpora/allsides``), reads and cleans them
once into a store, then annotates a fresh copy of that store four ways, the way ``sitroom
build`` does (:func:`sitroom.stages.annotate_stage`):

- ``process-1``: in this process (``--workers 1``);
- ``process-2``: two spawned worker processes (``--workers 2``);
- ``dask-1`` and ``dask-2``: a Dask LocalCluster of one and two workers (``--cluster local:N``).

Every variant pays for loading the spaCy pipeline where it parses (this process, each pool
worker, each Dask worker), since a build does too. Prints, for each, the wall seconds and the
CPU seconds of this process and its finished child processes (workers and Dask nannies), then
the wall-clock speed-ups ``process-1 / process-2`` and ``dask-1 / dask-2``.

Wall-clock speed-ups mean something only on an otherwise idle machine: the load average at
the start and the end is printed with them. ``cpu_model`` gives what two dedicated cores
would do from the CPU seconds measured, which carry over better on a busy machine: the
in-process variant's CPU split into a fixed part (loading the pipeline, timed apart) and a
per-article part, each worker paying the fixed part once and half the articles.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from allsides import ALLSIDES, cpu_seconds, write_sample  # noqa: E402

VARIANTS = {
    "process-1": {"workers": 1},
    "process-2": {"workers": 2},
    "dask-1": {"cluster": "local:1"},
    "dask-2": {"cluster": "local:2"},
}


def cleaned_store(docs: int, folder: Path) -> Path:
    """A store holding the first ``docs`` AllSides articles, read and cleaned, not parsed."""
    from sitroom.config import Options
    from sitroom.progress import SilentProgress
    from sitroom.stages import clean_stage, ingest_stage
    from sitroom.store import Store

    sample = write_sample(docs, folder)
    out = folder / "base"
    options = Options(quiet=True)
    with Store.open(out) as store:
        ingest_stage(store, [sample], options, SilentProgress(), out=out)
        clean_stage(store, options, SilentProgress())
    return out


def annotate_copy(base: Path, target: Path, settings: dict[str, Any]) -> dict[str, float]:
    """Annotate a copy of ``base`` with ``settings``; wall and CPU seconds, and articles."""
    from sitroom.config import Options
    from sitroom.progress import SilentProgress
    from sitroom.stages import annotate_stage
    from sitroom.store import Store

    shutil.copytree(base, target)
    options = Options(quiet=True, **settings)
    started, cpu = time.perf_counter(), cpu_seconds()
    with Store.open(target) as store:
        done = annotate_stage(store, options, SilentProgress())
    return {
        "articles": float(done),
        "wall_s": round(time.perf_counter() - started, 2),
        "cpu_s": round(cpu_seconds() - cpu, 2),
    }


def load_cost() -> float:
    """CPU seconds to load sitroom's spaCy pipeline in a fresh process (what each worker
    pays once), timed in a child process so this one stays without it."""
    import subprocess

    code = (
        "import time;c=time.process_time();from sitroom.annotate import load_nlp;load_nlp();"
        "print(time.process_time()-c)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    return float(done.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=120, help="articles (default 120)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()
    if not ALLSIDES.exists():
        print(f"{ALLSIDES} is absent: put ../shared beside the checkout", file=sys.stderr)
        return 2
    load_before = os.getloadavg()[0]
    scratch = Path(tempfile.mkdtemp(prefix="sitroom-workers-"))
    try:
        base = cleaned_store(args.docs, scratch)
        runs = {name: annotate_copy(base, scratch / name, settings)
                for name, settings in VARIANTS.items()}
        fixed = load_cost()
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    one = runs["process-1"]
    articles = max(1.0, one["articles"])
    per_article = max(0.0, one["cpu_s"] - fixed) / articles
    two_cores = fixed + per_article * articles / 2
    line = {
        "docs": int(one["articles"]),
        "runs": runs,
        "speedup_processes": round(one["wall_s"] / runs["process-2"]["wall_s"], 2),
        "speedup_dask": round(runs["dask-1"]["wall_s"] / runs["dask-2"]["wall_s"], 2),
        "cpu_model": {
            "load_cpu_s": round(fixed, 2),
            "cpu_s_per_article": round(per_article, 3),
            "speedup_two_dedicated_cores": round(one["cpu_s"] / two_cores, 2),
        },
        "load_average": [round(load_before, 2), round(os.getloadavg()[0], 2)],
        "cpu_count": os.cpu_count(),
    }
    if args.json:
        print(json.dumps(line))
    else:
        for name, run in runs.items():
            print(f"{name:10} {run['wall_s']:8.1f} s wall {run['cpu_s']:8.1f} CPU s")
        print(
            f"{line['docs']} articles: speed-up with 2 workers {line['speedup_processes']} "
            f"(processes), {line['speedup_dask']} (Dask LocalCluster); from CPU time, two "
            f"dedicated cores: {line['cpu_model']['speedup_two_dedicated_cores']}; load "
            f"average {line['load_average'][0]} -> {line['load_average'][1]} on "
            f"{line['cpu_count']} cores"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
