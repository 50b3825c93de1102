"""Sources an article cites: outlets, wire agencies, officials and anonymous sources.

A citation is found from its cue, never from a name alone:

- ``according to X`` (``according to the MEE's report`` cites the MEE);
- ``told X`` / ``said to X`` / ``speaking to X`` / ``in an interview with X`` / ``in comments
  to X`` where X is a publication or a named organisation (``told reporters`` cites nobody);
- ``citing X`` (``citing a report by X`` cites X);
- ``reported by X``, ``as reported by X``, ``first published by X``;
- ``X reported`` / ``X reports via ...`` / ``X wrote`` / ``the X's report`` where X reads as
  a publication;
- the subject of a speech verb when it is an anonymous source (``Turkish security sources
  told ...``, ``A senior official, who asked not to be named, said ...``), with its
  affiliation kept.

``kind`` comes from the lexicons of :mod:`.cues`; the corpus stage may upgrade it to ``outlet``
when the name is an outlet of the corpus (see ``analyze.provenance``). Offsets index
``text_of(doc)``; ``start``/``end`` is the source's name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ..types import CitationMention
from .cues import (
    ANONYMITY_PHRASES,
    GENERIC_AUDIENCES,
    NON_SOURCE_HEADS,
    OUTLET_NOUNS,
    REPORT_VERBS,
    affiliation_of,
    looks_like_outlet,
    source_kind,
)
from .doctext import ents_within, text_of
from .quotes import cue_span, is_cue, phrase_span
from .token_filter import indices_with

_ADDRESS_VERBS = frozenset({"tell", "speak", "talk", "say", "state", "confirm", "explain",
                            "describe", "reveal", "write"})
_INTERVIEW_NOUNS = frozenset({"interview", "comments", "remarks", "statement", "conversation"})
_STATEMENT_NOUNS = frozenset({"report", "reports", "statement", "data", "figures", "article",
                              "story", "count", "tally", "analysis", "survey", "estimate"})


def extract_citations(doc: Any, article_id: str) -> tuple[CitationMention, ...]:
    """Outlets, agencies, officials and anonymous sources cited in ``doc``."""
    found: dict[tuple[int, int], CitationMention] = {}
    text: str = text_of(doc)
    for source, cue, full in _candidates(doc):
        start, end = _name_span(doc, source)
        if end <= start or source.pos_ == "PRON" or source.lower_ in NON_SOURCE_HEADS:
            continue
        name = text[start:end]
        if name.casefold() in GENERIC_AUDIENCES:
            continue
        kind = source_kind(name, _label_of(doc, start, end), head=source.lower_)
        if kind not in {"outlet", "agency"} and any(p in full.casefold()
                                                     for p in ANONYMITY_PHRASES):
            kind = "anonymous"
        if kind == "organisation" and cue and _addressed_cue(text[cue[0]:cue[1]]):
            # A named body a journalist speaks to (``told X``, ``speaking to X``) that is no
            # government or organisation by its words is, in news copy, a publication.
            kind = "outlet"
        mention = CitationMention(
            article=article_id,
            start=start,
            end=end,
            source_text=name,
            kind=kind,
            cue=text[cue[0]:cue[1]] if cue else None,
            affiliation=affiliation_of(name) if kind == "anonymous" else None,
        )
        found.setdefault((start, end), mention)
    return tuple(sorted(found.values(), key=lambda c: (c.start, c.end)))


def _addressed_cue(cue: str) -> bool:
    return cue.casefold().split()[0] in {"told", "tells", "tell", "telling", "speaking",
                                         "spoke", "speak", "talking", "talked", "interview",
                                         "comments", "remarks", "stated", "said"}


def _name_span(doc: Any, head: Any) -> tuple[int, int]:
    """The source's name: its noun phrase, widened over a domain name the tokenizer split
    (``Caliber.Az``) and a capitalised word it left outside (``Larkana Today``)."""
    text: str = text_of(doc)
    start, end = phrase_span(doc, head)
    match = re.search(r"(?<![\w.-])[\w-]+\.\Z", text[max(0, start - 40):start])
    if match and match.group()[0].isupper():
        start -= len(match.group())
    nxt = head.i + 1
    if end == head.idx + len(head.text) and nxt < len(doc) and doc[nxt].is_title and \
            doc[nxt].dep_ in {"npadvmod", "appos", "compound"} and "\n" not in doc[nxt].text:
        end = doc[nxt].idx + len(doc[nxt].text)
    possessive = re.match(r"(.+?)(?:’s|'s)(\s+\w+)?$", text[start:end])
    if possessive and (possessive.group(2) is None or head.lower_ in _STATEMENT_NOUNS):
        end = start + len(possessive.group(1))
    return start, end


def _label_of(doc: Any, start: int, end: int) -> str | None:
    """The label of the largest named entity inside ``[start, end)``, if any."""
    best: tuple[int, str] | None = None
    for ent in ents_within(doc, start, end):
        size = ent.end_char - ent.start_char
        if best is None or size > best[0]:
            best = (size, ent.label_)
    return best[1] if best else None


def _full_text(doc: Any, head: Any) -> str:
    """The whole phrase, relative clauses included (``who asked not to be named``)."""
    tokens = sorted(head.subtree, key=lambda t: t.i)
    return str(text_of(doc)[tokens[0].idx:tokens[-1].idx + len(tokens[-1].text)])


def _named(token: Any) -> bool:
    """Whether a phrase is a proper name or a publication noun (not ``the minister``)."""
    words = list(token.subtree)
    return any(t.pos_ == "PROPN" for t in words) or token.lower_ in OUTLET_NOUNS


def _candidates(doc: Any) -> Iterator[tuple[Any, tuple[int, int] | None, str]]:
    """(source head token, cue span, full phrase text) for every citation cue in ``doc``."""
    # Every test below needs a verb, a noun or ``according``.
    for i in indices_with(doc, ("VERB", "NOUN"), ("according",)):
        token = doc[i]
        lemma = token.lemma_.lower()
        lower = token.lower_
        if lower == "according":
            yield from _according(doc, token)
        elif token.pos_ == "VERB" and lemma in _ADDRESS_VERBS:
            yield from _addressed(doc, token)
        if token.pos_ == "VERB" and lemma == "cite":
            for child in token.children:
                if child.dep_ == "dobj":
                    target = _behind_statement_noun(child) or child
                    yield target, cue_span(doc, token), _full_text(doc, target)
        if token.pos_ == "VERB" and lemma in {"report", "publish", "quote"}:
            for child in token.children:
                if child.dep_ == "agent":
                    for obj in child.children:
                        if obj.dep_ == "pobj":
                            yield obj, (token.idx, child.idx + len(child.text)), _full_text(
                                doc, obj)
        if token.pos_ == "VERB" and lemma in REPORT_VERBS:
            for child in token.children:
                if child.dep_ == "nsubj" and looks_like_outlet(_subject_name(doc, child)):
                    yield child, cue_span(doc, token), _subject_name(doc, child)
        if lower in {"interview", "comments", "remarks"} and token.pos_ == "NOUN":
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ in {"with", "to"}:
                    for obj in child.children:
                        if obj.dep_ == "pobj" and _named(obj):
                            yield obj, (token.idx, child.idx + len(child.text)), _full_text(
                                doc, obj)
        if lower in {"report", "reports", "article"} and token.pos_ == "NOUN":
            for child in token.children:
                if child.dep_ == "poss" and looks_like_outlet(child.text.rstrip("’'s")):
                    yield child, (token.idx, token.idx + len(token.text)), child.text
        if is_cue(token):
            for child in token.children:
                if child.dep_ == "nsubj" and child.pos_ != "PRON":
                    full = _full_text(doc, child)
                    name = _subject_name(doc, child)
                    kind = source_kind(name, head=child.lower_)
                    if kind == "anonymous" or (
                        kind not in {"outlet", "agency"} and not _named(child)
                        and any(p in full.casefold() for p in ANONYMITY_PHRASES)
                    ):
                        yield child, cue_span(doc, token), full


def _subject_name(doc: Any, subject: Any) -> str:
    start, end = _name_span(doc, subject)
    return str(text_of(doc)[start:end])


def _according(doc: Any, token: Any) -> Iterator[tuple[Any, tuple[int, int] | None, str]]:
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "to":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    target = _behind_statement_noun(obj) or obj
                    yield target, cue_span(doc, token), _full_text(doc, target)


def _behind_statement_noun(token: Any) -> Any | None:
    """``a report by X`` / ``X's report`` -> X."""
    if token.lower_ not in _STATEMENT_NOUNS:
        return None
    for child in token.children:
        if child.dep_ in {"poss", "nmod"} and child.pos_ in {"PROPN", "NOUN"}:
            return child
        if child.dep_ == "prep" and child.lower_ in {"by", "from", "of"}:
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj
    return None


def _addressed(doc: Any, verb: Any) -> Iterator[tuple[Any, tuple[int, int] | None, str]]:
    """``told X``, ``said to X``, ``speaking to X``: X when it is named."""
    lemma = verb.lemma_.lower()
    for child in verb.children:
        targets: list[Any] = []
        if lemma == "tell" and child.dep_ in {"dobj", "dative"}:
            targets.append(child)
        if child.dep_ in {"prep", "dative"} and child.lower_ in {"to", "with"}:
            targets.extend(g for g in child.children if g.dep_ == "pobj")
        for target in targets:
            if target.pos_ == "PRON" or not _named(target):
                continue
            name = _subject_name(doc, target)
            if name.casefold() in GENERIC_AUDIENCES:
                continue
            yield target, cue_span(doc, verb), _full_text(doc, target)
