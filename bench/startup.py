"""Start-up cost of a one-off extraction, relative to loading the spaCy model alone.

A user scripting ``sitroom extract times FILE`` over many files pays the start-up once per
call, so it should cost little more than spaCy's own ``spacy.load`` of the model sitroom
uses. Each command runs in a fresh Python process (the same interpreter), ``--runs`` times;
the best wall time of each is kept (the least disturbed by other work on the machine), and
the CPU time (user + system) of that run is shown beside it. The figure that holds on any
machine is the ratio.

Run: ``python bench/startup.py [--runs 3] [--json]``.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from sitroom.annotate.nlp import MODEL_PACKAGE

SENTENCE = "The ministers met on Tuesday and will meet again next week, officials said.\n"


def timed(command: Sequence[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one run of ``command`` in a fresh process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, check=True, env=env, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def best(command: Sequence[str], env: dict[str, str], runs: int) -> tuple[float, float]:
    return min(timed(command, env) for _ in range(runs))


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    env = dict(os.environ)
    src = str(Path(__file__).resolve().parents[1] / "src")
    env["PYTHONPATH"] = src + os.pathsep + env.get("PYTHONPATH", "")
    with tempfile.TemporaryDirectory(prefix="sitroom-startup-") as folder:
        article = Path(folder) / "one.txt"
        article.write_text(SENTENCE, encoding="utf-8")
        model = [sys.executable, "-c", f"import spacy; spacy.load({MODEL_PACKAGE!r})"]
        extract = [sys.executable, "-m", "sitroom", "extract", "times", str(article),
                   "--anchor", "2024-11-28"]
        best(extract, env, 1)  # warm the file cache once for both
        model_wall, model_cpu = best(model, env, args.runs)
        extract_wall, extract_cpu = best(extract, env, args.runs)
    result = {
        "spacy_load_s": round(model_wall, 2),
        "spacy_load_cpu_s": round(model_cpu, 2),
        "extract_times_s": round(extract_wall, 2),
        "extract_times_cpu_s": round(extract_cpu, 2),
        "ratio": round(extract_wall / model_wall, 2),
        "cpu_ratio": round(extract_cpu / model_cpu, 2),
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(f"bare spacy.load({MODEL_PACKAGE}) in a fresh process: {model_wall:.2f} s "
          f"(CPU {model_cpu:.2f} s), best of {args.runs}")
    print(f"sitroom extract times on one sentence:  {extract_wall:.2f} s "
          f"(CPU {extract_cpu:.2f} s), best of {args.runs}")
    print(f"ratio: {result['ratio']:.2f}x wall, {result['cpu_ratio']:.2f}x CPU")


if __name__ == "__main__":
    main()
