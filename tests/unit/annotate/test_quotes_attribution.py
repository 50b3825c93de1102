"""Attribution rules measured on public attribution corpora: who speaks in a relative clause,
findings that close their sentence, and what an object-taking cue attributes."""

from __future__ import annotations

from typing import Any

from sitroom.annotate.quotes import extract_quotes
from sitroom.types import QuoteMention


def quotes(nlp: Any, text: str) -> tuple[QuoteMention, ...]:
    return extract_quotes(nlp(text), "art")


def by_cue(found: tuple[QuoteMention, ...], cue: str) -> QuoteMention:
    matches = [q for q in found if q.cue == cue]
    assert matches, f"no statement with cue {cue!r} in {[q.cue for q in found]}"
    return matches[0]


def test_who_said_is_a_statement_of_the_relative_pronoun(nlp: Any) -> None:
    found = quotes(nlp, "Barkley, who said he typically votes Democratic, likes Kasich.")
    q = by_cue(found, "said")
    assert q.text == "he typically votes Democratic"
    assert q.speaker_text == "who"


def test_relative_clause_of_a_thing_is_no_statement(nlp: Any) -> None:
    found = quotes(nlp, "The mayor cited a report that says the dam will fail within a year.")
    assert all(q.speaker_text != "that" for q in found)


def test_finding_after_its_clause(nlp: Any) -> None:
    found = quotes(nlp, "Clinton kept her lead among older voters, the poll found.")
    q = by_cue(found, "found")
    assert q.text == "Clinton kept her lead among older voters"
    assert q.speaker_text == "the poll"


def test_first_person_hedge_after_a_clause_is_no_statement(nlp: Any) -> None:
    found = quotes(nlp, "The plan will fail, I suspect.")
    assert [q for q in found if q.cue == "suspect"] == []


def test_object_cue_keeps_what_follows_the_object(nlp: Any) -> None:
    q = by_cue(quotes(nlp, "Clinton accused Trump of using divisive rhetoric."), "accused")
    assert q.text == "Trump of using divisive rhetoric"
    q = by_cue(quotes(nlp, "She congratulated Sanders for competing hard in several states."),
               "congratulated")
    assert q.text == "Sanders for competing hard in several states"


def test_object_cue_stops_at_a_comma(nlp: Any) -> None:
    q = by_cue(quotes(nlp, "The senator praised the new levee plan, and then left the hall."),
               "praised")
    assert q.text == "the new levee plan"


def test_quote_that_finishes_the_reported_clause_joins_it(nlp: Any) -> None:
    text = "He said his wife was qualified to lead because “the world is in tough shape.”"
    found = quotes(nlp, text)
    assert [q.text for q in found] == [
        "his wife was qualified to lead because “the world is in tough shape.”"
    ]


def test_quoted_predicate_of_an_object_cue_is_one_statement(nlp: Any) -> None:
    found = quotes(nlp, "Bush called Trump “unhinged.”")
    assert [(q.cue, q.text) for q in found] == [("called", "Trump “unhinged.”")]


def test_clause_conjoined_after_the_content_continues_it(nlp: Any) -> None:
    text = "He told reporters that the government tried to jail him, but a judge refused."
    q = by_cue(quotes(nlp, text), "told")
    assert q.text == "that the government tried to jail him, but a judge refused"


def test_a_conjoined_speech_act_is_not_content(nlp: Any) -> None:
    text = "The mayor said the levee held, and the governor denied it."
    q = by_cue(quotes(nlp, text), "said")
    assert q.text == "the levee held"


def test_cue_includes_the_verb_it_hangs_on(nlp: Any) -> None:
    q = by_cue(quotes(nlp, "She appeared to imply that the plan would fail."),
               "appeared to imply")
    assert q.text == "that the plan would fail"
    q = by_cue(quotes(nlp, "The minister vowed to rebuild the bridge."), "vowed")
    assert q.text == "to rebuild the bridge"


