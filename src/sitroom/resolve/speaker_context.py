"""Speakers for quotes that name none, from the paragraphs around them.

News writes a long statement over several paragraphs and names the speaker once; an opinion
round-up signs a block of quoted paragraphs with a line ``Name, Outlet``. A quote found with
no speaker words (``speaker_text`` None) takes a speaker here, by four rules tried in order,
each only when the chain is unambiguous:

1. **Introduced**: the words before the quote in its sentence end with a colon after a named
   person (``Lawrence continued: "..."``): that person; after ``He``/``She`` (``He added:``)
   the speaker of the previous quote, as for a continuation.
2. **Same paragraph**: an earlier quote of the paragraph has a speaker (``"...," Fried
   said. "Congressman Roy must ..."``): that speaker.
3. **Signed block**: the quote opens a run of quoted paragraphs that ends with a signature
   line (``Reuel Marc Gerecht, Wall Street Journal``, on its own line or right after the
   closing mark): the person signed.
   The same holds for a signed quote framed by a description (``Some argue that "..."``).
4. **Continued paragraph**: the quote opens its paragraph and the paragraph before holds a
   quote with a speaker and is no signed item (``"...," Scott said.`` then ``"But I found
   ..."``): that speaker.
5. **Narrated**: the quote sits inside a sentence that names one person before it, with a
   verb the extractor does not know as a cue (``Steny Hoyer, D-Md., intimated that "..."``,
   ``Buckley had editorialized that "..."``): that person. With several persons named, the
   first (the sentence's subject, in news order) when a cue governs the quote (``Trump called
   Price a "very fine person."``). A title is no one's words (``appears on "The Late Show"``).

Rules 2 and 4 hold only when nobody else is named, outside quotation marks, between the
earlier quote and this one (``"...," Roy said. Fried disagreed. "..."`` is not Roy's).
An inherited quote keeps the speaker's words as ``speaker_text`` so a report can show them
even when no entity stands for them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Protocol

from ..annotate.span_overlap import Ranges
from ..types import Mention, Quote
from .not_quotes import MAX_PHRASE_WORDS, in_headline, is_title

_OPENING = "\"“‘'«„"
_CLOSING = "\"”’'»"
#: Words a colon introduction may end with: the speaker's pronoun and a speech verb.
_INTRO = re.compile(
    # Spaces, not any whitespace, after the speaker: the introduction is on one line, and
    # ``\s`` there would also run over a block of blank lines once per line (quadratic).
    r"(?:^|[.!?]\s+)(?P<who>[^.!?:\n]{1,120})[ \t]+"
    r"(?:said|says|added|adds|continued|continues|wrote|writes|explained|explains|"
    r"told [\w ]{1,40}?|asked|argued|argues|noted|notes|declared|concluded|replied|"
    r"responded|stated|tweeted|posted)\s*:\s*[" + _OPENING + r"]?\s*$",
    re.MULTILINE,
)
_PRONOUN_INTRO = frozenset({"he", "she"})
#: A signature: up to eight capitalised name words (``and`` between two names), a comma
#: and an outlet, and nothing else on the line.
_SIGNATURE = re.compile(
    r"^\s*(?P<who>[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|and|&|de|van|von|la)){0,7})"
    r"\s*,\s*(?P<outlet>[A-Z][^\n.!?]{1,60}?)\s*$"
)


class EntityLookup(Protocol):
    """What this module needs from ``resolve.entities.EntityResolution``."""

    def entity_of(self, article: str, start: int, end: int) -> str | None: ...

    def lookup(self, surface: str) -> str | None: ...


def attribute_from_context(
    text: str,
    quotes: Sequence[Quote],
    mentions: Sequence[Mention],
    entities: EntityLookup,
) -> list[Quote]:
    """``quotes`` of one article (resolved) with speakers filled in where the context gives
    one; quotes with speaker words are returned unchanged."""
    ordered = sorted(quotes, key=lambda q: (q.start, q.end))
    spans = Ranges((q.start, q.end) for q in ordered)
    persons = [
        m for m in mentions if m.label == "PERSON" and not spans.encloses(m.start, m.end)
    ]
    out: list[Quote] = []
    for q in ordered:
        if q.speaker is None and q.speaker_text is None:
            found = (
                _introduced(text, q, out, persons, entities)
                or _same_paragraph(text, q, out, persons, entities)
                or _signed(text, q, ordered, mentions, entities)
                or _continued(text, q, out, persons, entities)
                or _narrated(text, q, persons, entities)
            )
            if found is not None:
                q = replace(q, speaker=found[0], speaker_text=found[1])
        elif q.speaker is None and _described(q.speaker_text):
            # A round-up frames a signed quote as ``Some argue that "..."``: the signer wrote it.
            found = _signed(text, q, ordered, mentions, entities)
            if found is not None:
                q = replace(q, speaker=found[0], speaker_text=found[1])
        out.append(q)
    return out


def _described(speaker_text: str | None) -> bool:
    """Whether the speaker words describe rather than name (``Some``, ``Others``, ``many
    critics``): no capital after the first word."""
    words = (speaker_text or "").split()
    return bool(words) and not any(w[:1].isupper() for w in words[1:])


def paragraph_of(text: str, at: int) -> tuple[int, int]:
    """Start and end of the line (paragraph) holding offset ``at``."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return start, len(text) if end < 0 else end


