"""report.html as a document: the shell, the embedded data and what a browser would act on.

What the page draws from the data is checked in a real browser
(tests/integration/test_report_in_browser.py); here we check what must hold before any script
runs: the data is embedded once, exactly, and nothing from an article can become markup.
"""

from __future__ import annotations

import dataclasses
import json
import re
from importlib import resources

import pytest

from sitroom.report import render_html, report_to_dict
from sitroom.report.render import CONTENT_SECURITY_POLICY, VENDOR_SCRIPTS, VIEWS
from sitroom.types import Citation, Entity, Place, Quote, Rejected, Report

from .html_probe import Probe, expand_page_data, page_view, probe

HOSTILE_TITLE = "<script>alert(1)</script>"
HOSTILE_TEXT = (
    'Breaking: "><img src=x onerror=alert(1)> and </script><script>alert(2)</script> <!-- '
    "\u2028\u2029 &amp; </SCRIPT >"
)
HOSTILE_URL = "javascript:alert(document.cookie)"
#: data + two boundary files + the vendored libraries + the page script
SCRIPT_COUNT = 3 + len(VENDOR_SCRIPTS) + 1


def _page_script() -> str:
    return resources.files("sitroom.report").joinpath("assets", "report.js").read_text("utf-8")


def _embedded(page: Probe, element_id: str) -> object:
    scripts = [e for e in page.tags("script")]
    index = [e.attrs.get("id") for e in scripts].index(element_id)
    return json.loads(page.scripts[index])


def _no_active_content(page: Probe) -> None:
    """The checks a reviewer would make: only our scripts, no handlers, no script URLs."""
    scripts = page.tags("script")
    assert len(scripts) == SCRIPT_COUNT
    assert all("src" not in s.attrs for s in scripts)
    for element in page.elements:
        assert element.tag not in {"img", "iframe", "object", "embed", "svg", "form", "base"} or (
            element.tag == "form" and element.attrs.get("id") == "filters"
        )
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
    return dataclasses.replace(
        report,
        articles=(first, *report.articles[1:]),
        rejected=(Rejected("<iframe src=//evil.example>", "<img src=x onerror=alert(6)>"),),
        entities=(
            Entity("e1", "</script><a href=javascript:alert(7)>x</a>", "PERSON",
                   ("' onfocus='alert(8)",), 1, (first.id,)),
        ),
        places=(
            Place("p1", "<style>*{}</style>", (), None, None, None, None, (), 0.0, "<u>why</u>"),
        ),
        quotes=(
            Quote("q1", first.id, "e1", '"><script>alert(9)</script>', "</td><td onclick=x>",
                  True, None, 0, 5),
        ),
        citations=(Citation(first.id, None, "<object data=x>", "outlet", 0, 5),),
    )


def test_page_has_every_view_in_order(report: Report, texts: dict[str, str]) -> None:
    page = probe(render_html(report, texts))
    sections = [e.attrs["id"] for e in page.tags("section")]
    assert sections == [anchor for anchor, _ in VIEWS]
    assert sections[0] == "overview"  # overview first
    nav = [e.attrs["href"] for e in page.tags("a") if "data-view" in e.attrs]
    assert nav == [f"#{anchor}" for anchor, _ in VIEWS]
    # one filter form drives every view
    names = {e.attrs.get("name") for e in page.tags("select")} | {
        e.attrs.get("name") for e in page.tags("input")
    }
    assert names == {"actor", "place", "outlet", "story", "from", "to"}
    assert page.tags("dialog") and page.tags("dialog")[0].attrs["id"] == "reader"


def test_data_is_embedded_once_exactly(report: Report, texts: dict[str, str]) -> None:
    document = render_html(report, texts)
    page = probe(document)
    embedded = _embedded(page, "sitroom-data")
    assert isinstance(embedded, dict)
    # What the page's views read, once its script has rebuilt its compact records, is
    # report.json's data (the fields it shows) and the texts.
    assert expand_page_data(embedded) == page_view(report_to_dict(report), texts)
    assert document.count('id="sitroom-data"') == 1
    # the articles' texts appear once (in the data), not again in markup
    assert document.count(json.dumps(report.articles[2].text)[1:-1]) == 1


def test_texts_only_when_given(report: Report) -> None:
    data = _embedded(probe(render_html(report)), "sitroom-data")
    assert isinstance(data, dict) and data["texts"] == {}


