"""The ``sitroom`` command: a thin Typer layer over the library functions of the same names.

Exit codes: 0 when something was built or printed (rejected files are reported, not fatal),
2 for usage errors or when nothing usable was found, 1 for internal errors, 130 when
interrupted. Errors are printed as one message with its fix, never as a bare traceback
(set ``SITROOM_DEBUG=1`` to see one).
"""

from __future__ import annotations

import json
import os
import sys
import traceback
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from . import __version__
from .errors import SitroomError, UsageError
from .terminal import for_terminal, json_for_terminal

app = typer.Typer(
    name="sitroom",
    help="Turn a pile of news articles about an unfolding situation into a sourced "
    "situation report (report.json and report.html).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

T = TypeVar("T")


def _say(text: str, *, err: bool = False) -> None:
    """Print ``text`` with article-controlled characters made inert (see :mod:`.terminal`)."""
    typer.echo(for_terminal(text), err=err)


def _fail(message: str, code: int) -> typer.Exit:
    _say(f"error: {message}", err=True)
    return typer.Exit(code)


def _guard(action: Callable[[], T]) -> T:
    """Run ``action``, turning sitroom errors into a message and their exit code."""
    try:
        return action()
    except SitroomError as err:
        raise _fail(str(err), err.exit_code) from None
    except KeyboardInterrupt:
        raise _fail("interrupted; run the same command again to resume", 130) from None
    except Exception as err:  # an internal error: say so plainly, keep the trace optional
        if os.environ.get("SITROOM_DEBUG"):
            traceback.print_exc()
        raise _fail(
            f"internal error: {type(err).__name__}: {err}\n"
            "  this is a bug in sitroom; set SITROOM_DEBUG=1 to see the traceback and report it",
            1,
        ) from None


def _version(value: bool) -> None:
    if value:
        typer.echo(f"sitroom {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
) -> None:
    """sitroom: sourced situation reports from news articles, offline."""


def _parse_fields(pairs: Iterable[str]) -> dict[str, str]:
    fields: dict[str, str] = {}
    for pair in pairs:
        key, sep, column = pair.partition("=")
        if not sep or not key.strip() or not column.strip():
            raise UsageError(
                f"--field {pair!r} is not KEY=COLUMN", fix="write e.g. --field text=body"
            )
        fields[key.strip()] = column.strip()
    return fields


def _options(
    workers: int,
    source: str | None,
    fields: list[str],
    aliases: Path | None,
    quiet: bool,
    limits: dict[str, Any] | None = None,
) -> Any:
    from .config import MIB, Options

    if workers < 1:
        raise UsageError("--workers must be at least 1", fix="use --workers 1 or more")
    if aliases is not None and not aliases.is_file():
        raise UsageError(f"{aliases}: alias file not found", fix="check the --aliases path")
    given = dict(limits or {})
    follow_links = bool(given.pop("follow_links", False))
    chosen: dict[str, Any] = {}  # limit attribute -> value (ints; Any for replace())
    for name, value in given.items():
        if value is None:
            continue
        if value < 1:
            flag = _FLAGS[name]
            raise UsageError(f"{flag} must be at least 1", fix=f"give {flag} 1 or more")
        chosen[name] = value * MIB if name.endswith("_bytes") else value
    options = Options(
        workers=workers,
        source=source,
        fields=_parse_fields(fields),
        aliases=aliases,
        quiet=quiet,
        follow_links=follow_links,
    )
    return replace(options, **chosen)


def _flags() -> dict[str, str]:
    from .config import LIMITS

    return {name: limit.flag for name, limit in LIMITS.items()}


_FLAGS = _flags()


def _progress(quiet: bool) -> Any:
    from .progress import RichProgress, SilentProgress

    return SilentProgress() if quiet or not sys.stderr.isatty() else RichProgress()


def _print_result(result: Any, as_json: bool) -> None:
    if as_json:
        typer.echo(json_for_terminal(result.to_dict(), indent=2))
        return
    _say(
        f"{result.articles_total} articles ({result.articles_added} new, "
        f"{result.duplicates} duplicates), {result.rejected} rejected inputs, "
        f"{result.seconds:.1f} s"
    )
    _say(f"report: {result.report_html}")
    store_bytes = _file_size(result.out / "sitroom.duckdb")
    if result.store_free_bytes >= _HINT_FREE_BYTES and 4 * result.store_free_bytes >= store_bytes:
        _say(
            f"the store holds {_mib(result.store_free_bytes)} of free space (older memos, "
            f"replaced rows): `sitroom compact {result.out}` gives it back"
        )


#: Free space worth a hint after a build, when it is also a quarter of the file or more.
#: DuckDB reports only whole free blocks, not deleted rows inside kept ones, so compacting
#: usually gives back more than this (333 MiB of a 574 MiB store reporting 228).
_HINT_FREE_BYTES = 64 * 2**20


def _file_size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


WorkersOption = Annotated[
    int, typer.Option("--workers", "-w", help="Processes for parsing (1 = in this process).")
]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bars.")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print a JSON summary on stdout.")]
_LIMIT_HELP = " Reaching it makes a rejected row, never a failed build."
FileMbOption = Annotated[
    int | None,
    typer.Option(
        "--max-file-mb", help="Largest input file read, in MiB (default 200)." + _LIMIT_HELP
    ),
]
UnpackedMbOption = Annotated[
    int | None,
    typer.Option(
        "--max-unpacked-mb",
        help="Largest decompressed .gz file or archive member, in MiB (default 200).",
    ),
]
ArchiveMbOption = Annotated[
    int | None,
    typer.Option(
        "--max-archive-mb",
        help="Most bytes decompressed from one input file's archives, in MiB (default 1024).",
    ),
]
MembersOption = Annotated[
    int | None,
    typer.Option("--max-members", help="Most members in one archive (default 100000)."),
]
FieldCharsOption = Annotated[
    int | None,
    typer.Option(
        "--max-field-chars",
        help="Longest title, URL, outlet or author, in characters (default 4096).",
    ),
]
RowsOption = Annotated[
    int | None,
    typer.Option(
        "--max-rows",
        help="Most records read from one file: rows, lines, feed entries (default 100000).",
    ),
]
RejectedListedOption = Annotated[
    int | None,
    typer.Option(
        "--max-rejected-listed",
        help="Rejected rows listed per file; the rest are counted in one row (default 20).",
    ),
]
FollowLinksOption = Annotated[
    bool,
    typer.Option(
        "--follow-links",
        help="Read symbolic links that lead out of the input folders (default: reject them).",
    ),
]


