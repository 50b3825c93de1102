"""A call for someone to act (``called for X to do Y``), and a speaker quoted in the passive
(``X was quoted as saying ...``)."""

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
