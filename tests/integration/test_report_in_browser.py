"""report.html in a real browser (headless Chromium): from file:// with no request leaving
the machine, and served by `sitroom serve` on 127.0.0.1. Screenshots of each view go to
test-artifacts/browser/ for a person to look at."""

from __future__ import annotations

import contextlib
import dataclasses
import json
import re
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from sitroom.report import write_report
from sitroom.types import Article, Entity, Place, Report
from tests.unit.export.conftest import report_with_events

from .browser import Watched, headless, watch  # noqa: F401  (headless is a fixture)
from .conftest import load_report

SCRIPT_TITLE = "<script>alert(1)</script>"
IMG_TEXT = '"><img src=x onerror=alert(1)>'
MARKERS = "path.sr-place-marker"
EVENT_ITEMS = ".vis-item.sr-event.vis-point, .vis-item.sr-event.vis-range"
ARTICLE_ROWS = "#view-articles tbody tr"
VIEWS = ("overview", "map", "timeline", "network", "claims", "quotes", "citations", "framing",
         "entities", "places", "articles")  # fmt: skip


def hostile_report() -> Report:
    """The shared fictional report, plus an article (and an actor) written to attack the page."""
    report = report_with_events()
    text = f"Before {IMG_TEXT} and {SCRIPT_TITLE} after."
    hostile = Article(
        id="h5555555555555555", text=text, outlet=f"Wire {IMG_TEXT}", title=SCRIPT_TITLE,
        url="javascript:alert(2)", published="2031-04-10", date_basis="metadata",
        date_range=None, language="en", words=len(text.split()), files=("in/evil.html",),
    )  # fmt: skip
    actor = Entity("e_evil", f"{IMG_TEXT} Front", "ORG", (SCRIPT_TITLE,), 1, (hostile.id,))
    town = Place("p_evil", f"{SCRIPT_TITLE}ville", (IMG_TEXT,), 45.0, 10.0, "IT", None,
                 (hostile.id,), 0.8)  # fmt: skip
    return dataclasses.replace(
        report, articles=(*report.articles, hostile), entities=(*report.entities, actor),
        places=(*report.places, town),
    )  # fmt: skip


@pytest.fixture(scope="module")
def report_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    report = hostile_report()
    out = tmp_path_factory.mktemp("browser")
    write_report(report, out, {a.id: a.text for a in report.articles})
    return out / "report.html"


def count(w: Watched, selector: str) -> int:
    return int(w.page.locator(selector).count())


def test_views_from_file_url(headless: Any, report_file: Path) -> None:  # noqa: F811
    w = watch(headless)
    w.open(report_file.as_uri())
    report = hostile_report()
    geocoded = [p for p in report.places if p.lat is not None]
    dated = [e for e in report.events if e.date]
    assert count(w, MARKERS) == len(geocoded) == 2
    assert count(w, EVENT_ITEMS) == len(dated) == 2
    # honest precision: the day-dated breach is a point, the week-dated denial a bar
    assert count(w, ".vis-item.sr-event.vis-point") == 1
    assert count(w, ".vis-item.sr-event.vis-range") == 1
    assert "Embankment breached" in w.page.locator(".vis-item.sr-event.vis-point").inner_text()
    assert count(w, ARTICLE_ROWS) == len(report.articles)
    # the unresolved place is listed beside the map with its reason
    assert "Norbridge: no gazetteer entry matches" in w.page.locator(".unresolved").inner_text()
    # overview: counts, contested points and rejected files with reasons
    overview = w.page.locator("#view-overview").inner_text()
    assert "5\narticles" in overview or "5 articles" in overview
    assert "truncated JSON at line 3" in overview and "Contested points" in overview
    # the network draws one node per actor (canvas), and the hostile name is only text
    nodes = w.page.evaluate("document.querySelectorAll('#network-canvas canvas').length")
    assert nodes >= 1
    for view in VIEWS:
        w.shot(f"file-{view}", f"#{view}")
    w.assert_clean()


