"""Each article's place rows kept between builds: a build that adds articles resolves the
places a build from scratch resolves, scanning again only the articles whose rows what was
added can change."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

import sitroom.resolve.places as places
from sitroom.resolve.places import PlaceResolution, remembered_rows, resolve_places
from sitroom.resolve.stored_place_rows import StoredPlaceRows
from sitroom.types import Article, CitationMention, DocAnnotations, Mention
from tests.unit.memo_table import MemoTable


def _labelled(
    ident: str, text: str, labels: dict[str, str], outlet: str = "unknown"
) -> tuple[Article, DocAnnotations]:
    article = Article(ident, text, outlet, None, None, None, "unknown", None, "en", 0)
    mentions = []
    for name, label in labels.items():
        start = text.find(name)
        while start >= 0:
            mentions.append(Mention(ident, start, start + len(name), name, label))
            start = text.find(name, start + 1)
    return article, DocAnnotations(ident, tuple(sorted(mentions, key=lambda m: m.start)))


def _build(
    memo: MemoTable, docs: Sequence[tuple[Article, DocAnnotations]], made: list[str]
) -> PlaceResolution:
    """A build's place step over ``docs`` with ``memo`` as its store; ``made`` collects the
    articles whose rows were made rather than read back."""
    rows = StoredPlaceRows(memo, "place_rows:test")
    with remembered_rows(rows):
        found = resolve_places([d[0] for d in docs], [d[1] for d in docs])
    rows.save(memo)
    return found


@pytest.fixture
def made(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    articles: list[str] = []
    real = places._article_rows

    def recording(index: object, doc: DocAnnotations, *rest: object) -> object:
        articles.append(doc.article)
        return real(index, doc, *rest)  # type: ignore[arg-type]

    monkeypatch.setattr(places, "_article_rows", recording)
    return articles


def _fresh(docs: Sequence[tuple[Article, DocAnnotations]]) -> PlaceResolution:
    return resolve_places([d[0] for d in docs], [d[1] for d in docs])


def test_kept_rows_give_what_a_build_from_scratch_gives(made: list[str]) -> None:
    first = [
        _labelled("sy", "Fighters from Idlib reached Tal Rifaat, north of Aleppo, in Syria.",
                  {"Idlib": "GPE", "Tal Rifaat": "GPE", "Aleppo": "GPE", "Syria": "GPE"}),
        _labelled("us", "Flooding closed roads in Lebanon, Ohio, and the city of Dayton.",
                  {"Lebanon": "GPE", "Ohio": "GPE", "Dayton": "GPE"}),
    ]
    added = [_labelled("pk", "Floods hit Hyderabad and Sukkur in Pakistan.",
                       {"Hyderabad": "GPE", "Sukkur": "GPE", "Pakistan": "GPE"})]
    expected_first, expected_grown = _fresh(first), _fresh(first + added)
    memo = MemoTable()
    made.clear()
    assert _build(memo, first, made) == expected_first
    assert sorted(made) == ["sy", "us"]
    made.clear()
    grown = _build(memo, first + added, made)
    assert made == ["pk"], "only the added article should be scanned"
    assert grown == expected_grown
    made.clear()
    assert _build(memo, first + added, made) == grown
    assert made == []


def test_a_surname_an_added_article_names_remakes_an_old_articles_rows(made: list[str]) -> None:
    # "Obama" alone reads as the Japanese town until the corpus names Barack Obama.
    old = [_labelled("p2", "Obama praised the new law in Ohio.", {"Obama": "GPE", "Ohio": "GPE"})]
    added = [_labelled("p1", "Barack Obama visited Ohio.",
                       {"Barack Obama": "PERSON", "Ohio": "GPE"})]
    expected = _fresh(old + added)
    memo = MemoTable()
    before = _build(memo, old, made)
    made.clear()
    grown = _build(memo, old + added, made)
    assert sorted(made) == ["p1", "p2"], "the old article's rows asked about 'obama'"
    assert grown == expected
    # the test can fail: the surname changes what the old article's rows hold
    old_now = {m.text for m in grown.mentions if m.article == "p2"}
    assert {m.text for m in before.mentions} != old_now


def test_an_outlet_an_added_article_cites_remakes_an_old_articles_rows(made: list[str]) -> None:
    text = "Middle East Eye reported shelling near Hama."
    old = [_labelled("a2", text, {"Middle East Eye": "LOC", "Hama": "GPE"})]
    first = "Officials spoke to the Middle East Eye about Idlib."
    cited = first.index("Middle East Eye")
    article, doc = _labelled("a1", first, {"Idlib": "GPE"})
    doc = DocAnnotations(
        "a1", doc.mentions,
        citations=(CitationMention("a1", cited, cited + 15, "the Middle East Eye", "outlet"),),
    )
    unrelated = _labelled("a3", "Rain fell on Homs.", {"Homs": "GPE"})
    expected = _fresh([*old, unrelated, (article, doc)])
    memo = MemoTable()
    before = _build(memo, [*old, unrelated], made)
    made.clear()
    grown = _build(memo, [*old, unrelated, (article, doc)], made)
    # the old article holds the new outlet's name: made again; the other one is kept
    assert sorted(made) == ["a1", "a2"]
    assert grown == expected
    placed_before = {m.text for m in before.mentions if m.lat is not None}
    placed_after = {m.text for m in grown.mentions if m.lat is not None and m.article == "a2"}
    assert "Middle East Eye" in placed_before and placed_after == {"Hama"}


def test_rows_of_articles_no_longer_built_are_dropped(made: list[str]) -> None:
    docs = [
        _labelled("sy", "Shelling hit Idlib in Syria.", {"Idlib": "GPE", "Syria": "GPE"}),
        _labelled("pk", "Floods hit Sukkur in Pakistan.", {"Sukkur": "GPE", "Pakistan": "GPE"}),
    ]
    memo = MemoTable()
    _build(memo, docs, made)
    entries = memo.memo_entries("place_rows:test")
    kept_rows = {k for k in entries if not k.startswith("outlets:")}
    assert len(kept_rows) == 2
    added = [_labelled("in", "Rain hit Pune in India.", {"Pune": "GPE", "India": "GPE"})]
    _build(memo, docs[:1] + added, made)
    rows_now = {k for k in memo.memo_entries("place_rows:test") if not k.startswith("outlets:")}
    assert len(rows_now) == 2 and len(rows_now & kept_rows) == 1
