"""The pairs of event mentions the merge joins, found and scored for all pairs at once.

The merge (:func:`~sitroom.analyze.events._merge`) walks the mentions in time order and
compares each with the last :data:`~sitroom.analyze.events.MAX_PEERS` earlier mentions of its
block under each of its index keys, skipping a peer met under an earlier key. Which pairs it
meets, and in which order, does not depend on what it has merged so far; nor does a pair's
score (:func:`~sitroom.analyze.events.pair_score` reads the two mentions alone). Only whether
a pair that scores high enough still joins two groups does (their days and towns). So the
pairs are found here with array operations, in the merge's order, and scored the same way
(the scores are sums of halves, exact in floating point), and the merge replays only those
that score enough: about three million Python calls of ``pair_score`` at 2,000 articles,
most of the merge's time, become a few passes over arrays.
"""

from __future__ import annotations

import base64
import json
from array import array
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from .distinct_codes import sorted_distinct

if TYPE_CHECKING:
    from .events import _Resolved

#: Candidate pairs scored in one pass (bounds the arrays' memory).
_CHUNK = 500_000


def _array(values: array[int], dtype: type = np.int64) -> np.ndarray:
    """A numpy copy of an ``array`` of int32 (``i``) or int8 (``b``) values."""
    return np.frombuffer(values, dtype=np.int32 if values.typecode == "i" else np.int8
                         ).astype(dtype)


class _Sets:
    """A small set of codes per mention, to ask whether two mentions' sets meet."""

    def __init__(self, sizes: array[int], values: array[int]) -> None:
        self.sizes = _array(sizes)
        self.starts = np.concatenate(([0], np.cumsum(self.sizes)[:-1])).astype(np.int64)
        self.values = _array(values)
        self.width = int(self.values.max()) + 1 if len(self.values) else 1
        owners = np.repeat(np.arange(len(self.sizes), dtype=np.int64), self.sizes)
        self.members = sorted_distinct(owners * self.width + self.values)

    def meet(self, left: np.ndarray, right: np.ndarray) -> np.ndarray:
        """Per pair, whether some value of ``left``'s set is in ``right``'s."""
        counts = self.sizes[left]
        pair = np.repeat(np.arange(len(left), dtype=np.int64), counts)
        if not len(pair):
            return np.zeros(len(left), dtype=bool)
        # each value of the left mention's set, in turn
        within = np.arange(len(pair), dtype=np.int64) - np.repeat(
            np.cumsum(counts) - counts, counts)
        values = self.values[self.starts[left][pair] + within]
        wanted = right[pair] * self.width + values
        found = np.searchsorted(self.members, wanted)
        found = np.minimum(found, max(len(self.members) - 1, 0))
        hit = self.members[found] == wanted if len(self.members) else np.zeros(
            len(wanted), dtype=bool)
        return np.bincount(pair, weights=hit, minlength=len(left)) > 0


