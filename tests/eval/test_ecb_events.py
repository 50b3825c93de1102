"""Event coreference on a small ECB+ dev sample (two topics), with floors.

The whole dev set is scored by ``bench/eval_ecb_events.py`` (figures in the README); this
sample keeps the suite fast while failing on a regression of mention recall or clustering.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from ..conftest import shared_path

SCRIPT = Path(__file__).resolve().parents[2] / "bench" / "eval_ecb_events.py"
TOPICS = (11, 16)
#: measured on these topics: see the README (Events, ECB+)
FLOORS = {"recall_occurrence": 0.62, "conll_f1": 0.72}  # measured: 0.68 and 0.76


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("eval_ecb_events", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def scores() -> dict[str, Any]:
    script = _script()
    docs = [d for d in script.load(shared_path("corpora", "ecbplus", "ecbplus_dev_events.jsonl"))
            if d["topic"] in TOPICS]
    result: dict[str, Any] = script.evaluate(docs)
    print(f"\nECB+ topics {TOPICS}: {result}")
    return result


def test_mention_recall_floor(scores: dict[str, Any]) -> None:
    assert scores["recall_occurrence"] >= FLOORS["recall_occurrence"]


def test_conll_f1_floor(scores: dict[str, Any]) -> None:
    assert scores["sitroom"]["conll_f1"] >= FLOORS["conll_f1"]
