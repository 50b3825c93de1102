"""Quality floor for time expressions: value F1 against hand-checked gold.

Gold (``gold/times_*.json``) lists, per file, every time expression with its character
offsets into the file as read and its TIMEX3 value; ``anchor`` is the document date used
(null for undated files, whose relative expressions must then come out with a null value).
A prediction matches a gold item when the spans overlap and the values are equal (one to
one). The floors sit a little under the figures reached when they were set, so a regression
fails the suite while harmless changes do not.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from sitroom.annotate.times import extract_times
from sitroom.ingest.text import split_header
from tests.conftest import ROOT, shared_path

GOLD = Path(__file__).parent / "gold"
DEMO = ROOT / "src" / "sitroom" / "data" / "demo"
#: Value F1 floors (reached when set: seeds 1.00, demo 0.98).
FLOORS = {"seeds": 0.95, "demo": 0.94}

Span = tuple[int, int, str | None]


def predict(nlp: Any, raw: str, anchor: str | None) -> list[Span]:
    _, body_offset = split_header(raw)
    doc = nlp(raw[body_offset:])
    found = extract_times(doc, "eval", date.fromisoformat(anchor) if anchor else None)
    return [(m.start + body_offset, m.end + body_offset, m.value) for m in found]


def score(gold: list[Span], predicted: list[Span]) -> tuple[int, int, int]:
    """(matched, gold count, predicted count)."""
    used: set[int] = set()
    matched = 0
    for start, end, value in gold:
        for index, (p_start, p_end, p_value) in enumerate(predicted):
            if index in used or p_start >= end or start >= p_end or p_value != value:
                continue
            used.add(index)
            matched += 1
            break
    return matched, len(gold), len(predicted)


def f1(totals: tuple[int, int, int]) -> float:
    matched, gold, predicted = totals
    if not gold or not predicted:
        return 0.0
    precision, recall = matched / predicted, matched / gold
    return 2 * precision * recall / (precision + recall) if matched else 0.0


def corpus_f1(nlp: Any, corpus: str, folder: Path) -> float:
    spec = json.loads((GOLD / f"times_{corpus}.json").read_text(encoding="utf-8"))
    totals = [0, 0, 0]
    for document in spec["documents"]:
        raw = (folder / document["file"]).read_text(encoding="utf-8")
        gold = [(t["start"], t["end"], t["value"]) for t in document["times"]]
        for t in document["times"]:
            assert raw[t["start"]:t["end"]] == t["text"], t
        result = score(gold, predict(nlp, raw, document["anchor"]))
        totals = [a + b for a, b in zip(totals, result, strict=True)]
    return f1((totals[0], totals[1], totals[2]))


def test_score_counts_overlap_with_equal_value_once() -> None:
    gold: list[Span] = [(0, 9, "2024-11-27"), (20, 28, "P2D")]
    predicted: list[Span] = [(0, 9, "2024-11-27"), (3, 8, "2024-11-27"), (20, 28, "P3D")]
    assert score(gold, predicted) == (1, 2, 3)
    assert f1((1, 2, 3)) == pytest.approx(0.4)


def test_demo_time_values_stay_above_floor(nlp: Any) -> None:
    assert corpus_f1(nlp, "demo", DEMO) >= FLOORS["demo"]


def test_seed_time_values_stay_above_floor(nlp: Any) -> None:
    assert corpus_f1(nlp, "seeds", shared_path("seeds")) >= FLOORS["seeds"]
