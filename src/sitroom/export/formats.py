"""One writer per export format. Each takes report data (``report.json`` as loaded, possibly
cut by ``--as-of``) and writes files its users' tools open: a spreadsheet (CSV), QGIS
(GeoJSON), TimelineJS, Gephi (GraphML), DuckDB or pandas (Parquet), anything (JSON Lines)."""

from __future__ import annotations

import csv
import html
import io
import json
import math
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import duckdb
import networkx as nx

from ..report.write import write_atomic
from .network import actor_graph

JsonObject = dict[str, Any]

# --------------------------------------------------------------------------- CSV (ACLED-like)

#: ACLED's column names where they mean the same thing, so analysts' scripts read it as is.
CSV_COLUMNS = (
    "event_id", "event_date", "time_precision", "event_type", "sub_event_type", "actor1",
    "actor2", "location", "latitude", "longitude", "geo_precision", "source", "source_count",
    "notes", "fatalities",
)  # fmt: skip

#: ACLED's time_precision codes: 1 the day is known, 2 within a week or a few days, 3 a month
#: or longer.
_TIME_PRECISION = {"day": 1, "time": 1, "week": 2, "range": 2, "month": 3, "season": 3,
                   "quarter": 3, "year": 3}  # fmt: skip


def time_precision(event: JsonObject) -> int | str:
    date = event.get("date")
    if not date:
        return ""
    if "/" in str(date):
        return 2
    return _TIME_PRECISION.get(str(event.get("date_precision") or ""), 3 if len(date) < 10 else 1)


def geo_precision(place: JsonObject | None) -> int | str:
    """ACLED's geo_precision: 1 a named town's coordinates, 2 a nearby or less certain
    place, 3 a region or larger. We know the geocoder's confidence, not the place's size."""
    if place is None or place.get("lat") is None:
        return ""
    return 1 if float(place.get("confidence") or 0.0) >= 0.5 else 2


def _names(data: JsonObject) -> dict[str, str]:
    return {e["id"]: e["name"] for e in data["entities"]}


def _actor(value: str | None, names: Mapping[str, str]) -> str:
    return names.get(value, value) if value else ""


def events_csv(data: JsonObject) -> str:
    """One row per event; the header is written even when there are none."""
    names = _names(data)
    places = {p["id"]: p for p in data["places"]}
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for event in data["events"]:
        actors = list(event.get("actors") or [])
        targets = list(event.get("targets") or [])
        second = targets[0] if targets else (actors[1] if len(actors) > 1 else None)
        place = places.get(event.get("place") or "")
        event_type = str(event.get("type") or "")
        main, _, sub = event_type.partition("/" if "/" in event_type else ":")
        fatalities = event.get("fatalities")
        writer.writerow([
            event["id"],
            event.get("date") or "",
            time_precision(event),
            main,
            event.get("sub_type") or sub,
            _actor(actors[0] if actors else None, names),
            _actor(second, names),
            place["name"] if place else (event.get("place") or ""),
            place["lat"] if place and place.get("lat") is not None else "",
            place["lon"] if place and place.get("lon") is not None else "",
            geo_precision(place),
            "; ".join(event.get("outlets") or []),
            event.get("independent_sources", ""),
            event.get("text") or "",
            fatalities if isinstance(fatalities, int) else "",
        ])  # fmt: skip
    return buffer.getvalue()


# --------------------------------------------------------------------------- GeoJSON


