"""Issue 9's actor failures on real news: the first articles of the AllSides corpus.

Skipped when ``../shared`` is absent. It annotates 60 articles (about a minute on one core),
so it is marked slow like the other evaluation tests.
"""

from __future__ import annotations

import gzip
from itertools import islice
from typing import Any

import pytest

from sitroom.annotate import annotate_doc
from sitroom.clean import make_article
from sitroom.ingest import IngestOptions, read_file
from sitroom.names import fold_name
from sitroom.resolve.entities import EntityResolution, resolve_entities
from sitroom.resolve.name_prefixes import strip_prefixes
from sitroom.types import DocAnnotations, RawDocument

from ..conftest import shared_path

ARTICLES = 60


@pytest.fixture(scope="module")
def allsides(
    nlp: Any, tmp_path_factory: pytest.TempPathFactory
) -> tuple[EntityResolution, list[DocAnnotations]]:
    corpus = shared_path("corpora", "allsides", "allsides_8k.jsonl.gz")
    sample = tmp_path_factory.mktemp("allsides") / "sample.jsonl"
    with gzip.open(corpus, "rt", encoding="utf-8") as lines:
        sample.write_text("".join(islice(lines, ARTICLES)), encoding="utf-8")
    raws = [doc for doc in read_file(sample, IngestOptions()) if isinstance(doc, RawDocument)]
    articles = [make_article(raw)[0] for raw in raws]
    annotations = [
        annotate_doc(doc, article.id)
        for article, doc in zip(articles, nlp.pipe([a.text for a in articles]), strict=True)
    ]
    return resolve_entities(annotations), annotations


def _mentions(annotations: list[DocAnnotations], text: str) -> list[Any]:
    return [m for doc in annotations for m in doc.mentions if m.text == text]


@pytest.mark.slow
def test_pronouns_are_never_entities(allsides: Any) -> None:
    resolution, _ = allsides
    pronouns = {"us", "we", "them", "it"}
    assert not [e.name for e in resolution.entities if e.name.casefold() in pronouns]
    aliases = {alias for e in resolution.entities for alias in e.aliases}
    assert not {alias for alias in aliases if alias.casefold() in pronouns and not alias.isupper()}


@pytest.mark.slow
def test_the_united_states_is_one_entity(allsides: Any) -> None:
    resolution, annotations = allsides
    forms = [f for f in ("US", "U.S.", "United States", "America") if _mentions(annotations, f)]
    assert len(forms) >= 3, forms  # the sample does name the country several ways
    entities = {
        resolution.entity_of(m.article, m.start, m.end)
        for form in forms
        for m in _mentions(annotations, form)
        if m.label in {"GPE", "LOC", "ORG", "NORP"}
    }
    assert len(entities) == 1 and None not in entities, forms


@pytest.mark.slow
def test_one_person_one_entity_across_articles(allsides: Any) -> None:
    resolution, annotations = allsides
    by_id = {e.id: e for e in resolution.entities}
    for surname, person in [("Trump", "Donald Trump"), ("Obama", "Barack Obama")]:
        bare = _mentions(annotations, surname)
        assert len({m.article for m in bare}) >= 3, surname
        owners = [by_id[resolution.entity_of(m.article, m.start, m.end) or ""] for m in bare]
        share = sum(owner.name == person for owner in owners) / len(owners)
        assert share >= 0.9, (surname, share)
        assert all(owner.type == "PERSON" for owner in owners if owner.name == person)
        # ``Obama`` is never a place, whatever the model or the gazetteer said in one sentence.
        assert {resolution.type_of(m.article, m.start, m.end) for m in bare} == {"PERSON"}


@pytest.mark.slow
def test_canonical_names_carry_no_titles_or_prefixes(allsides: Any) -> None:
    resolution, _ = allsides
    names = {fold_name(e.name) for e in resolution.entities}
    titled = []
    for entity in resolution.entities:
        stripped = strip_prefixes(entity.name)
        if entity.type in {"GPE", "LOC", "FAC"} and set(stripped.kinds) == {"modifier"}:
            continue  # ``Western Europe`` is a region of its own
        if stripped.kinds and fold_name(stripped.core) in names:
            titled.append(entity.name)
    assert not titled
