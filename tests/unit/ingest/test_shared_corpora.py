"""The shared corpora and the seeds ingest with no flags (skipped when ../shared is absent)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from sitroom.ingest import RawDocument

from ...conftest import shared_path
from .helpers import documents, ingest, rejections

pytestmark = pytest.mark.shared


def test_seeds(seeds_dir: Path) -> None:
    items = ingest(seeds_dir)
    assert not rejections(items)
    docs = {Path(doc.locator).name[:3]: doc for doc in documents(items)}
    assert sorted(docs) == ["000", "001", "002", "003", "004"]
    assert (docs["000"].published, docs["000"].date_basis) == ("2024-12-06", "header")
    assert (docs["004"].published, docs["004"].date_basis) == ("2024-11-28", "header")
    assert docs["001"].published is None
    assert not docs["000"].text.startswith(" date")


def test_fakes_csv() -> None:
    path = shared_path("corpora", "fakes", "fakes.csv")
    items = ingest(path)
    # every one of the 804 rows has text, an outlet and a date
    assert not rejections(items)
    docs = documents(items)
    assert len(docs) == 804
    first = docs[0]
    assert first.locator == f"{path}#row=1"
    assert first.title == "Syria attack symptoms consistent with nerve agent use WHO"
    assert (first.outlet, first.published, first.date_basis) == ("nna", "2017-04-05", "metadata")
    assert all(doc.outlet and doc.published for doc in docs)
    assert len({doc.outlet for doc in docs}) == 15
    # cp1252 punctuation decoded, not left as box-drawing characters
    assert not any("\u2551" in doc.text or "\u2564" in doc.text for doc in docs)


def test_ecbplus_jsonl() -> None:
    path = shared_path("corpora", "ecbplus", "ecbplus_dev.jsonl")
    docs = documents(ingest(path))
    assert len(docs) == 462
    assert docs[0].locator == f"{path}#line=1"
    assert docs[0].text.startswith("Perennial party girl Tara Reid")
    # no outlet in the data: it falls back to --source, else None
    assert {doc.outlet for doc in docs} == {None}
    assert {doc.outlet for doc in documents(ingest(path, source="ECB+"))} == {"ECB+"}


def test_allsides_jsonl_gz() -> None:
    path = shared_path("corpora", "allsides", "allsides_8k.jsonl.gz")
    items = ingest(path)  # how fast: bench/ingest_rate.py, never a timed assertion here
    assert not rejections(items)
    docs: list[RawDocument] = documents(items)
    assert len(docs) == 8000
    first = docs[0]
    assert (first.outlet, first.published, first.author) == ("Snopes", None, "Dan Evon")
    assert first.url == "https://www.snopes.com/fact-check/trump-disinfectants-covid-19/"
    last = docs[-1]
    assert (last.outlet, last.published, last.date_basis) == (
        "The Seattle Times",
        "2016-09-28",
        "metadata",
    )
    outlets = Counter(doc.outlet for doc in docs)
    assert len(outlets) == 263
    assert sum(1 for doc in docs if doc.published) > 7000
