"""Stories' summaries kept in the store come back equal to summarising again: only stories
whose inputs changed are summarised, and the digest follows every input a summary reads."""

from __future__ import annotations

import hashlib
import random
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

import numpy as np
import pytest

import sitroom.analyze.findings as findings
from sitroom.analyze.claims import ClaimVectors
from sitroom.analyze.stored_summaries import decode_summary, encode_summary, story_digest
from sitroom.analyze.summary import contradictions_inside, point_candidates, summarize_together
from sitroom.types import (
    Assertion,
    Claim,
    Contradiction,
    ContradictionSide,
    Evidence,
    SummaryItem,
)
from tests.unit.memo_table import MemoTable

WORDS = ("council", "approved", "relief", "budget", "district", "rain", "flooded", "villages",
         "river", "officials", "charity", "opened", "kitchens", "families", "school", "troops",
         "crossed", "border", "bridge", "town")


_Memo = MemoTable


def _sentence(rng: random.Random) -> str:
    return "The " + " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 12))) + "."


def _corpus(seed: int) -> tuple[list[Claim], list[Contradiction], dict[str, str]]:
    """Claims over 12 articles (some contradicting each other), their texts for vectors."""
    rng = random.Random(seed)
    articles = [f"a{i}" for i in range(12)]
    claims: list[Claim] = []
    for k in range(60):
        text = _sentence(rng)
        evidence = tuple(Evidence(a, 10 * k, 10 * k + len(text), text)
                         for a in rng.sample(articles, rng.randint(1, 3)))
        claims.append(Claim(
            id=f"c{k:02d}", text=text, evidence=evidence,
            outlets=tuple(f"outlet {e.article}" for e in evidence),
            independent_sources=rng.randint(1, 3), status="single_source",
            asserted_by=tuple(Assertion(e.article, f"outlet {e.article}") for e in evidence),
            event=rng.choice((None, "ev1", "ev2")), date=f"2024-12-{rng.randint(1, 9):02d}"))
    contradictions: list[Contradiction] = []
    for n in range(6):
        a, b = rng.sample(range(len(claims)), 2)
        claims[a] = replace(claims[a], contradicts=(claims[b].id,), status="contested")
        sides = tuple(ContradictionSide(claims[i].id, claims[i].text, None, claims[i].evidence,
                                        claims[i].outlets) for i in (a, b))
        contradictions.append(Contradiction(f"x{n}", "number", "figures differ",
                                            (sides[0], sides[1])))
    return claims, contradictions, {c.id: c.text for c in claims}


def _vectors(texts: dict[str, str]) -> ClaimVectors:
    # Rows from the words, so that sentences sharing words are alike (some repeats).
    rows = {}
    for claim, text in texts.items():
        row = np.array([text.count(w) for w in WORDS], dtype=np.float32)
        rows[claim] = row / max(float(np.linalg.norm(row)), 1e-9)
    return ClaimVectors(texts, rows, None)


