"""What a reader sees of places in built reports: two places never show the same name, and
no news outlet is put on the map.

The demo names Dadu the town and Dadu district, the seeds Aleppo the city and Aleppo
province; the seeds cite Middle East Eye, whose name holds the region "Middle East"."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest


def _report(folder: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((folder / "report.json").read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="module")
def demo(demo_build: Path) -> dict[str, Any]:
    return _report(demo_build)


@pytest.fixture(scope="module")
def seeds(seeds_build: Path) -> dict[str, Any]:
    return _report(seeds_build)


def _repeated_names(report: dict[str, Any]) -> list[str]:
    names = Counter(p["name"].casefold() for p in report["places"])
    return sorted(name for name, count in names.items() if count > 1)


def _named(report: dict[str, Any], word: str) -> list[str]:
    return sorted(p["name"] for p in report["places"] if word in p["name"])


def test_demo_places_have_distinct_names(demo: dict[str, Any]) -> None:
    assert _repeated_names(demo) == []
    # the town and the district are both there, told apart
    assert _named(demo, "Dadu") == ["Dadu", "Dadu district"]


def test_seeds_places_have_distinct_names(seeds: dict[str, Any]) -> None:
    assert _repeated_names(seeds) == []
    aleppo = _named(seeds, "Aleppo")
    assert len(aleppo) == 2 and "Aleppo" in aleppo, aleppo


def test_seeds_put_no_outlet_on_the_map(seeds: dict[str, Any]) -> None:
    cited = {c["source_text"] for c in seeds["citations"] if c["kind"] == "outlet"}
    assert any("Middle East Eye" in name for name in cited)  # the seeds do cite it
    placed = [p["name"] for p in seeds["places"] if any("Eye" in a for a in p["aliases"])]
    assert placed == []

