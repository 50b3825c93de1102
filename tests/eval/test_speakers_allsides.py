"""Issue 9's speaker failure on real news: quotes with no resolved speaker on AllSides.

The first ``ARTICLES`` articles of the AllSides corpus (US politics) go through ``sitroom
extract quotes`` as ``bench/eval_speakers_allsides.py`` runs them (title, blank line, body),
and the share of quotes left with no speaker must stay under a ceiling set just above what
was measured. Dropping quotes cannot pass it by itself: the number of quotes kept has a floor
too, and the titles, headlines and scare quotes that are no one's words must stay out.
Skipped when ``../shared`` is absent; 30 to 50 s on one core.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import pytest

from sitroom.extract import extract

from ..conftest import shared_path

ARTICLES = 30
#: Measured on these 30 articles: 125 of 678 quotes (18.4%) with no speaker (137 of 684,
#: 20.0%, before titles, headlines and scare quotes were dropped and narrated sentences,
#: possessives and documents resolved; 18.0% before places that only locate a speaker and
#: names that are not a relative pronoun's antecedent stopped counting as speakers: those
#: were wrong, not missing). The ceiling is a little above, the floor below.
MAX_UNRESOLVED_SHARE = 0.19
MIN_QUOTES = 640


@pytest.fixture(scope="module")
def quotes(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    corpus = shared_path("corpora", "allsides", "allsides_8k.jsonl.gz")
    folder = tmp_path_factory.mktemp("allsides-speakers")
    paths: list[Path] = []
    with gzip.open(corpus, "rt", encoding="utf-8") as lines:
        for i, line in enumerate(lines):
            if i >= ARTICLES:
                break
            record = json.loads(line)
            path = folder / f"{i:04d}.txt"
            path.write_text(f"{record.get('title') or ''}\n\n{record['text']}", encoding="utf-8")
            paths.append(path)
    return [q for q in extract("quotes", paths) if q["kind"] == "quote"]


@pytest.mark.slow
def test_few_quotes_lack_a_speaker(quotes: list[dict[str, Any]]) -> None:
    unresolved = [q for q in quotes if q["speaker"] is None]
    assert len(quotes) >= MIN_QUOTES
    assert len(unresolved) / len(quotes) <= MAX_UNRESOLVED_SHARE


@pytest.mark.slow
def test_scare_quotes_and_headlines_are_not_quotes(quotes: list[dict[str, Any]]) -> None:
    listed = {q["text"] for q in quotes}
    # ``the so-called "Green New Deal" proposals``; ``the words "fake peacemaker" written on
    # her chest``; the title line ``Mexico 'won't be provoked by US' over migrant row``.
    assert not listed & {"Green New Deal", "fake peacemaker", "won't be provoked by US"}
    # Protesters ``shouting "Russia will be free!"``: an exclamation is someone's words even
    # when nobody is named.
    assert "Russia will be free!" in listed
