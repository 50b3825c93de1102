"""Entity resolution quality on the seeds and the demo corpus, with floors.

Gold (``gold/entities_*.json``) lists surface forms that must be one entity, pairs that must
stay apart, and acting capitals that must link to their government. Pairwise merge precision
and recall are computed over every surface form in the gold groups (a form the system never
found counts as its own singleton); the floors are the measured figures minus a small margin,
so a regression fails the suite.
"""

from __future__ import annotations

import json
from itertools import combinations
from pathlib import Path
from typing import Any

import pytest

from sitroom.annotate import annotate_doc
from sitroom.clean import make_article
from sitroom.ingest import IngestOptions, read_file
from sitroom.resolve.entities import EntityResolution, resolve_entities
from sitroom.types import DocAnnotations, RawDocument

from ..conftest import SHARED, shared_path

GOLD = Path(__file__).parent / "gold"
DEMO = Path(__file__).resolve().parents[2] / "src" / "sitroom" / "data" / "demo"
#: corpus -> (pairwise precision floor, pairwise recall floor)
FLOORS = {"seeds": (0.95, 0.95), "demo": (0.95, 0.95)}  # measured: 1.0 and 1.0


def _annotate(paths: list[Path], nlp: Any) -> list[DocAnnotations]:
    raws = [
        doc
        for path in paths
        for doc in read_file(path, IngestOptions())
        if isinstance(doc, RawDocument)
    ]
    articles = [make_article(raw)[0] for raw in raws]
    return [
        annotate_doc(doc, article.id)
        for article, doc in zip(articles, nlp.pipe([a.text for a in articles]), strict=True)
    ]


@pytest.fixture(scope="module")
def corpora(nlp: Any) -> dict[str, tuple[EntityResolution, list[DocAnnotations]]]:
    found: dict[str, tuple[EntityResolution, list[DocAnnotations]]] = {}
    demo = sorted(p for p in DEMO.iterdir() if p.name[:2].isdigit())
    annotations = _annotate(demo, nlp)
    found["demo"] = (resolve_entities(annotations), annotations)
    seeds = SHARED / "seeds"
    if seeds.is_dir():
        annotations = _annotate(sorted(seeds.glob("*.txt")), nlp)
        found["seeds"] = (resolve_entities(annotations), annotations)
    return found


def _gold(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((GOLD / f"entities_{name}.json").read_text("utf-8"))
    return data


def _corpus(corpora: dict[str, Any], name: str) -> tuple[EntityResolution, list[DocAnnotations]]:
    if name not in corpora:
        shared_path("seeds")  # skips with the reason
    result: tuple[EntityResolution, list[DocAnnotations]] = corpora[name]
    return result


def pairwise(resolution: EntityResolution, groups: list[list[str]]) -> tuple[float, float]:
    """Pairwise merge precision and recall of the gold surface forms."""
    forms = [(index, form) for index, group in enumerate(groups) for form in group]
    predicted = [resolution.lookup(form) or f"missing:{form}" for _, form in forms]
    true_pos = false_pos = false_neg = 0
    for (a, b) in combinations(range(len(forms)), 2):
        same_gold = forms[a][0] == forms[b][0]
        same_pred = predicted[a] == predicted[b]
        true_pos += same_gold and same_pred
        false_pos += same_pred and not same_gold
        false_neg += same_gold and not same_pred
    precision = true_pos / (true_pos + false_pos) if true_pos + false_pos else 1.0
    recall = true_pos / (true_pos + false_neg) if true_pos + false_neg else 1.0
    return precision, recall


@pytest.mark.slow
@pytest.mark.parametrize("name", ["seeds", "demo"])
def test_pairwise_merge_quality_above_floor(corpora: dict[str, Any], name: str) -> None:
    resolution, _ = _corpus(corpora, name)
    precision, recall = pairwise(resolution, _gold(name)["must_merge"])
    floor_p, floor_r = FLOORS[name]
    assert precision >= floor_p, f"{name}: merge precision {precision:.3f} < {floor_p}"
    assert recall >= floor_r, f"{name}: merge recall {recall:.3f} < {floor_r}"


@pytest.mark.slow
@pytest.mark.parametrize("name", ["seeds", "demo"])
def test_must_not_merge_pairs_stay_apart(corpora: dict[str, Any], name: str) -> None:
    resolution, _ = _corpus(corpora, name)
    for a, b in _gold(name)["must_not_merge"]:
        ea, eb = resolution.lookup(a), resolution.lookup(b)
        assert ea is not None and eb is not None, (a, b, ea, eb)
        assert ea != eb, f"{name}: {a!r} and {b!r} were merged"


@pytest.mark.slow
@pytest.mark.parametrize("name", ["seeds", "demo"])
def test_done_when_groups_are_each_one_entity(corpora: dict[str, Any], name: str) -> None:
    resolution, _ = _corpus(corpora, name)
    for group in _gold(name)["must_merge"]:
        if len(group) < 2:
            continue
        ids = {form: resolution.lookup(form) for form in group}
        assert len(set(ids.values())) == 1 and None not in ids.values(), f"{name}: {ids}"


@pytest.mark.slow
@pytest.mark.parametrize("name", ["seeds", "demo"])
def test_acting_capitals_link_to_their_government(corpora: dict[str, Any], name: str) -> None:
    resolution, annotations = _corpus(corpora, name)
    names = {entity.id: entity.name for entity in resolution.entities}
    expected = _gold(name)["governments"]
    linked: dict[str, set[str]] = {}
    for doc in annotations:
        for mention in doc.mentions:
            if mention.source == "metonymy":
                entity = resolution.entity_of(mention.article, mention.start, mention.end)
                linked.setdefault(mention.text, set()).add(names.get(entity or "", "?"))
    for surface, government in expected.items():
        assert linked.get(surface) == {government}, (surface, linked)
