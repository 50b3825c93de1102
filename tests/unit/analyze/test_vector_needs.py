"""Which statements the claims step embeds, and that leaving the others out changes nothing
the vectors decide (with the real model where merging is checked)."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

import numpy as np
import pytest

import sitroom.analyze.vector_needs as vector_needs
import sitroom.analyze.vectors as vectors_module
from sitroom.analyze.claim_merge import merge_statements
from sitroom.analyze.claims import ClaimVectors
from sitroom.analyze.embed import embed_texts
from sitroom.analyze.statements import Quantity, Statement
from sitroom.analyze.vector_needs import needs_vector
from sitroom.types import Evidence


def _statement(article: str, text: str, *, subject: str = "e_hts", predicate: str = "capture",
               places: frozenset[str] = frozenset(), classes: frozenset[str] = frozenset(),
               quantities: tuple[Quantity, ...] = (), published: str = "2024-12-01",
               outlet: str | None = None, entities: frozenset[str] = frozenset({"e_hts"}),
               denied_by: str | None = None) -> Statement:
    return Statement(
        key=(article, 0, len(text)), article=article, outlet=outlet or f"outlet {article}",
        published=published, text=text, evidence=Evidence(article, 0, len(text), text),
        subject=subject, subject_text=None, object_key=None, object_text=None,
        object_head=None, entities=entities, places=places, classes=classes,
        predicate=predicate, negated=False, attempted=False, quantities=quantities, dates=(),
        speaker=None, speaker_text=None, via=None, denied_by=denied_by,
    )


def _names(key: str) -> str:
    return {"p_dadu": "Dadu District"}.get(key, key)


def _needed(statements: Sequence[Statement]) -> set[str]:
    return {st.article for st, need in zip(statements, needs_vector(statements, _names),
                                           strict=True) if need}


def test_only_statements_with_a_possible_partner_are_embedded() -> None:
    statements = [
        _statement("a", "Rebel fighters captured the northern city of Aleppo on Friday.",
                   subject="e_rebels", predicate="capture"),
        _statement("b", "Rebel fighters took the northern city of Aleppo after a battle.",
                   subject="e_rebels", predicate="take"),
        _statement("c", "The central bank raised interest rates by half a point.",
                   subject="e_bank", predicate="raise"),
        _statement("d", "Pence was appointed to oversee efforts to combat the virus.",
                   subject="e_pence", predicate="appoint"),
        _statement("e", "Pence was appointed by Trump to lead the coronavirus task force.",
                   subject="e_pence", predicate="appoint"),
    ]
    assert _needed(statements) == {"a", "b", "d", "e"}


def test_pairs_that_cannot_merge_need_no_vector() -> None:
    # The same words about two different places: conflicting details, never one claim.
    statements = [
        _statement("a", "Fighters captured the city of Hama on Thursday.",
                   places=frozenset({"p_hama"})),
        _statement("b", "Fighters captured the city of Homs on Thursday.",
                   places=frozenset({"p_homs"})),
    ]
    assert _needed(statements) == set()


def test_figures_a_contradiction_would_compare_are_embedded() -> None:
    toll = "The death toll from the flood rose to {} in the district, officials said."
    statements = [
        _statement(article, toll.format(value), subject="e_officials", predicate="rise",
                   places=frozenset({"p_dadu"}), quantities=(Quantity("deaths", value, None,
                                                                      str(value)),))
        for article, value in (("a", 41), ("b", 63))
    ]
    # Different figures from two sources: the number finder compares their vectors.
    assert _needed(statements) == {"a", "b"}
    same_outlet = [replace(st, outlet="one outlet") for st in statements]
    assert _needed(same_outlet) == set(), "one source's later figure is an update"


def test_denials_and_what_they_deny_are_embedded() -> None:
    statements = [
        _statement("a", "The minister denied that officials ordered the evacuation of Dadu.",
                   subject="e_officials", predicate="deny",
                   entities=frozenset({"e_minister", "e_officials"}), denied_by="e_minister"),
        _statement("b", "Officials ordered the evacuation of Dadu on Tuesday.",
                   subject="e_officials", predicate="order",
                   entities=frozenset({"e_officials"})),
        _statement("c", "Markets closed higher on Wednesday after a quiet session.",
                   subject="e_markets", predicate="close", entities=frozenset()),
    ]
    assert _needed(statements) == {"a", "b"}


def test_merging_only_the_needed_statements_gives_the_same_claims(minilm: Any) -> None:
    statements = [
        _statement("a", "HTS fighters captured the city of Hama on Thursday.",
                   places=frozenset({"p_hama"}), classes=frozenset({"capture"})),
        _statement("b", "Hama was seized by HTS.", places=frozenset({"p_hama"}),
                   classes=frozenset({"capture"})),
        _statement("c", "HTS fighters captured the city of Homs on Thursday.",
                   places=frozenset({"p_homs"}), classes=frozenset({"capture"})),
        _statement("d", "The rebels also released prisoners from the central jail.",
                   subject="e_rebels", predicate="release"),
        _statement("e", "Rebels freed prisoners from the central jail, witnesses said.",
                   subject="e_rebels", predicate="free"),
    ]
    full = np.array(embed_texts([s.text for s in statements]), dtype=np.float32)
    need = needs_vector(statements, _names)
    partial = np.where(need[:, None], full, 0.0).astype(np.float32)
    assert not need.all(), "every statement was embedded"
    assert merge_statements(statements, partial, need) == merge_statements(statements, full)


def test_claim_vectors_embed_on_first_use_only(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[str] = []

    def fake(texts: Sequence[str]) -> np.ndarray:
        seen.extend(texts)
        return np.array([[len(t), 1.0] for t in texts], dtype=np.float32)

    monkeypatch.setattr(vectors_module, "encode", fake)
    claim_vectors = ClaimVectors({"c1": "abc", "c2": "abcde"},
                                 {"c1": np.array([1.0, 0.0], dtype=np.float32)}, None)
    assert "c2" in claim_vectors and "c3" not in claim_vectors and len(claim_vectors) == 2
    assert seen == [], "asking what is there embedded something"
    assert claim_vectors["c1"] == (1.0, 0.0)
    assert claim_vectors["c2"] == (5.0, 1.0)
    assert claim_vectors["c2"] == (5.0, 1.0)
    assert seen == ["abcde"], "a claim was embedded twice, or a known one again"


def _random_statements(rng: random.Random, count: int) -> list[Statement]:
    words = ["rebels", "captured", "city", "aleppo", "army", "shelled", "town", "hama",
             "killed", "civilians", "troops", "seized", "airport", "government", "forces",
             "advanced", "north", "province", "fighters", "entered"]
    out = []
    for k in range(count):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(3, 8))) + "."
        subject = rng.choice(["e_hts", "e_army", "the town"])
        out.append(_statement(f"a{k % 7}", text, subject=subject,
                              predicate=rng.choice(["capture", "take", "shell"]),
                              places=frozenset(rng.sample(["p_hama", "p_aleppo"],
                                                          rng.randint(0, 1))),
                              classes=frozenset(rng.sample(["seize", "attack"],
                                                           rng.randint(0, 1)))))
        out[-1] = replace(out[-1], key=(out[-1].article, k, k + len(text)))
    return out


def test_paraphrase_pairs_of_two_needed_statements_alone_are_left_out() -> None:
    rng = random.Random(17)
    skipped = 0
    for _ in range(30):
        statements = _random_statements(rng, rng.randint(2, 40))
        needed = np.array([rng.random() < 0.4 for _ in statements], dtype=bool)
        every = set(vector_needs._paraphrases(statements))
        some = list(vector_needs._paraphrases(statements, needed))
        assert len(some) == len(set(some)), "each pair once"
        assert set(some) == {(i, j) for i, j in every if not (needed[i] and needed[j])}
        skipped += len(every) - len(some)
    assert skipped, "the check met pairs that are left out"


def test_the_mask_is_the_one_every_paraphrase_pair_gives() -> None:
    rng = random.Random(23)
    for _ in range(20):
        statements = _random_statements(rng, rng.randint(2, 40))
        expected = np.zeros(len(statements), dtype=bool)
        for pairs in (vector_needs._paraphrases(statements),
                      vector_needs._same_act_of_one_actor(statements),
                      vector_needs._frames(statements),
                      vector_needs._figures(statements, _names)):
            for i, j in pairs:
                expected[i] = expected[j] = True
        expected[list(vector_needs._denials(statements))] = True
        assert (needs_vector(statements, _names) == expected).all()


def test_later_similar_pairs_are_those_of_the_product_over_every_pair(
        monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(29)
    # Small blocks, so that a search is cut in many blocks of rows.
    monkeypatch.setattr(vector_needs, "_BLOCK", 3)
    compared = 0
    for _ in range(20):
        statements = _random_statements(rng, rng.randint(2, 60))
        unit = vector_needs.tfidf_rows(statements)
        assert unit is not None
        full = (unit @ unit.T).toarray()  # every pair, the same sums
        left = np.array(sorted(rng.sample(range(len(statements)),
                                          rng.randint(1, len(statements)))))
        right = np.array(sorted(rng.sample(range(len(statements)),
                                           rng.randint(1, len(statements)))))
        expected = [(int(i), int(j)) for i in left for j in right
                    if i < j and full[i, j] >= vector_needs.LEXICAL_SIMILARITY - 1e-9]
        found = list(vector_needs._later_similar_pairs(unit, left, right))
        assert sorted(found) == expected
        compared += len(expected)
    assert compared, "the searches found pairs, so the check compared something"


def test_stems_are_the_content_words_of_two_letters_or_more_cut_short() -> None:
    import re

    from sitroom.analyze.words import REPORTING_WORDS, STOPWORDS

    rng = random.Random(31)
    pieces = ["a", "I", "x1", "downgraded", "Downgrades", "said", "the", "in", "42", "7",
              "U.S.", "co-operation", "aleppo's", "é", "—", " ", "  ", ",", "rebels"]
    for _ in range(300):
        text = "".join(rng.choice(pieces) + rng.choice(["", " ", ". "]) for _ in range(12))
        # the rule in words: every maximal run of letters and digits, folded, two long or
        # more, not a stopword nor a reporting word, cut to STEM letters
        runs = re.findall(r"[a-z0-9]+", text.casefold())
        expected = {w[:vector_needs.STEM] for w in runs
                    if len(w) > 1 and w not in STOPWORDS and w not in REPORTING_WORDS}
        assert vector_needs.stems(text) == expected
