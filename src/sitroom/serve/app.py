"""The dashboard: a read-only FastAPI app over one build folder.

``/`` is report.html (the same page ``sitroom build`` writes, made from the folder's current
report.json); ``/api/...`` answers JSON with the page's filters, pagination and limits;
``/openapi.json`` describes it and ``/docs`` lists it without loading anything from the web.
Nothing here writes: every route is a GET.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Annotated, Any

from fastapi import FastAPI, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from .. import __version__
from ..errors import SitroomError
from ..report.render import CONTENT_SECURITY_POLICY
from ..report.schema import report_schema
from .query import (
    BadQuery,
    any_in,
    evidence_ids,
    make_filter,
    page_of,
    visible_ids,
)
from .snapshot import Snapshot, Source

#: The claim statuses report.json can hold, from its schema, so the filter cannot drift.
CLAIM_STATUSES: tuple[str, ...] = tuple(
    report_schema()["$defs"]["claim"]["properties"]["status"]["enum"]
)

JsonObject = dict[str, Any]

MAX_LIMIT = 500
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="Items to skip.")]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Items to return (1-{MAX_LIMIT}).")]
Outlet = Annotated[str | None, Query(max_length=500, description="Only articles of this outlet.")]
Actor = Annotated[str | None, Query(max_length=200, description="An entity id (/api/entities).")]
PlaceId = Annotated[str | None, Query(max_length=200, description="A place id (/api/places).")]
StoryId = Annotated[str | None, Query(max_length=200, description="A story id.")]
From = Annotated[
    str | None, Query(alias="from", max_length=10, description="Earliest day, YYYY-MM-DD.")
]
To = Annotated[str | None, Query(alias="to", max_length=10, description="Latest day, YYYY-MM-DD.")]

_SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


def create_app(folder: str | Path) -> FastAPI:
    """The app for ``folder``; raises the loader's error now when it holds no report."""
    source = Source(folder)
    app = FastAPI(
        title="sitroom dashboard",
        version=__version__,
        description="Read-only JSON API over one sitroom build folder. Filters mean what "
        "report.html's filter form means: a record is returned when one of its source "
        "articles passes.",
        docs_url=None,  # the stock pages load scripts from a CDN; /docs below does not
        redoc_url=None,
    )

    @app.exception_handler(BadQuery)
    async def bad_query(request: Request, exc: BadQuery) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=400)

    @app.exception_handler(SitroomError)
    async def unavailable(request: Request, exc: SitroomError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=503)

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Any) -> Response:
        response: Response = await call_next(request)
        response.headers.update(_SECURITY_HEADERS)
        return response

    def snap() -> Snapshot:
        return source.current()

    @app.get("/", response_class=HTMLResponse, summary="The report page")
    def index() -> HTMLResponse:
        return HTMLResponse(snap().page)

    @app.get("/report.json", summary="report.json as it is on disk")
    def report_json() -> JsonObject:
        return snap().data

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def docs() -> HTMLResponse:
        return HTMLResponse(_docs_page(app.openapi()))

    @app.get("/api/articles", summary="Articles (without text), filtered and paged")
    def articles(
        outlet: Outlet = None, actor: Actor = None, place: PlaceId = None, story: StoryId = None,
        date_from: From = None, date_to: To = None, offset: Offset = 0, limit: Limit = 50,
    ) -> JsonObject:  # fmt: skip
        s = snap()
        visible = _visible(s, outlet, actor, place, story, date_from, date_to)
        items = [a for a in s.data["articles"] if visible is None or a["id"] in visible]
        return page_of(items, offset, limit)

    @app.get("/api/articles/{article_id}", summary="One article with its cleaned text")
    def article(article_id: str) -> JSONResponse:
        s = snap()
        found = s.articles_by_id.get(article_id)
        if found is None:
            return JSONResponse({"detail": f"no article has id {article_id!r}"}, status_code=404)
        return JSONResponse({**found, "text": s.texts.get(article_id)})

    @app.get("/api/entities", summary="Canonical actors, most mentioned first")
    def entities(
        type: Annotated[str | None, Query(max_length=40, description="PERSON, ORG, ...")] = None,
        name: Annotated[str | None, Query(max_length=200, description="Part of a name or alias.")]
        = None,
        outlet: Outlet = None, actor: Actor = None, place: PlaceId = None, story: StoryId = None,
        date_from: From = None, date_to: To = None, offset: Offset = 0, limit: Limit = 50,
    ) -> JsonObject:  # fmt: skip
        s = snap()
        visible = _visible(s, outlet, actor, place, story, date_from, date_to)
        needle = (name or "").casefold()
        items = [
            e for e in s.data["entities"]
            if any_in(e.get("articles", []), visible)
            and (not type or e["type"] == type)
            and (not needle or any(needle in n.casefold() for n in [e["name"], *e["aliases"]]))
        ]  # fmt: skip
        items.sort(key=lambda e: -int(e["mention_count"]))
        return page_of(items, offset, limit)

    @app.get("/api/places", summary="Places, geocoded or not (with the reason)")
    def places(
        resolved: Annotated[bool | None, Query(description="Only with (or without) coordinates.")]
        = None,
        country: Annotated[str | None, Query(max_length=3, description="ISO country code.")] = None,
        outlet: Outlet = None, actor: Actor = None, place: PlaceId = None, story: StoryId = None,
        date_from: From = None, date_to: To = None, offset: Offset = 0, limit: Limit = 50,
    ) -> JsonObject:  # fmt: skip
        s = snap()
        visible = _visible(s, outlet, actor, place, story, date_from, date_to)
        items = [
            p for p in s.data["places"]
            if any_in(p.get("articles", []), visible)
            and (resolved is None or (p.get("lat") is not None) == resolved)
            and (not country or (p.get("country_code") or "").upper() == country.upper())
        ]  # fmt: skip
        return page_of(items, offset, limit)

    @app.get("/api/events", summary="Events, in report order")
    def events(
        type: Annotated[str | None, Query(max_length=80, description="Event type.")] = None,
        outlet: Outlet = None, actor: Actor = None, place: PlaceId = None, story: StoryId = None,
        date_from: From = None, date_to: To = None, offset: Offset = 0, limit: Limit = 50,
    ) -> JsonObject:  # fmt: skip
        s = snap()
        visible = _visible(s, outlet, actor, place, story, date_from, date_to)
        items = [
            e for e in s.data["events"]
            if any_in(evidence_ids(e), visible) and (not type or e.get("type") == type)
        ]  # fmt: skip
        return page_of(items, offset, limit)

    @app.get("/api/claims", summary="Claims with their evidence")
    def claims(
        status: Annotated[
            str | None,
            Query(pattern=f"^({'|'.join(CLAIM_STATUSES)})$",
                  description=", ".join(CLAIM_STATUSES) + "."),
        ] = None,
        outlet: Outlet = None, actor: Actor = None, place: PlaceId = None, story: StoryId = None,
        date_from: From = None, date_to: To = None, offset: Offset = 0, limit: Limit = 50,
    ) -> JsonObject:  # fmt: skip
        s = snap()
        visible = _visible(s, outlet, actor, place, story, date_from, date_to)
        items = [
            c for c in s.data["claims"]
            if any_in(evidence_ids(c), visible) and (not status or c.get("status") == status)
        ]  # fmt: skip
        return page_of(items, offset, limit)

    @app.get("/api/quotes", summary="Quotes and reported statements")
    def quotes(
        speaker: Annotated[str | None, Query(max_length=200, description="An entity id.")] = None,
        outlet: Outlet = None, actor: Actor = None, place: PlaceId = None, story: StoryId = None,
        date_from: From = None, date_to: To = None, offset: Offset = 0, limit: Limit = 50,
    ) -> JsonObject:  # fmt: skip
        s = snap()
        visible = _visible(s, outlet, actor, place, story, date_from, date_to)
        items = [
            q for q in s.data["quotes"]
            if (visible is None or q["article"] in visible)
            and (not speaker or q.get("speaker") == speaker)
        ]  # fmt: skip
        return page_of(items, offset, limit)

    @app.get("/api/search", summary="Full-text search over article titles and texts")
    def search(
        q: Annotated[str, Query(min_length=1, max_length=200, description="Words to find.")],
        outlet: Outlet = None, actor: Actor = None, place: PlaceId = None, story: StoryId = None,
        date_from: From = None, date_to: To = None, offset: Offset = 0, limit: Limit = 20,
    ) -> JsonObject:  # fmt: skip
        s = snap()
        if not q.strip():
            raise BadQuery("q is blank; give one or more words to search for")
        visible = _visible(s, outlet, actor, place, story, date_from, date_to)
        hits = [h for h in s.search_index.search(q) if visible is None or h.article in visible]
        items = []
        for hit in hits[offset : offset + limit]:
            text = s.texts.get(hit.article, "")
            if hit.start is not None and hit.end is not None:
                low, high = max(0, hit.start - 80), min(len(text), hit.end + 80)
                snippet = text[low:high]
            else:
                snippet = text[:160]
            items.append({"article": s.articles_by_id[hit.article], "score": hit.score,
                          "start": hit.start, "end": hit.end, "snippet": snippet})  # fmt: skip
        return {"total": len(hits), "offset": offset, "limit": limit, "items": items}

    return app


