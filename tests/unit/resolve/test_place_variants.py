"""The fuzzy search for a name inside a country compares only keys whose length can reach
the threshold, and answers what one search over every key of the country answers."""

from __future__ import annotations

import random

import pytest
from rapidfuzz import fuzz, process

from sitroom.resolve import places


def _misspelt(key: str, rng: random.Random) -> str:
    letters = list(key)
    for _ in range(rng.randint(0, 3)):
        position = rng.randint(0, max(0, len(letters) - 1))
        edit = rng.randint(0, 2)
        if edit == 0 and letters:
            letters[position] = rng.choice("aeioukstrn ")
        elif edit == 1:
            letters.insert(position, rng.choice("aeioukstrn "))
        elif letters:
            del letters[position]
    return "".join(letters)


@pytest.mark.parametrize("country", ["SY", "GB"])
def test_closest_key_is_what_a_search_over_every_key_finds(country: str) -> None:
    keys = places._country_variants(country)[2]
    assert keys, "the gazetteer has names for the country"
    rng = random.Random(13)
    queries = [_misspelt(rng.choice(keys), rng) for _ in range(150)]
    queries += [rng.choice(keys) for _ in range(20)] + ["zzqxv", "a", ""]
    matched = 0
    for query in queries:
        whole = process.extractOne(query, keys, scorer=fuzz.ratio,
                                   score_cutoff=places.FUZZY_THRESHOLD)
        expected = None if whole is None else (whole[0], whole[1])
        assert places._closest_key(query, country) == expected, query
        matched += expected is not None
    assert matched > 20, "the sample exercises matches, not only misses"
