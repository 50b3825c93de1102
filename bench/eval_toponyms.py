"""Toponym recognition and resolution on the public development sets (TR-News, GeoVirus).

Scores ``../shared/corpora/dev/toponyms_trnews.jsonl`` and ``toponyms_geovirus.jsonl`` the way
``../shared/corpora/dev/README.md`` describes. Each document's ``text`` is written to a file as
is and run through the same code as ``sitroom extract places FILE`` (one document per call), so
predicted offsets index the gold text. Predicted and gold toponyms are paired one-to-one by
character overlap (largest overlap first). Reported per corpus:

- ``acc161``: the headline, placed within 161 km over ALL gold toponyms with coordinates (a
  missed or unresolved toponym counts as wrong);
- ``acc161_found``: the same over the gold toponyms with coordinates that were found;
- ``p``/``r``/``f1``: recognition, a prediction counting when it overlaps a gold toponym.

    .venv/bin/python bench/eval_toponyms.py                # both sets in full (~10 min)
    .venv/bin/python bench/eval_toponyms.py --limit 30     # the first 30 documents of each
    .venv/bin/python bench/eval_toponyms.py --json         # one JSON object
    .venv/bin/python bench/eval_toponyms.py --errors F     # also write every miss to F (JSONL)
    .venv/bin/python bench/eval_toponyms.py --with-url     # each text with its web address
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "corpora" / "dev"
CORPORA = {"trnews": "toponyms_trnews.jsonl", "geovirus": "toponyms_geovirus.jsonl"}
KM = 161.0


@dataclass
class Tally:
    """Counts for one corpus."""

    docs: int = 0
    gold: int = 0
    gold_placed: int = 0  # gold toponyms with coordinates
    found_placed: int = 0  # ... of which a prediction overlaps
    within: int = 0  # ... placed within KM
    predicted: int = 0
    matched: int = 0  # predictions paired with a gold toponym

    def figures(self) -> dict[str, float | int]:
        p = self.matched / self.predicted if self.predicted else 0.0
        r = self.matched / self.gold if self.gold else 0.0
        return {
            "docs": self.docs,
            "gold": self.gold,
            "acc161": round(self.within / self.gold_placed, 3) if self.gold_placed else 0.0,
            "acc161_found": round(self.within / self.found_placed, 3) if self.found_placed else 0.0,
            "p": round(p, 3),
            "r": round(r, 3),
            "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
        }


def load(name: str, limit: int) -> list[dict[str, Any]]:
    path = DEV / CORPORA[name]
    if not path.exists():
        sys.exit(f"{path} is absent: this evaluation needs ../shared beside the checkout")
    docs = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            docs.append(json.loads(line))
            if limit and len(docs) >= limit:
                break
    return docs


def pair(
    gold: Sequence[dict[str, Any]], predicted: Sequence[dict[str, Any]]
) -> list[tuple[int, int]]:
    """One-to-one (gold index, predicted index) pairs, largest character overlap first."""
    overlaps = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            shared = min(g["end"], p["end"]) - max(g["start"], p["start"])
            if shared > 0:
                overlaps.append((-shared, gi, pi))
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
    for _, gi, pi in sorted(overlaps):
        if gi in used_gold or pi in used_pred:
            continue
        used_gold.add(gi)
        used_pred.add(pi)
        pairs.append((gi, pi))
    return pairs


def extract_places(text: str, workdir: Path, url: str | None = None) -> list[dict[str, Any]]:
    """``sitroom extract places`` on one text written to a file as is; with ``url``, after a
    ``url:`` header line (offsets are then shifted back onto the text)."""
    from sitroom.extract import extract

    header = f"url: {url}\n\n" if url else ""
    path = workdir / "doc.txt"
    path.write_bytes((header + text).encode("utf-8"))  # bytes: no newline translation
    found = list(extract("places", [path]))
    shift = len(header)
    return [{**p, "start": p["start"] - shift, "end": p["end"] - shift} for p in found]


def score_doc(
    doc: dict[str, Any], predicted: Sequence[dict[str, Any]], tally: Tally, errors: list[Any]
) -> None:
    from sitroom.resolve.places import distance_km

    gold = doc["toponyms"]
    pairs = dict(pair(gold, predicted))
    tally.docs += 1
    tally.gold += len(gold)
    tally.predicted += len(predicted)
    tally.matched += len(pairs)
    for gi, g in enumerate(gold):
        if g["lat"] is None:
            continue
        tally.gold_placed += 1
        p = predicted[pairs[gi]] if gi in pairs else None
        km = None
        if p is not None:
            tally.found_placed += 1
            if p["lat"] is not None:
                km = distance_km(p["lat"], p["lon"], g["lat"], g["lon"])
                if km <= KM:
                    tally.within += 1
                    continue
        errors.append(
            {
                "doc": doc["doc"],
                "gold": g["text"],
                "start": g["start"],
                "gold_name": g.get("name") or g.get("page"),
                "gold_at": [g["lat"], g["lon"]],
                "found": p is not None,
                "predicted": None if p is None else p.get("name"),
                "reason": None if p is None else p.get("reason"),
                "km": None if km is None else round(km),
            }
        )
    for pi, p in enumerate(predicted):
        if pi not in pairs.values():
            errors.append(
                {
                    "doc": doc["doc"],
                    "spurious": p["text"],
                    "start": p["start"],
                    "predicted": p.get("name"),
                }
            )


def evaluate(
    name: str, limit: int, errors: list[Any], with_url: bool = False
) -> dict[str, float | int]:
    tally = Tally()
    with tempfile.TemporaryDirectory(prefix="sitroom-toponyms-") as tmp:
        for doc in load(name, limit):
            url = doc.get("url") if with_url else None
            score_doc(doc, extract_places(doc["text"], Path(tmp), url), tally, errors)
    return tally.figures()


def table(results: dict[str, dict[str, float | int]]) -> Iterable[str]:
    yield "toponyms   docs  gold  acc161  acc161_found     P      R     F1"
    for name, r in results.items():
        yield (
            f"{name:<9} {r['docs']:>5} {r['gold']:>5}  {r['acc161']:>6.3f}"
            f"  {r['acc161_found']:>12.3f}  {r['p']:>5.3f}  {r['r']:>5.3f}  {r['f1']:>5.3f}"
        )


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--limit", type=int, default=0, help="first N documents of each set")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--corpus", choices=sorted(CORPORA), action="append")
    parser.add_argument("--errors", type=Path, help="write misses and spurious finds (JSONL)")
    parser.add_argument(
        "--with-url",
        action="store_true",
        help="give each text its article's web address (a url: header), as build has it",
    )
    args = parser.parse_args(argv)
    errors: list[Any] = []
    results = {
        name: evaluate(name, args.limit, errors, args.with_url) for name in args.corpus or CORPORA
    }
    if args.errors:
        args.errors.write_text("".join(json.dumps(e) + "\n" for e in errors), encoding="utf-8")
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        print("\n".join(table(results)))


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    main()
