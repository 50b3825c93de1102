"""Full-text search over the articles for ``/api/search``: an inverted index of lower-cased
word tokens built in memory (DuckDB's FTS extension would need a download)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

_TOKEN = re.compile(r"\w+", re.UNICODE)


def tokens(text: str) -> list[str]:
    return [t.casefold() for t in _TOKEN.findall(text)]


@dataclass(frozen=True, slots=True)
class Hit:
    article: str
    score: int
    start: int | None
    end: int | None


@dataclass(frozen=True, slots=True)
class SearchIndex:
    postings: Mapping[str, Mapping[str, int]]  # token -> article id -> occurrences
    order: Sequence[str]  # article ids in report order, for stable ties
    texts: Mapping[str, str]  # what was indexed: title and text

    @classmethod
    def build(cls, articles: Sequence[Mapping[str, Any]], texts: Mapping[str, str]) -> SearchIndex:
        postings: dict[str, dict[str, int]] = {}
        searched: dict[str, str] = {}
        for article in articles:
            body = texts.get(article["id"], "")
            searched[article["id"]] = body
            words = tokens(f"{article.get('title') or ''} {body}")
            for word in words:
                per = postings.setdefault(word, {})
                per[article["id"]] = per.get(article["id"], 0) + 1
        return cls(postings, [a["id"] for a in articles], searched)

    def search(self, query: str) -> list[Hit]:
        """Articles holding every word of ``query``, most occurrences first; an exact phrase
        match ranks first and gives the offsets of its first occurrence in the text."""
        words = list(dict.fromkeys(tokens(query)))
        if not words:
            return []
        found: set[str] | None = None
        for word in words:
            ids = set(self.postings.get(word, {}))
            found = ids if found is None else found & ids
            if not found:
                return []
        assert found is not None
        # Matched on the original text so the offsets index it exactly.
        phrase = re.compile(re.escape(query.strip()), re.IGNORECASE)
        rank = {article: i for i, article in enumerate(self.order)}
        hits = []
        for article in found:
            score = sum(self.postings[w][article] for w in words)
            match = phrase.search(self.texts.get(article, ""))
            start, end = (match.start(), match.end()) if match else (None, None)
            hits.append(Hit(article, score + (1_000_000 if match else 0), start, end))
        hits.sort(key=lambda h: (-h.score, rank.get(h.article, 0)))
        return hits
