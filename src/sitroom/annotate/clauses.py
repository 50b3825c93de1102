"""Clauses and descriptors from a parsed ``Doc``: the per-document raw material of claims,
contradictions and framing.

- :func:`extract_clauses` yields one :class:`ClauseMention` per fact-bearing predicate of a
  sentence: the main verb and the verbs conjoined to it, and, under a reporting verb (``X
  said that ...``, ``X told Y that ...``), the reported verb instead. Each keeps its subject,
  object, negation, whether it is an attempt (``tried to block``), its modality (a modal,
  a hedge, an opinion cue, a condition or a question make it not a claim) and its counted
  numbers.
- :func:`extract_descriptors` yields the words an article chooses for actors (appositions,
  actor nouns with a name attached, actor nouns alone) and the verbs it uses for what
  happened to a named actor or place.

The word lists are data files in ``sitroom/data/claims`` (see the README there).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from ..types import ClauseMention, DescriptorMention, Quantity
from .cues import SPEECH_VERBS
from .doctext import entity_at, text_of
from .token_filter import indices_with, within

_DATA = "sitroom.data"
_FOLDER = "claims"
_NOMINAL = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
_OBJECTS = frozenset({"dobj", "attr", "oprd", "dative"})
_QUALIFIERS = (
    ("at least", "at least"), ("more than", "more than"), ("over", "more than"),
    ("at most", "at most"), ("up to", "at most"), ("fewer than", "less than"),
    ("less than", "less than"), ("nearly", "about"), ("almost", "about"), ("about", "about"),
    ("around", "about"), ("some", "about"), ("roughly", "about"), ("approximately", "about"),
    ("an estimated", "about"), ("dozens of", "about"), ("hundreds of", "about"),
)
_NUMBER_WORDS = {
    w: i for i, w in enumerate((
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
        "eighteen", "nineteen", "twenty",
    ))
}
_NUMBER_WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
                      "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12})
_SCALES = {"hundred": 100.0, "thousand": 1e3, "million": 1e6, "billion": 1e9}
_NOT_COUNTS = frozenset({"DATE", "TIME", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"})


# --------------------------------------------------------------------------- lexicons


@dataclass(frozen=True, slots=True)
class ModalityLexicon:
    modal_verbs: frozenset[str]
    hedge_verbs: frozenset[str]
    hedge_adverbs: frozenset[str]
    opinion_cues: frozenset[str]
    conditional_marks: frozenset[str]
    attempt_verbs: frozenset[str]
    denial_verbs: frozenset[str]


def _data_text(name: str) -> str:
    return resources.files(_DATA).joinpath(_FOLDER, name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def modality_lexicon() -> ModalityLexicon:
    """The word lists of ``data/claims/modality.json``."""
    data = json.loads(_data_text("modality.json"))

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in data[key]["words"])

    return ModalityLexicon(
        modal_verbs=words("modal_verbs"),
        hedge_verbs=words("hedge_verbs"),
        hedge_adverbs=words("hedge_adverbs"),
        opinion_cues=words("opinion_cues"),
        conditional_marks=words("conditional_marks"),
        attempt_verbs=words("attempt_verbs"),
        denial_verbs=words("denial_verbs"),
    )


@lru_cache(maxsize=1)
def actor_nouns() -> frozenset[str]:
    """The lemmas of ``data/claims/actor_nouns.txt``."""
    lines = (line.strip().lower() for line in _data_text("actor_nouns.txt").splitlines())
    return frozenset(line for line in lines if line and not line.startswith("#"))


# --------------------------------------------------------------------------- clauses


def extract_clauses(doc: Any, article_id: str) -> tuple[ClauseMention, ...]:
    """The fact-bearing predicates of every sentence of ``doc`` (see the module docstring)."""
    lex = modality_lexicon()
    text: str = text_of(doc)
    out: list[ClauseMention] = []
    for sent in doc.sents:
        if sum(1 for t in sent if t.is_alpha) < 4:
            continue
        question = sent.text.rstrip().endswith("?")
        for verb, denier in _fact_verbs(sent.root, lex):
            clause = _clause(verb, denier, sent, article_id, text, lex, question)
            if clause is not None:
                out.append(clause)
    return tuple(out)


def _fact_verbs(root: Any, lex: ModalityLexicon) -> Iterator[tuple[Any, Any | None]]:
    """The predicates a sentence states as fact: under a reporting verb its content clause
    (with the denier when the verb denies), else the root and the verbs conjoined to it."""
    heads = [root] + [c for c in root.children if c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"}]
    for head in heads:
        lemma = head.lemma_.lower()
        content = [c for c in head.children if c.dep_ in {"ccomp", "xcomp"} and c.pos_ in
                   {"VERB", "AUX"}]
        if lemma in SPEECH_VERBS and content and lemma not in lex.hedge_verbs:
            denier = _subject(head) if lemma in lex.denial_verbs else None
            for inner in content:
                yield inner, denier
                for c in inner.children:
                    if c.dep_ == "conj" and c.pos_ == "VERB":
                        yield c, denier
        elif head.pos_ in {"VERB", "AUX"}:
            yield head, None
    # Subordinate clauses state facts too (``As Aleppo fell to the rebels``, ``which saw the
    # fall of ...``); a condition among them is caught by the modality check. An adverbial
    # clause with no subject of its own (``fearing for their lives``, ``first published by
    # X``, ``after returning home``) asserts nothing a reader could hold anyone to.
    for token in root.subtree:
        if token.dep_ in {"advcl", "relcl"} and token.pos_ == "VERB" and (
            token.lemma_.lower() not in SPEECH_VERBS | _TALK_VERBS
        ) and (token.dep_ == "relcl" or any(c.dep_ in _SUBJECTS for c in token.children)):
            yield token, None


def _subject(verb: Any) -> Any | None:
    for child in verb.children:
        if child.dep_ in _SUBJECTS:
            return child
    if verb.dep_ in {"xcomp", "conj"} and verb.head is not verb:
        return _subject(verb.head)
    return None


def _span_of(token: Any) -> tuple[int, int]:
    """Character span of ``token``'s phrase, without a trailing relative clause or
    punctuation, so the subject of ``Ankara, which ..., approved`` is ``Ankara``."""
    left = token.left_edge.i
    right = token.i
    for child in token.rights:
        if child.dep_ in {"relcl", "acl", "punct", "advcl", "cc", "conj", "appos"}:
            break
        right = child.right_edge.i
    doc = token.doc
    while right > left and doc[right].is_punct:
        right -= 1
    return doc[left].idx, doc[right].idx + len(doc[right].text)


def _clause(
    verb: Any, denier: Any | None, sent: Any, article_id: str, text: str,
    lex: ModalityLexicon, question: bool,
) -> ClauseMention | None:
    attempted = False
    predicate_token = verb
    if verb.lemma_.lower() in lex.attempt_verbs:
        inner = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
        if inner is not None:
            attempted, predicate_token = True, inner
    modality, cue = _modality(verb, predicate_token, sent, lex, question)
    if modality == "asserted" and verb.lemma_.lower() in lex.hedge_verbs:
        modality, cue = "hedged", verb.text
    subject = _subject(predicate_token) or _subject(verb)
    obj = next((c for c in predicate_token.children if c.dep_ in _OBJECTS
                and c.pos_ in _NOMINAL and c.lower_ not in {"that", "which", "what"}), None)
    if obj is None:
        # ``broke through into Aleppo``, ``fell to the rebels``: the first prepositional object.
        prep = next((c for c in predicate_token.children if c.dep_ in {"prep", "agent"}), None)
        if prep is not None:
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    negated = any(c.dep_ == "neg" for c in predicate_token.children) or any(
        c.dep_ == "neg" for c in verb.children)
    subject_span = _span_of(subject) if subject is not None else None
    object_span = _span_of(obj) if obj is not None else None
    denied_span = _span_of(denier) if denier is not None else None
    object_lemmas = ""
    if obj is not None:
        words = [t for t in obj.subtree if t.i <= obj.i and not t.is_punct and t.pos_ != "DET"]
        object_lemmas = " ".join(t.lemma_.lower() for t in words[-4:])
    clause_start, clause_end = _clause_span(verb, sent)
    return ClauseMention(
        article=article_id,
        start=sent.start_char,
        end=_sentence_end(sent),
        predicate=predicate_token.lemma_.lower(),
        pred_start=predicate_token.idx,
        pred_end=predicate_token.idx + len(predicate_token.text),
        subject_start=subject_span[0] if subject_span else None,
        subject_end=subject_span[1] if subject_span else None,
        subject_text=text[subject_span[0]:subject_span[1]] if subject_span else None,
        object_start=object_span[0] if object_span else None,
        object_end=object_span[1] if object_span else None,
        object_text=text[object_span[0]:object_span[1]] if object_span else None,
        object_lemmas=object_lemmas,
        negated=negated,
        attempted=attempted,
        modality=modality,
        modality_cue=cue,
        denied_by_start=denied_span[0] if denied_span else None,
        denied_by_end=denied_span[1] if denied_span else None,
        quantities=tuple(_quantities(predicate_token, sent)),
        clause_start=clause_start,
        clause_end=clause_end,
    )


def _clause_span(verb: Any, sent: Any) -> tuple[int, int]:
    """The verb's own clause: its subtree, less the clauses conjoined to it; the whole
    sentence for the main verb."""
    if verb.dep_ == "ROOT":
        return int(sent.start_char), _sentence_end(sent)
    tokens = [t for t in verb.subtree if not t.is_punct]
    skip: set[int] = set()
    for child in verb.children:
        if child.dep_ in {"conj", "cc"} and child.i > verb.i:
            skip.update(t.i for t in child.subtree)
    tokens = [t for t in tokens if t.i not in skip] or [verb]
    while len(tokens) > 1 and tokens[0].dep_ in {"mark", "dobj"} and tokens[0].lower_ == "that":
        tokens = tokens[1:]
    return int(tokens[0].idx), int(tokens[-1].idx + len(tokens[-1].text))


def _sentence_end(sent: Any) -> int:
    last = sent[-1]
    while last.i > sent.start and last.is_space:
        last = last.doc[last.i - 1]
    return int(last.idx + len(last.text))


def _modality(
    verb: Any, predicate: Any, sent: Any, lex: ModalityLexicon, question: bool
) -> tuple[str, str | None]:
    """``asserted`` unless a question mark, a condition, a modal, a hedge or an opinion cue
    bears on the predicate (on it, on the verbs governing it, or on the sentence)."""
    if question:
        return "question", "?"
    chain = [predicate]
    node = predicate
    while node.head is not node and node.dep_ in {"xcomp", "ccomp", "conj"}:
        node = node.head
        chain.append(node)
    if verb not in chain:
        chain.append(verb)
    for token in chain:
        for child in token.children:
            word = child.lower_
            if child.dep_ == "mark" and word in lex.conditional_marks:
                return "conditional", child.text
            if child.dep_ == "aux" and word in lex.modal_verbs:
                return "modal", child.text
            if child.dep_ in {"advmod", "acomp"} and word in lex.hedge_adverbs:
                return "hedged", child.text
        if token is not predicate and token.lemma_.lower() in lex.hedge_verbs:
            return "hedged", token.text
    # The tests below pass only on these words: the sentence's other tokens are not walked
    # (once per predicate, that walk cost the square of the sentence's length).
    words = [sent.doc[i] for i in _words_within(sent, lex)]
    for token in words:
        if token.lower_ in lex.opinion_cues and token.dep_ != "compound":
            return "opinion", token.text
        if token.dep_ == "mark" and token.lower_ in lex.conditional_marks and (
            token.head in chain
        ):
            return "conditional", token.text
    if any(t.lower_ in _FIRST_PERSON and t.dep_ == "nsubj" and t.head in chain for t in words):
        return "opinion", "first person"
    return "asserted", None


_FIRST_PERSON = frozenset({"i", "we"})


def _words_within(sent: Any, lex: ModalityLexicon) -> list[int]:
    """Positions in ``sent`` of its opinion cues, conditional marks and ``I``/``we``."""
    found = indices_with(sent.doc, words=_modality_words(lex))
    return within(found, sent.start, sent.end)


@lru_cache(maxsize=4)
def _modality_words(lex: ModalityLexicon) -> frozenset[str]:
    """The words :func:`_modality` tests beyond the predicate's chain, made once per lexicon
    rather than once per predicate."""
    return lex.opinion_cues | lex.conditional_marks | _FIRST_PERSON


# --------------------------------------------------------------------------- numbers


def parse_number(words: str) -> float | None:
    """``63``, ``1,200``, ``3.5 million``, ``eleven``, ``twenty-five`` to a number."""
    cleaned = words.lower().replace(",", "").strip()
    parts = cleaned.replace("-", " ").split()
    if not parts:
        return None
    total = 0.0
    found = False
    for part in parts:
        if re.fullmatch(r"\d+(?:\.\d+)?", part):
            total += float(part)
            found = True
        elif part in _NUMBER_WORDS and part not in _SCALES:
            total += _NUMBER_WORDS[part]
            found = True
        elif part in _SCALES and found:
            total *= _SCALES[part]
        elif part in _SCALES:
            total, found = _SCALES[part], True
        else:
            return None
    return total if found else None


def _quantities(predicate: Any, sent: Any) -> Iterator[Quantity]:
    """Counted numbers in the predicate's clause: ``63 people``, ``toll ... to 41``."""
    doc = sent.doc
    taken: set[int] = set()
    for token in predicate.subtree:
        if token.i in taken or not token.like_num or token.pos_ != "NUM":
            continue
        if token.ent_type_ in _NOT_COUNTS:
            continue
        run = [token]
        while run[-1].i + 1 < sent.end and doc[run[-1].i + 1].like_num:
            run.append(doc[run[-1].i + 1])
        taken.update(t.i for t in run)
        surface = doc[run[0].i:run[-1].i + 1].text
        value = parse_number(surface)
        if value is None or (1900 <= value <= 2100 and float(value).is_integer()
                             and re.fullmatch(r"\d{4}", surface)):
            continue
        head = run[-1].head if run[-1].dep_ == "nummod" else None
        counted = head.lemma_.lower() if head is not None else _counted_by_context(run[-1])
        before = doc[max(sent.start, run[0].i - 2):run[0].i].text.lower()
        qualifier = next((q for w, q in _QUALIFIERS if before.endswith(w)), None)
        start = run[0].idx
        end = run[-1].idx + len(run[-1].text)
        yield Quantity(value, surface, start, end, counted, qualifier)


