"""Story grouping on ECB+ (topics 1-22, ``../shared/corpora/ecbplus/ecbplus_dev.jsonl``):
B-cubed precision, recall and F1 of the report's stories against the gold ``story`` field.

    python bench/eval_stories.py [--out DIR] [--limit N] [--json]

The corpus is built with ``sitroom build`` into ``--out`` (kept, so a second run only
regroups); each report article is matched to its gold document through the input locator
(``file.jsonl#line=N``).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path

from sitroom.metrics import b_cubed

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpora" / "ecbplus" / "ecbplus_dev.jsonl"


def gold_stories(path: Path, limit: int | None) -> list[dict[str, object]]:
    rows = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if limit is not None and len(rows) >= limit:
                break
            row = json.loads(line)
            row["line"] = number
            rows.append(row)
    return rows


def predicted_stories(report: Mapping[str, object], source_name: str) -> dict[int, str]:
    """Gold line number -> story id, through each article's input locators."""
    line_of_article: dict[str, list[int]] = {}
    for article in report["articles"]:  # type: ignore[attr-defined]
        for locator in article["files"]:
            name, _, fragment = str(locator).rpartition("#")
            number = fragment.removeprefix("line=")
            if Path(name).name == source_name and number.isdigit():
                line_of_article.setdefault(article["id"], []).append(int(number))
    story_of_line: dict[int, str] = {}
    for story in report["stories"]:  # type: ignore[attr-defined]
        for article in story["articles"]:
            for line in line_of_article.get(article, ()):
                story_of_line[line] = story["id"]
    return story_of_line


def evaluate(out: Path, limit: int | None) -> dict[str, object]:
    from sitroom import Options, build

    rows = gold_stories(CORPUS, limit)
    source = CORPUS
    if limit is not None:
        source = out / "sample" / CORPUS.name
        source.parent.mkdir(parents=True, exist_ok=True)
        source.write_text(
            "".join(json.dumps({k: v for k, v in r.items() if k != "line"}) + "\n" for r in rows),
            encoding="utf-8",
        )
    build([source], out, Options(quiet=True))
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    predicted_by_line = predicted_stories(report, source.name)
    gold = {str(r["line"]): str(r["story"]) for r in rows}
    predicted = {str(line): story for line, story in predicted_by_line.items()}
    precision, recall, f1 = b_cubed(gold, predicted)
    return {
        "documents": len(rows),
        "gold_stories": len(set(gold.values())),
        "stories": len(set(predicted.values())),
        "bcubed_precision": round(precision, 4),
        "bcubed_recall": round(recall, 4),
        "bcubed_f1": round(f1, 4),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="build folder (kept between runs)")
    parser.add_argument("--limit", type=int, help="only the first N documents")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    if not CORPUS.exists():
        print(f"{CORPUS} is absent: put ../shared beside the checkout", file=sys.stderr)
        return 2
    out = args.out or Path(tempfile.mkdtemp(prefix="sitroom-ecb-stories-"))
    result = evaluate(out, args.limit)
    if args.json:
        print(json.dumps(result))
    else:
        print("corpus           docs  gold  found  B3-P    B3-R    B3-F1")
        print(
            f"ECB+ dev stories {result['documents']:>4}  {result['gold_stories']:>4}  "
            f"{result['stories']:>5}  {result['bcubed_precision']:.3f}   "
            f"{result['bcubed_recall']:.3f}   {result['bcubed_f1']:.3f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
