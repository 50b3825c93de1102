"""Claims that cannot both be true, precision first: a wrong contradiction costs an analyst
more than a missed one, so every rule demands the same actor or place on both sides.

- ``number``: different figures for the same kind of quantity (deaths, injured, displaced,
  ...: ``data/claims/quantities.json``) about the same place or actor, from different
  sources, published within :data:`NUMBER_WINDOW_DAYS` of each other, in sentences close in
  meaning. A qualifier is honoured (``at least 40`` does not contradict ``63``), a sentence
  giving two figures of one kind (``63, well above the official 41``) reports the dispute
  rather than taking a side and is left out, and a later figure from the same source is an
  update, not a contradiction.
- ``opposite``: opposite predicate classes (``data/claims/predicates.json``: approve vs
  block, capture vs repel, confirm vs deny, withdraw vs advance, ...) with the same named
  subject and the same object (the same entity or place, the same head word, or words of one
  object group such as operation/offensive), in articles published within
  :data:`OPPOSITE_WINDOW_DAYS` of each other when both are dated; or the same predicate,
  once negated.
- ``denial``: ``X denied that ...`` (or ``X rejected reports that ...``, ``..., a claim
  denied by X``: :mod:`.denials`) against a claim that states the denied act about the same
  named things, from another article, or from the same article in another sentence and
  another voice.
- ``date``: two days for an event that happens once to its object (a capture of one
  place by one named actor), from different sources.
- ``description``: two descriptions of the same actor naming the same third party where
  one puts it in the past (``a former al-Qaeda affiliate`` vs ``an al-Qaeda-affiliated
  group``) or the two take opposite stances (``pro-`` vs ``anti-``).

Candidates come from keyed indexes (subject and class, quantity kind and place, described
actor), never from all pairs.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources

import numpy as np

from ..types import Evidence
from .statements import Statement, predicate_lexicon

NUMBER_WINDOW_DAYS = 7
#: Opposite predicates are compared only between articles published this close together
#: (when both carry their own date; an inferred interval says too little).
OPPOSITE_WINDOW_DAYS = 31
#: Similarity two clauses need before their figures are compared.
NUMBER_SIMILARITY = 0.4
#: Similarity a denial needs with the claim it denies; the claim must also state the denied
#: act (its verb among the denied words) about the same named things.
DENIAL_SIMILARITY = 0.65
#: Nearest claims a denial is compared with.
DENIAL_CANDIDATES = 10
_GENERIC = frozenset({"group", "organisation", "organization", "member", "movement", "the",
                      "a", "an", "of", "and", "al", "in", "its", "which", "that", "s"})


@dataclass(frozen=True, slots=True)
class Draft:
    """A claim being built: its id and its statements (indexes into the statement list)."""

    id: str
    members: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Found:
    """A contradiction between two drafts: which statements show it, and why."""

    kind: str
    a: str
    b: str
    a_members: tuple[int, ...]
    b_members: tuple[int, ...]
    a_value: str | None
    b_value: str | None
    explanation: str
    denier: str | None = None

    @property
    def id(self) -> str:
        key = "|".join(sorted((self.a, self.b))) + "|" + self.kind
        return "x_" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


@dataclass(frozen=True, slots=True)
class DescriptionMarkers:
    past: frozenset[str]
    polar: tuple[tuple[str, str], ...]
    object_groups: Mapping[str, int]


@lru_cache(maxsize=1)
def description_markers() -> DescriptionMarkers:
    text = resources.files("sitroom.data").joinpath("claims", "predicates.json").read_text(
        encoding="utf-8")
    data = json.loads(text)
    markers = data.get("description_markers", {})
    groups = {str(w): i for i, words in enumerate(data.get("object_groups", ())) for w in words}
    return DescriptionMarkers(
        frozenset(markers.get("past", ())),
        tuple((str(a), str(b)) for a, b in markers.get("polar", ())),
        groups,
    )


def find_contradictions(
    drafts: Sequence[Draft],
    statements: Sequence[Statement],
    vectors: np.ndarray,
    name_of: Callable[[str], str],
) -> list[Found]:
    """Every contradiction between ``drafts`` (each pair once, most specific kind first)."""
    owner = {i: d.id for d in drafts for i in d.members}
    found: dict[tuple[str, str], Found] = {}
    for finder in (_numbers, _dates, _opposites, _denials, _descriptions):
        for item in finder(statements, vectors, owner, name_of):
            pair = (min(item.a, item.b), max(item.a, item.b))
            if item.a != item.b and pair not in found:
                found[pair] = item
    return [found[k] for k in sorted(found)]


# --------------------------------------------------------------------------- numbers


def _day(value: str | None) -> date | None:
    if not value or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return None
    return date.fromisoformat(value)


def compatible_figures(a: float, qa: str | None, b: float, qb: str | None) -> bool:
    """Whether two figures can both be right given their qualifiers."""
    if a == b:
        return True
    for x, qx, y in ((a, qa, b), (b, qb, a)):
        if qx == "at least" and y >= x:
            return True
        if qx == "more than" and y > x:
            return True
        if qx in {"at most", "less than"} and y <= x:
            return True
        if qx == "about" and abs(x - y) <= 0.15 * max(x, y):
            return True
    return False


def _figure(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _local_place(anchor: str, name_of: Callable[[str], str]) -> bool:
    """A place below country level: a toll "in the United States" or "in Syria" may be any
    of many events, a toll in one district is one event's."""
    from ..annotate.gazetteer import load_countries

    return anchor.startswith("p_") and load_countries().country_code(name_of(anchor)) is None


