"""Quoted words that quote nobody are not listed: titles, headlines, scare quotes, ``you``."""

from __future__ import annotations

import random

from sitroom.resolve.not_quotes import drop_non_quotes, in_headline, is_title
from sitroom.types import Quote


def quote(text: str, content: str, speaker: str | None = None, speaker_text: str | None = None,
          direct: bool = True) -> Quote:
    start = text.index(content)
    return Quote("q", "a", speaker, speaker_text, content, direct, None, start,
                 start + len(content))


def kept(text: str, quotes: list[Quote]) -> list[str]:
    return [q.text for q in drop_non_quotes(text, quotes)]


def test_scare_quotes_and_terms_inside_a_sentence_are_dropped() -> None:
    text = ('These so-called "dreamers" came as children. Lines of authority are blurred and '
            '"expert" advice is dismissed.')
    assert kept(text, [quote(text, "dreamers"), quote(text, "expert")]) == []


def test_a_short_phrase_with_a_speaker_is_still_a_quote() -> None:
    text = 'Mr. Trump called Price a "very fine person." He left.'
    assert kept(text, [quote(text, "very fine person.", "e_trump")]) == ["very fine person."]


def test_a_short_quoted_sentence_or_exclamation_is_kept() -> None:
    text = 'The crowd chanted "Yes we can!" and left.\n\n"It is craven politics."'
    quotes = [quote(text, "Yes we can!"), quote(text, "It is craven politics.")]
    assert kept(text, quotes) == ["Yes we can!", "It is craven politics."]


def test_titles_are_dropped_but_not_sentences() -> None:
    text = ('Swalwell appears on "The Late Show with Stephen Colbert" on Monday. Warren wrote '
            'that "the plan will cost far less than the critics say it will."')
    quotes = [quote(text, "The Late Show with Stephen Colbert"),
              quote(text, "the plan will cost far less than the critics say it will.")]
    assert kept(text, quotes) == ["the plan will cost far less than the critics say it will."]
    assert is_title(["Lies", "My", "Father", "Told", "Me"])
    assert not is_title(["Russia", "will", "be", "free"])


def test_quotes_in_a_headline_line_are_dropped() -> None:
    text = ("The vote was close.\n\nTRUMP VISITS BORDER, DECLARING THAT 'OUR COUNTRY IS FULL'\n\n"
            "He spoke for an hour about the plan and what comes next.")
    assert in_headline(text, text.index("OUR COUNTRY"))
    assert not in_headline(text, text.index("He spoke"))
    assert kept(text, [quote(text, "OUR COUNTRY IS FULL")]) == []


def test_a_quote_in_the_first_line_title_is_dropped_unless_someone_says_it() -> None:
    text = ("Mexico 'won't be provoked by US' over migrant row\n\n"
            "Mexico's president said he would not be provoked by the US.")
    assert kept(text, [quote(text, "won't be provoked by US")]) == []
    said = quote(text, "won't be provoked by US", "e_mexico")
    assert kept(text, [said]) == ["won't be provoked by US"]


def test_the_reader_and_the_writers_argument_are_no_speakers() -> None:
    text = ("If you search this image, you'll see that it's from 2009. This suggests that the "
            "archive was wrong. Officials said that the fire is out.")
    quotes = [quote(text, "that it's from 2009", speaker_text="you", direct=False),
              quote(text, "that the archive was wrong", speaker_text="This", direct=False),
              quote(text, "that the fire is out", speaker_text="Officials", direct=False)]
    assert kept(text, quotes) == ["that the fire is out"]


def test_a_title_line_that_attributes_in_words_keeps_its_statement() -> None:
    text = ("Sindh government ordered the embankment cut, officials say\n\n"
            "KARACHI — The government ordered engineers to cut the embankment.")
    said = quote(text, "Sindh government ordered the embankment cut", speaker_text="officials",
                 direct=False)
    assert kept(text, [said]) == ["Sindh government ordered the embankment cut"]


def _shouting_by_scan(text: str, at: int) -> bool:
    """The paragraph test as each quote once made it: read its whole paragraph."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    letters = [ch for ch in text[start:len(text) if end < 0 else end] if ch.isalpha()]
    return len(letters) >= 8 and not any(ch.islower() for ch in letters)


def test_the_capitals_test_reads_each_line_once_and_agrees_with_a_scan() -> None:
    from sitroom.resolve import not_quotes

    text = ("Lead line\nTRUMP VISITS BORDER, 'OUR COUNTRY IS FULL'\n\nSHORT\n" +
            "The army shelled the town 17 times, officials said. " * 2000 + "\nEND OF TEXT HERE")
    offsets = [*range(0, 120), *range(120, len(text), 97), len(text) - 1, len(text)]
    not_quotes._shouted_lines.cache_clear()
    assert [in_headline(text, at) for at in offsets] == [
        _shouting_by_scan(text, at) for at in offsets]
    # one pass over the text for all those looks, however many fall in its longest line
    assert not_quotes._shouted_lines.cache_info().misses == 1


def test_shouted_lines_are_those_with_eight_letters_and_none_lowercase() -> None:
    """The quick test for a lowercase ASCII letter gives the lines a look at every letter
    gives, whatever letters the lines hold (accented, German sharp s, ordinal marks)."""
    from sitroom.resolve.not_quotes import _shouted_lines

    rng = random.Random(4)
    alphabet = "ABCÉÖabcéßª1 .,"
    for _ in range(300):
        text = "\n".join(
            "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
            for _ in range(rng.randint(1, 6))
        )
        expected, start = set(), 0
        for line in text.split("\n"):
            letters = [ch for ch in line if ch.isalpha()]
            if len(letters) >= 8 and not any(ch.islower() for ch in letters):
                expected.add(start)
            start += len(line) + 1
        assert _shouted_lines(text) == expected
