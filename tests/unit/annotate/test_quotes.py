"""Quotations and reported speech on hand-written sentences, through the real parser."""

from __future__ import annotations

from typing import Any

import pytest

from sitroom.annotate.quotes import extract_quotes, find_quote_spans
from sitroom.types import QuoteMention


def quotes(nlp: Any, text: str) -> tuple[QuoteMention, ...]:
    found = extract_quotes(nlp(text), "art")
    for q in found:  # offsets are exact for content, speaker and cue
        assert text[q.start:q.end] == q.text
        if q.speaker_start is not None:
            assert text[q.speaker_start:q.speaker_end] == q.speaker_text
        if q.cue_start is not None:
            assert text[q.cue_start:q.cue_end] == q.cue
    return found


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ('He said "the river broke it" today.', "the river broke it"),
        ("He said “the river broke it” today.", "the river broke it"),
        ("He said «the river broke it» today.", "the river broke it"),
        ("He said „the river broke it“ today.", "the river broke it"),
        ("He said ``the river broke it'' today.", "the river broke it"),
        ("He said 'the river broke it' today.", "the river broke it"),
        ("He said ‘the river broke it’ today.", "the river broke it"),
    ],
)
def test_every_quotation_style(text: str, content: str) -> None:
    spans = find_quote_spans(text)
    assert [text[s.start:s.end] for s in spans] == [content]


def test_apostrophes_are_not_quotes() -> None:
    text = "The farmers' cattle drowned and the minister's office didn't respond."
    assert find_quote_spans(text) == []


def test_nested_quote_stays_inside_the_outer_one() -> None:
    text = "“They called it ‘a cruel story’ yesterday,” she said."
    spans = find_quote_spans(text)
    assert [text[s.start:s.end] for s in spans] == ["They called it ‘a cruel story’ yesterday"]


def test_quote_spanning_paragraphs_is_open_at_the_first_paragraph_end() -> None:
    text = "“We waited all night.\n\n“Then the water came,” he said."
    spans = find_quote_spans(text)
    assert [text[s.start:s.end] for s in spans] == ["We waited all night.", "Then the water came"]
    assert [s.closed for s in spans] == [False, True]


def test_direct_quote_after_cue_and_before_cue(nlp: Any) -> None:
    found = quotes(nlp, '"We will not hand aid to any armed group," Kilic told reporters.')
    assert len(found) == 1
    assert found[0].direct and found[0].speaker_text == "Kilic" and found[0].cue == "told"
    found = quotes(nlp, "The sources stated: “We are closely monitoring the region.”")
    assert found[0].speaker_text == "The sources" and found[0].cue == "stated"


def test_inverted_speaker_keeps_apposition(nlp: Any) -> None:
    text = "“Every name on our list has a family,” said Maria Lopez, the group's director."
    (q,) = quotes(nlp, text)
    assert q.speaker_text is not None and q.speaker_text.startswith("Maria Lopez")


def test_split_quote_gives_one_mention_per_part_with_the_same_speaker(nlp: Any) -> None:
    text = '"A commission is a start," Jamali said, "but a start is not justice."'
    found = quotes(nlp, text)
    assert [q.text for q in found] == ["A commission is a start", "but a start is not justice."]
    assert {q.speaker_text for q in found} == {"Jamali"}
    assert {q.cue for q in found} == {"said"}


def test_reported_speech_with_that(nlp: Any) -> None:
    text = "Lashari said that most of the victims had drowned in the first hours."
    (q,) = quotes(nlp, text)
    assert not q.direct
    assert q.speaker_text == "Lashari" and q.cue == "said"
    # The content is the whole reported clause, complementiser included (PolNeAR's rule).
    assert q.text == "that most of the victims had drowned in the first hours"


@pytest.mark.parametrize("verb", ["warned", "denied", "stressed", "noted", "claimed", "added"])
def test_reported_speech_verbs(nlp: Any, verb: str) -> None:
    text = f"The minister {verb} that the embankment had failed on its own."
    (q,) = quotes(nlp, text)
    assert q.cue == verb and q.speaker_text == "The minister"


def test_according_to(nlp: Any) -> None:
    text = "According to the health ministry, 41 people have died in the district."
    (q,) = quotes(nlp, text)
    assert q.cue == "According to" and q.speaker_text == "the health ministry"
    assert q.text == "41 people have died in the district."


def test_unmarked_quote_covers_preceding_sentences_and_first_person_follow_up(nlp: Any) -> None:
    text = (
        "The mayor welcomed the aid.\n\n"
        "The dam failed. That is what our engineers told us, the mayor said. "
        "We will rebuild it."
    )
    found = quotes(nlp, text)
    unmarked = [q for q in found if q.speaker_text == "the mayor"]
    assert unmarked[0].text == "The dam failed. That is what our engineers told us"
    assert not unmarked[0].direct
    assert [q.text for q in unmarked[1:]] == ["We will rebuild it."]


