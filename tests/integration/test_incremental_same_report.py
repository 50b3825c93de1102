"""Adding articles to a built store gives the report a build from scratch gives (ids and
all), while reusing what the store keeps: the statements already embedded are not embedded
again."""

from __future__ import annotations

import json
from collections.abc import Sequence
from importlib import resources
from pathlib import Path

import duckdb
import numpy as np
import pytest

import sitroom.analyze.events as events
import sitroom.analyze.framing as framing
import sitroom.analyze.provenance as provenance
import sitroom.analyze.vectors as vectors
from sitroom import Options, build
from sitroom.analyze.statements import StatementFinder
from sitroom.types import DocAnnotations

#: Plain-text articles of the bundled demo corpus: the first ones are built, the rest added.
FIRST, ADDED = 4, 2


def _demo_texts() -> list[Path]:
    folder = Path(str(resources.files("sitroom.data").joinpath("demo")))
    return sorted(folder.glob("*.txt"))[: FIRST + ADDED]


def _report(out: Path) -> dict[str, object]:
    data: dict[str, object] = json.loads((out / "report.json").read_text(encoding="utf-8"))
    return data


def _article_ids(out: Path) -> set[str]:
    with duckdb.connect(str(out / "sitroom.duckdb"), read_only=True) as con:
        return {str(row[0]) for row in con.execute("SELECT id FROM articles").fetchall()}


def test_adding_articles_matches_a_build_from_scratch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = _demo_texts()
    assert len(files) == FIRST + ADDED, "the demo corpus lost its text articles"
    encoded: list[list[str]] = []
    real_encode = vectors.encode

    def recording_encode(texts: Sequence[str]) -> np.ndarray:
        encoded.append(list(texts))
        return real_encode(texts)

    monkeypatch.setattr(vectors, "encode", recording_encode)

    # Which articles' per-article products (statements, framing words, resolved event
    # mentions) each build makes rather than reads back from the store's memo.
    made: dict[str, list[str]] = {"statements": [], "framing": [], "events": []}
    real_of, real_words, real_resolve = (StatementFinder.of, framing._article_words,
                                         events._resolve_article)

    def recording_of(self: StatementFinder, ann: DocAnnotations) -> object:
        made["statements"].append(ann.article)
        return real_of(self, ann)

    def recording_words(article: object, ann: DocAnnotations, *rest: object) -> object:
        made["framing"].append(ann.article)
        return real_words(article, ann, *rest)  # type: ignore[arg-type]

    def recording_resolve(ann: DocAnnotations, *rest: object) -> object:
        made["events"].append(ann.article)
        return real_resolve(ann, *rest)  # type: ignore[arg-type]

    monkeypatch.setattr(StatementFinder, "of", recording_of)
    monkeypatch.setattr(framing, "_article_words", recording_words)
    monkeypatch.setattr(events, "_resolve_article", recording_resolve)
    # Events made rather than read back from the store (those of groups that changed).
    events_made: list[str] = []
    real_make = events._make_event

    def recording_make(members: Sequence[object], counter: object) -> object:
        made_event = real_make(members, counter)  # type: ignore[arg-type]
        events_made.append(made_event.id)
        return made_event

    monkeypatch.setattr(events, "_make_event", recording_make)

    grown = tmp_path / "grown"
    build(files[:FIRST], grown, Options(quiet=True))
    first_batch = {text for batch in encoded for text in batch}
    encoded.clear()
    assert all(len(set(ids)) == len(ids) > 0 for ids in made.values())
    for ids in made.values():
        ids.clear()
    old_ids = _article_ids(grown)
    first_events = len(events_made)
    events_made.clear()
    # As a new process would: the articles' MinHash signatures come from the store now.
    monkeypatch.setattr(provenance, "_MINHASH_MEMO", {})
    added = build(files, grown, Options(quiet=True))  # the old files are skipped, unchanged
    assert added.articles_added == ADDED and added.annotated == ADDED
    again_encoded = {text for batch in encoded for text in batch}
    assert first_batch and again_encoded, "both builds should have statements to embed"
    assert not again_encoded & first_batch, "a statement embedded before was embedded again"
    # The added articles' products are made; some old article's come from the memo (those
    # whose inputs the new articles changed, an entity id, are made again).
    new_ids = _article_ids(grown) - old_ids
    assert len(new_ids) == ADDED
    for step, ids in made.items():
        assert new_ids <= set(ids), f"{step}: a new article was not searched"
        assert len(ids) < FIRST + ADDED, f"{step}: every article was searched again"

    # Only the events of groups the new mentions changed are made again.
    grown_events = _report(grown)["events"]
    assert isinstance(grown_events, list) and first_events > 0
    assert 0 < len(events_made) < len(grown_events)

    scratch = tmp_path / "scratch"
    build(files, scratch, Options(quiet=True))
    assert _report(grown) == _report(scratch)
    # Byte for byte, both files: what the add read back from the store (the texts' story
    # terms, their MinHash signatures) gives what a build from scratch computes.
    for name in ("report.json", "report.html"):
        assert (grown / name).read_bytes() == (scratch / name).read_bytes(), name

    # Each text's vector is stored once, however many builds asked for it.
    with duckdb.connect(str(grown / "sitroom.duckdb"), read_only=True) as con:
        rows, distinct = con.execute(
            "SELECT count(*), count(DISTINCT (digest, model)) FROM text_vectors"
        ).fetchone() or (0, 0)
    assert rows == distinct > 0

    # Each article text's MinHash signature is stored once, for every article.
    with duckdb.connect(str(grown / "sitroom.duckdb"), read_only=True) as con:
        signatures = con.execute(
            "SELECT count(*), count(DISTINCT key) FROM memo "
            "WHERE namespace LIKE 'article_minhash:%'"
        ).fetchone() or (0, 0)
    assert signatures[0] == signatures[1] == FIRST + ADDED

    # And so are its story terms (the unit tests show a later build reads them back).
    with duckdb.connect(str(grown / "sitroom.duckdb"), read_only=True) as con:
        terms = con.execute(
            "SELECT count(*), count(DISTINCT key) FROM memo WHERE namespace LIKE 'story_terms:%'"
        ).fetchone() or (0, 0)
    assert terms[0] == terms[1] == FIRST + ADDED
