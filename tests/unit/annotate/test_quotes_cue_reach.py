"""A cue opens at the act the speaker did to say something (``began by saying``, ``will come
on the show to talk about``), keeps the ``of`` of ``said of`` and takes in a bare object noun
before a ``that`` clause (``expressed concern that``), as attribution corpora mark cues."""

from __future__ import annotations

from typing import Any

from sitroom.annotate.quotes import extract_quotes


def cues(nlp: Any, text: str) -> list[str | None]:
    return [q.cue for q in extract_quotes(nlp(text), "art")]


def test_act_done_by_saying_opens_the_cue(nlp: Any) -> None:
    assert cues(nlp, "The governor began by saying that the shelters were full.") == [
        "began by saying"]


def test_act_whose_purpose_is_the_cue_opens_it(nlp: Any) -> None:
    assert cues(nlp, "The engineer will come on the show to talk about the failing "
                     "pumps.") == ["will come on the show to talk about"]


def test_said_of_keeps_its_preposition(nlp: Any) -> None:
    assert cues(nlp, '"It is a disgrace," the mayor said of the delays.') == ["said of"]


def test_a_report_verb_before_an_infinitive_is_not_pulled_in(nlp: Any) -> None:
    found = cues(nlp, "The mayor said on Monday that crews were working to clear the roads.")
    assert found == ["said"]


def test_object_noun_with_a_that_clause_joins_the_cue(nlp: Any) -> None:
    (q,) = extract_quotes(nlp("The mayor expressed concern that the levee would fail "
                              "before spring."), "art")
    assert q.cue == "expressed concern"
    assert q.text == "that the levee would fail before spring"