def _summaries(claims: list[Claim], contradictions: list[Contradiction],
               texts: dict[str, str], groups: list[tuple[str | None, tuple[str, ...]]],
               memo: _Memo | None) -> list[SummaryItem]:
    by_article: dict[str, list[int]] = defaultdict(list)
    for position, claim in enumerate(claims):
        for item in claim.evidence:
            by_article[item.article].append(position)
    return findings.summarize_stories(groups, by_article, claims, contradictions,
                                      _vectors(texts), memo)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_remembered_summaries_equal_summarising_again(seed: int,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    claims, contradictions, texts = _corpus(seed)
    groups: list[tuple[str | None, tuple[str, ...]]] = [
        ("s1", ("a0", "a1", "a2")), ("s2", ("a3", "a4")), ("s3", ("a5", "a6", "a7", "a8")),
        ("s4", ("a9", "a10", "a11"))]
    memo = _Memo()
    first = _summaries(claims, contradictions, texts, groups, memo)
    assert first == _summaries(claims, contradictions, texts, groups, None)
    assert any(item.kind == "point" for item in first)
    # The next build: one claim gains a source, one story gains an article, and one claim
    # of another story is embedded from another text.
    bumped = next(i for i, c in enumerate(claims) if not c.contradicts
                  and any(e.article in groups[0][1] for e in c.evidence))
    claims[bumped] = replace(claims[bumped],
                             independent_sources=claims[bumped].independent_sources + 3)
    groups[1] = ("s2", ("a3", "a4", "a5"))
    moved = next(c.id for c in claims if any(e.article == "a9" for e in c.evidence)
                 and not c.contradicts)
    texts[moved] = "Another sentence entirely."
    summarized: list[str | None] = []

    def counting(stories: Any, *args: Any, **kwargs: Any) -> list[tuple[SummaryItem, ...]]:
        summarized.extend(story for story, _members, _claims in stories)
        return summarize_together(stories, *args, **kwargs)

    monkeypatch.setattr(findings, "summarize_together", counting)
    again = _summaries(claims, contradictions, texts, groups, memo)
    touched = {e.article for c in claims if c.id in (claims[bumped].id, moved)
               for e in c.evidence}
    changed = {story for story, members in groups if touched & set(members)} | {"s2"}
    assert set(summarized) == changed
    monkeypatch.setattr(findings, "summarize_together", summarize_together)
    assert again == _summaries(claims, contradictions, texts, groups, None)
    # only this build's entries are kept
    assert len(memo.rows) == len(groups)


def test_decoded_summary_equals_the_encoded_one() -> None:
    passage = Evidence("a1", 3, 40, "Heavy rain flooded twelve villages.", 9, 16)
    items = (
        SummaryItem("Heavy rain flooded twelve villages.", (passage,), story="s1", claim="c1",
                    date="2024-12-05", kind="point", outlets=("One", "Two")),
        SummaryItem("Eight died.", (Evidence("a2", 0, 11, "Eight died."),), story=None,
                    claim="c2", kind="contested", outlets=("Two",), counter_claim="c3",
                    counter_text="Ten died.",
                    counter_evidence=(Evidence("a3", 5, 14, "Ten died."),)),
    )
    assert decode_summary(encode_summary(items)) == items
    assert decode_summary(encode_summary(())) == ()


def test_the_digest_follows_every_input_a_summary_reads() -> None:
    claims, contradictions, texts = _corpus(4)
    members = ("a0", "a1", "a2", "a3")
    story_claims = [c for c in claims if any(e.article in members for e in c.evidence)]
    point = next(c for c in story_claims if not c.contradicts)

    def digest(story: str = "s1", arts: Sequence[str] = members,
               these: Sequence[Claim] = story_claims,
               against: Sequence[Contradiction] = contradictions,
               text_of: dict[str, str] = texts) -> str:
        return story_digest(story, arts, these, against, text_of.get)

    base = digest()
    assert digest(arts=tuple(reversed(members))) == base  # a set of articles
    changed = [
        digest(story="s2"),
        digest(arts=(*members, "a4")),
        digest(these=[replace(c, event="ev9") if c is point else c for c in story_claims]),
        digest(these=[replace(c, evidence=(*c.evidence[:1], Evidence("a3", 1, 2, "x")))
                      if c is point else c for c in story_claims]),
        digest(text_of=texts | {point.id: "other words"}),
    ]
    assert base not in changed and len(set(changed)) == len(changed)
    inside = [x for x in contradictions
              if all(any(e.article in members for e in s.evidence) for s in x.sides)]
    outside = [x for x in contradictions if x not in inside]
    assert inside and outside
    assert digest(against=[x for x in contradictions if x is not inside[0]]) != base
    # a dispute the story does not hold both sides of is not read
    assert digest(against=[x for x in contradictions if x is not outside[0]]) == base


def test_the_digest_is_that_of_the_inputs_repr_made_whole() -> None:
    # Fed a record at a time, the digest is still the one of the whole repr (so a store's
    # entries keep their keys): checked on records with quotes, non-ASCII text, no vector
    # text and a story with no contradiction inside.
    claims, contradictions, texts = _corpus(7)
    claims[0] = replace(claims[0], text="L'armée a dit \"non\" — Ankara's 'reply'")
    texts.pop(claims[1].id, None)
    for story, members in (("s1", ("a1", "a0", "a3")), (None, tuple(f"a{i}" for i in range(12))),
                           ("s2", ("a11",))):
        member_set = set(members)
        points = [(repr(c), texts.get(c.id)) for c in point_candidates(claims)]
        inside = [repr(x) for x in contradictions_inside(member_set, contradictions)]
        whole = repr((story, sorted(member_set), points, inside)).encode("utf-8")
        assert story_digest(story, members, claims, contradictions, texts.get) == (
            hashlib.sha256(whole).hexdigest())
