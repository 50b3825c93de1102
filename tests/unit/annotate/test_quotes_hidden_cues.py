"""A call for someone to act (``called for X to do Y``), a speaker quoted in the passive
(``X was quoted as saying ...``), an indirect question (``asked X if ...``), ``made it
clear that ...`` and ``That is according to X``."""

from __future__ import annotations

from typing import Any

from sitroom.annotate.quotes import extract_quotes
from sitroom.types import QuoteMention


def quotes(nlp: Any, text: str) -> tuple[QuoteMention, ...]:
    return extract_quotes(nlp(text), "art")


def test_call_for_someone_to_act_is_a_statement(nlp: Any) -> None:
    found = quotes(nlp, "She also called for all candidates to lay out their plans.")
    assert [(q.speaker_text, q.cue, q.text) for q in found] == [
        ("She", "also called for", "all candidates to lay out their plans")
    ]


def test_for_to_clause_after_a_verb_of_no_statement_is_not_one(nlp: Any) -> None:
    assert quotes(nlp, "The crowd waited for the rain to stop before leaving.") == ()


def test_subject_quoted_as_saying_is_the_speaker(nlp: Any) -> None:
    found = quotes(nlp, "Jones was quoted as saying the deal was dead.")
    assert [(q.speaker_text, q.text) for q in found] == [("Jones", "the deal was dead")]


def test_subject_told_in_the_passive_is_no_speaker(nlp: Any) -> None:
    assert all(q.speaker_text != "He" for q in quotes(nlp, "He was told that the plan failed."))


def test_indirect_question_after_asked_is_what_was_asked(nlp: Any) -> None:
    found = quotes(nlp, "He shook hands and asked workers if they planned to attend the caucuses.")
    assert [(q.speaker_text, q.cue, q.text) for q in found] == [
        ("He", "asked", "if they planned to attend the caucuses")
    ]


def test_made_it_clear_states_its_clause(nlp: Any) -> None:
    found = quotes(nlp, "The ministry made it clear that no aid would be sent.")
    assert [(q.speaker_text, q.cue, q.text) for q in found] == [
        ("The ministry", "made it clear", "that no aid would be sent")
    ]


def test_making_something_clear_without_a_clause_is_no_statement(nlp: Any) -> None:
    assert quotes(nlp, "The storm made the road impassable for days.") == ()


def test_that_is_according_to_names_the_source_of_the_sentence_before(nlp: Any) -> None:
    found = quotes(nlp, "The toll rose to 40. That is according to a count by the AP.")
    assert [(q.speaker_text, q.cue, q.text) for q in found] == [
        ("the AP", "is according to", "That")
    ]


def test_according_to_with_its_own_clause_keeps_the_clause(nlp: Any) -> None:
    found = quotes(nlp, "That plan failed, according to the ministry.")
    assert [(q.speaker_text, q.text) for q in found] == [("the ministry", "That plan failed")]


def test_according_to_closing_a_sentence_attributes_all_of_it(nlp: Any) -> None:
    text = ("The mayor won 41 percent, the governor had 30 percent and the senator took "
            "12 percent, according to the official count.")
    found = quotes(nlp, text)
    assert [(q.speaker_text, q.cue, q.text) for q in found] == [
        ("the official count", "according to",
         "The mayor won 41 percent, the governor had 30 percent and the senator took "
         "12 percent")
    ]


def test_according_to_inside_a_sentence_attributes_both_sides(nlp: Any) -> None:
    text = ("Over the next decade, according to the budget office, the river authority "
            "will run out of money.")
    found = quotes(nlp, text)
    assert [(q.speaker_text, q.cue, q.text) for q in found] == [
        ("the budget office", "according to", "Over the next decade"),
        ("the budget office", "according to", "the river authority will run out of money."),
    ]