class MentionTable:
    """What the merge reads of each event mention, as a few machine ints per mention.

    Filled an article at a time (:meth:`extend`) while the corpus is resolved, so the merge
    never needs the resolved mentions themselves: at thousands of articles those are most
    of what the events step holds (each with its clause, spans and names as Python objects),
    and they stay on disk until their event is made. Each text value (trigger, entity,
    place, date, name key, article, publication date) is a small code, equal for equal
    values of one kind (the kind keeps a date from meeting a place)."""

    def __init__(self) -> None:
        self._codes: dict[tuple[str, str], int] = {}
        #: the article id of each article code, in the order the articles were met
        self.article_ids: list[str] = []
        self._article_code: dict[str, int] = {}
        self.article = array("i")
        self.published = array("i")
        self.trigger_start = array("i")
        self.kind = array("i")
        self.refers_back = array("b")
        self.block = array("i")
        self.dated = array("b")
        self.first = array("i")
        self.last = array("i")
        self.explicit = array("b")
        self.date = array("i")
        self.trigger = array("i")
        self.place = array("i")
        self.untyped = array("b")
        # Sets of codes per mention: their sizes, and their values back to back.
        self.key_sizes, self.keys = array("i"), array("i")
        self.actor_sizes, self.actors = array("i"), array("i")
        self.target_sizes, self.targets = array("i"), array("i")
        self.name_sizes, self.names = array("i"), array("i")

    def __len__(self) -> int:
        return len(self.article)

    def code(self, kind: str, value: str) -> int:
        """The code of ``value`` among values of ``kind``."""
        return self._codes.setdefault((kind, value), len(self._codes))

    def values(self, kind: str) -> dict[int, str]:
        """Code -> value of every value of ``kind`` met."""
        return {code: value for (of, value), code in self._codes.items() if of == kind}

    def add(self, item: _Resolved) -> None:
        """Note one resolved mention (the next number)."""
        self.extend(item.mention.article, article_rows([item]))

    def extend(self, article_id: str, rows: ArticleRows) -> None:
        """Note an article's mentions from their :func:`article_rows` (the next numbers):
        each value the article names is coded once, and each column goes in as a whole."""
        count = rows.count
        if not count:
            return
        code = self.code
        # A missing value, written -1 in the rows, reads the last entry: -1.
        local = np.array([code(kind, value) for kind, value in rows.vocabulary] + [-1],
                         dtype=np.int64)
        article = self._article_code.get(article_id)
        if article is None:
            article = self._article_code[article_id] = len(self.article_ids)
            self.article_ids.append(article_id)
        (trigger_start, published, kind, refers_back, block, dated, first, last, explicit,
         date, trigger, place) = rows.ints[:_COLUMNS * count].reshape(_COLUMNS, count)
        self.article.extend(array("i", (article,)) * count)
        for column, values in ((self.published, local[published]),
                               (self.trigger_start, trigger_start), (self.kind, local[kind]),
                               (self.refers_back, refers_back), (self.block, local[block]),
                               (self.dated, dated), (self.first, first), (self.last, last),
                               (self.explicit, explicit), (self.date, local[date]),
                               (self.trigger, local[trigger]), (self.place, local[place])):
            _append(column, values)
        other = self._codes.get(("type", "other"))  # None: no mention so far is untyped
        _append(self.untyped, local[kind] == (-2 if other is None else other))
        at = (_COLUMNS + _SETS) * count
        sizes = rows.ints[_COLUMNS * count:at].reshape(_SETS, count)
        for counts, (size_column, value_column) in zip(sizes, (
                (self.key_sizes, self.keys), (self.actor_sizes, self.actors),
                (self.target_sizes, self.targets), (self.name_sizes, self.names)),
                strict=True):
            end = at + int(counts.sum())
            _append(size_column, counts)
            _append(value_column, local[rows.ints[at:end]])
            at = end

    def order(self) -> np.ndarray:
        """The mentions by (publication date, article id, trigger offset), ties in their
        numbers' order: the merge's walk."""
        return np.lexsort((_array(self.trigger_start), _ranks(self.article_ids, self.article),
                           _ranks(self.values("published"), self.published)))


#: Columns of one int per mention in :class:`ArticleRows`, and sets per mention.
_COLUMNS, _SETS = 12, 4


@dataclass(frozen=True, slots=True)
class ArticleRows:
    """What :meth:`MentionTable.extend` reads of an article's mentions (kept in the store
    between builds: :func:`encode_rows`): the ``(kind, value)`` texts they name, and
    ``ints``: twelve columns of one int per mention (``trigger_start``, then positions
    among those texts, -1 for none, and flags and day numbers), the sizes of four sets per
    mention (index keys, actors, targets, actor name keys), then the positions of each
    set's values, set after set. Packed so that a build reads an article's rows without a
    Python object per value."""

    vocabulary: tuple[tuple[str, str], ...]
    ints: np.ndarray
    count: int


def article_rows(items: Sequence[_Resolved]) -> ArticleRows:
    """The rows of one article's resolved mentions, in their order."""
    from .events import _block, _explicit_day, _keys, name_key

    vocabulary: dict[tuple[str, str], int] = {}

    def at(kind: str, value: str | None) -> int:
        return -1 if value is None else vocabulary.setdefault((kind, value), len(vocabulary))

    columns: list[list[int]] = [[] for _ in range(_COLUMNS + _SETS)]
    sets: list[list[int]] = [[] for _ in range(_SETS)]
    for item in items:
        mention = item.mention
        for column, value in zip(columns[:_COLUMNS], (
                mention.trigger_start, at("published", item.published),
                at("type", mention.type), int(bool(mention.refers_back)),
                at("block", _block(item)),
                int(item.first is not None and item.last is not None),
                item.first.toordinal() if item.first is not None else 0,
                item.last.toordinal() if item.last is not None else 0,
                int(_explicit_day(item)), at("date", item.date),
                at("trigger", mention.trigger), at("place", item.place)), strict=True):
            column.append(value)
        for n, (values, found) in enumerate(zip(sets, (
                [at("key", key) for key in _keys(item)],
                [at("entity", a) for a in item.actors],
                [at("entity", t) for t in item.targets],
                [at("name", name_key(n.text)) for n in mention.actors]), strict=True)):
            columns[_COLUMNS + n].append(len(found))
            values.extend(found)
    ints = np.array([value for column in (*columns, *sets) for value in column],
                    dtype=np.int32)
    return ArticleRows(tuple(vocabulary), ints, len(items))


