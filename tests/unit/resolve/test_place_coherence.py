"""Joint choice of an article's ambiguous names (:mod:`sitroom.resolve.place_coherence`)."""

from __future__ import annotations

from sitroom.resolve.geo_index import GeoEntry
from sitroom.resolve.place_coherence import (
    MOST_SUPPORT,
    SUPPORT_PER_NAME,
    contenders,
    joint_support,
    lie_together,
)


def _town(name: str, lat: float, lon: float, cc: str, admin1: str, pop: int = 10_000) -> GeoEntry:
    return GeoEntry(None, name, lat, lon, cc, pop, "city", admin1)


EDMONTON_AB = _town("Edmonton", 53.55, -113.47, "CA", "01", 1_000_000)
EDMONTON_LDN = _town("Edmonton", 51.63, -0.06, "GB", "ENG", 82_000)
ENFIELD_CT = _town("Enfield", 41.98, -72.59, "US", "CT", 45_000)
ENFIELD_LDN = _town("Enfield Town", 51.65, -0.08, "GB", "ENG", 156_000)
TOTTENHAM = _town("Tottenham", 51.60, -0.07, "GB", "ENG", 130_000)
KENTUCKY = GeoEntry(None, "Kentucky", 37.5, -85.0, "US", 4_400_000, "admin1", "KY")
LONDON_KY = _town("London", 37.13, -84.08, "US", "KY", 8_000)


def test_towns_close_together_lie_together_far_apart_do_not() -> None:
    assert lie_together(EDMONTON_LDN, ENFIELD_LDN)
    assert not lie_together(EDMONTON_AB, ENFIELD_LDN)
    assert not lie_together(EDMONTON_LDN, EDMONTON_LDN)  # never with itself


def test_a_first_level_area_holds_its_towns() -> None:
    assert lie_together(KENTUCKY, LONDON_KY) and lie_together(LONDON_KY, KENTUCKY)
    assert not lie_together(KENTUCKY, ENFIELD_CT)


def test_the_pair_that_lies_together_gets_the_support() -> None:
    support = joint_support(
        {
            "edmonton": [(5.0, 1, EDMONTON_AB), (4.5, 2, EDMONTON_LDN)],
            "enfield": [(4.3, 3, ENFIELD_CT), (4.3, 4, ENFIELD_LDN)],
        }
    )
    assert support["edmonton"] == {2: SUPPORT_PER_NAME}
    assert support["enfield"] == {4: SUPPORT_PER_NAME}


def test_support_counts_other_names_and_is_capped() -> None:
    support = joint_support(
        {
            "edmonton": [(5.0, 1, EDMONTON_AB), (4.5, 2, EDMONTON_LDN)],
            "enfield": [(4.0, 4, ENFIELD_LDN)],
            "tottenham": [(4.0, 5, TOTTENHAM)],
            "tottenham hale": [(4.0, 6, TOTTENHAM)],
        }
    )
    assert support["edmonton"] == {2: MOST_SUPPORT}
    # one name's readings never vouch for each other
    assert joint_support({"edmonton": [(4.0, 1, EDMONTON_LDN), (4.0, 2, ENFIELD_LDN)]}) == {}


def test_a_coincidence_neither_name_takes_gives_no_support() -> None:
    # Enfield, Connecticut, lies near a hamlet that the second name could be, but that name
    # plainly means the big town far away: the hamlet is not taken, so it vouches for nothing.
    hamlet = _town("Somers", 41.99, -72.45, "US", "CT", 1_000)
    big = _town("Somers", 55.0, -3.0, "GB", "SCT", 500_000)
    support = joint_support(
        {
            "enfield": [(4.3, 3, ENFIELD_CT), (4.3, 4, ENFIELD_LDN)],
            "somers": [(7.0, 7, big), (4.0, 8, hamlet)],
        }
    )
    assert 3 not in support.get("enfield", {})


def test_contenders_are_the_few_readings_close_to_the_best() -> None:
    scored = [(5.0, 1, EDMONTON_AB), (4.5, 2, EDMONTON_LDN), (1.0, 3, ENFIELD_CT)]
    assert [row for _, row, _ in contenders(scored)] == [1, 2]
    assert contenders([]) == []


def _support_by_all_pairs(
    rows: dict[str, list[tuple[int, GeoEntry]]],
) -> dict[str, dict[int, float]]:
    """The support as every reading tried against every other name's readings once was."""
    support: dict[str, dict[int, float]] = {}
    for name, readings in rows.items():
        found_support: dict[int, float] = {}
        for row, entry in readings:
            count = sum(1 for other, found in rows.items() if other != name
                        and any(lie_together(entry, e) for _, e in found))
            if count:
                found_support[row] = min(MOST_SUPPORT, SUPPORT_PER_NAME * count)
        if found_support:
            support[name] = found_support
    return support


def test_the_support_found_by_grid_and_area_is_that_of_all_pairs() -> None:
    # Towns scattered at every scale (some a few km apart, some across the date line or at
    # a pole, some just either side of the distance bar) and first-level areas holding some.
    import random

    from sitroom.resolve.place_coherence import _support

    draw = random.Random(7)
    entries: list[GeoEntry] = []
    for k in range(400):
        if k % 10 == 0:
            entries.append(GeoEntry(None, f"Area{k}", None, None, "XA", 1000, "admin1",
                                    str(draw.randrange(4)), namesake=k % 20 == 0))
            continue
        lat = draw.choice([draw.uniform(-90, 90), 89.9, -89.9, draw.uniform(40, 42)])
        lon = draw.choice([draw.uniform(-180, 180), 179.95, -179.95, draw.uniform(10, 12)])
        entries.append(_town(f"T{k}", lat, lon, "XA", str(draw.randrange(4))))
    rows: dict[str, list[tuple[int, GeoEntry]]] = {}
    for row, entry in enumerate(entries):
        rows.setdefault(f"name{draw.randrange(120)}", []).append((row, entry))
    assert _support(rows) == _support_by_all_pairs(rows)
