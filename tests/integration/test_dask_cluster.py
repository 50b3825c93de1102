"""The per-document stage on a Dask LocalCluster gives the same report as a local build,
ids and all, and a missing or malformed cluster option is a usage error before any work."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitroom import Options, build
from sitroom.errors import UsageError

from .conftest import fakes_sample

pytest.importorskip("distributed", reason="the dask extra is not installed")

SAMPLE = 100


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return fakes_sample(tmp_path_factory.mktemp("fakes-sample"), SAMPLE)


@pytest.mark.slow
def test_two_worker_local_cluster_gives_the_local_report(
    sample: Path, tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    local = build([sample], tmp_path / "local", Options(quiet=True))
    capfd.readouterr()
    dask = build([sample], tmp_path / "dask", Options(quiet=True, cluster="local:2"))
    # Workers close in time (no nanny has to kill one) and say nothing on the terminal.
    noise = capfd.readouterr().err
    assert "killing" not in noise and "leaked" not in noise
    assert local.articles_total == dask.articles_total >= SAMPLE * 0.9
    assert dask.annotated == local.annotated
    local_report = json.loads(local.report_json.read_text(encoding="utf-8"))
    dask_report = json.loads(dask.report_json.read_text(encoding="utf-8"))
    assert dask_report == local_report


@pytest.mark.parametrize(
    ("cluster", "scheduler"),
    [("local", None), ("local:0", None), ("remote:2", None), (None, "localhost:8786"),
     ("local:2", "tcp://127.0.0.1:8786")],
)
def test_bad_cluster_options_are_usage_errors_before_any_work(
    cluster: str | None, scheduler: str | None, tmp_path: Path
) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Rain fell in the valley on Monday, officials said.\n", encoding="utf-8")
    with pytest.raises(UsageError):
        build([article], tmp_path / "out", Options(cluster=cluster, scheduler=scheduler))
    assert not (tmp_path / "out" / "sitroom.duckdb").exists()
