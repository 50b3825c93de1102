"""What the words around a name say it is: a town, or a person's surname after a title."""

from __future__ import annotations

import pytest

from sitroom.resolve.place_said import after_person_title, suburb_of, town_said, where_town_said


def _span(text: str, name: str) -> tuple[int, int]:
    start = text.index(name)
    return start, start + len(name)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Lebanon is a city in Warren County, Ohio.", "Lebanon"),
        ("Georgia is a town in Franklin County, Vermont.", "Georgia"),
        ("Moscow, a small college town in Idaho, voted.", "Moscow"),
        ("Fans returned to the city of Turkey on Thursday.", "Turkey"),
        ("Attacks hit the central town of Karak.", "Karak"),
        ("Springfield was the largest village in the valley.", "Springfield"),
    ],
)
def test_words_that_say_a_name_is_a_town(text: str, name: str) -> None:
    assert town_said(text, *_span(text, name))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Lebanon is a country on the Mediterranean.", "Lebanon"),
        ("Ohio, a state where the town of Lebanon lies.", "Ohio"),
        ("Georgia is a state in the South.", "Georgia"),
        ("Troops crossed from Syria into Lebanon, the officials said.", "Lebanon"),
        ("The state of Georgia sued.", "Georgia"),
        ("Melbourne, the capital city of Victoria, flooded.", "Victoria"),
        ("Houston is the largest city of Texas.", "Texas"),
    ],
)
def test_words_that_do_not_say_a_name_is_a_town(text: str, name: str) -> None:
    assert not town_said(text, *_span(text, name))


@pytest.mark.parametrize(
    ("text", "name", "person"),
    [
        ("President Ford signed the bill.", "Ford", True),
        ("Gov. Jackson vetoed it.", "Jackson", True),
        ("Mr. Austin agreed.", "Austin", True),
        ("He flew to Austin on Monday.", "Austin", False),
        ("Republican Georgia voters stayed home.", "Georgia", False),
        ("the Former Yugoslav Republic", "Yugoslav", False),
    ],
)
def test_a_name_after_a_persons_title_is_the_person(text: str, name: str, person: bool) -> None:
    assert after_person_title(text, text.index(name)) is person


def test_words_after_a_towns_area_describe_the_town_not_the_area() -> None:
    text = "The pair are from Alvin, Texas, a Houston suburb."
    assert not town_said(text, *_span(text, "Texas"))


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("Paris is a city in and the county seat of Lamar County, Texas.", "Lamar County"),
        ("Georgia is a town in Franklin County, Vermont.", "Franklin County"),
        ("Moscow, a college town in northern Idaho, voted.", "Idaho"),
    ],
)
def test_where_the_words_calling_a_name_a_town_say_it_lies(text: str, where: str) -> None:
    name_end = text.index(" ") if not text.startswith("Moscow") else len("Moscow")
    at = where_town_said(text, name_end)
    assert at is not None and text[at:].startswith(where)


@pytest.mark.parametrize(
    ("text", "name", "anchor"),
    [
        ("A man from the Cincinnati suburb of West Chester pleaded guilty.", "West Chester",
         "Cincinnati"),
        ("Police in Katy, a fast-growing Houston suburb, made the arrest.", "Katy", "Houston"),
        ("Marietta is a suburb of Atlanta.", "Marietta", "Atlanta"),
        ("The pair are from Alvin, Texas, a Houston suburb.", "Texas", None),
        ("Paris is a city in Texas.", "Paris", None),
    ],
)
def test_the_town_a_name_is_said_to_be_a_suburb_of(
    text: str, name: str, anchor: str | None
) -> None:
    at = suburb_of(text, *_span(text, name))
    assert (None if at is None else text[at : at + len(anchor or "")]) == anchor
