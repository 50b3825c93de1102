"""Attribution round 10: the edges of cue, content and source as attribution corpora mark
them: an adverb of manner after the cue joins it (``asks rhetorically``), a day right after
the cue belongs to neither (``said Tuesday his actions ...``), a contrast set off at the end
(``..., even as ...``) is the writer's, not the speaker's, and a place the parser cut off
before a title stays in the source."""

from __future__ import annotations

from typing import Any

from sitroom.annotate.quotes import extract_quotes
from sitroom.types import QuoteMention


def quotes(nlp: Any, text: str) -> tuple[QuoteMention, ...]:
    return extract_quotes(nlp(text), "art")


def test_an_adverb_of_manner_after_the_verb_is_part_of_the_cue(nlp: Any) -> None:
    found = quotes(nlp, "She noted repeatedly that the plan had failed.")
    assert [(q.cue, q.text) for q in found] == [("noted repeatedly", "that the plan had failed")]


def test_an_adverb_after_a_quote_cue_is_part_of_the_cue(nlp: Any) -> None:
    found = quotes(nlp, '"Who would do that?" he asks rhetorically.')
    assert [(q.speaker_text, q.cue) for q in found] == [("he", "asks rhetorically")]


def test_an_adverb_that_is_not_of_manner_stays_out_of_the_cue(nlp: Any) -> None:
    found = quotes(nlp, "The mayor said only that the roads were closed.")
    assert all(q.cue == "said" for q in found)


def test_an_even_as_contrast_set_off_at_the_end_is_not_what_was_said(nlp: Any) -> None:
    found = quotes(nlp, "Ryan has long said that he will support the party's nominee, even as "
                        "he has taken frequent shots at Mr. Trump's comments.")
    assert [(q.cue, q.text) for q in found] == [
        ("has long said", "that he will support the party's nominee")
    ]


def test_a_while_clause_stays_in_the_content(nlp: Any) -> None:
    found = quotes(nlp, "The mayor said the roads were closed, while the bridges stayed open.")
    assert [q.text for q in found] == ["the roads were closed, while the bridges stayed open"]


def test_a_name_the_tagger_took_for_an_adverb_stays_out_of_the_cue(nlp: Any) -> None:
    found = quotes(nlp, '"Having access to the file is valuable," said Skelly.')
    assert [q.cue for q in found] == ["said"]


def test_a_day_between_cue_and_clause_belongs_to_neither(nlp: Any) -> None:
    found = quotes(nlp, "The president said Tuesday his actions are consistent with the "
                        "constitutional right to bear arms.")
    assert [(q.cue, q.text) for q in found] == [
        ("said", "his actions are consistent with the constitutional right to bear arms")
    ]


def test_a_date_phrase_between_cue_and_clause_belongs_to_neither(nlp: Any) -> None:
    found = quotes(nlp, "Trump said on Friday he met the candidate earlier this week.")
    assert [(q.cue, q.text) for q in found] == [("said", "he met the candidate earlier this week")]


def test_a_place_the_parser_split_off_before_a_title_is_part_of_the_source(nlp: Any) -> None:
    found = quotes(nlp, "5:45 p.m.\n\nMinnesota Gov. Mark Dayton is backing Hillary Clinton, "
                        "but he’s not predicting she’ll win.")
    assert [q.source_start for q in found if q.cue == "is backing"] == [len("5:45 p.m.\n\n")]


def test_a_place_that_is_a_sentence_of_its_own_stays_out_of_the_source(nlp: Any) -> None:
    found = quotes(nlp, "Texas. Officials said the storm was bad.")
    assert [q.speaker_text for q in found] == ["Officials"]
    assert all(q.source_start == q.speaker_start for q in found)
