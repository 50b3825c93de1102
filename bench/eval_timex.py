"""Time expressions scored TempEval-3 style on the TBAQ development set.

``../shared/corpora/dev/timex_tbaq.jsonl`` holds the TempEval-3 training documents (TimeBank
+ AQUAINT) with every TIMEX3 annotated. Each text is written to a file as is and run through
the same code as ``sitroom extract times FILE --anchor DCT`` (in process, with the record's
``dct`` as the anchor), so the figures are what a user of that command gets.

Predictions and gold expressions are paired one to one by character overlap (the pairs with
the most shared characters first). Reported:

- **value F1** (the headline, TE3-style): a prediction counts only when it is paired with a
  gold expression and has exactly its TIMEX3 ``value``;
- strict span F1 (same start and end) and relaxed span F1 (any overlap);
- type accuracy: of the paired predictions, how many have the gold ``type``;
- by gold type (DATE, DURATION, SET, TIME): how many were found and how many got the value.

Run: ``python bench/eval_timex.py [--limit N] [--part TimeBank|AQUAINT] [--json] [--errors FILE]``
(``--limit`` scores the first N documents; ``--part`` only those of one source corpus, so rules
tuned on one half can be checked on the other; ``--errors`` writes every miss, spurious and
wrong value as JSONL for study).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

DEV = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "dev"
TBAQ = DEV / "timex_tbaq.jsonl"
TYPES = ("DATE", "DURATION", "SET", "TIME")


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    text: str
    type: str
    value: str | None


@dataclass(slots=True)
class Tally:
    gold: int = 0
    predicted: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0
    type: int = 0
    gold_by_type: dict[str, list[int]] = field(
        default_factory=lambda: {kind: [0, 0, 0] for kind in TYPES})  # gold, found, value


def pair(gold: Sequence[Span], predicted: Sequence[Span]) -> list[tuple[int, int]]:
    """One-to-one (gold index, predicted index) pairs by character overlap, largest first."""
    options = []
    for g, gold_span in enumerate(gold):
        for p, pred in enumerate(predicted):
            shared = min(gold_span.end, pred.end) - max(gold_span.start, pred.start)
            if shared > 0:
                options.append((-shared, abs(gold_span.start - pred.start), g, p))
    options.sort()
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, _, g, p in options:
        if g in used_gold or p in used_pred:
            continue
        used_gold.add(g)
        used_pred.add(p)
        pairs.append((g, p))
    return pairs


def score_document(gold: Sequence[Span], predicted: Sequence[Span], tally: Tally,
                   errors: list[dict[str, Any]] | None = None, doc: str = "") -> None:
    pairs = pair(gold, predicted)
    tally.gold += len(gold)
    tally.predicted += len(predicted)
    for span in gold:
        tally.gold_by_type.setdefault(span.type, [0, 0, 0])[0] += 1
    for g, p in pairs:
        gold_span, pred = gold[g], predicted[p]
        tally.relaxed += 1
        tally.strict += (gold_span.start, gold_span.end) == (pred.start, pred.end)
        tally.type += gold_span.type == pred.type
        by_type = tally.gold_by_type[gold_span.type]
        by_type[1] += 1
        if gold_span.value == pred.value:
            tally.value += 1
            by_type[2] += 1
        elif errors is not None:
            errors.append({"doc": doc, "kind": "value", "gold": _row(gold_span),
                           "predicted": _row(pred)})
    if errors is not None:
        paired_gold = {g for g, _ in pairs}
        paired_pred = {p for _, p in pairs}
        errors.extend({"doc": doc, "kind": "missed", "gold": _row(span)}
                      for g, span in enumerate(gold) if g not in paired_gold)
        errors.extend({"doc": doc, "kind": "spurious", "predicted": _row(span)}
                      for p, span in enumerate(predicted) if p not in paired_pred)


def _row(span: Span) -> dict[str, Any]:
    return {"start": span.start, "end": span.end, "text": span.text, "type": span.type,
            "value": span.value}


def f1(hits: int, gold: int, predicted: int) -> float:
    if not hits:
        return 0.0
    precision, recall = hits / predicted, hits / gold
    return 2 * precision * recall / (precision + recall)


def summary(tally: Tally, documents: int) -> dict[str, Any]:
    def block(hits: int) -> dict[str, float]:
        return {
            "precision": round(hits / tally.predicted, 4) if tally.predicted else 0.0,
            "recall": round(hits / tally.gold, 4) if tally.gold else 0.0,
            "f1": round(f1(hits, tally.gold, tally.predicted), 4),
        }

    return {
        "documents": documents,
        "gold": tally.gold,
        "predicted": tally.predicted,
        "value": block(tally.value),
        "strict_span": block(tally.strict),
        "relaxed_span": block(tally.relaxed),
        "type_accuracy": round(tally.type / tally.relaxed, 4) if tally.relaxed else 0.0,
        "by_gold_type": {
            kind: {"gold": counts[0], "found": counts[1], "value_correct": counts[2],
                   "value_recall": round(counts[2] / counts[0], 4) if counts[0] else 0.0}
            for kind, counts in tally.gold_by_type.items()
        },
    }


def load(limit: int | None, part: str | None = None) -> list[dict[str, Any]]:
    if not TBAQ.exists():
        sys.exit(f"{TBAQ} is absent: this evaluation needs ../shared beside the checkout")
    with TBAQ.open(encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle if line.strip()]
    if part:
        records = [record for record in records if record["part"] == part]
    return records[:limit] if limit else records


def predict(record: dict[str, Any], folder: Path) -> list[Span]:
    """What ``sitroom extract times FILE --anchor DCT`` finds in the record's text."""
    from sitroom.extract import extract

    path = folder / f"{record['doc']}.txt"
    path.write_bytes(record["text"].encode("utf-8"))  # as is: no newline translation
    items = extract("times", [path], date.fromisoformat(record["dct"]))
    return [Span(item["start"], item["end"], item["text"], item["type"], item["value"])
            for item in items]


