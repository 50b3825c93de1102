"""The corpus's country votes less one article's: the same values, bit for bit, in the same
order, as subtracting the article's votes from every country one by one."""

from __future__ import annotations

import random
from collections import defaultdict

from sitroom.resolve.places import _votes_apart


def _one_by_one(corpus: dict[str, float], own: dict[str, float]) -> dict[str, float]:
    return {cc: weight - own.get(cc, 0.0) for cc, weight in corpus.items()
            if weight - own.get(cc, 0.0) > 1e-9}


def test_votes_apart_equal_subtracting_every_country() -> None:
    rng = random.Random(13)
    countries = [f"C{n}" for n in range(40)]
    for _ in range(200):
        articles = [
            {cc: rng.choice((0.5, 1.0, 1.5, 0.1 * rng.randint(1, 30)))
             for cc in rng.sample(countries, rng.randint(0, 6))}
            for _ in range(rng.randint(1, 12))
        ]
        corpus: dict[str, float] = defaultdict(float)
        for votes in articles:
            for cc, weight in votes.items():
                corpus[cc] += weight
        for own in articles:
            apart = _votes_apart(corpus, own)
            expected = _one_by_one(corpus, own)
            assert list(apart.items()) == list(expected.items())  # order and exact values


def test_a_country_left_with_nothing_is_dropped() -> None:
    corpus = {"US": 1.0, "SY": 2.5}
    assert _votes_apart(corpus, {"US": 1.0}) == {"SY": 2.5}


def test_votes_outside_the_corpus_are_subtracted_one_by_one() -> None:
    corpus = {"US": 1.0, "SY": 0.0}
    own = {"TR": 0.5, "US": 0.25}
    assert _votes_apart(corpus, own) == _one_by_one(corpus, own) == {"US": 0.75}
