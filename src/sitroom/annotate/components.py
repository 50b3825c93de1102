"""Where sitroom's spaCy components are put into the pipeline, in order.

Both entity components run *after* the statistical ``ner`` and edit its spans rather than
pre-empting it, because the model knows context the gazetteer does not (``Jordan Peterson``
is a person even though ``Jordan`` is a country):

1. ``sitroom_gazetteer`` adds place names the model missed, relabels a span the model found
   with exactly the gazetteer's boundaries but the wrong label (``Aleppo`` as NORP, ``Homs``
   as PERSON, ``Türkiye`` as ORG), and splits model spans made only of country names
   (``Türkiye-Russia`` as one ORG). It keeps a PERSON span that is a surname of a person
   named in full elsewhere in the same text, and a longer model span that merely contains a
   place name (``Türkiye's Ministry of National Defense``).
0. ``sitroom_line_breaks`` runs *before* the parser and starts a sentence after every line
   break: cleaned articles keep headlines, datelines and paragraphs on their own lines, and
   the parser otherwise runs a headline into the first sentence (losing the speaker of a
   quote that follows, or joining two names into one entity). ``sitroom_sentence_cap``
   follows it and bounds a sentence's length (see :mod:`.sentence_cap`).
2. ``sitroom_institutions`` joins a people or place word to the institution word after it
   (``Syrian`` + ``army``, ``Sindh`` + ``government``, ``Turkish`` + ``opposition``) into one
   ORG span, because those institutions are actors of their own and must not be merged with
   the country or with each other.
"""

from __future__ import annotations

from typing import Any

from ..names import fold_name
from .gazetteer import Gazetteer, english_words, load_gazetteer
from .ner_lexicon import INSTITUTION_HEADS, PERSON_TITLES
from .sentence_cap import cap_sentence_length

GAZETTEER = "sitroom_gazetteer"
INSTITUTIONS = "sitroom_institutions"
LINE_BREAKS = "sitroom_line_breaks"
SENTENCE_CAP = "sitroom_sentence_cap"
_JOINERS = frozenset({"-", "–", "—", "/"})


def add_all(nlp: Any) -> None:
    """Add every sitroom component to ``nlp`` (idempotent)."""
    add_line_breaks(nlp)
    after = "ner" if "ner" in nlp.pipe_names else None
    if GAZETTEER not in nlp.pipe_names:
        nlp.add_pipe(GAZETTEER, after=after) if after else nlp.add_pipe(GAZETTEER)
    if INSTITUTIONS not in nlp.pipe_names:
        nlp.add_pipe(INSTITUTIONS, after=GAZETTEER)


def add_line_breaks(nlp: Any) -> None:
    """Add only the sentence-per-line component: all that extractors reading the parse alone
    (times) need, without loading the place gazetteer (idempotent)."""
    _register()
    if LINE_BREAKS not in nlp.pipe_names:
        if "parser" in nlp.pipe_names:
            nlp.add_pipe(LINE_BREAKS, before="parser")
        else:
            nlp.add_pipe(LINE_BREAKS, first=True)
    if SENTENCE_CAP not in nlp.pipe_names:
        # After the line breaks, so its count restarts at each line they start.
        nlp.add_pipe(SENTENCE_CAP, after=LINE_BREAKS)


def _register() -> None:
    from spacy.language import Language

    if not Language.has_factory(GAZETTEER):
        Language.factory(GAZETTEER, func=_make_gazetteer)
    if not Language.has_factory(INSTITUTIONS):
        Language.factory(INSTITUTIONS, func=_make_institutions)
    if not Language.has_factory(LINE_BREAKS):
        Language.component(LINE_BREAKS, func=start_sentences_at_line_breaks)
    if not Language.has_factory(SENTENCE_CAP):
        Language.component(SENTENCE_CAP, func=cap_sentence_length)


def start_sentences_at_line_breaks(doc: Any) -> Any:
    """Mark the first token after a line break as a sentence start (the parser keeps
    boundaries set before it runs).

    A blank line always ends a sentence. A single line break does unless it looks like a
    hard wrap inside a sentence: the next line starts in lower case, or the line ends on a
    word that cannot end a sentence (``the``, ``of``, a comma).
    """
    for token in doc[:-1]:
        if "\n" not in token.whitespace_ and not (token.is_space and "\n" in token.text):
            continue
        following = doc[token.i + 1]
        if following.is_space:
            continue
        before = token if not token.is_space else doc[token.i - 1] if token.i else token
        paragraph = "\n\n" in token.text or "\n\n" in token.whitespace_ or (
            token.is_space and "\n" in token.whitespace_
        )
        wrapped = following.text[:1].islower() or before.is_stop or before.text in {",", ";"}
        if paragraph or not wrapped:
            following.is_sent_start = True
    return doc


