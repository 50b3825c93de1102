"""report.html: one self-contained page built from the :class:`Report`.

Each section is a small pure function returning an HTML fragment; :func:`render_html` joins
them. No template engine: the fragments are short, and keeping every piece of article data
behind :func:`~.safe_html.esc` or :func:`~.safe_html.link` is easiest to check in plain code.
The page makes no network request (its Content-Security-Policy forbids any), so it opens from
``file://`` anywhere and reading it leaks nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from importlib import resources

from ..types import Article, Citation, Claim, Entity, Place, Quote, Rejected, Report
from .safe_html import esc, link

CONTENT_SECURITY_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"
)


@lru_cache(maxsize=2)
def _asset(name: str) -> str:
    return resources.files(__package__).joinpath("assets", name).read_text(encoding="utf-8")


def render_html(report: Report, article_texts: Mapping[str, str] | None = None) -> str:
    """The whole report.html for ``report``; ``article_texts`` maps article id to cleaned text."""
    entity_names = {entity.id: entity.name for entity in report.entities}
    sections = [
        header_section(report),
        articles_section(report.articles),
        rejected_section(report.rejected),
        entities_section(report.entities),
        places_section(report.places),
        quotes_section(report.quotes, entity_names),
        citations_section(report.citations, entity_names),
        claims_section(report.claims),
        texts_section(report.articles, article_texts or {}),
    ]
    body = "\n".join(section for section in sections if section)
    return page(page_title(report), body)


def page(title: str, body: str) -> str:
    """The document shell: charset, CSP, inline style and the inline sorting script."""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CONTENT_SECURITY_POLICY}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f"<title>{esc(title)}</title>\n"
        f"<style>\n{_asset('report.css')}</style>\n"
        f"</head>\n<body>\n{body}\n<script>\n{_asset('sort.js')}</script>\n</body>\n</html>\n"
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


def cell(content: str, *, sort: str | int | float | None = None, numeric: bool = False) -> str:
    """A table cell; ``content`` must already be escaped, ``sort`` is escaped here."""
    attrs = ' class="num"' if numeric else ""
    if sort is not None:
        attrs += f' data-sort="{esc(sort)}"'
    return f"<td{attrs}>{content}</td>"


def table(headings: Sequence[str], rows: Sequence[str], *, caption: str | None = None) -> str:
    """A sortable table of pre-rendered ``<tr>`` rows under literal ``headings``."""
    head = "".join(f'<th scope="col">{esc(h)}</th>' for h in headings)
    cap = f"<caption>{esc(caption)}</caption>" if caption else ""
    return (
        f'<table class="sortable">{cap}<thead><tr>{head}</tr></thead>\n'
        f"<tbody>\n{''.join(rows)}</tbody></table>"
    )


def section(anchor: str, heading: str, content: str) -> str:
    return f'<section id="{esc(anchor)}">\n<h2>{esc(heading)}</h2>\n{content}\n</section>'


def empty(message: str) -> str:
    return f'<p class="empty">{esc(message)}</p>'


def short_id(identifier: str) -> str:
    """The first characters of an id, enough to tell articles apart on screen."""
    return identifier[:10]


def article_anchor(article_id: str) -> str:
    return f"article-{article_id}"


def text_anchor(article_id: str) -> str:
    return f"text-{article_id}"


def article_ref(article_id: str) -> str:
    """A link to the article's row in the articles table."""
    return (
        f'<a class="id" href="#{esc(article_anchor(article_id))}" title="{esc(article_id)}">'
        f"{esc(short_id(article_id))}</a>"
    )


def entity_label(entity_id: str | None, fallback: str | None, names: Mapping[str, str]) -> str:
    """The text as the article wrote it, with the canonical name when that differs."""
    written = fallback or ""
    canonical = names.get(entity_id) if entity_id else None
    if canonical and canonical != written:
        return f'{esc(written)} <span class="badge">{esc(canonical)}</span>'
    return esc(written or canonical or "")


# --------------------------------------------------------------------------- sections