def _point(lat: Any, lon: Any) -> JsonObject | None:
    if not isinstance(lat, int | float) or not isinstance(lon, int | float):
        return None
    if not (math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    return {"type": "Point", "coordinates": [float(lon), float(lat)]}  # RFC 7946: lon, lat


def geojson(data: JsonObject) -> JsonObject:
    """A FeatureCollection: every geocoded place, and every event at a geocoded place.
    List properties are joined with ``; `` since GIS attribute tables hold scalars."""
    features: list[JsonObject] = []
    places = {p["id"]: p for p in data["places"]}
    for place in data["places"]:
        geometry = _point(place.get("lat"), place.get("lon"))
        if geometry is None:
            continue
        features.append({
            "type": "Feature",
            "id": place["id"],
            "geometry": geometry,
            "properties": {
                "kind": "place",
                "name": place["name"],
                "aliases": "; ".join(place.get("aliases") or []),
                "country_code": place.get("country_code"),
                "geonames_id": place.get("geonames_id"),
                "articles": len(place.get("articles") or []),
                "confidence": place.get("confidence"),
            },
        })  # fmt: skip
    names = _names(data)
    for event in data["events"]:
        place = places.get(event.get("place") or "")
        geometry = _point(place.get("lat"), place.get("lon")) if place else None
        if geometry is None or place is None:
            continue
        features.append({
            "type": "Feature",
            "id": event["id"],
            "geometry": geometry,
            "properties": {
                "kind": "event",
                "event_type": event.get("type"),
                "date": event.get("date"),
                "date_precision": event.get("date_precision"),
                "place": place["name"],
                "actors": "; ".join(_actor(a, names) for a in event.get("actors") or []),
                "text": event.get("text"),
                "outlets": "; ".join(event.get("outlets") or []),
                "independent_sources": event.get("independent_sources"),
            },
        })  # fmt: skip
    return {"type": "FeatureCollection", "features": features}


# --------------------------------------------------------------------------- TimelineJS

_DAY = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def _tl_date(value: str) -> JsonObject | None:
    match = _DAY.match(value)
    if not match:
        return None
    out: JsonObject = {"year": int(match[1])}
    if match[2]:
        out["month"] = int(match[2])
    if match[3]:
        out["day"] = int(match[3])
    return out


def _tl_text(text: str) -> str:
    """TimelineJS renders its text fields as HTML: article text goes in escaped."""
    return html.escape(text, quote=True)


def timelinejs(data: JsonObject) -> JsonObject:
    """TimelineJS JSON: each dated event (its evidence quoted as text, with the outlet), and
    each dated article in an ``Articles`` group so the file is useful before events exist."""
    outlet_of = {a["id"]: a["outlet"] for a in data["articles"]}
    events: list[JsonObject] = []
    for event in data["events"]:
        date = str(event.get("date") or "")
        first, _, last = date.partition("/")
        start = _tl_date(first) if first else None
        if start is None:
            continue
        evidence = "".join(
            f"<p>&ldquo;{_tl_text(e['text'])}&rdquo; "
            f"({_tl_text(outlet_of.get(e['article'], ''))})</p>"
            for e in event.get("evidence") or []
        )
        item: JsonObject = {
            "unique_id": f"event-{event['id']}",
            "start_date": start,
            "text": {"headline": _tl_text(str(event.get("text") or event.get("type") or "")),
                     "text": evidence},
            "group": "Events",
        }  # fmt: skip
        end = _tl_date(last) if last else None
        if end is not None:
            item["end_date"] = end
        events.append(item)
    for article in data["articles"]:
        day = article.get("published") or (article.get("date_range") or [None])[0]
        start = _tl_date(day) if day else None
        if start is None:
            continue
        item = {
            "unique_id": f"article-{article['id']}",
            "start_date": start,
            "text": {
                "headline": _tl_text(article.get("title") or "untitled"),
                "text": f"<p>{_tl_text(article['outlet'])}"
                + (" (date inferred)" if not article.get("published") else "")
                + "</p>",
            },
            "group": "Articles",
        }
        if not article.get("published") and article.get("date_range"):
            item["end_date"] = _tl_date(article["date_range"][1])
        events.append(item)
    span = [str(a.get("published") or "") for a in data["articles"] if a.get("published")]
    subtitle = f"{len(data['articles'])} articles" + (
        f", {min(span)} to {max(span)}" if span else ""
    )
    return {
        "title": {"text": {"headline": "Situation report", "text": _tl_text(subtitle)}},
        "events": events,
    }


# --------------------------------------------------------------------------- GraphML


def write_graphml(data: JsonObject, path: Path) -> None:
    nx.write_graphml(actor_graph(data), path, named_key_ids=True)


# --------------------------------------------------------------------------- tables

#: (column, DuckDB type) per table, for Parquet. Lists stay lists; evidence spans get a table
#: of their own so each row is flat.
TABLE_COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "articles": (("id", "VARCHAR"), ("outlet", "VARCHAR"), ("title", "VARCHAR"),
                 ("url", "VARCHAR"), ("published", "VARCHAR"), ("date_basis", "VARCHAR"),
                 ("date_lo", "VARCHAR"), ("date_hi", "VARCHAR"), ("language", "VARCHAR"),
                 ("words", "INTEGER"), ("author", "VARCHAR"), ("duplicate_of", "VARCHAR"),
                 ("files", "VARCHAR[]"), ("text", "VARCHAR")),
    "rejected": (("path", "VARCHAR"), ("reason", "VARCHAR")),
    "entities": (("id", "VARCHAR"), ("name", "VARCHAR"), ("type", "VARCHAR"),
                 ("aliases", "VARCHAR[]"), ("mention_count", "INTEGER"),
                 ("articles", "VARCHAR[]")),
    "places": (("id", "VARCHAR"), ("name", "VARCHAR"), ("aliases", "VARCHAR[]"),
               ("lat", "DOUBLE"), ("lon", "DOUBLE"), ("country_code", "VARCHAR"),
               ("geonames_id", "BIGINT"), ("articles", "VARCHAR[]"), ("confidence", "DOUBLE"),
               ("reason", "VARCHAR")),
    "events": (("id", "VARCHAR"), ("type", "VARCHAR"), ("date", "VARCHAR"),
               ("date_precision", "VARCHAR"), ("actors", "VARCHAR[]"), ("targets", "VARCHAR[]"),
               ("place", "VARCHAR"), ("text", "VARCHAR"), ("outlets", "VARCHAR[]"),
               ("independent_sources", "INTEGER")),
    "quotes": (("id", "VARCHAR"), ("article", "VARCHAR"), ("speaker", "VARCHAR"),
               ("speaker_text", "VARCHAR"), ("text", "VARCHAR"), ("direct", "BOOLEAN"),
               ("cue", "VARCHAR"), ("start", "INTEGER"), ("end", "INTEGER"),
               ("also_in", "VARCHAR[]")),
    "citations": (("article", "VARCHAR"), ("source", "VARCHAR"), ("source_text", "VARCHAR"),
                  ("kind", "VARCHAR"), ("start", "INTEGER"), ("end", "INTEGER")),
    "claims": (("id", "VARCHAR"), ("text", "VARCHAR"), ("outlets", "VARCHAR[]"),
               ("independent_sources", "INTEGER"), ("status", "VARCHAR"),
               ("contradicts", "VARCHAR[]")),
    "stories": (("id", "VARCHAR"), ("title", "VARCHAR"), ("articles", "VARCHAR[]")),
    "framing": (("outlet", "VARCHAR"), ("term", "VARCHAR"), ("score", "DOUBLE")),
    "summary": (("position", "INTEGER"), ("text", "VARCHAR")),
    "evidence": (("record", "VARCHAR"), ("record_id", "VARCHAR"), ("article", "VARCHAR"),
                 ("start", "INTEGER"), ("end", "INTEGER"), ("text", "VARCHAR")),
}  # fmt: skip