def evaluate(records: Sequence[dict[str, Any]],
             errors: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    tally = Tally()
    with tempfile.TemporaryDirectory(prefix="sitroom-timex-") as folder:
        for record in records:
            gold = [Span(t["start"], t["end"], t["text"], t["type"], t["value"])
                    for t in record["timex"]]
            score_document(gold, predict(record, Path(folder)), tally, errors, record["doc"])
    return summary(tally, len(records))


def print_table(result: dict[str, Any]) -> None:
    print(f"TempEval-3 time expressions, TBAQ dev set: {result['documents']} documents, "
          f"{result['gold']} gold, {result['predicted']} predicted")
    print(f"{'measure':<22}{'P':>8}{'R':>8}{'F1':>8}")
    for key, label in (("value", "value (TE3 headline)"), ("relaxed_span", "relaxed span"),
                       ("strict_span", "strict span")):
        row = result[key]
        print(f"{label:<22}{row['precision']:>8.3f}{row['recall']:>8.3f}{row['f1']:>8.3f}")
    print(f"type accuracy (paired): {result['type_accuracy']:.3f}")
    print(f"{'gold type':<12}{'gold':>6}{'found':>7}{'value ok':>10}{'value recall':>14}")
    for kind, row in result["by_gold_type"].items():
        print(f"{kind:<12}{row['gold']:>6}{row['found']:>7}{row['value_correct']:>10}"
              f"{row['value_recall']:>14.3f}")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="score the first N documents")
    parser.add_argument("--part", choices=("TimeBank", "AQUAINT"), default=None,
                        help="score only the documents of one source corpus")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--errors", type=Path, default=None,
                        help="write every miss, spurious and wrong value here (JSONL)")
    args = parser.parse_args(argv)
    errors: list[dict[str, Any]] | None = [] if args.errors else None
    result = evaluate(load(args.limit, args.part), errors)
    if args.errors and errors is not None:
        args.errors.write_text("".join(json.dumps(e) + "\n" for e in errors), encoding="utf-8")
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print_table(result)


if __name__ == "__main__":
    main()
