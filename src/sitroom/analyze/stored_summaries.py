"""Each story's summary, kept in the store between builds.

Summarising a story reads its claims' passages (is a sentence one that stands alone?) and
the stored embeddings of the claims it may compare: about five seconds of a build that adds
20 articles to 2,000, nearly all of it for stories the new articles left as they were. A
story's summary (:func:`~.summary.summarize`) depends on nothing but:

- the story's id and the set of its articles;
- the claims it may show as points (statements no other claim contradicts), each whole
  and in its order, with the text whose embedding stands for the claim when two points are
  compared (the embedding is a function of that text for one model);
- the contradictions with both sides in the story, each whole;
- sitroom's code and the embedding model.

So each summary is kept in the store's memo table under a digest of exactly those inputs,
in a namespace of the code and the model, and a build summarises only the stories whose
digest it has not met. The digest is made from the records themselves, so any change to
a claim a story reads (a new passage, another count of sources, an event linked) is a
new digest, and a stored summary is only ever served for the inputs it was made from.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from typing import Any

from ..stored_memo import MemoStore, namespace
from ..types import Claim, Contradiction, Evidence, SummaryItem
from .article_memo import memo_reader
from .embed import MODEL_VERSION
from .summary import contradictions_inside, point_candidates

#: The memo's name (its namespace adds the code's digest and the embedding model).
NAME = "story_summaries"


def story_digest(
    story: str | None,
    members: Sequence[str],
    claims: Sequence[Claim],
    contradictions: Sequence[Contradiction],
    vector_text: Callable[[str], str | None],
) -> str:
    """A digest of everything the summary of ``story`` (made of ``members``) reads of
    ``claims`` (the story's, in order) and ``contradictions`` (all of the corpus's);
    ``vector_text``: the text a claim's embedding is made from (None: it has none)."""
    member_set = set(members)
    digest = hashlib.sha256()

    def put(text: str) -> None:
        digest.update(text.encode("utf-8"))

    # The digest of ``repr((story, sorted(member_set), points, inside))``, where ``points``
    # lists ``(repr(claim), vector_text(claim.id))`` of each candidate and ``inside`` the
    # repr of each contradiction (repr of a frozen record of strings, numbers and tuples of
    # them: every field, in a fixed form, the same in every process). Its bytes are fed a
    # record at a time: made whole, the candidates' reprs, the repr of those and its UTF-8
    # bytes were three copies of every candidate record of the story, held at once.
    put(f"({story!r}, {sorted(member_set)!r}, [")
    for position, claim in enumerate(point_candidates(claims)):
        put((", " if position else "") + repr((repr(claim), vector_text(claim.id))))
    put("], [")
    for position, item in enumerate(contradictions_inside(member_set, contradictions)):
        put((", " if position else "") + repr(repr(item)))
    put("])")
    return digest.hexdigest()


def encode_summary(items: Sequence[SummaryItem]) -> str:
    """One story's summary items as compact JSON."""
    return json.dumps([_row(item) for item in items], ensure_ascii=False,
                      separators=(",", ":"))


def decode_summary(value: str) -> tuple[SummaryItem, ...]:
    """The summary items :func:`encode_summary` wrote."""
    return tuple(
        SummaryItem(text=text, evidence=_evidence(evidence), story=story, claim=claim,
                    date=date, kind=kind, outlets=tuple(outlets), counter_claim=counter_claim,
                    counter_text=counter_text, counter_evidence=_evidence(counter_evidence))
        for (text, evidence, story, claim, date, kind, outlets, counter_claim, counter_text,
             counter_evidence) in json.loads(value)
    )


def _row(item: SummaryItem) -> list[Any]:
    return [item.text, [_passage(e) for e in item.evidence], item.story, item.claim, item.date,
            item.kind, list(item.outlets), item.counter_claim, item.counter_text,
            [_passage(e) for e in item.counter_evidence]]


def _passage(e: Evidence) -> list[Any]:
    return [e.article, e.start, e.end, e.text, e.trigger_start, e.trigger_end]


def _evidence(rows: list[list[Any]]) -> tuple[Evidence, ...]:
    return tuple(Evidence(article, start, end, text, trigger_start, trigger_end)
                 for article, start, end, text, trigger_start, trigger_end in rows)


class RememberedSummaries:
    """The stored summaries of one build's stories: :meth:`stored` reads those of some
    digests, :meth:`remember` adds new ones, and :meth:`finish` drops the entries this build
    did not use once it made any (those of stories that have changed: never read again)."""

    def __init__(self, memo: MemoStore) -> None:
        from ..fingerprint import code_digest

        self._memo = memo
        self._namespace = namespace(NAME, code_digest(), MODEL_VERSION)
        self._read = memo_reader(memo, self._namespace)
        self._used: set[str] = set()
        self._made = False

    def stored(self, keys: Sequence[str]) -> dict[str, str]:
        self._used.update(keys)
        return self._read(sorted(set(keys)))

    def remember(self, rows: dict[str, str]) -> None:
        if rows:
            self._memo.add_memo_entries(self._namespace, sorted(rows.items()))
            self._made = True

    def finish(self) -> None:
        keep = getattr(self._memo, "keep_memo_entries", None)
        if self._made and callable(keep):
            keep(self._namespace, sorted(self._used))
