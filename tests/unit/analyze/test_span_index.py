"""The statements' span index answers "what lies inside / covers most of this range" by
bisection (a scan per clause cost the product of an article's clauses and names) exactly
as the scans did, empty spans included."""

from __future__ import annotations

import random

from sitroom.analyze.statements import SpanIndex


def test_inside_and_best_answer_as_scans() -> None:
    rng = random.Random(13)
    for _ in range(200):
        spans: dict[tuple[str, int, int], str] = {}
        for n in range(rng.randint(0, 25)):
            start = rng.randint(0, 150)
            end = start + rng.choice((0, 1, 4, 9, 60)) if rng.random() < 0.9 else start + 1
            spans[(rng.choice("ab"), start, end)] = f"id{n}"
        index = SpanIndex(spans)
        for _ in range(10):
            article = rng.choice("abc")
            start = rng.randint(-5, 160)
            end = start + rng.randint(0, 30)
            rows = [(s, e, i) for (a, s, e), i in spans.items() if a == article]
            assert index.inside(article, start, end) == [
                i for s, e, i in rows if s >= start and e <= end
            ]
            best: tuple[int, str] | None = None
            for s, e, i in rows:
                overlap = min(e, end) - max(s, start)
                if overlap > 0 and (best is None or overlap > best[0]):
                    best = (overlap, i)
            assert index.best(article, start, end) == (best[1] if best else None)
