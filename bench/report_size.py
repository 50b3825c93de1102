"""report.html at scale: file size, time to write it, and the browser's first render and
filter time, for synthetic reports of 1,000 and 8,000 articles.

    .venv/bin/python bench/report_size.py [--sizes 1000 8000] [--words 600]

The reports are synthetic (random words, a few hundred actors and places, one quote per
article, a claim per ten), shaped like a real build of that many articles. First render is
measured in headless Chromium from navigation start to the moment every view is drawn; the
filter time is one change of the outlet filter redrawing every view. Prints one JSON object.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from sitroom.report import write_report  # noqa: E402
from sitroom.types import (  # noqa: E402
    Article,
    Claim,
    Entity,
    Event,
    Evidence,
    Place,
    Quote,
    Report,
)

VOCABULARY = [f"word{i}" for i in range(3000)]


def synthetic_report(n: int, words: int, seed: int = 7) -> tuple[Report, dict[str, str]]:
    rng = random.Random(seed)
    outlets = [f"Outlet {i}" for i in range(max(5, n // 30))]
    articles = []
    texts = {}
    for i in range(n):
        text = " ".join(rng.choice(VOCABULARY) for _ in range(words)) + "."
        day = f"2024-{rng.randint(9, 12):02d}-{rng.randint(1, 28):02d}"
        article = Article(
            id=f"a{i:015d}", text=text, outlet=rng.choice(outlets), title=f"Headline {i}",
            url=f"https://news{i % 50}.example/{i}", published=day, date_basis="metadata",
            date_range=None, language="en", words=words, files=(f"in/{i}.html",),
        )  # fmt: skip
        articles.append(article)
        texts[article.id] = text
    ids = [a.id for a in articles]
    entities = tuple(
        Entity(f"e{i}", f"Actor {i}", rng.choice(["PERSON", "ORG", "GPE"]),
               (f"Actor {i}", f"A. {i}"), rng.randint(1, 400),
               tuple(sorted(rng.sample(ids, k=min(len(ids), rng.randint(1, 60))))))
        for i in range(max(50, n // 20))
    )  # fmt: skip
    places = tuple(
        Place(f"p{i}", f"Town {i}", (f"Town {i}",), rng.uniform(-50, 60), rng.uniform(-120, 140),
              "XX", None, tuple(sorted(rng.sample(ids, k=min(len(ids), rng.randint(1, 40))))),
              0.9)
        for i in range(max(30, n // 40))
    )  # fmt: skip

    def span(article: Article) -> Evidence:
        return Evidence(article.id, 0, 20, texts[article.id][:20])

    quotes = tuple(
        Quote(f"q{i}", a.id, rng.choice(entities).id, None, texts[a.id][:40], True, "said", 0, 40)
        for i, a in enumerate(articles)
    )
    events = tuple(
        Event(f"ev{i}", "attack", a.published, "day", (rng.choice(entities).id,), (),
              rng.choice(places).id, f"Event {i}", (span(a),), (a.outlet,), 1)
        for i, a in enumerate(articles[: n // 4])
    )  # fmt: skip
    claims = tuple(
        Claim(f"k{i}", f"Claim {i}", (span(a),), (a.outlet,), 1,
              rng.choice(["corroborated", "single_source", "contested"]))
        for i, a in enumerate(articles[: n // 10])
    )  # fmt: skip
    report = Report(1, "sitroom bench", "2024-12-28", tuple(articles), entities=entities,
                    places=places, events=events, quotes=quotes, claims=claims)  # fmt: skip
    return report, texts


def browser_times(html: Path) -> dict[str, float]:
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        return {}
    with sync_playwright() as playwright:
        args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic"]  # fmt: skip
        browser = playwright.chromium.launch(executable_path=chromium, args=args)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        started = time.perf_counter()
        page.goto(html.as_uri(), timeout=300_000)
        page.wait_for_selector("body[data-ready]", timeout=300_000)
        first = time.perf_counter() - started
        views = json.loads(page.get_attribute("body", "data-timings") or "{}")
        outlet = page.eval_on_selector("#f-outlet option:nth-child(2)", "o => o.value")
        started = time.perf_counter()
        page.select_option("#f-outlet", outlet)
        page.wait_for_function("document.getElementById('f-status').textContent.startsWith('Showing')")
        filtered = time.perf_counter() - started
        browser.close()
    return {"first_render_s": round(first, 2), "filter_s": round(filtered, 2), "views_ms": views}


def measure(n: int, words: int) -> dict[str, Any]:
    report, texts = synthetic_report(n, words)
    with tempfile.TemporaryDirectory(prefix="sitroom-bench-") as tmp:
        started = time.perf_counter()
        _, html = write_report(report, Path(tmp), texts)
        written = time.perf_counter() - started
        size = html.stat().st_size
        return {
            "articles": n,
            "words_per_article": words,
            "html_mb": round(size / 1e6, 1),
            "text_share": round(sum(len(t) for t in texts.values()) / size, 2),
            "write_s": round(written, 2),
            **browser_times(html),
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 8000])
    parser.add_argument("--words", type=int, default=600)
    args = parser.parse_args()
    print(json.dumps([measure(n, args.words) for n in args.sizes], indent=2))


if __name__ == "__main__":
    main()
