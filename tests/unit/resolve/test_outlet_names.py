"""No place inside a news outlet's name: a reader of the map must not find an outlet on it."""

from __future__ import annotations

from dataclasses import replace

from sitroom.resolve.outlet_names import inside_outlet, known_outlets, outlet_spans
from sitroom.resolve.places import resolve_places
from sitroom.types import Article, CitationMention, DocAnnotations, Mention


def _article(ident: str, text: str, outlet: str = "unknown") -> Article:
    return Article(ident, text, outlet, None, None, None, "unknown", None, "en", 0)


def _mention(ident: str, text: str, name: str, label: str) -> Mention:
    start = text.index(name)
    return Mention(ident, start, start + len(name), name, label)


def _place_names(articles: list[Article], docs: list[DocAnnotations]) -> set[str]:
    resolution = resolve_places(articles, docs)
    return {m.text for m in resolution.mentions if m.lat is not None}


def test_an_outlet_the_article_cites_is_not_placed() -> None:
    text = "Security sources told Middle East Eye that fighting reached Homs on Friday."
    cited = _mention("a1", text, "Middle East Eye", "LOC")
    doc = DocAnnotations(
        "a1",
        (cited, _mention("a1", text, "Homs", "GPE")),
        citations=(CitationMention("a1", cited.start, cited.end, "Middle East Eye", "outlet"),),
    )
    article = _article("a1", text)
    # without the citation the region inside the outlet's name is placed: the test can fail
    assert "Middle East Eye" in _place_names([article], [replace(doc, citations=())])
    assert _place_names([article], [doc]) == {"Homs"}


def test_an_outlet_cited_in_one_article_is_no_place_in_another() -> None:
    first = "Officials spoke to the Middle East Eye about Idlib."
    second = "Middle East Eye reported shelling near Hama."
    cited = _mention("a1", first, "Middle East Eye", "ORG")
    docs = [
        DocAnnotations(
            "a1",
            (_mention("a1", first, "Idlib", "GPE"),),
            citations=(
                CitationMention("a1", cited.start, cited.end, "the Middle East Eye", "outlet"),
            ),
        ),
        DocAnnotations(
            "a2",
            (
                _mention("a2", second, "Middle East Eye", "LOC"),
                _mention("a2", second, "Hama", "GPE"),
            ),
        ),
    ]
    names = _place_names([_article("a1", first), _article("a2", second)], docs)
    assert names == {"Idlib", "Hama"}


def test_the_articles_own_outlet_and_publication_names_hold_no_place() -> None:
    text = "Floods reached Sukkur overnight, the Karachi Ledger said, as the Lahore Times reported."
    doc = DocAnnotations(
        "a1",
        (
            _mention("a1", text, "Sukkur", "GPE"),
            _mention("a1", text, "Karachi Ledger", "ORG"),
            _mention("a1", text, "Lahore Times", "ORG"),
        ),
    )
    placed = _place_names([_article("a1", text, outlet="Karachi Ledger")], [doc])
    assert placed == {"Sukkur"}
    # an organisation that is no publication still tells where it is ("Montreal police")
    other = "Police said the Karachi Port Trust closed, as the Lahore Times reported."
    doc = DocAnnotations(
        "a2",
        (
            _mention("a2", other, "Karachi Port Trust", "ORG"),
            _mention("a2", other, "Lahore Times", "ORG"),
        ),
    )
    assert _place_names([_article("a2", other)], [doc]) == {"Karachi"}


def test_known_outlets_leave_out_bare_place_names_and_metadata_words() -> None:
    articles = [_article("a1", "x", "unknown"), _article("a2", "x", "The Hindu")]
    docs = [DocAnnotations("a1", citations=(CitationMention("a1", 0, 5, "Syria", "outlet"),))]
    found = known_outlets(articles, docs, lambda name: name == "Syria")
    assert found == frozenset({"Hindu"})


def test_outlet_spans_match_whole_words_only() -> None:
    text = "The Post said; the Postal service and Washington Post staff."
    spans = outlet_spans(text, DocAnnotations("a1"), frozenset({"Washington Post"}))
    assert [text[s:e] for s, e in spans] == ["Washington Post"]
    assert inside_outlet(text.index("Washington"), text.index("Washington") + 10, spans)
    assert not inside_outlet(0, 3, spans)


def test_an_outlet_name_inside_a_longer_name_is_not_the_outlet() -> None:
    text = "Protesters marched on Capitol Hill, The Hill reported."
    spans = outlet_spans(text, DocAnnotations("a1"), frozenset({"Hill"}))
    assert spans == ((text.index("Hill reported"), text.index(" reported")),)