def _make_gazetteer(nlp: Any, name: str) -> GazetteerComponent:
    return GazetteerComponent(load_gazetteer(english_words(nlp)))


def _make_institutions(nlp: Any, name: str) -> InstitutionComponent:
    return InstitutionComponent()


class GazetteerComponent:
    """Edits ``doc.ents`` with gazetteer place names (see the module docstring)."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer

    def __call__(self, doc: Any) -> Any:
        from spacy.tokens import Span
        from spacy.util import filter_spans

        matches = list(self.gazetteer.matches(doc))
        if not matches:
            return doc
        ents = list(doc.ents)
        owner = {i: k for k, ent in enumerate(ents) for i in range(ent.start, ent.end)}
        certain_tokens = {
            i for start, end, entry in matches if entry.certain for i in range(start, end)
        }
        full_name_words = {
            fold_name(token.text)
            for ent in ents
            if ent.label_ == "PERSON" and len(ent) > 1
            for token in ent
        }
        dropped: set[int] = set()
        added: list[Any] = []
        for start, end, entry in matches:
            hits = {owner[i] for i in range(start, end) if i in owner}
            span = Span(doc, start, end, label="GPE", span_id="gazetteer")
            if not hits:
                if entry.certain or not _inside_longer_name(doc, start, end, owner):
                    added.append(span)
                continue
            if len(hits) > 1:
                continue
            k = next(iter(hits))
            ent = ents[k]
            relabel = _same_name(ent, start, end) and _should_relabel(
                ent, entry.certain, full_name_words
            )
            if relabel or _only_countries(ent, certain_tokens):
                dropped.add(k)
                added.append(span)
        if not added:
            return doc
        kept = [ent for k, ent in enumerate(ents) if k not in dropped]
        doc.ents = filter_spans(kept + added)
        return doc


def _inside_longer_name(doc: Any, start: int, end: int, owner: dict[int, int]) -> bool:
    """A town name the model did not tag, next to other capitalised words (``By Naila
    Huseynova``) or after a title (``President Kalin``), is more likely part of a person's or
    an organisation's name than a place."""
    if start > 0:
        before = doc[start - 1]
        if before.lower_.rstrip(".") in PERSON_TITLES:
            return True
        if _bare_capitalised(before) and not doc[start].is_sent_start:
            return True
    return end < len(doc) and _bare_capitalised(doc[end]) and end not in owner


def _bare_capitalised(token: Any) -> bool:
    return bool(token.is_alpha and token.text[:1].isupper() and not token.is_stop)


def _only_countries(ent: Any, certain_tokens: set[int]) -> bool:
    """A model span that is nothing but country names and joiners (``Türkiye-Russia``)."""
    if ent.label_ == "GPE" or not any(token.text in _JOINERS for token in ent):
        return False
    return all(token.i in certain_tokens or token.text in _JOINERS for token in ent)


def _same_name(ent: Any, start: int, end: int) -> bool:
    """The model span is the gazetteer match, allowing a leading ``the`` and a possessive."""
    first: int = ent.start + 1 if ent[0].lower_ == "the" else ent.start
    last: int = ent.end - 1 if ent[-1].text in {"'s", "’s", "'", "’"} else ent.end
    return first == start and last == end


def _should_relabel(ent: Any, certain: bool, full_name_words: set[str]) -> bool:
    label = ent.label_
    if label == "GPE":
        return False
    if label == "PERSON" and not certain:
        # A surname that is also a town: trust the model when the full name is in the text.
        return fold_name(ent.text) not in full_name_words
    if label in {"LOC", "FAC"}:
        return certain
    return True


class InstitutionComponent:
    """Joins ``<NORP|GPE> <institution word>`` into one ORG span (``Syrian army``)."""

    def __call__(self, doc: Any) -> Any:
        from spacy.tokens import Span

        ents = list(doc.ents)
        changed = False
        taken = {i for ent in ents for i in range(ent.start, ent.end)}
        for k, ent in enumerate(ents):
            if ent.label_ not in {"NORP", "GPE"} or ent.end >= len(doc):
                continue
            head = doc[ent.end]
            if head.lower_ not in INSTITUTION_HEADS or head.i in taken:
                continue
            if head.pos_ == "ADJ" and head.i + 1 < len(doc) and doc[head.i + 1].pos_ == "NOUN":
                continue  # ``Syrian military hardware``: an adjective, not the institution
            ents[k] = Span(doc, ent.start, ent.end + 1, label="ORG", span_id="pattern")
            taken.add(head.i)
            changed = True
        if changed:
            doc.ents = ents
        return doc
