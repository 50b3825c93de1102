"""Each article's quotes with their speakers resolved, kept in the store between builds.

:func:`~sitroom.resolve.speakers.resolve_speakers` reads one article's text, quotes and
mentions, and asks the corpus's entities two kinds of question: which entity a span of the
article is (``entity_of``) and which entity a written name is (``lookup``). A build that
adds 20 articles to 2,000 resolved every old article's speakers again although the
entities it asks about rarely change. So an entry, kept under a digest of the article and
its quote and mention spans (the namespace names sitroom's code and the annotations'
pipeline version), holds the questions the article asked with the answers it got and the
quotes it made; a later build serves the quotes only while every one of those questions
still gets the same answer from its entities, else resolves the article again. The
speakers read nothing of the entities but those answers, so a served article's quotes are
the ones resolving it again would give.

An entry is kept compressed (zlib, then base64 for the memo's text column): the store's
memory grows by about three times what a build writes to it, for as long as the build
runs, and a first build writes every article's entry. Each quote's content words were
kept too once, for the quote links: under a CPU second an add, for twice the bytes.

A build that makes entries drops those it did not serve (articles gone, or answers that
changed) and stores its new ones.
"""

from __future__ import annotations

import base64
import hashlib
import json
import zlib
from collections.abc import Callable, Sequence
from typing import Any, Protocol

from ..stored_memo import MemoStore, replace_served
from ..types import Mention, Quote, QuoteMention

#: What resolves one article's speakers (``resolve_speakers``'s signature).
Resolver = Callable[[str, Sequence[QuoteMention], Sequence[Mention], "EntityLookup"],
                    list[Quote]]


class EntityLookup(Protocol):
    """The questions speaker resolution asks of ``resolve.entities.EntityResolution``."""

    def entity_of(self, article: str, start: int, end: int) -> str | None: ...

    def lookup(self, surface: str) -> str | None: ...


class _Answers:
    """One build's answers to the entity questions, each asked once: the articles of a
    corpus look up the same few thousand names over and over."""

    def __init__(self, entities: EntityLookup) -> None:
        self.entities = entities
        self.names: dict[str, str | None] = {}

    def entity_of(self, article: str, start: int, end: int) -> str | None:
        return self.entities.entity_of(article, start, end)

    def lookup(self, surface: str) -> str | None:
        if surface not in self.names:
            self.names[surface] = self.entities.lookup(surface)
        return self.names[surface]


class _Noting:
    """An :class:`EntityLookup` that notes every question with the answer it gave."""

    def __init__(self, answers: _Answers) -> None:
        self._answers = answers
        self.spans: dict[tuple[str, int, int], str | None] = {}
        self.names: dict[str, str | None] = {}

    def entity_of(self, article: str, start: int, end: int) -> str | None:
        key = (article, start, end)
        if key not in self.spans:
            self.spans[key] = self._answers.entity_of(article, start, end)
        return self.spans[key]

    def lookup(self, surface: str) -> str | None:
        if surface not in self.names:
            self.names[surface] = self._answers.lookup(surface)
        return self.names[surface]


