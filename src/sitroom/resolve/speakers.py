"""Who is speaking: quote speakers to canonical entities.

A quote's ``speaker_text`` is whatever the article wrote (``Lashari``, ``he``, ``the
official``, ``Sources at the Ministry of National Defense``); this module finds the entity it
stands for, in four steps tried in order:

1. **Named**: a mention inside the speaker span gives the entity. When several are inside, a
   person wins, unless the head of the phrase is a group or role word (``Sources at the
   Ministry``, ``A spokesman for the SRL``) where the institution speaks.
2. **Pronouns**: ``he``/``she``/``I`` (and the possessives ``his``/``her`` of a noun cue:
   ``his contention that ...``) go to the nearest earlier speaker that resolved to a person
   (or failing that the nearest person mentioned before); ``they``/``it``/``we``
   (``its``/``their``) to the nearest earlier group or institution.
3. **Descriptions**: ``the official``, ``the sources``, ``the political scientist`` go to the
   nearest earlier speaker (or mention) described with the same head word
   (``A senior provincial official``, ``Researcher Mahmoud Alloush``); ``the company``,
   ``the paper``, ``the campaign`` to the organisation so described or named last; ``The
   president himself`` is ``the president``.
4. **Surface lookup**: a name seen elsewhere in the corpus (``entities.lookup``).

``speaker_text`` is always kept; ``speaker`` is None when nothing fits. Quotes with no speaker
words then take one from their context (:mod:`.speaker_context`), and what still has none and
is a title, a headline, a scare quote or the reader's ``you`` is dropped (:mod:`.not_quotes`).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from typing import Protocol

from ..annotate.cues import GROUP_NOUNS, GROUP_PRONOUNS, PERSON_PRONOUNS, ROLE_NOUNS
from ..annotate.span_overlap import Ranges
from ..types import Mention, Quote, QuoteMention
from .not_quotes import drop_non_quotes
from .speaker_context import attribute_from_context

_PERSON_LABELS = frozenset({"PERSON"})
_GROUP_LABELS = frozenset({"ORG", "NORP", "GPE"})
_ORG_LABELS = frozenset({"ORG"})
_DETERMINERS = frozenset({"the", "this", "that", "a", "an", "his", "her", "its", "their"})
#: Heads of descriptions of a text someone issued: it speaks for its author.
DOCUMENT_NOUNS: frozenset[str] = frozenset({
    "statement", "statements", "release", "memo", "letter", "report", "filing", "complaint",
})
_PERSON_POSSESSIVES = frozenset({"his", "her"})
_GROUP_POSSESSIVES = frozenset({"its", "their"})
_REFLEXIVES = frozenset({"himself", "herself", "itself", "themselves"})
#: Heads of descriptions that stand for an organisation the article has named (``the
#: company``, ``the paper``, ``the campaign``), which ``GROUP_NOUNS`` (people speaking
#: together) leaves out.
INSTITUTION_NOUNS: frozenset[str] = frozenset({
    "company", "firm", "agency", "newspaper", "paper", "magazine", "site", "website",
    "network", "channel", "broadcaster", "outlet", "campaign", "party", "union", "airline",
    "hospital", "university", "school", "bank", "organisation", "organization", "charity",
    "group", "committee", "commission", "council", "board", "court", "watchdog", "regulator",
    "publisher", "startup", "giant", "retailer", "automaker", "carmaker", "insurer",
    "alliance", "coalition", "association", "federation", "movement", "militia", "faction",
    "institute", "foundation", "centre", "center", "society", "league",
})
#: How far back (characters) a description looks for the person it describes.
DESCRIPTION_WINDOW = 60


class EntityLookup(Protocol):
    """What speaker resolution needs from ``resolve.entities.EntityResolution``."""

    def entity_of(self, article: str, start: int, end: int) -> str | None: ...

    def lookup(self, surface: str) -> str | None: ...


def quote_id(article: str, start: int, end: int) -> str:
    """A stable id for a quote from where it is."""
    return "q_" + hashlib.sha1(f"{article}:{start}:{end}".encode()).hexdigest()[:12]


def resolve_speakers(
    article_text: str,
    quotes: Sequence[QuoteMention],
    mentions: Sequence[Mention],
    entities: EntityLookup,
) -> list[Quote]:
    """One :class:`Quote` per quote mention of one article, with ``speaker`` resolved, less
    the quoted words that quote nobody (:mod:`.not_quotes`)."""
    ordered = sorted(quotes, key=lambda q: (q.start, q.end))
    # Names inside what someone said are not who is speaking next: keep them out of the
    # antecedents of pronouns and descriptions (but not out of speaker spans).
    # (Found by bisection: a look at every quote for every mention cost their product.)
    said = Ranges((q.start, q.end) for q in ordered)
    sorted_mentions = sorted(mentions, key=lambda m: m.start)
    antecedents = [
        m for m in sorted_mentions
        if not any(not _opens(article_text, ordered[i].start, m.start)
                   for i in said.enclosing(m.start, m.end))
    ]
    resolved: list[tuple[QuoteMention, str | None, str | None]] = []  # (quote, id, label)
    out: list[Quote] = []
    for q in ordered:
        speaker, label = _resolve_one(
            article_text, q, sorted_mentions, antecedents, entities, resolved
        )
        # A text's author is no antecedent of the next ``she`` (``the report said ... She``).
        resolved.append((q, speaker, None if _head_word(q.speaker_text or "") in DOCUMENT_NOUNS
                         else label))
        out.append(
            Quote(
                id=quote_id(q.article, q.start, q.end),
                article=q.article,
                speaker=speaker,
                speaker_text=q.speaker_text,
                text=q.text,
                direct=q.direct,
                cue=q.cue,
                start=q.start,
                end=q.end,
            )
        )
    # Quotes with no speaker words: the paragraphs around them may say who speaks. What still
    # has no speaker and is a title, a headline, a scare quote or the reader's ``you`` is
    # nobody's statement and is not listed.
    return drop_non_quotes(
        article_text, attribute_from_context(article_text, out, sorted_mentions, entities))


def _without_reflexive(phrase: str) -> str:
    words = phrase.split()
    if len(words) > 1 and words[-1].casefold() in _REFLEXIVES:
        return " ".join(words[:-1])
    return phrase


def _opens(text: str, start: int, at: int) -> bool:
    """Whether a mention at ``at`` opens the content starting at ``start``, after titles
    only (``Turkish President X appears ...``): the subject of a narrated sentence, which
    can be the antecedent of the next ``he``."""
    before = text[start:at].split()
    return len(before) <= 4 and all(w[:1].isupper() for w in before)


def _head_word(speaker_text: str) -> str:
    """The head noun of a speaker phrase: the last word before a preposition or comma."""
    words = re.findall(r"[\w'’-]+", speaker_text.split(",")[0])
    for i, word in enumerate(words):
        if word.casefold() in {"at", "of", "for", "from", "in", "with", "on"} and i > 0:
            return str(words[i - 1]).casefold()
    return str(words[-1]).casefold() if words else ""


def _resolve_one(
    text: str,
    q: QuoteMention,
    mentions: Sequence[Mention],
    antecedents: Sequence[Mention],
    entities: EntityLookup,
    earlier: Sequence[tuple[QuoteMention, str | None, str | None]],
) -> tuple[str | None, str | None]:
    if q.speaker_text is None or q.speaker_start is None or q.speaker_end is None:
        return None, None
    s_start, s_end = q.speaker_start, q.speaker_end
    # ``The president himself`` is the president: the reflexive only stresses who.
    phrase = _without_reflexive(q.speaker_text.strip())
    lower = phrase.casefold()
    head = _head_word(phrase)
    inside = [m for m in mentions if m.start >= s_start and m.end <= s_end]
    if inside:
        group_head = head in GROUP_NOUNS or head.rstrip("s") in GROUP_NOUNS
        # A nationality alone (``Turkish security sources``) names no actor that speaks.
        prefer = ("ORG", "GPE", "PERSON") if group_head else ("PERSON", "ORG", "GPE")
        for label in prefer:
            for m in inside:
                if m.label == label and not (label == "GPE" and _place_only_locates(
                        text, s_start, m, head)):
                    eid = entities.entity_of(m.article, m.start, m.end) or entities.lookup(m.text)
                    if eid:
                        return eid, m.label
    if lower in _RELATIVE:
        # ``Barkley, who said ...``: the name right before the pronoun.
        found = _antecedent(text, mentions, entities, s_start)
        if found[0] is not None:
            return found
    if lower in _FIRST_PERSON:
        # ``I``/``we`` inside someone's quoted words is that someone (``"I think ..."``).
        outer = _enclosing(q, earlier) or _just_before(q, earlier)
        if outer is not None:
            return outer
    if lower in PERSON_PRONOUNS or lower in _PERSON_POSSESSIVES:
        # ``his contention that ...``, ``her view that ...``: the owner of the statement.
        return _nearest(earlier, antecedents, entities, s_start, _PERSON_LABELS)
    if lower in GROUP_PRONOUNS or lower in _GROUP_POSSESSIVES:
        return _nearest(earlier, antecedents, entities, s_start, _GROUP_LABELS)
    if head in DOCUMENT_NOUNS and lower.split()[0] in _DETERMINERS:
        # ``the statement said``: whoever the article says made it (``X said in a
        # statement``, ``MIFTAH issued a statement saying``), the phrase's own word included.
        definite = lower.split()[0] in {"the", "this", "that"}  # one named before
        found = _described(text, head, earlier if definite else (), antecedents, entities,
                           s_start if definite else s_end, issuer_first=True)
        if found[0] is not None:
            return found
    if lower.startswith(("the ", "this ", "that ")) and head in INSTITUTION_NOUNS:
        # ``the company``, ``the newspaper``: an organisation, never a place or a nationality.
        found = _described(text, head, earlier, antecedents, entities, s_start)
        if found[0] is None or found[1] not in _ORG_LABELS:
            found = _nearest(earlier, antecedents, entities, s_start, _ORG_LABELS)
        if found[0] is not None:
            return found
    if lower.startswith(("the ", "this ", "that ", "these ", "those ")) and (
        head in ROLE_NOUNS or head.rstrip("s") in ROLE_NOUNS or head in GROUP_NOUNS
    ):
        found = _described(text, head, earlier, antecedents, entities, s_start)
        if found[0] is not None:
            return found
        # ``the president``, ``the Vermont senator`` with no earlier use of the word: the
        # person (or body) the article spoke of last, as for a pronoun.
        wanted = _GROUP_LABELS if head in GROUP_NOUNS and head not in ROLE_NOUNS \
            else _PERSON_LABELS
        found = _nearest(earlier, antecedents, entities, s_start, wanted)
        if found[0] is not None:
            return found
    if not inside:  # no mention inside the span: the resolver may still know it
        found_id = entities.entity_of(q.article, s_start, s_end) or entities.lookup(phrase)
        if found_id is None:
            found_id = _by_overlap(mentions, entities, s_start, s_end) or _by_name_words(
                phrase, entities)
        return found_id, None
    return entities.lookup(phrase), None


#: Heads of speaker phrases that speak for the place named in them (``a Kremlin spokesman``,
#: ``Texas officials``, ``the Ohio government``); other heads (``doctors``, ``the irrigation
#: minister``, ``residents``) are people the place only locates.
_SPEAK_FOR_A_PLACE = frozenset({
    "government", "governments", "ministry", "office", "authorities", "authority", "official",
    "officials", "spokesman", "spokeswoman", "spokesperson", "police", "army", "military",
    "forces", "department", "administration", "source", "sources", "state", "city", "county",
})
_LOCATING_WORDS = frozenset({"in", "at", "from", "near", "outside", "around", "across"})


def _place_only_locates(text: str, start: int, place: Mention, head: str) -> bool:
    """Whether a place named in a speaker phrase only says where the speaker is: after
    ``in``/``from`` (``a police spokesman in Larkana``, ``doctors in the camps around Mehar``)
    or before a head that is a person, not a body (``Sindh's irrigation minister``). The
    phrase's own head inside the name (``Pakistan``, ``Larkana Today``) is the place
    speaking."""
    words = [w.casefold() for w in re.findall(r"[\w'’-]+", text[start:place.start])]
    if any(w in _LOCATING_WORDS for w in words):
        return True
    named = {w.casefold() for w in re.findall(r"[\w'’-]+", place.text)}
    return head not in named and head not in _SPEAK_FOR_A_PLACE


_FIRST_PERSON = frozenset({"i", "we", "me", "us"})
_RELATIVE = frozenset({"who", "which", "that", "whom"})
#: How far (characters) before a relative pronoun its antecedent may end.
RELATIVE_WINDOW = 80


def _antecedent(
    text: str, mentions: Sequence[Mention], entities: EntityLookup, before: int
) -> tuple[str | None, str | None]:
    """The entity named nearest before a relative pronoun, within the window, where nothing
    but an apposition stands between them (``Barkley, who``, ``Ann Lee, the mayor, who``);
    a plain noun in between is what the pronoun stands for (``Larkana Today ..., a man
    who``), and no named entity."""
    for m in reversed(mentions):
        if m.end > before or before - m.end > RELATIVE_WINDOW:
            continue
        gap = text[m.end:before]
        if ")" in gap and "(" not in gap:
            continue  # inside the brackets after a name: ``Rep. Ann Lee (D., Calif.), who``
        if not _only_apposition(gap):
            return None, None
        if m.label not in _PERSON_LABELS | _GROUP_LABELS:
            continue
        eid = entities.entity_of(m.article, m.start, m.end) or entities.lookup(m.text)
        if eid:
            return eid, m.label
    return None, None


def _joined(text: str, name: Mention, start: int, end: int) -> bool:
    """Whether ``name`` holds the word at ``start:end``, stands right before it (a possessive
    allowed) or follows it after ``of``."""
    if name.start <= start and end <= name.end:
        return True
    if name.end <= start:
        return re.fullmatch(r"(?:['’]s)?\s?", text[name.end:start]) is not None
    return re.fullmatch(r"\s+of\s+(?:the\s+)?", text[end:name.start]) is not None


def _only_apposition(gap: str) -> bool:
    """Whether ``gap`` between a name and a relative pronoun is blank, a comma, or an
    apposition set off by commas or brackets."""
    gap = gap.strip()
    return not gap or gap == "," or (gap[0] == "," and gap[-1] == ",") or (
        gap[0] == "(" and gap.rstrip(",")[-1:] == ")")


def _enclosing(
    q: QuoteMention, earlier: Sequence[tuple[QuoteMention, str | None, str | None]]
) -> tuple[str, str | None] | None:
    """The resolved speaker of the nearest earlier quote whose words contain ``q``."""
    for outer, eid, label in reversed(earlier):
        if eid is not None and outer.start <= q.start and q.end <= outer.end:
            return eid, label
    return None


#: How far (characters) after a resolved quote an unmarked ``I``/``we`` goes on in its voice.
FOLLOW_ON_WINDOW = 200


def _just_before(
    q: QuoteMention, earlier: Sequence[tuple[QuoteMention, str | None, str | None]]
) -> tuple[str, str | None] | None:
    """The resolved speaker of the quote that ends right before ``q`` (``The march goes on,
    he said. We hope it ends without harm.``): an ``I`` or ``we`` that follows someone's words
    goes on in their voice."""
    for before, eid, label in reversed(earlier):
        if before.end > q.start:
            continue
        if q.start - before.end > FOLLOW_ON_WINDOW:
            return None
        return (eid, label) if eid is not None else None
    return None


def _by_overlap(
    mentions: Sequence[Mention], entities: EntityLookup, start: int, end: int
) -> str | None:
    """An entity whose mention overlaps the speaker span (the recogniser cut it
    differently: ``Sen. Ted Cruz (R-TX)``)."""
    for m in mentions:
        if m.start < end and start < m.end:
            eid = entities.entity_of(m.article, m.start, m.end) or entities.lookup(m.text)
            if eid:
                return eid
    return None


def _by_name_words(phrase: str, entities: EntityLookup) -> str | None:
    """The longest run of capitalised words in ``phrase`` that names a known entity
    (``Former Clinton Senior Adviser Sidney Blumenthal`` -> Sidney Blumenthal)."""
    words = re.findall(r"[\w.'’-]+", phrase.split(",")[0])
    runs: list[str] = []
    for i in range(len(words)):
        for j in range(len(words), i, -1):
            if all(str(w)[:1].isupper() for w in words[i:j]):
                runs.append(" ".join(words[i:j]))
    for name in sorted(runs, key=len, reverse=True):
        eid = entities.lookup(name)
        if eid:
            return eid
    return None


def _is_person_phrase(speaker_text: str | None, label: str | None) -> bool:
    if label == "PERSON":
        return True
    if not speaker_text:
        return False
    head = _head_word(speaker_text)
    return head in ROLE_NOUNS and head not in GROUP_NOUNS - {
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "official",
    }


def _nearest(
    earlier: Sequence[tuple[QuoteMention, str | None, str | None]],
    mentions: Sequence[Mention],
    entities: EntityLookup,
    before: int,
    wanted: frozenset[str],
) -> tuple[str | None, str | None]:
    """The nearest earlier speaker of the wanted kind, or a named mention after it.

    An earlier speaker is compatible when it resolved to a wanted label or (for persons) is
    a person by its words (``A spokesman for the SRL``). A mention of a wanted label that
    comes after that speaker (a person introduced since, ``Researcher X described ...``)
    is nearer and wins.
    """
    persons = wanted == _PERSON_LABELS
    speaker: tuple[int, str | None, str | None] | None = None
    for q, eid, label in reversed(earlier):
        if q.speaker_start is None or q.speaker_start >= before:
            continue
        if label in wanted or (persons and _is_person_phrase(q.speaker_text, label)):
            speaker = (q.speaker_start, eid, label)
            break
    for m in reversed(mentions):
        if m.end > before or m.label not in wanted:
            continue
        if speaker is not None and m.start <= speaker[0]:
            break
        eid = entities.entity_of(m.article, m.start, m.end) or entities.lookup(m.text)
        if eid:
            return eid, m.label
    return (speaker[1], speaker[2]) if speaker else (None, None)


def _described(
    text: str,
    head: str,
    earlier: Sequence[tuple[QuoteMention, str | None, str | None]],
    mentions: Sequence[Mention],
    entities: EntityLookup,
    before: int,
    issuer_first: bool = False,
) -> tuple[str | None, str | None]:
    """``the official`` -> the earlier speaker described as an official, or the named
    mention next to an earlier use of the word (``Researcher Mahmoud Alloush``). With
    ``issuer_first`` only a mention before the word counts (``X said in a statement``): a
    name after it is what the text is about (``the inspector general's report ... Aponte``)."""
    stem = head.rstrip("s")
    for q, eid, label in reversed(earlier):
        words = {w.casefold().rstrip("s") for w in re.findall(r"[\w'-]+", q.speaker_text or "")}
        if stem in words and (eid is not None or not issuer_first):
            return eid, label
    pattern = re.compile(rf"\b{re.escape(stem)}s?\b", re.IGNORECASE)
    for match in reversed(list(pattern.finditer(text, 0, before))):
        near = [
            m
            for m in mentions
            if m.label in _PERSON_LABELS | _GROUP_LABELS
            and abs(m.start - match.end()) <= DESCRIPTION_WINDOW
            and abs(m.end - match.start()) <= DESCRIPTION_WINDOW
            and m.end <= before
            and (not issuer_first or m.end <= match.start())
            # A place describes the word only when joined to it (``the Sindh government``,
            # ``the government of Sindh``): one merely near it (``the government's inquiry
            # into the Mehar breach``) is what the sentence is about.
            and (m.label != "GPE" or _joined(text, m, match.start(), match.end()))
        ]
        order = (
            ("ORG", "GPE", "PERSON", "NORP")
            if head in GROUP_NOUNS
            else ("PERSON", "ORG", "GPE", "NORP")
        )
        # An organisation's own name holding the word (``the Indus Humanitarian Network``
        # for ``the network``) beats a name merely close to it.
        named_by = head in INSTITUTION_NOUNS
        near.sort(
            key=lambda m: (
                not (named_by and m.start <= match.start() and match.end() <= m.end),
                order.index(m.label) if m.label in order else 9,
                abs(m.start - match.start()),
            )
        )
        for m in near:
            eid = entities.entity_of(m.article, m.start, m.end) or entities.lookup(m.text)
            if eid:
                return eid, m.label
    return None, None
