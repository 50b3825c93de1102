"""Reading a build folder for exports and the dashboard: report.json, and the cleaned texts
from the store opened read-only (so a build into the same folder is never blocked for long)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..errors import SitroomError, StoreError, UsageError
from ..store import Store, store_exists

REPORT_JSON = "report.json"

JsonObject = dict[str, Any]


def load_report_data(folder: str | Path) -> JsonObject:
    """report.json of ``folder`` as plain data (extra fields are kept as they are)."""
    path = Path(folder) / REPORT_JSON
    if not Path(folder).is_dir():
        raise UsageError(
            f"{folder} is not a folder", fix="give the --out folder of `sitroom build`"
        )
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UsageError(
            f"{path} is missing", fix=f"build a report first: sitroom build INPUT... --out {folder}"
        ) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise SitroomError(
            f"{path} is not valid JSON ({err.msg} at line {err.lineno})",
            fix="run sitroom build again to rewrite it",
        ) from None
    if not isinstance(data, dict) or not isinstance(data.get("articles"), list):
        raise SitroomError(f"{path} is not a sitroom report", fix="run sitroom build again")
    for key in ("rejected", "entities", "places", "events", "quotes", "citations", "claims",
                "stories", "framing", "summary"):  # fmt: skip
        if not isinstance(data.get(key), list):
            data[key] = []
    return data


def load_texts(folder: str | Path) -> dict[str, str]:
    """Article id to cleaned text, read from the store in one short read-only visit.

    Empty when the folder has no store. A build holding the store raises
    :class:`~sitroom.errors.StoreLocked`, which says to try again.
    """
    if not store_exists(folder):
        return {}
    try:
        with Store.open(folder, read_only=True) as store:
            return {article.id: article.text for article in store.articles()}
    except StoreError:
        raise
    except Exception as err:  # a damaged or foreign file
        raise StoreError(
            f"cannot read the article texts in {folder}: {err}",
            fix="run sitroom build again into this folder",
        ) from err
