"""Framing across every outlet of the AllSides sample, printed as the README's table.

The sample is the first ``--docs`` lines (default 300, as in ``eval_claims_allsides.py``)
plus the first article of every outlet those lines miss, so that all the corpus's outlets
(263) are scored, most with one article: the case the informative Dirichlet prior is for.
Builds into ``--out`` (later runs reuse the store) and prints, as Markdown: how many outlets,
how many have a distinctive term, who uses the loaded words for sides (``--words``:
regime, rebel, terrorist, ...), and the most distinctive terms of the largest outlets and
of one-article outlets.

    .venv/bin/python bench/eval_framing_allsides.py --out allsides-framing   # ~40 min once
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpora" / "allsides" / "allsides_8k.jsonl.gz"
#: The loaded words for sides of a conflict that issue 11 names, as a default display.
LOADED_WORDS = ("regime", "government", "rebel", "opposition", "insurgent", "islamist",
                "terrorist", "militant", "extremist", "jihadist")


def sample_lines(docs: int) -> list[str]:
    """The first ``docs`` lines, then the first line of each outlet not yet in them."""
    lines: list[str] = []
    outlets: set[str] = set()
    with gzip.open(CORPUS, "rt", encoding="utf-8") as handle:
        for number, line in enumerate(handle):
            outlet = str(json.loads(line).get("source", ""))
            if number < docs or outlet not in outlets:
                lines.append(line)
                outlets.add(outlet)
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--out", type=Path, default=Path("allsides-framing"))
    parser.add_argument("--words", default=",".join(LOADED_WORDS),
                        help="actor words to tabulate, comma-separated")
    args = parser.parse_args()
    if not CORPUS.exists():
        print(f"{CORPUS} is absent: put ../shared beside the checkout", file=sys.stderr)
        return 2
    from sitroom.config import Options
    from sitroom.pipeline import build

    args.out.mkdir(parents=True, exist_ok=True)
    sample = args.out / f"allsides_{args.docs}_every_outlet.jsonl"
    sample.write_text("".join(sample_lines(args.docs)), encoding="utf-8")
    build([sample], args.out / "build", Options(quiet=True))
    report: dict[str, Any] = json.loads((args.out / "build" / "report.json").read_text("utf-8"))
    print(table(report, [w.strip() for w in args.words.split(",") if w.strip()]))
    return 0


def table(report: dict[str, Any], words: list[str]) -> str:
    size = Counter(a["outlet"] for a in report["articles"] if not a["duplicate_of"])
    framing = report["framing"]
    with_terms = [f for f in framing if f["distinctive_terms"]]
    by_word: dict[str, Counter[str]] = defaultdict(Counter)
    for f in framing:
        for use in f["uses"]:
            if use["kind"] == "actor":
                by_word[use["term"]][f["outlet"]] += use["count"]
    out = [
        f"{len(report['articles'])} articles, {len(size)} outlets "
        f"({sum(1 for n in size.values() if n == 1)} with one article); "
        f"{len(with_terms)} outlets have a term with z >= 1.96 "
        f"({sum(1 for f in with_terms if size.get(f['outlet'], 0) == 1)} of them one-article).",
        "",
        "| actor word | outlets using it | top outlets (uses) |",
        "| --- | --- | --- |",
    ]
    for word in words:
        top = ", ".join(f"{o} ({n})" for o, n in by_word[word].most_common(4))
        out.append(f"| `{word}` | {len(by_word[word])} | {top or 'none'} |")
    out += ["", "| outlet | articles | most distinctive terms (z) |", "| --- | --- | --- |"]
    big = sorted(framing, key=lambda f: (-size.get(f["outlet"], 0), f["outlet"]))[:5]
    small = [f for f in framing if size.get(f["outlet"], 0) == 1 and f["distinctive_terms"]]
    small.sort(key=lambda f: (-f["distinctive_terms"][0]["z"], f["outlet"]))
    for f in big + small[:5]:
        terms = ", ".join(f"`{t['term']}` ({t['z']:.2f})" for t in f["distinctive_terms"][:4])
        out.append(f"| {f['outlet']} | {size.get(f['outlet'], 0)} | {terms or 'none'} |")
    return "\n".join(out)


if __name__ == "__main__":
    sys.exit(main())
