"""Loading the spaCy pipeline in a worker process that keeps it until it exits."""

from __future__ import annotations

import gc


def load_pipeline_for_life() -> None:
    """Load sitroom's spaCy pipeline and put it out of the cyclic collector's reach.

    In a worker (a process-pool worker or a Dask worker) the pipeline and its gazetteer are
    millions of objects that never become garbage. ``gc.freeze`` moves them, and everything
    made before, into the collector's permanent generation: its full passes stop walking
    them while parsing, and the process exits in about half a second instead of several (a
    Dask nanny kills a worker that takes over four seconds to close, with a warning on the
    user's terminal). Only for workers: a process that releases the pipeline later must
    leave it collectable. The store's database module is deliberately not imported first:
    objects frozen here are never collected, and that module reports such objects as leaks
    when its process exits."""
    from . import load_nlp

    load_nlp()
    gc.collect()
    gc.freeze()
