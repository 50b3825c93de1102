"""sitroom: turn a pile of news articles about an unfolding situation into a sourced
situation report.

The Python API mirrors the CLI::

    import sitroom
    result = sitroom.build(["articles/"], "out/")       # sitroom build articles/ --out out/
    sitroom.articles("out/")                            # sitroom articles out/
    list(sitroom.extract("times", ["a.txt"]))           # sitroom extract times a.txt
    sitroom.report_schema()                             # sitroom schema
    sitroom.compact("out/")                             # sitroom compact out/
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = [
    "BuildResult",
    "Options",
    "SitroomError",
    "__version__",
    "articles",
    "build",
    "compact",
    "demo",
    "extract",
    "report_schema",
]

if TYPE_CHECKING:
    from .config import Options
    from .errors import SitroomError
    from .extract import extract
    from .pipeline import BuildResult, articles, build, demo
    from .report import report_schema
    from .store.compact import compact

_LAZY = {
    "Options": "config",
    "SitroomError": "errors",
    "extract": "extract",
    "BuildResult": "pipeline",
    "articles": "pipeline",
    "build": "pipeline",
    "compact": "store.compact",
    "demo": "pipeline",
    "report_schema": "report",
}


def __getattr__(name: str) -> Any:
    # Imports are lazy so `import sitroom` (and `sitroom --help`) stay fast: spaCy and
    # DuckDB load only when a command needs them.
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'sitroom' has no attribute {name!r}")
    from importlib import import_module

    return getattr(import_module(f".{module}", __name__), name)