def test_hostile_article_renders_as_text(headless: Any, report_file: Path) -> None:  # noqa: F811
    w = watch(headless)
    w.open(report_file.as_uri())
    table = w.page.locator("#view-articles").inner_text()
    assert SCRIPT_TITLE in table and IMG_TEXT in table
    # the hostile place's label on the map and its popup are text too
    assert f"{SCRIPT_TITLE}ville" in w.page.locator("#map-canvas").inner_text()
    w.page.locator(".place-list button", has_text="ville").click()
    assert IMG_TEXT in w.page.locator(".leaflet-popup-content").inner_text()
    assert w.page.locator("img").count() == 0
    assert w.page.evaluate("window.__xss === undefined")
    hrefs = w.page.eval_on_selector_all(
        "a[href]", "links => links.map(a => [a.getAttribute('href'), a.rel])"
    )
    for href, rel in hrefs:
        assert href.startswith(("#", "http://", "https://")), href
        if href.startswith("http"):
            assert rel == "noopener noreferrer"
    # the reader shows the hostile text as text too
    w.page.locator("#view-articles tr[data-article='h5555555555555555'] .read-button").click()
    assert IMG_TEXT in w.page.locator("#reader-text").inner_text()
    assert w.page.locator("#reader img").count() == 0
    w.assert_clean()


def test_claim_opens_highlighted_evidence(headless: Any, report_file: Path) -> None:  # noqa: F811
    w = watch(headless)
    w.open(report_file.as_uri() + "#story=s1")
    claim = hostile_report().claims[0]
    w.page.locator(f"#claim-{claim.id} summary").click()
    w.page.locator(f"#claim-{claim.id} .evidence-button").first.click()
    assert w.page.locator("#reader").is_visible()
    assert w.page.locator("#reader-mark").inner_text() == claim.evidence[0].text
    assert "Flood waters" in w.page.locator("#reader-text").inner_text()
    w.shot("file-reader", "#reader")
    w.page.keyboard.press("Escape")
    assert not w.page.locator("#reader").is_visible()
    # the same by keyboard alone: close and reopen the claim, tab to its evidence
    summary = w.page.locator(f"#claim-{claim.id} summary")
    summary.focus()
    w.page.keyboard.press("Enter")
    assert w.page.locator(f"#claim-{claim.id}").get_attribute("open") is None
    w.page.keyboard.press("Enter")
    w.page.keyboard.press("Tab")
    w.page.keyboard.press("Enter")
    assert w.page.locator("#reader").is_visible()
    assert w.page.locator("#reader-mark").inner_text() == claim.evidence[0].text
    w.assert_clean()


def test_filter_narrows_every_view_and_lives_in_the_hash(
    headless: Any,  # noqa: F811
    report_file: Path,
) -> None:
    w = watch(headless)
    w.open(report_file.as_uri())
    before = {s: count(w, s) for s in (MARKERS, EVENT_ITEMS, ARTICLE_ROWS, "details.claim")}
    w.page.select_option("#f-outlet", "Ostrava Ledger")
    assert "outlet=Ostrava+Ledger" in w.page.url
    after = {s: count(w, s) for s in before}
    assert after == {MARKERS: 1, EVENT_ITEMS: 1, ARTICLE_ROWS: 1, "details.claim": 0}
    assert before[MARKERS] == 2
    assert before[EVENT_ITEMS] > after[EVENT_ITEMS] and before[ARTICLE_ROWS] > 1
    assert "Showing 1 of 5 articles" in w.page.locator("#f-status").inner_text()
    # the state survives a reload from the URL, and a name works where an id is expected
    w.open(report_file.as_uri() + "#actor=Mara%20Velen")
    assert count(w, ARTICLE_ROWS) == 2 and count(w, MARKERS) == 0
    assert w.page.locator("#f-actor").input_value() == "e_mara"
    w.page.click("#f-clear")
    assert count(w, ARTICLE_ROWS) == 5
    w.assert_clean()


