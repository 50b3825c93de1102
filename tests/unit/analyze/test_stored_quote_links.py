"""Quote links kept in the store: an add links its quotes as a search of all pairs would,
searching only the pairs with a quote the store does not hold."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import sitroom.analyze.provenance as provenance
from sitroom.analyze.provenance import link_quotes
from sitroom.types import Quote


class Memo:
    """The store's memo table, in memory."""

    def __init__(self) -> None:
        self.entries: dict[str, dict[str, str]] = defaultdict(dict)

    def memo_entries(self, namespace: str) -> dict[str, str]:
        return dict(self.entries[namespace])

    def add_memo_entries(self, namespace: str, rows: Sequence[tuple[str, str]]) -> None:
        for key, value in rows:
            self.entries[namespace].setdefault(key, value)

    def keep_memo_entries(self, namespace: str, keys: Sequence[str]) -> None:
        kept = set(keys)
        self.entries[namespace] = {k: v for k, v in self.entries[namespace].items()
                                   if k in kept}


def quote(article: str, text: str, speaker: str | None = None, start: int = 0) -> Quote:
    return Quote(f"q_{article}_{start}", article, speaker, None, text, False, "said", start,
                 start + len(text))


def links(quotes: Sequence[Quote], memo: Memo | None = None) -> list[tuple[str, ...]]:
    return [q.also_in for q in link_quotes([], quotes, memo)]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 5), st.lists(st.integers(0, 40), min_size=1,
                                                       max_size=12),
                          st.sampled_from([None, "e_a", "e_b"]), st.booleans()),
                min_size=2, max_size=60),
       st.data())
def test_an_add_links_as_a_build_from_scratch_does(
    drawn: list[tuple[int, list[int], str | None, bool]], data: st.DataObject
) -> None:
    vocabulary = [f"word{n:02d}x" for n in range(41)]
    quotes = [quote(f"art{article}", " ".join(vocabulary[w] for w in ws), speaker, start=i)
              for i, (article, ws, speaker, _moved) in enumerate(drawn)]
    first = data.draw(st.integers(0, len(quotes)))
    memo = Memo()
    link_quotes([], quotes[:first], memo)
    # An add can also move an old quote's speaker (a new spelling merges two entities).
    now = [quote(q.article, q.text, "e_c" if moved and i < first else q.speaker, q.start)
           for i, (q, (_a, _w, _s, moved)) in enumerate(zip(quotes, drawn, strict=True))]
    assert links(now, memo) == links(now)
    # ... and a build with nothing new links them the same way again.
    assert links(now, memo) == links(now)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 5), st.lists(st.integers(0, 12), min_size=1,
                                                       max_size=8),
                          st.sampled_from([None, "e_a"])),
                min_size=4, max_size=40),
       st.data())
def test_an_add_links_as_a_build_from_scratch_does_when_words_cross_the_bar(
    drawn: list[tuple[int, list[int], str | None]], data: st.DataObject,
) -> None:
    vocabulary = [f"word{n:02d}x" for n in range(13)]
    quotes = [quote(f"art{article}", " ".join(vocabulary[w] for w in ws), speaker, start=i)
              for i, (article, ws, speaker) in enumerate(drawn)]
    first = data.draw(st.integers(1, len(quotes)))
    memo = Memo()
    with pytest.MonkeyPatch.context() as patched:
        # A bar of a fifth of the quotes from 2 up: with a small vocabulary many words are
        # counted in the first build and left out after the add, or the reverse.
        patched.setattr(provenance, "MIN_QUOTES_PER_WORD", 2)
        link_quotes([], quotes[:first], memo)
        assert links(quotes, memo) == links(quotes)
        assert links(quotes, memo) == links(quotes)


def test_an_add_searches_only_the_pairs_with_a_new_quote(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    said = "The bridge over the river will reopen to traffic next week"
    quotes = [quote("a", said), quote("b", said), quote("c", "Nothing else was said today")]
    memo = Memo()
    assert links(quotes[:2], memo) == [("b",), ("a",)]

    def no_full_search(*_args: object) -> object:
        raise AssertionError("every pair was searched again")

    monkeypatch.setattr(provenance, "_shared_word_blocks", no_full_search)
    grown = [*quotes, quote("d", said + " again")]
    assert links(grown, memo) == [("b", "d"), ("a", "d"), (), ("a", "b")]


def test_a_word_that_becomes_counted_links_old_quotes_anew(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # "common" is in 55 of 260 quotes, more than a fifth (52): it is not counted, and the
    # two quotes that share it and three more words stay apart (3 of 4 words shared).
    # Twenty new quotes raise the bar to 56: now it counts, and they are linked.
    pair = [quote("a", "alpha bravo charlie common"), quote("b", "alpha bravo charlie common")]
    holders = [quote(f"h{n}", f"common zq{n}one zq{n}two zq{n}three") for n in range(53)]
    others = [quote(f"o{n}", f"zr{n}one zr{n}two zr{n}three") for n in range(205)]
    added = [quote(f"n{n}", f"zs{n}one zs{n}two") for n in range(20)]
    old = pair + holders + others
    assert len(old) == 260
    memo = Memo()
    assert links(old, memo)[:2] == [(), ()]
    grown = old + added
    searched: list[int] = []
    pairs_with = provenance._pairs_with

    def counting(index: provenance.WordIndex, among: object) -> object:
        searched.append(len(among))  # type: ignore[arg-type]
        return pairs_with(index, among)  # type: ignore[arg-type]

    def no_full_search(*_args: object) -> object:
        raise AssertionError("every pair was searched again")

    with monkeypatch.context() as patched:
        patched.setattr(provenance, "_shared_word_blocks", no_full_search)
        patched.setattr(provenance, "_pairs_with", counting)
        assert links(grown, memo)[:2] == [("b",), ("a",)]
    # Searched again: the 20 new quotes and the 55 holding the word that now counts.
    assert searched == [75]
    assert links(grown, memo) == links(grown)


def test_key_pairs_become_every_pair_of_their_quotes() -> None:
    """Quotes sharing a key (one statement said twice in an article) each take the key's
    links: the pairs are every quote of one key with every quote of the other."""
    import numpy as np

    from sitroom.analyze.stored_quote_links import _quote_pairs

    rng = np.random.default_rng(2)
    for _ in range(200):
        keys = int(rng.integers(2, 8))
        key_of = np.concatenate((np.arange(keys), rng.integers(0, keys, int(rng.integers(0, 6)))))
        rng.shuffle(key_of)
        chosen = sorted({(int(a), int(b)) for a, b in rng.integers(0, keys, (5, 2)) if a < b})
        low = np.array([a for a, _ in chosen], dtype=np.int64)
        high = np.array([b for _, b in chosen], dtype=np.int64)
        i, j = _quote_pairs(low, high, key_of)
        expected = sorted((min(x, y), max(x, y)) for a, b in chosen
                          for x in np.flatnonzero(key_of == a).tolist()
                          for y in np.flatnonzero(key_of == b).tolist())
        assert sorted(zip(i.tolist(), j.tolist(), strict=True)) == expected