def figure_index(statements: Sequence[Statement], name_of: Callable[[str], str]
                 ) -> dict[tuple[str, str], list[int]]:
    """(quantity kind, local place) -> the dated statements giving one figure of that kind
    there: the blocking of the ``number`` finder, also read by the vector selection."""
    index: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, st in enumerate(statements):
        kinds = [q.kind for q in st.quantities]
        if _day(st.published) is None:
            continue  # without a date, two figures may be a toll and its later update
        for q in st.quantities:
            if kinds.count(q.kind) != 1:
                continue
            for anchor in st.places | st.context:
                if _local_place(anchor, name_of):
                    index[(q.kind, anchor)].append(i)
    return index


#: Statements of one bucket of :func:`figure_index` that each statement is compared with at
#: most: the next ones in order of publication day. A bucket is one kind of figure in one
#: place; crafted articles (or a very long war in one town) can fill one with thousands of
#: statements in one week, and every pair of them was compared. No bucket of the shared dev
#: corpora comes near it.
MAX_FIGURE_PEERS = 200


def figure_pairs(members: Sequence[int], statements: Sequence[Statement]
                 ) -> list[tuple[int, int]]:
    """The pairs ``(i, j)``, ``i < j``, of one bucket of :func:`figure_index` published at
    most :data:`NUMBER_WINDOW_DAYS` apart, in the order of ``combinations(members, 2)``:
    every such pair when each statement has at most :data:`MAX_FIGURE_PEERS` of them after
    it in (day, index) order, else the nearest that many. Pairs further apart were skipped
    by both readers anyway, so only the cap can leave a pair out, and the work is at most
    the bucket's size times the cap."""
    days = {i: _day(statements[i].published) or date.min for i in members}
    by_day = sorted(members, key=lambda i: (days[i], i))
    pairs: list[tuple[int, int]] = []
    for k, i in enumerate(by_day):
        for j in by_day[k + 1:k + 1 + MAX_FIGURE_PEERS]:
            if (days[j] - days[i]).days > NUMBER_WINDOW_DAYS:
                break
            pairs.append((min(i, j), max(i, j)))
    pairs.sort()  # the members are in statement order, so this is the order of combinations
    return pairs


#: Statements of one bucket of the date, opposite and description finders that each
#: statement is compared with at most: the next ones in statement order. Their buckets are
#: one named actor (with one object, one place or as the one described), which thousands
#: of crafted articles, or a corpus that is about one person, can fill.
MAX_BUCKET_PEERS = 200


