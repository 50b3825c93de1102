"""Contradictions on the AllSides sample, printed for reading and labelling.

Builds the first ``--docs`` lines (default 300) of
``../shared/corpora/allsides/allsides_8k.jsonl.gz`` into ``--out`` (a store that later runs
reuse: only the analysis is redone) and prints one JSON object: how many claims and
contradictions, how many of them the gold (``tests/eval/gold/contradictions_allsides.json``)
labels right or wrong, and every unlabelled one with both sides, to be read and added to the
gold. The framing counts the README quotes come from ``framing[].uses`` of the same report.

    .venv/bin/python bench/eval_claims_allsides.py     # ~25 minutes the first time on 2 cores
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpora" / "allsides" / "allsides_8k.jsonl.gz"
GOLD = ROOT / "tests" / "eval" / "gold" / "contradictions_allsides.json"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--out", type=Path, default=Path("allsides-claims"))
    args = parser.parse_args()
    if not CORPUS.exists():
        print(f"{CORPUS} is absent: put ../shared beside the checkout", file=sys.stderr)
        return 2
    from sitroom.config import Options
    from sitroom.pipeline import build

    args.out.mkdir(parents=True, exist_ok=True)
    sample = args.out / f"allsides_{args.docs}.jsonl"
    with gzip.open(CORPUS, "rt", encoding="utf-8") as handle:
        lines = [line for _, line in zip(range(args.docs), handle, strict=False)]
    sample.write_text("".join(lines), encoding="utf-8")
    build([sample], args.out / "build", Options(quiet=True))
    report: dict[str, Any] = json.loads((args.out / "build" / "report.json").read_text("utf-8"))
    gold = json.loads(GOLD.read_text("utf-8"))["items"]
    right = wrong = 0
    unlabelled: list[dict[str, Any]] = []
    for x in report["contradictions"]:
        texts = [" ".join(e["text"] for e in side["evidence"]) for side in x["sides"]]
        label = next(
            (g["label"] for g in gold if g["corpus"] == "allsides" and g["kind"] == x["kind"]
             and ((g["sides"][0] in texts[0] and g["sides"][1] in texts[1])
                  or (g["sides"][0] in texts[1] and g["sides"][1] in texts[0]))),
            None,
        )
        if label == "right":
            right += 1
        elif label == "wrong":
            wrong += 1
        else:
            unlabelled.append({"kind": x["kind"], "explanation": x["explanation"],
                               "sides": [s["evidence"][0] for s in x["sides"]]})
    print(json.dumps({
        "articles": len(report["articles"]),
        "claims": len(report["claims"]),
        "corroborated": sum(c["status"] == "corroborated" for c in report["claims"]),
        "contradictions": len(report["contradictions"]),
        "labelled_right": right,
        "labelled_wrong": wrong,
        "unlabelled": unlabelled,
    }, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