def header_section(report: Report) -> str:
    """Title, counts and the span of publication dates."""
    articles = report.articles
    duplicates = sum(1 for a in articles if a.duplicate_of is not None)
    outlets = len({a.outlet for a in articles})
    counts = [
        ("article", "articles", len(articles)),
        ("duplicate", "duplicates", duplicates),
        ("outlet", "outlets", outlets),
        ("rejected file", "rejected files", len(report.rejected)),
        ("entity", "entities", len(report.entities)),
        ("place", "places", len(report.places)),
        ("quote", "quotes", len(report.quotes)),
        ("citation", "citations", len(report.citations)),
        ("claim", "claims", len(report.claims)),
    ]
    items = "".join(
        f"<li><b>{n}</b> {esc(one if n == 1 else many)}</li>" for one, many, n in counts
    )
    span = date_span(articles)
    when = f"Articles dated {esc(format_span(span))}" if span else "No article has a known date"
    as_of = f"; situation as of {esc(report.as_of)}" if report.as_of else ""
    links = "".join(
        f'<a href="#{anchor}">{label}</a>'
        for anchor, label, shown in (
            ("articles", "Articles", True),
            ("rejected", "Rejected", bool(report.rejected)),
            ("entities", "Entities", True),
            ("places", "Places", bool(report.places)),
            ("quotes", "Quotes", bool(report.quotes)),
            ("citations", "Citations", bool(report.citations)),
            ("claims", "Claims", bool(report.claims)),
        )
        if shown
    )
    return (
        "<header>\n<h1>Situation report</h1>\n"
        f'<p class="meta">{when}{as_of}. Generated by {esc(report.generated_by)}; '
        f"report.json beside this file holds the same data.</p>\n"
        f'<ul class="counts">{items}</ul>\n<nav>{links}</nav>\n</header>'
    )


def article_date_cell(article: Article) -> str:
    """Publication day, or the inferred interval, sortable by its first day."""
    if article.published:
        return cell(esc(article.published), sort=article.published)
    if article.date_range:
        return cell(esc(format_span(article.date_range)), sort=article.date_range[0])
    return cell('<span class="empty">unknown</span>', sort="")


def article_row(article: Article) -> str:
    title = link(article.url, esc(article.title) if article.title else "<i>untitled</i>")
    if article.duplicate_of:
        original = article_ref(article.duplicate_of)
        title += f' <span class="badge warn">duplicate of {original}</span>'
    files = "<br>".join(esc(f) for f in article.files)
    row_class = ' class="duplicate"' if article.duplicate_of else ""
    return (
        f'<tr id="{esc(article_anchor(article.id))}"{row_class}>'
        + cell(f'<span class="id" title="{esc(article.id)}">{esc(short_id(article.id))}</span>')
        + article_date_cell(article)
        + cell(esc(article.date_basis))
        + cell(esc(article.outlet))
        + cell(title)
        + cell(str(article.words), numeric=True)
        + cell(esc(article.language))
        + cell(f'<span class="files">{files}</span>')
        + "</tr>\n"
    )


def articles_section(articles: Sequence[Article]) -> str:
    if not articles:
        return section("articles", "Articles", empty("No articles."))
    headings = ["Id", "Date", "Date basis", "Outlet", "Title", "Words", "Language", "Files"]
    return section("articles", "Articles", table(headings, [article_row(a) for a in articles]))


def rejected_section(rejected: Sequence[Rejected]) -> str:
    if not rejected:
        return ""
    rows = [f"<tr>{cell(esc(r.path))}{cell(esc(r.reason))}</tr>\n" for r in rejected]
    return section("rejected", "Rejected files", table(["File", "Reason"], rows))


def entity_row(entity: Entity) -> str:
    aliases = ", ".join(esc(a) for a in entity.aliases)
    return (
        "<tr>"
        + cell(esc(entity.name))
        + cell(esc(entity.type))
        + cell(aliases)
        + cell(str(entity.mention_count), numeric=True)
        + cell(str(len(entity.articles)), numeric=True)
        + "</tr>\n"
    )


