"""A bare object noun before a ``that`` clause joins the cue (``expressed concern that``), and
so does a medium named between the cue and the content after it (``says in a statement
that``), as attribution corpora mark cues.

Tried and left out (PolNeAR documents 0-399, exact cues gained against lost): the act done by
saying as part of the cue (``began by saying``, 14 against 20), a non-report verb whose
purpose the cue is (``will come on the show to talk about``, 15 against 20) and ``said of``
(9 against 25)."""

from __future__ import annotations

from typing import Any

from sitroom.annotate.quotes import extract_quotes


def test_object_noun_with_a_that_clause_joins_the_cue(nlp: Any) -> None:
    (q,) = extract_quotes(nlp("The mayor expressed concern that the levee would fail "
                              "before spring."), "art")
    assert q.cue == "expressed concern"
    assert q.text == "that the levee would fail before spring"


def test_medium_before_the_content_joins_the_cue(nlp: Any) -> None:
    (q,) = extract_quotes(nlp("The mayor says in a statement that the levee will hold."), "a")
    assert (q.cue, q.text) == ("says in a statement", "that the levee will hold")


def test_medium_after_the_content_stays_out_of_the_cue(nlp: Any) -> None:
    (q,) = extract_quotes(nlp('"The levee will hold," the mayor said in a statement.'), "a")
    assert q.cue == "said"