def _counted_by_context(number: Any) -> str:
    """What a bare number counts: ``rose to 41`` -> the subject (``toll``), ``killed 12``
    -> the verb."""
    node = number.head
    if node.dep_ == "prep":
        node = node.head
    if node.pos_ in {"VERB", "AUX"}:
        subject = _subject(node)
        if subject is not None and subject.pos_ == "NOUN":
            return str(subject.lemma_.lower())
        obj = next((c for c in node.children if c.dep_ == "dobj" and c.pos_ == "NOUN"), None)
        if obj is not None:  # ``raised its toll to 52``
            return str(obj.lemma_.lower())
        return str(node.lemma_.lower())
    return str(node.lemma_.lower())


# --------------------------------------------------------------------------- descriptors


def extract_descriptors(doc: Any, article_id: str) -> tuple[DescriptorMention, ...]:
    """Words ``doc`` chooses for actors and for what happened to them (module docstring)."""
    nouns = actor_nouns()
    text: str = text_of(doc)
    out: list[DescriptorMention] = []
    seen: set[int] = set()
    # Every test below needs a noun, a proper noun, an adjective or a verb.
    for i in indices_with(doc, ("NOUN", "PROPN", "ADJ", "VERB")):
        token = doc[i]
        lemma = token.lemma_.lower()
        if token.dep_ == "appos" and token.pos_ == "NOUN" and token.head.ent_type_:
            target = _entity_span(token.head)
            start, end = _span_of(token)
            out.append(DescriptorMention(article_id, start, end, text[start:end], lemma,
                                         "apposition", target[0], target[1]))
            seen.add(token.i)
            continue
        if token.i in seen:
            continue
        word = _actor_word(token, nouns)
        if word is not None:
            named = next((c for c in token.children if c.dep_ in {"compound", "amod", "poss"}
                          and c.ent_type_ in {"NORP", "GPE", "ORG", "PERSON"}), None)
            start, end = token.idx, token.idx + len(token.text)
            if named is not None:
                target = _entity_span(named)
                lo = min(start, target[0])
                out.append(DescriptorMention(article_id, lo, end, text[lo:end], word,
                                             "modifier", target[0], target[1]))
            else:
                out.append(DescriptorMention(article_id, start, end, text[start:end], word,
                                             "noun"))
            continue
        if token.pos_ == "VERB" and lemma not in SPEECH_VERBS and lemma not in _LIGHT_VERBS:
            argument = _named_argument(token)
            if argument is not None:
                start, end = token.idx, token.idx + len(token.text)
                out.append(DescriptorMention(article_id, start, end, token.text, lemma, "verb",
                                             argument[0], argument[1]))
    return tuple(out)


