from __future__ import annotations

from sitroom.analyze.contradictions import compatible_figures
from sitroom.analyze.statements import Statement, predicate_lexicon
from sitroom.annotate.clauses import modality_lexicon, parse_number
from sitroom.types import Evidence


def test_qualified_figures_are_compatible() -> None:
    assert compatible_figures(40, "at least", 63, None)
    assert not compatible_figures(41, None, 63, None)
    assert compatible_figures(60, "about", 63, None)
    assert not compatible_figures(70, "at most", 71, None)
    assert compatible_figures(41, None, 41, None)


def test_numbers_in_words_and_digits() -> None:
    assert parse_number("63") == 63
    assert parse_number("1,200") == 1200
    assert parse_number("eleven") == 11
    assert parse_number("twenty-five") == 25
    assert parse_number("3.5 million") == 3_500_000
    assert parse_number("several") is None


def test_opposite_classes_are_symmetric() -> None:
    lex = predicate_lexicon()
    approve = lex.classes_of("approve", "limited operation")
    block = lex.classes_of("block", "offensive")
    assert lex.opposite(approve, block) == ("approve", "block")
    assert lex.opposite(block, approve) == ("block", "approve")
    assert "approve" in lex.classes_of("give", "green light")
    assert "capture" in lex.classes_of("take", "control")
    assert "capture" in lex.classes_of("see", "rapid fall")  # a support verb and its noun


def test_modality_lexicon_loads() -> None:
    lex = modality_lexicon()
    assert "might" in lex.modal_verbs and "appear" in lex.hedge_verbs
    assert "deny" in lex.denial_verbs


def test_two_days_for_one_capture_are_a_date_contradiction() -> None:
    import numpy as np

    from sitroom.analyze.contradictions import Draft, find_contradictions
    from sitroom.analyze.statements import Statement
    from sitroom.types import Evidence

    def statement(article: str, day: str, place: str = "p_town") -> Statement:
        text = f"The rebels captured the town on {day}."
        return Statement(
            key=(article, 0, len(text)), article=article, outlet=f"outlet {article}",
            published="2024-12-01", text=text, evidence=Evidence(article, 0, len(text), text),
            subject="e_rebels", subject_text="The rebels", object_key=place,
            object_text="the town", object_head="town", entities=frozenset({"e_rebels"}),
            places=frozenset({place}), classes=frozenset({"capture"}), predicate="capture",
            negated=False, attempted=False, quantities=(), dates=(day,), speaker=None,
            speaker_text=None, via=None,
        )

    statements = [statement("a", "2024-11-29"), statement("b", "2024-11-30"),
                  statement("c", "2024-11-29"), statement("d", "2024-11-28", "p_other")]
    drafts = [Draft(f"c_{s.article}", (i,)) for i, s in enumerate(statements)]
    vectors = np.eye(4, dtype=np.float32)
    found = find_contradictions(drafts, statements, vectors, lambda k: k)
    pairs = {(f.kind, frozenset({f.a, f.b})) for f in found}
    assert pairs == {("date", frozenset({"c_a", "c_b"})), ("date", frozenset({"c_b", "c_c"}))}


def _vote(article: str, published: str, predicate: str, cls: str, *, dated: bool = True
          ) -> Statement:

    text = f"The senator {predicate} the primary."
    return Statement(
        key=(article, 0, len(text)), article=article, outlet=f"outlet {article}",
        published=published, text=text, evidence=Evidence(article, 0, len(text), text),
        subject="e_senator", subject_text="The senator", object_key="primary",
        object_text="the primary", object_head="primary", entities=frozenset({"e_senator"}),
        places=frozenset(), classes=frozenset({cls}), predicate=predicate, negated=False,
        attempted=False, quantities=(), dates=(), speaker=None, speaker_text=None, via=None,
        dated=dated,
    )


def test_won_and_lost_are_opposite_only_close_in_time() -> None:
    import numpy as np

    from sitroom.analyze.contradictions import Draft, find_contradictions

    def found(day_b: str, *, dated: bool = True) -> list[str]:
        sts = [_vote("a1", "2020-02-11", "win", "win"),
               _vote("a2", day_b, "lose", "lose", dated=dated)]
        vectors = np.eye(2, dtype=np.float32)
        drafts = [Draft("c1", (0,)), Draft("c2", (1,))]
        return [f.kind for f in find_contradictions(drafts, sts, vectors, str)]

    assert found("2020-02-12") == ["opposite"]
    assert found("2016-02-09") == []  # another year's primary
    assert found("2016-02-09", dated=False) == ["opposite"]  # an inferred date proves nothing


