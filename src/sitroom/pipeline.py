"""``build``: the stages in order, and nothing else.

ingest -> clean -> annotate each commit to the store as they go (see :mod:`sitroom.stages`);
the corpus-level steps (resolution, linking, analysis) are recomputed from the store on every
build, which keeps them consistent as articles are added, and the report is written last.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, replace
from importlib import resources
from pathlib import Path
from typing import Any

from . import __version__
from .config import Options
from .errors import NothingToBuild, UsageError
from .progress import Progress, SilentProgress
from .resolve.aliases import AliasRules, load_aliases
from .store import Store, store_exists
from .types import Article, DocAnnotations, Report

REPORT_SCHEMA_VERSION = 1


@dataclass(frozen=True, slots=True)
class BuildResult:
    """What a build did. ``to_dict`` is what ``sitroom build --json`` prints."""

    out: Path
    report_json: Path
    report_html: Path
    articles_total: int
    articles_added: int
    duplicates: int
    rejected: int
    annotated: int
    files_read: int
    files_skipped: int
    seconds: float

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        for key in ("out", "report_json", "report_html"):
            data[key] = str(data[key])
        data["seconds"] = round(self.seconds, 3)
        return data


def build(
    inputs: Sequence[str | Path],
    out: str | Path,
    options: Options | None = None,
    progress: Progress | None = None,
) -> BuildResult:
    """Build (or update) the report in ``out`` from ``inputs`` (files, folders, archives).

    Only files not seen before (by path, size and modification time) are read, and only
    articles not yet annotated by this pipeline version are parsed; everything is kept in
    ``out/sitroom.duckdb``. Raises :class:`~sitroom.errors.NothingToBuild` when neither the
    inputs nor the store hold a usable article.
    """
    from .stages import annotate_stage, clean_stage, ingest_stage

    options = options or Options()
    bars: Progress = progress or SilentProgress()
    if not inputs:
        raise UsageError("no inputs given", fix="name at least one file or folder to read")
    started = time.perf_counter()
    aliases = _load_aliases(options.aliases)  # a bad alias file fails before any work
    out_dir = Path(out)
    _check_out_dir(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = [Path(p).expanduser().resolve() for p in inputs]
    with Store.open(out_dir) as store:
        ingested = ingest_stage(store, paths, options, bars)
        cleaned = clean_stage(store, options, bars)
        annotated = annotate_stage(store, options, bars)
        total = store.article_count()
        if total == 0:
            reasons = "; ".join(f"{r.path}: {r.reason}" for r in store.rejected()[:5])
            raise NothingToBuild(
                "no usable article found in the inputs" + (f" ({reasons})" if reasons else ""),
                fix="point sitroom at news articles (text, HTML, JSON, CSV, feeds, WARC or "
                "archives of them); see `sitroom build --help`",
            )
        report = assemble_report(store, options, aliases)
        report_json, report_html = _write(report, out_dir)
        rejected = len(report.rejected)
    return BuildResult(
        out=out_dir,
        report_json=report_json,
        report_html=report_html,
        articles_total=total,
        articles_added=cleaned.added,
        duplicates=cleaned.duplicates,
        rejected=rejected,
        annotated=annotated,
        files_read=ingested.files_read,
        files_skipped=ingested.files_skipped,
        seconds=time.perf_counter() - started,
    )


def _check_out_dir(out_dir: Path) -> None:
    if out_dir.exists() and not out_dir.is_dir():
        raise UsageError(f"{out_dir} exists and is not a folder", fix="choose another --out")


def assemble_report(
    store: Store, options: Options, aliases: AliasRules | None = None
) -> Report:
    """The corpus-level steps over everything stored: resolution, linking, then the report
    record."""
    from .analyze.findings import build_findings
    from .analyze.provenance import build_quotes_and_citations
    from .annotate import PIPELINE_VERSION
    from .resolve.entities import resolve_entities
    from .resolve.places import resolve_places

    annotations = store.annotations(PIPELINE_VERSION)
    articles = date_undated(store.articles(), annotations)
    if aliases is None:
        aliases = _load_aliases(options.aliases)
    entities = resolve_entities(annotations, aliases=aliases)
    places = resolve_places(articles, annotations, entities)
    quotes, citations = build_quotes_and_citations(articles, annotations, entities)
    findings = build_findings(articles, annotations, quotes, citations, entities.entities,
                              entities.mention_entity, places.places, places.mention_place,
                              cache=store)
    return Report(
        schema_version=REPORT_SCHEMA_VERSION,
        generated_by=f"sitroom {__version__}",
        as_of=_as_of(articles),
        articles=articles,
        rejected=tuple(store.rejected()),
        entities=entities.entities,
        places=places.places,
        quotes=quotes,
        citations=citations,
        claims=findings.claims,
        framing=findings.framing,
        summary=findings.summary,
        contradictions=findings.contradictions,
    )


def date_undated(
    articles: Sequence[Article], annotations: Sequence[DocAnnotations]
) -> tuple[Article, ...]:
    """Give undated articles the interval their own dates and the corpus's coverage allow
    (see :func:`sitroom.resolve.dates.range_within_coverage`). Recomputed on every build,
    since the coverage grows as dated articles are added."""
    from .resolve.dates import coverage_window, range_within_coverage

    window = coverage_window(
        [a.published for a in articles if a.published and a.date_basis in ("metadata", "header")]
    )
    if window is None:
        return tuple(articles)
    times = {item.article: item.times for item in annotations}
    dated: list[Article] = []
    for article in articles:
        if article.published is None:
            found = range_within_coverage(
                article.date_range, times.get(article.id, ()), window, article.text
            )
            article = replace(article, date_basis="inferred", date_range=found)
        dated.append(article)
    return tuple(dated)


def _load_aliases(path: Path | None) -> AliasRules | None:
    return None if path is None else load_aliases(path)


def _as_of(articles: Sequence[Article]) -> str | None:
    """The report's date: the latest publication date it covers. For an article dated only
    by inference, the earliest day it can have been published counts, so an open-ended
    interval does not push the report into the future."""
    dates = [a.published for a in articles if a.published]
    dates += [a.date_range[0] for a in articles if a.date_range and not a.published]
    return max(dates) if dates else None


def _write(report: Report, out_dir: Path) -> tuple[Path, Path]:
    from .report import write_report

    texts = {article.id: article.text for article in report.articles}
    return write_report(report, out_dir, article_texts=texts)


def articles(out: str | Path) -> list[Article]:
    """The articles stored in a build folder, in the order they were first stored."""
    out_dir = Path(out)
    if not store_exists(out_dir):
        raise UsageError(
            f"{out_dir} holds no sitroom store", fix="run `sitroom build INPUT --out DIR` first"
        )
    from .annotate import PIPELINE_VERSION

    with Store.open(out_dir, read_only=True) as store:
        # The same dates the report shows: undated articles placed within the coverage.
        return list(date_undated(store.articles(), store.annotations(PIPELINE_VERSION)))


DEMO_PACKAGE = "sitroom.data"
DEMO_FOLDER = "demo"
DEFAULT_DEMO_OUT = Path("sitroom-demo")


def demo(
    out: str | Path = DEFAULT_DEMO_OUT,
    options: Options | None = None,
    progress: Progress | None = None,
) -> BuildResult:
    """Build the bundled, fictional demo corpus into ``out``."""
    folder = resources.files(DEMO_PACKAGE).joinpath(DEMO_FOLDER)
    with resources.as_file(folder) as path:
        # The folder also holds the corpus's own documentation (README, MANIFEST), which
        # is not news: name the articles one by one.
        files = sorted(p for p in path.iterdir() if p.suffix != ".md" and p.name != "sources.csv")
        return build(files, out, options, progress)