def _entity(mention: Mention, entities: EntityLookup) -> str | None:
    return entities.entity_of(mention.article, mention.start, mention.end) or entities.lookup(
        mention.text)


def _clear_between(
    start: int, end: int, speaker: str, persons: Sequence[Mention], entities: EntityLookup
) -> bool:
    """Whether no person other than ``speaker`` is named (outside quotes) in [start, end)."""
    return all(
        _entity(m, entities) == speaker for m in persons if start <= m.start and m.end <= end
    )


def _previous_speaker(
    q: Quote, earlier: Sequence[Quote], persons: Sequence[Mention], entities: EntityLookup,
    since: int = 0,
) -> tuple[str, str | None] | None:
    """The speaker of the last earlier quote (starting at or after ``since``) when one has
    a speaker and nobody else is named since it."""
    for p in reversed(earlier):
        if p.start < since:
            return None
        if p.speaker is not None:
            if _clear_between(p.start, q.start, p.speaker, persons, entities):
                return p.speaker, p.speaker_text
            return None
    return None


def _introduced(
    text: str, q: Quote, earlier: Sequence[Quote], persons: Sequence[Mention],
    entities: EntityLookup,
) -> tuple[str | None, str | None] | None:
    """``Lawrence continued: "..."`` or ``He added: "..."``."""
    para_start, _ = paragraph_of(text, q.start)
    match = _INTRO.search(text, para_start, q.start)
    if match is None:
        return None
    who = match.group("who").split()
    if who[0].casefold() in _PRONOUN_INTRO and len(who) <= 2:  # ``He later added:``
        return _previous_speaker(q, earlier, persons, entities)
    named = [m for m in persons if match.start("who") <= m.start and m.end <= match.end("who")]
    if len(named) == 1:
        eid = _entity(named[0], entities)
        if eid is not None:
            return eid, named[0].text
    return None


def _same_paragraph(
    text: str, q: Quote, earlier: Sequence[Quote], persons: Sequence[Mention],
    entities: EntityLookup,
) -> tuple[str | None, str | None] | None:
    """A quoted sentence after an attributed quote of the same paragraph. A quoted phrase
    inside a narrated sentence (``called it "tragic"``, ``so-called "ballot security"``) is
    not a continuation."""
    if not q.direct or q.cue is not None:
        return None
    para_start, _ = paragraph_of(text, q.start)
    lead = text[para_start:q.start].rstrip(_OPENING + " \t")
    if lead and lead[-1] not in ".!?" + _CLOSING:
        return None
    return _previous_speaker(q, earlier, persons, entities, since=para_start)


def _opens_paragraph(text: str, q: Quote) -> bool:
    para_start, _ = paragraph_of(text, q.start)
    return not text[para_start:q.start].strip(_OPENING + " \t")


def _continued(
    text: str, q: Quote, earlier: Sequence[Quote], persons: Sequence[Mention],
    entities: EntityLookup,
) -> tuple[str | None, str | None] | None:
    """A quote opening its paragraph continues the quote of the paragraph before."""
    if not q.direct or not _opens_paragraph(text, q):
        return None
    para_start, _ = paragraph_of(text, q.start)
    before = text[:para_start].rstrip()
    if not before:
        return None
    prev_start, prev_end = paragraph_of(text, len(before) - 1)
    last = [p for p in earlier if prev_start <= p.end <= prev_end]
    if last and _SIGNATURE.match(text[last[-1].end:prev_end].lstrip(_CLOSING + ".,…;:!? \t")):
        return None  # a signed item of a round-up: the next quote is another writer's
    return _previous_speaker(q, earlier, persons, entities, since=prev_start)


