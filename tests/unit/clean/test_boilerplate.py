"""find_boilerplate: an outlet's template lines, not its reporting."""

from __future__ import annotations

from pathlib import Path

from sitroom.clean import clean_text, find_boilerplate
from sitroom.ingest.text import split_header

TEMPLATE = "River Post | Your independent flood desk"
FOOTER = "Copyright River Post Media Group"


def _story(number: int) -> str:
    return (
        f"{TEMPLATE}\n"
        f"Story {number}: the water rose by {number} metres near the barrage overnight.\n"
        f"Officials counted {number * 3} families in the camp on day {number}.\n"
        f"{FOOTER}\n"
    )


def test_lines_repeated_across_an_outlets_documents_are_found() -> None:
    docs = [("River Post", _story(n)) for n in range(1, 6)]
    found = find_boilerplate(docs)
    assert found == {
        "River Post": frozenset(
            {"river post | your independent flood desk", "copyright river post media group"}
        )
    }
    cleaned = clean_text(_story(2), found["River Post"]).text
    assert TEMPLATE not in cleaned and FOOTER not in cleaned
    assert cleaned.startswith("Story 2:")


def test_outlets_are_kept_apart() -> None:
    docs = [("River Post", _story(1)), ("Delta Daily", _story(2)), ("Delta Daily", _story(3))]
    found = find_boilerplate(docs)
    assert "River Post" not in found  # one document proves nothing
    assert "river post | your independent flood desk" in found["Delta Daily"]


def test_two_documents_of_a_small_outlet_are_enough_for_short_lines() -> None:
    docs = [("Small Outlet", _story(1)), ("Small Outlet", _story(2))]
    assert "copyright river post media group" in find_boilerplate(docs)["Small Outlet"]


def test_a_short_line_in_two_of_many_documents_is_not_enough() -> None:
    docs = [("Big", f"Line {n} of a report on the flood.\nUnique heading {n}") for n in range(10)]
    docs += [("Big", "Section: Floods\nOther text."), ("Big", "Section: Floods\nMore text.")]
    assert find_boilerplate(docs) == {}


def test_a_background_sentence_reused_in_a_few_articles_is_kept() -> None:
    background = (
        "The floods have displaced more than 200,000 people in the province since early August."
    )
    docs = [
        ("Wire", f"Story {n} about relief convoys and rising water levels.\n{background}")
        for n in range(4)
    ]
    docs += [("Wire", f"Unrelated story {n} about the harvest and prices.") for n in range(6)]
    assert background.casefold() not in find_boilerplate(docs).get("Wire", frozenset())


def test_a_template_sentence_on_most_pages_is_found() -> None:
    sentence = "This article is produced by the Wire's regional desk in partnership with others."
    docs = [("Wire", f"Story {n} about relief convoys.\n{sentence}") for n in range(6)]
    assert sentence.casefold() in find_boilerplate(docs)["Wire"]


def test_long_paragraphs_are_never_boilerplate() -> None:
    paragraph = " ".join(["word"] * 45) + "."
    docs = [("Outlet", f"Story {n}.\n{paragraph}") for n in range(6)]
    assert find_boilerplate(docs) == {}


def test_unknown_outlets_are_grouped_but_only_short_non_sentences_count() -> None:
    sentence = "The agency said the river would peak on Friday at the barrage in the north."
    docs = [
        (outlet, f"Menu\nStory {n}.\n{sentence}")
        for n, outlet in enumerate([None, "unknown", "", None])
    ]
    found = find_boilerplate(docs)
    assert found == {"unknown": frozenset({"menu"})}


def test_syndicated_seeds_share_no_boilerplate(seeds_dir: Path) -> None:
    """The seeds have no known outlet: nothing of theirs may be taken for a template."""
    docs = []
    for path in sorted(seeds_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        docs.append((None, text[split_header(text)[1] :]))
    assert find_boilerplate(docs) == {}