def encode_rows(rows: ArticleRows) -> str:
    """``rows`` as the memo keeps them: JSON, the ints as base64 of little-endian int32."""
    packed = base64.b64encode(rows.ints.astype("<i4").tobytes()).decode("ascii")
    return json.dumps([rows.vocabulary, rows.count, packed], ensure_ascii=False,
                      separators=(",", ":"))


def decode_rows(text: str) -> ArticleRows:
    """The rows :func:`encode_rows` wrote."""
    vocabulary, count, packed = json.loads(text)
    ints = np.frombuffer(base64.b64decode(packed), dtype="<i4")
    return ArticleRows(tuple((kind, value) for kind, value in vocabulary), ints, count)


def _append(column: array[int], values: np.ndarray) -> None:
    """Append ``values`` to an ``array`` of int32 (``i``) or int8 (``b``) values."""
    column.frombytes(values.astype(np.intc if column.typecode == "i" else np.int8).tobytes())


def _ranks(names: Sequence[str] | Mapping[int, str], codes: array[int]) -> np.ndarray:
    """Each code's rank among the values its codes stand for, in string order."""
    by_code = dict(enumerate(names)) if isinstance(names, Sequence) else names
    rank = np.zeros(max(by_code, default=-1) + 1, dtype=np.int64)
    for place, code in enumerate(sorted(by_code, key=by_code.__getitem__)):
        rank[code] = place
    ranked: np.ndarray = rank[_array(codes)]
    return ranked