def bucket_pairs(members: Sequence[int]) -> list[tuple[int, int]]:
    """The pairs of ``combinations(members, 2)`` (``members`` in increasing order), but
    for each member only the next :data:`MAX_BUCKET_PEERS` members: the work is at most the
    bucket's size times the cap, and a bucket within the cap gives every pair, in order."""
    return [(i, j) for k, i in enumerate(members)
            for j in members[k + 1:k + 1 + MAX_BUCKET_PEERS]]


def _numbers(statements: Sequence[Statement], vectors: np.ndarray, owner: Mapping[int, str],
             name_of: Callable[[str], str]) -> list[Found]:
    index = figure_index(statements, name_of)
    out: list[Found] = []
    # A pair in several buckets is compared in the first (in this order) only. Which bucket
    # that is follows from the two statements' own keys, so no set of the pairs seen is kept
    # (it grew with the square of the largest bucket).
    keys_of: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for key in sorted(index):
        for i in index[key]:
            keys_of[i].append(key)
    for (kind, anchor), members in sorted(index.items()):
        for i, j in figure_pairs(members, statements):
            if owner[i] == owner[j] or _first_shared(keys_of[i], keys_of[j]) != (kind, anchor):
                continue
            a, b = statements[i], statements[j]
            qa = next(q for q in a.quantities if q.kind == kind)
            qb = next(q for q in b.quantities if q.kind == kind)
            if compatible_figures(qa.value, qa.qualifier, qb.value, qb.qualifier):
                continue
            if a.asserter == b.asserter or a.same_source(b):
                continue  # one source's later figure is an update
            da, db = _day(a.published), _day(b.published)
            if da is None or db is None or abs((da - db).days) > NUMBER_WINDOW_DAYS:
                continue
            if float(vectors[i] @ vectors[j]) < NUMBER_SIMILARITY:
                continue
            explanation = (
                f"{kind} in {name_of(anchor)}: {qa.text} ({a.source_label}) vs {qb.text} "
                f"({b.source_label})"
            )
            out.append(Found("number", owner[i], owner[j], (i,), (j,), _figure(qa.value),
                             _figure(qb.value), explanation))
    return out


def _first_shared(a: list[tuple[str, str]], b: list[tuple[str, str]]) -> tuple[str, str]:
    """The first key (both lists sorted) that ``a`` and ``b`` share; they share one."""
    return a[0] if len(a) == 1 else min(set(a).intersection(b))


# --------------------------------------------------------------------------- dates

#: Predicate classes of events that happen once to their object (a city is captured once in
#: a week), so two days for them are a contradiction rather than two events.
ONCE_CLASSES = frozenset({"capture"})
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _dates(statements: Sequence[Statement], vectors: np.ndarray, owner: Mapping[int, str],
           name_of: Callable[[str], str]) -> list[Found]:
    index: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    for i, st in enumerate(statements):
        days = [d for d in st.dates if _DAY.fullmatch(d)]
        if len(days) != 1 or not (st.subject and st.subject.startswith("e_")):
            continue
        for cls in st.classes & ONCE_CLASSES:
            for place in st.places:
                if st.object_key == place:
                    index[(cls, st.subject, place)].append(i)
    out: list[Found] = []
    for (cls, subject, place), members in sorted(index.items()):
        for i, j in bucket_pairs(members):
            a, b = statements[i], statements[j]
            if owner[i] == owner[j] or a.same_source(b) or a.negated or b.negated:
                continue
            day_a = next(d for d in a.dates if _DAY.fullmatch(d))
            day_b = next(d for d in b.dates if _DAY.fullmatch(d))
            if day_a == day_b:
                continue
            explanation = (f"{name_of(subject)} {cls} {name_of(place)}: on {day_a} "
                           f"({a.source_label}) vs on {day_b} ({b.source_label})")
            out.append(Found("date", owner[i], owner[j], (i,), (j,), day_a, day_b, explanation))
    return out


# --------------------------------------------------------------------------- predicates


def _same_object(a: Statement, b: Statement) -> bool:
    if a.object_key and a.object_key == b.object_key:
        return True
    if a.object_head and a.object_head == b.object_head:
        return True
    groups = description_markers().object_groups
    ka, kb = a.object_head or "", b.object_head or ""
    return ka in groups and groups.get(ka) == groups.get(kb)


