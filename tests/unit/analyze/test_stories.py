"""Story grouping: articles about one episode together, two episodes of the same kind apart,
no number of stories given."""

from __future__ import annotations

from collections import Counter

from sitroom.analyze.clustering import average_linkage
from sitroom.analyze.stories import StoryDoc, group_stories, headline, stories_for
from sitroom.analyze.term_vectors import candidate_pairs, term_counts, tfidf
from sitroom.types import Article


def _doc(article: str, text: str, day: int | None = None, title: str | None = None) -> StoryDoc:
    return StoryDoc(article, text, title, day, None, None)


QUAKE_A = [
    "A magnitude 6.1 earthquake struck Qeshm island off southern Iran, injuring five people "
    "in the town of Dargahan, officials in Bandar Abbas said.",
    "Five people were hurt when an earthquake hit Qeshm island near Dargahan; rescuers from "
    "Bandar Abbas reached the island by ferry.",
    "Buildings cracked in Dargahan on Qeshm island after the earthquake, and the injured were "
    "taken to Bandar Abbas.",
]
QUAKE_B = [
    "An earthquake in Kerman province destroyed homes in the village of Zarand, and relief "
    "teams from the Red Crescent set up tents.",
    "The Red Crescent said the earthquake near Zarand in Kerman province left hundreds without "
    "shelter.",
    "Villagers in Zarand, Kerman province, slept outside after the earthquake, the Red Crescent "
    "said.",
]
ELECTION = [
    "Voters in Lisbon queued for hours as Portugal held a snap election called by the "
    "president after the prime minister resigned.",
    "Portugal's snap election drew long queues in Lisbon and Porto, with turnout above the "
    "last vote.",
    "Polls closed in Porto and Lisbon in Portugal's snap election; counting began at once.",
]


def _grouped(docs: list[StoryDoc]) -> list[set[str]]:
    return [set(story.articles) for story in group_stories(docs)]


def test_two_episodes_of_one_kind_and_an_unrelated_story_are_three_stories() -> None:
    docs = [_doc(f"a{i}", t) for i, t in enumerate(QUAKE_A)]
    docs += [_doc(f"b{i}", t) for i, t in enumerate(QUAKE_B)]
    docs += [_doc(f"c{i}", t) for i, t in enumerate(ELECTION)]
    groups = _grouped(docs)
    assert {"a0", "a1", "a2"} in groups
    assert {"b0", "b1", "b2"} in groups
    assert {"c0", "c1", "c2"} in groups
    assert len(groups) == 3


def test_every_article_is_in_exactly_one_story_and_grouping_is_deterministic() -> None:
    docs = [_doc(f"x{i}", t) for i, t in enumerate(QUAKE_A + QUAKE_B + ELECTION)]
    first = group_stories(docs)
    again = group_stories(list(reversed(docs)))
    members = [a for story in first for a in story.articles]
    assert sorted(members) == sorted(d.article for d in docs)
    assert [s.articles for s in first] == [s.articles for s in again]
    assert [s.id for s in first] == [s.id for s in again]


def test_story_title_comes_from_its_most_central_article() -> None:
    docs = [_doc(f"c{i}", t, title=f"Headline {i}") for i, t in enumerate(ELECTION)]
    (story,) = group_stories(docs)
    assert story.central_article in {"c0", "c1", "c2"}
    assert story.title == f"Headline {story.central_article[1:]}"


def test_headline_falls_back_to_the_first_sentence_and_is_shortened() -> None:
    doc = _doc("a", "Floods cut the road. More rain is due.")
    assert headline(doc) == "Floods cut the road."
    long = _doc("b", "word " * 100)
    assert len(headline(long)) <= 140 and headline(long).endswith("…")


