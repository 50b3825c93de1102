"""Where the gazetteer's first-level areas are placed: box of their towns and outline."""

from __future__ import annotations

import pytest

from sitroom.resolve.geo_index import load_index
from sitroom.resolve.geo_sources import area_point, outline_centroids, polygon_centroid
from sitroom.resolve.places import distance_km


def test_polygon_centroid_of_a_square_and_of_two_parts() -> None:
    square = {"type": "Polygon", "coordinates": [[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]]}
    assert polygon_centroid(square) == pytest.approx((1.0, 1.0, 4.0))
    # a big part and a small one: the centroid leans to the big part by area
    two = {
        "type": "MultiPolygon",
        "coordinates": [
            [[[0, 0], [3, 0], [3, 3], [0, 3], [0, 0]]],
            [[[10, 0], [11, 0], [11, 1], [10, 1], [10, 0]]],
        ],
    }
    found = polygon_centroid(two)
    assert found is not None
    lat, lon, area = found
    assert area == pytest.approx(10.0)
    assert lon == pytest.approx((1.5 * 9 + 10.5 * 1) / 10)
    assert lat == pytest.approx((1.5 * 9 + 0.5 * 1) / 10)
    assert polygon_centroid({"type": "Polygon", "coordinates": []}) is None


def test_area_point_is_the_box_middle_or_halfway_to_the_outline_centroid() -> None:
    towns = [(40.0, -80.0, 100), (50.0, -70.0, 5)]
    assert area_point(towns) == (45.0, -75.0)
    assert area_point(towns, (47.0, -79.0)) == (46.0, -77.0)


def test_outlines_cover_provinces_and_states() -> None:
    outlines = outline_centroids()
    assert ("CA", "quebec") in outlines and ("US", "texas") in outlines
    lat, lon = outlines[("AU", "queensland")]
    assert -29 < lat < -10 and 138 < lon < 154


@pytest.mark.parametrize(
    ("name", "country", "gazetteer_point"),
    [
        # GeoNames's own points for large, thinly settled provinces whose towns crowd one edge
        ("ontario", "CA", (49.25, -84.5)),
        ("manitoba", "CA", (55.0, -97.0)),
        ("new south wales", "AU", (-33.0, 146.0)),
    ],
)
def test_large_provinces_sit_near_the_gazetteers_point(
    name: str, country: str, gazetteer_point: tuple[float, float]
) -> None:
    area = next(
        e for e in load_index().lookup(name) if e.kind == "admin1" and e.country_code == country
    )
    assert area.lat is not None and area.lon is not None
    assert distance_km(area.lat, area.lon, *gazetteer_point) < 161


def test_an_area_reaching_far_beyond_its_namesake_town_keeps_its_own_point() -> None:
    state = next(
        e for e in load_index().lookup("new york") if e.kind == "admin1" and e.country_code == "US"
    )
    assert state.lat is not None and state.lon is not None
    assert distance_km(state.lat, state.lon, 43.0, -75.5) < 161  # upstate, not Manhattan


def test_a_box_stretched_by_a_misfiled_town_gives_way_to_the_outline() -> None:
    towns = [(32.0, 119.0, 10), (34.0, 120.0, 10), (33.0, 105.0, 10)]  # one far outlier
    assert area_point(towns, (33.0, 119.5)) == (33.0, 119.5)


def test_an_admin_area_is_also_known_without_its_local_kind_word() -> None:
    from sitroom.resolve.geo_sources import bare_area_name

    assert bare_area_name("kabupaten karo") == "karo"
    assert bare_area_name("kas ilcesi") == "kas"
    assert bare_area_name("huyen tan phuoc") == "tan phuoc"
    assert bare_area_name("kota") == "kota"  # the word alone is no name to strip
    assert bare_area_name("karo") == "karo"
