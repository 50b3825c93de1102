"""report.html and report.json of a real build: their size, what they are made of, the
writer's cost, and the browser's first render and filter time.

    python bench/report_size.py --store DIR [--no-browser]
    python bench/report_size.py --synthetic [--sizes 1000 8000] [--words 600]

``--store DIR`` is the folder of a real build (``sitroom build``, or
``bench/incremental.py --docs N --keep``). The report is assembled from its store as a build
does (the corpus steps, not timed; the store is opened read-only), then written into a
scratch folder by :func:`sitroom.report.write_report` as a build writes it (no schema
check), timed in CPU and wall seconds. The sizes are those files'; the breakdown gives each
list's share of report.json and of the data embedded in the page, and the texts' share.
First render is measured in headless Chromium from navigation start to the moment every
view is drawn; the filter time is one change of the outlet filter redrawing every view.

``--synthetic`` makes reports of random words instead (a few hundred actors and places, one
quote per article, a claim per ten, one passage per event or claim). A real report holds
many times more passages per article, so the synthetic figures understate a real report's
size several times over; they are kept for ``bench/serve_load.py``, which needs a report
of any size quickly. Prints one JSON object.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
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


def measure_store(folder: Path, browser: bool) -> dict[str, Any]:
    """The report of the build in ``folder``, written again and measured."""
    from sitroom.config import Options
    from sitroom.pipeline import assemble_report
    from sitroom.store import Store

    with Store.open(folder, read_only=True) as store:
        report = assemble_report(store, Options(quiet=True))
    texts = {article.id: article.text for article in report.articles}
    with tempfile.TemporaryDirectory(prefix="sitroom-bench-") as tmp:
        cpu, started = _cpu(), time.perf_counter()
        json_path, html_path = write_report(report, Path(tmp), texts, validate=False)
        figures: dict[str, Any] = {
            "articles": len(report.articles),
            "write_cpu_s": round(_cpu() - cpu, 2),
            "write_s": round(time.perf_counter() - started, 2),
            "json_mb": _mb(json_path.stat().st_size),
            "html_mb": _mb(html_path.stat().st_size),
            "texts_mb": _mb(sum(len(t.encode("utf-8")) for t in texts.values())),
            **breakdown(json_path, html_path),
        }
        if browser:
            figures.update(browser_times(html_path))
    return figures


def breakdown(json_path: Path, html_path: Path) -> dict[str, Any]:
    """Each list's megabytes in report.json (as written: a record per line) and in the page's data
    (as embedded: compact), and how many records each holds."""
    data = json.loads(json_path.read_text(encoding="utf-8"))
    html = html_path.read_text(encoding="utf-8")
    opening = 'id="sitroom-data">'
    start = html.index(opening) + len(opening)
    end = html.index("</script>", start)
    page = json.loads(html[start:end])
    return {
        "page_data_mb": _mb(len(html[start:end].encode("utf-8"))),
        "records": {k: len(v) for k, v in data.items() if isinstance(v, list)},
        "json_sections_mb": {
            k: _mb(len(json.dumps(v, indent=2, ensure_ascii=False).encode("utf-8")))
            for k, v in data.items() if isinstance(v, list)
        },
        "page_sections_mb": {
            k: _mb(len(json.dumps(v, separators=(",", ":"), ensure_ascii=False).encode("utf-8")))
            for k, v in page.items() if isinstance(v, list | dict)
        },
    }  # fmt: skip


def _mb(size: int) -> float:
    return round(size / 1e6, 2)


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--store", type=Path, help="folder of a real build")
    mode.add_argument("--synthetic", action="store_true", help="synthetic reports instead")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 8000])
    parser.add_argument("--words", type=int, default=600)
    parser.add_argument("--no-browser", action="store_true", help="skip Chromium")
    args = parser.parse_args()
    if args.store:
        print(json.dumps(measure_store(args.store, not args.no_browser), indent=2))
    else:
        print(json.dumps([measure(n, args.words) for n in args.sizes], indent=2))


if __name__ == "__main__":
    main()
