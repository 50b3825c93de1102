"""What several benchmarks share: the AllSides sample they read, a slice of it written as a
JSONL input, and CPU time counted with the worker processes a build starts."""

from __future__ import annotations

import gzip
import itertools
import resource
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ALLSIDES = ROOT.parent / "shared" / "corpora" / "allsides" / "allsides_8k.jsonl.gz"


def write_lines(first: int, count: int, target: Path) -> Path:
    """Lines ``first`` .. ``first + count - 1`` of the AllSides sample, as a JSONL file."""
    with gzip.open(ALLSIDES, "rt", encoding="utf-8") as source, target.open(
        "w", encoding="utf-8"
    ) as sink:
        sink.writelines(itertools.islice(source, first, first + count))
    return target


def write_sample(docs: int, folder: Path) -> Path:
    """The first ``docs`` articles of the sample as ``folder/allsides_DOCS.jsonl``."""
    return write_lines(0, docs, folder / f"allsides_{docs}.jsonl")


def cpu_seconds() -> float:
    """CPU time of this process and of its finished descendants (build workers, Dask
    nannies and their workers)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime
