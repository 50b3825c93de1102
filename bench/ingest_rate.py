"""Reading a large news dump: sitroom's reader against plain ``gzip`` + ``json.loads``.

    python bench/ingest_rate.py [--json]

Reads ``../shared/corpora/allsides/allsides_8k.jsonl.gz`` (8,000 articles) twice in the same
process: once with sitroom's ingest (discover, sniff, decode, field mapping, metadata dates,
size limits), once as bare JSON lines, and prints the two rates and their ratio. The ratio,
not the seconds, is the figure to compare across machines: it says what sitroom's checks and
mapping cost on top of merely parsing the file. Speed is measured here rather than asserted in
the tests (the test of this corpus checks what is read, not how fast).
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ALLSIDES = ROOT.parent / "shared" / "corpora" / "allsides" / "allsides_8k.jsonl.gz"


def read_with_sitroom(path: Path) -> int:
    from sitroom.ingest import IngestOptions, RawDocument, discover, read_file

    options, count = IngestOptions(), 0
    for found in discover([path]):
        if isinstance(found, Path):
            count += sum(isinstance(item, RawDocument) for item in read_file(found, options))
    return count


def read_plain(path: Path) -> int:
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        return sum(1 for line in lines if json.loads(line))


def best_seconds(action: object, rounds: int = 2) -> tuple[float, int]:
    best, count = float("inf"), 0
    for _ in range(rounds):
        started = time.perf_counter()
        count = action()  # type: ignore[operator]
        best = min(best, time.perf_counter() - started)
    return best, count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()
    if not ALLSIDES.exists():
        raise SystemExit(f"{ALLSIDES} is absent: this benchmark needs ../shared/corpora/allsides")
    sitroom_s, docs = best_seconds(lambda: read_with_sitroom(ALLSIDES))
    plain_s, lines = best_seconds(lambda: read_plain(ALLSIDES))
    result = {
        "docs": docs,
        "lines": lines,
        "sitroom_docs_per_s": round(docs / sitroom_s, 1),
        "plain_json_docs_per_s": round(lines / plain_s, 1),
        "ratio": round(plain_s / sitroom_s, 3),
    }
    if args.json:
        print(json.dumps(result))
    else:
        for key, value in result.items():
            print(f"{key}: {value}")


if __name__ == "__main__":
    main()