def test_boundaries_are_embedded(report: Report) -> None:
    page = probe(render_html(report))
    countries = _embedded(page, "sitroom-countries")
    admin1 = _embedded(page, "sitroom-admin1")
    assert isinstance(countries, dict) and countries["type"] == "Topology"
    assert len(countries["objects"]["countries"]["geometries"]) > 200
    assert isinstance(admin1, dict) and admin1["type"] == "FeatureCollection"
    # The report's places are in the Czech Republic: its regions, and no other country's.
    assert admin1["features"]
    assert {f["properties"]["country"] for f in admin1["features"]} == {"CZ"}


def test_first_level_boundaries_cover_every_country() -> None:
    from sitroom.report.render import admin1_for

    for code, at_least in (("SY", 10), ("PK", 5), ("US", 50), ("NG", 30), ("IN", 25)):
        assert len(admin1_for([code])["features"]) >= at_least, code
    assert admin1_for([])["features"] == []


def test_subdivisions_cut_from_the_file_are_those_parsed_from_it() -> None:
    from sitroom.report.render import admin1_for, admin1_script

    for codes in (["SY", "PK"], ["us"], ["CZ", "ZZ"], []):
        assert json.loads(admin1_script(codes)) == admin1_for(codes), codes


def test_no_network_resources(report: Report, texts: dict[str, str]) -> None:
    document = render_html(report, texts)
    page = probe(document)
    for element in page.elements:
        if element.tag in {"link", "script", "img", "iframe", "source", "video", "audio"}:
            for name in ("src", "href", "srcset"):
                assert name not in element.attrs, element
    assert not page.tags("link")
    styles = document[document.index("<style>") : document.index("</style>")]
    assert "@import" not in styles and "url(" not in styles
    csp = [m for m in page.tags("meta") if m.attrs.get("http-equiv") == "Content-Security-Policy"]
    assert [m.attrs["content"] for m in csp] == [CONTENT_SECURITY_POLICY]
    assert "default-src 'none'" in CONTENT_SECURITY_POLICY


def test_hostile_article_data_is_inert(report: Report) -> None:
    hostile = _hostile_report(report)
    texts = {a.id: a.text for a in hostile.articles}
    document = render_html(hostile, texts)
    page = probe(document)
    _no_active_content(page)
    # Nothing closed the data element early: it still parses to exactly the report's data.
    data = _embedded(page, "sitroom-data")
    assert isinstance(data, dict)
    assert data["articles"][0]["title"] == HOSTILE_TITLE
    assert data["texts"][hostile.articles[0].id] == HOSTILE_TEXT
    assert data["entities"][0]["name"].startswith("</script>")
    body = document[document.index('id="sitroom-data">') : document.index("</script>")]
    for raw in ("<", ">", "\u2028", "\u2029"):
        assert raw not in body.split(">", 1)[1], raw


def test_page_script_writes_text_only() -> None:
    """The page script never turns data into markup or code."""
    script = _page_script()
    for forbidden in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write",
                      "eval(", "new Function", "setTimeout(\"", "javascript:"):  # fmt: skip
        assert forbidden not in script, forbidden
    assert 'rel: "noopener noreferrer"' in script
    assert "textContent" in script


@pytest.mark.parametrize(
    "url",
    ["data:text/html,<script>alert(1)</script>", "//evil.example/x", "java\nscript:alert(1)",
     "vbscript:msgbox(1)", "/relative/path"],
)  # fmt: skip
def test_non_http_urls_stay_data(report: Report, url: str) -> None:
    article = dataclasses.replace(report.articles[0], url=url)
    page = probe(render_html(dataclasses.replace(report, articles=(article,))))
    assert all(a.attrs["href"].startswith("#") for a in page.tags("a"))
    _no_active_content(page)


def test_rendering_is_deterministic(report: Report, texts: dict[str, str]) -> None:
    assert render_html(report, texts) == render_html(dataclasses.replace(report), dict(texts))


def test_title_names_count_and_span(report: Report) -> None:
    page = probe(render_html(report))
    assert "sitroom report: 4 articles, 2031-04-07 to 2031-04-12" in page.visible_text


def test_empty_report_still_renders() -> None:
    page = probe(render_html(Report(1, "sitroom 0.1.0", None, ())))
    assert "sitroom report: 0 articles" in page.visible_text
    data = _embedded(page, "sitroom-data")
    assert isinstance(data, dict) and data["articles"] == [] and data["events"] == []
    _no_active_content(page)
