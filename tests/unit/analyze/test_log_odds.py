from __future__ import annotations

import math
import random

import pytest

from sitroom.analyze.log_odds import corpus_prior, log_odds_dirichlet, log_odds_of


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


def test_scoring_some_words_gives_each_the_score_it_has_among_all() -> None:
    rng = random.Random(11)
    for _ in range(20):
        words = [f"w{i}" for i in range(rng.randint(2, 60))]
        group = {w: rng.randint(1, 30) for w in words if rng.random() < 0.5}
        rest = {w: rng.randint(1, 30) for w in words if w not in group or rng.random() < 0.5}
        prior = corpus_prior({w: group.get(w, 0) + rest.get(w, 0) for w in words},
                             scale=rng.choice([0.1, 1.0, 10.0]))
        every = log_odds_dirichlet(group, rest, prior)
        some = rng.sample(words, rng.randint(0, len(words)))
        scored = log_odds_of(some, group, rest, prior, sum(group.values()),
                             sum(rest.values()), sum(prior.values()))
        assert scored == {w: every[w] for w in some}  # the same floats, not approximately
