from __future__ import annotations

from typing import Any

import pytest


@pytest.fixture(scope="session")
def minilm() -> Any:
    """The sentence-embedding model, loaded once for every test that needs it."""
    from sitroom.analyze.embed import load_model

    return load_model()
