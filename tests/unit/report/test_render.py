from __future__ import annotations

import dataclasses
import re

import pytest

from sitroom.report import render_html
from sitroom.report.render import CONTENT_SECURITY_POLICY
from sitroom.types import Article, Citation, Entity, Place, Quote, Rejected, Report

from .html_probe import Probe, probe

HOSTILE_TITLE = "<script>alert(1)</script>"
HOSTILE_TEXT = 'Breaking: "><img src=x onerror=alert(1)> and </details><script>alert(2)</script>'
HOSTILE_URL = "javascript:alert(document.cookie)"


def _no_active_content(page: Probe) -> None:
    """The checks a reviewer would make: only our script, no handlers, no script URLs."""
    scripts = page.tags("script")
    assert len(scripts) == 1 and "src" not in scripts[0].attrs
    assert "alert" not in page.scripts[0]
    for element in page.elements:
        assert element.tag not in {"img", "iframe", "object", "embed", "svg", "form", "base"}
        for name, value in element.attrs.items():
            assert not name.startswith("on"), (element.tag, name)
            if name in {"href", "src", "action", "formaction", "srcset"}:
                assert not re.match(r"\s*(javascript|data|vbscript):", value, re.I), value


def _hostile_report(report: Report) -> Report:
    first = dataclasses.replace(
        report.articles[0],
        title=HOSTILE_TITLE,
        url=HOSTILE_URL,
        outlet='<b onmouseover="alert(3)">Outlet</b>',
        files=('in/"><svg onload=alert(4)>.txt',),
        text=HOSTILE_TEXT,
    )
    second = dataclasses.replace(report.articles[2], url=" JaVaScRiPt:alert(5)")
    return dataclasses.replace(
        report,
        articles=(first, report.articles[1], second, report.articles[3]),
        rejected=(Rejected("<iframe src=//evil.example>", "<img src=x onerror=alert(6)>"),),
        entities=(
            Entity(
                "e1",
                "<a href=javascript:alert(7)>x</a>",
                "PERSON",
                ("' onfocus='alert(8)",),
                1,
                (first.id,),
            ),
        ),
        places=(
            Place("p1", "<style>*{}</style>", (), None, None, None, None, (), 0.0, "<u>why</u>"),
        ),
        quotes=(
            Quote(
                "q1",
                first.id,
                "e1",
                '"><script>alert(9)</script>',
                "</td><td onclick=x>",
                True,
                None,
                0,
                5,
            ),
        ),
        citations=(Citation(first.id, None, "<object data=x>", "outlet", 0, 5),),
    )


def test_page_shows_every_section(report: Report, texts: dict[str, str]) -> None:
    page = probe(render_html(report, texts))
    text = page.visible_text
    for article in report.articles:
        assert article.outlet in text
        if article.title:
            assert article.title in text
    assert "in/feed.xml#2" in text and "in/copy.html" in text
    assert "in/empty.txt" in text and "truncated JSON at line 3" in text
    assert "Mara Velen" in text and "PERSON" in text and "Velen" in text
    assert "Ostrava" in text and "49.8347, 18.2820" in text
    assert "no gazetteer entry matches" in text
    assert "We evacuated 4,000 people overnight," in text
    assert "Valley Courier" in text
    assert "contested" in text
    headings = [h for h in text.split("\n") if h in {"Articles", "Rejected files", "Entities",
                "Places", "Quotes", "Citations", "Claims", "Article texts"}]  # fmt: skip
    assert headings == [
        "Articles", "Rejected files", "Entities", "Places", "Quotes", "Citations", "Claims",
        "Article texts",
    ]  # fmt: skip


def test_header_counts_and_date_span(report: Report) -> None:
    text = probe(render_html(report)).visible_text
    # Dated articles run from 2031-04-07 (start of an inferred range) to 2031-04-12.
    assert "Articles dated 2031-04-07 to 2031-04-12" in text
    assert (
        "4 articles" in text
        and "1 duplicate" in text
        and "1 quote" in text
        and "2 rejected files" in text
    )
    assert "situation as of 2031-04-12" in text


