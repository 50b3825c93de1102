"""The build's stages, each one resumable: it reads what the store says is left to do, works
in batches and commits each batch in one transaction.

A build killed at any point and run again therefore redoes at most one batch per stage and
stores nothing twice: files are marked read in the same transaction as their documents, raw
documents are linked to their article in the same transaction as the article, and
annotations are keyed by (article id, pipeline version).
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .config import Options
from .progress import Progress
from .store import Store
from .store.store import UNKNOWN_OUTLET
from .types import Article, DocAnnotations, RawDocument, Rejected

if TYPE_CHECKING:
    from .scale.dask_runner import ClusterSpec

#: Longer documents are not news articles (a book, a dump, a log); storing and parsing one
#: would take minutes and exceed spaCy's limits, so it is rejected with advice instead.
MAX_ARTICLE_CHARS = 300_000


@dataclass(frozen=True, slots=True)
class IngestCounts:
    files_read: int
    files_skipped: int
    documents: int
    rejected: int


@dataclass(frozen=True, slots=True)
class CleanCounts:
    added: int
    duplicates: int
    rejected: int


# --------------------------------------------------------------------------- ingest


def ingest_stage(
    store: Store,
    inputs: Sequence[Path],
    options: Options,
    progress: Progress,
    out: Path | None = None,
) -> IngestCounts:
    """Read every input file not already read (same path, size and mtime) into the store.

    ``out``, the report folder, is never read as input even when it sits inside an input
    folder. The documents of each batch of files are written in one transaction, so a tar
    of 100,000 tiny entries costs a few multi-row inserts, not one per entry.
    """
    from .ingest import IngestOptions, discover, read_file

    ingest_options = IngestOptions(
        source=options.source,
        fields=dict(options.fields),
        follow_links=options.follow_links,
        **options.limits(),
    )
    excluded = [out] if out is not None else []
    found = list(discover(inputs, follow_links=options.follow_links, exclude=excluded))
    missing = [item for item in found if isinstance(item, Rejected)]
    files = [item for item in found if isinstance(item, Path)]
    if missing:
        with store.transaction():
            store.add_rejected(missing)
    todo: list[tuple[Path, int, int]] = []
    skipped = 0
    for path in files:
        try:
            stat = path.stat()
        except OSError:
            stat = None
        if stat is not None and store.file_is_current(str(path), stat.st_size, stat.st_mtime_ns):
            skipped += 1
        else:
            todo.append((path, stat.st_size if stat else 0, stat.st_mtime_ns if stat else 0))
    documents = 0
    rejected = len(missing)
    with progress.task("reading", len(todo)) as ticker:
        for batch in _file_batches(todo, options.batch_size):
            with store.transaction():
                for path, size, mtime_ns in batch:
                    docs: list[RawDocument] = []
                    bad: list[Rejected] = []
                    root = _root_of(path, inputs)
                    for item in _read_safely(read_file, path, ingest_options, root):
                        if isinstance(item, Rejected):
                            bad.append(item)
                        elif len(item.text) > MAX_ARTICLE_CHARS:
                            bad.append(_too_long(item))
                        else:
                            docs.append(item)
                    store.forget_rejected(str(path))
                    documents += store.add_raw(str(path), docs)
                    store.add_rejected(bad)
                    rejected += len(bad)
                    store.mark_file(str(path), size, mtime_ns, len(docs))
            ticker.advance(len(batch))
    return IngestCounts(len(todo), skipped, documents, rejected)


def _root_of(path: Path, inputs: Sequence[Path]) -> Path | None:
    """The input folder ``path`` was found in (the deepest one), None for a named file."""
    best: Path | None = None
    for given in inputs:
        deeper = best is None or len(given.parts) > len(best.parts)
        if given != path and given in path.parents and deeper:
            best = given
    return best


def _read_safely(
    read_file: Callable[..., Iterable[RawDocument | Rejected]],
    path: Path,
    options: Any,
    root: Path | None = None,
) -> list[RawDocument | Rejected]:
    """Everything ``read_file`` yields for ``path``; should a reader fail unexpectedly, the
    file becomes one rejected row instead of stopping a build of a thousand good files."""
    try:
        return list(read_file(path, options, root=root))
    except (MemoryError, RecursionError) as err:
        what = "memory" if isinstance(err, MemoryError) else "nesting"
        return [
            Rejected(
                str(path),
                f"could not be read: it needs more {what} than sitroom allows for one file; "
                "split it into smaller files",
            )
        ]
    except Exception as err:  # a reader bug must not cost the user the other files
        return [
            Rejected(
                str(path),
                f"could not be read ({type(err).__name__}: {err}); this is a bug in sitroom, "
                "please report it with the file",
            )
        ]


def _file_batches(
    files: Sequence[tuple[Path, int, int]], batch_size: int
) -> Iterator[list[tuple[Path, int, int]]]:
    """Group files so a transaction holds about ``batch_size`` small files, or one big one."""
    batch: list[tuple[Path, int, int]] = []
    budget = 0
    for item in files:
        batch.append(item)
        budget += 1 + item[1] // (1 << 20)  # a megabyte weighs like one more file
        if budget >= batch_size:
            yield batch
            batch, budget = [], 0
    if batch:
        yield batch


# --------------------------------------------------------------------------- clean


def clean_stage(store: Store, options: Options, progress: Progress) -> CleanCounts:
    """Clean every raw document not yet linked to an article.

    Boilerplate is learnt per outlet from *all* stored documents of that outlet, so an outlet's
    site furniture is recognised even when only one new article arrives.
    """
    from .clean.language import release_identifier

    pending = store.pending_raw()
    if not pending:
        return CleanCounts(0, 0, 0)
    try:
        return _clean_pending(store, pending, options, progress)
    finally:
        release_identifier()


def _clean_pending(
    store: Store, pending: list[RawDocument], options: Options, progress: Progress
) -> CleanCounts:
    from .clean import find_boilerplate, make_article

    outlets = sorted({doc.outlet or UNKNOWN_OUTLET for doc in pending})
    boilerplate = find_boilerplate(store.raw_texts_by_outlet(outlets))
    added = duplicates = rejected = 0
    with progress.task("cleaning", len(pending)) as ticker:
        for start in range(0, len(pending), options.batch_size):
            batch = pending[start : start + options.batch_size]
            articles: list[Article] = []
            links: list[tuple[str, str]] = []
            empty: list[Rejected] = []
            for raw in batch:
                article, _ = make_article(
                    raw,
                    boilerplate=boilerplate.get(raw.outlet or UNKNOWN_OUTLET, frozenset()),
                    default_outlet=UNKNOWN_OUTLET,
                )
                if not article.text.strip():
                    empty.append(Rejected(raw.locator, "no article text left after cleaning"))
                    continue
                articles.append(article)
                links.append((raw.locator, article.id))
            with store.transaction():
                batch_added, batch_duplicates = store.add_articles(articles, links)
                store.add_rejected(empty)
                store.discard_raw([r.path for r in empty])
            added += batch_added
            duplicates += batch_duplicates
            rejected += len(empty)
            ticker.advance(len(batch))
    return CleanCounts(added, duplicates, rejected)


def _too_long(raw: RawDocument) -> Rejected:
    return Rejected(
        raw.locator,
        f"{len(raw.text):,} characters is too long for one news article (limit "
        f"{MAX_ARTICLE_CHARS:,}); split it into one file per article, or give a CSV/JSONL "
        "with one article per row",
    )


# --------------------------------------------------------------------------- annotate


def annotate_stage(store: Store, options: Options, progress: Progress) -> int:
    """Parse and annotate every English article without annotations for this pipeline
    version; ``options.workers`` > 1 spreads the parsing over that many processes.

    Texts are read from the store one batch at a time, just before the batch is sent to be
    parsed, and only a few batches are in flight: memory stays bounded by the batch size,
    not the corpus."""
    from .annotate import PIPELINE_VERSION

    todo = store.unannotated_ids(PIPELINE_VERSION)
    if not todo:
        return 0
    spec = _cluster_spec(options)
    size = _batch_size(len(todo), options, spec)
    count = -(-len(todo) // size)  # batches
    in_flight: dict[str, Job] = {}  # jobs sent and not yet stored, for their dates

    def batches() -> Iterator[list[Job]]:
        for start in range(0, len(todo), size):
            jobs = store.article_jobs(todo[start : start + size])
            in_flight.update((job[0], job) for job in jobs)
            yield jobs

    done = 0
    with progress.task("annotating", len(todo)) as ticker:
        results: Iterable[list[DocAnnotations]]
        if spec is not None:
            from .scale.dask_runner import annotate_on_cluster

            results = annotate_on_cluster(spec, batches())
        else:
            results = _annotate_batches(batches(), min(options.workers, count))
        for annotations in results:
            jobs = [in_flight.pop(a.article) for a in annotations]
            with store.transaction():
                store.add_annotations(PIPELINE_VERSION, annotations)
                _refine_date_ranges(store, annotations, jobs)
            done += len(annotations)
            ticker.advance(len(annotations))
    if spec is None and (options.workers <= 1 or count <= 1):
        _release_parser(done)
    return done


#: A build that parsed at least this many articles in its own process lets the spaCy
#: pipeline go before the corpus-level steps, which never parse: it holds about 500 MB that
#: would otherwise sit beside everything those steps build. Reloading costs a few seconds,
#: nothing beside minutes of parsing, but a process that builds many tiny corpora (a test
#: suite, a service) would pay them on every build, so small builds keep it.
RELEASE_PARSER_AFTER = 50


def _release_parser(parsed: int) -> None:
    from .annotate.nlp import release_nlp
    from .memory import release_freed_memory

    if parsed >= RELEASE_PARSER_AFTER:
        release_nlp()
        release_freed_memory()


Job = tuple[str, str, str | None]


def _cluster_spec(options: Options) -> ClusterSpec | None:
    if not options.cluster and not options.scheduler:
        return None
    from .scale.dask_runner import parse_cluster

    return parse_cluster(options.cluster, options.scheduler)


def _batch_size(jobs: int, options: Options, spec: ClusterSpec | None = None) -> int:
    """Documents per batch: ``options.batch_size``, but small enough that every worker gets
    a few batches (so N workers really share a small corpus). On a remote scheduler the
    number of workers is not known in advance: the batch size is used as it is."""
    workers = options.workers
    if spec is not None:
        if spec.local_workers is None:
            return options.batch_size
        workers = spec.local_workers
    if workers <= 1:
        return options.batch_size
    return max(1, min(options.batch_size, -(-jobs // (workers * 2))))


def _annotate_batches(
    batches: Iterable[Sequence[Job]], workers: int
) -> Iterator[list[DocAnnotations]]:
    if workers <= 1:
        for batch in batches:
            yield annotate_batch(batch)
        return
    from .scale.window import IN_FLIGHT_PER_WORKER, in_submission_order

    # Spawned (not forked) workers: forking a process that holds DuckDB and spaCy state is
    # unsafe. Each worker loads the pipeline once. Batches are submitted from this thread
    # (the store is read here) and only a few ahead, where ``imap`` would read every
    # batch's texts into its queue at once.
    context = multiprocessing.get_context("spawn")
    with context.Pool(processes=workers, initializer=_warm_up) as pool:
        yield from in_submission_order(
            batches,
            lambda batch: pool.apply_async(annotate_batch, (batch,)).get,
            workers * IN_FLIGHT_PER_WORKER,
        )


def _warm_up() -> None:
    from .annotate.lifetime import load_pipeline_for_life

    load_pipeline_for_life()


def annotate_batch(batch: Sequence[Job]) -> list[DocAnnotations]:
    """Parse and annotate one batch of (article id, text, published) in this process."""
    from .annotate import annotate_doc, load_nlp
    from .annotate.long_text import parse_texts
    from .annotate.nlp import PARSE_BATCH

    nlp = load_nlp()
    docs = parse_texts(nlp, [text for _, text, _ in batch], PARSE_BATCH)
    return [
        annotate_doc(doc, article_id, _anchor(published))
        for (article_id, _, published), doc in zip(batch, docs, strict=True)
    ]


def _anchor(published: str | None) -> date | None:
    return date.fromisoformat(published) if published else None


def _refine_date_ranges(
    store: Store, annotations: Iterable[DocAnnotations], jobs: Sequence[Job]
) -> None:
    """Undated articles get a publication interval from the dates they mention."""
    from .clean.dates import infer_publication_range

    undated = {article_id: text for article_id, text, published in jobs if published is None}
    for item in annotations:
        text = undated.get(item.article)
        if text is None:
            continue
        found = infer_publication_range(item.times, text)
        if found is not None:
            store.set_date_range(item.article, found[0], found[1])
