"""The per-document stage on a Dask LocalCluster gives the same report as a local build,
ids and all, and a missing or malformed cluster option is a usage error before any work."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from sitroom import Options, build
from sitroom.errors import UsageError
from tests.conftest import shared_path

pytest.importorskip("distributed", reason="the dask extra is not installed")

SAMPLE = 100


@pytest.fixture(scope="module")
def fakes_sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # FA-KES is Windows-1252; the sample is written as UTF-8.
    source = shared_path("corpora", "fakes", "fakes.csv")
    folder = tmp_path_factory.mktemp("fakes-sample")
    target = folder / "fakes_sample.csv"
    with source.open(encoding="cp1252", errors="replace", newline="") as src, target.open(
        "w", encoding="utf-8", newline=""
    ) as dst:
        reader = csv.reader(src)
        writer = csv.writer(dst)
        writer.writerow(next(reader))
        for number, row in enumerate(reader):
            if number >= SAMPLE:
                break
            writer.writerow(row)
    return target


@pytest.mark.slow
def test_two_worker_local_cluster_gives_the_local_report(
    fakes_sample: Path, tmp_path: Path
) -> None:
    local = build([fakes_sample], tmp_path / "local", Options(quiet=True))
    dask = build([fakes_sample], tmp_path / "dask", Options(quiet=True, cluster="local:2"))
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