@app.command()
def build(
    inputs: Annotated[
        list[Path],
        typer.Argument(help="Files, folders (read recursively), archives, feeds, CSV, WARC."),
    ],
    out: Annotated[Path, typer.Option("--out", "-o", help="Report folder (keeps the store).")],
    workers: WorkersOption = 1,
    source: Annotated[
        str | None,
        typer.Option("--source", help="Outlet name for documents whose metadata names none."),
    ] = None,
    field: Annotated[
        list[str] | None,
        typer.Option(
            "--field",
            help="KEY=COLUMN for CSV/JSON inputs (keys: text, title, date, source, url, "
            "author); repeatable.",
        ),
    ] = None,
    aliases: Annotated[
        Path | None,
        typer.Option("--aliases", help="CSV of alias rules: `alias,canonical` and `!a,b`."),
    ] = None,
    cluster: Annotated[
        str | None,
        typer.Option(
            "--cluster",
            help="Parse on a Dask LocalCluster of N worker processes: local:N "
            "(needs pip install 'sitroom[dask]').",
        ),
    ] = None,
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler", help="Parse on an existing Dask cluster: tcp://HOST:PORT."
        ),
    ] = None,
    validate: Annotated[
        bool,
        typer.Option("--validate", help="Check report.json against its JSON Schema first."),
    ] = False,
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            help="YYYY-MM-DD: report only what articles published by that day said.",
        ),
    ] = None,
    quiet: QuietOption = False,
    as_json: JsonOption = False,
    follow_links: FollowLinksOption = False,
    max_file_mb: FileMbOption = None,
    max_unpacked_mb: UnpackedMbOption = None,
    max_archive_mb: ArchiveMbOption = None,
    max_members: MembersOption = None,
    max_field_chars: FieldCharsOption = None,
    max_rows: RowsOption = None,
    max_rejected_listed: RejectedListedOption = None,
) -> None:
    """Read INPUTS, update the store in OUT and write OUT/report.json and OUT/report.html."""
    from dataclasses import replace

    from .analyze.asof import parse_day
    from .pipeline import build as run_build

    limits = {
        "follow_links": follow_links,
        "max_file_bytes": max_file_mb,
        "max_unpacked_bytes": max_unpacked_mb,
        "max_archive_bytes": max_archive_mb,
        "max_members": max_members,
        "max_field_chars": max_field_chars,
        "max_rows": max_rows,
        "max_rejected_listed": max_rejected_listed,
    }

    def action() -> Any:
        options = replace(
            _options(workers, source, field or [], aliases, quiet, limits),
            cluster=cluster,
            scheduler=scheduler,
            validate=validate,
        )
        if as_of is not None:
            options = replace(options, as_of=parse_day(as_of))
        return run_build(inputs, out, options, _progress(quiet))

    _print_result(_guard(action), as_json)


