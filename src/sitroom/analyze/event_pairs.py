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

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from .events import _Resolved

#: Candidate pairs scored in one pass (bounds the arrays' memory).
_CHUNK = 500_000


class _Sets:
    """A small set of codes per mention, to ask whether two mentions' sets meet."""

    def __init__(self, sets: Sequence[Sequence[int]]) -> None:
        self.sizes = np.array([len(s) for s in sets], dtype=np.int64)
        self.starts = np.concatenate(([0], np.cumsum(self.sizes)[:-1])).astype(np.int64)
        self.values = np.array([v for s in sets for v in s], dtype=np.int64)
        self.width = int(self.values.max()) + 1 if len(self.values) else 1
        owners = np.repeat(np.arange(len(sets), dtype=np.int64), self.sizes)
        self.members = np.unique(owners * self.width + self.values)

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


class _Features:
    """What :func:`~sitroom.analyze.events.pair_score` reads of each mention, as arrays."""

    def __init__(self, items: Sequence[_Resolved]) -> None:
        from .events import _explicit_day, name_key

        # A small integer per value, the same for equal values of one kind (the kind keeps
        # a date from meeting a place); one dict lookup each, for every mention.
        codes: dict[tuple[str, str], int] = {}
        code = codes.setdefault
        self.dated = np.array([r.first is not None and r.last is not None for r in items])
        self.first = np.array([r.first.toordinal() if r.first is not None else 0
                               for r in items], dtype=np.int64)
        self.last = np.array([r.last.toordinal() if r.last is not None else 0
                              for r in items], dtype=np.int64)
        self.explicit = np.array([_explicit_day(r) for r in items], dtype=bool)
        self.date = np.array([code(("date", r.date), len(codes)) if r.date is not None else -1
                              for r in items], dtype=np.int64)
        self.trigger = np.array([code(("trigger", r.mention.trigger), len(codes))
                                 for r in items], dtype=np.int64)
        self.place = np.array([code(("place", r.place), len(codes)) if r.place is not None
                               else -1 for r in items], dtype=np.int64)
        self.actors = _Sets([[code(("entity", a), len(codes)) for a in r.actors]
                             for r in items])
        self.targets = _Sets([[code(("entity", t), len(codes)) for t in r.targets]
                              for r in items])
        self.names = _Sets([[code(("name", name_key(n.text)), len(codes))
                             for n in r.mention.actors] for r in items])
        self.untyped = np.array([r.mention.type == "other" for r in items], dtype=bool)

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


def merging_pairs(
    items: Sequence[_Resolved],
    order: Sequence[int],
    blocks: Sequence[str],
    keys: Sequence[Sequence[str]],
    max_peers: int,
    bar: float,
) -> Iterator[tuple[int, int]]:
    """``(i, j)``: each pair the merge meets, in its order, that scores at least ``bar``.

    The merge takes mention ``i`` in ``order`` and, for each of its ``keys[i]`` in turn, the
    last ``max_peers`` earlier entries under ``(blocks[i], key)`` (oldest first), skipping a
    peer it met under an earlier key; ``i`` then joins the entries of each key (once per
    time the key is among its keys)."""
    postings: dict[tuple[str, str], int] = {}
    filled: list[int] = []
    entry_item: list[int] = []
    entry_posting: list[int] = []
    entry_position: list[int] = []
    item_entries: list[int] = []  # the first entry of each mention, in ``order``
    for i in order:
        block = blocks[i]
        item_entries.append(len(entry_item))
        for key in keys[i]:
            posting = postings.setdefault((block, key), len(postings))
            if posting == len(filled):
                filled.append(0)
            entry_item.append(i)
            entry_posting.append(posting)
            entry_position.append(filled[posting])
            filled[posting] += 1
    item_entries.append(len(entry_item))
    if not entry_item:
        return
    items_of = np.array(entry_item, dtype=np.int64)
    posting_of = np.array(entry_posting, dtype=np.int64)
    position_of = np.array(entry_position, dtype=np.int64)
    sizes = np.array(filled, dtype=np.int64)
    starts = np.concatenate(([0], np.cumsum(sizes)[:-1])).astype(np.int64)
    flat = np.empty(len(items_of), dtype=np.int64)  # each posting's mentions in order
    flat[starts[posting_of] + position_of] = items_of
    features = _Features(items)
    count = len(items)
    bounds = _chunks(item_entries, max_peers)
    for low, high in bounds:
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
        passing = features.scores(left, right) >= bar
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
