"""The model's two rule-based components, with the same output for a fraction of the CPU.

spaCy's ``attribute_ruler`` and ``lemmatizer`` are plain Python over every token: on 200
AllSides articles they took 11 of the parse's 59 CPU seconds, more than all of sitroom's
own components. Both are pure functions of a few attributes of each token, and a news corpus
repeats the same words: the answers are kept per distinct attribute values, and the
attributes are read and written as whole-document arrays instead of one ``Token`` object
per word.

* :class:`FastAttributeRuler` finds the same matches as the ruler's ``Matcher`` (each
  pattern token's test is answered once per distinct (tag, lower-case form, dependency,
  is-space) and remembered) and hands them to the ruler's own ``set_annotations``, so what
  a match sets, and in which order, is the ruler's.
* :class:`CachedLemmatizer` remembers the rule lemmatizer's answer per (word, part of
  speech, morphology), what spaCy's own cache is keyed by, but also for the answers spaCy
  does not keep (base forms, proper nouns, punctuation: most tokens), and asks the
  lemmatizer itself for any new key.

A model whose ruler uses a pattern feature this module does not read (an operator, another
attribute), or whose lemmatizer is not a rule lemmatizer that keeps existing lemmas, keeps
spaCy's component unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

#: The token attributes the ruler's patterns may test here, as ``to_array`` columns.
_ATTRIBUTES = ("TAG", "LOWER", "DEP", "IS_SPACE")
#: Distinct keys remembered before a memo starts afresh: bounded memory (a few MB) in a
#: long process; 40 AllSides articles hold 12,000 distinct tokens (of 44,000).
MEMO_LIMIT = 50_000

FAST_ATTRIBUTE_RULER = "sitroom_fast_attribute_ruler"
CACHED_LEMMATIZER = "sitroom_cached_lemmatizer"


class _Unsupported(Exception):
    """A pattern uses something :class:`FastAttributeRuler` does not evaluate."""


ValueTest = Callable[[Any], bool]


def _value_test(value: Any) -> ValueTest:
    """The test of one attribute's value against one pattern value: equality, ``IN``,
    ``NOT_IN`` or ``REGEX``, as spaCy's ``Matcher`` reads them."""
    if isinstance(value, bool | str):
        return lambda found: bool(found == value)
    if isinstance(value, dict) and len(value) == 1:
        (operator, operand), = value.items()
        if operator in ("IN", "NOT_IN") and isinstance(operand, list) and all(
                isinstance(item, str) for item in operand):
            members = frozenset(operand)
            if operator == "IN":
                return lambda found: found in members
            return lambda found: found not in members
        if operator == "REGEX" and isinstance(operand, str):
            search = re.compile(operand).search
            return lambda found: search(found) is not None
    raise _Unsupported(repr(value))


class FastAttributeRuler:
    """The ruler's matches found per distinct token (see the module docstring).

    Each pattern token is a numbered test; a token passes it when each of its attributes
    passes that attribute's part of the test. What passes is remembered per attribute value
    (a tag is tested once, not once per word that has it) and per whole token."""

    def __init__(self, ruler: Any) -> None:
        self.ruler = ruler
        self.vocab = ruler.vocab
        #: (rule, pattern length, test number of its first token), in the ruler's rule order
        self._patterns: list[tuple[int, int, int]] = []
        #: per attribute: the tests that do not read it, and (test, value test) of those that do
        self._free: list[set[int]] = [set() for _ in _ATTRIBUTES]
        self._reading: list[list[tuple[int, ValueTest]]] = [[] for _ in _ATTRIBUTES]
        tests = 0
        for rule, entry in enumerate(ruler.patterns):
            for pattern in entry["patterns"]:
                if not pattern:
                    raise _Unsupported("empty pattern")
                self._patterns.append((rule, len(pattern), tests))
                for spec in pattern:
                    self._add_test(tests, spec)
                    tests += 1
        self._first = {first: (rule, length) for rule, length, first in self._patterns}
        self._keys = [self.vocab.strings.add(str(rule)) for rule in range(len(ruler.patterns))]
        self._by_value: list[dict[int, frozenset[int]]] = [{} for _ in _ATTRIBUTES]
        self._by_token: dict[tuple[int, ...], frozenset[int]] = {}
        self._shared: dict[frozenset[int], frozenset[int]] = {}

    def _add_test(self, number: int, spec: dict[str, Any]) -> None:
        for position, attribute in enumerate(_ATTRIBUTES):
            if attribute not in spec:
                self._free[position].add(number)
        for attribute, value in spec.items():
            if attribute not in _ATTRIBUTES or (attribute == "IS_SPACE") != isinstance(
                    value, bool):
                raise _Unsupported(attribute)
            self._reading[_ATTRIBUTES.index(attribute)].append((number, _value_test(value)))

    def __call__(self, doc: Any) -> Any:
        self.ruler.set_annotations(doc, self.match(doc))
        return doc

    def match(self, doc: Any) -> list[tuple[int, int, int, int]]:
        """What ``AttributeRuler.match`` returns: (rule, rule key, start, end), sorted."""
        if not len(doc):
            return []
        from spacy.attrs import DEP, IS_SPACE, LOWER, TAG

        rows = doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist()
        passes = [self._passed(tuple(row)) for row in rows]
        found: set[tuple[int, int, int]] = set()
        first = self._first
        for start, passed in enumerate(passes):
            for number in passed:
                opening = first.get(number)
                if opening is None:
                    continue
                rule, length = opening
                end = start + length
                if end <= len(passes) and all(
                        number + k in passes[start + k] for k in range(1, length)):
                    found.add((rule, start, end))
        return sorted((rule, self._keys[rule], start, end) for rule, start, end in found)

    def _passed(self, row: tuple[int, ...]) -> frozenset[int]:
        """The tests a token with these attribute hashes passes."""
        known = self._by_token.get(row)
        if known is None:
            known = self._passed_by_value(0, row[0])
            for position in range(1, len(_ATTRIBUTES)):
                known = known & self._passed_by_value(position, row[position])
            if len(self._by_token) >= MEMO_LIMIT:
                self._by_token.clear()
                self._shared.clear()
            # Most tokens pass one of a few sets: each is kept once, however many hold it.
            known = self._shared.setdefault(known, known)
            self._by_token[row] = known
        return known

    def _passed_by_value(self, position: int, value: int) -> frozenset[int]:
        memo = self._by_value[position]
        known = memo.get(value)
        if known is None:
            found: Any = bool(value) if _ATTRIBUTES[position] == "IS_SPACE" else (
                self.vocab.strings[value])
            known = frozenset(self._free[position]).union(
                number for number, test in self._reading[position] if test(found))
            if len(memo) >= MEMO_LIMIT:
                memo.clear()
            memo[value] = known
        return known


