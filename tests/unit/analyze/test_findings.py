"""The summary's stories are read in runs: each story still gets exactly its claims, in the
claims' order, and one read ahead serves a run of stories."""

from __future__ import annotations

import random
from collections import defaultdict
from pathlib import Path

import pytest

import sitroom.analyze.findings as findings
from sitroom.analyze.claims import ClaimSet
from sitroom.types import Claim, Evidence


def _claim(ident: str, *articles: str) -> Claim:
    return Claim(id=ident, text=ident, evidence=tuple(Evidence(a, 0, 5, "words") for a in articles),
                 outlets=("Outlet",), independent_sources=1, status="single_source")


def test_runs_of_stories_give_each_story_its_own_claims(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(3)
    articles = [f"a{i}" for i in range(30)]
    claims = [_claim(f"c{k}", *rng.sample(articles, rng.randint(1, 3))) for k in range(80)]
    groups = [(f"s{n}", tuple(rng.sample(articles, rng.randint(1, 6)))) for n in range(25)]
    by_article: dict[str, list[int]] = defaultdict(list)
    for position, claim in enumerate(claims):
        for item in claim.evidence:
            by_article[item.article].append(position)
    for size in (1, 7, 10_000):
        monkeypatch.setattr(findings, "AHEAD_CLAIMS", size)
        runs = list(findings._batches(groups, by_article, claims))
        flat = [item for run in runs for item in run]
        assert [(story, members) for story, members, _ in flat] == groups
        for _story, members, story_claims in flat:
            assert story_claims == [c for c in claims
                                    if any(e.article in members for e in c.evidence)]
        # a run closes once it holds AHEAD_CLAIMS claims, never before
        for run in runs[:-1]:
            held = [len(c) for _, _, c in run]
            assert sum(held) >= size and sum(held[:-1]) < size
        assert (len(runs) == 1) == (size == 10_000)


def _numpy_library(path: str) -> bool:
    """Whether the shared library at ``path`` ships with numpy (its package or its wheel's
    ``numpy.libs`` folder)."""
    import numpy

    package = Path(numpy.__file__).resolve().parent
    folder = Path(path).resolve().parent
    return folder == package.with_name("numpy.libs") or folder.is_relative_to(package)


def test_the_findings_run_without_the_cycle_collector_on_one_blas_thread(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import gc

    seen: list[bool] = []

    from threadpoolctl import threadpool_info

    blas_threads: list[int] = []

    def framing_seeing_the_collector(*_args: object, **_kwargs: object) -> tuple[()]:
        seen.append(gc.isenabled())
        # numpy's own BLAS: another library loaded later (scipy's, by an earlier test) has
        # its own pool, which the step's products never use.
        blas_threads.extend(pool["num_threads"] for pool in threadpool_info()
                            if pool["user_api"] == "blas" and _numpy_library(pool["filepath"]))
        return ()

    monkeypatch.setattr(findings, "build_framing", framing_seeing_the_collector)
    monkeypatch.setattr(findings, "build_claims",
                        lambda *_a, **_k: ClaimSet((), (), {}))
    assert gc.isenabled()
    result = findings.build_findings([], [], [], [], [], {}, [], {})
    assert seen == [False], "the step ran with the collector off"
    assert blas_threads and set(blas_threads) == {1}, "and on one BLAS thread"
    assert gc.isenabled(), "and the collector is back on after it"
    assert result.claims == ()