@app.command()
def demo(
    out: Annotated[
        Path, typer.Option("--out", "-o", help="Report folder for the demo.")
    ] = Path("sitroom-demo"),
    workers: WorkersOption = 1,
    quiet: QuietOption = False,
    as_json: JsonOption = False,
) -> None:
    """Build the bundled demo corpus (fictional articles about a fictional flood)."""
    from .pipeline import demo as run_demo

    def action() -> Any:
        return run_demo(out, _options(workers, None, [], None, quiet), _progress(quiet))

    _print_result(_guard(action), as_json)


@app.command()
def articles(
    folder: Annotated[Path, typer.Argument(help="A folder written by `sitroom build`.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON on stdout.")] = False,
    text: Annotated[
        bool, typer.Option("--text", help="Include the cleaned text offsets refer to.")
    ] = False,
) -> None:
    """List the stored articles: id, outlet, date, date basis, title, words."""
    from .pipeline import articles as stored_articles

    found = _guard(lambda: stored_articles(folder))
    rows = [_article_row(article, text) for article in found]
    if as_json:
        typer.echo(json_for_terminal(rows, indent=2))
        return
    for row in rows:
        when = row["published"] or (
            "{}..{}".format(*row["date_range"]) if row["date_range"] else "undated"
        )
        outlet = for_terminal(row["outlet"])[:24]
        _say(
            f"{row['id']}  {when:<22} {row['date_basis']:<9} {outlet:<24} "
            f"{row['words']:>6}w  {row['title'] or ''}"
        )
        if text:
            _say("")
            _say(row["text"])
            _say("")


@app.command()
def compact(
    folder: Annotated[Path, typer.Argument(help="A folder written by `sitroom build`.")],
    as_json: JsonOption = False,
) -> None:
    """Give back the disk space the store no longer uses (after upgrading sitroom, or
    many builds). Nothing it holds changes; run it when no build writes to FOLDER."""
    from .store.compact import compact as compact_store

    result = _guard(lambda: compact_store(folder))
    if as_json:
        typer.echo(json_for_terminal(result.to_dict(), indent=2))
        return
    _say(
        f"{result.folder / 'sitroom.duckdb'}: {_mib(result.bytes_before)} -> "
        f"{_mib(result.bytes_after)} ({_mib(result.bytes_freed)} given back), "
        f"{result.seconds:.1f} s"
    )


def _mib(size: int) -> str:
    return f"{size / 2**20:.1f} MiB"


