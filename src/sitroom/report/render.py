"""report.html: one self-contained, interactive page built from the :class:`Report`.

The page is a static shell (headings, filter form, empty views) plus the report's data,
embedded once as JSON in a ``<script type="application/json">`` element, and the script that
draws the views from it (``assets/report.js``) with the vendored Leaflet, vis-timeline and
cytoscape (``assets/vendor/``, see VENDORED.md). Article data never becomes markup: the JSON is
escaped by :func:`~.safe_html.json_for_script` so nothing in it can close the script element,
and the page script writes every string with ``textContent``. The Content-Security-Policy
forbids every network request, so the page opens from ``file://`` anywhere and reading it
leaks nothing.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import lru_cache
from importlib import resources
from typing import Any

from ..types import Article, Report
from .page_data import PageRecords
from .safe_html import (
    ScriptJson,
    esc,
    json_chunks_for_script,
    json_for_script,
    mask_hidden,
    reveal_hidden_in,
    revealed_json_for_script,
    script_safe,
)
from .serialize import Records, report_sections

CONTENT_SECURITY_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"
)

#: Vendored scripts, in the order the page needs them.
VENDOR_SCRIPTS = ("leaflet.js", "topojson-client.min.js", "vis-timeline.min.js", "cytoscape.min.js")
VENDOR_STYLES = ("leaflet.css", "vis-timeline.min.css")
#: Boundaries drawn under the map's markers (no tile server).
COUNTRIES = "countries-50m.json"
ADMIN1 = "admin1.geojson"

#: The views, in page order: (anchor, heading).
VIEWS: tuple[tuple[str, str], ...] = (
    ("overview", "Overview"),
    ("map", "Map"),
    ("timeline", "Timeline"),
    ("network", "Actor network"),
    ("claims", "Claims"),
    ("quotes", "Quotes by speaker"),
    ("citations", "Citations and provenance"),
    ("framing", "Framing by outlet"),
    ("entities", "Entities"),
    ("places", "Places"),
    ("articles", "Articles"),
)

# Leaflet's stylesheet names marker and layer-control images we never use; under the page's
# CSP a request for them would be refused (and logged), so their rules are dropped.
_CSS_URL = re.compile(r"url\([^)]*\)")
_BREAKOUT = re.compile(r"</script|<!--", re.IGNORECASE)


def _read(*parts: str) -> str:
    return resources.files(__package__).joinpath("assets", *parts).read_text(encoding="utf-8")


@lru_cache(maxsize=16)
def _asset(name: str) -> str:
    return _read(name)


@lru_cache(maxsize=16)
def _vendor(name: str) -> str:
    """A vendored file's text, checked once: it must not be able to end its element early."""
    text = _read("vendor", name)
    if _BREAKOUT.search(text):
        raise RuntimeError(f"vendored {name} contains </script or <!--; it cannot be inlined")
    if name.endswith(".css"):
        text = _CSS_URL.sub("none", text)
    return text


def _admin1_features() -> Iterator[dict[str, Any]]:
    """The vendored subdivisions one feature at a time: parsed whole, the file's 4,000
    polygons cost about 90 MB of Python objects, at the end of a build when every model is
    still loaded, for the few countries a report shows."""
    text = _vendor(ADMIN1)
    decoder = json.JSONDecoder()
    position = text.index("[", text.index('"features"')) + 1
    while True:
        position = _FEATURE_GAP.match(text, position).end()  # type: ignore[union-attr]
        if text.startswith("]", position):
            return
        feature, position = decoder.raw_decode(text, position)
        yield feature


_FEATURE_GAP = re.compile(r"[\s,]*")


def admin1_for(countries: Iterable[str]) -> dict[str, Any]:
    """The first-level subdivisions (states, provinces) of ``countries`` (ISO 3166-1 alpha-2
    codes) as a GeoJSON FeatureCollection: the whole world would add megabytes to every
    report, its own countries a few hundred kilobytes at most."""
    wanted = {code.upper() for code in countries}
    if not wanted:
        return {"type": "FeatureCollection", "features": []}
    return {
        "type": "FeatureCollection",
        "features": [f for f in _admin1_features() if f["properties"].get("country") in wanted],
    }


def _countries_of(data: Mapping[str, Any]) -> list[str]:
    return sorted({p["country_code"] for p in data.get("places", ()) if p.get("country_code")})


def _geodata(name: str) -> str:
    """A vendored boundary file as script-safe JSON: its own text, which holds no way out of
    the element (:func:`_vendor` checks), with ``<``, ``>`` and ``&`` escaped all the same.
    Parsed and encoded again by every build, it came out the same data."""
    return script_safe(_vendor(name).strip())


