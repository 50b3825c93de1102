"""An article's statements kept in the store come back equal to the ones found, and the
digest of their inputs changes with every input they are made from."""

from __future__ import annotations

from dataclasses import replace

from sitroom.analyze.statements import Quantity, Statement, StatementPool
from sitroom.analyze.stored_statements import decode_statements, encode_statements, inputs_digest
from sitroom.types import Article, Citation, Evidence, Quote

TEXT = ("Rebels captured Hama on Thursday, killing 12.5 soldiers, the ministry said. "
        "HTS, a former al-Qaeda affiliate, denied reports that it shelled Idlib.")


def _article(**changes: object) -> Article:
    article = Article(id="a1", text=TEXT, outlet="Outlet", title=None, url=None,
                      published="2024-12-05", date_basis="header", date_range=None,
                      language="en", words=len(TEXT.split()))
    return replace(article, **changes)


def _statements(article: Article) -> list[Statement]:
    published = article.published or (article.date_range[0] if article.date_range else None)
    clause = Statement(
        key=(article.id, 0, 33), article=article.id, outlet=article.outlet,
        published=published, text=TEXT[0:33], evidence=Evidence(article.id, 0, 77, TEXT[0:77]),
        subject="e_rebels", subject_text="Rebels", object_key="p_hama", object_text="Hama",
        object_head="hama", entities=frozenset({"e_rebels"}), places=frozenset({"p_hama"}),
        classes=frozenset({"capture", "take"}), predicate="capture", negated=False,
        attempted=True, quantities=(Quantity("deaths", 12.5, "about", "12.5 soldiers"),
                                    Quantity("deaths", 3, None, "3")),
        dates=("2024-12-05",), speaker="e_ministry", speaker_text="the ministry",
        via="Wire", context=frozenset({"e_rebels", "p_hama"}), dated=True)
    description = Statement(
        key=(article.id, 77, 109), article=article.id, outlet=article.outlet,
        published=published, text=TEXT[77:109],
        evidence=Evidence(article.id, 77, len(TEXT), TEXT[77:]), subject="e_hts",
        subject_text="HTS", object_key=None, object_text="a former al-Qaeda affiliate",
        object_head="affiliate", entities=frozenset({"e_hts", "e_aq"}), places=frozenset(),
        classes=frozenset(), predicate="is", negated=False, attempted=False, quantities=(),
        dates=(), speaker=None, speaker_text=None, via=None, description_of="e_hts")
    denial = replace(description, key=(article.id, 133, 151), text=TEXT[133:151],
                     predicate="deny", description_of=None, denied_by="e_hts",
                     object_text=None, object_head=None, negated=True, dated=True)
    return [clause, description, denial]


def test_decoded_statements_equal_the_encoded_ones() -> None:
    for article in (_article(), _article(published=None, date_basis="inferred",
                                         date_range=("2024-12-01", "2024-12-09"))):
        statements = _statements(article)
        back = decode_statements(encode_statements(statements), article)
        assert back == statements
        assert [type(q.value) for st in back for q in st.quantities] == [float, int]
    assert decode_statements(encode_statements([]), _article()) == []


def test_the_digest_follows_every_input() -> None:
    quote = Quote(id="q1", article="a1", speaker="e_ministry", speaker_text="the ministry",
                  text="x", direct=True, cue="said", start=0, end=77)
    citation = Citation(article="a1", source=None, source_text="Wire", kind="agency",
                        start=80, end=84)
    rows = [(0, 6, "e_rebels")]
    places = [(16, 20, "p_hama")]
    base = inputs_digest(_article(), rows, places, [quote], [citation])
    assert base == inputs_digest(_article(), list(rows), list(places), [quote], [citation])
    changed = [
        inputs_digest(_article(outlet="Other"), rows, places, [quote], [citation]),
        inputs_digest(_article(published="2024-12-06"), rows, places, [quote], [citation]),
        inputs_digest(_article(id="a2"), rows, places, [quote], [citation]),
        inputs_digest(_article(), [(0, 6, "e_other")], places, [quote], [citation]),
        inputs_digest(_article(), rows, [], [quote], [citation]),
        inputs_digest(_article(), rows, places, [replace(quote, speaker=None)], [citation]),
        inputs_digest(_article(), rows, places, [quote], []),
        # a later article quoting the same words changes nothing the statements read
    ]
    assert base not in changed and len(set(changed)) == len(changed)
    assert base == inputs_digest(_article(), rows, places, [replace(quote, also_in=("a9",))],
                                 [citation])
    # An undated article's inferred range moves with the corpus; its statements read it
    # only as their day, taken from the article on reading.
    undated = _article(published=None, date_basis="inferred",
                       date_range=("2024-12-01", "2024-12-09"))
    moved = replace(undated, date_range=("2024-12-03", "2024-12-09"))
    assert inputs_digest(undated, rows, places, [], []) == inputs_digest(moved, rows, places,
                                                                         [], [])
    back = decode_statements(encode_statements(_statements(undated)), moved)
    assert back == _statements(moved)


def test_statements_decoded_with_a_pool_share_its_sets_and_words() -> None:
    article = _article()
    pool = StatementPool()
    found = [pool.shared(st) for st in _statements(article)]
    back = decode_statements(encode_statements(found), article, pool)
    assert back == found
    for one, two in zip(back, found, strict=True):
        assert one.entities is two.entities and one.context is two.context
        assert one.classes is two.classes and one.predicate is two.predicate
    clause = back[0]
    assert clause.evidence.text != clause.text  # a longer passage than the clause
    assert back[1].evidence.text == TEXT[77:]
