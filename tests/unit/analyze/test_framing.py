from __future__ import annotations

import random

import pytest

import sitroom.analyze.framing as framing
from sitroom.analyze.framing import build_framing
from sitroom.analyze.log_odds import LogOdds, log_odds_dirichlet
from sitroom.types import Article, DescriptorMention, DocAnnotations


def _article(ident: str, outlet: str, words: list[str]) -> tuple[Article, DocAnnotations]:
    text = " ".join(words)
    descriptors = []
    at = 0
    for word in words:
        descriptors.append(DescriptorMention(ident, at, at + len(word), word, word, "noun"))
        at += len(word) + 1
    article = Article(ident, text, outlet, None, None, "2024-12-01", "metadata", None, "en",
                      len(words))
    return article, DocAnnotations(ident, descriptors=tuple(descriptors))


def _terms(outlet: str, pairs: list[tuple[Article, DocAnnotations]]) -> dict[str, float]:
    framing = build_framing([a for a, _ in pairs], [d for _, d in pairs], {})
    found = next(f for f in framing if f.outlet == outlet)
    return {t.term: t.z for t in found.distinctive_terms}


def test_a_small_outlet_is_heard_only_for_words_it_repeats() -> None:
    big = [_article(f"b{i}", f"Outlet {i % 4}", ["government", "rebel", "force"] * 10)
           for i in range(8)]
    repeated = _article("s1", "Small Weekly", ["regime"] * 6 + ["government"] * 2)
    once = _article("s2", "One Shot", ["insurgent", "government", "government", "rebel"])
    terms = _terms("Small Weekly", [*big, repeated, once])
    assert "regime" in terms and terms["regime"] >= 1.96
    assert _terms("One Shot", [*big, repeated, once]) == {}  # a word used once is no choice
    assert "government" not in terms  # what every outlet says is not distinctive


def test_findings_frame_outlets_from_the_framing_view_when_given_one() -> None:
    from sitroom.analyze.findings import build_findings

    pairs = [_article(f"b{i}", f"Outlet {i % 2}", ["regime", "regime", "rebel"] if i % 2
                      else ["government", "government", "rebel"]) for i in range(6)]
    articles = [a for a, _ in pairs]
    bare = [DocAnnotations(a.id) for a in articles]  # what the claims read: nothing here
    framed = build_findings(articles, bare, [], [], [], {}, [], {},
                            framing_annotations=[d for _, d in pairs])
    assert [f.outlet for f in framed.framing] == ["Outlet 0", "Outlet 1"]
    assert build_findings(articles, bare, [], [], [], {}, [], {}).framing == ()


def test_scoring_only_the_words_an_outlet_repeats_frames_as_scoring_every_word(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rng = random.Random(5)
    vocabulary = ["regime", "government", "rebel", "militia", "insurgent", "force",
                  "jihadist", "terrorist", "opposition", "fighter"]
    pairs = [_article(f"a{i}", f"Outlet {rng.randint(0, 6)}",
                      [rng.choice(vocabulary[:rng.randint(2, len(vocabulary))])
                       for _ in range(rng.randint(1, 12))]) for i in range(40)]
    articles, annotations = [a for a, _ in pairs], [d for _, d in pairs]
    chosen = build_framing(articles, annotations, {})

    def every_word(_words: object, group: dict[str, int], rest: framing._Rest,
                   prior: dict[str, float], *_totals: object) -> dict[str, LogOdds]:
        # the whole vocabulary scored for every outlet, against a copy of the rest's counts
        return log_odds_dirichlet(group, dict(rest), prior)

    monkeypatch.setattr(framing, "log_odds_of", every_word)
    assert build_framing(articles, annotations, {}) == chosen
    assert any(f.distinctive_terms for f in chosen)  # the check compares some terms
