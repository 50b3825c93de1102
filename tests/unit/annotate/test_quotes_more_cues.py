"""Statements told by a noun (``Trump's claim that ...``), quote-only cue verbs, quotes a colon
announces, and speakers the parser misplaces."""

from __future__ import annotations

from typing import Any

from sitroom.annotate.noun_cues import attribution_nouns
from sitroom.annotate.quotes import extract_quotes
from sitroom.types import QuoteMention


def quotes(nlp: Any, text: str) -> tuple[QuoteMention, ...]:
    return extract_quotes(nlp(text), "art")


def test_possessor_of_a_claim_is_its_source(nlp: Any) -> None:
    found = quotes(nlp, "Trump's claim that Mexico will pay for the wall drew laughter.")
    assert [(q.speaker_text, q.cue, q.text) for q in found] == [
        ("Trump", "claim", "that Mexico will pay for the wall")
    ]


def test_noun_with_a_prepositional_object(nlp: Any) -> None:
    found = quotes(nlp, "His comments on immigrants angered many voters.")
    assert [(q.speaker_text, q.cue, q.text) for q in found] == [
        ("His", "comments on", "immigrants")
    ]


def test_noun_inside_another_statement_is_a_statement_of_its_own(nlp: Any) -> None:
    found = quotes(nlp, "Ryan dismissed Trump's claim that the region is unsafe.")
    assert ("Trump", "claim", "that the region is unsafe") in [
        (q.speaker_text, q.cue, q.text) for q in found
    ]


def test_light_verb_subject_owns_the_noun(nlp: Any) -> None:
    found = quotes(nlp, "Clinton avoided direct criticism of Sanders on Tuesday.")
    assert [(q.speaker_text, q.cue, q.text) for q in found] == [
        ("Clinton", "avoided direct criticism of", "Sanders")
    ]


def test_nobody_s_claim_and_relative_clauses_are_not_statements(nlp: Any) -> None:
    assert quotes(nlp, "The claim that he made was false.") == ()
    assert quotes(nlp, "The claim that the dam would fail spread quickly.") == ()
    assert quotes(nlp, "He took the plan to the floor.") == ()


def test_lexicon_lists_what_each_noun_takes() -> None:
    nouns = attribution_nouns()
    assert nouns["claim"] == "clause"
    assert nouns["criticism"] == "object"
    assert set(nouns.values()) <= {"clause", "object", "both"}


def test_quote_only_verbs_cue_quotes_in_marks(nlp: Any) -> None:
    found = quotes(nlp, '"Security remains the biggest challenge today," Carson continued.')
    assert [(q.speaker_text, q.cue) for q in found] == [("Carson", "continued")]
    found = quotes(nlp, 'He continued: "The first loser of such a policy would be us."')
    assert [(q.speaker_text, q.cue) for q in found] == [("He", "continued")]


def test_quote_only_verbs_report_nothing_without_marks(nlp: Any) -> None:
    assert quotes(nlp, "Prices continued to rise across the region this week.") == ()


def test_name_before_a_colon_speaks_the_quote(nlp: Any) -> None:
    found = quotes(nlp, "Turnout matters - Philip Bump: “Two weeks ago, the South was his "
                        "strongest territory.”")
    assert [(q.speaker_text, q.cue) for q in found] == [("Philip Bump", ":")]


def test_document_before_a_colon_speaks_the_quote(nlp: Any) -> None:
    found = quotes(nlp, "From the report: “Samples with longer field periods produced more "
                        "accurate results.”")
    assert [(q.speaker_text, q.cue) for q in found] == [("the report", ":")]


def test_subject_of_the_clause_a_colon_ends_speaks_the_quote(nlp: Any) -> None:
    found = quotes(nlp, "The Daily News focuses on the victims: “In taking 129 lives in half "
                        "an hour, the attackers won.”")
    assert [(q.speaker_text, q.cue) for q in found] == [("The Daily News", "focuses")]


def test_writer_s_aside_before_a_colon_names_no_speaker(nlp: Any) -> None:
    found = quotes(nlp, 'Wait, it gets better:\n\n"By law, the president sets the maximum '
                        'number of refugees every fiscal year."')
    assert [q.speaker_text for q in found] == [None]