def _signed(
    text: str, q: Quote, quotes: Sequence[Quote], mentions: Sequence[Mention],
    entities: EntityLookup,
) -> tuple[str | None, str | None] | None:
    """A block of quoted paragraphs signed ``Name, Outlet`` right after it."""
    at = q.end
    later = [p for p in quotes if p.start >= q.end]
    while True:
        _, para_end = paragraph_of(text, at)
        rest = text[at:para_end].lstrip(_CLOSING + ".,…;:!? \t")
        if rest:
            return _signature(rest, para_end - len(rest), mentions, entities)
        # The next non-empty line: a signature, or another quoted paragraph of the block.
        nxt = para_end
        while nxt < len(text) and text[nxt] in "\n \t":
            nxt += 1
        if nxt >= len(text):
            return None
        line_start, line_end = paragraph_of(text, nxt)
        line = text[line_start:line_end]
        if line[:1] not in _OPENING:
            return _signature(line, line_start, mentions, entities)
        inside = [p for p in later if line_start <= p.start <= line_start + 2]
        if not inside or inside[0].speaker_text is not None:
            return None
        at = max(p.end for p in inside)


def _signature(
    line: str, offset: int, mentions: Sequence[Mention], entities: EntityLookup
) -> tuple[str | None, str | None] | None:
    match = _SIGNATURE.match(line)
    if match is None:
        return None
    who = match.group("who")
    start, end = offset + match.start("who"), offset + match.end("who")
    named = [m for m in mentions if m.label == "PERSON" and start <= m.start and m.end <= end]
    if len(named) > 1 or " and " in who or "&" in who:
        return None, who  # several authors: keep their names, no single entity
    if named:
        return _entity(named[0], entities), who
    if len(who.split()) < 2:
        return None  # one word before a comma is too weak a signature
    return entities.lookup(who), who


#: A sentence ends at ``.``/``!``/``?`` (and a closing mark) before a space, unless the word
#: before is a title or an initial (``Sen. Chuck Schumer``, ``William F. Buckley``).
_SENTENCE_END = re.compile(r"(?<![A-Z])(?<!Mr)(?<!Mrs)(?<!Ms)(?<!Dr)(?<!Sen)(?<!Rep)(?<!Gov)"
                           r"(?<!Gen)(?<!Jr)(?<!St)(?<!Lt)(?<!Col)(?<!Sgt)(?<!Prof)(?<!Rev)"
                           r"[.!?][\"”’']?[ \t]+")
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")


def _narrated(
    text: str, q: Quote, persons: Sequence[Mention], entities: EntityLookup,
) -> tuple[str | None, str | None] | None:
    """A quote inside a narrated sentence that names its speaker with an unknown verb."""
    words = _WORD.findall(q.text)
    if not q.direct or is_title(words) or in_headline(text, q.start):
        return None
    para_start, _ = paragraph_of(text, q.start)
    lead = text[para_start:q.start].rstrip(_OPENING + " \t")
    if not lead or lead[-1] in ".!?:" + _CLOSING or lead.casefold().endswith("so-called"):
        return None  # the quote opens its sentence, or is a term (``so-called "X"``)
    ends = list(_SENTENCE_END.finditer(text, para_start, para_start + len(lead)))
    start = ends[-1].end() if ends else para_start
    if len(words) <= MAX_PHRASE_WORDS:
        # A short phrase is someone's words only when a named person said it with an
        # active cue before it (``Trump called Price a "very fine person."``); otherwise it
        # is a term (``dismissed as "only about sex."``, ``alleged "conflicts"``).
        cue_at = lead.rfind(q.cue) if q.cue else -1
        if cue_at < 0 or not _active(q.cue or "") or lead.endswith(q.cue or ""):
            return None  # a cue right before the marks modifies them (``alleged "X"``)
        end = para_start + cue_at
    else:
        end = q.start
    named: list[tuple[str, str]] = []
    for m in persons:
        if start <= m.start and m.end <= end:
            eid = _entity(m, entities)
            if eid is not None and eid not in {e for e, _ in named}:
                named.append((eid, m.text))
    if len(named) == 1 or (named and q.cue is not None):
        return named[0]
    return None


#: First words of a cue that make it passive or modal (``is dismissed``, ``can be called``):
#: its subject is what the words describe, not who said them.
_NOT_ACTIVE = frozenset({"is", "was", "were", "are", "be", "been", "being", "can", "could",
                         "wasn't", "isn't", "weren't", "aren't", "am", "'s", "’s"})


def _active(cue: str) -> bool:
    words = cue.split()
    return bool(words) and words[0].casefold() not in _NOT_ACTIVE and not cue[:1].isupper()
