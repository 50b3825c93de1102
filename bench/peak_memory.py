"""Peak resident memory (RSS) of a build, in a child process of its own.

    python bench/peak_memory.py --docs N [--json]
    python bench/peak_memory.py --docs N --store DIR [--keep-vectors] [--json] [--keep DIR]

Without ``--store``: a fresh ``sitroom build`` (one process, ``--workers 1``) of the first N
articles of the AllSides sample (``../shared/corpora/allsides``), every stage from reading to
writing the report. With ``--store DIR``: the corpus-level steps and the report alone, on a
copy of the store in DIR cut to its first N articles, which skips the hours of parsing that a
fresh build of thousands of articles costs on a shared machine; the stored sentence vectors
are dropped from the copy (unless ``--keep-vectors``), so the embedding model runs over every
statement as in a fresh build. The corpus steps never parse, so the parser's memory is not in
this figure; the fresh figure is the larger of the two stages.

The peak is the child's maximum RSS as the kernel counts it (``getrusage``), not a sampled
value. Prints one line (with ``--json``, one JSON object). ``--keep DIR`` copies the two
report files there, to ``cmp`` them against another run's.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from allsides import ALLSIDES, write_sample  # noqa: E402

#: What the child runs for ``--store``: the corpus-level steps and the report, as a build
#: runs them once nothing is left to parse.
ASSEMBLE = """
import sys
from pathlib import Path
from sitroom.config import Options
from sitroom.pipeline import _write, assemble_report
from sitroom.store import Store
out = Path(sys.argv[1])
with Store.open(out) as store:
    report = assemble_report(store, Options())
_write(report, out, validate=False)
"""


def cut_store(store: Path, docs: int, out: Path, *, keep_vectors: bool) -> int:
    """Copy the store in ``store`` to ``out`` with only its first ``docs`` articles."""
    import duckdb

    out.mkdir(parents=True)
    shutil.copy(store / "sitroom.duckdb", out / "sitroom.duckdb")
    con = duckdb.connect(str(out / "sitroom.duckdb"))
    kept = f"(SELECT id FROM articles ORDER BY seq LIMIT {int(docs)})"
    for table, column in (("annotations", "article_id"), ("provenance", "article_id"),
                          ("raw_documents", "article_id"), ("articles", "id")):
        con.execute(f"DELETE FROM {table} WHERE {column} NOT IN {kept}")
    if not keep_vectors:
        con.execute("DROP TABLE IF EXISTS text_vectors")
    row = con.execute("SELECT count(*) FROM articles").fetchone()
    con.close()
    return int(row[0]) if row else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, required=True)
    parser.add_argument("--store", type=Path, help="measure the corpus steps on this store")
    parser.add_argument("--keep-vectors", action="store_true")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--keep", type=Path,
                        help="copy report.json and report.html to this folder (to compare builds)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="sitroom-peak-") as tmp:
        folder = Path(tmp)
        out = folder / "out"
        if args.store is None:
            if not ALLSIDES.exists():
                print(f"{ALLSIDES} is absent", file=sys.stderr)
                return 2
            sample = write_sample(args.docs, folder)
            command = [sys.executable, "-m", "sitroom", "build", str(sample), "--out", str(out),
                       "--workers", "1", "--quiet"]
            articles = args.docs
            mode = "fresh build"
        else:
            articles = cut_store(args.store, args.docs, out, keep_vectors=args.keep_vectors)
            command = [sys.executable, "-c", ASSEMBLE, str(out)]
            mode = "corpus steps and report"
        started = time.perf_counter()
        subprocess.run(command, check=True)
        seconds = time.perf_counter() - started
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        sizes = {name: (out / name).stat().st_size for name in ("report.json", "report.html")}
        if args.keep is not None:
            args.keep.mkdir(parents=True, exist_ok=True)
            for name in sizes:
                shutil.copy(out / name, args.keep / name)
    result = {
        "mode": mode,
        "articles": articles,
        "peak_rss_mib": round(usage.ru_maxrss / 1024),  # kilobytes on Linux
        "cpu_s": round(usage.ru_utime + usage.ru_stime, 1),
        "wall_s": round(seconds, 1),
        "report_json_mb": round(sizes["report.json"] / 1e6, 1),
    }
    if args.json:
        print(json.dumps(result))
    else:
        print(f"{mode}, {articles} articles: peak RSS {result['peak_rss_mib']} MiB, "
              f"{result['cpu_s']} CPU s, report.json {result['report_json_mb']} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
