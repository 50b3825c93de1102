"""The story step's word terms of each article text, kept in the store between builds.

Grouping articles into stories (:mod:`sitroom.analyze.stories`) compares them by the words
and names of their texts: scanning every text for them costs about 1.5 ms an article, so
seconds at a few thousand articles, on every build that adds a few. The terms depend on the
text alone (the actors, which the corpus's resolution can change, are added afterwards), so
they are kept in the store's memo table under a digest of the text, and a build scans only
the texts it has not met. The namespace names sitroom's code: a change to it starts afresh.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from ..stored_memo import MemoStore, StoredMemo, namespace
from ..types import Article, Story
from .stories import remembered_terms, stories_for


def _namespace() -> str:
    from ..fingerprint import code_digest

    return namespace("story_terms", code_digest())


def stories_remembered(
    store: MemoStore,
    articles: Sequence[Article],
    actors_by_article: Mapping[str, Iterable[str]],
) -> tuple[Story, ...]:
    """:func:`~sitroom.analyze.stories.stories_for` with the texts' terms read from and
    added to ``store``: the same stories, from fewer scans."""
    memo = StoredMemo(store, _namespace())
    with remembered_terms(memo.values):
        stories = stories_for(articles, actors_by_article)
    memo.save(store)
    return stories