def _article_row(article: Any, with_text: bool) -> dict[str, Any]:
    row: dict[str, Any] = {
        "id": article.id,
        "outlet": article.outlet,
        "published": article.published,
        "date_basis": article.date_basis,
        "date_range": list(article.date_range) if article.date_range else None,
        "title": article.title,
        "url": article.url,
        "language": article.language,
        "words": article.words,
        "files": list(article.files),
    }
    if with_text:
        row["text"] = article.text
    return row


@app.command()
def schema() -> None:
    """Print the JSON Schema of report.json."""
    from .report import report_schema

    typer.echo(json.dumps(_guard(report_schema), indent=2, ensure_ascii=False))


@app.command()
def extract(
    kind: Annotated[str, typer.Argument(help="entities, places, times or quotes.")],
    files: Annotated[list[Path], typer.Argument(help="Plain-text article files.")],
    anchor: Annotated[
        str | None,
        typer.Option(
            "--anchor",
            help="Document creation date YYYY-MM-DD for relative dates (default: the "
            "file's header or metadata date).",
        ),
    ] = None,
    jsonl: Annotated[
        bool, typer.Option("--jsonl", help="One JSON object per line instead of an array.")
    ] = False,
) -> None:
    """Run one extractor over raw files; offsets index each file's text as read."""
    from .extract import extract as run_extract

    def action() -> list[dict[str, Any]]:
        return list(run_extract(kind, files, _parse_anchor(anchor)))

    items = _guard(action)
    if jsonl:
        for item in items:
            typer.echo(json_for_terminal(item))
    else:
        typer.echo(json_for_terminal(items, indent=2))


@app.command()
def serve(
    folder: Annotated[Path, typer.Argument(help="A folder written by `sitroom build`.")],
    host: Annotated[
        str, typer.Option("--host", help="Address to listen on (other machines: 0.0.0.0).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8000,
) -> None:
    """Serve the report and a read-only JSON API over FOLDER (Ctrl-C stops it)."""
    from .serve import serve as run_serve

    if not 0 < port < 65536:
        raise _fail(f"--port {port} is not a port number\n  fix: use 1-65535", 2)
    _guard(lambda: run_serve(folder, host=host, port=port))


@app.command("export")
def export_command(
    folder: Annotated[Path, typer.Argument(help="A folder written by `sitroom build`.")],
    fmt: Annotated[
        str,
        typer.Option(
            "--format", "-f", help="csv, geojson, timelinejs, graphml, parquet or jsonl."
        ),
    ],
    out: Annotated[
        Path | None,
        typer.Option(
            "--out", "-o", help="File (or folder, for parquet and jsonl); default FOLDER/exports/."
        ),
    ] = None,
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", help="Only articles published by this day (YYYY-MM-DD)."),
    ] = None,
) -> None:
    """Write FOLDER's report as CSV, GeoJSON, TimelineJS, GraphML, Parquet or JSON Lines."""
    from .export import export as run_export

    for path in _guard(lambda: run_export(folder, fmt, out, as_of)):
        typer.echo(str(path))


def _parse_anchor(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"--anchor {value!r} is not a date", fix="write YYYY-MM-DD") from None


def main() -> None:
    """Console entry point."""
    _leave_torch_out()
    app()


def _leave_torch_out() -> None:
    """Keep torch out of a ``sitroom`` process. spaCy's thinc imports it whenever it is
    installed (sentence-transformers brings it along), which adds about 185 MB of resident
    memory that is never given back, for nothing: sitroom's spaCy model runs on thinc's numpy
    ops and its sentence embeddings on numpy (:mod:`sitroom.analyze.minilm`). A ``None``
    entry in ``sys.modules`` makes ``import torch`` fail, which thinc treats as torch being
    absent. Only the command does this; a program importing sitroom keeps its own torch."""
    sys.modules.setdefault("torch", None)  # type: ignore[arg-type]


if __name__ == "__main__":
    main()