def test_parenthetical_speech_verb_attributes_its_sentence(nlp: Any) -> None:
    # The words before the cue are part of what was said even with no verb of their own:
    # PolNeAR marks ``In his state`` + ``offenders are ...`` as one content of two parts.
    text = "In his state, Christie said, offenders are sent to drug treatment."
    found = quotes(nlp, text)
    assert [(q.text, q.speaker_text, q.cue) for q in found] == [
        ("In his state", "Christie", "said"),
        ("offenders are sent to drug treatment", "Christie", "said"),
    ]


def test_conditional_opening_a_parenthetical_is_said(nlp: Any) -> None:
    text = "If the levee breaks again, the engineers say, the town will have to move."
    found = quotes(nlp, text)
    assert [q.text for q in found] == ["If the levee breaks again", "the town will have to move"]
    assert all(q.speaker_text == "the engineers" and q.cue == "say" for q in found)


def test_each_side_of_a_parenthetical_with_a_verb_is_a_mention(nlp: Any) -> None:
    found = quotes(nlp, "The levee failed, he said, and the town flooded.")
    assert len(found) == 2
    assert found[0].text == "The levee failed"
    assert all(q.speaker_text == "he" and q.cue == "said" for q in found)


def test_dateline_is_not_part_of_the_speaker(nlp: Any) -> None:
    text = ("Title line.\n\nORLANDO, Fla. (Reuters) - President Barack Obama said the "
            "attack was terror.")
    q = by_cue(quotes(nlp, text), "said")
    assert q.speaker_text == "President Barack Obama"


def test_dateline_in_ordinary_capitals_is_not_part_of_the_speaker(nlp: Any) -> None:
    text = ("Title line.\n\nNew York (AFP) – Vice President Joe Biden said the attack was "
            "terror.")
    q = by_cue(quotes(nlp, text), "said")
    assert q.speaker_text == "Vice President Joe Biden"


def test_gerund_after_a_preposition_speaks_for_the_clause_subject(nlp: Any) -> None:
    q = by_cue(quotes(nlp, "The mayor concluded by saying that the dam would hold."), "saying")
    assert q.speaker_text == "The mayor"
    assert q.text == "that the dam would hold"


def test_object_cue_stops_before_a_circumstance(nlp: Any) -> None:
    q = by_cue(quotes(nlp, "The senator praised the rescue teams after the storm passed."),
               "praised")
    assert q.text == "the rescue teams"


def test_circumstance_after_a_parenthetical_is_not_said(nlp: Any) -> None:
    text = "The toll rose to 41, the authority said, as floodwater spread into low areas."
    assert all("floodwater" not in q.text for q in quotes(nlp, text))


def test_short_common_noun_object_is_the_act_not_its_words(nlp: Any) -> None:
    text = "The minister has denied the reports."
    assert [q for q in quotes(nlp, text) if q.cue == "has denied"] == []


def test_two_apostrophes_are_a_double_quotation_mark(nlp: Any) -> None:
    text = "''We are in a bubble, and bad things will happen,'' he said."
    found = quotes(nlp, text)
    assert [(q.text, q.speaker_text, q.cue) for q in found] == [
        ("We are in a bubble, and bad things will happen", "he", "said")
    ]


def test_hedges_and_agentless_passives_are_no_statements(nlp: Any) -> None:
    assert quotes(nlp, "The governor appears to favour the northern route.") == ()
    text = "Adelson is widely expected to be the party's top donor."
    assert [q for q in quotes(nlp, text) if "expected" in (q.cue or "")] == []


def test_object_with_a_quoted_complement_is_one_statement(nlp: Any) -> None:
    # The parser hangs the opening mark on the verb, between the object and its complement.
    text = ("The governor toured the flooded district on Tuesday and called the relief "
            "effort “a total failure.”")
    q = by_cue(quotes(nlp, text), "called")
    assert q.text == "the relief effort “a total failure.”"



def test_a_programme_named_in_quotes_is_no_statement(nlp: Any) -> None:
    text = ("Sunday on the network’s “Morning Report,” the governor said the levee would be "
            "rebuilt by spring.")
    found = quotes(nlp, text)
    assert [(q.text, q.cue) for q in found] == [
        ("the levee would be rebuilt by spring", "said")
    ]
