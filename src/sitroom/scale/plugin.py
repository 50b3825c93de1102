"""The worker plugin that loads the spaCy pipeline once per Dask worker. Kept apart from
:mod:`sitroom.scale.dask_runner` because defining it imports ``distributed``."""

from __future__ import annotations

from typing import Any

from distributed.diagnostics.plugin import WorkerPlugin


class PipelinePlugin(WorkerPlugin):
    """Loads sitroom's spaCy pipeline when a worker starts, so no task pays for it."""

    idempotent = True
    name = "sitroom-pipeline"

    def setup(self, worker: Any) -> None:
        from ..annotate.lifetime import load_pipeline_for_life

        load_pipeline_for_life()
