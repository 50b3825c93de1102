"""The quote links of the last build, kept in the store, so an add searches only new pairs.

Linking quotes compares every quote with every other that shares a rare word: about 15 CPU
seconds of a build that adds 20 articles to 2,000, all but a sliver of it spent again on
pairs of quotes the store already held. Whether two quotes are linked
(:func:`~sitroom.analyze.provenance.linked_pairs`) depends on nothing but:

- each quote's article, text (its content words) and resolved speaker;
- which of their words are counted: a word found in very many quotes is left out, and
  how many that is moves with the corpus.

So the store keeps, under a digest of sitroom's code, one entry: the key of each distinct
quote (a digest of its article, text and speaker), the linked pairs among them, and the
words left out. A build with the entry links two quotes whose keys it holds as it says,
unless one of them holds a word that has gone from counted to left out or back (the corpus
grew past a word's bar); it searches only the pairs with a quote it does not hold (a new
article's, or an old one whose speaker moved) or with such a moved quote. Without an entry it
searches all pairs. Either way the links are the ones a search of all pairs finds, and the
entry is replaced by this build's.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ..stored_memo import MemoStore, namespace
from ..types import Quote
from .distinct_codes import sorted_distinct
from .provenance import WordIndex, linked_pairs, word_index

#: The memo's name (its namespace adds the code's digest).
NAME = "quote_links"
#: Hex digits of a quote's key: 64 bits, so two distinct quotes of a corpus never share one.
_KEY_DIGITS = 16


@dataclass(frozen=True, slots=True)
class StoredLinks:
    """One build's links: ``keys`` of its distinct quotes, ``pairs`` of positions in
    ``keys`` (``i < j``, as one ``i * len(keys) + j`` each, sorted), the words it left out."""

    keys: tuple[str, ...]
    pairs: np.ndarray
    uncounted: frozenset[str]


def quote_key(quote: Quote) -> str:
    """A digest of what the link rule reads of a quote: its article, text and speaker.
    Joined with NUL (no article id or entity id holds one; the text, which may, comes
    last), ``-`` marking no speaker: unambiguous, and a fifth of a JSON encoding's cost."""
    speaker = "-" if quote.speaker is None else "=" + quote.speaker
    text = f"{quote.article}\x00{speaker}\x00{quote.text}"
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"),
                           digest_size=_KEY_DIGITS // 2).hexdigest()


