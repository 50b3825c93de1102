"""The words a corpus writes in lower case, kept in the store between builds.

The place step asks whether a name is also written as a plain word somewhere in the corpus
(``media``, ``bantam``): the union, over every article, of the words its text writes in
lower case. Scanning all 2,000 texts again for a build that adds 20 was most of a CPU second.
The union over a larger set of articles holds the union over a smaller one, so the store
keeps one entry: the articles it was made from and their words. A build whose articles
include all of those scans only the others and adds their words; a build without one of
them (an article gone) scans everything. Either way the words are those of a full scan, and
the entry is replaced by this build's when they differ.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Mapping

from ..stored_memo import MemoStore

#: A word written all in lower case, standing alone (not part of a hyphenated word).
LOWER_WORD = re.compile(r"(?<![\w-])[a-z]+(?![\w-])")


def lower_words(texts: Iterable[str]) -> frozenset[str]:
    """Every word written in lower case in any of ``texts``."""
    return frozenset(w for text in texts for w in LOWER_WORD.findall(text))


class StoredLowerWords:
    """:func:`lower_words` of a corpus's texts with the last build's answer kept in the
    store's memo table under ``namespace``; :meth:`save` stores this build's."""

    def __init__(self, store: MemoStore, namespace: str) -> None:
        self.namespace = namespace
        entries = store.memo_entries(namespace)
        # one entry; two or more only if a build stopped between writing and pruning
        self._before = json.loads(next(iter(entries.values()))) if len(entries) == 1 else None
        self._now: tuple[list[str], frozenset[str]] | None = None
        self.scanned = 0

    def words_of(self, texts: Mapping[str, str]) -> frozenset[str]:
        """:func:`lower_words` of the texts of ``texts`` (article id -> text)."""
        ids = sorted(texts)
        before = self._before
        if before is not None and set(before["articles"]) <= texts.keys():
            held = set(before["articles"])
            new = [texts[article] for article in ids if article not in held]
            words = frozenset(before["words"]) | lower_words(new)
        else:
            new = [texts[article] for article in ids]
            words = lower_words(new)
        self.scanned = len(new)
        self._now = (ids, words)
        return words

    def save(self, store: MemoStore) -> None:
        """Store this build's articles and words in place of the last build's (unless the
        same, or nothing was asked)."""
        if self._now is None:
            return
        ids, words = self._now
        before = self._before
        if before is not None and before["articles"] == ids:
            return
        value = json.dumps({"articles": ids, "words": sorted(words)}, ensure_ascii=False,
                           separators=(",", ":"))
        key = hashlib.sha256(value.encode("utf-8")).hexdigest()
        store.add_memo_entries(self.namespace, [(key, value)])
        keep = getattr(store, "keep_memo_entries", None)
        if callable(keep):
            keep(self.namespace, [key])