def test_timeline_bars_last_as_long_as_their_dates(
    headless: Any,  # noqa: F811
    tmp_path: Path,
) -> None:
    """ISO weeks, weekends and quarters are bars of their own length, not whole years."""
    report = report_with_events()
    template = report.events[-1]
    dated = {"2031-W15": "week", "2031-W15-WE": "week", "2031-Q2": "quarter"}
    events = tuple(
        dataclasses.replace(template, id=f"ev_span_{i}", date=value, date_precision=precision,
                            text=f"Span {value}")
        for i, (value, precision) in enumerate(dated.items())
    )  # fmt: skip
    report = dataclasses.replace(report, events=(*report.events, *events))
    write_report(report, tmp_path, {a.id: a.text for a in report.articles})
    w = watch(headless)
    w.open((tmp_path / "report.html").as_uri() + "#view=timeline")
    # The timeline lays its items out after the page loads (and again as it fits its
    # window): read the widths once they are a day-for-day scale of each other, or time out.
    widths_js = """values => Object.fromEntries(values.map(v => {
        const bar = Array.from(document.querySelectorAll('.vis-item.sr-event.vis-range'))
            .find(e => (e.querySelector('span') || {}).textContent === 'Span ' + v);
        return [v, bar ? bar.getBoundingClientRect().width : 0];
    }))"""
    settled = f"""() => {{ const w = ({widths_js})({json.dumps(list(dated))});
        const q = w['2031-Q2'] / w['2031-W15'], e = w['2031-W15-WE'] / w['2031-W15'];
        return q > 11 && q < 15 && e > 0.2 && e < 0.4; }}"""
    with contextlib.suppress(Exception):  # on a timeout the assertions say which bar is off
        w.page.wait_for_function(settled, timeout=15_000)
    widths = w.page.evaluate(widths_js, list(dated))
    # a quarter (91 days) is thirteen weeks, a weekend two days of seven
    assert 11 < widths["2031-Q2"] / widths["2031-W15"] < 15, widths
    assert 0.2 < widths["2031-W15-WE"] / widths["2031-W15"] < 0.4, widths
    w.assert_clean()


def test_timeline_opens_on_the_situation_not_on_an_old_background_date(
    headless: Any,  # noqa: F811
    tmp_path: Path,
) -> None:
    """One sentence about years before ("In 2020, ...") does not squeeze the days the
    articles are about into a sliver: the timeline opens on them, and shows all on request."""
    report = report_with_events()
    template = report.events[-1]
    days = [f"2031-04-{day:02d}" for day in range(7, 19)]
    busy = [dataclasses.replace(template, id=f"ev_busy_{i}", date=day, date_precision="day",
                                text=f"Busy {day}") for i, day in enumerate(days)]
    old = dataclasses.replace(template, id="ev_old", date="2020-03-02", date_precision="day",
                              text="Old background")
    report = dataclasses.replace(report, events=(*report.events, *busy, old))
    write_report(report, tmp_path, {a.id: a.text for a in report.articles})
    w = watch(headless)
    w.open((tmp_path / "report.html").as_uri() + "#view=timeline")
    w.page.wait_for_selector("#timeline-canvas .vis-item.sr-event")
    canvas = w.page.locator("#timeline-canvas")
    assert "Busy 2031-04-10" in canvas.inner_text()
    assert "Old background" not in canvas.inner_text()
    w.page.get_by_role("button", name="Show all dates").click()
    w.page.wait_for_function(
        "() => document.querySelector('#timeline-canvas').innerText.includes('Old background')",
        timeout=15_000)
    w.assert_clean()


def test_phone_width_has_no_sideways_scroll(headless: Any, report_file: Path) -> None:  # noqa: F811
    w = watch(headless, width=390, height=844)
    w.open(report_file.as_uri())
    overflow = w.page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1
    w.shot("phone-overview")
    w.assert_clean()


