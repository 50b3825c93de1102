from __future__ import annotations

from sitroom.analyze.contradictions import compatible_figures
from sitroom.analyze.statements import predicate_lexicon
from sitroom.annotate.clauses import modality_lexicon, parse_number


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
