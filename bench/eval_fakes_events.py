"""Events on FA-KES: casualty figures and event places against the annotated columns.

FA-KES (../shared/corpora/fakes/fakes.csv, cp1252) annotates, per Syrian-war article, the
``location`` of the event it reports and its dead: ``nb_civilians`` + ``nb_noncivilians``.
For each article of a deterministic sample we run the real pipeline (annotate, resolve
entities and places over the sample, build events) and read:

- the article's toll: the largest ``killed`` figure of its events that happened (the headline
  toll is usually the largest); agreement = the same number, or within 10%;
- the article's event place: the place below country level of its event of type assault
  (else of any event) with the most evidence; right when within 30 km of the annotated town
  or of the same name (the rule of ``bench/eval_fakes_places.py``).

    .venv/bin/python bench/eval_fakes_events.py [--docs 150]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def _places_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "eval_fakes_places", ROOT / "bench" / "eval_fakes_places.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=150, help="articles (0 = all 804)")
    args = parser.parse_args(argv)
    helpers = _places_script()
    if not helpers.FAKES.exists():
        print(f"{helpers.FAKES} is absent: put ../shared beside the checkout", file=sys.stderr)
        return 2

    from sitroom.analyze.events import build_events, place_mentions, town_points
    from sitroom.annotate import annotate_doc, load_nlp
    from sitroom.clean import make_article
    from sitroom.resolve.entities import resolve_entities
    from sitroom.resolve.places import distance_km, resolve_places
    from sitroom.types import RawDocument

    rows = helpers.load_rows(args.docs)
    articles = [
        make_article(RawDocument(f"fakes#{i}", row["article_content"], "text"))[0]
        for i, row in enumerate(rows)
    ]
    nlp = load_nlp()
    docs = nlp.pipe([a.text for a in articles], batch_size=32)
    annotations = [annotate_doc(doc, a.id) for doc, a in zip(docs, articles, strict=True)]
    entities = resolve_entities(annotations)
    places = resolve_places(articles, annotations, entities)
    by_place = {p.id: p for p in places.places}
    kinds = {m.place: m.kind for m in places.mentions}
    gold_positions = helpers.gazetteer_positions({row["location"] for row in rows})

    toll_pairs: list[tuple[int, int]] = []
    with_gold_toll = place_right = place_found = 0
    misses: Counter[str] = Counter()
    for row, article, ann in zip(rows, articles, annotations, strict=True):
        events = build_events(
            [article], [ann], entities, place_mentions(places), towns=town_points(places)
        )
        gold_toll = sum(int(row[k] or 0) for k in ("nb_civilians", "nb_noncivilians"))
        figures = [int(n.value) for e in events if e.happened for n in e.numbers
                   if n.field == "killed"]
        if gold_toll > 0:
            with_gold_toll += 1
            if figures:
                toll_pairs.append((gold_toll, max(figures)))
        # a town or province says where; "Syria" says little
        placed = [e for e in events if e.place and e.happened
                  and kinds.get(e.place) in ("city", "admin1")]
        assaults = [e for e in placed if e.type == "assault"] or placed
        if not assaults:
            continue
        place_found += 1
        top = by_place[max(assaults, key=lambda e: (len(e.evidence), e.id)).place or ""]
        truth = gold_positions.get(row["location"])
        near = (
            truth is not None and top.lat is not None and top.lon is not None
            and distance_km(top.lat, top.lon, truth[0], truth[1]) <= 30
        )
        if near or any(helpers.same_name(row["location"], n) for n in (top.name, *top.aliases)):
            place_right += 1
        else:
            misses[f"{row['location']} -> {top.name}"] += 1
    exact = sum(1 for g, p in toll_pairs if g == p)
    close = sum(1 for g, p in toll_pairs if abs(g - p) <= 0.1 * g)
    print(json.dumps({
        "corpus": "FA-KES",
        "articles": len(rows),
        "articles_with_annotated_dead": with_gold_toll,
        "toll_found": len(toll_pairs),
        "toll_exact": round(exact / max(1, len(toll_pairs)), 3),
        "toll_within_10pct": round(close / max(1, len(toll_pairs)), 3),
        "event_place_found": place_found,
        "event_place_right": round(place_right / max(1, place_found), 3),
        "event_place_right_of_all": round(place_right / max(1, len(rows)), 3),
        "top_place_misses": misses.most_common(6),
    }, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