def test_copies_join_their_originals_story() -> None:
    base = dict(outlet="x", title=None, url=None, published="2024-12-01",
                date_basis="metadata", date_range=None, language="en", words=10)
    articles = [
        Article(id=f"a{i}", text=t, **base)  # type: ignore[arg-type]
        for i, t in enumerate(QUAKE_A)
    ]
    articles.append(Article(id="copy", text=QUAKE_A[0], duplicate_of="a0", **base))  # type: ignore[arg-type]
    (story,) = stories_for(articles, {})
    assert "copy" in story.articles
    assert story.start == story.end == "2024-12-01"


def test_average_linkage_needs_the_mean_not_one_strong_link() -> None:
    # 0-1 and 1-2 strongly linked, 0-2 not at all: with a high threshold the chain breaks.
    graph = {(0, 1): 0.9, (1, 2): 0.9}
    assert average_linkage(3, graph, 0.5) == [[0, 1], [2]]
    assert average_linkage(3, graph, 0.4) == [[0, 1, 2]]


def test_candidate_pairs_only_link_documents_sharing_distinctive_terms() -> None:
    docs = [Counter({"flood": 2, "dam": 1}), Counter({"flood": 1, "dam": 2}),
            Counter({"vote": 1, "poll": 1}), Counter({"vote": 2, "poll": 1}),
            Counter({"other": 1})]
    low, high = candidate_pairs(tfidf(term_counts(docs)))
    assert list(zip(low.tolist(), high.tolist(), strict=True)) == [(0, 1), (2, 3)]


def test_a_story_is_titled_by_the_claim_most_sources_in_it_make() -> None:
    from sitroom.analyze.stories import titled_by_claims
    from sitroom.types import Claim, Evidence

    docs = [_doc(f"c{i}", t, title=f"Headline {i}") for i, t in enumerate(ELECTION)]
    (story,) = group_stories(docs)

    def claim(cid: str, text: str, sources: int, *articles: str) -> Claim:
        evidence = tuple(Evidence(a, 0, 5, text) for a in articles)
        return Claim(cid, text, evidence, ("o",), sources, "corroborated")

    claims = [claim("k1", "Polls closed in Porto.", 1, "c2"),
              claim("k2", "Portugal held a snap election.", 3, "c0", "c1", "c2"),
              claim("k3", "Unrelated elsewhere.", 9, "zz")]
    (titled,) = titled_by_claims([story], claims)
    assert titled.title == "Portugal held a snap election."
    assert titled.id == story.id and titled.articles == story.articles
    (untouched,) = titled_by_claims([story], [])
    assert untouched.title == story.title


def test_a_title_claim_is_carried_by_two_articles_and_reads_as_a_title() -> None:
    from sitroom.analyze.stories import reads_as_title, titled_by_claims
    from sitroom.types import Claim, Evidence

    docs = [_doc(f"c{i}", t, title=f"Headline {i}") for i, t in enumerate(ELECTION)]
    (story,) = group_stories(docs)

    def claim(cid: str, text: str, sources: int, *articles: str) -> Claim:
        evidence = tuple(Evidence(a, 0, 5, text) for a in articles)
        return Claim(cid, text, evidence, ("o",), sources, "corroborated")

    pointing = [claim("k1", "They held a snap election in Portugal.", 5, "c0", "c1", "c2"),
                claim("k2", "right after the vote closed in Porto", 4, "c0", "c1"),
                claim("k3", "Lena Dias contributed to this report.", 4, "c1", "c2"),
                claim("k4", "Turnout rose in Porto and Lisbon.", 6, "c2"),
                claim("k6", "Published March 10 2024 Portugal Votes Portugal held a snap "
                      "election.", 5, "c0", "c1", "c2")]
    (titled,) = titled_by_claims([story], pointing)
    assert titled.title == story.title  # none names the story: the headline stays
    (titled,) = titled_by_claims([story], [*pointing, claim("k5", "a snap election was held",
                                                            2, "c0", "c1")])
    assert titled.title == "a snap election was held"
    assert reads_as_title("Portugal held a snap election.")
    assert not reads_as_title("he took power after his father died")
