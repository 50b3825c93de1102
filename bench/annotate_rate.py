"""Per-document cost of annotation, and the store's size per article, from a built store.

    python bench/annotate_rate.py --store DIR [--docs 100] [--breakdown] [--json]

Takes the first N articles stored in DIR (built by ``sitroom build``), loads the spaCy
pipeline first (not timed), then times annotating them in this process the way a build's
workers do (:func:`sitroom.stages.annotate_batch`), and plain ``nlp.pipe`` over the same texts
with the same model. Both wall time and this process's CPU time are reported: on a machine
shared with other work, CPU seconds per document is the figure that carries over to a
dedicated worker. Also prints the store's bytes per article (database file size over stored
articles), the basis of the storage estimate in docs/scaling.md.

``--breakdown`` adds where the annotation's CPU time goes, per article: each spaCy pipeline
component (run one after the other over the same texts) and each of sitroom's extractors.
"""

from __future__ import annotations

import argparse
import importlib
import json
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

#: The extractors :func:`sitroom.annotate.annotate_doc` calls, timed one by one, with the
#: module each lives in (annotate_doc imports them from there when it runs, so replacing the
#: module's name times it).
EXTRACTORS = (("times", "extract_times"), ("quotes", "extract_quotes"),
              ("mentions", "extract_mentions"), ("acronyms", "extract_acronyms"),
              ("citations", "extract_citations"), ("events", "extract_events"),
              ("clauses", "extract_clauses"), ("clauses", "extract_descriptors"))


def breakdown(jobs: Sequence[tuple[str, str, str | None]]) -> dict[str, float]:
    """CPU seconds per article of each pipeline component and each extractor."""
    import sitroom.annotate as annotate
    from sitroom.stages import _anchor

    nlp = annotate.load_nlp()
    count = max(1, len(jobs))
    cost: dict[str, float] = {}
    cpu = time.process_time()
    docs = [nlp.make_doc(text) for _, text, _ in jobs]
    cost["component:tokenizer"] = time.process_time() - cpu
    for name, component in nlp.pipeline:
        cpu = time.process_time()
        if hasattr(component, "pipe"):
            docs = list(component.pipe(docs, batch_size=32))
        else:
            docs = [component(doc) for doc in docs]
        cost[f"component:{name}"] = time.process_time() - cpu

    def timed(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def run(*args: Any, **kwargs: Any) -> Any:
            cpu = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                cost[name] = cost.get(name, 0.0) + time.process_time() - cpu
        return run

    modules = {module: importlib.import_module(f"sitroom.annotate.{module}")
               for module, _ in EXTRACTORS}
    originals = {(module, name): getattr(modules[module], name) for module, name in EXTRACTORS}
    try:
        for (module, name), function in originals.items():
            setattr(modules[module], name, timed(f"extractor:{name}", function))
        for (article_id, _, published), doc in zip(jobs, docs, strict=True):
            annotate.annotate_doc(doc, article_id, _anchor(published))
    finally:
        for (module, name), function in originals.items():
            setattr(modules[module], name, function)
    return {name: round(seconds / count, 4) for name, seconds in cost.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, required=True, help="a folder built by sitroom")
    parser.add_argument("--docs", type=int, default=100, help="articles to annotate")
    parser.add_argument("--breakdown", action="store_true",
                        help="also time each pipeline component and extractor")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()

    import spacy

    from sitroom.annotate import load_nlp
    from sitroom.annotate.nlp import MODEL_PACKAGE, PARSE_BATCH
    from sitroom.stages import annotate_batch
    from sitroom.store import Store

    with Store.open(args.store, read_only=True) as store:
        stored = store.articles()
    jobs = [(a.id, a.text, a.published) for a in stored[: args.docs]]
    words = sum(len(text.split()) for _, text, _ in jobs)
    load_nlp()
    plain = spacy.load(MODEL_PACKAGE)

    wall, cpu = time.perf_counter(), time.process_time()
    annotate_batch(jobs)
    ours_wall, ours_cpu = time.perf_counter() - wall, time.process_time() - cpu
    wall, cpu = time.perf_counter(), time.process_time()
    for _ in plain.pipe([text for _, text, _ in jobs], batch_size=PARSE_BATCH):
        pass
    spacy_wall, spacy_cpu = time.perf_counter() - wall, time.process_time() - cpu

    db_bytes = (args.store / "sitroom.duckdb").stat().st_size
    line: dict[str, Any] = {
        "docs": len(jobs),
        "words_per_doc": round(words / max(1, len(jobs))),
        "annotate_docs_per_s_wall": round(len(jobs) / ours_wall, 2),
        "annotate_cpu_s_per_doc": round(ours_cpu / len(jobs), 4),
        "spacy_docs_per_s_wall": round(len(jobs) / spacy_wall, 2),
        "spacy_cpu_s_per_doc": round(spacy_cpu / len(jobs), 4),
        "cpu_ratio": round(spacy_cpu / ours_cpu, 3),
        "store_articles": len(stored),
        "store_bytes_per_article": round(db_bytes / max(1, len(stored))),
    }
    if args.breakdown:
        line["cpu_s_per_doc"] = breakdown(jobs)
    if args.json:
        print(json.dumps(line))
    else:
        for key, value in line.items():
            print(f"{key}: {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