def remembered_pairs(
    memo: MemoStore, quotes: Sequence[Quote], words: Sequence[frozenset[str]]
) -> tuple[np.ndarray, np.ndarray]:
    """The pairs :func:`~sitroom.analyze.provenance.linked_pairs` finds among ``quotes``
    (``words``: their content words), as arrays ``(i, j)`` with ``i < j``, searched only
    where the stored links of the last build cannot say; this build's links replace them."""
    from ..fingerprint import code_digest

    index = word_index(quotes, words)
    keys = [quote_key(q) for q in quotes]
    distinct = list(dict.fromkeys(keys))
    position = {key: n for n, key in enumerate(distinct)}
    # Quotes of one key are one quote to the rule (same article, words and speaker): the
    # links are found and kept between distinct quotes, by their positions in ``distinct``.
    key_of = np.array([position[key] for key in keys], dtype=np.int64)
    size = max(len(distinct), 1)
    name_space = namespace(NAME, code_digest())
    before = _read(memo, name_space)
    if before is None:
        codes = _codes(linked_pairs(index), key_of, size)
    else:
        unsure = _unsure_keys(before, keys, words, index)
        fresh = np.array([i for i, key in enumerate(keys) if key in unsure], dtype=np.int64)
        codes = sorted_distinct(np.concatenate((
            _codes(linked_pairs(index, fresh), key_of, size),
            _kept(before, position, size, unsure))))
    _write(memo, name_space, StoredLinks(tuple(distinct), codes, index.uncounted))
    return _quote_pairs(codes // size, codes % size, key_of)


def _quote_pairs(low: np.ndarray, high: np.ndarray, key_of: np.ndarray
                 ) -> tuple[np.ndarray, np.ndarray]:
    """Pairs of keys as the pairs ``(i, j)``, ``i < j``, of the quotes holding them: every
    quote of one key with every quote of the other (nearly always one each)."""
    order = np.argsort(key_of, kind="stable")  # quotes grouped by key, in their order
    count = np.bincount(key_of)
    first = np.cumsum(count) - count  # where each key's quotes start in ``order``
    each = count[low] * count[high]  # quote pairs per key pair
    pair = np.repeat(np.arange(len(low)), each)
    within = np.arange(len(pair)) - np.repeat(np.cumsum(each) - each, each)
    i = order[first[low[pair]] + within // count[high[pair]]]
    j = order[first[high[pair]] + within % count[high[pair]]]
    return np.minimum(i, j), np.maximum(i, j)


def _codes(pairs: tuple[np.ndarray, np.ndarray], key_of: np.ndarray, size: int
           ) -> np.ndarray:
    """Pairs of quotes as sorted, distinct codes ``a * size + b`` of their keys' positions,
    ``a < b``."""
    a, b = key_of[pairs[0]], key_of[pairs[1]]
    return sorted_distinct(np.minimum(a, b) * size + np.maximum(a, b))


def _unsure_keys(before: StoredLinks, keys: Sequence[str], words: Sequence[frozenset[str]],
                 index: WordIndex) -> set[str]:
    """The keys of quotes whose links the stored entry cannot give: quotes it does not hold,
    and quotes holding a word that is counted now and was not, or the reverse. Whether two
    quotes link reads nothing but their own counted words, sizes and speakers (a quote's key
    fixes those but the counting), so the stored verdict on a pair of other quotes stands."""
    held = set(before.keys)
    moved = before.uncounted ^ index.uncounted
    return {key for i, key in enumerate(keys)
            if key not in held or (moved and not moved.isdisjoint(words[i]))}


def _kept(before: StoredLinks, position: dict[str, int], size: int,
          unsure: set[str]) -> np.ndarray:
    """The stored pairs whose two quotes are both still there and neither ``unsure``, as
    codes of this build's positions (sorted, distinct)."""
    old_size = max(len(before.keys), 1)
    now = np.array([-1 if key in unsure else position.get(key, -1) for key in before.keys]
                   or [-1], dtype=np.int64)
    a, b = now[before.pairs // old_size], now[before.pairs % old_size]
    there = (a >= 0) & (b >= 0)
    a, b = a[there], b[there]
    return sorted_distinct(np.minimum(a, b) * size + np.maximum(a, b))


def encode_links(links: StoredLinks) -> str:
    """``links`` as one string: the keys run together, the pairs as base64 of int64."""
    return json.dumps({
        "keys": "".join(links.keys),
        "pairs": base64.b64encode(links.pairs.astype("<i8").tobytes()).decode("ascii"),
        "uncounted": sorted(links.uncounted),
    }, ensure_ascii=False, separators=(",", ":"))


def decode_links(value: str) -> StoredLinks:
    """The :class:`StoredLinks` :func:`encode_links` wrote."""
    data = json.loads(value)
    joined: str = data["keys"]
    keys = tuple(joined[i:i + _KEY_DIGITS] for i in range(0, len(joined), _KEY_DIGITS))
    pairs = np.frombuffer(base64.b64decode(data["pairs"]), dtype="<i8").astype(np.int64)
    return StoredLinks(keys, pairs, frozenset(data["uncounted"]))


def _read(memo: MemoStore, name_space: str) -> StoredLinks | None:
    entries = memo.memo_entries(name_space)
    if len(entries) != 1:  # none yet, or a build that stopped between writing and pruning
        return None
    (value,) = entries.values()
    return decode_links(value)


def _write(memo: MemoStore, name_space: str, links: StoredLinks) -> None:
    """Store ``links`` under a digest of themselves and drop the entry they replace."""
    value = encode_links(links)
    key = hashlib.sha256(value.encode("utf-8")).hexdigest()
    memo.add_memo_entries(name_space, [(key, value)])
    keep = getattr(memo, "keep_memo_entries", None)
    if callable(keep):
        keep(name_space, [key])
