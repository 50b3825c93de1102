"""CPU seconds of each step of one build, for the benchmarks that say where a build goes.

:func:`counting_steps` wraps the functions the pipeline calls for each step (looked up in
the modules it imports them from when it runs, so the wrappers are the ones called) and
adds each call's process CPU time (every thread of this process: DuckDB's and the BLAS's
too) to a total per step. A step called inside another is counted in both ("of which").
No profiler: the figures are the build's own, at the cost of one clock read per call.
"""

from __future__ import annotations

import functools
import importlib
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

#: (step name, module, attribute): a dotted attribute names a class's method.
STEPS: tuple[tuple[str, str, str], ...] = (
    ("reading new inputs", "sitroom.stages", "ingest_stage"),
    ("cleaning new articles", "sitroom.stages", "clean_stage"),
    ("annotating new articles (models loaded)", "sitroom.stages", "annotate_stage"),
    ("corpus steps and report", "sitroom.pipeline", "assemble_report"),
    ("  reading payloads from DuckDB (spool)", "sitroom.store.payload_spool",
     "PayloadSpool.__init__"),
    ("  dating undated articles", "sitroom.pipeline", "date_undated"),
    ("  MinHash signatures read", "sitroom.analyze.stored_minhashes", "load_minhashes"),
    ("  duplicates marked", "sitroom.analyze.events", "mark_duplicates"),
    ("  reading mentions, acronyms, citations, quotes", "sitroom.store.held_annotations",
     "HeldAnnotations.__init__"),
    ("  entities", "sitroom.resolve.entities", "resolve_entities"),
    ("  places", "sitroom.pipeline", "_resolve_places_remembered"),
    ("  quotes and citations", "sitroom.analyze.provenance", "build_quotes_and_citations"),
    ("    of which speakers (read back or resolved)", "sitroom.resolve.stored_speakers",
     "StoredSpeakers.quotes_for"),
    ("    of which linking quotes", "sitroom.analyze.provenance", "link_quotes"),
    ("  events (made, sorted, kept on disk)", "sitroom.report.spill", "spill_sorted"),
    ("    of which resolving mentions", "sitroom.analyze.events", "_resolve_article"),
    ("    of which noting mentions in the merge's table", "sitroom.analyze.event_pairs",
     "MentionTable.extend"),
    ("    of which merging mentions", "sitroom.analyze.events", "_merge_table"),
    ("    of which keying groups", "sitroom.analyze.events", "group_keys"),
    ("    of which reading mentions back", "sitroom.analyze.events", "_MentionReader.groups"),
    ("    of which making events", "sitroom.analyze.events", "_make_event"),
    ("    of which reading events back from the store", "sitroom.analyze.stored_events",
     "decode_event"),
    ("  timeline", "sitroom.analyze.event_notes", "EventNotes.timeline"),
    ("  stories", "sitroom.analyze.stored_terms", "stories_remembered"),
    ("  findings", "sitroom.analyze.findings", "build_findings"),
    ("    of which claims", "sitroom.analyze.findings", "build_claims"),
    ("      of which statements", "sitroom.analyze.claims", "find_statements"),
    ("      of which choosing statements to embed", "sitroom.analyze.claims", "needs_vector"),
    ("      of which embedding new statements", "sitroom.analyze.claims", "_vectors"),
    ("      of which merging statements", "sitroom.analyze.claims", "merge_statements"),
    ("      of which contradictions", "sitroom.analyze.claims", "find_contradictions"),
    ("    of which linking claims to events", "sitroom.analyze.findings",
     "link_claims_to_spans"),
    ("    of which framing", "sitroom.analyze.findings", "build_framing"),
    ("    of which the summary", "sitroom.analyze.findings", "summarize"),
    # Stories summarised together (their vectors embedded a round at a time): same step.
    ("    of which the summary", "sitroom.analyze.findings", "summarize_together"),
    ("  freeing memory between steps (gc, trim)", "sitroom.memory", "release_freed_memory"),
    ("writing report.json and report.html", "sitroom.pipeline", "_write"),
)


@contextmanager
def counting_steps() -> Iterator[dict[str, float]]:
    """Within the block, the returned dict fills with CPU seconds per step name."""
    totals: dict[str, float] = {}
    undo: list[Callable[[], None]] = []
    for step, module_name, attribute in STEPS:
        module = importlib.import_module(module_name)
        owner: Any = module
        name = attribute
        if "." in attribute:
            owner_name, name = attribute.split(".")
            owner = getattr(module, owner_name)
        original = getattr(owner, name, None)
        if original is None:
            continue  # a step this code does not have
        setattr(owner, name, _counted(original, step, totals))
        undo.append(functools.partial(setattr, owner, name, original))
    try:
        yield totals
    finally:
        for restore in reversed(undo):
            restore()


def _counted(function: Callable[..., Any], step: str, totals: dict[str, float]
             ) -> Callable[..., Any]:
    running = [0]  # a step calling itself (a recursive function) is counted once

    @functools.wraps(function)
    def counted(*args: Any, **kwargs: Any) -> Any:
        if running[0]:
            return function(*args, **kwargs)
        running[0] += 1
        started = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            running[0] -= 1
            totals[step] = totals.get(step, 0.0) + time.process_time() - started

    return counted