#: Where each feature of the vendored subdivisions starts, and the country it belongs to,
#: in the file's own compact layout (one feature after another, the country first).
_FEATURE_START = re.compile(r'\{"type":"Feature","properties":\{"country":"([^"\\]*)"')
_COLLECTION_OPENING = '{"type":"FeatureCollection","features":['


@lru_cache(maxsize=1)
def _admin1_spans() -> tuple[tuple[str, int, int], ...] | None:
    """(country, start, end) of each feature's text in the vendored subdivisions; None when
    the file is not laid out as expected (then :func:`admin1_script` parses it)."""
    text = _vendor(ADMIN1).rstrip()
    if not text.startswith(_COLLECTION_OPENING) or not text.endswith("]}"):
        return None
    starts = [(m.group(1), m.start()) for m in _FEATURE_START.finditer(text)]
    if not starts or len(starts) != text.count('"type":"Feature"'):
        return None
    ends = [start - 1 for _, start in starts[1:]] + [len(text) - 2]  # before "," or "]}"
    if any(text[end] != "," for end in ends[:-1]):
        return None
    return tuple((code, start, end) for (code, start), end in zip(starts, ends, strict=True))


def admin1_script(countries: Iterable[str]) -> str:
    """:func:`admin1_for` as script-safe JSON, cut out of the vendored file's text rather
    than parsed: decoding its 4,000 polygons to pick a few countries cost every build more
    than half a second."""
    wanted = {code.upper() for code in countries}
    spans = _admin1_spans()
    if spans is None:
        return json_for_script(admin1_for(wanted))
    text = _vendor(ADMIN1)
    features = ",".join(text[start:end] for code, start, end in spans if code in wanted)
    return script_safe(_COLLECTION_OPENING + features + "]}")


def render_html(report: Report, article_texts: Mapping[str, str] | None = None) -> str:
    """The whole report.html for ``report``; ``article_texts`` maps article id to cleaned text.

    The texts let the page's article reader show each article and highlight evidence spans
    (offsets index these texts); without them the reader shows only the quoted spans.
    """
    return "".join(html_chunks(report, article_texts))


def html_chunks(report: Report, article_texts: Mapping[str, str] | None = None) -> Iterator[str]:
    """:func:`render_html` in pieces, for writing a large report without holding it whole."""
    return page_chunks(page_title(report), page_data(report, article_texts or {}))


def page_data(report: Report, texts: Mapping[str, str]) -> dict[str, Any]:
    """What the page script reads: report.json's data in the page's compact form
    (:mod:`.page_data`) plus the cleaned texts.

    Bidi controls and invisible characters from the articles are shown as ``[U+202E]`` in
    every title, name and passage, and masked one for one in the full texts (whose offsets
    the evidence highlighting relies on), so none of them can reorder what the page shows."""
    return on_page(dict(report_sections(report)), texts)


def on_page(data: Mapping[str, Any], texts: Mapping[str, str]) -> dict[str, Any]:
    """The page's data from report.json's (``data``, as loaded or as
    :func:`~.serialize.report_sections` gives it) and the articles' cleaned texts."""
    ids = [article["id"] for article in data.get("articles") or ()]
    records = PageRecords(ids, texts)
    page: dict[str, Any] = {}
    # Each list stays a sequence converted record by record as the page is written, so the
    # whole data is never held at once (see json_chunks_for_script).
    for key, value in data.items():
        if key == "texts":
            continue
        if not isinstance(value, list | Records):
            page[key] = reveal_hidden_in(value)
            continue
        convert = records.converter(key)
        if convert is None:
            continue
        if key == "places":
            # Kept as data: the map's subdivisions are chosen by their countries.
            page[key] = [reveal_hidden_in(convert(item)) for item in value]
        else:
            page[key] = Records(value, _encoded(convert)) if len(value) else []
    page["texts"] = masked_texts(ids, texts)
    return page


def _encoded(convert: Callable[[Any], Any]) -> Callable[[Any], ScriptJson]:
    return lambda item: revealed_json_for_script(convert(item))


def masked_texts(ids: Iterable[str], texts: Mapping[str, str]) -> Mapping[str, str]:
    """The page data's ``texts``: the text of each article in ``ids`` that has one, masked
    by :func:`~.safe_html.mask_hidden` as it is read."""
    present = list(dict.fromkeys(i for i in ids if i in texts))
    return _MaskedTexts(texts, present) if present else {}


class _MaskedTexts(Mapping[str, str]):
    """Article id -> its text masked by :func:`~.safe_html.mask_hidden`, masked when read:
    a masked copy of every text at once would be a second copy of the whole corpus."""

    def __init__(self, texts: Mapping[str, str], ids: list[str]) -> None:
        self._texts = texts
        self._ids = ids

    def __getitem__(self, article: str) -> str:
        return mask_hidden(self._texts[article])

    def __iter__(self) -> Iterator[str]:
        return iter(self._ids)

    def __len__(self) -> int:
        return len(self._ids)


