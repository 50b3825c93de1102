"""Each article's place rows (:class:`~sitroom.resolve.place_rows.ArticleRows`), kept in
the store between builds.

A build that adds a few articles to thousands used to scan every text again for its place
names and their cues, though an old article's rows change only when what they were made
from changes. An entry is kept under a digest of the article (its id names its text; the
namespace names the annotations' pipeline version, sitroom's code and the gazetteer) and
of what entity resolution made of it (:class:`~sitroom.resolve.place_rows.ArticleInputs`).
The corpus-wide sets the rows also read grow with every build, so the entry says what it
depended on instead, and is served only while that still holds:

- the surnames and lower-case words, the names the article's people go by and the spans
  of its mentions whose entities are actors: each word or span the article's rows asked
  about, with the answer it got (:class:`~sitroom.resolve.place_rows.Asked`);
- the outlet names: the set it was made with (kept once, under its digest); the names
  that set and the corpus's current one do not share must not occur in the text (a name
  the text does not hold cannot match in it).

Anything else remakes the entry. A build that makes entries drops those of articles it no
longer holds and of inputs that changed.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import Any

from ..stored_memo import MemoStore, replace_served
from .place_rows import (
    ArticleInputs,
    ArticleRows,
    Asked,
    AskedSpans,
    CorpusWords,
    answers_of,
    decode_rows,
    dumps,
    encode_rows,
    same_answers,
    same_span_answers,
    sorted_answers,
    sorted_span_answers,
)

#: Memo keys of the outlet-name sets the entries were made with (beside the entries').
_OUTLETS = "outlets:"
#: More changed outlet names than this and an entry is made again rather than checked:
#: each is searched for in the text.
MOST_CHANGED_OUTLETS = 200


class StoredPlaceRows:
    """A :class:`~sitroom.resolve.places.RowsMemo` over a store's memo table; call
    :meth:`save` after resolving. ``made`` and ``served`` count the entries of this build."""

    def __init__(self, store: MemoStore, namespace: str) -> None:
        self.namespace = namespace
        self._entries = store.memo_entries(namespace)
        self._fresh: dict[str, str] = {}
        self._used: set[str] = set()
        self._changed: dict[tuple[str, frozenset[str]], frozenset[str] | None] = {}
        self._outlet_ids: dict[frozenset[str], str] = {}
        self.made = 0
        self.served = 0

    def rows_for(
        self,
        inputs: ArticleInputs,
        text: str,
        corpus: CorpusWords,
        make: Callable[[ArticleInputs, CorpusWords], ArticleRows],
    ) -> ArticleRows:
        key = _digest([*inputs.digest_parts(), len(text)])
        stored = self._entries.get(key)
        if stored is not None:
            actors, persons, surnames, lower_words, made_with, rows = json.loads(stored)
            if (
                same_span_answers(actors, inputs.actors)
                and same_answers(answers_of(persons), inputs.persons)
                and same_answers(answers_of(surnames), corpus.surnames)
                and same_answers(answers_of(lower_words), corpus.lower_words)
                and self._outlets_agree(made_with, corpus.outlets, text)
            ):
                self._used.update((key, _OUTLETS + made_with))
                self.served += 1
                return decode_rows(rows, inputs.article, text)
        asked_actors, asked_persons = AskedSpans(inputs.actors), Asked(inputs.persons)
        asked_surnames, asked_lower = Asked(corpus.surnames), Asked(corpus.lower_words)
        found = make(replace(inputs, actors=asked_actors, persons=asked_persons),
                     CorpusWords(asked_surnames, asked_lower, corpus.outlets))
        outlets_id = self._outlets_id(corpus.outlets)
        value = dumps([sorted_span_answers(asked_actors.answers),
                       sorted_answers(asked_persons.answers),
                       sorted_answers(asked_surnames.answers),
                       sorted_answers(asked_lower.answers), outlets_id,
                       encode_rows(found, text)])
        self._entries[key] = self._fresh[key] = value
        self._used.update((key, _OUTLETS + outlets_id))
        self.made += 1
        return found

    def save(self, store: MemoStore) -> None:
        """Store the entries made by this build, after dropping the ones it did not use
        (their articles are gone, or their inputs changed) and the ones it made again."""
        if not self._fresh:
            return
        replace_served(store, self.namespace, self._used, self._fresh)
        self._fresh.clear()

    def _outlets_id(self, outlets: frozenset[str]) -> str:
        """The digest of an outlet-name set, which is kept (once) beside the entries."""
        found = self._outlet_ids.get(outlets)
        if found is None:
            names = sorted(outlets)
            found = self._outlet_ids[outlets] = _digest(names)
            if _OUTLETS + found not in self._entries:
                self._entries[_OUTLETS + found] = dumps(names)
                self._fresh[_OUTLETS + found] = self._entries[_OUTLETS + found]
        return found

    def _outlets_agree(self, made_with: str, outlets: frozenset[str], text: str) -> bool:
        """Whether ``text`` holds none of the names in one of the two outlet sets only."""
        changed = self._changed_names(made_with, outlets)
        if changed is None:
            return False
        if not changed:
            return True
        folded = text.casefold()
        # an outlet is found as written, or as a mention's casefolded text: either way its
        # casefolded name is in the casefolded text
        return not any(name in folded for name in changed)

    def _changed_names(self, made_with: str, outlets: frozenset[str]) -> frozenset[str] | None:
        """The casefolded names in one set only (None: the old set is not kept, or too
        many changed)."""
        if (made_with, outlets) not in self._changed:
            kept = self._entries.get(_OUTLETS + made_with)
            changed: frozenset[str] | None = None
            if kept is not None:
                names = _folded(set(json.loads(kept)) ^ outlets)
                changed = names if len(names) <= MOST_CHANGED_OUTLETS else None
            self._changed[(made_with, outlets)] = changed
        return self._changed[(made_with, outlets)]


def _folded(names: Iterable[str]) -> frozenset[str]:
    return frozenset(name.casefold() for name in names)


def _digest(parts: Any) -> str:
    text = json.dumps(parts, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
