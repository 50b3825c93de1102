"""The story step's word terms kept in the store serve a later build as if it had scanned
the texts itself: the same terms in the same order, the same stories."""

from __future__ import annotations

from pathlib import Path

import pytest

import sitroom.analyze.stories as stories
from sitroom.analyze.stored_terms import stories_remembered
from sitroom.store import Store
from sitroom.types import Article

TEXTS = (
    "Flood waters rose across the Indus valley on Tuesday, forcing families from Dadu as "
    "rescue teams from Karachi reached villages cut off by the water.",
    "Rescue teams from Karachi reached Dadu on Wednesday; the Indus flood had cut off "
    "villages across the valley, officials said.",
    "Voters in Lisbon queued for hours as Portugal held a snap election after the prime "
    "minister resigned.",
    "Portugal's snap election drew long queues in Lisbon and Porto, officials said.",
)


def _articles() -> list[Article]:
    return [Article(id=f"a{i}", outlet=f"Outlet {i}", title=f"Title {i}" if i % 2 else None,
                    url=None, published=None, date_basis="unknown", date_range=None,
                    language="en", text=text, words=len(text.split()))
            for i, text in enumerate(TEXTS)]


ACTORS = {"a0": ["e_indus", "e_karachi"], "a1": ["e_karachi"], "a2": ["e_portugal"]}


def test_remembered_terms_are_the_scanned_terms_in_their_order() -> None:
    doc = stories.story_doc(_articles()[1], ["e_karachi", "e_dadu"])
    scanned = stories.terms_of(doc)
    answers: dict[str, str] = {}
    with stories.remembered_terms(answers):
        first = stories.terms_of(doc)
        again = stories.terms_of(doc)
    assert len(answers) == 1  # one text, one answer
    assert list(first.items()) == list(scanned.items())
    assert list(again.items()) == list(scanned.items())  # order too: weights sum in it
    assert again["actor:e_karachi"] == 1 and again["actor:e_dadu"] == 1


def test_a_later_build_reads_the_terms_instead_of_scanning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = stories.stories_for(_articles(), ACTORS)
    with Store.open(tmp_path) as store:
        assert stories_remembered(store, _articles(), ACTORS) == expected

    scanned: list[str] = []
    real_scan = stories._text_terms

    def counting(text: str) -> object:
        scanned.append(text)
        return real_scan(text)

    monkeypatch.setattr(stories, "_text_terms", counting)
    grown = [*_articles(), Article(
        id="a9", outlet="Outlet 9", title=None, url=None, published=None, date_basis="unknown",
        date_range=None, language="en", text="Snow closed the passes above Gilgit on Monday.",
        words=8)]
    with Store.open(tmp_path) as store:  # a fresh build over the same store, one text more
        found = stories_remembered(store, grown, ACTORS)
    assert scanned == ["Snow closed the passes above Gilgit on Monday."]
    assert found == stories.stories_for(grown, ACTORS)
