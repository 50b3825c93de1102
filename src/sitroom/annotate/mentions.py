"""Entity mentions from a parsed ``Doc``.

Each named-entity span becomes a :class:`Mention` with clean boundaries: a leading ``the``,
opening quote marks and a trailing possessive (``'s``) are left out, and a span the model ran
across a line break is cut at it. ``source`` says where the span came from: ``model``,
``gazetteer`` (place names), ``pattern`` (``Syrian army``), ``acronym`` (an acronym defined in
the text, found again wherever it recurs), ``surname`` (a surname alone after the full name,
when the model missed it) or ``metonymy``.

Metonymy: a capital or seat of government that *acts* (``Ankara approved``, ``Moscow
signalled``, ``the Kremlin denounced``, ``Islamabad said``: the subject of a verb that is not a
verb of location or state) stands for that country's government; it becomes an ORG mention
with source ``metonymy``. ``in Ankara`` stays a GPE.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ..types import Mention
from .acronyms import Definition, find_definitions
from .doctext import ents_of, text_of
from .gazetteer import load_countries
from .ner_lexicon import NON_ACTION_VERBS, PERSON_TITLES, PRONOUNS
from .span_overlap import Ranges

#: Labels worth keeping: actors, places, groups. Numbers, dates and money are handled by
#: their own extractors (times) or not at all.
ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT"})
_LEADING_SKIP = frozenset({"the", '"', "“", "‘", "'", "«", "(", "-", "–", "—"})
_TRAILING_SKIP = frozenset({"'s", "’s", "'", "’", '"', "”", ")", ",", ".", "-", "–", "—", ":"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "agent"})


def extract_mentions(doc: Any, article_id: str) -> list[Mention]:
    """One :class:`Mention` per named entity in ``doc`` with a kept label, plus the
    occurrences of acronyms defined in the text that the model missed."""
    countries = load_countries()
    full_text = text_of(doc)
    definitions = find_definitions(full_text)
    long_forms = {(d.long_start, d.long_end) for d in definitions}
    # A text written in capitals and small letters writes names with capitals: a span the
    # model tagged that has none (``n’t``, ``boycotts``, ``bund``) is a common word. Texts
    # in one case only (or in scripts without case) keep every span.
    cased = full_text != full_text.lower() and full_text != full_text.upper()
    mentions: list[Mention] = []
    for ent in ents_of(doc):
        if ent.label_ not in ENTITY_LABELS:
            continue
        bounds = _clean_bounds(ent)
        if bounds is None:
            continue
        start, end = bounds
        if ent.label_ == "PERSON" and start == ent.start_char:
            start = _given_names_before(doc, ent.start, start)
        text = full_text[start:end]
        if is_pronoun(text) or (cased and text.islower()):
            continue
        label = ent.label_
        source = ent.ent_id_.split(":", 1)[0] if ent.ent_id_ else "model"
        if (start, end) in long_forms and label == "PERSON":
            label = "ORG"  # a name with an acronym is an organisation, not a person
        elif label in {"GPE", "ORG", "FAC", "LOC"} and countries.government_of(text) and _acts(
            ent
        ):
            label, source = "ORG", "metonymy"
        mentions.append(Mention(article_id, start, end, text, label, source))
    mentions = _with_acronyms(doc, article_id, definitions, mentions)
    mentions = _surnames_relabelled(mentions)
    mentions.extend(_bare_surnames(doc, article_id, mentions))
    mentions.sort(key=lambda m: (m.start, m.end))
    return mentions


def is_pronoun(text: str) -> bool:
    """``us``, ``Us``, ``them``: a pronoun, never a name; ``US`` (all capitals) is a name."""
    return text.casefold() in PRONOUNS and (len(text) < 2 or not text.isupper())


def _clean_bounds(ent: Any) -> tuple[int, int] | None:
    """Character offsets of ``ent`` without leading articles or quotes, trailing possessives
    or punctuation, and anything after a line break."""
    tokens = list(ent)
    while tokens and tokens[0].lower_ in _LEADING_SKIP:
        tokens.pop(0)
    for index, token in enumerate(tokens):
        if "\n" in token.text or (index and "\n" in tokens[index - 1].whitespace_):
            tokens = tokens[:index]
            break
    while tokens and tokens[-1].text in _TRAILING_SKIP:
        tokens.pop()
    if not tokens:
        return None
    start: int = tokens[0].idx
    end: int = tokens[-1].idx + len(tokens[-1].text)
    return start, end


def _given_names_before(doc: Any, first: int, start: int) -> int:
    """Extend a person's span left over capitalised proper nouns the model left out
    (``Allah Dino Jatoi`` tagged as ``Dino Jatoi``); titles and sentence starts stop it."""
    index = first
    while index > 0:
        token = doc[index - 1]
        if (
            doc[index].is_sent_start
            or token.ent_type_
            or token.pos_ != "PROPN"
            or not token.is_title
            or token.is_stop
            or token.lower_.rstrip(".") in PERSON_TITLES
            or token.whitespace_ != " "
        ):
            break
        index -= 1
    return int(doc[index].idx) if index < first else start


def _acts(ent: Any) -> bool:
    """Whether the span is the subject (or agent) of a verb of action or speech."""
    root = ent.root
    while root.dep_ == "conj" and root.head != root:
        root = root.head
    if root.dep_ not in _SUBJECT_DEPS:
        return False
    verb = root.head if root.dep_ != "agent" else root.head.head
    return bool(verb.pos_ in {"VERB", "AUX"} and verb.lemma_.lower() not in NON_ACTION_VERBS)


def _full_name_surnames(mentions: list[Mention]) -> dict[str, int]:
    """The last word of each person named in full, and where it was first named."""
    surnames: dict[str, int] = {}
    for m in mentions:
        words = m.text.split()
        if m.label == "PERSON" and len(words) >= 2 and words[-1][:1].isupper():
            surnames.setdefault(words[-1], m.end)
    return surnames


def _surnames_relabelled(mentions: list[Mention]) -> list[Mention]:
    """A person's surname on its own after the full name, which the model took for a place
    or a body (``Ayşe Kılıç ... Kılıç said``, tagged GPE), is that person."""
    surnames = _full_name_surnames(mentions)
    if not surnames:
        return mentions
    return [replace(m, label="PERSON", source="surname")
            if m.label != "PERSON" and " " not in m.text and m.start >= surnames.get(m.text, m.end)
            else m for m in mentions]


def _bare_surnames(doc: Any, article_id: str, mentions: list[Mention]) -> list[Mention]:
    """A surname on its own (``Mis believes ...``) that the model missed, after the person was
    named in full in the same text."""
    surnames = _full_name_surnames(mentions)
    if not surnames:
        return []
    covered = Ranges((m.start, m.end) for m in mentions)
    extra: list[Mention] = []
    for token in doc:
        seen_at = surnames.get(token.text)
        if seen_at is None or token.idx < seen_at or token.pos_ not in {"PROPN", "NOUN"}:
            continue
        start, end = token.idx, token.idx + len(token.text)
        if not covered.overlaps(start, end):
            extra.append(Mention(article_id, start, end, token.text, "PERSON", "surname"))
    return extra


def _with_acronyms(
    doc: Any, article_id: str, definitions: list[Definition], mentions: list[Mention]
) -> list[Mention]:
    """``mentions`` plus every occurrence of a defined acronym, and the full long form where
    the model caught only part of it (``Tahrir al-Sham`` inside ``Hay'at Tahrir al-Sham``)."""
    if not definitions:
        return mentions
    kept = list(mentions)
    shorts: dict[str, str] = {}
    for d in definitions:
        inside = [m for m in kept if m.start < d.long_end and m.end > d.long_start]
        if all(d.long_start <= m.start and m.end <= d.long_end for m in inside) and not any(
            m.start == d.long_start and m.end == d.long_end for m in inside
        ):
            kept = [m for m in kept if m not in inside]
            kept.append(Mention(article_id, d.long_start, d.long_end, d.long, "ORG", "acronym"))
        label = next(
            (m.label for m in kept if m.start == d.long_start and m.end == d.long_end), "ORG"
        )
        shorts.setdefault(d.short, "ORG" if label == "PERSON" else label)
    by_span = {(m.start, m.end): m for m in kept}
    for token in doc:
        key = token.text
        if key not in shorts:
            continue
        start, end = token.idx, token.idx + len(key)
        current = by_span.get((start, end))
        if current is not None and current.label == shorts[key]:
            continue
        overlapping = [m for m in kept if m.start < end and m.end > start]
        if current is None and overlapping:
            continue  # part of a longer name (``SNA fighters`` tagged as one span)
        kept = [m for m in kept if m is not current]
        mention = Mention(article_id, start, end, key, shorts[key], "acronym")
        kept.append(mention)
        by_span[(start, end)] = mention
    return kept