_TALK_VERBS = frozenset({"speak", "talk", "quote", "cite", "brief", "interview"})
_LIGHT_VERBS = frozenset({"be", "have", "do", "make", "get", "go", "come", "include",
                          "become", "remain", "continue", "begin", "start", "use", "see"})


def _actor_word(token: Any, nouns: frozenset[str]) -> str | None:
    """The actor noun ``token`` is (``rebels`` -> rebel, ``Islamists`` -> islamist), also as
    a modifier (``rebel offensive``)."""
    if token.pos_ not in {"NOUN", "PROPN", "ADJ"}:
        return None
    lemma = token.lemma_.lower()
    if lemma in nouns:
        return str(lemma)
    lower = token.lower_
    for form in (lower, lower[:-1] if lower.endswith("s") else lower):
        if form in nouns:
            return str(form)
    return None


def _entity_span(token: Any) -> tuple[int, int]:
    ent = entity_at(token)
    if ent is not None:
        return int(ent.start_char), int(ent.end_char)
    return int(token.idx), int(token.idx + len(token.text))


def _named_argument(verb: Any) -> tuple[int, int] | None:
    """The named actor or place a verb acts on or whose subject it is: its object first
    (``captured Aleppo``), then its subject (``Aleppo fell``)."""
    for deps in ({"dobj", "nsubjpass"}, {"nsubj"}):
        for child in verb.children:
            if child.dep_ in deps and child.ent_type_ in {"GPE", "ORG", "NORP", "PERSON", "LOC",
                                                          "FAC"}:
                return _entity_span(child)
    for child in verb.children:
        if child.dep_ == "prep":
            for grand in child.children:
                if grand.dep_ == "pobj" and grand.ent_type_ in {"GPE", "LOC", "FAC"}:
                    return _entity_span(grand)
    return None
