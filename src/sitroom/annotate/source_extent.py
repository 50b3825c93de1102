"""The source of a statement as attribution corpora mark it, beside the speaker as shown.

The speaker a report shows is kept short and readable: ``six million people who lost their
insurance`` shows as ``six million people`` and ``Marley Anderson, 21, a junior from Las
Vegas,`` as ``Marley Anderson``. PolNeAR-style annotation marks the
whole mention instead: the name with what tells which one speaks. This module finds that
longer span, which ``sitroom extract quotes`` gives as ``source_start``/``source_end`` while
``speaker_*`` stays as shown.

The longer span takes only what hangs on the speaker's head word right after it: a relative
or participle clause with no comma before it (``six million people who lost their
insurance``, ``a poll taken last week``), a description or an age set off by a comma
(``Marvin Teske, 53, a security guard``, ``Carla Cruz, 24``: ages alone are in the source
24 times in PolNeAR documents 0-399, out 7 times) and a relative clause on a person set off
by a comma (``Cruz, who has proposed repealing the mandate``) that reports no act of speech
or thought of its own. Other clauses set off by a comma (``Clinton, clearly frustrated``,
``the group, which ...``) are asides the corpus leaves out as often as not. It stops before
the cue and the content and stays in the speaker's paragraph. A
possessive speaker keeps its ``'s`` (``Weaver's declarations of``), as the corpus marks it.
"""

from __future__ import annotations

from typing import Any

from .cues import COGNITION_VERBS, INTENTION_VERBS, SPEECH_VERBS
from .doctext import text_of, tokens_between
from .text_lines import next_line_break

#: Dependents of a name that describe the one who speaks when set off after it.
_DESCRIPTIONS = frozenset({"relcl", "appos", "acl"})
#: Verbs that make a relative clause a statement of its own, not a description.
_OWN_STATEMENT_VERBS = SPEECH_VERBS | COGNITION_VERBS | INTENTION_VERBS
#: Tokens at most a description may add to the source.
MAX_ADDED_TOKENS = 30


def _head_of(doc: Any, start: int, end: int) -> Any | None:
    """The token of ``[start, end)`` whose head lies outside it (the phrase's head)."""
    tokens = [t for t in tokens_between(doc, start, end) if not t.is_space]
    inside = {t.i for t in tokens}
    heads = [t for t in tokens if t.head.i not in inside or t.head.i == t.i]
    return heads[0] if len(heads) == 1 else None


def source_span(
    doc: Any, speaker: tuple[int, int], limit: int
) -> tuple[int, int]:
    """``speaker`` widened over the descriptions set off after its head word (``, who ...``,
    ``, 21, a junior from Las Vegas``) that end before ``limit`` (the cue or the content,
    whichever comes first after the speaker) and before the paragraph's end."""
    text: str = text_of(doc)
    start, end = speaker
    head = _head_of(doc, start, end)
    if head is None:
        return speaker
    start = _place_split_off(doc, _title_before(doc, head, start))
    after = tokens_between(doc, end, end + 4)
    if after and after[0].idx == end and after[0].tag_ == "POS" and after[0].head.i == head.i:
        return start, end + len(after[0].text)  # ``Weaver's declarations of``: ``Weaver's``
    para_end = next_line_break(text, end)
    bound = min(limit, para_end if para_end >= 0 else len(text))
    last = end
    for child in sorted(head.children, key=lambda c: c.i):
        if child.dep_ not in _DESCRIPTIONS or child.idx < end:
            continue
        words = sorted(child.subtree, key=lambda t: t.i)
        while words and (words[-1].is_punct or words[-1].is_space):
            words.pop()
        if not words:
            break
        gap = text[last:words[0].idx].strip()
        finish = words[-1].idx + len(words[-1].text)
        if gap not in {"", ","} or finish > bound or len(words) > MAX_ADDED_TOKENS:
            break
        restrictive = gap == "" and child.dep_ in {"relcl", "acl"}
        if not restrictive and not (child.dep_ == "appos" and gap == ",") and \
                not _describes_a_person(child, words, gap):
            break  # ``Clinton, clearly frustrated``: an aside, as the corpus marks it
        last = finish
    return (start, last) if last > end or start < speaker[0] else speaker


def _describes_a_person(clause: Any, words: list[Any], gap: str) -> bool:
    """``Cruz, who has proposed repealing the mandate``: a relative clause on a person set
    off by a comma is part of the source (114 times in PolNeAR documents 0-399, left out
    32 times), unless it reports an act of speech or thought of its own (``Brown, who said
    he would ...``), which is a statement of its own. A ``whose`` clause is left out, as
    the corpus more often does."""
    if gap != "," or clause.dep_ != "relcl" or words[0].lower_ != "who":
        return False
    return not any(
        t.pos_ == "VERB" and t.lemma_.lower() in _OWN_STATEMENT_VERBS for t in words
    )


def _title_before(doc: Any, head: Any, start: int) -> int:
    """Where the source starts when a title written right before the name, with no comma,
    was parsed as a second subject of the same verb (``Vatican spokesman the Rev. Federico
    Lombardi said``, ``Democratic presidential frontrunner Hillary Clinton said``): the
    corpus marks title and name as one source."""
    verb = head.head
    if head.dep_ != "nsubj" or verb.i == head.i:
        return start
    first = min(t.i for t in head.subtree)
    for other in verb.children:
        if other.dep_ != "nsubj" or other.i >= first or other.pos_ not in {"NOUN", "PROPN"}:
            continue
        words = sorted(other.subtree, key=lambda t: t.i)
        if words[-1].i + 1 == first and not any(t.is_punct and t.text != "." for t in words):
            return int(words[0].idx)
    return start


def _place_split_off(doc: Any, start: int) -> int:
    """Where the source starts when a place name opening the paragraph right before it was
    cut off as a sentence of its own (``Texas Lt. Gov. Dan Patrick says``, ``Minnesota Gov.
    Mark Dayton is backing``: the parser ends a one-word sentence at the place before a
    title): the corpus marks the place as part of the source."""
    following = tokens_between(doc, start, start + 1)
    if not following or following[0].i == 0:
        return start
    place = doc[following[0].i - 1]
    sentence = place.sent
    if len(sentence) != 1 and not all(t.is_space for t in sentence[1:]):
        return start
    if place.ent_type_ not in {"GPE", "NORP"} or place.pos_ != "PROPN" or \
            place.idx + len(place.text) + 1 != start or place.whitespace_ != " ":
        return start
    text: str = text_of(doc)
    if place.idx > 0 and text[place.idx - 1] != "\n":
        return start  # not the paragraph's first word
    return int(place.idx)