def test_demo_report(headless: Any, demo_out: Path) -> None:  # noqa: F811
    w = watch(headless)
    w.open((demo_out / "report.html").as_uri())
    data = load_report(demo_out)
    geocoded = [p for p in data["places"] if p["lat"] is not None]
    assert count(w, MARKERS) == len(geocoded) > 0
    assert count(w, ARTICLE_ROWS) == min(50, len(data["articles"]))
    # The overview's top actors are people and organisations: places have their own list.
    place_names = {e["name"] for e in data["entities"] if e["type"] in ("GPE", "LOC", "FAC")}
    actor_names = {e["name"] for e in data["entities"]} - place_names
    shown = w.page.locator("h3:text-is('Top actors') + ol li button").all_inner_texts()
    assert shown and set(shown) <= actor_names
    # The date line spans publication dates; undated articles' inferred ranges are told apart.
    published = sorted(a["published"] for a in data["articles"] if a["published"])
    undated = [a for a in data["articles"] if not a["published"] and a["date_range"]]
    span = w.page.locator("#date-span").inner_text()
    assert span.startswith(f"Articles dated {published[0]} to {published[-1]}")
    assert (f"{len(undated)} undated article" in span) == bool(undated)
    # The timeline draws typed events in rows by family; untyped ones only when asked.
    assert any(e["type"] != "other" for e in data["events"])
    assert any(e["type"] == "other" for e in data["events"])
    w.page.wait_for_selector("#timeline-canvas .vis-item.sr-event")
    assert count(w, "#timeline-canvas .vis-item.sr-event-other") == 0
    # An event told under a dateline is labelled from where its news starts.
    datelined = [e for e in data["events"] if e["type"] != "other"
                 and re.match(r"[A-Z]{4,} \u2014 ", e["text"])]
    assert datelined, "the demo's events name no dateline: this check would test nothing"
    labels = w.page.locator("#timeline-canvas .vis-item.sr-event span").all_inner_texts()
    assert not [label for label in labels if re.match(r"[A-Z]{4,} \u2014 ", label)], labels
    news = [e["text"].split(" \u2014 ", 1)[1][:30] for e in datelined]
    assert any(label.startswith(start) for label in labels for start in news), labels
    # A clause that opens on the word tying it to its sentence ("that the structure
    # collapsed") is labelled from what happened: a bar cut short read "that" or "to se".
    tie = r"(?:that|which|who|when|while|if|to) "
    tied = [e for e in data["events"] if e["type"] != "other" and re.match(tie, e["text"])]
    assert tied, "the demo's events open on no tie word: this check would test nothing"
    assert not [label for label in labels if re.match("(?i)" + tie, label)], labels
    starts = [e["text"].split(" ", 1)[1][:20].casefold() for e in tied]
    assert any(label.casefold().startswith(start) for label in labels for start in starts), labels
    assert "Untyped events" not in w.page.locator("#timeline-canvas").inner_text()
    for view in ("overview", "map", "timeline", "network"):
        w.shot(f"demo-{view}", f"#{view}")
    w.page.check("#timeline-untyped")
    # The untyped row comes last: the timeline scrolls down to it, as a reader would.
    w.page.wait_for_selector("#timeline-canvas .vis-vertical-scroll")
    w.page.evaluate("document.querySelectorAll('#timeline-canvas .vis-vertical-scroll')"
                    ".forEach(e => { e.scrollTop = e.scrollHeight; })")
    w.page.wait_for_selector("#timeline-canvas .vis-item.sr-event-other")
    assert "Untyped events" in w.page.locator("#timeline-canvas").inner_text()
    w.assert_clean()


# --------------------------------------------------------------------------- served


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def served(report_file: Path) -> Iterator[str]:
    import uvicorn

    from sitroom.serve import create_app

    port = _free_port()
    config = uvicorn.Config(create_app(report_file.parent), host="127.0.0.1", port=port,
                            log_level="warning", lifespan="off")  # fmt: skip
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "the dashboard did not start"
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


def test_served_dashboard(headless: Any, served: str) -> None:  # noqa: F811
    w = watch(headless)
    w.open(served + "/")
    assert count(w, MARKERS) == 2 and count(w, EVENT_ITEMS) == 2
    w.page.select_option("#f-outlet", "River Wire")
    assert count(w, ARTICLE_ROWS) == 1
    w.page.goto(served + "/api/articles?outlet=River%20Wire")
    assert json.loads(w.page.locator("body").inner_text())["total"] == 1
    w.page.goto(served + "/docs")
    assert "/api/search" in w.page.content()
    w.assert_clean()