def _visible(
    s: Snapshot,
    outlet: str | None,
    actor: str | None,
    place: str | None,
    story: str | None,
    date_from: str | None,
    date_to: str | None,
) -> set[str] | None:
    f = make_filter(s.article_sets, outlet=outlet, actor=actor, place=place, story=story,
                    date_from=date_from, date_to=date_to)  # fmt: skip
    return visible_ids(s.data["articles"], f, s.article_sets)


def _docs_page(schema: JsonObject) -> str:
    """The API listed as plain HTML from its OpenAPI schema (no script, no web fonts)."""
    rows = []
    for path, operations in sorted(schema.get("paths", {}).items()):
        for method, operation in operations.items():
            params = ", ".join(
                f"{p['name']}{'' if not p.get('required') else ' (required)'}"
                for p in operation.get("parameters", [])
            )
            rows.append(
                f"<tr><td><code>{html.escape(method.upper())} {html.escape(path)}</code></td>"
                f"<td>{html.escape(operation.get('summary', ''))}</td>"
                f"<td>{html.escape(params)}</td></tr>"
            )
    return (
        "<!DOCTYPE html><html lang=en><head><meta charset=utf-8>"
        "<title>sitroom API</title><style>body{font:15px system-ui,sans-serif;margin:2rem}"
        "td,th{border-bottom:1px solid #ddd;padding:.3rem .6rem;text-align:left}</style></head>"
        f"<body><h1>sitroom API</h1><p>{html.escape(schema['info'].get('description', ''))}</p>"
        '<p>Machine-readable: <a href="/openapi.json">/openapi.json</a>. Paging: '
        f"<code>offset</code>, <code>limit</code> (at most {MAX_LIMIT}).</p>"
        "<table><tr><th>Route</th><th>What</th><th>Parameters</th></tr>"
        + "".join(rows)
        + "</table></body></html>"
    )
