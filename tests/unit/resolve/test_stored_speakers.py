"""Each article's resolved speakers kept between builds: a build that adds articles gives the
quotes a build from scratch gives, resolving again only the articles whose entities answer
differently."""

from __future__ import annotations

from collections.abc import Sequence

from sitroom.analyze.provenance import build_quotes_and_citations
from sitroom.resolve.entities import resolve_entities
from sitroom.resolve.speakers import resolve_speakers
from sitroom.resolve.stored_speakers import StoredSpeakers
from sitroom.types import Article, DocAnnotations, Mention, Quote, QuoteMention
from tests.unit.memo_table import MemoTable


def _doc(ident: str, text: str, people: Sequence[str],
         said: Sequence[tuple[str, str]]) -> tuple[Article, DocAnnotations]:
    """An article naming ``people`` (every occurrence a PERSON mention) and quoting each
    ``(words, speaker)``: the speaker phrase is its first occurrence before the words."""
    article = Article(ident, text, "Outlet", None, None, None, "unknown", None, "en", 0)
    mentions = []
    for name in people:
        start = text.find(name)
        while start >= 0:
            mentions.append(Mention(ident, start, start + len(name), name, "PERSON"))
            start = text.find(name, start + 1)
    quotes = []
    for words, speaker in said:
        start = text.index(words)
        s_start = text.rindex(speaker, 0, start)
        quotes.append(QuoteMention(ident, start, start + len(words), words, False, s_start,
                                   s_start + len(speaker), speaker, None, None, None))
    return article, DocAnnotations(ident, tuple(sorted(mentions, key=lambda m: m.start)),
                                   quotes=tuple(quotes))


def _corpus() -> list[tuple[Article, DocAnnotations]]:
    return [
        _doc("a", "Alloush said that the talks had failed. He said more was coming.",
             ["Alloush"], [("the talks had failed", "Alloush"), ("more was coming", "He")]),
        _doc("b", "Nadia Rauf said the money was ready. Rauf added it came late.",
             ["Nadia Rauf", "Rauf"], [("the money was ready", "Nadia Rauf"),
                                      ("it came late", "Rauf")]),
    ]


def _added() -> tuple[Article, DocAnnotations]:
    # The first full name of the surname ``Alloush``: article a's bare ``Alloush`` now
    # joins it, so a's speakers change entity; b's do not.
    return _doc("c", "Mahmoud Alloush said the border was closed.", ["Mahmoud Alloush"],
                [("the border was closed", "Mahmoud Alloush")])


def _build(memo: MemoTable | None, docs: Sequence[tuple[Article, DocAnnotations]]
           ) -> tuple[Quote, ...]:
    entities = resolve_entities([d[1] for d in docs])
    quotes, _ = build_quotes_and_citations([d[0] for d in docs], [d[1] for d in docs],
                                           entities, memo=memo)
    return quotes


def test_an_add_gives_the_quotes_of_a_build_from_scratch() -> None:
    memo = MemoTable()
    first = _corpus()
    assert _build(memo, first) == _build(None, first)
    grown = [*first, _added()]
    fresh = _build(None, grown)
    assert _build(memo, grown) == fresh
    # the speaker of a's quotes did move: the entry could not have been served as it was
    before = {q.text: q.speaker for q in _build(None, first)}
    after = {q.text: q.speaker for q in fresh}
    assert before["the talks had failed"] != after["the talks had failed"]
    assert after["the talks had failed"] == after["the border was closed"]
    assert _build(memo, grown) == fresh  # and served again, unchanged


def _speakers_of(stored: StoredSpeakers, docs: Sequence[tuple[Article, DocAnnotations]]
                 ) -> list[Quote]:
    found: list[Quote] = []
    for article, ann in docs:
        found += stored.quotes_for(article.text, ann.quotes, ann.mentions, resolve_speakers)
    return found


def test_only_articles_whose_answers_changed_are_resolved_again() -> None:
    memo = MemoTable()
    first = _corpus()
    stored = StoredSpeakers(memo, "speakers:test", resolve_entities([d[1] for d in first]))
    _speakers_of(stored, first)
    stored.save(memo)
    assert (stored.made, stored.served) == (2, 0)

    grown = [*first, _added()]
    entities = resolve_entities([d[1] for d in grown])
    stored = StoredSpeakers(memo, "speakers:test", entities)
    quotes = _speakers_of(stored, grown)
    stored.save(memo)
    # b is served; a (its Alloush is another entity now) and the new c are made
    assert (stored.made, stored.served) == (2, 1)
    expected = [q for article, ann in grown
                for q in resolve_speakers(article.text, ann.quotes, ann.mentions, entities)]
    assert quotes == expected

    stored = StoredSpeakers(memo, "speakers:test", entities)
    assert _speakers_of(stored, grown) == expected
    assert (stored.made, stored.served) == (0, 3)


def test_an_entry_is_not_served_for_other_quotes_of_the_same_article() -> None:
    memo = MemoTable()
    article, ann = _corpus()[0]
    entities = resolve_entities([ann])
    stored = StoredSpeakers(memo, "speakers:test", entities)
    _speakers_of(stored, [(article, ann)])
    stored.save(memo)
    fewer = DocAnnotations(ann.article, ann.mentions, quotes=ann.quotes[1:])
    stored = StoredSpeakers(memo, "speakers:test", entities)
    found = _speakers_of(stored, [(article, fewer)])
    assert found == resolve_speakers(article.text, fewer.quotes, fewer.mentions, entities)
    assert (stored.made, stored.served) == (1, 0)