class PairFeatures:
    """What :func:`~sitroom.analyze.events.pair_score` reads of each mention, as arrays
    (made once per merge: both the refers-back pairs and the walk's pairs are scored on it)."""

    def __init__(self, table: MentionTable) -> None:
        self.dated = _array(table.dated, bool)
        self.first = _array(table.first)
        self.last = _array(table.last)
        self.explicit = _array(table.explicit, bool)
        self.date = _array(table.date)
        self.trigger = _array(table.trigger)
        self.place = _array(table.place)
        self.actors = _Sets(table.actor_sizes, table.actors)
        self.targets = _Sets(table.target_sizes, table.targets)
        self.names = _Sets(table.name_sizes, table.names)
        self.untyped = _array(table.untyped, bool)

    def scores(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        """``pair_score`` of each pair ``(a[k], b[k])``."""
        score = np.zeros(len(a), dtype=np.float64)
        both_day = self.explicit[a] & self.explicit[b]
        score += np.where(both_day & (self.date[a] == self.date[b]), 1.5, 0.0)
        shared_actors = self.actors.meet(a, b)
        has_actors = (self.actors.sizes[a] > 0) & (self.actors.sizes[b] > 0)
        same_trigger = self.trigger[a] == self.trigger[b]
        names_meet = shared_actors | self.names.meet(a, b)
        has_phrases = (self.names.sizes[a] > 0) & (self.names.sizes[b] > 0)
        apart = (has_actors & ~shared_actors) | (self.untyped[a] & has_phrases & ~names_meet)
        score += np.where(same_trigger, np.where(apart, 0.5, 1.5), 0.0)
        placed = (self.place[a] >= 0) & (self.place[b] >= 0)
        score += np.where(placed, np.where(self.place[a] == self.place[b], 1.5, -1.0), 0.0)
        score += np.where(names_meet, 1.0, 0.0)
        score += np.where(self.targets.meet(a, b), 1.0, 0.0)
        disjoint = (self.dated[a] & self.dated[b]) & (
            (self.last[a] < self.first[b] - 1) | (self.last[b] < self.first[a] - 1))
        return np.where(disjoint, -1.0, score)


    def at_least(self, a: np.ndarray, b: np.ndarray, bar: float) -> np.ndarray:
        """Per pair, whether ``pair_score`` is at least ``bar``: the sets (actors, names,
        targets), the costly part, are met only for the pairs that could reach ``bar``
        with every set meeting (most of the walk's pairs cannot)."""
        disjoint = (self.dated[a] & self.dated[b]) & (
            (self.last[a] < self.first[b] - 1) | (self.last[b] < self.first[a] - 1))
        most = np.where(self.explicit[a] & self.explicit[b] & (self.date[a] == self.date[b]),
                        1.5, 0.0)
        most += np.where(self.trigger[a] == self.trigger[b], 1.5, 0.0)
        placed = (self.place[a] >= 0) & (self.place[b] >= 0)
        most += np.where(placed, np.where(self.place[a] == self.place[b], 1.5, -1.0), 0.0)
        # names can meet only where both name actors (entities or phrases); targets likewise
        most += np.where(((self.actors.sizes[a] > 0) & (self.actors.sizes[b] > 0))
                         | ((self.names.sizes[a] > 0) & (self.names.sizes[b] > 0)), 1.0, 0.0)
        most += np.where((self.targets.sizes[a] > 0) & (self.targets.sizes[b] > 0), 1.0, 0.0)
        hopeful = np.flatnonzero(np.where(disjoint, -1.0, most) >= bar)
        found = np.zeros(len(a), dtype=bool)
        found[hopeful] = self.scores(a[hopeful], b[hopeful]) >= bar
        return found


def scores_at_least(features: PairFeatures, pairs: Sequence[tuple[int, int]], bar: float
                    ) -> list[bool]:
    """Per pair of mentions, whether its ``pair_score`` is at least ``bar``."""
    if not pairs:
        return []
    found = np.array(pairs, dtype=np.int64)
    return features.at_least(found[:, 0], found[:, 1], bar).tolist()  # type: ignore[no-any-return]


def merging_pairs(
    table: MentionTable,
    features: PairFeatures,
    order: np.ndarray,
    max_peers: int,
    bar: float,
) -> Iterator[tuple[int, int]]:
    """``(i, j)``: each pair the merge meets, in its order, that scores at least ``bar``.

    ``features``: the table's :class:`PairFeatures`. The merge takes mention ``i`` in
    ``order`` and, for each of its keys in turn, the last ``max_peers`` earlier entries
    under (its block, key) (oldest first), skipping a peer it met under an earlier key;
    ``i`` then joins the entries of each key (once per time the key is among its keys)."""
    key_sizes = _array(table.key_sizes)
    key_starts = np.concatenate(([0], np.cumsum(key_sizes)[:-1])).astype(np.int64)
    counts = key_sizes[order]
    # One entry per (mention, key), mentions in the walk's order, keys in their order.
    items_of = np.repeat(order.astype(np.int64), counts)
    if not len(items_of):
        return
    item_entries = np.concatenate(([0], np.cumsum(counts))).astype(np.int64)
    within = np.arange(len(items_of), dtype=np.int64) - np.repeat(item_entries[:-1], counts)
    keys = _array(table.keys)[key_starts[items_of] + within]
    del within
    width = int(keys.max()) + 1
    postings = _array(table.block)[items_of] * width + keys
    del keys
    # Each entry's place among the entries of its posting (block and key), in walk order.
    _, posting_of = np.unique(postings, return_inverse=True)
    del postings
    by_posting = np.argsort(posting_of, kind="stable")
    sizes = np.bincount(posting_of)
    starts = np.concatenate(([0], np.cumsum(sizes)[:-1])).astype(np.int64)
    position_of = np.empty(len(items_of), dtype=np.int64)
    position_of[by_posting] = np.arange(len(items_of), dtype=np.int64) - starts[
        posting_of[by_posting]]
    flat = items_of[by_posting]  # each posting's mentions in order
    del by_posting, sizes
    count = len(table)
    for low, high in _chunks(item_entries.tolist(), max_peers):
        entries = np.arange(low, high, dtype=np.int64)
        found_i: list[np.ndarray] = []
        found_j: list[np.ndarray] = []
        found_at: list[np.ndarray] = []
        for back in range(max_peers, 0, -1):  # oldest peer of the window first
            reach = entries[position_of[entries] >= back]
            found_i.append(items_of[reach])
            found_j.append(flat[starts[posting_of[reach]] + position_of[reach] - back])
            found_at.append(reach * (max_peers + 1) + (max_peers - back))
        left = np.concatenate(found_i)
        right = np.concatenate(found_j)
        at = np.concatenate(found_at)
        del found_i, found_j, found_at
        other = left != right
        left, right, at = left[other], right[other], at[other]
        # Each peer once per mention, where the merge first meets it.
        pair = left * count + right
        first = np.lexsort((at, pair))
        keep = np.ones(len(first), dtype=bool)
        keep[1:] = pair[first][1:] != pair[first][:-1]
        chosen = first[keep]
        chosen = chosen[np.argsort(at[chosen], kind="stable")]
        left, right = left[chosen], right[chosen]
        passing = features.at_least(left, right, bar)
        yield from zip(left[passing].tolist(), right[passing].tolist(), strict=True)


def _chunks(item_entries: Sequence[int], max_peers: int) -> list[tuple[int, int]]:
    """Ranges of entries, whole mentions each, of at most about ``_CHUNK`` pairs."""
    per_chunk = max(1, _CHUNK // max_peers)
    out: list[tuple[int, int]] = []
    low = 0
    for end in item_entries[1:]:
        if end - low >= per_chunk:
            out.append((low, end))
            low = end
    if item_entries[-1] > low:
        out.append((low, item_entries[-1]))
    return out