def test_intentions_are_not_acts() -> None:
    from sitroom.analyze.statements import intended

    text = "The president threatened to withdraw the country from the pact."
    assert intended(text, text.index("withdraw"))
    done = "The president withdrew the country from the pact."
    assert not intended(done, done.index("withdrew"))
    tried = "Ankara had tried to block the offensive."
    assert not intended(tried, tried.index("block"))  # an attempt is kept, as an attempt


def test_figure_pairs_are_the_bucket_pairs_close_in_time() -> None:
    from itertools import combinations

    from sitroom.analyze.contradictions import NUMBER_WINDOW_DAYS, _day, figure_pairs

    days = ["2024-11-01", "2024-11-20", "2024-11-05", "2024-11-09", "2024-11-25", "2024-11-02"]
    statements = [_vote(f"a{i}", day, "won", "win") for i, day in enumerate(days)]
    members = list(range(len(statements)))
    close = [(i, j) for i, j in combinations(members, 2)
             if abs((_day(days[i]) - _day(days[j])).days) <= NUMBER_WINDOW_DAYS]  # type: ignore[operator]
    assert figure_pairs(members, statements) == close


def test_a_crowded_figure_bucket_pairs_each_statement_with_a_bounded_few() -> None:
    # Crafted articles can put thousands of statements of one figure kind, one place and one
    # week into one bucket; each is then compared with at most the cap, not with all.
    from collections import Counter

    from sitroom.analyze.contradictions import MAX_FIGURE_PEERS, figure_pairs

    count = MAX_FIGURE_PEERS * 3
    statements = [_vote(f"a{i}", f"2024-11-0{1 + i % 3}", "won", "win") for i in range(count)]
    members = list(range(count))
    pairs = figure_pairs(members, statements)
    assert len(pairs) <= count * MAX_FIGURE_PEERS < count * (count - 1) // 2
    assert max(Counter(i for pair in pairs for i in pair).values()) <= 2 * MAX_FIGURE_PEERS
    assert pairs == sorted(set(pairs)) == figure_pairs(members, statements)


def test_one_subjects_opposite_candidates_are_its_same_object_pairs_within_the_cap() -> None:
    from dataclasses import replace
    from itertools import combinations

    from sitroom.analyze.contradictions import (
        MAX_BUCKET_PEERS,
        _same_object,
        _same_object_pairs,
        bucket_pairs,
    )

    heads = ["primary", "vote", "operation", "offensive", None, "primary", "budget", None]
    keys = [None, None, None, None, "p_town", None, None, "p_town"]
    statements = [replace(_vote(f"a{i}", "2024-11-01", "won", "win"), object_head=head,
                          object_key=key)
                  for i, (head, key) in enumerate(zip(heads, keys, strict=True))]
    members = list(range(len(statements)))
    assert _same_object_pairs(statements, members) == [
        (i, j) for i, j in combinations(members, 2) if _same_object(statements[i], statements[j])]
    # a crowded bucket: each member meets at most the cap of members after it
    crowd = list(range(3 * MAX_BUCKET_PEERS))
    pairs = bucket_pairs(crowd)
    assert len(pairs) < len(crowd) * MAX_BUCKET_PEERS < len(crowd) * (len(crowd) - 1) // 2
    assert bucket_pairs(crowd[:MAX_BUCKET_PEERS]) == list(combinations(crowd[:MAX_BUCKET_PEERS], 2))


def test_a_denied_act_is_found_by_the_start_of_any_word() -> None:
    import random
    import re

    from sitroom.analyze.contradictions import _word_starts

    rng = random.Random(5)
    letters = "abcdeor"
    met = 0
    for _ in range(300):
        words = ["".join(rng.choice(letters) for _ in range(rng.randint(1, 8)))
                 for _ in range(rng.randint(1, 6))]
        text = " ".join(w.upper() if rng.random() < 0.2 else w for w in words) + "."
        stem = "".join(rng.choice(letters) for _ in range(rng.randint(1, 5)))
        # the rule in words: the stem begins a word of the text (case aside)
        expected = any(w.startswith(stem) for w in re.findall(r"[a-z]+", text.casefold()))
        assert (stem in _word_starts(text)) == expected
        met += expected
    assert met, "some stems were found, so both answers were checked"
