"""Shared fixtures: where ../shared is, and one spaCy pipeline for the whole session."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, skipping the test with a clear reason when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent: these tests need ../shared beside the checkout")
    return path


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return shared_path("seeds")


@pytest.fixture(scope="session")
def seeds_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds built once for the whole suite (eval and integration tests read it)."""
    from sitroom import Options, build

    out = tmp_path_factory.mktemp("seeds") / "report"
    build([shared_path("seeds")], out, Options(quiet=True))
    return out


@pytest.fixture(scope="session")
def demo_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled demo built once for the whole suite, as `sitroom demo` builds it."""
    from sitroom import Options, demo

    out = tmp_path_factory.mktemp("demo") / "report"
    demo(out, Options(quiet=True))
    return out


@pytest.fixture(scope="session")
def nlp() -> Any:
    from sitroom.annotate import load_nlp

    return load_nlp()
