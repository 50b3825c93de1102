from __future__ import annotations

import pytest

from sitroom.analyze.summary import repeats, stands_alone, summarize, without_dateline
from sitroom.types import Assertion, Claim, Contradiction, ContradictionSide, Evidence

SENTENCES = {
    "late": "The regional council approved a relief budget of five million for the district.",
    "early": "Heavy rain flooded twelve villages along the river on Tuesday night, officials said.",
    "weak": "A local charity opened two kitchens for families living in the school buildings.",
    "x": "Officials said the provincial government approved the operation in the border area.",
    "y": "A security source said the provincial government tried to block the operation.",
    "elsewhere": "Voters in the capital elected a new mayor after a long and bitter campaign.",
}


def _claim(ident: str, article: str, start: int, sources: int, date: str,
           contradicts: tuple[str, ...] = (), text: str | None = None,
           event: str | None = None) -> Claim:
    text = text or SENTENCES[ident]
    return Claim(
        id=ident, text=text, evidence=(Evidence(article, start, start + len(text), text),),
        outlets=(f"outlet {article}",), independent_sources=sources,
        status="contested" if contradicts else "corroborated" if sources > 1 else
        "single_source", contradicts=contradicts,
        asserted_by=(Assertion(article, f"outlet {article}"),), date=date, event=event,
    )


def test_best_corroborated_points_in_time_order_then_the_contested() -> None:
    claims = [
        _claim("late", "a1", 0, 3, "2024-12-05"),
        _claim("early", "a2", 0, 2, "2024-11-27"),
        _claim("weak", "a3", 0, 1, "2024-11-01"),
        _claim("x", "a1", 500, 1, "2024-12-01", contradicts=("y",)),
        _claim("y", "a2", 500, 1, "2024-12-01", contradicts=("x",)),
        _claim("elsewhere", "b9", 0, 5, "2024-11-02"),
    ]
    side = ContradictionSide("x", SENTENCES["x"], "approve", claims[3].evidence, ("outlet a1",))
    other = ContradictionSide("y", SENTENCES["y"], "block", claims[4].evidence, ("outlet a2",))
    contradiction = Contradiction("x_1", "opposite", "A approved vs blocked", (side, other))
    items = summarize(["a1", "a2", "a3"], claims, [contradiction], max_points=2)
    points = [i for i in items if i.kind == "point"]
    assert [p.claim for p in points] == ["early", "late"]  # the two best, in time order
    assert all(p.evidence for p in items)
    contested = [i for i in items if i.kind == "contested"]
    assert len(contested) == 1
    assert contested[0].counter_text == SENTENCES["y"] and contested[0].counter_evidence


@pytest.mark.parametrize("sentence", [
    "Clashes in Syria as rebels reportedly advance toward Aleppo",  # a headline
    "He said the convoy had been stopped near the bridge for six hours.",
    "But the ministry said the figure would be revised later in the week.",
    "This announcement marks a significant shift in the government's stance on the dam.",
    "To explore these questions, the newspaper spoke to engineers and local farmers.",
    "Meanwhile, aid agencies asked the authorities for escorts on some of the routes.",
    '"Nobody wanted to do it," the official said, "but the numbers were clear to all."',
    "Turkey appears to have given the operation a green light after weeks of talks.",
    "Will the ceasefire hold through the winter months in the northern provinces?",
    "Floods hit the town.",  # a fragment
    # Page furniture run into the sentence after it when a page was flattened to one line.
    "Published February 18 2015 The army has captured several villages north of the city.",
    "Posted on April 2 2017 by Jane Roe Aid Group Says Clinic Hit Doctors accused the army.",
    "Tags Floods Relief Monsoon Rescue workers reached the last of the cut-off villages.",
    "Jane Roe / Coast Wire Rescue workers carry a child through the water in the district.",
])
def test_sentences_that_do_not_stand_alone(sentence: str) -> None:
    assert not stands_alone(sentence)


@pytest.mark.parametrize("sentence", [
    "Floodwater poured into at least a dozen villages in the district early on Tuesday.",
    "KARACHI — The provincial government ordered engineers to cut the embankment on Monday.",
    "The rebels took control of the city's airport and two military bases on Saturday.",
])
def test_sentences_that_stand_alone(sentence: str) -> None:
    assert stands_alone(sentence)


@pytest.mark.parametrize("sentence", [
    "Published reports put the number of displaced families at more than four thousand.",
    "Tags were fitted to every relief truck that left the depot in the provincial capital.",
    "Updated figures from the district office show the water falling in most villages.",
])
def test_words_of_page_furniture_in_a_sentence_of_news(sentence: str) -> None:
    assert stands_alone(sentence)


def test_a_point_never_shows_an_outlet_describing_itself() -> None:
    blurb = ("Launched in 1978 the Valley Gazette has established itself as the leading "
             "daily of the region for analysis and reporting.")
    news = "Floodwater poured into at least a dozen villages in the district early on Tuesday."
    claims = [
        Claim(id="blurb", text=blurb, evidence=(Evidence("a1", 900, 900 + len(blurb), blurb),),
              outlets=("Valley Gazette",), independent_sources=1, status="single_source",
              asserted_by=(Assertion("a1", "Valley Gazette"),), date="2024-11-01"),
        _claim("news", "a2", 0, 1, "2024-11-02", text=news),
    ]
    points = [i.claim for i in summarize(["a1", "a2"], claims) if i.kind == "point"]
    assert points == ["news"]
    # Another outlet naming the Gazette is news about it, and may be a point.
    other = Claim(id="other", text=blurb, evidence=(Evidence("a3", 0, len(blurb), blurb),),
                  outlets=("Courier",), independent_sources=1, status="single_source",
                  asserted_by=(Assertion("a3", "Courier"),), date="2024-11-03")
    points = [i.claim for i in summarize(["a2", "a3"], [*claims[1:], other]) if i.kind == "point"]
    assert points == ["news", "other"]


