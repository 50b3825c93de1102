"""The "Done when" checks of claims, contradictions, framing and the summary, as a user
would try them: build the seeds and the demo corpus, read report.json.

The seed checks read ``../shared/seeds`` and skip when it is absent; they look for short
anchor words only (Ankara, al-Qaeda, Aleppo), never the seeds' text, and nothing here tells
the code anything about the situation.
"""

from __future__ import annotations

import gzip
import json
import re
from itertools import combinations
from pathlib import Path
from typing import Any

import pytest

from sitroom.analyze.summary import repeats, stands_alone
from sitroom.config import Options
from sitroom.pipeline import articles, build
from tests.conftest import shared_path

Report = dict[str, Any]
GOLD = json.loads(
    (Path(__file__).parent / "gold" / "contradictions_allsides.json").read_text("utf-8")
)
#: Contradiction precision over every labelled corpus: measured 7/7 = 1.00 (seeds 2, demo 3,
#: AllSides 2); one new wrong contradiction among eight drops it to 0.875 and fails.
PRECISION_FLOOR = 0.9


def _report(out: Path) -> Report:
    data: Report = json.loads((out / "report.json").read_text("utf-8"))
    return data


@pytest.fixture(scope="module")
def seeds_report(seeds_build: Path) -> Report:
    return _report(seeds_build)


@pytest.fixture(scope="module")
def demo_report(demo_build: Path) -> Report:
    return _report(demo_build)


def _claims(report: Report) -> dict[str, dict[str, Any]]:
    return {c["id"]: c for c in report["claims"]}


def _contradictions_are_mutual(report: Report) -> None:
    claims = _claims(report)
    for x in report["contradictions"]:
        a, b = (side["claim"] for side in x["sides"])
        assert b in claims[a]["contradicts"] and a in claims[b]["contradicts"]
        assert claims[a]["status"] in {"contested", "denied"}
        for side in x["sides"]:
            assert side["evidence"], x
        assert x["explanation"]


def test_turkey_approved_versus_tried_to_block(seeds_report: Report) -> None:
    _contradictions_are_mutual(seeds_report)
    found = [
        x for x in seeds_report["contradictions"]
        if x["kind"] == "opposite"
        and {s["value"] for s in x["sides"]} == {"approve", "block"}
    ]
    assert found, [x["explanation"] for x in seeds_report["contradictions"]]
    sides = {s["value"]: s for s in found[0]["sides"]}
    approve = " ".join(e["text"] for e in sides["approve"]["evidence"])
    block = " ".join(e["text"] for e in sides["block"]["evidence"])
    assert re.search(r"Ankara had approved", approve)
    assert re.search(r"tried to block", block)
    assert sides["approve"]["evidence"][0]["article"] != sides["block"]["evidence"][0]["article"]


def test_both_descriptions_of_hts_link_to_al_qaeda(seeds_report: Report) -> None:
    found = [x for x in seeds_report["contradictions"] if x["kind"] == "description"]
    assert found
    values = {s["value"] for x in found for s in x["sides"]}
    assert any("former" in v and "Qaeda" in v for v in values), values
    assert any("former" not in v and "Qaeda" in v for v in values), values


def test_opposition_took_aleppo_and_hama_is_corroborated(seeds_report: Report) -> None:
    hits = [
        c for c in seeds_report["claims"]
        if c["status"] == "corroborated" and c["independent_sources"] >= 2
        and any("Aleppo" in e["text"] and "Hama" in e["text"] for e in c["evidence"])
    ]
    assert hits, "no corroborated claim about Aleppo and Hama"
    articles = {e["article"] for e in hits[0]["evidence"]}
    assert len(articles) >= 2


def test_framing_shows_who_says_which_word(seeds_report: Report) -> None:
    said: dict[str, set[str]] = {}
    for framing in seeds_report["framing"]:
        for use in framing["uses"]:
            said.setdefault(use["term"], set()).update(use["articles"])
    for term in ("regime", "rebel", "insurgent", "islamist", "opposition"):
        assert said.get(term), f"no article is shown calling an actor {term!r}"
    # The words split the outlets: not every article uses "regime".
    assert said["regime"] != {a["id"] for a in seeds_report["articles"]}


def _check_summary(report: Report, out: Path) -> None:
    """What a reader checks in each story's brief: at most ten points, in time order, each a
    sentence that stands alone, none repeating another, each citing the exact characters of
    an article; contested points show both sides, from different articles."""
    texts = {a.id: a.text for a in articles(out)}
    by_story: dict[str | None, list[dict[str, Any]]] = {}
    for item in report["summary"]:
        by_story.setdefault(item["story"], []).append(item)
        assert item["evidence"], item
        for e in item["evidence"] + item["counter_evidence"]:
            assert texts[e["article"]][e["start"]:e["end"]] == e["text"]
        # the sentence as the article wrote it, less a leading dateline (``SUKKUR:``)
        assert item["text"] and item["evidence"][0]["text"].endswith(item["text"])
    assert by_story
    for items in by_story.values():
        points = [s for s in items if s["kind"] == "point"]
        assert len(points) <= 10
        dates = [p["date"] for p in points if p["date"]]
        assert dates == sorted(dates)
        for p in points:
            assert stands_alone(p["text"]), p["text"]
            first = re.findall(r"[A-Za-z]+", p["text"])[0].casefold()
            assert first not in {"he", "she", "it", "they", "this", "but", "and"}, p["text"]
        for p, q in combinations(points, 2):
            assert not repeats(p["text"], q["text"]), (p["text"], q["text"])
        for c in (s for s in items if s["kind"] == "contested"):
            assert c["counter_text"] and c["counter_evidence"]
            assert c["counter_evidence"][0]["text"].endswith(c["counter_text"])
            assert c["evidence"][0]["article"] != c["counter_evidence"][0]["article"]