def test_articles_table_rows(report: Report) -> None:
    page = probe(render_html(report))
    rows = {e.attrs["id"]: e for e in page.tags("tr") if e.attrs.get("id", "").startswith("art")}
    assert list(rows) == [f"article-{a.id}" for a in report.articles]
    duplicate_row = rows[f"article-{report.articles[1].id}"]
    assert duplicate_row.attrs.get("class") == "duplicate"
    assert "duplicate of" in page.visible_text
    # The duplicate's badge links to the original's row.
    assert any(a.attrs.get("href") == f"#article-{report.articles[0].id}" for a in page.tags("a"))
    html_text = render_html(report)
    assert "2031-04-07 to 2031-04-12" in html_text  # the inferred range, not a guessed day
    assert ">inferred<" in html_text and ">unknown<" in html_text


def test_article_texts_only_when_given(report: Report, texts: dict[str, str]) -> None:
    without = probe(render_html(report))
    assert not without.tags("details")
    with_texts = probe(render_html(report, texts))
    details = with_texts.tags("details")
    assert [d.attrs["id"] for d in details] == [f"text-{a.id}" for a in report.articles]
    assert report.articles[2].text in with_texts.visible_text


def test_safe_links_only(report: Report) -> None:
    page = probe(render_html(report))
    external = [a for a in page.tags("a") if not a.attrs["href"].startswith("#")]
    assert {a.attrs["href"] for a in external} == {
        "https://riverwire.example/embankment",
        "http://ledger.example/2031/repairs",
    }
    for anchor in external:
        assert anchor.attrs.get("rel") == "noopener noreferrer"


def test_no_network_resources(report: Report, texts: dict[str, str]) -> None:
    document = render_html(report, texts)
    page = probe(document)
    for element in page.elements:
        if element.tag in {"link", "script", "img", "iframe", "source", "video", "audio"}:
            for name in ("src", "href", "srcset"):
                assert name not in element.attrs, element
    assert not page.tags("link")
    assert "@import" not in document and "url(" not in document
    csp = [m for m in page.tags("meta") if m.attrs.get("http-equiv") == "Content-Security-Policy"]
    assert [m.attrs["content"] for m in csp] == [CONTENT_SECURITY_POLICY]
    assert "default-src 'none'" in CONTENT_SECURITY_POLICY


def test_hostile_article_data_is_inert(report: Report) -> None:
    hostile = _hostile_report(report)
    texts = {a.id: a.text for a in hostile.articles}
    document = render_html(hostile, texts)
    page = probe(document)
    _no_active_content(page)
    # Everything hostile is still shown, as the literal text it is.
    text = page.visible_text
    for shown in (
        HOSTILE_TITLE, HOSTILE_TEXT, '<b onmouseover="alert(3)">Outlet</b>',
        'in/"><svg onload=alert(4)>.txt', "<iframe src=//evil.example>",
        "<img src=x onerror=alert(6)>", "' onfocus='alert(8)", '"><script>alert(9)</script>',
        "</td><td onclick=x>", "<object data=x>", "<u>why</u>",
    ):  # fmt: skip
        assert shown in text, shown
    # The javascript: URLs never become links; the title is shown without one.
    assert HOSTILE_URL not in document
    assert "alert(5)" not in document
    assert all(a.attrs["href"].startswith(("#", "http://", "https://")) for a in page.tags("a"))


@pytest.mark.parametrize(
    "url",
    ["data:text/html,<script>alert(1)</script>", "//evil.example/x", "java\nscript:alert(1)",
     "vbscript:msgbox(1)", "/relative/path"],
)  # fmt: skip
def test_non_http_urls_are_not_linked(report: Report, url: str) -> None:
    article: Article = dataclasses.replace(report.articles[0], url=url)
    page = probe(render_html(dataclasses.replace(report, articles=(article,))))
    assert all(a.attrs["href"].startswith("#") for a in page.tags("a"))
    _no_active_content(page)


def test_rendering_is_deterministic(report: Report, texts: dict[str, str]) -> None:
    assert render_html(report, texts) == render_html(dataclasses.replace(report), dict(texts))


def test_empty_report_still_renders() -> None:
    page = probe(render_html(Report(1, "sitroom 0.1.0", None, ())))
    assert "No articles." in page.visible_text
    assert "No article has a known date" in page.visible_text
    _no_active_content(page)
