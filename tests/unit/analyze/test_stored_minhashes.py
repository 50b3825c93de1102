"""Article MinHash signatures kept in the store serve a later process as if it had hashed
the texts itself."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import sitroom.analyze.provenance as provenance
from sitroom.analyze.stored_minhashes import load_minhashes, save_minhashes
from sitroom.store import Store
from sitroom.types import Article

_STORY = ("Flood waters rose across the river valley on Tuesday, forcing hundreds of families "
          "from their homes as rescue teams worked through the night to reach villages cut "
          "off by the water, officials said in a statement on Wednesday morning.")
TEXTS = (_STORY, _STORY + " The wire service contributed to this report.",
         "An unrelated piece about a football match played in the capital on Sunday evening, "
         "which the home side won by two goals to one after a late penalty.")


def _articles() -> list[Article]:
    return [Article(id=f"a{i}", outlet=f"Outlet {i}", title=None, url=None, published=None,
                    date_basis="unknown", date_range=None, language="en", text=text,
                    words=len(text.split()))
            for i, text in enumerate(TEXTS)]


def test_stored_signatures_replace_hashing_and_give_the_same_groups(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(provenance, "_MINHASH_MEMO", {})
    expected = provenance.syndication_groups(_articles())
    assert expected["a1"] == "a0" and expected["a2"] == "a2"
    made = {t: provenance.known_minhash(provenance.minhash_key(t)).hashvalues.copy()
            for t in TEXTS}
    with Store.open(tmp_path) as store:
        memo = load_minhashes(store, TEXTS)
        assert save_minhashes(store, memo, TEXTS) == len(TEXTS)
        assert save_minhashes(store, memo, TEXTS) == 0  # each text is stored once

    monkeypatch.setattr(provenance, "_MINHASH_MEMO", {})  # a fresh process
    with Store.open(tmp_path) as store:
        load_minhashes(store, TEXTS)

    for text in TEXTS:
        found = provenance.known_minhash(provenance.minhash_key(text))
        assert found is not None and np.array_equal(found.hashvalues, made[text])
    shingled: list[str] = []
    real_shingles = provenance._shingles

    def counting(text: str, size: int = 5) -> set[str]:
        shingled.append(text)
        return real_shingles(text, size)

    monkeypatch.setattr(provenance, "_shingles", counting)
    assert provenance.syndication_groups(_articles()) == expected
    # Only the pair the signatures propose is shingled (for the exact check); the unrelated
    # text, whose signature came from the store, is not hashed again.
    assert TEXTS[2] not in shingled
