"""Speed of sitroom's per-document work as ratios against plain spaCy parsing, measured in
the same process on the same texts (so the figures hold on any machine).

    make bench            # or: .venv/bin/python bench/run.py [--docs N]

Texts: the FA-KES articles from ../shared when present, else the bundled demo corpus. Prints
one JSON object; the README quotes its ratios.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
FAKES = ROOT.parent / "shared" / "corpora" / "fakes" / "fakes.csv"


def load_texts(limit: int) -> tuple[str, list[str]]:
    """Cleaned article texts to parse, and where they came from."""
    from sitroom.clean import make_article
    from sitroom.types import RawDocument

    if FAKES.exists():
        csv.field_size_limit(sys.maxsize)
        with FAKES.open(encoding="cp1252", errors="replace", newline="") as handle:
            rows = [row["article_content"] for row in csv.DictReader(handle)]
        source = "FA-KES"
    else:
        demo = ROOT / "src" / "sitroom" / "data" / "demo"
        rows = [p.read_text(encoding="utf-8") for p in sorted(demo.glob("*.txt"))]
        source = "demo corpus (text files)"
    texts = []
    for index, text in enumerate(rows[:limit]):
        article, _ = make_article(RawDocument(locator=f"bench#{index}", text=text, format="text"))
        if article.text:
            texts.append(article.text)
    return source, texts


def best_times(actions: dict[str, Callable[[], Any]], rounds: int = 3) -> dict[str, float]:
    """Best wall-clock time of each action over ``rounds`` rounds. The actions take turns
    within a round, so a disturbance from other work on the machine hits them alike."""
    best = dict.fromkeys(actions, float("inf"))
    for _ in range(rounds):
        for name, action in actions.items():
            started = time.perf_counter()
            action()
            best[name] = min(best[name], time.perf_counter() - started)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=200, help="articles to time (default 200)")
    args = parser.parse_args()

    import spacy

    from sitroom.annotate import annotate_doc, load_nlp
    from sitroom.annotate.nlp import MODEL_PACKAGE

    source, texts = load_texts(args.docs)
    plain = spacy.load(MODEL_PACKAGE)
    ours = load_nlp()

    def parse_plain() -> None:
        for _ in plain.pipe(texts, batch_size=32):
            pass

    def parse_ours() -> None:
        for _ in ours.pipe(texts, batch_size=32):
            pass

    docs = list(ours.pipe(texts, batch_size=32))

    def extract_only() -> None:
        for index, doc in enumerate(docs):
            annotate_doc(doc, f"a{index}", None)

    best = best_times({"plain": parse_plain, "ours": parse_ours, "extract": extract_only})
    baseline, with_components, extractors = best["plain"], best["ours"], best["extract"]
    tracemalloc.start()
    extract_only()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    result = {
        "texts": source,
        "documents": len(texts),
        "words": sum(len(t.split()) for t in texts),
        "plain_spacy_parse_s": round(baseline, 3),
        "components_over_plain_parse": round(with_components / baseline - 1, 3),
        "extractors_over_plain_parse": round(extractors / baseline, 3),
        "annotate_total_over_plain_parse": round((with_components + extractors) / baseline, 3),
        "extractors_peak_python_mib": round(peak / 2**20, 1),
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
