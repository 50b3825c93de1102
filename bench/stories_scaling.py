"""How the story grouping's cost grows with the corpus: ``group_stories`` on the first N
AllSides articles (texts and titles, no parse: the step's own cost), for growing N.

    python bench/stories_scaling.py [--sizes 1000,2000,4000] [--json]

Prints CPU seconds per size, milliseconds per article and the growth exponent between
sizes (log time ratio / log size ratio; 1.0 is linear).
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import math
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ALLSIDES = ROOT.parent / "shared" / "corpora" / "allsides" / "allsides_8k.jsonl.gz"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,2000,4000")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if not ALLSIDES.exists():
        print(f"{ALLSIDES} is absent: put ../shared beside the checkout", file=sys.stderr)
        return 2
    from sitroom.analyze.stories import StoryDoc, group_stories

    sizes = [int(s) for s in args.sizes.split(",")]
    with gzip.open(ALLSIDES, "rt", encoding="utf-8") as handle:
        rows = [json.loads(line) for line in itertools.islice(handle, max(sizes))]
    docs = [
        StoryDoc(str(i), str(row.get("text") or ""), row.get("title"), None, None, None)
        for i, row in enumerate(rows)
    ]
    results = []
    for size in sizes:
        started = time.process_time()
        stories = group_stories(docs[:size])
        seconds = time.process_time() - started
        results.append({"articles": size, "stories": len(stories), "cpu_s": round(seconds, 2),
                        "ms_per_article": round(1000 * seconds / size, 2)})
    for earlier, later in itertools.pairwise(results):
        growth = math.log(later["cpu_s"] / earlier["cpu_s"])
        later["exponent"] = round(growth / math.log(later["articles"] / earlier["articles"]), 2)
    if args.json:
        print(json.dumps(results))
    else:
        print("articles  stories  CPU s  ms/article  exponent")
        for r in results:
            print(f"{r['articles']:>8}  {r['stories']:>7}  {r['cpu_s']:>5}  "
                  f"{r['ms_per_article']:>10}  {r.get('exponent', '')}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
