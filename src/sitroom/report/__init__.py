"""The report stage: the :class:`~sitroom.types.Report` record to report.json (checked against
a JSON Schema shipped with the package) and to one self-contained report.html."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .render import render_html
    from .schema import report_schema, validate_report
    from .serialize import report_to_dict, report_to_json
    from .write import write_report

#: Where each public name lives. They are imported on first use, not with the package: the
#: schema module pulls in jsonschema, a fifth of a second that a build which writes nothing
#: (or does not validate) should not pay.
_HOMES = {
    "render_html": "render",
    "report_schema": "schema",
    "validate_report": "schema",
    "report_to_dict": "serialize",
    "report_to_json": "serialize",
    "write_report": "write",
}

__all__ = [
    "render_html",
    "report_schema",
    "report_to_dict",
    "report_to_json",
    "validate_report",
    "write_report",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{home}"), name)
