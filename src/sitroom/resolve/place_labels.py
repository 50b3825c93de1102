"""Names that tell apart two places of one report written the same way.

A report can hold a town and the admin area named after it (Aleppo the city and Aleppo the
governorate, Dadu the town and Dadu district): both would show as the same word in the
places list, on the map and on the timeline. The area then gets a longer name, taken, in this
order, from:

1. the words the articles themselves use for it (``Dadu district`` as a mention, or
   ``Aleppo province`` where the mention is ``Aleppo`` and the next word says what it is);
2. the gazetteer's own names for it (``Aleppo Governorate`` when the gazetteer lists it);
3. its country, when the other place is in another (``Georgia (US)`` beside the country);
4. its admin level (``region`` for a first-level area, ``district`` for a second-level one).

Only the display name changes: ids, aliases and everything keyed by them stay as they were.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import replace

from ..types import Place
from .geo_index import ADMIN_WORDS, GeoIndex
from .geo_names import fold

#: Gazetteer kinds of admin areas, the places that give way to a town of the same name.
AREA_KINDS = frozenset({"admin1", "admin2"})
#: The word for an area's level when neither the articles nor the gazetteer name its kind.
LEVEL_WORDS: Mapping[str, str] = {"admin1": "region", "admin2": "district"}
#: Kind words that read as a suffix in English (``Aleppo province``); words such as
#: ``muhafazat`` or ``respublika`` come before the name and make no suffix.
SUFFIX_WORDS = tuple(
    sorted(ADMIN_WORDS - {"muhafazat", "respublika", "autonomous", "sheng", "wilayah", "kray"})
)
_FOLLOWING_WORD = re.compile(r"[ \t]+([A-Za-z]+)")


def written_kind_word(mention_text: str, following: str) -> str | None:
    """The word that says a mention names an admin area, as the article writes it: the
    mention's own last word (``Dadu district``) or the next word (``Aleppo province``)."""
    words = mention_text.split()
    if len(words) >= 2 and words[-1].casefold() in SUFFIX_WORDS:
        return words[-1]
    match = _FOLLOWING_WORD.match(following)
    if match and match.group(1).casefold() in SUFFIX_WORDS:
        return match.group(1)
    return None


def _gazetteer_word(index: GeoIndex, place: Place) -> str | None:
    """A kind word the gazetteer itself writes after this area's name, if any."""
    if place.geonames_id is None:
        return None
    key = fold(place.name)
    for word in SUFFIX_WORDS:
        if any(e.geonames_id == place.geonames_id for e in index.lookup(f"{key} {word}")):
            return word.title()
    return None


def _written_word(words: Counter[str]) -> str | None:
    """The most common written kind word, compared without case; the writers' most common
    spelling of it (``district`` before ``District`` when most write it so)."""
    by_word: Counter[str] = Counter()
    for word, count in words.items():
        by_word[word.casefold()] += count
    if not by_word:
        return None
    best = min(by_word, key=lambda w: (-by_word[w], w))
    return min((w for w in words if w.casefold() == best), key=lambda w: (-words[w], w))


def distinct_names(
    places: Sequence[Place],
    kinds: Mapping[str, str],
    written: Mapping[str, Counter[str]],
    index: GeoIndex,
) -> tuple[Place, ...]:
    """``places`` with each admin area that shares its display name with another place of
    the report renamed (see the module docstring). ``kinds`` is place id -> gazetteer kind,
    ``written`` place id -> the kind words its mentions are written with."""
    by_name: dict[str, list[Place]] = {}
    for place in places:
        by_name.setdefault(place.name.casefold(), []).append(place)
    taken = set(by_name)
    renamed: dict[str, str] = {}
    for same in by_name.values():
        if len(same) < 2:
            continue
        areas = [p for p in same if kinds.get(p.id) in AREA_KINDS]
        if len(areas) == len(same):
            # Only areas: the widest keeps the plain name (a governorate before its district).
            areas = [p for p in same if kinds.get(p.id) != "admin1"] or areas[1:]
        for place in areas:
            others = {p.country_code for p in same if p.id != place.id}
            abroad = place.country_code is not None and place.country_code not in others
            choices = (
                _written_word(written.get(place.id, Counter())),
                _gazetteer_word(index, place),
                # Georgia the US state beside Georgia the country
                f"({place.country_code})" if abroad else None,
                LEVEL_WORDS[kinds[place.id]],
            )
            # the first that no other place shows (two areas of one name may both be
            # written "state": the second takes the gazetteer's word)
            name = next(
                (n for w in choices if w and (n := f"{place.name} {w}").casefold() not in taken),
                None,
            )
            if name is None:
                continue  # every choice is taken: better the same name than a wrong one
            taken.add(name.casefold())
            renamed[place.id] = name
    return tuple(replace(p, name=renamed[p.id]) if p.id in renamed else p for p in places)
