"""Writing report.json and report.html into the output folder.

Each file is written to a temporary file beside its target and moved into place with
``os.replace``, so a reader (or a build killed half-way) sees the old report or the new one,
never half of one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

from ..stored_memo import MemoStore
from ..types import Report
from .both_files import replacing, write_both
from .serialize import report_to_dict

JSON_NAME = "report.json"
HTML_NAME = "report.html"


def write_report(
    report: Report,
    out_dir: Path,
    article_texts: Mapping[str, str] | None = None,
    *,
    validate: bool = True,
    memo: MemoStore | None = None,
) -> tuple[Path, Path]:
    """Write ``out_dir/report.json`` and ``out_dir/report.html``.

    ``article_texts`` (article id to cleaned text) adds each article's text to the HTML.
    With ``validate`` (the default for library callers), raises
    :class:`~sitroom.errors.SitroomError` before writing anything when the report does not
    match the schema; a build passes ``validate=False`` unless asked (``--validate``), since
    checking a large report costs seconds and the tests validate every report they build.
    With ``memo`` (the store), records written before are copied from the old files where
    that gives the same bytes (see :mod:`.line_cache`). Returns the two paths.
    """
    if validate:
        from .schema import validate_report  # jsonschema is slow to import; rarely needed

        validate_report(report_to_dict(report))
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    json_path = out_dir / JSON_NAME
    html_path = out_dir / HTML_NAME
    # Both files are written record by record, in one pass: the whole data as Python
    # objects, or the whole text, would be the biggest thing a large build ever holds.
    write_both(report, json_path, html_path, article_texts or {}, memo)
    return json_path, html_path


def write_atomic(path: Path, text: str | Iterable[str]) -> None:
    """Replace ``path`` with ``text`` (UTF-8, ``\\n`` line ends) in one step; ``text`` may come
    in pieces, written as they come."""
    with replacing(path) as handle:
        for piece in (text,) if isinstance(text, str) else text:
            handle.write(piece.encode("utf-8"))
