"""Quotes with no speaker words take their speaker from the paragraphs around them."""

from __future__ import annotations

from sitroom.resolve.speakers import resolve_speakers
from sitroom.types import Mention, QuoteMention


class Lookup:
    """A stand-in for EntityResolution: each mention's folded text is its entity."""

    def __init__(self, mentions: list[Mention]) -> None:
        self.by_span = {(m.start, m.end): "e_" + m.text.lower() for m in mentions}

    def entity_of(self, article: str, start: int, end: int) -> str | None:
        return self.by_span.get((start, end))

    def lookup(self, surface: str) -> str | None:
        return None


def person(text: str, name: str, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(name, start + 1)
    return Mention("a", start, start + len(name), name, "PERSON")


def said(text: str, content: str, speaker: str | None = None, cue: str | None = None
         ) -> QuoteMention:
    start = text.index(content)
    s_start = text.index(speaker) if speaker else None
    return QuoteMention("a", start, start + len(content), content, True, s_start,
                        s_start + len(speaker) if speaker and s_start is not None else None,
                        speaker, None, None, cue)


def speakers(text: str, quotes: list[QuoteMention], mentions: list[Mention]
             ) -> list[str | None]:
    return [q.speaker for q in resolve_speakers(text, quotes, mentions, Lookup(mentions))]


def test_a_quote_paragraph_continues_the_speaker_of_the_paragraph_before() -> None:
    text = ('"We need the money now," Tim Scott said.\n\n'
            '"If he was the architect, I would have voted no."\n\nThe vote is on Monday.')
    mentions = [person(text, "Tim Scott")]
    quotes = [said(text, "We need the money now", "Tim Scott", "said"),
              said(text, "If he was the architect, I would have voted no.")]
    assert speakers(text, quotes, mentions) == ["e_tim scott", "e_tim scott"]


def test_no_continuation_when_someone_else_is_named_in_between() -> None:
    text = ('"We need the money now," Tim Scott said. Nikki Fried disagreed.\n\n'
            '"It is craven politics."')
    mentions = [person(text, "Tim Scott"), person(text, "Nikki Fried")]
    quotes = [said(text, "We need the money now", "Tim Scott", "said"),
              said(text, "It is craven politics.")]
    assert speakers(text, quotes, mentions) == ["e_tim scott", None]


def test_a_quoted_sentence_after_an_attributed_quote_in_the_same_paragraph() -> None:
    text = ('"It is craven politics," said Nikki Fried. "Congressman Roy forgot the aid." '
            'Then she called the delay "tragic".')
    mentions = [person(text, "Nikki Fried")]
    quotes = [said(text, "It is craven politics", "Nikki Fried", "said"),
              said(text, "Congressman Roy forgot the aid."),
              said(text, "tragic")]
    # The quoted word inside a narrated sentence is not a continuation; left with no speaker,
    # a one-word phrase is nobody's statement and is not listed at all.
    assert speakers(text, quotes, mentions) == ["e_nikki fried", "e_nikki fried"]


def test_a_colon_introduction_names_the_speaker() -> None:
    text = ('The censure vote failed.\n\nBrenda Lawrence continued: "I want him censured."\n\n'
            'He added: "There is no way around that."')
    mentions = [person(text, "Brenda Lawrence")]
    quotes = [said(text, "I want him censured."), said(text, "There is no way around that.")]
    assert speakers(text, quotes, mentions) == ["e_brenda lawrence", "e_brenda lawrence"]


def test_a_signed_block_of_quoted_paragraphs_goes_to_the_signer() -> None:
    text = ("From the Right\n\n“Sanctions have worked.\n\n"
            "“The regime cannot hold out for long.”\n\n"
            "Jonathan Tobin, The Federalist\n\n"
            "“The deal was flawed.” Ken White, The Atlantic\n\n"
            "“Both sides erred.”\n\nReuel Gerecht and Ray Takeyh, Wall Street Journal")
    mentions = [person(text, "Jonathan Tobin"), person(text, "Ken White"),
                person(text, "Reuel Gerecht"), person(text, "Ray Takeyh")]
    quotes = [said(text, "Sanctions have worked."),
              said(text, "The regime cannot hold out for long."),
              said(text, "The deal was flawed."), said(text, "Both sides erred.")]
    resolved = resolve_speakers(text, quotes, mentions, Lookup(mentions))
    assert [q.speaker for q in resolved] == [
        "e_jonathan tobin", "e_jonathan tobin", "e_ken white", None]
    # Two signers: no single entity, but their names are kept for the report.
    assert resolved[3].speaker_text == "Reuel Gerecht and Ray Takeyh"


def test_a_narrative_line_after_a_quote_is_no_signature() -> None:
    text = ("“The deal was flawed.”\n\nKen White, a lawyer, spoke on Monday.")
    mentions = [person(text, "Ken White")]
    assert speakers(text, [said(text, "The deal was flawed.")], mentions) == [None]


def test_a_signed_quote_framed_as_what_some_argue_goes_to_the_signer() -> None:
    text = "Some argue that “the deal was flawed.”\n\nKen White, The Atlantic"
    mentions = [person(text, "Ken White")]
    quote = said(text, "the deal was flawed.", "Some", "argue")
    resolved = resolve_speakers(text, [quote], mentions, Lookup(mentions))
    assert (resolved[0].speaker, resolved[0].speaker_text) == ("e_ken white", "Ken White")


def test_a_narrated_sentence_names_the_speaker_of_its_quote() -> None:
    text = ('House Majority Leader Steny Hoyer, D-Md., intimated that "we will take action as '
            'early as next week." The bill waits.')
    mentions = [person(text, "Steny Hoyer")]
    quotes = [said(text, "we will take action as early as next week.")]
    assert speakers(text, quotes, mentions) == ["e_steny hoyer"]


def test_a_narrated_sentence_with_two_names_and_no_cue_gives_no_speaker() -> None:
    text = ('Trump defended Kanye West as "actually a different kind of person than people '
            'think." He left.')
    mentions = [person(text, "Trump"), person(text, "Kanye West")]
    quotes = [said(text, "actually a different kind of person than people think.")]
    assert speakers(text, quotes, mentions) == [None]
    cued = [said(text, "actually a different kind of person than people think.", cue="defended")]
    assert speakers(text, cued, mentions) == ["e_trump"]


def test_a_quote_opening_its_sentence_is_not_narrated() -> None:
    text = 'Nikki Fried spoke on Monday. "The aid is late and Congress knows it well."'
    mentions = [person(text, "Nikki Fried")]
    quotes = [said(text, "The aid is late and Congress knows it well.")]
    assert speakers(text, quotes, mentions) == [None]


def test_a_short_phrase_is_narrated_only_after_an_active_cue_of_a_named_person() -> None:
    text = 'Mr. Trump at the time called Price a "very fine person." Price resigned.'
    mentions = [person(text, "Trump"), person(text, "Price")]
    quotes = [said(text, "very fine person.", cue="called")]
    assert speakers(text, quotes, mentions) == ["e_trump"]
    text = 'For Bill Clinton, everything is dismissed as "only about sex." It is not.'
    mentions = [person(text, "Bill Clinton")]
    # A passive cue describes; the phrase is a term, nobody's statement, and not listed.
    assert speakers(text, [said(text, "only about sex.", cue="is dismissed")], mentions) == []
