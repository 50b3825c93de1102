"""Positions reported without a clause: a stance on a short object (``supported Sanders``),
a vote (``would vote for Clinton``) and a noun of statement after a
light verb (``made the case that``, ``made no mention of``)."""

from __future__ import annotations

from typing import Any

from sitroom.annotate.quotes import extract_quotes
from sitroom.types import QuoteMention


def quotes(nlp: Any, text: str) -> tuple[QuoteMention, ...]:
    return extract_quotes(nlp(text), "art")


def triples(found: tuple[QuoteMention, ...]) -> list[tuple[str | None, str | None, str]]:
    return [(q.speaker_text, q.cue, q.text) for q in found]


def test_a_stance_on_a_bare_name_is_attributed(nlp: Any) -> None:
    found = quotes(nlp, "Most voters supported Sanders.")
    assert ("Most voters", "supported", "Sanders") in triples(found)


def test_a_stance_on_a_short_common_noun_is_attributed(nlp: Any) -> None:
    found = quotes(nlp, "A majority of Republicans support deportation.")
    assert ("A majority of Republicans", "support", "deportation") in triples(found)


def test_a_hedged_stance_is_the_writers_not_the_subjects(nlp: Any) -> None:
    assert quotes(nlp, "The governor appears to favour the northern route.") == ()


def test_a_vote_for_someone_is_a_stance(nlp: Any) -> None:
    found = quotes(nlp, "Nearly 10 percent of them voted for Ben Carson.")
    assert ("Nearly 10 percent of them", "voted for", "Ben Carson") in triples(found)


def test_a_vote_with_its_own_object_is_no_stance(nlp: Any) -> None:
    found = quotes(nlp, "The senator voted the party line for years.")
    assert all(q.cue != "voted" and q.cue != "voted for" for q in found)


def test_making_the_case_is_a_statement(nlp: Any) -> None:
    found = quotes(nlp, "He made the case that taxes are too high.")
    assert ("He", "made the case", "that taxes are too high") in triples(found)


def test_making_no_mention_is_a_statement_about_its_object(nlp: Any) -> None:
    found = quotes(nlp, "Trump made no mention of Jeb Bush.")
    assert ("Trump", "made no mention of", "Jeb Bush") in triples(found)


def test_a_poll_count_the_parser_took_for_a_number_speaks(nlp: Any) -> None:
    found = quotes(nlp, "About 4 in 10 say they want the next president to be bolder.")
    assert ("About 4 in 10", "say", "they want the next president to be bolder") in triples(
        found
    )


def test_more_likely_to_say_speaks_for_the_copulas_subject(nlp: Any) -> None:
    found = quotes(nlp, "Caucus-goers were slightly more likely to say they preferred Clinton.")
    assert ("Caucus-goers", "were slightly more likely to say", "they preferred Clinton") in (
        triples(found)
    )