def test_quote_without_cue_inherits_the_speaker_of_the_paragraph(nlp: Any) -> None:
    text = "He noted, “We are witnessing a shift.” “Turkey sees an opportunity to reshape it.”"
    found = quotes(nlp, text)
    assert len(found) == 2
    assert found[1].speaker_text == "He" and found[1].cue is None


def test_scare_quotes_and_names_in_marks_are_not_statements(nlp: Any) -> None:
    text = 'Rebels launched a campaign named "Breaking the Chains" in the south.'
    assert quotes(nlp, text) == ()


def test_quote_fragment_inside_reported_speech_is_one_statement(nlp: Any) -> None:
    text = 'The minister said the embankment had been under "unbearable pressure" since Sunday.'
    (q,) = quotes(nlp, text)
    assert not q.direct
    assert q.text == 'the embankment had been under "unbearable pressure" since Sunday'


def test_dateline_is_not_part_of_the_content(nlp: Any) -> None:
    text = "DADU, Pakistan (Example Wire) — Water poured into villages on Tuesday, officials said."
    (q,) = quotes(nlp, text)
    assert q.text.startswith("Water poured")


# --------------------------------------------------------------------------- unmarked speech


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("The senator believes that the bill will fail in the House.", "believes",
         "that the bill will fail in the House"),
        ("The governor vowed to rebuild every bridge in the province.", "vowed",
         "to rebuild every bridge in the province"),
        ("The minister has repeatedly argued that the dam was safe.", "has repeatedly argued",
         "that the dam was safe"),
        ("The mayor did not say whether the schools would reopen.", "did not say",
         "whether the schools would reopen"),
    ],
)
def test_belief_intention_and_cue_words(nlp: Any, text: str, cue: str, content: str) -> None:
    found = [q for q in quotes(nlp, text) if q.cue == cue]
    assert [q.text for q in found] == [content]
    assert not found[0].direct


def test_quote_fragment_stays_inside_the_reported_clause(nlp: Any) -> None:
    text = "Graham said that he and his team “did everything we could do.”"
    (q,) = quotes(nlp, text)
    assert q.speaker_text == "Graham" and q.cue == "said"
    assert q.text == "that he and his team “did everything we could do.”"


def test_name_colon_line_is_that_name_speaking(nlp: Any) -> None:
    text = "Graham: Trump Is Destroying the Party's Chances\n\nThe senator spoke on Monday."
    found = [q for q in quotes(nlp, text) if q.cue == ":"]
    assert [(q.speaker_text, q.text) for q in found] == [
        ("Graham", "Trump Is Destroying the Party's Chances")
    ]


def test_a_dateline_in_capitals_is_no_speaker_but_a_transcript_names_its_speakers(
    nlp: Any,
) -> None:
    story = ("Storm closes port\n\nHALDEN: The port of Halden closed on Monday after the storm "
             "tore away two cranes.\n\nThe harbour master said repairs would take a week.")
    assert [q.speaker_text for q in quotes(nlp, story)] == ["The harbour master"]
    transcript = ("TAPPER: Are you running again?\n\nSMITH: I have not decided, and I will tell "
                  "voters first.\n\nTAPPER: When will you decide?")
    assert [q.speaker_text for q in quotes(nlp, transcript)] == ["TAPPER", "SMITH", "TAPPER"]


def test_story_labels_are_not_speakers(nlp: Any) -> None:
    text = "The Latest: Flood waters rise across the southern districts\n\nMore follows."
    assert not [q for q in quotes(nlp, text) if q.cue == ":"]


def test_acts_that_say_nothing_are_not_statements(nlp: Any) -> None:
    text = "Federal officials declined to comment on that report."
    assert quotes(nlp, text) == ()


def test_a_day_the_parser_takes_for_a_second_subject_is_no_speaker(nlp: Any) -> None:
    text = ("Mayor Ana Ruiz appears to support a plan in Lagos that has moved thousands of "
            "families in a month, a statement she made Friday indicated.")
    (quote,) = extract_quotes(nlp(text), "a1")
    assert quote.text.endswith("families in a month") and quote.cue == "indicated"
    assert quote.speaker_text == "a statement"


def test_when_the_speaker_spoke_is_not_part_of_who_speaks(nlp: Any) -> None:
    text = ("HALDEN — The regional government on Monday, August 18, 2025, announced an inquiry "
            "into the breach.")
    (quote,) = extract_quotes(nlp(text), "a1")
    assert quote.speaker_text == "The regional government" and quote.cue == "announced"
