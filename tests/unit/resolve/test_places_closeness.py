"""Each name's neighbours sorted once (places._Neighbourhood) give every reading the
support the plain rule (every neighbour looked at, every distance measured) gives it."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from sitroom.resolve.geo_index import GeoEntry
from sitroom.resolve.places import (
    CONTAINS_BONUS,
    NEAR_KM,
    _Candidate,
    _Neighbourhood,
    _proximity,
    distance_km,
)

_KINDS = ("city", "admin2", "admin1", "country", "region")


def _holds(area: GeoEntry, towns: list[GeoEntry]) -> bool:
    return any(t.country_code == area.country_code and t.admin1 is not None
               and t.admin1 == area.admin1 for t in towns)


def _plain_proximity(entry: GeoEntry, neighbours: list[GeoEntry]) -> float:
    """The support rule as written first: a reading's twin left out, an area holding a named
    town, a town inside a named area, a town near a named town (every distance measured)."""
    neighbours = [n for n in neighbours if n.geonames_id != entry.geonames_id or n != entry]
    towns = [n for n in neighbours
             if n.kind in {"city", "admin2"} and n.lat is not None and n.lon is not None]
    if entry.kind == "admin1" and not entry.namesake and _holds(entry, towns):
        return CONTAINS_BONUS
    if entry.kind not in {"city", "admin2"}:
        return 0.0
    inside = any(_holds(area, [entry]) for area in neighbours if area.kind == "admin1")
    if entry.lat is None or entry.lon is None or not towns:
        return CONTAINS_BONUS if inside else 0.0
    nearest = min(distance_km(entry.lat, entry.lon, n.lat, n.lon)
                  for n in towns if n.lat is not None and n.lon is not None)
    near = 1.0 if nearest <= NEAR_KM else 0.5 if nearest <= 3 * NEAR_KM else 0.0
    return max(near, CONTAINS_BONUS if inside else 0.0)


@st.composite
def _entries(draw: st.DrawFn) -> GeoEntry:
    placed = draw(st.booleans()) or draw(st.booleans())
    # points in one small patch, so that near, fairly near and far all occur
    lat = draw(st.floats(30.0, 40.0)) if placed else None
    lon = draw(st.floats(-5.0, 5.0)) if placed else None
    return GeoEntry(
        geonames_id=draw(st.sampled_from((None, 1, 2, 3))),
        name=draw(st.sampled_from(("Paris", "London"))),
        lat=lat,
        lon=lon,
        country_code=draw(st.sampled_from(("FR", "GB", None))),
        population=draw(st.sampled_from((0, 5000))),
        kind=draw(st.sampled_from(_KINDS)),
        admin1=draw(st.sampled_from((None, "01", "02"))),
        namesake=draw(st.booleans()),
    )


@settings(max_examples=400, deadline=None)
@given(entry=_entries(), neighbours=st.lists(_entries(), max_size=6), twin=st.booleans())
def test_sorted_neighbours_support_each_reading_as_the_rule_does(
    entry: GeoEntry, neighbours: list[GeoEntry], twin: bool
) -> None:
    if twin:
        neighbours = [*neighbours, entry]  # a reading never vouches for itself
    expected = _plain_proximity(entry, neighbours)
    assert _Neighbourhood(neighbours).proximity(entry) == expected
    assert _proximity(_Candidate(0, entry, 1.0), neighbours) == expected


def test_distances_around_the_near_limits() -> None:
    town = GeoEntry(1, "A", 35.0, 0.0, "FR", 100, "city", "01")
    # one degree of latitude is about 111 km: 1.4 degrees is near, 4 fairly near, 6 far
    for degrees, support in ((1.4, 1.0), (4.0, 0.5), (6.0, 0.0)):
        other = GeoEntry(2, "B", 35.0 + degrees, 0.0, "FR", 100, "city", "02")
        assert _plain_proximity(other, [town]) == support
        assert _proximity(_Candidate(0, other, 1.0), [town]) == support
        assert _Neighbourhood([town]).proximity(other) == support
    assert 3 * NEAR_KM < 6.0 * 111.0
