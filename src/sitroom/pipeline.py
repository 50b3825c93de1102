"""``build``: the stages in order, and nothing else.

ingest -> clean -> annotate each commit to the store as they go (see :mod:`sitroom.stages`);
the corpus-level steps (resolution, linking, analysis) are recomputed from the store on every
build, which keeps them consistent as articles are added, and the report is written last.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, replace
from datetime import date, timedelta
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from . import __version__
from .config import Options
from .errors import NothingToBuild, UsageError
from .progress import Progress, SilentProgress
from .resolve.aliases import AliasRules, load_aliases
from .store import Store, store_exists
from .types import Article, DocAnnotations, Report, TimeMention

if TYPE_CHECKING:
    from .resolve.entities import EntityResolution
    from .resolve.places import PlaceResolution
    from .store.annotation_view import StoredAnnotations
    from .stored_memo import MemoStore

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
    #: Bytes of the store's file that hold nothing (see ``sitroom compact``).
    store_free_bytes: int = 0

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
    from .annotate import PIPELINE_VERSION
    from .fingerprint import remember_report, report_fingerprint, report_is_current
    from .report.write import HTML_NAME, JSON_NAME
    from .stages import annotate_stage, clean_stage, ingest_stage
    from .write_failure import write_failures_named

    options = options or Options()
    bars: Progress = progress or SilentProgress()
    if not inputs:
        raise UsageError("no inputs given", fix="name at least one file or folder to read")
    started = time.perf_counter()
    aliases = _load_aliases(options.aliases)  # a bad alias file fails before any work
    _check_cluster(options)  # so does a bad --cluster, or a missing Dask
    out_dir = Path(out)
    _make_out_dir(out_dir)
    paths = [_absolute(p) for p in inputs]
    with write_failures_named(out_dir), Store.open(out_dir) as store:
        ingested = ingest_stage(store, paths, options, bars, out=out_dir)
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
        fingerprint = report_fingerprint(store, options, PIPELINE_VERSION)
        report_json, report_html = out_dir / JSON_NAME, out_dir / HTML_NAME
        if not options.validate and report_is_current(
            store, fingerprint, report_json, report_html
        ):
            rejected = len(store.rejected())  # nothing changed: keep the report on disk
        else:
            report = assemble_report(store, options, aliases)
            report_json, report_html = _write(report, out_dir, validate=options.validate,
                                              memo=store)
            # What earlier code remembered is never served again. After the writer: its
            # line index is a memo too, and first asked for once the corpus steps are done.
            store.drop_stale_memos()
            rejected = len(report.rejected)
            remember_report(store, fingerprint)
        free_bytes = store.free_bytes()
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
        store_free_bytes=free_bytes,
    )


def _check_cluster(options: Options) -> None:
    if options.cluster or options.scheduler:
        from .scale.dask_runner import parse_cluster, require_dask

        parse_cluster(options.cluster, options.scheduler)
        require_dask()


def _make_out_dir(out_dir: Path) -> None:
    """Create the report folder, or say plainly why it cannot be used (exit 2, not a bug)."""
    if out_dir.exists() and not out_dir.is_dir():
        raise UsageError(f"{out_dir} exists and is not a folder", fix="choose another --out")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except (NotADirectoryError, FileExistsError):
        raise UsageError(
            f"--out {out_dir}: a part of this path is a file, not a folder",
            fix="choose an --out folder whose parents are folders",
        ) from None
    except PermissionError:
        raise UsageError(
            f"--out {out_dir}: permission denied, cannot create this folder",
            fix="choose an --out folder you can write to",
        ) from None
    except OSError as error:
        raise UsageError(
            f"--out {out_dir}: cannot create this folder ({error.strerror or error})",
            fix="choose another --out folder",
        ) from None
    if not os.access(out_dir, os.W_OK | os.X_OK):
        raise UsageError(
            f"--out {out_dir}: permission denied, cannot write in this folder",
            fix="choose an --out folder you can write to (or chmod u+w it)",
        )


def _absolute(given: str | Path) -> Path:
    """An absolute path for an input, resolved when possible. A link loop or other broken
    link is kept as given: discovery turns it into a rejected row."""
    path = Path(given).expanduser()
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return Path(os.path.abspath(path))


def assemble_report(
    store: Store, options: Options, aliases: AliasRules | None = None
) -> Report:
    """The corpus-level steps over everything stored: resolution, linking, then the report
    record.

    The annotations are never all in memory: each step walks a
    :class:`~sitroom.store.annotation_view.StoredAnnotations` that reads them from the store a
    few articles at a time, decoding only the parts that step reads, and what a step no
    longer needs is freed before the next one starts."""
    from .analyze.event_notes import EventNotes
    from .analyze.events import (
        event_order,
        events_unordered,
        mark_duplicates,
        place_mentions,
        town_points,
    )
    from .analyze.events import name_key as event_name_key
    from .analyze.findings import build_findings
    from .analyze.gc_pause import collector_paused
    from .analyze.provenance import _content_stem as quote_word_stem
    from .analyze.provenance import build_quotes_and_citations
    from .analyze.stored_minhashes import load_minhashes, save_minhashes
    from .analyze.stored_terms import stories_remembered
    from .analyze.stories import titled_by_claims
    from .annotate import PIPELINE_VERSION
    from .memory import release_freed_memory
    from .names import fold_name
    from .report.spill import SpilledRecords, spill_sorted
    from .resolve.entities import resolve_entities
    from .resolve.gazetteer_release import release_gazetteer
    from .resolve.packed_entities import PackedEntities
    from .resolve.span_table import SpanTable
    from .store.annotation_view import StoredAnnotations
    from .store.held_annotations import HeldAnnotations
    from .store.payload_spool import PayloadSpool

    # Each payload is read from DuckDB once, early, then from a scratch file: a DuckDB read
    # decompresses 2,048 payloads whatever it asks for, which set the peak late in the build.
    spool = PayloadSpool(store, folder=str(store.folder))
    annotations = StoredAnnotations(spool, PIPELINE_VERSION)
    articles = date_undated(store.articles(), annotations.only("times"), store)
    if options.as_of:  # what articles published by that day said, nothing later
        articles, annotations = _as_of_view(articles, annotations, options.as_of)
    minhashes = load_minhashes(store, (a.text for a in articles))  # kept between builds
    articles = mark_duplicates(articles)
    if aliases is None:
        aliases = _load_aliases(options.aliases)
    # The entity, place and quote steps share one read of the parts they use (eight walks
    # over the stored payloads before), held until the quotes are linked. Citations reach the
    # entity step too: a cited outlet is an organisation, never a place (``Middle East Eye``).
    heads = HeldAnnotations(annotations.only(*_HEAD_PARTS), _HEAD_PARTS)
    # What DuckDB kept of every article's read (see Store.release_memory) goes before the
    # entity step's records pile up on it.
    release_freed_memory(store)
    # Both steps make a record or more per mention of the corpus and no cycles: with the
    # collector on, each full collection walks everything the build holds to free nothing
    # (a fifth of the entity step's time at 2,000 articles).
    with collector_paused():
        entities = resolve_entities(heads.only("mentions", "acronyms", "citations"),
                                    aliases=aliases)
    _forget_answers(*_entity_step_caches())
    release_freed_memory(store)
    # citations: the outlets they name hold no place (``told Middle East Eye``)
    with collector_paused():
        places = _resolve_places_remembered(store, articles,
                                            heads.only("mentions", "citations"), entities)
    release_gazetteer()  # no later step looks a name up: the index need not outlive this
    # What later steps read of the places, taken now: the events step its mentions' rows
    # and towns; the claims and framing steps the places and their spans, packed per article
    # (``SpanTable``: they read them an article at a time). The resolution itself (a record
    # per resolved mention and a dict entry per span) does not stay beneath the quotes and
    # events steps.
    place_rows, towns = place_mentions(places), town_points(places)
    place_list, place_spans = places.places, SpanTable(places.mention_place)
    del places
    # Of the entities, the quotes and events steps only ask which entity a span or a
    # surface names, and the stories which entities each article mentions: packed rows
    # answer them (``PackedEntities``), and the resolution's dict and lists of every
    # mention go before those steps. The claims step reads the entities and their spans.
    entity_list, entity_spans = entities.entities, SpanTable(entities.mention_entity)
    entity_lookup = PackedEntities(entities)
    del entities
    release_freed_memory(store)
    found_quotes, citations = build_quotes_and_citations(
        articles, heads.only("quotes", "mentions", "citations"), entity_lookup, memo=store
    )
    del heads
    # Read again only by the claims step's statement finder (one pass) and the writer.
    quotes = SpilledRecords(found_quotes, folder=str(store.folder))
    del found_quotes
    # The quotes step was the last to ask the entities about a surface (which folds it).
    _forget_answers(quote_word_stem, fold_name)
    release_freed_memory(store)
    # The events are read back only by the report writer: kept on disk as they are made
    # (beside the store, not in a /tmp that may be memory), they are never all in memory at
    # once. What the timeline and the claims' links read of each event is noted on its way
    # to disk (analyze.event_notes). The step makes millions of small records and no
    # cycles: the cycle collector waits (see analyze.gc_pause).
    event_notes = EventNotes()
    with collector_paused():
        kept_events = spill_sorted(
            event_notes.noting(events_unordered(
                articles,
                annotations.only("times", "events"),
                entity_lookup,
                place_rows,
                towns=towns,
                memo=store,
                folder=str(store.folder),
            )),
            key=event_order,
            folder=str(store.folder),
        )
    del place_rows, towns
    event_timeline = event_notes.timeline()
    stories = stories_remembered(store, articles, entity_lookup.entities_by_article())
    del entity_lookup
    _forget_answers(event_name_key)
    release_freed_memory(store)
    # Each reader decodes only its parts: the statements read clauses, descriptors and
    # times; the framing descriptors and mentions.
    findings = build_findings(articles, annotations.only("clauses", "descriptors", "times"),
                              quotes, citations, entity_list, entity_spans, place_list,
                              place_spans, stories=stories, cache=store, events=event_notes,
                              framing_annotations=annotations.only("descriptors", "mentions"),
                              memo=store)
    del entity_spans, place_spans
    titled = titled_by_claims(stories, findings.claims)
    # From here on only the writer reads the claims, once per file: on disk like the events.
    kept_claims = SpilledRecords(findings.claims, folder=str(store.folder))
    report = Report(
        schema_version=REPORT_SCHEMA_VERSION,
        generated_by=f"sitroom {__version__}",
        as_of=options.as_of or _as_of(articles),
        articles=articles,
        rejected=tuple(store.rejected()),
        entities=entity_list,
        places=place_list,
        quotes=quotes,
        citations=citations,
        events=kept_events,
        timeline=event_timeline,
        stories=titled,
        claims=kept_claims,
        framing=findings.framing,
        summary=findings.summary,
        contradictions=findings.contradictions,
    )
    del findings  # its lookup tables are not part of the report
    spool.close()
    save_minhashes(store, minhashes, (a.text for a in articles))
    release_freed_memory(store)
    return report


#: The parts of each article's annotations the entity, place and quote steps read.
_HEAD_PARTS = ("mentions", "acronyms", "citations", "quotes")


class _Answers(Protocol):
    """A function that keeps its answers (``functools.lru_cache``)."""

    def cache_clear(self) -> None: ...


def _forget_answers(*cached: _Answers) -> None:
    """Empty the answer caches of ``cached``, kept by a step that is over. Each keeps up
    to 65,536 small strings or tuples (about 50 MB together at 2,000 articles) that no
    later step asks again, and they sat beneath every later step's peak. A build in the
    same process later fills them again: the answers are the same, only asked anew."""
    for function in cached:
        function.cache_clear()


def _entity_step_caches() -> tuple[_Answers, ...]:
    from .resolve import entities

    return (entities._key_words, entities._full_name_key, entities._clean_key,
            entities._is_acronym)


def _resolve_places_remembered(
    store: Store,
    articles: Sequence[Article],
    annotations: Sequence[DocAnnotations],
    entities: EntityResolution,
) -> PlaceResolution:
    """:func:`~sitroom.resolve.places.resolve_places` with the gazetteer's answers for
    place-name variants, each article's place rows and the corpus's lower-case words kept
    in the store, so a build that adds articles searches only the names it has not met and
    scans only the new texts."""
    from .annotate import PIPELINE_VERSION
    from .fingerprint import code_digest
    from .resolve.places import (
        remembered_lower_words,
        remembered_rows,
        remembered_variants,
        resolve_places,
        variants_depend_on,
    )
    from .resolve.stored_lower_words import StoredLowerWords
    from .resolve.stored_place_rows import StoredPlaceRows
    from .stored_memo import StoredMemo, namespace

    memo = StoredMemo(store, namespace("place_variants", code_digest(), variants_depend_on()))
    rows = StoredPlaceRows(store, namespace("place_rows", code_digest(), variants_depend_on(),
                                            PIPELINE_VERSION))
    lower_words = StoredLowerWords(store, namespace("lower_words", code_digest()))
    with remembered_variants(memo.values), remembered_rows(rows), \
            remembered_lower_words(lower_words):
        places = resolve_places(articles, annotations, entities)
    memo.save(store)
    rows.save(store)
    lower_words.save(store)
    return places


def _actors_by_article(entities: EntityResolution) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for article, spans in entities.by_article.items():
        found[article] = [entity for _start, _end, entity in spans]
    return found


def date_undated(
    articles: Sequence[Article], annotations: Sequence[DocAnnotations],
    memo: MemoStore | None = None,
) -> tuple[Article, ...]:
    """Give undated articles the interval their own dates and the corpus's coverage allow
    (see :func:`sitroom.resolve.dates.range_within_coverage`). Recomputed on every build,
    since the coverage grows as dated articles are added; with ``memo`` (the store), the
    part that does not depend on the coverage (each article's yearless days) is kept
    between builds, so only new articles' annotations are read."""
    from .resolve.dates import coverage_window, range_from_yearless_days, yearless_days

    window = coverage_window(
        [a.published for a in articles if a.published and a.date_basis in ("metadata", "header")]
    )
    if window is None:
        return tuple(articles)
    undated = {article.id: article for article in articles if article.published is None}
    from .store.annotation_view import StoredAnnotations

    days: dict[str, tuple[TimeMention, ...]]
    if isinstance(annotations, StoredAnnotations) and memo is not None:
        days = dict(_yearless_days_remembered(memo, annotations, undated))
    else:
        if isinstance(annotations, StoredAnnotations):  # read only the undated articles'
            annotations = annotations.within(set(undated))
        days = {item.article: yearless_days(item.times, undated[item.article].text)
                for item in annotations if item.article in undated}
    dated: list[Article] = []
    for article in articles:
        if article.published is None:
            found = range_from_yearless_days(article.date_range, days.get(article.id, ()),
                                             window)
            article = replace(article, date_basis="inferred", date_range=found)
        dated.append(article)
    return tuple(dated)


def _yearless_days_remembered(
    memo: MemoStore, annotations: StoredAnnotations, undated: Mapping[str, Article]
) -> Iterator[tuple[str, tuple[TimeMention, ...]]]:
    """Each undated article's yearless days, kept in the store per article under its id:
    they are made from its text, of which the id is a digest, and its stored times."""
    from .analyze.article_memo import digest_of, per_article
    from .resolve.dates import yearless_days

    def make(item: DocAnnotations) -> tuple[TimeMention, ...]:
        return yearless_days(item.times, undated[item.article].text)

    def encode(days: tuple[TimeMention, ...]) -> str:
        return json.dumps([[m.start, m.end, m.text, m.type, m.value, m.precision, m.relation]
                           for m in days], ensure_ascii=False)

    def decode(value: str, article: str) -> tuple[TimeMention, ...]:
        return tuple(TimeMention(article, *fields) for fields in json.loads(value))

    ids = [article for article in annotations.ids if article in undated]
    return per_article(memo, "yearless_days", annotations, ids,
                       digest_of, make, encode, decode)


def _as_of_view(
    articles: Sequence[Article], annotations: StoredAnnotations, day: str
) -> tuple[tuple[Article, ...], StoredAnnotations]:
    from .analyze.asof import articles_as_of

    kept = articles_as_of(articles, day)
    return kept, annotations.within({a.id for a in kept})


def _load_aliases(path: Path | None) -> AliasRules | None:
    return None if path is None else load_aliases(path)


def _as_of(articles: Sequence[Article]) -> str | None:
    """The report's date: the latest publication date it covers. For an article dated only
    by inference, the earliest day it can have been published counts, so an open-ended
    interval does not push the report into the future; and when some articles carry a
    stated date (metadata or header), no inferred one counts beyond the latest of those
    plus :data:`~sitroom.clean.dates.WINDOW_DAYS` (a date a text looks ahead to is not the
    day it was written)."""
    from .clean.dates import WINDOW_DAYS

    stated = [a.published for a in articles if a.published and a.date_basis in _STATED]
    inferred = [a.published for a in articles if a.published and a.date_basis not in _STATED]
    inferred += [a.date_range[0] for a in articles if a.date_range and not a.published]
    if stated:
        cap = (date.fromisoformat(max(stated)) + timedelta(days=WINDOW_DAYS)).isoformat()
        inferred = [day for day in inferred if day <= cap]
    dates = stated + inferred
    return max(dates) if dates else None


_STATED = ("metadata", "header")


def _write(report: Report, out_dir: Path, *, validate: bool, memo: Store | None = None
           ) -> tuple[Path, Path]:
    from .report import write_report

    texts = {article.id: article.text for article in report.articles}
    return write_report(report, out_dir, article_texts=texts, validate=validate, memo=memo)


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
        from .store.annotation_view import StoredAnnotations

        times = StoredAnnotations(store, PIPELINE_VERSION, ("times",))
        return list(date_undated(store.articles(), times))


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