def test_near_duplicates_and_one_point_per_event() -> None:
    first = "Rebels took control of the northern city of Aleppo on Friday after a short battle."
    copy = "Rebels took control of the northern city of Aleppo on Friday after a brief battle."
    same_event = "Government troops withdrew from the city's airport as the fighters moved in."
    other = "The United Nations said that about 20,000 people had fled the fighting since Monday."
    claims = [
        _claim("c1", "a1", 0, 3, "2024-11-29", text=first, event="ev1"),
        _claim("c2", "a2", 0, 2, "2024-11-29", text=copy),
        _claim("c3", "a3", 0, 2, "2024-11-29", text=same_event, event="ev1"),
        _claim("c4", "a4", 0, 1, "2024-11-30", text=other),
    ]
    items = summarize(["a1", "a2", "a3", "a4"], claims)
    assert [i.claim for i in items] == ["c1", "c4"]
    assert repeats(first, copy) and not repeats(first, other)


def test_a_point_and_both_sides_read_without_their_dateline() -> None:
    dated = {
        "late": "HARBOURTON: " + SENTENCES["late"],
        "x": "NORTH BAY (Coast Wire) — " + SENTENCES["x"],
        "y": "FELLSIDE, North Vale (Coast Wire) — " + SENTENCES["y"],
    }
    claims = [
        _claim("late", "a1", 0, 3, "2024-12-05", text=dated["late"]),
        _claim("x", "a1", 500, 1, "2024-12-01", contradicts=("y",), text=dated["x"]),
        _claim("y", "a2", 500, 1, "2024-12-01", contradicts=("x",), text=dated["y"]),
    ]
    side = ContradictionSide("x", dated["x"], "approve", claims[1].evidence, ("outlet a1",))
    other = ContradictionSide("y", dated["y"], "block", claims[2].evidence, ("outlet a2",))
    contradiction = Contradiction("x_1", "opposite", "A approved vs blocked", (side, other))
    items = summarize(["a1", "a2"], claims, [contradiction])
    point = next(i for i in items if i.kind == "point")
    contested = next(i for i in items if i.kind == "contested")
    assert point.text == SENTENCES["late"]
    assert (contested.text, contested.counter_text) == (SENTENCES["x"], SENTENCES["y"])
    # The text is still the article's own words: the end of the passage it points to.
    assert point.evidence[0].text.endswith(point.text)


@pytest.mark.parametrize("sentence", [
    "UN officials said the convoy reached the camp on Tuesday after a long delay.",
    "The FBI: a short history of the bureau and its directors over the decades.",
])
def test_capitals_that_are_no_dateline_stay(sentence: str) -> None:
    assert without_dateline(sentence) == sentence


@pytest.mark.parametrize("stamp", ["7 July 2015 ", "Fri 07 Apr 2017 at 0914 ", "May 3, 2016 ",
                                   "Wednesday, 12th March 2025 "])
def test_a_date_stamp_run_into_the_sentence_is_left_out(stamp: str) -> None:
    assert without_dateline(stamp + SENTENCES["early"]) == SENTENCES["early"]


@pytest.mark.parametrize("sentence", [
    "12 May 2015 was the day the river crossed the old flood mark in the district.",
    "March 2 2016 saw the first convoy reach the camp after a long delay.",
])
def test_a_date_that_is_the_subject_stays(sentence: str) -> None:
    assert without_dateline(sentence) == sentence


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_stories_summarised_together_get_the_summaries_each_gets_alone(
    seed: int, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Summarising stories together only changes when their vectors are made (a round of
    embedding for every story waiting on one), never what each story shows."""
    import numpy as np

    import sitroom.analyze.vectors as vectors
    from sitroom.analyze.claims import ClaimVectors
    from sitroom.analyze.summary import summarize_together
    from tests.unit.analyze.test_stored_summaries import WORDS, _corpus

    calls: list[list[str]] = []

    def by_words(texts: list[str]) -> np.ndarray:
        # Rows from the words, so that sentences sharing words are alike (some repeat).
        calls.append(list(texts))
        rows = np.array([[t.count(w) for w in WORDS] for t in texts], dtype=np.float32)
        normed: np.ndarray = rows / np.maximum(np.linalg.norm(rows, axis=1, keepdims=True),
                                                1e-9)
        return normed

    monkeypatch.setattr(vectors, "encode", by_words)
    claims, contradictions, texts = _corpus(seed)
    groups = [("s1", ("a0", "a1", "a2")), ("s2", ("a3", "a4")),
              ("s3", ("a5", "a6", "a7", "a8")), ("s4", ("a9", "a10", "a11"))]
    stories = [(story, members, [c for c in claims if any(e.article in members
                                                           for e in c.evidence)])
               for story, members in groups]
    shared = ClaimVectors(texts, {}, None)
    together = summarize_together(stories, contradictions, shared, shared)
    rounds = list(calls)
    calls.clear()
    lazy = ClaimVectors(texts, {}, None)
    one_by_one = [summarize(members, story_claims, contradictions, lazy, story=story)
                  for story, members, story_claims in stories]
    assert together == one_by_one
    assert any(item.kind == "point" for items in together for item in items)
    embedded = [text for call in calls for text in call]
    assert embedded and all(len(call) == 1 for call in calls)  # the lazy path: one by one
    assert sorted(t for call in rounds for t in call) == sorted(embedded), "nothing more"
    assert len(rounds) < len(calls)