def _object_keys(st: Statement) -> list[tuple[str, object]]:
    """Keys two statements share exactly when :func:`_same_object` holds for them."""
    keys: list[tuple[str, object]] = []
    if st.object_key:
        keys.append(("key", st.object_key))
    if st.object_head:
        keys.append(("head", st.object_head))
        group = description_markers().object_groups.get(st.object_head)
        if group is not None:
            keys.append(("group", group))
    return keys


def _same_object_pairs(statements: Sequence[Statement], members: Sequence[int]
                       ) -> list[tuple[int, int]]:
    """The pairs of one subject's statements with the same object, in the order of
    ``combinations(members, 2)``: found per object key (:func:`bucket_pairs`, so within
    its cap), not by testing every pair of the subject's statements."""
    by_object: dict[tuple[str, object], list[int]] = defaultdict(list)
    for i in members:
        for key in _object_keys(statements[i]):
            by_object[key].append(i)
    return sorted({pair for same in by_object.values() for pair in bucket_pairs(same)})


def _opposites(statements: Sequence[Statement], vectors: np.ndarray, owner: Mapping[int, str],
               name_of: Callable[[str], str]) -> list[Found]:
    lexicon = predicate_lexicon()
    index: dict[str, list[int]] = defaultdict(list)
    for i, st in enumerate(statements):
        if st.subject and st.subject.startswith("e_") and st.classes and st.denied_by is None:
            index[st.subject].append(i)
    out: list[Found] = []
    for subject, members in sorted(index.items()):
        for i, j in _same_object_pairs(statements, members):
            a, b = statements[i], statements[j]
            if owner[i] == owner[j] or a.same_source(b) or not _same_object(a, b):
                continue
            da, db = _day(a.published), _day(b.published)
            if (a.dated and b.dated and da is not None and db is not None
                    and abs((da - db).days) > OPPOSITE_WINDOW_DAYS):
                continue  # two acts a month apart may both be true: won one vote, lost the next
            pair = None
            if a.negated == b.negated:
                pair = lexicon.opposite(a.classes, b.classes)
            elif a.predicate == b.predicate:
                pair = ("not " if a.negated else "") + a.predicate, (
                    "not " if b.negated else "") + b.predicate
            if pair is None:
                continue
            words_a = _verb_phrase(a)
            words_b = _verb_phrase(b)
            explanation = (
                f"{name_of(subject)}: {words_a} ({a.source_label}) vs {words_b} ({b.source_label})"
            )
            out.append(Found("opposite", owner[i], owner[j], (i,), (j,), pair[0], pair[1],
                             explanation))
    return out


def _verb_phrase(st: Statement) -> str:
    verb = ("tried to " if st.attempted else "") + ("not " if st.negated else "") + st.predicate
    return f"{verb} {st.object_text}" if st.object_text else verb


# --------------------------------------------------------------------------- denials


def _denials(statements: Sequence[Statement], vectors: np.ndarray, owner: Mapping[int, str],
             name_of: Callable[[str], str]) -> list[Found]:
    denied = [i for i, st in enumerate(statements) if st.denied_by is not None]
    if not denied:
        return []
    asserted = np.array([st.denied_by is None and st.description_of is None
                         for st in statements])
    # An article that reports a claim together with its denial is not the claim's source.
    denials_in: dict[str, list[int]] = defaultdict(list)
    for i in denied:
        denials_in[statements[i].article].append(i)
    out: list[Found] = []
    for i in denied:
        if (statements[i].denied_by or "") in _PRONOUNS:
            continue  # ``he denied ...`` with no name to show for who denies
        sims = vectors @ vectors[i]
        sims[~asserted] = -1.0
        for j in np.argsort(-sims)[:DENIAL_CANDIDATES].tolist():
            if sims[j] < DENIAL_SIMILARITY:
                break
            a, b = statements[i], statements[j]
            if a.article == b.article:
                # One article reporting a claim and its denial: the claim must be someone
                # else's and in another sentence (``X said A, which Y denies`` reports the
                # dispute in one breath and is left to the other articles).
                if _overlaps(a.evidence, b.evidence) or b.speaker == a.denied_by:
                    continue
            elif any(float(vectors[k] @ vectors[j]) >= DENIAL_SIMILARITY
                     for k in denials_in[b.article]):
                continue  # that article reports the claim with its denial: not the claim's
            if not _same_topic(a, b) or not _same_act(a, b):
                continue
            who = name_of(a.denied_by or "")
            said = f"{b.speaker_text} says ({b.source_label})" if b.speaker_text else (
                f"{b.source_label} reports")
            explanation = f"{who} denies what {said}"
            out.append(Found("denial", owner[j], owner[i], (j,), (i,), "asserted", "denied",
                             explanation, a.denied_by))
            break
    return out