def test_stray_name_before_the_subject_is_not_the_speaker(nlp: Any) -> None:
    found = quotes(nlp, "Tuesday in Berea, OH, after winning the primary, Gov. John Kasich "
                        "(R-OH), said, “I’m getting ready to rent a covered wagon.”")
    assert [q.speaker_text for q in found] == ["Gov. John Kasich (R-OH)"]


def test_participle_after_a_comma_speaks_for_the_clause_subject(nlp: Any) -> None:
    found = quotes(nlp, "Band member Flea shared the news last week, writing “Feels great to "
                        "support someone I believe in. The band offered to pay.”")
    assert by_cue(found, "writing").speaker_text == "Band member Flea"


def by_cue(found: tuple[QuoteMention, ...], cue: str) -> QuoteMention:
    matches = [q for q in found if q.cue == cue]
    assert matches, f"no statement with cue {cue!r} in {[q.cue for q in found]}"
    return matches[0]


def test_clause_the_parser_lost_after_a_speech_verb(nlp: Any) -> None:
    found = quotes(nlp, "He said legalizing it could put thousands of people to work in "
                        "upstate New York.")
    assert [(q.speaker_text, q.cue, q.text) for q in found] == [
        ("He", "said",
         "legalizing it could put thousands of people to work in upstate New York")
    ]


def test_speech_verb_with_no_clause_after_it_reports_nothing(nlp: Any) -> None:
    assert quotes(nlp, "They said so.") == ()


def test_adjective_of_belief_with_a_clause(nlp: Any) -> None:
    found = quotes(nlp, "But Mr. Ackman is convinced that Valeant will be a comeback story.")
    assert [(q.speaker_text, q.cue, q.text) for q in found] == [
        ("Mr. Ackman", "is convinced", "that Valeant will be a comeback story")
    ]
    found = quotes(nlp, "He is determined to win the nomination.")
    assert [(q.cue, q.text) for q in found] == [("is determined", "to win the nomination")]


def test_impersonal_adjective_is_nobody_s_stance(nlp: Any) -> None:
    assert quotes(nlp, "It is certain that prices will rise.") == ()


def test_quote_after_a_paragraph_naming_the_last_speaker_again_is_theirs(nlp: Any) -> None:
    found = quotes(nlp, "“He has the appeal Reagan had to Democrats,” Viguerie notes.\n\n"
                        "Viguerie is upbeat about the race.\n\n"
                        "“Not only can he win in November, he has the broadest appeal.”")
    assert [q.speaker_text for q in found] == ["Viguerie", "Viguerie"]


def test_quote_after_a_paragraph_about_someone_else_is_not_inherited(nlp: Any) -> None:
    found = quotes(nlp, "“He has the appeal Reagan had to Democrats,” Viguerie notes.\n\n"
                        "Cruz is upbeat about the race.\n\n"
                        "“Not only can he win in November, he has the broadest appeal.”")
    assert [q.speaker_text for q in found] == ["Viguerie", None]


def test_words_between_the_quote_and_its_cue_are_the_speaker(nlp: Any) -> None:
    text = ("“He checks all our boxes.”\n\n"
            "“Yes, I support Ted Cruz,” Brent Bozell III, founder of the Media Research "
            "Center, tells Breitbart News in an exclusive interview.\n\n"
            "Bozell was five years old when the statement was signed.")
    q = by_cue(quotes(nlp, text), "tells")
    assert q.speaker_text == "Brent Bozell III, founder of the Media Research Center"


def test_sentence_opening_asked_names_no_asker(nlp: Any) -> None:
    found = quotes(nlp, "Asked what a firm commitment looks like, Devine said the campaign "
                        "wanted more.")
    assert [(q.speaker_text, q.cue) for q in found] == [("Devine", "said")]


def test_belief_inside_someone_s_speech_is_part_of_it(nlp: Any) -> None:
    found = quotes(nlp, "Sen. Kristen Gillibrand told reporters on Monday she believed that "
                        "Clinton would release the transcript.")
    assert [(q.speaker_text, q.cue) for q in found] == [("Sen. Kristen Gillibrand", "told")]
    found = quotes(nlp, "FALLIN: I think the whole nation needs to work together.")
    assert [(q.speaker_text, q.cue) for q in found] == [("FALLIN", ":")]
