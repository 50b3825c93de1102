from __future__ import annotations

from sitroom.annotate.gazetteer import load_countries
from sitroom.resolve import geo_index
from sitroom.resolve.gazetteer_release import release_gazetteer


def test_release_drops_the_loaded_index_and_a_later_load_answers_the_same() -> None:
    first = geo_index.load_index()
    before = [(e.name, e.kind, e.country_code) for e in first.lookup("paris")]
    assert before  # the comparison below compares something
    release_gazetteer()
    assert geo_index.load_index.cache_info().currsize == 0  # nothing keeps it loaded
    again = geo_index.load_index()
    assert again is not first
    assert [(e.name, e.kind, e.country_code) for e in again.lookup("paris")] == before


def test_release_leaves_the_caches_the_place_modules_only_import() -> None:
    # resolve.places imports load_countries from the annotators' gazetteer module: that
    # cache is theirs and stays.
    countries = load_countries()
    release_gazetteer()
    assert load_countries() is countries
