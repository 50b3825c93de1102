"""The per-document stage on a Dask distributed cluster.

This is the only module that imports Dask. The same function that annotates a batch in one
process (:func:`sitroom.stages.annotate_batch`) runs on the workers; a worker plugin loads the
spaCy pipeline once per worker when it joins, so no task pays for it. Batches travel as plain
(article id, text, date) tuples, and each batch's annotations come back as one Arrow table
(article id, encoded annotations), the same encoding the store keeps, so what the cluster
returns is loaded into the store exactly as a local run's results are. Results are taken in
submission order, which keeps the store, and so the report, identical to a local build's.

The corpus-level steps (resolution, linking, analysis) stay on the machine that holds the
store: see docs/scaling.md for why.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from ..errors import UsageError
from ..types import DocAnnotations
from .window import IN_FLIGHT_PER_WORKER, in_submission_order

Job = tuple[str, str, str | None]

INSTALL_FIX = "install the extra: pip install 'sitroom[dask]'"


@dataclass(frozen=True, slots=True)
class ClusterSpec:
    """Where the per-document work runs: a LocalCluster of ``local_workers`` processes, or an
    existing scheduler at ``address``."""

    local_workers: int | None = None
    address: str | None = None


def parse_cluster(cluster: str | None, scheduler: str | None) -> ClusterSpec | None:
    """``--cluster local:N`` / ``--scheduler tcp://HOST:PORT`` to a :class:`ClusterSpec`."""
    if cluster and scheduler:
        raise UsageError(
            "--cluster and --scheduler both given", fix="give one: a local cluster or a scheduler"
        )
    if scheduler:
        if "://" not in scheduler:
            raise UsageError(
                f"--scheduler {scheduler!r} is not an address",
                fix="give the scheduler's address, e.g. --scheduler tcp://10.0.0.5:8786",
            )
        return ClusterSpec(address=scheduler)
    if cluster:
        kind, _, count = cluster.partition(":")
        if kind != "local" or not count.isdigit() or int(count) < 1:
            raise UsageError(
                f"--cluster {cluster!r} is not understood",
                fix="use --cluster local:N with N worker processes, e.g. --cluster local:2",
            )
        return ClusterSpec(local_workers=int(count))
    return None


def require_dask() -> None:
    """Raise a :class:`UsageError` with the install command when Dask is missing."""
    try:
        import dask  # noqa: F401
        import distributed  # noqa: F401
    except ImportError as err:
        raise UsageError(f"Dask is not installed ({err.name} is missing)", fix=INSTALL_FIX) from err


def annotate_on_cluster(
    spec: ClusterSpec, batches: Iterable[Sequence[Job]]
) -> Iterator[list[DocAnnotations]]:
    """Annotate ``batches`` on the cluster, yielding each batch's annotations in order."""
    require_dask()
    import distributed

    # distributed's constructors are untyped; Any keeps mypy --strict meaningful elsewhere.
    Client: Any = distributed.Client
    LocalCluster: Any = distributed.LocalCluster

    with contextlib.ExitStack() as stack:
        if spec.address:
            client = stack.enter_context(Client(spec.address, set_as_default=False))
        else:
            cluster = stack.enter_context(
                LocalCluster(
                    n_workers=spec.local_workers or 1,
                    threads_per_worker=1,  # spaCy parsing is CPU-bound: one document at a time
                    processes=True,
                    dashboard_address=None,
                    host="127.0.0.1",
                )
            )
            client = stack.enter_context(Client(cluster, set_as_default=False))
        from .plugin import PipelinePlugin

        client.register_plugin(PipelinePlugin(), name=PipelinePlugin.name)
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        tables = in_submission_order(
            batches,
            lambda batch: client.submit(annotate_to_arrow, list(batch), pure=False).result,
            workers * IN_FLIGHT_PER_WORKER,
        )
        yield from map(arrow_to_annotations, tables)


def annotate_to_arrow(batch: Sequence[Job]) -> Any:
    """Runs on a worker: annotate one batch, return an Arrow table (article, payload)."""
    import pyarrow as pa

    from ..stages import annotate_batch
    from ..store.codec import encode_annotations

    annotations = annotate_batch(batch)
    return pa.table(
        {
            "article": [a.article for a in annotations],
            "payload": [encode_annotations(a) for a in annotations],
        }
    )


def arrow_to_annotations(table: Any) -> list[DocAnnotations]:
    from ..store.codec import decode_annotations

    return [decode_annotations(str(payload)) for payload in table.column("payload").to_pylist()]
