"""Attribution round 7: the one a cue asks to act (``urged Clinton to release ...``,
``called on X to ...``); the subject a passive shares with the speech verb under it or
conjoined to it (``X was prompted to say``, ``X was forced into ... and said``); a perfect
participle with its own subject; a ``that`` clause hung on the medium (``says in a statement
that``); a date after a learned preposition; asides after an object that is the content; a
participle naming which poll speaks; mixed straight and curly double marks; ``shot back``;
and an editor's note, which reports no one."""

from __future__ import annotations

from typing import Any

from sitroom.annotate.quotes import extract_quotes, find_quote_spans
from sitroom.types import QuoteMention


def quotes(nlp: Any, text: str) -> tuple[QuoteMention, ...]:
    return extract_quotes(nlp(text), "art")


def test_who_is_urged_is_part_of_what_was_urged(nlp: Any) -> None:
    found = quotes(nlp, "Sanders urged Clinton to release the transcripts.")
    assert [(q.speaker_text, q.cue, q.text) for q in found] == [
        ("Sanders", "urged", "Clinton to release the transcripts")
    ]


def test_called_on_someone_to_act_keeps_on_in_the_cue(nlp: Any) -> None:
    found = quotes(nlp, "Clinton called on Sanders and Donald Trump to do the same.")
    assert [(q.speaker_text, q.cue, q.text) for q in found] == [
        ("Clinton", "called on", "Sanders and Donald Trump to do the same")
    ]


def test_an_intention_without_an_addressee_stays_the_infinitive(nlp: Any) -> None:
    found = quotes(nlp, "Trump vowed to build a wall on the border.")
    assert [(q.cue, q.text) for q in found] == [("vowed", "to build a wall on the border")]


def test_passive_subject_speaks_for_the_infinitive_it_governs(nlp: Any) -> None:
    found = quotes(nlp, "Mr. Trump was prompted to say that he liked the debate.")
    assert [(q.speaker_text, q.text) for q in found] == [("Mr. Trump", "that he liked the debate")]


def test_passive_subject_speaks_for_a_conjoined_speech_verb(nlp: Any) -> None:
    found = quotes(nlp, "By the end of the day, Mr. Trump was forced into damage control and "
                        "said that his words had been misconstrued.")
    assert [(q.speaker_text, q.text) for q in found] == [
        ("Mr. Trump", "that his words had been misconstrued")
    ]


def test_participle_after_a_passive_keeps_the_agent_as_speaker(nlp: Any) -> None:
    found = quotes(nlp, "The plan was criticized by Jones, saying it was too costly.")
    assert "The plan" not in {q.speaker_text for q in found}


def test_perfect_participle_with_its_own_subject_has_a_speaker(nlp: Any) -> None:
    found = quotes(nlp, "Mr. Trump hit back on Sunday after the front-runner had said on "
                        "Saturday that he was becoming the group's best recruiter.")
    assert [(q.speaker_text, q.cue) for q in found] == [("the front-runner", "had said")]


def test_asked_opening_a_sentence_still_has_no_asker(nlp: Any) -> None:
    found = quotes(nlp, "Asked whether he would run, Smith said he would decide soon.")
    assert all(q.cue != "Asked" or q.speaker_text is None for q in found)


def test_editors_note_is_no_statement(nlp: Any) -> None:
    text = ("The senator said the bill would pass.\n\nEditor’s note: Donald Trump is a serial "
            "liar who has repeatedly pledged to ban all Muslims from entering the U.S.")
    found = quotes(nlp, text)
    assert [q.text for q in found] == ["the bill would pass"]


def test_a_date_after_a_learned_preposition_is_not_what_was_reported(nlp: Any) -> None:
    found = quotes(nlp, "Ailes also met with Mr. Trump that day, as The New York Times "
                        "reported on Tuesday, and he will advise the campaign.")
    assert [(q.speaker_text, q.cue, q.text) for q in found] == [
        ("The New York Times", "reported", "Ailes also met with Mr. Trump that day")
    ]


def test_a_topic_after_a_learned_preposition_is_still_the_content(nlp: Any) -> None:
    found = quotes(nlp, "The Times reported on the secret meeting of the donors.")
    assert [(q.cue, q.text) for q in found] == [("reported on", "the secret meeting of the donors")]


def test_saying_no_to_something_keeps_the_thing_as_content(nlp: Any) -> None:
    found = quotes(nlp, "He said no to the Iraq war.")
    assert [q.text for q in found] == ["the Iraq war"]


def test_a_that_clause_hung_on_the_medium_is_what_was_said(nlp: Any) -> None:
    found = quotes(nlp, "Kasich's chief strategist John Weaver says in a statement that the "
                        "race will now be a four-man contest.")
    assert [(q.speaker_text, q.cue, q.text) for q in found] == [
        ("Kasich's chief strategist John Weaver", "says in a statement",
         "that the race will now be a four-man contest")
    ]


def test_a_participle_naming_which_poll_is_part_of_the_source(nlp: Any) -> None:
    found = quotes(nlp, "An NBC News poll released Monday found that Clinton leads.")
    assert [q.speaker_text for q in found] == ["An NBC News poll released Monday"]


def test_a_participle_set_off_by_commas_is_not_part_of_the_source(nlp: Any) -> None:
    found = quotes(nlp, "The senator, accused of fraud last year, said the charges were false.")
    assert [q.speaker_text for q in found] == ["The senator"]


def test_a_straight_and_a_curly_double_mark_pair_up() -> None:
    text = '“Our roads are crumbling," she said. "This is the floor,” she added.'
    assert [text[s.start:s.end] for s in find_quote_spans(text)] == [
        "Our roads are crumbling", "This is the floor"]


def test_a_straight_mark_after_a_blank_inside_curly_marks_is_nested() -> None:
    text = '“He called it "odd" today,” she said.'
    assert [text[s.start:s.end] for s in find_quote_spans(text)] == ['He called it "odd" today']


def test_a_mixed_pair_gives_the_quote_its_speaker(nlp: Any) -> None:
    found = quotes(nlp, '“Our roads and bridges are potholed and crumbling," she said.')
    assert [(q.speaker_text, q.cue, q.text) for q in found] == [
        ("she", "said", "Our roads and bridges are potholed and crumbling")]


def test_shot_back_introduces_a_quote(nlp: Any) -> None:
    found = quotes(nlp, '"Jeb wants to be a tough guy tonight," Trump shot back.')
    assert [(q.speaker_text, q.cue, q.text) for q in found] == [
        ("Trump", "shot back", "Jeb wants to be a tough guy tonight")]


def test_firing_back_without_words_is_no_statement(nlp: Any) -> None:
    assert quotes(nlp, "The army fired back at the rebels.") == ()


def test_a_passive_of_expectation_or_use_gives_no_speaker(nlp: Any) -> None:
    assert quotes(nlp, "The move is commonly used to avoid disclosing how money is spent.") == ()
    assert quotes(nlp, "Many Democrats are expected to oppose a measure extending the "
                       "program.") == ()
