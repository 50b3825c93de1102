"""Each article's statements, kept in the store between builds.

Finding an article's statements reads its clauses, descriptors and times (the bulk of its
stored annotations) and asks the entity and place spans what lies inside each clause: about
ten seconds of a build that adds 20 articles to 2,000, spent again on every article already
there. An article's statements depend on nothing but:

- the article itself (its id is a hash of its text; its outlet and stated date; an undated
  article's inferred range only gives a statement its ``published`` day, which is taken
  from the article when the statements are read back);
- its annotations, fixed by the article id and the pipeline version that made them;
- the entity and place ids of its mention spans, in their order;
- its quotes (where they lie and who speaks) and the citations near them;
- sitroom's code.

So they are kept in the store's memo table under a digest of exactly those inputs, in a
namespace of the code and the pipeline version, and a build finds the statements only of
articles whose digest it has not met: the new ones, and old ones whose inputs changed (an
entity id that a new article's spelling moved, a date the corpus's coverage inferred
anew). A stored entry holds offsets and values only; the texts are cut again from the
article, so the entries stay small and the statements come back equal to what finding them
gives.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from ..stored_memo import MemoStore
from ..types import Article, Citation, Evidence, Quote
from .article_memo import digest_of, per_article
from .statements import Quantity, Statement, StatementPool

if TYPE_CHECKING:
    from ..store.annotation_view import StoredAnnotations
    from .statements import StatementFinder

#: The memo's name (its namespace adds the code's digest and the pipeline version).
NAME = "article_statements"


def inputs_digest(
    article: Article,
    entity_rows: Sequence[tuple[int, int, str]],
    place_rows: Sequence[tuple[int, int, str]],
    quotes: Sequence[Quote],
    citations: Sequence[Citation],
) -> str:
    """A digest of everything the article's statements are made from, beyond its stored
    annotations (named by the article id and the namespace's pipeline version)."""
    # Not the inferred date range of an undated article: it moves with the corpus's
    # coverage on most adds, and a statement reads it only as its ``published`` day, which
    # decoding takes from the article as it is now.
    return digest_of(
        article.id, article.outlet, article.published,
        entity_rows, place_rows,
        # what attribution reads of a quote, and of the citations around it
        [(q.start, q.end, q.speaker, q.speaker_text) for q in quotes],
        [(c.article, c.kind, c.start, c.source_text) for c in citations],
    )


def encode_statements(statements: Sequence[Statement]) -> str:
    """The statements of one article as compact JSON: offsets and values, no texts that
    :func:`decode_statements` can cut from the article."""
    return json.dumps([_row(st) for st in statements], ensure_ascii=False,
                      separators=(",", ":"))


def _row(st: Statement) -> list[Any]:
    return [
        st.key[1], st.key[2], st.evidence.start, st.evidence.end, st.dated,
        st.subject, st.subject_text, st.object_key, st.object_text, st.object_head,
        sorted(st.entities), sorted(st.places), sorted(st.classes), st.predicate,
        st.negated, st.attempted,
        [[q.kind, q.value, q.qualifier, q.text] for q in st.quantities],
        list(st.dates), st.speaker, st.speaker_text, st.via, st.denied_by, st.description_of,
        sorted(st.context),
    ]


def decode_statements(value: str, article: Article, pool: StatementPool | None = None
                      ) -> list[Statement]:
    """The statements :func:`encode_statements` wrote for ``article``; with ``pool``, made
    with its shared sets and words (as :meth:`~.statements.StatementPool.shared` gives)."""
    text = article.text
    published = article.published or (article.date_range[0] if article.date_range else None)
    pool = pool or StatementPool()
    one_set, one_word = pool.one_set, pool.one_word
    out: list[Statement] = []
    for (start, end, ev_start, ev_end, dated, subject, subject_text, object_key, object_text,
         object_head, entities, places, classes, predicate, negated, attempted, quantities,
         dates, speaker, speaker_text, via, denied_by, description_of,
         context) in json.loads(value):
        sentence = text[start:end]
        passage = text[ev_start:ev_end]
        out.append(Statement(
            key=(article.id, start, end),
            article=article.id,
            outlet=article.outlet,
            published=published,
            text=sentence,
            # one string when the passage is the statement's own words, as the pool keeps it
            evidence=Evidence(article.id, ev_start, ev_end,
                              sentence if passage == sentence else passage),
            subject=one_word(subject),
            subject_text=subject_text,
            object_key=one_word(object_key),
            object_text=object_text,
            object_head=one_word(object_head),
            entities=one_set(frozenset(entities)),
            places=one_set(frozenset(places)),
            classes=one_set(frozenset(classes)),
            predicate=one_word(predicate) or predicate,
            negated=negated,
            attempted=attempted,
            quantities=tuple(Quantity(k, v, q, t) for k, v, q, t in quantities),
            dates=tuple(dates),
            speaker=speaker,
            speaker_text=speaker_text,
            via=via,
            denied_by=denied_by,
            description_of=description_of,
            context=one_set(frozenset(context)),
            dated=dated,
        ))
    return out


def remembered_statements(
    memo: MemoStore, finder: StatementFinder, annotations: StoredAnnotations,
    pool: StatementPool | None = None,
) -> Iterator[list[Statement]]:
    """The statements of each unduplicated article of ``annotations``, in their order: read
    back from ``memo`` where an entry has the article's inputs, found (reading only those
    articles' annotations) and remembered otherwise; made with ``pool``'s shared sets and
    words."""
    pool = pool or StatementPool()
    by_id = finder.by_id

    def digest(article: str) -> str:
        return inputs_digest(by_id[article], finder.entities.rows(article),
                             finder.places.rows(article), finder.quotes_of.get(article, ()),
                             finder.citations_of.get(article, ()))

    order = [article for article in annotations.ids if article in by_id]
    for _article, statements in per_article(
        memo, NAME, annotations, order, digest,
        lambda ann: [pool.shared(st) for st in finder.of(ann)], encode_statements,
        lambda value, article: decode_statements(value, by_id[article], pool),
    ):
        yield statements