def page(title: str, data: Mapping[str, Any]) -> str:
    """The document: head (CSP, styles), static shell, data, vendored scripts, page script."""
    return "".join(page_chunks(title, data))


def page_chunks(title: str, data: Mapping[str, Any]) -> Iterator[str]:
    """:func:`page` in pieces: the page data is the bulk of a large report, and is encoded
    item by item (:func:`~.safe_html.json_chunks_for_script`)."""
    yield page_head(title)
    yield from json_chunks_for_script(data, 2)
    yield page_tail(_countries_of(data))


def page_head(title: str) -> str:
    """The page up to its embedded data: head (CSP, styles), static shell, the data's
    opening tag."""
    styles = "\n".join(_vendor(name) for name in VENDOR_STYLES) + "\n" + _asset("report.css")
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CONTENT_SECURITY_POLICY}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f"<title>{esc(title)}</title>\n"
        f"<style>\n{styles}</style>\n"
        f"</head>\n<body>\n{shell(title)}\n"
        '<script type="application/json" id="sitroom-data">'
    )


def page_tail(countries: Iterable[str]) -> str:
    """The page after its embedded data: the boundaries of ``countries`` (the places'
    country codes), the vendored scripts and the page script."""
    scripts = "".join(f"<script>\n{_vendor(name)}\n</script>\n" for name in VENDOR_SCRIPTS)
    return (
        "</script>\n"
        f'<script type="application/json" id="sitroom-countries">{_geodata(COUNTRIES)}</script>\n'
        f'<script type="application/json" id="sitroom-admin1">'
        f"{admin1_script(countries)}</script>\n"
        f"{scripts}<script>\n{_asset('report.js')}</script>\n</body>\n</html>\n"
    )


def shell(title: str) -> str:
    """The static part: header, filter form, navigation, one empty section per view, and the
    article reader. ``report.js`` fills them in."""
    nav = "".join(f'<a href="#{anchor}" data-view="{anchor}">{esc(h)}</a>' for anchor, h in VIEWS)
    sections = "\n".join(
        f'<section id="{anchor}" class="view" aria-labelledby="h-{anchor}">'
        f'<h2 id="h-{anchor}">{esc(heading)}</h2><div class="view-body" id="view-{anchor}">'
        "</div></section>"
        for anchor, heading in VIEWS
    )
    return (
        '<a class="skip" href="#overview">Skip to the report</a>\n'
        "<header>\n<h1>Situation report</h1>\n"
        f'<p class="meta" id="page-meta">{esc(title)}</p>\n'
        "<noscript><p>This page draws its views with JavaScript; report.json beside it holds "
        "the same data.</p></noscript>\n"
        '<form id="filters" class="filters" role="search" aria-label="Filter every view">\n'
        '<label>Actor <select id="f-actor" name="actor"><option value="">any</option>'
        "</select></label>\n"
        '<label>Place <select id="f-place" name="place"><option value="">any</option>'
        "</select></label>\n"
        '<label>Outlet <select id="f-outlet" name="outlet"><option value="">any</option>'
        "</select></label>\n"
        '<label>Story <select id="f-story" name="story"><option value="">any</option>'
        "</select></label>\n"
        '<label>From <input type="date" id="f-from" name="from"></label>\n'
        '<label>To <input type="date" id="f-to" name="to"></label>\n'
        '<button type="button" id="f-clear">Clear filters</button>\n'
        '<output id="f-status" aria-live="polite"></output>\n'
        "</form>\n"
        f'<nav aria-label="Views">{nav}</nav>\n</header>\n<main>\n{sections}\n</main>\n'
        '<dialog id="reader" aria-labelledby="reader-title">'
        '<div class="reader-head"><h2 id="reader-title"></h2>'
        '<button type="button" id="reader-close">Close</button></div>'
        '<p class="meta" id="reader-meta"></p><div id="reader-text" class="article-text"></div>'
        "</dialog>"
    )


# --------------------------------------------------------------------------- small pieces


def date_span(articles: Iterable[Article]) -> tuple[str, str] | None:
    """Earliest and latest day any article is (or may be) dated, or None when none is."""
    days: list[str] = []
    for article in articles:
        if article.published:
            days.append(article.published)
        if article.date_range:
            days.extend(article.date_range)
    return (min(days), max(days)) if days else None


def page_title(report: Report) -> str:
    span = date_span(report.articles)
    when = f", {format_span(span)}" if span else ""
    return f"sitroom report: {len(report.articles)} articles{when}"


def format_span(span: tuple[str, str]) -> str:
    low, high = span
    return low if low == high else f"{low} to {high}"
