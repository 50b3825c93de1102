"""``sitroom export``: a build folder's report in the formats analysts' tools open.

    csv         one row per event, ACLED-like columns (a spreadsheet, R, pandas)
    geojson     places and events as points (QGIS, any web map)
    timelinejs  dated events and articles (TimelineJS)
    graphml     the actor network (Gephi, networkx)
    parquet     every table, one file each (DuckDB, pandas); or the articles to one file
    jsonl       every table, one file each

``--as-of D`` first cuts the report to what was published by day D (see :mod:`.as_of`).
"""

from __future__ import annotations

import json
from pathlib import Path

from ..errors import UsageError
from ..report.write import write_atomic
from .as_of import as_of, parse_day, published_by
from .formats import (
    CSV_COLUMNS,
    events_csv,
    geojson,
    timelinejs,
    write_graphml,
    write_jsonl_tables,
    write_parquet_tables,
)
from .load import load_report_data, load_texts

FORMATS = ("csv", "geojson", "timelinejs", "graphml", "parquet", "jsonl")

#: Where each format goes inside the build folder when --out is not given.
DEFAULT_NAMES = {
    "csv": "events.csv",
    "geojson": "places.geojson",
    "timelinejs": "timeline.json",
    "graphml": "actors.graphml",
    "parquet": "parquet",
    "jsonl": "jsonl",
}


def export(
    folder: str | Path, fmt: str, out: str | Path | None = None, as_of_day: str | None = None
) -> list[Path]:
    """Write ``folder``'s report as ``fmt``; returns the files written.

    ``out`` defaults to ``folder/exports/<name>``. For ``parquet``, an ``out`` ending in
    ``.parquet`` writes only the articles, to that one file.
    """
    if fmt not in FORMATS:
        raise UsageError(f"unknown export format {fmt!r}", fix=f"use one of: {', '.join(FORMATS)}")
    data = load_report_data(folder)
    if as_of_day is not None:
        data = as_of(data, parse_day(as_of_day))
    target = Path(out) if out is not None else Path(folder) / "exports" / DEFAULT_NAMES[fmt]
    if fmt in ("parquet", "jsonl"):
        texts = load_texts(folder)
        if fmt == "jsonl":
            return write_jsonl_tables(data, texts, target)
        single = target.suffix == ".parquet"
        if single:
            target.parent.mkdir(parents=True, exist_ok=True)
        return write_parquet_tables(data, texts, target, single=single)
    target.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "csv":
        write_atomic(target, events_csv(data))
    elif fmt == "geojson":
        write_atomic(target, json.dumps(geojson(data), ensure_ascii=False, indent=1) + "\n")
    elif fmt == "timelinejs":
        write_atomic(target, json.dumps(timelinejs(data), ensure_ascii=False, indent=1) + "\n")
    else:
        tmp = target.with_name(f".{target.name}.tmp")
        write_graphml(data, tmp)
        tmp.replace(target)
    return [target]


__all__ = [
    "CSV_COLUMNS",
    "DEFAULT_NAMES",
    "FORMATS",
    "as_of",
    "events_csv",
    "export",
    "geojson",
    "load_report_data",
    "load_texts",
    "published_by",
    "timelinejs",
]
