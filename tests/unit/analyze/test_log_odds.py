from __future__ import annotations

import math

import pytest

from sitroom.analyze.log_odds import corpus_prior, log_odds_dirichlet


def test_matches_the_formula_by_hand() -> None:
    group = {"regime": 8, "government": 2}
    rest = {"regime": 2, "government": 8}
    prior = {"regime": 1.0, "government": 1.0}
    scores = log_odds_dirichlet(group, rest, prior)
    # n_i = n_j = 10, a0 = 2
    delta = math.log(9 / (10 + 2 - 9)) - math.log(3 / (10 + 2 - 3))
    assert scores["regime"].delta == pytest.approx(delta)
    assert scores["regime"].z == pytest.approx(delta / math.sqrt(1 / 9 + 1 / 3))
    assert scores["government"].delta == pytest.approx(-delta)


def test_equal_usage_scores_zero() -> None:
    scores = log_odds_dirichlet({"a": 3, "b": 5}, {"a": 3, "b": 5}, {"a": 1.0, "b": 1.0})
    assert scores["a"].delta == pytest.approx(0.0)
    assert scores["b"].z == pytest.approx(0.0)


def test_the_prior_shrinks_rare_words() -> None:
    # One use of a word nobody else uses is less distinctive than many uses.
    rare = log_odds_dirichlet({"x": 1, "y": 99}, {"x": 0, "y": 100}, {"x": 5.0, "y": 5.0})
    common = log_odds_dirichlet({"x": 30, "y": 70}, {"x": 0, "y": 100}, {"x": 5.0, "y": 5.0})
    assert 0 < rare["x"].z < common["x"].z


def test_a_word_without_prior_weight_is_an_error() -> None:
    with pytest.raises(ValueError):
        log_odds_dirichlet({"x": 1}, {"x": 1}, {"x": 0.0})


def test_corpus_prior_follows_frequency() -> None:
    prior = corpus_prior({"a": 30, "b": 10})
    assert prior["a"] == pytest.approx(3 * prior["b"])


def test_a_one_word_vocabulary_is_no_evidence_rather_than_a_crash() -> None:
    from sitroom.analyze.log_odds import corpus_prior, log_odds_dirichlet

    counts = {"regime": 3}
    scores = log_odds_dirichlet(counts, {}, corpus_prior(counts))
    assert scores["regime"].z == 0.0
