"""The source as attribution corpora mark it (``source_start``/``source_end``) beside the
short speaker a report shows."""

from __future__ import annotations

from typing import Any

from sitroom.annotate.quotes import extract_quotes
from sitroom.types import QuoteMention


def one(nlp: Any, text: str) -> tuple[QuoteMention, str | None]:
    (q,) = extract_quotes(nlp(text), "art")
    source = text[q.source_start:q.source_end] if q.source_start is not None else None
    return q, source


def test_age_and_description_are_in_the_source_not_the_speaker(nlp: Any) -> None:
    q, source = one(nlp, "Marta Reyes, 41, a nurse from the harbour district, said the clinic "
                         "had run out of bandages.")
    assert q.speaker_text == "Marta Reyes"
    assert source == "Marta Reyes, 41, a nurse from the harbour district"


def test_an_age_alone_is_in_the_source(nlp: Any) -> None:
    q, source = one(nlp, "Marta Reyes, 41, said the clinic had run out of bandages.")
    assert q.speaker_text == "Marta Reyes"
    assert source == "Marta Reyes, 41"


def test_a_restrictive_clause_is_in_the_source(nlp: Any) -> None:
    q, source = one(nlp, "Farmers who lost their crops said the compensation came too late.")
    assert q.speaker_text == "Farmers"
    assert source == "Farmers who lost their crops"


def test_a_relative_clause_on_a_person_is_in_the_source(nlp: Any) -> None:
    q, source = one(nlp, "Tomas Berg, who chairs the river board, said the water would "
                         "recede by Friday.")
    assert q.speaker_text == "Tomas Berg"
    assert source == "Tomas Berg, who chairs the river board"


def test_a_relative_clause_that_reports_speech_stays_out(nlp: Any) -> None:
    found = extract_quotes(nlp("Tomas Berg, who said the dam was safe, warned that the "
                               "water would rise."), "art")
    q = next(q for q in found if q.cue == "warned")
    source = "Tomas Berg, who said the dam was safe, warned that the water would rise."[
        q.source_start:q.source_end]
    assert source == "Tomas Berg"


def test_a_which_clause_set_off_by_commas_stays_out(nlp: Any) -> None:
    q, source = one(nlp, "The river board, which meets every Friday, said the water would "
                         "recede by Sunday.")
    assert source == q.speaker_text == "The river board"


def test_no_speaker_no_source(nlp: Any) -> None:
    found = extract_quotes(nlp('"The water is rising fast and nobody came to help us."'), "a")
    assert all(q.source_start is None for q in found if q.speaker_start is None)


def test_a_possessive_source_keeps_its_s(nlp: Any) -> None:
    q, source = one(nlp, "The mayor's warning that the levee would fail went unheeded.")
    assert q.speaker_text == "The mayor"
    assert source == "The mayor's"
