"""Time each corpus-level step of a build on growing subsets of one built store.

    python bench/corpus_steps.py [--sizes 250,500,1000] [--store DIR] [--json]

The corpus-level steps are the ones :func:`sitroom.pipeline.assemble_report` runs over
everything stored after the per-document stages: entity resolution, places, quotes and
citations (provenance), events, stories, and claims with framing and summaries (findings).
They are rerun on every build that adds articles, so how their time grows with the corpus is
what decides whether "add ten articles" stays cheap.

``--store`` names a folder built by ``sitroom build`` (for example from the first 1,000
AllSides articles); without it the largest size is built first from the AllSides sample
(``../shared/corpora/allsides``), which takes a while. Each size takes the first N stored
articles and their annotations in memory, so one store serves every size. The claims step
reuses the embeddings the build cached in the store, as a rebuild does (``--no-cache``: embeds
every claim afresh, as a first build does); the store is copied first, so the original is left
as it was. ``read`` is loading the articles and their annotations from the store. Prints a
table of CPU seconds per step (with ``--json`` wall seconds too) and, between consecutive
sizes, the growth exponent log(t2/t1) / log(n2/n1) of CPU time: 1 is linear, 2 quadratic.
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

STEPS = ("read", "entities", "places", "quotes", "events", "stories", "findings")


def time_steps(store: Any, size: int, *, cached: bool = True) -> dict[str, float]:
    """Seconds per corpus-level step over the first ``size`` stored articles."""
    from sitroom.annotate import PIPELINE_VERSION

    def read() -> tuple[Any, Any]:
        kept = store.articles()[:size]
        ids = {article.id for article in kept}
        return kept, [a for a in store.annotations(PIPELINE_VERSION) if a.article in ids]

    started, cpu = time.perf_counter(), time.process_time()
    kept, annotations = read()
    seconds = {"read": time.perf_counter() - started, "read_cpu": time.process_time() - cpu}
    return {**seconds, **run_steps(kept, annotations, store if cached else None)}


def run_steps(kept: Any, annotations: Any, cache: Any) -> dict[str, float]:
    """Wall and CPU seconds of each corpus-level step after ``read`` over these articles and
    their annotations, as :func:`sitroom.pipeline.assemble_report` runs them (``cache``:
    where the claims step finds stored embeddings, or None)."""
    from sitroom.analyze.events import build_events, mark_duplicates, place_mentions, town_points
    from sitroom.analyze.findings import build_findings
    from sitroom.analyze.provenance import build_quotes_and_citations
    from sitroom.analyze.stories import stories_for
    from sitroom.pipeline import _actors_by_article, date_undated
    from sitroom.resolve.entities import resolve_entities
    from sitroom.resolve.places import resolve_places

    seconds: dict[str, float] = {}

    def timed(name: str, step: Callable[[], Any]) -> Any:
        started, cpu = time.perf_counter(), time.process_time()
        value = step()
        seconds[name] = time.perf_counter() - started
        seconds[name + "_cpu"] = time.process_time() - cpu
        return value

    articles = mark_duplicates(date_undated(kept, annotations))
    entities = timed("entities", lambda: resolve_entities(annotations))
    places = timed("places", lambda: resolve_places(articles, annotations, entities))
    quotes, citations = timed(
        "quotes", lambda: build_quotes_and_citations(articles, annotations, entities)
    )
    events = timed(
        "events",
        lambda: build_events(
            articles, annotations, entities, place_mentions(places), towns=town_points(places)
        ),
    )
    stories = timed("stories", lambda: stories_for(articles, _actors_by_article(entities)))
    timed("findings", lambda: build_findings(
        articles, annotations, quotes, citations, entities.entities, entities.mention_entity,
        places.places, places.mention_place, cache=cache,
    ))
    seconds["articles"] = float(len(articles))
    # What the steps found, to tell how much merging a corpus made (not timed).
    seconds["found_entities"] = float(len(entities.entities))
    seconds["found_quote_links"] = float(sum(len(q.also_in) for q in quotes))
    seconds["found_events"] = float(len(events))
    seconds["found_stories"] = float(len(stories))
    return seconds


def exponent(small: float, large: float, n_small: float, n_large: float) -> float | None:
    if small <= 0 or large <= 0 or n_small == n_large:
        return None
    return math.log(large / small) / math.log(n_large / n_small)


def build_store(size: int, folder: Path) -> Path:
    from throughput import write_sample

    from sitroom import Options, build

    sample = write_sample(size, folder)
    out = folder / "store"
    build([sample], out, Options(quiet=True))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="250,500,1000", help="articles per subset")
    parser.add_argument("--store", type=Path, help="a folder built by sitroom build")
    parser.add_argument("--no-cache", action="store_true",
                        help="embed every claim afresh (a first build's cost) instead of "
                        "reusing the embeddings the build stored (a rebuild's)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()
    sizes = sorted({int(part) for part in args.sizes.split(",") if part.strip()})

    from sitroom.store import Store

    scratch = Path(tempfile.mkdtemp(prefix="sitroom-steps-"))
    try:
        source = args.store or build_store(max(sizes), scratch)
        copy = scratch / "copy"
        copy.mkdir()
        for name in ("sitroom.duckdb", "sitroom.duckdb.wal"):  # the log holds recent commits
            if (source / name).exists():
                shutil.copy(source / name, copy / name)
        rows: list[dict[str, float]] = []
        with Store.open(copy) as store:
            # One small untimed pass first: models, gazetteer and caches load on first use,
            # which would otherwise be charged to the smallest size's steps.
            time_steps(store, min(5, sizes[0]), cached=not args.no_cache)
            for size in sizes:
                measured = time_steps(store, size, cached=not args.no_cache)
                if rows and measured["articles"] == rows[-1]["articles"]:
                    break  # the store holds fewer articles than asked: larger sizes repeat
                rows.append(measured)
                print(f"measured {int(measured['articles'])} articles: "
                      + ", ".join(f"{step} {measured[step]:.2f}s" for step in STEPS),
                      file=sys.stderr, flush=True)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)

    # CPU seconds of this process: on a shared machine they carry over, wall seconds do not.
    growth: list[dict[str, Any]] = []
    for before, after in itertools.pairwise(rows):
        item: dict[str, Any] = {"from": int(before["articles"]), "to": int(after["articles"])}
        for step in STEPS:
            found = exponent(before[step + "_cpu"], after[step + "_cpu"], before["articles"],
                             after["articles"])
            item[step] = None if found is None else round(found, 2)
        growth.append(item)
    if args.json:
        table = [{"articles": int(r["articles"]), **{s: round(r[s], 3) for s in STEPS}}
                 for r in rows]
        cpu = [{"articles": int(r["articles"]), **{s: round(r[s + "_cpu"], 3) for s in STEPS}}
               for r in rows]
        print(json.dumps({"seconds": table, "cpu_seconds": cpu, "growth_exponent": growth}))
        return 0
    print("CPU seconds per step")
    print("articles " + " ".join(f"{step:>9}" for step in STEPS) + "     total")
    for r in rows:
        total = sum(r[s + "_cpu"] for s in STEPS)
        print(f"{int(r['articles']):>8} " + " ".join(f"{r[s + '_cpu']:>9.2f}" for s in STEPS)
              + f" {total:>9.2f}")
    for item in growth:
        print(f"exponent {item['from']}->{item['to']}: " + " ".join(
            f"{step} {item[step]}" for step in STEPS))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
