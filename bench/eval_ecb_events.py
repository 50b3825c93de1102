"""Event coreference on ECB+ dev topics: mention recall and CoNLL F1 of sitroom's events.

Each document is annotated by the real per-document stage; events are built per topic by
:func:`sitroom.analyze.events.build_events` (one topic = one corpus, as a user would feed
it). Every evidence item's trigger span is a predicted mention and its event the cluster.
Predicted spans inside the annotated sentences (``validated``) are matched one-to-one to gold
mentions by character overlap (largest overlap first). Reported:

- mention recall of gold ACTION_OCCURRENCE mentions, and of all gold mentions;
- mention precision (predicted spans in annotated sentences that match a gold mention);
- MUC, B-cubed, CEAF-e and CoNLL F1 over the matched mentions (gold clusters restricted to
  the matched gold mentions), and the same for the same-lowercased-text baseline on those
  mentions.

Usage: python bench/eval_ecb_events.py [--limit N] [--json]
(``--limit`` takes the first N topics.)
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from sitroom.analyze.events import build_events  # noqa: E402
from sitroom.annotate import annotate_doc, load_nlp  # noqa: E402
from sitroom.metrics.clustering_scores import b_cubed, ceaf_e, muc  # noqa: E402
from sitroom.resolve.entities import resolve_entities  # noqa: E402
from sitroom.types import Article, DocAnnotations  # noqa: E402

DATA = ROOT.parent / "shared" / "corpora" / "ecbplus" / "ecbplus_dev_events.jsonl"
OCCURRENCE = "ACTION_OCCURRENCE"


def load(path: Path = DATA, limit: int | None = None) -> list[dict[str, Any]]:
    docs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    if limit is not None:
        topics = sorted({d["topic"] for d in docs})[:limit]
        docs = [d for d in docs if d["topic"] in topics]
    return docs


def _article(doc: dict[str, Any]) -> Article:
    return Article(
        id=doc["doc_id"], text=doc["text"], outlet=doc["doc_id"], title=None, url=None,
        published=None, date_basis="unknown", date_range=None, language="en",
        words=len(doc["text"].split()),
    )


def predict(docs: Sequence[dict[str, Any]]) -> list[tuple[str, int, int, str]]:
    """(doc id, start, end, event id) of every event trigger sitroom finds, per topic."""
    nlp = load_nlp()
    annotations: dict[str, DocAnnotations] = {}
    for doc, parsed in zip(docs, nlp.pipe([d["text"] for d in docs], batch_size=32),
                           strict=True):
        annotations[doc["doc_id"]] = annotate_doc(parsed, doc["doc_id"])
    by_topic: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for doc in docs:
        by_topic[doc["topic"]].append(doc)
    found: list[tuple[str, int, int, str]] = []
    for topic in sorted(by_topic):
        members = by_topic[topic]
        anns = [annotations[d["doc_id"]] for d in members]
        entities = resolve_entities(anns)
        for event in build_events([_article(d) for d in members], anns, entities):
            for ev in event.evidence:
                if ev.trigger_start is not None and ev.trigger_end is not None:
                    found.append((ev.article, ev.trigger_start, ev.trigger_end, event.id))
    return found


def _inside(start: int, end: int, ranges: Iterable[Sequence[int]]) -> bool:
    return any(lo <= start and end <= hi for lo, hi in ranges)


def match(
    gold: Sequence[tuple[str, int, int]], predicted: Sequence[tuple[str, int, int]]
) -> dict[int, int]:
    """One-to-one matching of predicted to gold mentions by character overlap, largest
    overlap first: gold index -> predicted index."""
    by_doc: dict[str, list[int]] = defaultdict(list)
    for j, (doc, _, _) in enumerate(predicted):
        by_doc[doc].append(j)
    pairs: list[tuple[int, int, int]] = []
    for i, (doc, start, end) in enumerate(gold):
        for j in by_doc.get(doc, ()):
            _, p_start, p_end = predicted[j]
            overlap = min(end, p_end) - max(start, p_start)
            if overlap > 0:
                pairs.append((-overlap, i, j))
    pairs.sort()
    taken_gold: dict[int, int] = {}
    taken_pred: set[int] = set()
    for _, i, j in pairs:
        if i not in taken_gold and j not in taken_pred:
            taken_gold[i] = j
            taken_pred.add(j)
    return taken_gold


def evaluate(docs: Sequence[dict[str, Any]]) -> dict[str, Any]:
    started = time.perf_counter()
    predicted_all = predict(docs)
    validated = {d["doc_id"]: d["validated"] for d in docs}
    predicted = [p for p in predicted_all if _inside(p[1], p[2], validated[p[0]])]
    gold = [
        (d["doc_id"], m["start"], m["end"], m["cluster"], m["tag"], m["text"], d["topic"])
        for d in docs for m in d["mentions"]
    ]
    matched = match([g[:3] for g in gold], [p[:3] for p in predicted])
    occurrence = [i for i, g in enumerate(gold) if g[4] == OCCURRENCE]
    key = {i: gold[i][3] for i in matched}
    response = {i: predicted[matched[i]][3] for i in matched}
    baseline = {i: f"{gold[i][6]}:{gold[i][5].lower()}" for i in matched}
    scores: dict[str, Any] = {
        "documents": len(docs),
        "gold_mentions": len(gold),
        "predicted_mentions": len(predicted),
        "matched": len(matched),
        "recall_occurrence": sum(1 for i in occurrence if i in matched) / max(1, len(occurrence)),
        "recall_all": len(matched) / max(1, len(gold)),
        "precision": len(matched) / max(1, len(predicted)),
    }
    for name, response_labels in (("sitroom", response), ("same_text", baseline)):
        m, b, c = muc(key, response_labels), b_cubed(key, response_labels), ceaf_e(
            key, response_labels)
        scores[name] = {
            "muc_f1": round(m[2], 4), "b_cubed_f1": round(b[2], 4), "ceaf_e_f1": round(c[2], 4),
            "conll_f1": round((m[2] + b[2] + c[2]) / 3, 4),
        }
    scores["seconds"] = round(time.perf_counter() - started, 1)
    return scores


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="first N topics only")
    parser.add_argument("--json", action="store_true", help="print JSON")
    args = parser.parse_args(argv)
    if not DATA.exists():
        print(f"{DATA} is absent: put ../shared beside the checkout", file=sys.stderr)
        return 2
    scores = evaluate(load(limit=args.limit))
    if args.json:
        print(json.dumps(scores, indent=2))
    else:
        for name, value in scores.items():
            print(f"{name:>20}: {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