class StoredSpeakers:
    """Speaker resolution with its per-article entries over a store's memo table; call
    :meth:`save` after the last article. ``made`` and ``served`` count this build's
    articles."""

    def __init__(self, store: MemoStore, namespace: str, entities: EntityLookup) -> None:
        self.namespace = namespace
        self._entries = store.memo_entries(namespace)
        self._answers = _Answers(entities)
        self._fresh: dict[str, str] = {}
        self._used: set[str] = set()
        self.made = 0
        self.served = 0

    def quotes_for(
        self,
        text: str,
        quotes: Sequence[QuoteMention],
        mentions: Sequence[Mention],
        resolve: Resolver,
    ) -> list[Quote]:
        """``resolve(text, quotes, mentions, entities)``, or the stored product of it where
        every question it asked of the entities gets the answer it got then."""
        if not quotes:
            return []  # nothing to resolve, nothing worth a row
        article = quotes[0].article
        key = entry_key(article, text, quotes, mentions)
        stored = self._entries.get(key)
        if stored is not None:
            spans, names, made = _unpack(stored)
            if self._same_answers(article, spans, names):
                self._used.add(key)
                self.served += 1
                return decode_quotes(made, article, text)
        noting = _Noting(self._answers)
        found = resolve(text, quotes, mentions, noting)
        if any(q.also_in or q.article != article for q in found) or any(
                asked != article for asked, _, _ in noting.spans):
            return found  # not one article's unlinked quotes: nothing the entry can hold
        self._entries[key] = self._fresh[key] = _pack([
            [[start, end, answer] for (_, start, end), answer in sorted(
                noting.spans.items(), key=_span_order)],
            [[name, answer] for name, answer in sorted(noting.names.items())],
            encode_quotes(found, text),
        ])
        self._used.add(key)
        self.made += 1
        return found

    def save(self, store: MemoStore) -> None:
        """Store the entries made by this build, after dropping the ones it did not serve
        (their articles are gone, or an answer changed) and the ones it made again."""
        if not self._fresh:
            return
        replace_served(store, self.namespace, self._used, self._fresh)
        self._fresh.clear()

    def _same_answers(self, article: str, spans: list[list[Any]],
                      names: list[list[Any]]) -> bool:
        answers = self._answers
        return all(answers.entity_of(article, start, end) == found
                   for start, end, found in spans) and all(
            answers.lookup(name) == found for name, found in names)


def entry_key(article: str, text: str, quotes: Sequence[QuoteMention],
              mentions: Sequence[Mention]) -> str:
    """A digest of what an article's speakers are made from besides the entities' answers:
    the article (its id names its text), its quotes and its mentions. Their texts are the
    article's own characters at their spans, so the spans, labels and cues stand for them.
    Written as tab-separated lines (the free texts quoted, so that none can run into the
    next line), not JSON: a mention a line for every article of every build, which as JSON
    cost as much as checking the answers."""
    lines = [article, str(len(text))]
    lines += [f"q{q.start}\t{q.end}\t{q.direct}\t{q.speaker_start}\t{q.speaker_end}\t"
              f"{q.cue_start}\t{q.cue_end}\t{q.cue!r}\t{q.speaker_text!r}" for q in quotes]
    lines += [f"m{m.start}\t{m.end}\t{m.label}\t{m.source}" for m in mentions]
    joined = "\n".join(lines)
    return hashlib.sha256(joined.encode("utf-8", "surrogatepass")).hexdigest()


def encode_quotes(quotes: Sequence[Quote], text: str) -> list[list[Any]]:
    """``quotes`` (of one article, no links yet) as JSON-encodable lists; a quote's text is
    left out, null, where it is the article's own characters at its span."""
    return [
        [q.start, q.end, None if text[q.start:q.end] == q.text else q.text, q.direct,
         q.speaker, q.speaker_text, q.cue, q.id]
        for q in quotes
    ]


def decode_quotes(values: list[list[Any]], article: str, text: str) -> list[Quote]:
    """The quotes :func:`encode_quotes` wrote."""
    return [
        Quote(id=ident, article=article, speaker=speaker, speaker_text=speaker_text,
              text=text[start:end] if written is None else written, direct=direct, cue=cue,
              start=start, end=end)
        for start, end, written, direct, speaker, speaker_text, cue, ident in values
    ]


def _span_order(item: tuple[tuple[str, int, int], str | None]) -> tuple[int, int]:
    return item[0][1], item[0][2]


def _pack(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return base64.b64encode(zlib.compress(text.encode("utf-8", "surrogatepass"))).decode()


def _unpack(value: str) -> Any:
    return json.loads(zlib.decompress(base64.b64decode(value)).decode("utf-8", "surrogatepass"))
