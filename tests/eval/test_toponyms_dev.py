"""Toponym floors on the public development sets (TR-News, GeoVirus), first 15 documents each.

Scored exactly as ``bench/eval_toponyms.py`` scores the full sets (``make eval``): each text
through ``sitroom extract places``, gold and predicted toponyms paired one-to-one by character
overlap. The floors sit a little below the figures measured when they were set; a drop fails.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.conftest import shared_path

BENCH = Path(__file__).resolve().parents[2] / "bench" / "eval_toponyms.py"
SAMPLE = 15

#: corpus -> metric -> floor (measured on the first 15 documents when set)
FLOORS: dict[str, dict[str, float]] = {
    "trnews": {"acc161": 0.86, "acc161_found": 0.88, "r": 0.95},  # 0.881, 0.895, 0.969
    "geovirus": {"acc161": 0.83, "acc161_found": 0.86, "r": 0.95},  # 0.848, 0.876, 0.967
}


def _bench() -> ModuleType:
    if "eval_toponyms" in sys.modules:
        return sys.modules["eval_toponyms"]
    spec = importlib.util.spec_from_file_location("eval_toponyms", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["eval_toponyms"] = module  # its dataclass looks its module up
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("corpus", sorted(FLOORS))
def test_toponym_floors_on_dev_sample(corpus: str, nlp: Any) -> None:
    bench = _bench()
    shared_path("corpora", "dev", bench.CORPORA[corpus])
    figures = bench.evaluate(corpus, SAMPLE, [])
    for metric, floor in FLOORS[corpus].items():
        assert figures[metric] >= floor, f"{corpus} {metric}: {figures[metric]} < floor {floor}"
