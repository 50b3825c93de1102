"""Same statement across articles, provenance chains, and independent-source counts."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitroom.analyze.provenance import (
    build_quotes_and_citations,
    count_independent,
    link_quotes,
    provenance_chain,
    statement_similarity,
    syndication_groups,
    wire_credit,
)
from sitroom.types import Article, Citation, CitationMention, DocAnnotations, Quote, QuoteMention


def article(aid: str, text: str, outlet: str, duplicate_of: str | None = None) -> Article:
    return Article(aid, text, outlet, None, None, None, "unknown", None, "en",
                   len(text.split()), duplicate_of=duplicate_of)


def quote(aid: str, text: str, speaker: str | None = None, start: int = 0) -> Quote:
    return Quote(f"q_{aid}_{start}", aid, speaker, None, text, False, "said", start,
                 start + len(text))


def test_same_statement_with_and_without_marks_and_trimmed_is_linked() -> None:
    full = ("Idlib, Hama, Homs and of course, the ultimate target is Damascus. "
            "The opposition march continues")
    paraphrase = ("The opposition is advancing. After Idlib, Hama, and Homs, the goal is "
                  "Damascus. We hope this journey continues without incident.")
    quotes = [quote("a", full, "e_erdogan"), quote("b", paraphrase, "e_erdogan"),
              quote("c", "The harvest was good this year in the northern provinces")]
    linked = link_quotes([], quotes)
    assert linked[0].also_in == ("b",)
    assert linked[1].also_in == ("a",)
    assert linked[2].also_in == ()


def test_unrelated_statements_of_the_same_speaker_are_not_linked() -> None:
    quotes = [quote("a", "The river broke the embankment, not our engineers", "e_x"),
              quote("b", "Relief money will reach every family before winter", "e_x")]
    assert [q.also_in for q in link_quotes([], quotes)] == [(), ()]


def test_statements_in_the_same_article_are_not_linked_to_each_other() -> None:
    text = "We will not hand aid to any armed group"
    quotes = [quote("a", text, start=0), quote("a", text, start=100)]
    assert [q.also_in for q in link_quotes([], quotes)] == [(), ()]


def test_exact_duplicate_article_carries_every_quote() -> None:
    arts = [article("a", "x", "Wire"), article("b", "x", "Copy", duplicate_of="a")]
    (q,) = link_quotes(arts, [quote("a", "Some words said here today")])
    assert q.also_in == ("b",)


def test_similarity_is_containment_so_a_trimmed_quote_matches() -> None:
    long = "Aid goes to the people who need it, directly, and never to armed groups on roads"
    assert statement_similarity("Aid goes to the people who need it", long) == 1.0


def test_wire_credit_and_provenance_chain() -> None:
    text = ("LARKANA (Indus Wire) — A militia held trucks.\n"
            "Kilic told Indus Wire the drivers were held.")
    art = article("a", text, "Larkana Today")
    assert wire_credit(text) == "Indus Wire"
    start = text.index("the drivers")
    q = Quote("q1", "a", "e_kilic", "Kilic", "the drivers were held", False, "told", start,
              start + 21)
    cite = Citation("a", None, "Indus Wire", "outlet", text.index("Indus Wire", 50),
                    text.index("Indus Wire", 50) + 10)
    chain = provenance_chain(q, art, [cite])
    assert chain.outlet == "Larkana Today"
    assert chain.via == ("Indus Wire",)
    assert chain.speaker == "e_kilic"


def test_syndicated_copies_and_relays_count_as_one_source() -> None:
    story = ("Armed men from a local militia blocked a convoy of relief trucks near the town "
             "on Friday, demanding that food aid for flood victims be handed to them, aid "
             "workers and police said. The convoy of 14 trucks was stopped at a checkpoint.")
    arts = [
        article("a", story, "Indus Wire"),
        article("b", story.replace(" on Friday", ""), "Larkana Today"),
        article("c", "A completely different report about the same day and the same road.",
                "Daily"),
        article("d", "Officials ordered the cut, the Ledger reported in a story on Sunday.",
                "Bulletin"),
        article("e", "According to the Ledger, the cut was ordered at a meeting in a city.",
                "Monitor"),
    ]
    groups = syndication_groups(arts)
    assert groups["a"] == groups["b"] and groups["c"] != groups["a"]
    assert count_independent(arts[:3]) == 2
    assert count_independent(arts, {"d": "the Ledger", "e": "Ledger"}) == 3


def test_an_outlets_own_articles_count_as_one_source() -> None:
    # An outlet's blurb about itself at the foot of each of its pages, or its second report
    # of a fact, is not a second confirmation; another outlet's report is.
    blurb = "Founded in 1978, the Gazette is the region's leading daily newspaper."
    arts = [
        article("a", "Shelling hit the market on Monday. " + blurb, "Gazette"),
        article("b", "The bridge reopened to traffic after repairs. " + blurb, "the Gazette"),
        article("c", "Ministers met in the capital to discuss the budget.", "Courier"),
        article("d", "Rain flooded the lower town overnight.", "unknown"),
        article("e", "Schools stay closed for a second week.", "unknown"),
    ]
    assert count_independent(arts[:2]) == 1
    assert count_independent(arts[:3]) == 2
    # Articles of unknown outlets are sources of their own.
    assert count_independent(arts[3:]) == 2


def test_build_quotes_and_citations_resolves_and_upgrades_outlets() -> None:
    class Lookup:
        def entity_of(self, article: str, start: int, end: int) -> str | None:
            return "e_rauf" if start == 0 else None

        def lookup(self, surface: str) -> str | None:
            return None

    text = "Nadia Rauf said the money was ready, according to Arabi21."
    arts = [article("a", text, "Arabi21"), article("b", "other", "Delta")]
    qm = QuoteMention("a", 16, 35, text[16:35], False, 0, 10, "Nadia Rauf", 11, 15, "said")
    cm = CitationMention("a", 50, 57, "Arabi21", "organisation", "according to")
    ann = DocAnnotations("a", quotes=(qm,), citations=(cm,))
    quotes, cites = build_quotes_and_citations(arts, [ann], Lookup())
    assert quotes[0].speaker == "e_rauf" and quotes[0].speaker_text == "Nadia Rauf"
    assert cites[0].kind == "outlet"


def _links_by_all_pairs(quotes: list[Quote]) -> list[tuple[str, ...]]:
    """The link rule applied to every pair: what the indexed search must reproduce."""
    from sitroom.analyze.provenance import (
        MIN_SHARED_WORDS,
        SAME_SPEAKER_STATEMENT,
        SAME_STATEMENT,
        content_words,
    )

    words = [content_words(q.text) for q in quotes]
    seen: dict[str, int] = {}
    for ws in words:
        for w in ws:
            seen[w] = seen.get(w, 0) + 1
    common = max(50, len(quotes) // 5)
    linked: list[set[str]] = [set() for _ in quotes]
    for i, a in enumerate(quotes):
        for j, b in enumerate(quotes):
            if a.article == b.article:
                continue
            shared = sum(1 for w in words[i] & words[j] if seen[w] <= common)
            smaller = min(len(words[i]), len(words[j]))
            bar = SAME_SPEAKER_STATEMENT if a.speaker and a.speaker == b.speaker else SAME_STATEMENT
            if smaller and shared >= min(MIN_SHARED_WORDS, smaller) and shared / smaller >= bar:
                linked[i].add(b.article)
    return [tuple(sorted(s)) for s in linked]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 5), st.lists(st.integers(0, 60), min_size=1,
                                                       max_size=14),
                          st.sampled_from([None, "e_a", "e_b"])), min_size=2, max_size=70))
def test_indexed_linking_finds_exactly_the_pairs_all_pairs_would(
    drawn: list[tuple[int, list[int], str | None]],
) -> None:
    # Words drawn from a small vocabulary, some in most statements, so that frequent words,
    # short statements and same-speaker bars all occur.
    vocabulary = [f"word{n:02d}x" for n in range(61)]
    quotes = [quote(f"art{article}", " ".join(vocabulary[w] for w in ws), speaker, start=i)
              for i, (article, ws, speaker) in enumerate(drawn)]
    assert [q.also_in for q in link_quotes([], quotes)] == _links_by_all_pairs(quotes)


def test_a_word_in_very_many_quotes_does_not_pair_them_all(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Crafted articles whose quotes share a few words (five groups, each word in a fifth of
    # the quotes) paired every quote of a group with every other: the square of the corpus.
    # Past the cap such a word no longer counts, as the words in a fifth of all quotes did.
    from sitroom.analyze import provenance

    quotes = [quote(f"art{i}", " ".join(f"{w}{i % 5}x" for w in ("alpha", "bravo", "charl",
                                                                   "delta", "echoo")), start=i)
              for i in range(600)]
    words = [provenance.content_words(q.text) for q in quotes]
    index = provenance.word_index(quotes, words)
    pairs = sum(len(low) for low, _, _ in provenance._shared_word_blocks(index))
    assert pairs == 5 * 120 * 119 // 2  # below the cap: every pair of a group, as before
    monkeypatch.setattr(provenance, "MAX_QUOTES_PER_WORD", 100)
    capped = provenance.word_index(quotes, words)
    assert not list(provenance._shared_word_blocks(capped))


def test_syndication_compares_an_article_with_a_bounded_number_of_other_groups(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Articles crafted to collide in the MinHash index without being copies (half their
    # words shared) were each compared with every earlier one.
    from sitroom.analyze import provenance

    base = " ".join(f"common{k}word" for k in range(60))
    rewrites = [article(f"re{i:02d}", base + " " + " ".join(f"own{i}x{k}" for k in range(30)),
                        f"Outlet {i}") for i in range(30)]
    comparisons: list[int] = []
    real = provenance._near_copies

    def counted(a: set[str], b: set[str], threshold: float) -> bool:
        comparisons.append(1)
        return real(a, b, threshold)

    monkeypatch.setattr(provenance, "_near_copies", counted)
    groups = syndication_groups(rewrites)
    uncapped = len(comparisons)
    assert uncapped > 30 * 3 and len(set(groups.values())) == 30  # collide, yet no copies
    comparisons.clear()
    monkeypatch.setattr(provenance, "MAX_SYNDICATION_CANDIDATES", 3)
    assert syndication_groups(rewrites) == groups
    assert len(comparisons) <= 30 * 3
    # Thirty copies of one story stay one group under the cap: members of an article's own
    # group cost no comparison.
    copies = [article(f"copy{i:02d}", base, f"Outlet {i}") for i in range(30)]
    assert set(syndication_groups(copies).values()) == {"copy00"}
