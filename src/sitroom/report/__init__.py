"""The report stage: the :class:`~sitroom.types.Report` record to report.json (checked against
a JSON Schema shipped with the package) and to one self-contained report.html."""

from __future__ import annotations

from .render import render_html
from .schema import report_schema, validate_report
from .serialize import report_to_dict, report_to_json
from .write import write_report

__all__ = [
    "render_html",
    "report_schema",
    "report_to_dict",
    "report_to_json",
    "validate_report",
    "write_report",
]