class CachedLemmatizer:
    """The rule lemmatizer's answers kept per (word, part of speech, morphology)."""

    def __init__(self, lemmatizer: Any) -> None:
        #: what other code reads of the lemmatizer (the gazetteer's dictionary words)
        self.lookups = lemmatizer.lookups
        # The rule lemmatizer asks ``form in index`` of each word list, a list of up to
        # 57,000 nouns scanned from the start; the wrapped lemmatizer (no longer in the
        # pipeline) is given the same words as sets, which answer alike at once.
        lemmatizer.lookups = _with_word_sets(lemmatizer.lookups)
        self.lemmatizer = lemmatizer
        self._lemmas: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Any) -> Any:
        import numpy
        from spacy.attrs import LEMMA, MORPH, ORTH, POS

        if not len(doc):
            return doc
        lemmatizer = self.lemmatizer
        if not lemmatizer._validated:
            lemmatizer._validate_tables()
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()
        lemmas: list[int] = []
        memo = self._lemmas
        for i, (orth, pos, morph, lemma) in enumerate(rows):
            if lemma:  # set before (the attribute ruler): kept, as the lemmatizer does
                lemmas.append(lemma)
                continue
            key = (orth, pos, morph)
            found = memo.get(key)
            if found is None:
                found = doc.vocab.strings.add(lemmatizer.lemmatize(doc[i])[0])
                if len(memo) >= MEMO_LIMIT:
                    memo.clear()
                memo[key] = found
            lemmas.append(found)
        doc.from_array([LEMMA], numpy.array(lemmas, dtype="uint64"))
        return doc


def _with_word_sets(lookups: Any) -> Any:
    """A copy of ``lookups`` whose ``lemma_index`` holds each part of speech's words as a
    frozenset (the other tables are shared, unchanged)."""
    from spacy.lookups import Lookups

    copy = Lookups()
    for name in lookups.tables:
        table = lookups.get_table(name)
        if name == "lemma_index":
            # The table's keys are already string hashes, which it keeps as they are.
            copy.add_table(name, {key: frozenset(words) for key, words in table.items()})
        else:
            copy.set_table(name, table)
    return copy


def speed_up_rule_components(nlp: Any) -> None:
    """Put :class:`FastAttributeRuler` and :class:`CachedLemmatizer` in the places (and
    under the names) of the model's ``attribute_ruler`` and ``lemmatizer``, where the model
    has them and they are of the kind handled here."""
    from spacy.language import Language

    if not Language.has_factory(FAST_ATTRIBUTE_RULER):
        Language.factory(FAST_ATTRIBUTE_RULER, func=_make_fast_ruler)
    if not Language.has_factory(CACHED_LEMMATIZER):
        Language.factory(CACHED_LEMMATIZER, func=_make_cached_lemmatizer)
    _swap(nlp, "attribute_ruler", FAST_ATTRIBUTE_RULER, _ruler_supported)
    _swap(nlp, "lemmatizer", CACHED_LEMMATIZER, _lemmatizer_supported)


def _swap(nlp: Any, name: str, factory: str, supported: Callable[[Any], bool]) -> None:
    if name not in nlp.pipe_names or not supported(nlp.get_pipe(name)):
        return
    temporary = f"{factory}_for_{name}"
    nlp.add_pipe(factory, name=temporary, after=name, config={"source": name})
    nlp.remove_pipe(name)
    nlp.rename_pipe(temporary, name)


def _ruler_supported(ruler: Any) -> bool:
    if isinstance(ruler, FastAttributeRuler) or not hasattr(ruler, "set_annotations"):
        return False
    try:
        FastAttributeRuler(ruler)
    except (_Unsupported, AttributeError, KeyError, TypeError, re.error):
        return False
    return True


def _lemmatizer_supported(lemmatizer: Any) -> bool:
    return (
        not isinstance(lemmatizer, CachedLemmatizer)
        and getattr(lemmatizer, "mode", None) == "rule"
        and getattr(lemmatizer, "overwrite", True) is False
        and hasattr(lemmatizer, "lookups")
    )


def _make_fast_ruler(nlp: Any, name: str, source: str) -> FastAttributeRuler:
    return FastAttributeRuler(nlp.get_pipe(source))


def _make_cached_lemmatizer(nlp: Any, name: str, source: str) -> CachedLemmatizer:
    return CachedLemmatizer(nlp.get_pipe(source))
