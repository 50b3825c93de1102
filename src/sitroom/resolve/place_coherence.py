"""Joint choice of an article's ambiguous place names: readings that lie together win.

Each name of an article has its contenders, the few readings whose own score (kind,
population, the article's countries) comes close to its best. A local paper in north London
writes ``Edmonton`` and ``Enfield``: Edmonton, Alberta, is the bigger town and Enfield is a
town in four countries, but only Edmonton and Enfield in London lie within a few kilometres of
each other. Judged one by one, each name takes its biggest namesake; judged together, the
pair that lies together wins. The support a contender gets counts the OTHER names of the
article with a contender near it (a town within :data:`NEAR_KM`, or a first-level area that
holds it), so a name never vouches for itself; it is counted again from the readings the
names then take (:func:`joint_support`), so that two hamlets no name takes cannot vouch for
each other; and it is capped, so that a cluster of small namesakes cannot outvote a capital
or a big town the article plainly means.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from .geo_index import GeoEntry

#: Towns this close (km) lie together: the 100 miles toponym scoring also uses.
NEAR_KM = 161.0
#: Support per other name of the article with a contender near this one, and its cap.
SUPPORT_PER_NAME = 1.0
MOST_SUPPORT = 2.0
#: A reading is a contender when its own score is at most this far below its name's best.
CONTENDER_MARGIN = 1.0
#: ... and among its name's best few.
MOST_CONTENDERS = 6

_POINT_KINDS = frozenset({"city", "admin2"})


def contenders(
    scored: Sequence[tuple[float, int, GeoEntry]],
) -> list[tuple[float, int, GeoEntry]]:
    """(own score, row, entry) of the readings of one name worth weighing jointly: within
    :data:`CONTENDER_MARGIN` of the best own score, at most :data:`MOST_CONTENDERS`."""
    if not scored:
        return []
    ranked = sorted(scored, key=lambda item: (-item[0], item[1]))
    best = ranked[0][0]
    return [item for item in ranked[:MOST_CONTENDERS] if item[0] >= best - CONTENDER_MARGIN]


def joint_support(
    by_name: Mapping[str, Sequence[tuple[float, int, GeoEntry]]],
) -> dict[str, dict[int, float]]:
    """Name -> row -> support of its contenders (see :func:`contenders`).

    Two rounds: first each contender gets :data:`SUPPORT_PER_NAME` for every other name with
    a contender that lies with it, and each name takes its best contender on own score plus
    that support; then the support is counted again from those choices alone. The second
    round drops coincidences between two readings that neither name ends up taking (a
    hamlet called Rio Grande beside a hamlet called Glasgow in a story about Brazil and
    Scotland), and keeps pairs that both win (Edmonton and Enfield in London)."""
    rows = {name: [(row, entry) for _, row, entry in found] for name, found in by_name.items()}
    together: dict[tuple[int, int], bool] = {}  # both rounds ask of the same pairs
    first = _support(rows, together=together)
    chosen: dict[str, list[tuple[int, GeoEntry]]] = {}
    for name, found in by_name.items():
        if found:
            boost = first.get(name, {})
            _, row, entry = max(
                found, key=lambda item: (item[0] + boost.get(item[1], 0.0), -item[1])
            )
            chosen[name] = [(row, entry)]
    return _support(rows, chosen, together)


def _support(
    rows: Mapping[str, Sequence[tuple[int, GeoEntry]]],
    others_rows: Mapping[str, Sequence[tuple[int, GeoEntry]]] | None = None,
    together: dict[tuple[int, int], bool] | None = None,
) -> dict[str, dict[int, float]]:
    """Name -> row -> :data:`SUPPORT_PER_NAME` per other name (its readings in
    ``others_rows``, by default ``rows``) with a reading lying with it, capped.
    ``together``: :func:`lie_together` of the entries of two gazetteer rows, by the pair of
    rows, smaller first (it is symmetric, and a row is always the same entry), filled as
    asked."""
    others_rows = rows if others_rows is None else others_rows
    known = {} if together is None else together
    # Only a town, a district or a first-level area that is not named after its town can
    # lie with anything (lie_together): the others are never asked about.
    others = {
        other: [(r, e) for r, e in found if _may_lie(e)] for other, found in others_rows.items()
    }
    support: dict[str, dict[int, float]] = {}
    for name, readings in rows.items():
        rest = [found for other, found in others.items() if other != name and found]
        found_support: dict[int, float] = {}
        for row, entry in readings:
            if not rest or not _may_lie(entry):
                continue
            count = 0
            for found in rest:  # the other names with a reading lying with this one
                for other_row, other in found:
                    pair = (row, other_row) if row <= other_row else (other_row, row)
                    lies = known.get(pair)
                    if lies is None:
                        lies = known[pair] = lie_together(entry, other)
                    if lies:
                        count += 1
                        break
            if count:
                found_support[row] = min(MOST_SUPPORT, SUPPORT_PER_NAME * count)
        if found_support:
            support[name] = found_support
    return support


def _may_lie(entry: GeoEntry) -> bool:
    """Whether :func:`lie_together` can hold of ``entry`` and any other reading."""
    return entry.kind in _POINT_KINDS or (entry.kind == "admin1" and not entry.namesake)


def lie_together(a: GeoEntry, b: GeoEntry) -> bool:
    """Whether two readings lie together: towns or districts within :data:`NEAR_KM`, or a
    first-level area and a town or district inside it. Countries and regions are left to
    the article's country focus."""
    if a == b:
        return False
    if a.kind in _POINT_KINDS and b.kind in _POINT_KINDS:
        if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
            return False
        return _km(a.lat, a.lon, b.lat, b.lon) <= NEAR_KM
    area, point = (a, b) if a.kind == "admin1" else (b, a)
    if area.kind != "admin1" or point.kind not in _POINT_KINDS or area.namesake:
        return False
    return (
        area.country_code is not None
        and point.country_code == area.country_code
        and point.admin1 is not None
        and point.admin1 == area.admin1
    )


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine), as :func:`sitroom.resolve.places.distance_km`."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))