def test_seed_summary_is_a_cited_two_paragraph_brief(seeds_report: Report,
                                                     seeds_build: Path) -> None:
    _check_summary(seeds_report, seeds_build)
    points = [s for s in seeds_report["summary"] if s["kind"] == "point"]
    assert len(points) >= 3
    contested = [s for s in seeds_report["summary"] if s["kind"] == "contested"]
    assert any("approved" in c["text"] + c["counter_text"] and "block" in c["text"]
               + c["counter_text"] for c in contested)


def test_demo_summary_is_a_cited_brief(demo_report: Report, demo_build: Path) -> None:
    _check_summary(demo_report, demo_build)


def test_demo_minister_denies_the_reported_order(demo_report: Report) -> None:
    """The report that the government ordered the cut, and the minister's denial of it:
    a contradiction with the report on one side and the denial on the other."""
    _contradictions_are_mutual(demo_report)
    denials = [x for x in demo_report["contradictions"] if x["kind"] == "denial"]
    assert denials, [x["explanation"] for x in demo_report["contradictions"]]
    found = False
    for x in denials:
        asserted, denied = x["sides"]
        said = " ".join(e["text"] for e in asserted["evidence"])
        denial = " ".join(e["text"] for e in denied["evidence"])
        if re.search(r"ordered", said) and re.search(r"Dharejo|minister", denial) and re.search(
                r"\b(?:denied|rejected)\b", denial):
            found = True
            assert asserted["evidence"][0]["article"] != denied["evidence"][0]["article"]
            assert "Dharejo" in x["explanation"] or "minister" in x["explanation"]
    assert found, [x["explanation"] for x in denials]


def test_demo_death_tolls_are_a_numeric_contradiction(demo_report: Report) -> None:
    _contradictions_are_mutual(demo_report)
    numbers = [x for x in demo_report["contradictions"] if x["kind"] == "number"]
    assert numbers
    values = {frozenset(s["value"] for s in x["sides"]) for x in numbers}
    assert frozenset({"41", "63"}) in values, values
    x = next(x for x in numbers if {s["value"] for s in x["sides"]} == {"41", "63"})
    for side in x["sides"]:
        assert side["outlets"] and side["evidence"]
        assert side["value"] in side["evidence"][0]["text"]


@pytest.fixture(scope="module")
def allsides_report(tmp_path_factory: pytest.TempPathFactory) -> Report:
    """The AllSides articles of the gold, rebuilt: those of the contradictions the current
    rules report (right or wrong) and those where wrong denials or opposites were once
    reported, which must not come back. (The articles of the first version's wrong numbers,
    whose rules have not changed since, are left to ``bench/eval_claims_allsides.py`` to
    keep this build short.)"""
    corpus = shared_path("corpora", "allsides", "allsides_8k.jsonl.gz")
    wanted = sorted({n for item in GOLD["items"] for n in item.get("lines", ())
                     if item["version"] != "first" or item["kind"] != "number"})
    lines: list[str] = []
    with gzip.open(corpus, "rt", encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if number in wanted:
                lines.append(line)
            if number >= max(wanted):
                break
    folder = tmp_path_factory.mktemp("claims-allsides")
    source = folder / "allsides_gold.jsonl"
    source.write_text("".join(lines), encoding="utf-8")
    build([source], folder / "out", Options(quiet=True))
    return _report(folder / "out")


def _label(corpus: str, contradiction: dict[str, Any]) -> str | None:
    texts = [" ".join(e["text"] for e in side["evidence"]) for side in contradiction["sides"]]
    for item in GOLD["items"]:
        if item["corpus"] != corpus or item["kind"] != contradiction["kind"]:
            continue
        a, b = item["sides"]
        if (a in texts[0] and b in texts[1]) or (a in texts[1] and b in texts[0]):
            return str(item["label"])
    return None


def test_contradiction_precision_on_labelled_corpora(
    seeds_report: Report, demo_report: Report, allsides_report: Report
) -> None:
    labels: list[str] = []
    unlabelled: list[str] = []
    for corpus, report in (("seeds", seeds_report), ("demo", demo_report),
                           ("allsides", allsides_report)):
        for x in report["contradictions"]:
            label = _label(corpus, x)
            if label is None:
                unlabelled.append(f"{corpus}: {x['kind']}: {x['explanation']}")
            else:
                labels.append(label)
    assert not unlabelled, (
        "read these contradictions and label them in tests/eval/gold/"
        "contradictions_allsides.json: " + "; ".join(unlabelled)
    )
    assert labels
    precision = labels.count("right") / len(labels)
    assert precision >= PRECISION_FLOOR, labels
