"""The AllSides speaker measure counts unnamed sources apart from names it failed to resolve."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

BENCH = Path(__file__).resolve().parents[2] / "bench" / "eval_speakers_allsides.py"


def bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("eval_speakers_allsides", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


COMMON = frozenset({"some", "critics", "analysts", "prominent", "many", "officials", "the"})


def test_descriptions_are_unnamed_sources_and_names_stay_names() -> None:
    kind = bench().speaker_kind
    assert [kind(t, COMMON) for t in (
        "critics", "Some", "Analysts", "Israeli officials", "Prominent Democrats",
        "the paper", "Sixty-four percent of Americans",
    )] == ["unnamed"] * 7
    assert [kind(t, COMMON) for t in (
        "Barak Ravid", "Ravid", "JOHN STOSSEL", "Israeli Channel 13’s Barak Ravid",
    )] == ["name"] * 4
    assert kind(None, COMMON) == "none"
    assert kind("he", COMMON) == "pronoun"
