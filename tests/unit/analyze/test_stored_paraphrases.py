"""The paraphrase search on an add, against the reference a full search left: the same
statements marked as a search over every pair marks, and the same products."""

from __future__ import annotations

import random

import numpy as np

import sitroom.analyze.stored_paraphrases as stored_paraphrases
import sitroom.analyze.vector_needs as vector_needs
from sitroom.analyze.statements import Statement
from sitroom.analyze.vector_needs import needs_vector, pair_products, tfidf_parts
from sitroom.types import Evidence
from tests.unit.memo_table import MemoTable

#: Common words (in many statements) and rare ones (in a few): the IDF of the first barely
#: moves when statements are added, that of the second may move a lot.
_COMMON = ["rebels", "captured", "city", "army", "shelled", "town", "killed", "civilians",
           "troops", "seized", "government", "forces"]
_RARE = [f"place{k}" for k in range(150)] + [f"name{k}" for k in range(150)]


def _statement(article: str, start: int, text: str, subject: str) -> Statement:
    end = start + len(text)
    return Statement(
        key=(article, start, end), article=article, outlet=f"outlet {article}",
        published="2024-12-01", text=text, evidence=Evidence(article, start, end, text),
        subject=subject, subject_text=None, object_key=None, object_text=None,
        object_head=None, entities=frozenset(), places=frozenset(), classes=frozenset(),
        predicate="say", negated=False, attempted=False, quantities=(), dates=(),
        speaker=None, speaker_text=None, via=None, denied_by=None,
    )


def _articles(rng: random.Random, first: int, count: int) -> list[Statement]:
    out: list[Statement] = []
    for a in range(first, first + count):
        for s in range(rng.randint(2, 6)):
            subject = rng.choice(["e_a", "e_b", "x"])
            if out and out[-1].article == f"a{a:03d}" and rng.random() < 0.2:
                # another clause of the same sentence: the same key and text
                previous = out[-1]
                out.append(_statement(previous.article, previous.key[1], previous.text,
                                      subject))
                continue
            words = rng.sample(_COMMON, rng.randint(1, 3)) + rng.sample(_RARE, rng.randint(1, 4))
            rng.shuffle(words)
            out.append(_statement(f"a{a:03d}", 100 * s, " ".join(words) + ".", subject))
    return out


def _fresh(statements: list[Statement]) -> np.ndarray:
    return needs_vector(statements, lambda key: key)


def test_an_add_marks_what_a_full_search_marks() -> None:
    rng = random.Random(41)
    searched_again = 0
    for _ in range(6):
        memo = MemoTable()
        base = _articles(rng, 0, 120)
        assert (needs_vector(base, lambda key: key, memo) == _fresh(base)).all()
        assert len(memo.rows) == 1, "the full search left its reference"
        later = base
        for step in range(3):  # adds one after the other against one reference
            added = _articles(rng, 200 + 10 * step, rng.randint(1, 4))
            dropped = {rng.choice(later).article}  # an article whose statements went
            later = [st for st in later if st.article not in dropped] + added
            rng.shuffle(later)
            parts = tfidf_parts(later)
            assert parts is not None
            reference = stored_paraphrases.decode_reference(next(iter(memo.rows.values())))
            unsettled = stored_paraphrases.unsettled_statements(later, parts, reference)
            if unsettled.sum() <= stored_paraphrases.REMAKE_SHARE * len(later):
                searched_again += 1
            assert (needs_vector(later, lambda key: key, memo) == _fresh(later)).all()
    assert searched_again >= 6, "most adds searched only where something moved"


def test_pairs_searched_again_are_every_pair_reaching_the_threshold() -> None:
    rng = random.Random(43)
    for _ in range(6):
        base = _articles(rng, 0, 100)
        parts = tfidf_parts(base)
        assert parts is not None
        _reached, reference = stored_paraphrases.full_search(base, parts)
        later = base + _articles(rng, 500, 3)
        parts = tfidf_parts(later)
        assert parts is not None
        full = (parts.unit @ parts.unit.T).toarray()  # every pair, the same sums
        expected = {(i, j) for i in range(len(later)) for j in range(i + 1, len(later))
                    if full[i, j] >= vector_needs.LEXICAL_SIMILARITY - 1e-9}
        unsettled = stored_paraphrases.unsettled_statements(later, parts, reference)
        assert unsettled[len(base):].all(), "new statements are never settled"
        found = {(i, j) for first, second in stored_paraphrases.searched_again(
                     later, parts, reference, unsettled)
                 for i, j in zip(first.tolist(), second.tolist(), strict=True)}
        assert found == expected
        assert expected, "the check compared pairs"


def test_a_settled_pair_moves_less_than_the_bound_allows() -> None:
    rng = random.Random(47)
    checked = 0
    for _ in range(6):
        base = _articles(rng, 0, 100)
        parts = tfidf_parts(base)
        assert parts is not None
        before = (parts.unit @ parts.unit.T).toarray()
        _reached, reference = stored_paraphrases.full_search(base, parts)
        later = base + _articles(rng, 500, 4)
        parts = tfidf_parts(later)
        assert parts is not None
        after = (parts.unit @ parts.unit.T).toarray()
        settled = np.flatnonzero(~stored_paraphrases.unsettled_statements(later, parts,
                                                                          reference))
        ratio = stored_paraphrases.DRIFT ** 2
        for i in settled.tolist():
            for j in settled.tolist():
                if i < j and before[i, j] > 0:
                    assert after[i, j] <= before[i, j] * ratio + 1e-12
                    checked += 1
    assert checked


def test_pair_products_are_the_floats_of_a_product_over_every_pair() -> None:
    rng = random.Random(53)
    for _ in range(10):
        statements = _articles(rng, 0, rng.randint(5, 40))
        parts = tfidf_parts(statements)
        assert parts is not None
        full = (parts.unit @ parts.unit.T).toarray()
        count = len(statements)
        pairs = [(i, j) for i in range(count) for j in range(i + 1, count)]
        first = np.array([i for i, _ in pairs], dtype=np.int64)
        second = np.array([j for _, j in pairs], dtype=np.int64)
        products = pair_products(parts.unit, first, second)
        assert products.tolist() == [full[i, j] for i, j in pairs]  # equal floats


def test_a_reference_survives_its_encoding() -> None:
    rng = random.Random(59)
    statements = _articles(rng, 0, 30)
    parts = tfidf_parts(statements)
    assert parts is not None
    _reached, reference = stored_paraphrases.full_search(statements, parts)
    back = stored_paraphrases.decode_reference(stored_paraphrases.encode_reference(reference))
    assert (back.count, back.frequency, back.statements) == (
        reference.count, reference.frequency, reference.statements)
    assert (back.near == reference.near).all()
