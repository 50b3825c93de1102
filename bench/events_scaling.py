"""Cost of the event steps as the corpus grows: per-document extraction and corpus merging.

    .venv/bin/python bench/events_scaling.py [--parse 200] [--sizes 1000,2000,4000]

Parsing thousands of articles would take far longer than the step being measured, so the
script parses ``--parse`` AllSides articles once (timing the event extractor against the
whole per-document stage on them), then builds corpora of each size by repeating those
annotations under fresh article ids, each copy dated a month after the previous one (so
copies share words, actors and places, the hard case for blocking, but not time windows
entirely). It prints seconds and microseconds per article for :func:`build_events` at each
size (CPU time, so other work on the machine does not skew it); near-constant time per
article means near-linear growth.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from sitroom.analyze.events import build_events  # noqa: E402
from sitroom.annotate import annotate_doc, load_nlp  # noqa: E402
from sitroom.annotate.events import extract_events  # noqa: E402
from sitroom.clean import make_article  # noqa: E402
from sitroom.resolve.entities import resolve_entities  # noqa: E402
from sitroom.types import Article, DocAnnotations, RawDocument  # noqa: E402

ALLSIDES = ROOT.parent / "shared" / "corpora" / "allsides" / "allsides_8k.jsonl.gz"
START = date(2024, 1, 1)


def load(count: int) -> list[Article]:
    articles: list[Article] = []
    with gzip.open(ALLSIDES, "rt", encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            if len(row.get("text") or "") < 500:
                continue
            raw = RawDocument(row["id"], row["text"][:6000], "jsonl", title=row.get("title"),
                              outlet=row.get("source") or None)
            articles.append(make_article(raw)[0])
            if len(articles) == count:
                break
    return articles


def parse(articles: list[Article]) -> tuple[list[DocAnnotations], dict[str, float]]:
    nlp = load_nlp()
    started = time.perf_counter()
    docs = list(nlp.pipe([a.text for a in articles], batch_size=32))
    parsed = time.perf_counter() - started
    started = time.perf_counter()
    annotations = [annotate_doc(doc, a.id) for a, doc in zip(articles, docs, strict=True)]
    annotated = time.perf_counter() - started
    started = time.perf_counter()
    for a, doc in zip(articles, docs, strict=True):
        extract_events(doc, a.id)
    events = time.perf_counter() - started
    return annotations, {"parse_s": parsed, "extractors_s": annotated, "events_s": events}


def replicate(
    articles: list[Article], annotations: list[DocAnnotations], size: int
) -> tuple[list[Article], list[DocAnnotations]]:
    out_articles: list[Article] = []
    out_annotations: list[DocAnnotations] = []
    copy = 0
    while len(out_articles) < size:
        day = (START + timedelta(days=30 * copy)).isoformat()
        for article, ann in zip(articles, annotations, strict=True):
            if len(out_articles) == size:
                break
            ident = f"{article.id}-{copy}"
            out_articles.append(replace(article, id=ident, published=day, date_basis="metadata"))
            out_annotations.append(replace(
                ann, article=ident,
                mentions=tuple(replace(m, article=ident) for m in ann.mentions),
                events=tuple(replace(e, article=ident) for e in ann.events),
                times=tuple(replace(t, article=ident) for t in ann.times),
            ))
        copy += 1
    return out_articles, out_annotations


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--parse", type=int, default=200)
    parser.add_argument("--sizes", default="1000,2000,4000")
    args = parser.parse_args(argv)
    if not ALLSIDES.exists():
        print(f"{ALLSIDES} is absent: put ../shared beside the checkout", file=sys.stderr)
        return 2
    articles = load(args.parse)
    annotations, per_doc = parse(articles)
    result: dict[str, Any] = {
        "parsed_articles": len(articles),
        "event_extraction_share_of_annotation": round(
            per_doc["events_s"] / (per_doc["parse_s"] + per_doc["extractors_s"]), 3),
        "merge": [],
    }
    for size in (int(s) for s in args.sizes.split(",")):
        corpus, anns = replicate(articles, annotations, size)
        entities = resolve_entities(anns)
        started = time.process_time()  # CPU time: the machine may be shared
        events = build_events(corpus, anns, entities)
        seconds = time.process_time() - started
        result["merge"].append({
            "articles": size, "mentions": sum(len(a.events) for a in anns),
            "events": len(events), "seconds": round(seconds, 2),
            "us_per_article": round(1e6 * seconds / size),
        })
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