def entities_section(entities: Sequence[Entity]) -> str:
    if not entities:
        return section("entities", "Entities", empty("No entities found."))
    headings = ["Name", "Type", "Aliases", "Mentions", "Articles"]
    return section("entities", "Entities", table(headings, [entity_row(e) for e in entities]))


def place_row(place: Place) -> str:
    if place.lat is not None and place.lon is not None:
        where = cell(f"{place.lat:.4f}, {place.lon:.4f}", sort=place.lat, numeric=True)
    else:
        reason = f": {esc(place.reason)}" if place.reason else ""
        where = cell(f'<span class="empty">unresolved{reason}</span>', sort="")
    return (
        "<tr>"
        + cell(esc(place.name))
        + cell(esc(place.country_code or ""))
        + where
        + cell(f"{place.confidence:.2f}", numeric=True)
        + cell(str(len(place.articles)), numeric=True)
        + "</tr>\n"
    )


def places_section(places: Sequence[Place]) -> str:
    if not places:
        return ""
    headings = ["Name", "Country", "Lat, lon", "Confidence", "Articles"]
    return section("places", "Places", table(headings, [place_row(p) for p in places]))


def quote_row(quote: Quote, names: Mapping[str, str]) -> str:
    return (
        "<tr>"
        + cell(entity_label(quote.speaker, quote.speaker_text, names))
        + cell(esc(quote.text))
        + cell("direct" if quote.direct else "reported")
        + cell(esc(quote.cue or ""))
        + cell(article_ref(quote.article))
        + cell(str(len(quote.also_in)), numeric=True)
        + "</tr>\n"
    )


def quotes_section(quotes: Sequence[Quote], names: Mapping[str, str]) -> str:
    if not quotes:
        return ""
    headings = ["Speaker", "Statement", "Kind", "Cue", "Article", "Also in"]
    return section("quotes", "Quotes", table(headings, [quote_row(q, names) for q in quotes]))


def citation_row(citation: Citation, names: Mapping[str, str]) -> str:
    return (
        "<tr>"
        + cell(article_ref(citation.article))
        + cell(entity_label(citation.source, citation.source_text, names))
        + cell(esc(citation.kind))
        + "</tr>\n"
    )


def citations_section(citations: Sequence[Citation], names: Mapping[str, str]) -> str:
    if not citations:
        return ""
    rows = [citation_row(c, names) for c in citations]
    return section("citations", "Citations", table(["Article", "Cites", "Kind"], rows))


def claim_row(claim: Claim) -> str:
    status_class = "badge warn" if claim.status == "contested" else "badge"
    return (
        "<tr>"
        + cell(esc(claim.text))
        + cell(f'<span class="{status_class}">{esc(claim.status)}</span>')
        + cell(str(claim.independent_sources), numeric=True)
        + cell(", ".join(esc(o) for o in claim.outlets))
        + "</tr>\n"
    )


def claims_section(claims: Sequence[Claim]) -> str:
    if not claims:
        return ""
    headings = ["Claim", "Status", "Independent sources", "Outlets"]
    return section("claims", "Claims", table(headings, [claim_row(c) for c in claims]))


def article_text_block(article: Article, text: str) -> str:
    """One article's cleaned text, folded away until asked for."""
    title = esc(article.title) if article.title else "<i>untitled</i>"
    return (
        f'<details id="{esc(text_anchor(article.id))}"><summary>{esc(article.outlet)}: {title} '
        f'<span class="id">{esc(short_id(article.id))}</span></summary>\n'
        f'<div class="article-text">{esc(text)}</div></details>\n'
    )


def texts_section(articles: Sequence[Article], texts: Mapping[str, str]) -> str:
    blocks = [article_text_block(a, texts[a.id]) for a in articles if a.id in texts]
    if not blocks:
        return ""
    intro = '<p class="meta">Offsets in report.json index these texts.</p>\n'
    return section("texts", "Article texts", intro + "".join(blocks))