def table_rows(data: JsonObject, texts: Mapping[str, str]) -> dict[str, list[JsonObject]]:
    """Flat rows for every table of :data:`TABLE_COLUMNS`."""
    rows: dict[str, list[JsonObject]] = {name: [] for name in TABLE_COLUMNS}
    for article in data["articles"]:
        date_range = article.get("date_range") or [None, None]
        rows["articles"].append({**article, "date_lo": date_range[0], "date_hi": date_range[1],
                                 "text": texts.get(article["id"])})  # fmt: skip
    for name in ("rejected", "entities", "places", "events", "quotes", "citations", "claims",
                 "stories"):  # fmt: skip
        rows[name].extend(data[name])
    for item in data["framing"]:
        for term in item.get("distinctive_terms") or []:
            rows["framing"].append({"outlet": item["outlet"], **term})
    for position, item in enumerate(data["summary"]):
        rows["summary"].append({"position": position, "text": item["text"]})
    for record in ("events", "claims", "summary"):
        for position, item in enumerate(data[record]):
            record_id = str(item.get("id", position))
            for evidence in item.get("evidence") or []:
                rows["evidence"].append({"record": record, "record_id": record_id, **evidence})
    return {
        name: [{column: row.get(column) for column, _ in TABLE_COLUMNS[name]} for row in items]
        for name, items in rows.items()
    }


def write_jsonl_tables(data: JsonObject, texts: Mapping[str, str], folder: Path) -> list[Path]:
    """Every list of report.json as ``NAME.jsonl`` (records as report.json holds them, extra
    fields included; articles with their cleaned ``text``)."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name in ("articles", "rejected", "entities", "places", "events", "quotes", "citations",
                 "claims", "stories", "framing", "summary"):  # fmt: skip
        items = data[name]
        if name == "articles":
            items = [{**a, "text": texts.get(a["id"])} for a in items]
        lines = "".join(
            json.dumps(item, ensure_ascii=False, allow_nan=False) + "\n" for item in items
        )
        path = folder / f"{name}.jsonl"
        write_atomic(path, lines)
        written.append(path)
    return written


def _duckdb_table(con: duckdb.DuckDBPyConnection, name: str, rows: list[JsonObject]) -> None:
    columns = TABLE_COLUMNS[name]
    con.execute(
        f"CREATE TABLE {name} (" + ", ".join(f'"{column}" {kind}' for column, kind in columns) + ")"
    )
    if not rows:
        return
    marks = "(" + ",".join("?" * len(columns)) + ")"
    for offset in range(0, len(rows), 200):
        chunk = rows[offset : offset + 200]
        con.execute(
            f"INSERT INTO {name} VALUES " + ",".join([marks] * len(chunk)),
            [row[column] for row in chunk for column, _ in columns],
        )


def write_parquet_tables(
    data: JsonObject, texts: Mapping[str, str], out: Path, *, single: bool = False
) -> list[Path]:
    """Every table as ``NAME.parquet`` in the folder ``out``; with ``single``, only the
    articles, to the file ``out``."""
    tables = table_rows(data, texts)
    con = duckdb.connect(":memory:")
    try:
        written: list[Path] = []
        names = ["articles"] if single else list(TABLE_COLUMNS)
        if not single:
            out.mkdir(parents=True, exist_ok=True)
        for name in names:
            _duckdb_table(con, name, tables[name])
            path = out if single else out / f"{name}.parquet"
            tmp = path.with_name(f".{path.name}.tmp")
            con.execute(f"COPY {name} TO '{_sql_path(tmp)}' (FORMAT parquet)")
            tmp.replace(path)
            written.append(path)
        return written
    finally:
        con.close()


def _sql_path(path: Path) -> str:
    return str(path).replace("'", "''")
