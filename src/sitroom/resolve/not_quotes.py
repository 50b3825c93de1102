"""Quoted words that quote nobody: titles, headlines, scare quotes, generic ``you``.

Quotation marks in news do more than report speech. They set off a title (``appears on "The
Late Show with Stephen Colbert"``), a headline (a Fox News ``TRUMP VISITS ..., DECLARING THAT
'OUR COUNTRY IS FULL'`` link line, or the article's own first line), and a word used at a
distance (``the so-called "dreamers"``, ``"expert" advice``). And a report verb whose subject
is the reader or the writer's own argument (``you'll see that ...``, ``This suggests that
...``) reports no one's words. None of these is a statement; listing them as quotes with no
speaker is the noise a reader of the quotes table sees first. This module says which to drop.

Every test here leaves alone a quote with a resolved speaker: a short phrase that someone is
said to have said (``Trump called Price a "very fine person."`` once its speaker is known) is
still a quote.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from ..annotate.text_lines import line_around
from ..types import Quote

#: At most this many words make a short quoted phrase (a term, a nickname, a label).
MAX_PHRASE_WORDS = 4
#: At most this many words make a title or a headline.
MAX_TITLE_WORDS = 25
#: Words a title leaves in lower case (``Lies My Father Told Me``, ``The Late Show with ...``).
_MINOR_WORDS = frozenset({
    "a", "an", "the", "and", "or", "nor", "but", "of", "to", "in", "on", "at", "by", "for",
    "with", "from", "as", "into", "onto", "over", "via", "vs", "per", "up", "off", "out",
})
#: The reader as speaker (``if you search this image, you'll see that ...``).
_READER = frozenset({"you", "y'all", "y’all"})
#: The writer's own argument as speaker (``This suggests that ...``), outside quote marks.
_DEMONSTRATIVES = frozenset({"this", "that"})
_OPENING_MARKS = "\"“‘'«„"
_CLOSING_MARKS = "”’»"
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")


def is_not_a_quote(text: str, quote: Quote, first_paragraph_end: int | None = None) -> bool:
    """Whether ``quote`` (speaker already resolved) quotes nobody and should not be listed.

    ``first_paragraph_end`` is where the text's first paragraph ends (computed once per
    article by :func:`drop_non_quotes`)."""
    if quote.speaker is not None:
        return False
    # A headline that attributes in words (``X ordered Y, officials say``) is a statement;
    # only one in quote marks is dropped from the title line.
    if in_headline(text, quote.start, first_paragraph_end if quote.direct else None):
        return True
    if quote.speaker_text is not None:
        who = quote.speaker_text.strip().casefold()
        return who in _READER or (who in _DEMONSTRATIVES and not quote.direct)
    if not quote.direct:
        return False
    words = _WORD.findall(quote.text)
    if not words:
        return True
    if is_title(words):
        return True
    # A short phrase inside a narrated sentence, with no one to say it, is a term, not a
    # statement. A quoted sentence of its own (``"It is craven politics."``), an exclamation or
    # a question (``chanted "Yes we can!"``) is someone's words even when nobody is named.
    return (len(words) <= MAX_PHRASE_WORDS and not quote.text.rstrip().endswith(("!", "?"))
            and not opens_sentence(text, quote.start))


def opens_sentence(text: str, at: int) -> bool:
    """Whether the quote whose content starts at ``at`` opens a sentence or a paragraph."""
    i = at
    while i > 0 and text[i - 1] in _OPENING_MARKS + " \t":
        i -= 1
    return i == 0 or text[i - 1] in "\n.!?:;—" + _CLOSING_MARKS


def is_title(words: Sequence[str]) -> bool:
    """Every word capitalised but the minor ones, two or more capitalised words: the title
    of a book, show, paper or headline (``Lies My Father Told Me``)."""
    if not 2 <= len(words) <= MAX_TITLE_WORDS or not words[0][:1].isupper():
        return False
    capitals = 0
    for word in words:
        if word[:1].isupper():
            capitals += 1
        elif word.casefold() not in _MINOR_WORDS:
            return False
    return capitals >= 2


def in_headline(text: str, at: int, first_paragraph_end: int | None = None) -> bool:
    """Whether offset ``at`` lies in a headline: a paragraph written all in capitals (a link
    to another story), or the text's first paragraph when it is short and ends with no
    sentence mark (the article's own title kept at the top of its text)."""
    start, _end = line_around(text, at)
    if start in _shouted_lines(text):
        return True
    if first_paragraph_end is None or at >= first_paragraph_end:
        return False
    first = text[:first_paragraph_end].strip()
    return (len(first.split()) <= MAX_TITLE_WORDS
            and not first.rstrip("\"”’'»").endswith((".", "!", "?", ":"))
            and first_paragraph_end < len(text))


@lru_cache(maxsize=4)
def _shouted_lines(text: str) -> frozenset[int]:
    """Where each line of ``text`` written all in capitals (eight letters or more) starts.

    Found once per text: each quote's look at its own paragraph read the whole paragraph,
    so thousands of quotes in an article written as one line cost the square of its length
    (1,900 quotes in 100,000 characters: 190 million characters read)."""
    starts: set[int] = set()
    start = 0
    for line in text.split("\n"):
        # Nearly every line holds a lowercase ASCII letter, which settles it: a search in C
        # instead of a look at each character in Python (a fifth of the quote step's CPU).
        if _ASCII_LOWER.search(line) is None:
            letters = [ch for ch in line if ch.isalpha()]
            if len(letters) >= 8 and not any(ch.islower() for ch in letters):
                starts.add(start)
        start += len(line) + 1
    return frozenset(starts)


_ASCII_LOWER = re.compile("[a-z]")


def first_paragraph_end(text: str) -> int:
    """Where the first paragraph (first non-empty line) of ``text`` ends."""
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    return len(text) if end < 0 else end


def drop_non_quotes(text: str, quotes: Sequence[Quote]) -> list[Quote]:
    """``quotes`` of one article without those :func:`is_not_a_quote` rejects."""
    first = first_paragraph_end(text)
    return [q for q in quotes if not is_not_a_quote(text, q, first)]
