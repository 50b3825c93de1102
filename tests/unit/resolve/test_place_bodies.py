"""Places inside the names of local bodies (:mod:`sitroom.resolve.place_bodies`)."""

from __future__ import annotations

from sitroom.resolve.geo_names import fold
from sitroom.resolve.place_bodies import local_body_places, place_keys
from sitroom.types import Mention

KNOWN = frozenset(
    {"st thomas", "enfield", "laurel county", "london", "middlesex", "apple", "camborne", "town"}
)


def _org(text: str, start: int = 100) -> Mention:
    return Mention("a", start, start + len(text), text, "ORG")


def _found(text: str, placed: frozenset[str] = frozenset()) -> list[str]:
    parts = local_body_places(_org(text), placed, lambda key: key in KNOWN)
    for part in parts:  # offsets index the article, as the organisation's own do
        assert part.text == text[part.start - 100 : part.end - 100]
        assert part.label == "GPE" and part.source == "embedded"
    return [p.text for p in parts]


def test_a_town_before_the_word_for_a_local_body_is_the_town_it_serves() -> None:
    assert _found("St. Thomas police") == ["St. Thomas"]
    assert _found("Enfield Council") == ["Enfield"]


def test_a_county_named_with_its_kind_word_is_a_place() -> None:
    assert _found("Laurel County Detention Center") == ["Laurel County"]


def test_a_name_the_article_writes_as_a_place_is_one_inside_a_name_too() -> None:
    assert _found("Middlesex-London EMS", frozenset({"london"})) == ["London", "Middlesex"]
    assert _found("Middlesex-Apple Group") == []  # nothing vouches for either
    assert _found("London Homeless Coalition", frozenset({"london"})) == ["London"]
    assert _found("London Homeless Coalition") == []


def test_a_word_for_a_kind_of_place_is_never_a_name_alone() -> None:
    assert _found("Camborne Town Council", frozenset({"camborne"})) == ["Camborne"]


def test_a_firm_named_like_a_place_is_not_one_without_a_cue() -> None:
    assert _found("Apple Store") == []
    assert _found("Apple") == []  # the whole name never: an actor named like a place
    assert _found("the apple council") == []  # lower case is no name


def test_place_keys_fold_the_place_labelled_mentions() -> None:
    mentions = [_org("Enfield Council"), Mention("a", 0, 6, "London", "GPE")]
    assert place_keys(mentions, frozenset({"GPE"})) == frozenset({fold("London")})