_DENIAL_CLASSES = frozenset({"deny", "block"})
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "who", "which"})


def _overlaps(a: Evidence, b: Evidence) -> bool:
    return a.article == b.article and a.start < b.end and b.start < a.end


def _same_act(denial: Statement, claim: Statement) -> bool:
    """The claim states the act that is denied: its verb is in the denied words (``ordered``
    for ``denied that officials ordered ...``), and it is not itself a refusal or a denial
    (``continues to deny any wrongdoing``), which would be agreeing with the denier."""
    if claim.negated or claim.classes & _DENIAL_CLASSES or claim.description_of:
        return False
    stem = claim.predicate[:5]
    return bool(stem) and stem in _word_starts(denial.text)


@lru_cache(maxsize=4096)
def _word_starts(text: str) -> frozenset[str]:
    """The first one to five letters of each word of ``text``: a verb stem (at most five
    letters) begins one of its words exactly when it is one of these. Kept per text: the
    vector selection asks it of one denial for each of its candidate claims."""
    return frozenset(w[:k] for w in re.findall(r"[a-z]+", text.casefold())
                     for k in range(1, min(len(w), 5) + 1))


def _same_topic(denial: Statement, claim: Statement) -> bool:
    """The denial and the claim have the same named subject, or share two named things
    besides the one denying."""
    if denial.subject and denial.subject.startswith("e_") and denial.subject == claim.subject:
        return True
    shared = (denial.entities | denial.places) & (claim.entities | claim.places)
    return len(shared - {denial.denied_by}) >= 2


# --------------------------------------------------------------------------- descriptions


def _stems(text: str) -> set[str]:
    words = re.findall(r"[a-z]+", text.casefold())
    return {w[:6] for w in words if w not in _GENERIC and len(w) > 2}


def _descriptions(statements: Sequence[Statement], vectors: np.ndarray,
                  owner: Mapping[int, str], name_of: Callable[[str], str]) -> list[Found]:
    markers = description_markers()
    index: dict[str, list[int]] = defaultdict(list)
    for i, st in enumerate(statements):
        if st.description_of:
            index[st.description_of].append(i)
    out: list[Found] = []
    for entity, members in sorted(index.items()):
        target_words = _stems(name_of(entity))
        for i, j in bucket_pairs(members):
            a, b = statements[i], statements[j]
            if owner[i] == owner[j] or a.same_source(b):
                continue
            da, db = a.object_text or "", b.object_text or ""
            shared_parties = (a.entities & b.entities) - {entity}
            wa = set(re.findall(r"[a-z]+", da.casefold()))
            wb = set(re.findall(r"[a-z]+", db.casefold()))
            shared = (_stems(da) & _stems(db)) - target_words
            if not shared_parties or not shared:
                continue
            past_a, past_b = bool(wa & markers.past), bool(wb & markers.past)
            polar = any(
                (f"{p}" in wa and f"{q}" in wb) or (f"{q}" in wa and f"{p}" in wb)
                for p, q in markers.polar
            )
            if past_a == past_b and not polar:
                continue
            explanation = (f"{name_of(entity)} is described as “{da}” ({a.source_label}) "
                           f"and as “{db}” ({b.source_label})")
            out.append(Found("description", owner[i], owner[j], (i,), (j,), da, db,
                             explanation))
    return out
