"""Statements whose clause sits apart from the cue: ``as X reported``, a fronted relative
word, and a participle hanging on the medium that carries the words."""

from __future__ import annotations

from typing import Any

from sitroom.annotate.quotes import extract_quotes
from sitroom.types import QuoteMention


def quotes(nlp: Any, text: str) -> tuple[QuoteMention, ...]:
    return extract_quotes(nlp(text), "art")


def test_as_clause_before_attributes_the_main_clause(nlp: Any) -> None:
    text = ("As the Daily Ledger reported, the dam would need two more years of repairs "
            "before it can hold the spring floods.")
    (q,) = quotes(nlp, text)
    assert q.speaker_text == "the Daily Ledger"
    assert q.cue == "reported"
    assert q.text.startswith("the dam would need two more years")


def test_as_clause_after_attributes_the_clause_before_it(nlp: Any) -> None:
    text = "The governor is the largest recipient, as the Daily Ledger previously reported."
    (q,) = quotes(nlp, text)
    assert q.speaker_text == "the Daily Ledger"
    assert q.text == "The governor is the largest recipient"


def test_as_clause_with_an_object_of_its_own_does_not_attribute_the_main_clause(
    nlp: Any,
) -> None:
    found = quotes(nlp, "The crowd cheered loudly as the mayor said goodbye to the team.")
    assert not any("crowd" in q.text for q in found)


def test_fronted_relative_word_leaves_the_rest_of_the_clause_as_content(nlp: Any) -> None:
    text = ("He promised a new wall along the river, which he said the province "
            "should pay for.")
    found = [q for q in quotes(nlp, text) if q.cue == "said"]
    assert [q.text for q in found] == ["the province should pay for"]
    assert found[0].speaker_text == "he"


def test_participle_on_a_statement_speaks_for_its_author(nlp: Any) -> None:
    text = ("The ministry put out a statement saying the border crossings would reopen "
            "on Monday.")
    found = [q for q in quotes(nlp, text) if q.cue == "saying"]
    assert found and found[0].speaker_text == "The ministry"


def test_name_the_parser_hung_elsewhere_is_still_the_speaker(nlp: Any) -> None:
    text = ("Alarmed by the unrest in Nevada, Senator Harry Reid, the minority leader, said "
            "that he spoke with the governor on Tuesday.")
    found = [q for q in quotes(nlp, text) if q.cue == "said"]
    assert found and found[0].speaker_text == "Senator Harry Reid, the minority leader"
    assert found[0].text == "that he spoke with the governor on Tuesday"


def test_parenthetical_cue_with_adjuncts_hung_on_it(nlp: Any) -> None:
    found = quotes(nlp, "At times last year, people close to the mayor said, the mere mention "
                        "of the budget could make him fume.")
    # The adjunct that opens the sentence is the first part of what was said.
    assert [(q.speaker_text, q.text) for q in found] == [
        ("people close to the mayor", "At times last year"),
        ("people close to the mayor", "the mere mention of the budget could make him fume")]
    found = quotes(nlp, "He was unable to find a single taker, he said, on condition of "
                        "anonymity.")
    assert [(q.speaker_text, q.text) for q in found] == [
        ("he", "He was unable to find a single taker")]


def test_passive_report_with_its_agent(nlp: Any) -> None:
    found = quotes(nlp, "The meeting was first reported by the Daily Ledger.")
    assert [(q.speaker_text, q.cue, q.text) for q in found] == [
        ("the Daily Ledger", "was first reported by", "The meeting")]
    assert quotes(nlp, "The bridge was damaged by the flood.") == ()


def test_object_with_as_is_a_stated_view(nlp: Any) -> None:
    found = quotes(nlp, "Adelson described the field of candidates as all very good.")
    assert [(q.speaker_text, q.cue, q.text) for q in found] == [
        ("Adelson", "described", "the field of candidates as all very good")]
    assert quotes(nlp, "She described a frantic night.") == ()


def test_clause_set_in_a_poll_states_its_findings(nlp: Any) -> None:
    found = quotes(nlp, "In the polls, the governor has a decisive lead.")
    assert [(q.speaker_text, q.cue, q.text) for q in found] == [
        ("the polls", "In", "the governor has a decisive lead")]
    assert quotes(nlp, "In the report, the inspector said the dam was weak.")[0].cue == "said"
    assert quotes(nlp, "He lives in a house near the river.") == ()
