"""Attribution quality floors on a fixed sample of PolNeAR (public news nobody here annotated).

Twenty documents spread over the training split's seven outlets (every 42nd, from the 21st)
are scored exactly as ``bench/eval_attribution.py`` scores the whole split (that script's
:func:`score_documents`, so the test and the README's figures share one metric). Floors are
the measured figures minus a small margin: raise them when the extractor improves. Skipped
when ``../shared`` is absent.
"""

from __future__ import annotations

import gzip
import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

from tests.conftest import shared_path

BENCH = Path(__file__).resolve().parents[2] / "bench" / "eval_attribution.py"
SAMPLE = range(20, 840, 42)

# Measured on this sample (0.710, 0.716, 0.667, 0.545, 0.815 on 2026-12-01, round 10), minus a
# margin.
FLOORS = {
    ("attribution", "f1"): 0.69,
    ("exact", "source", "f1"): 0.70,
    ("exact", "cue", "f1"): 0.65,
    ("exact", "content", "f1"): 0.52,
    ("overlap", "content", "f1"): 0.80,
}


def load_bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("eval_attribution", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def sample(path: Path) -> list[dict[str, Any]]:
    wanted = set(SAMPLE)
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return [json.loads(line) for i, line in enumerate(handle) if i in wanted]


def figure(summary: dict[str, Any], key: tuple[str, ...]) -> float:
    value: Any = summary
    for part in key:
        value = value[part]
    return float(value)


def test_polnear_sample_floors() -> None:
    corpus = shared_path("corpora", "dev", "attribution_polnear_train.jsonl.gz")
    records = sample(corpus)
    assert len(records) == len(SAMPLE)
    summary = load_bench().score_documents(records).summary()
    print(json.dumps(summary, indent=1))
    for key, floor in FLOORS.items():
        value = figure(summary, key)
        assert value >= floor, f"{'/'.join(key)} fell to {value:.3f} (floor {floor})"
