"""Geocoding on FA-KES: is the article's main place the town the annotators named?

FA-KES (../shared/corpora/fakes/fakes.csv, cp1252) gives, for each Syrian-war article, the
``location`` it is about (a city: aleppo, damascus, deir ezzor, ...). For every article we run
the real pipeline (clean, spaCy + sitroom components, resolve_places over the whole sample) and
take the most-mentioned resolved place below country level. It counts as right when it lies
within 30 km of the gazetteer position of the annotated name, or has the same name
(transliteration-folded). The sample is deterministic (every k-th row). As the annotated
``location`` is a governorate's main city, the share whose main place lies in the same
first-level area is printed too.

    .venv/bin/python bench/eval_fakes_places.py            # 300 articles, ~1-2 minutes
    .venv/bin/python bench/eval_fakes_places.py --docs 0   # all 804

Prints one JSON object with the figures the README quotes, plus the time resolve_places
takes next to the spaCy parse of the same articles.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from collections import Counter
from pathlib import Path

from rapidfuzz import fuzz

ROOT = Path(__file__).resolve().parents[1]
FAKES = ROOT.parent / "shared" / "corpora" / "fakes" / "fakes.csv"


def load_rows(limit: int) -> list[dict[str, str]]:
    csv.field_size_limit(sys.maxsize)
    with FAKES.open(encoding="cp1252", errors="replace", newline="") as handle:
        rows = [row for row in csv.DictReader(handle) if row["article_content"].strip()]
    if limit and limit < len(rows):
        step = len(rows) / limit
        rows = [rows[int(i * step)] for i in range(limit)]
    return rows


def same_name(a: str, b: str) -> bool:
    from sitroom.resolve.geo_names import unify

    return fuzz.ratio(unify(a).replace(" ", ""), unify(b).replace(" ", "")) >= 85


Position = tuple[float, float, str | None]


def admin_area(name: str, geonames_id: int | None) -> str | None:
    """The GeoNames first-level area code of a resolved place."""
    from sitroom.resolve.geo_index import load_index
    from sitroom.resolve.geo_names import fold

    for entry in load_index().lookup(fold(name)):
        if entry.geonames_id == geonames_id and entry.name == name:
            return entry.admin1
    return None


def gazetteer_positions(names: set[str]) -> dict[str, Position | None]:
    """Where the resolver puts each annotated name when told it is in Syria."""
    from sitroom.resolve.places import resolve_places
    from sitroom.types import Article, DocAnnotations, Mention

    positions: dict[str, Position | None] = {}
    for name in sorted(names):
        text = f"{name.title()}, Syria"
        article = Article(name, text, "gold", None, None, None, "unknown", None, "en", 0)
        mentions = (
            Mention(name, 0, len(name), text[: len(name)], "GPE"),
            Mention(name, len(name) + 2, len(text), "Syria", "GPE"),
        )
        res = resolve_places([article], [DocAnnotations(name, mentions)])
        first = res.mentions[0]
        if first.lat is not None and first.lon is not None:
            positions[name] = (first.lat, first.lon, admin_area(first.name, first.geonames_id))
        else:
            positions[name] = None
    return positions


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=300, help="articles (0 = all; default 300)")
    args = parser.parse_args()
    if not FAKES.exists():
        sys.exit(f"{FAKES} is absent: this benchmark needs ../shared beside the checkout")

    from sitroom.annotate import annotate_doc, load_nlp
    from sitroom.clean import make_article
    from sitroom.resolve.geo_index import load_index
    from sitroom.resolve.places import distance_km, resolve_places
    from sitroom.types import RawDocument

    rows = load_rows(args.docs)
    articles = [
        make_article(RawDocument(locator=f"fakes#{i}", text=row["article_content"], format="text"))[
            0
        ]
        for i, row in enumerate(rows)
    ]
    nlp = load_nlp()
    started = time.perf_counter()
    docs = list(nlp.pipe([a.text for a in articles], batch_size=32))
    parse_s = time.perf_counter() - started
    annotations = [annotate_doc(doc, a.id, None) for doc, a in zip(docs, articles, strict=True)]

    load_index()  # once per process; timed apart from the per-corpus work
    started = time.perf_counter()
    resolution = resolve_places(articles, annotations)
    resolve_s = time.perf_counter() - started

    places = {p.id: p for p in resolution.places}
    gold = gazetteer_positions({row["location"] for row in rows})
    right = with_place = same_area = 0
    misses: Counter[str] = Counter()
    for row, article in zip(rows, articles, strict=True):
        counts: Counter[str] = Counter()
        for mention in resolution.mentions:
            # Countries and continents say little about which town an article is about.
            if mention.article == article.id and mention.kind in ("admin1", "city"):
                counts[mention.place] += 1
        if not counts:
            misses["no place below country level"] += 1
            continue
        with_place += 1
        top = places[max(counts.items(), key=lambda item: (item[1], item[0]))[0]]
        truth = gold.get(row["location"])
        near = (
            truth is not None
            and top.lat is not None
            and top.lon is not None
            and distance_km(top.lat, top.lon, truth[0], truth[1]) <= 30
        )
        area = admin_area(top.name, top.geonames_id)
        if truth is not None and area is not None and area == truth[2]:
            same_area += 1
        if near or any(same_name(row["location"], n) for n in (top.name, *top.aliases)):
            right += 1
        else:
            misses[f"{row['location']} -> {top.name}"] += 1
    total = len(rows)
    print(
        json.dumps(
            {
                "corpus": "FA-KES",
                "articles": total,
                "main_place_right": right,
                "accuracy": round(right / total, 3),
                "accuracy_when_a_place_found": round(right / with_place, 3) if with_place else None,
                # FA-KES names the governorate's main city; a town of that governorate
                # (Manbij for "aleppo") is often what the article is really about.
                "same_first_level_area": round(same_area / total, 3),
                "place_mentions": len(resolution.mentions),
                "resolved_share": round(
                    sum(m.lat is not None for m in resolution.mentions)
                    / max(1, len(resolution.mentions)),
                    3,
                ),
                "parse_s": round(parse_s, 2),
                "resolve_places_s": round(resolve_s, 3),
                "resolve_vs_parse": round(resolve_s / parse_s, 3),
                "top_misses": misses.most_common(8),
            },
            indent=2,
            ensure_ascii=False,
        )
    )


if __name__ == "__main__":
    main()
