"""Places found by what the sentence says of them: an office held for the place, or the
area written after a town and a comma."""

from __future__ import annotations

from collections.abc import Callable

from sitroom.resolve.place_cues import areas_by_word, dateline_places, listed_kinds
from sitroom.resolve.places import resolve_places
from sitroom.types import Article, DocAnnotations, Mention

from .test_places import _doc, _near


def _placed(text: str, mentions: list[Mention]) -> dict[str, tuple[float, float]]:
    article = Article("a", text, "test", None, None, None, "unknown", None, "en", 0)
    res = resolve_places([article], [DocAnnotations("a", tuple(mentions))], metonymy=True)
    return {m.text: (m.lat, m.lon) for m in res.mentions if m.lat is not None and m.lon is not None}


def _person(text: str, name: str) -> Mention:
    start = text.index(name)
    return Mention("a", start, start + len(name), name, "PERSON")


def test_a_place_before_an_office_title_is_placed() -> None:
    text = "Calgary MLA Sandra Jansen drew a standing ovation. Aleppo Mayor Brita Hasan spoke."
    people = [_person(text, "Calgary MLA Sandra Jansen"), _person(text, "Brita Hasan")]
    placed = _placed(text, people)
    assert set(placed) == {"Calgary", "Aleppo"}


def test_a_party_or_a_sentence_end_before_a_title_is_no_place() -> None:
    text = "Republican Senator Bob Smith spoke in Texas. Governor Abbott replied."
    placed = _placed(text, [_person(text, "Bob Smith"), _person(text, "Abbott")])
    assert "Republican" not in placed
    assert "Texas" not in placed  # its dot ends the sentence: no office of Texas here


def test_a_town_is_placed_by_the_area_after_the_comma() -> None:
    text = "Lucy Lau was born in Churchill, Man. in the spring."
    start = text.index("Churchill")
    placed = _placed(
        text,
        [_person(text, "Lucy Lau"), Mention("a", start, start + 9, "Churchill", "ORG")],
    )
    lat, lon = placed["Churchill"]
    assert abs(lat - 58.77) < 0.5 and abs(lon + 94.17) < 0.5
    assert "Man." in placed


def test_a_name_before_a_comma_with_no_such_town_in_that_area_is_not_placed() -> None:
    text = "Smith, Ohio's senior senator, and Wilson, Calif. officials said."
    placed = _placed(text, [_person(text, "Smith")])
    assert "Smith" not in placed


def test_near_helper_still_works_for_plain_mentions() -> None:
    article, doc = _doc("p", "Floods hit Sukkur in Pakistan.", ["Sukkur", "Pakistan"])
    res = resolve_places([article], [doc])
    assert _near(res, "p", "Sukkur", 27.70, 68.86, 30)


def test_a_name_after_the_kind_of_place_it_is_is_placed_whatever_its_tag() -> None:
    text = "A tsunami hit the Indonesian island of Java on Monday."
    placed = _placed(text, [_person(text, "Java")])
    lat, lon = placed["Java"]
    assert -9 < lat < -5 and 105 < lon < 115


def test_a_name_the_article_tags_a_place_far_more_often_than_a_person_is_a_place() -> None:
    text = "Aid reached Malakal. Malakal is calm. Malakal has cholera. SOS Village Malakal helps."
    mentions = [_person(text, "SOS Village Malakal")]
    start = 0
    for _ in range(3):
        start = text.index("Malakal", start)
        mentions.append(Mention("a", start, start + 7, "Malakal", "GPE"))
        start += 7
    placed = _placed(text, mentions)
    assert "Malakal" in placed


def test_a_name_the_article_tags_a_person_as_often_stays_a_person() -> None:
    text = "Jordan Peterson spoke. Peterson said it. Peterson left."
    mentions = [_person(text, "Jordan Peterson")]
    start = text.index("Peterson", 10)
    mentions.append(Mention("a", start, start + 8, "Peterson", "GPE"))
    assert "Peterson" not in _placed(text, mentions)


Cue = Callable[[str, str, list[tuple[int, int]], Callable[[str], bool]], list[Mention]]


def _found(cue: Cue, text: str, known: set[str]) -> list[str]:
    return [m.text for m in cue("a", text, [], lambda key: key in known)]


def test_names_listed_after_the_plural_of_a_kind_of_place_are_places() -> None:
    text = "Rebels shelled the villages of Foua and Kfraya, and the towns: Haris, Ahar or Tabriz."
    known = {"foua", "kfraya", "haris", "tabriz"}
    assert _found(listed_kinds, text, known) == ["Foua", "Kfraya", "Haris", "Tabriz"]


def test_a_name_before_the_lower_case_word_for_its_area_is_a_place() -> None:
    text = "Homes were buried in Maoxian county in Sichuan province. The Islamic State said."
    known = {"maoxian", "sichuan", "islamic"}
    assert _found(areas_by_word, text, known) == ["Maoxian", "Sichuan"]


def test_a_dateline_in_capitals_is_a_place() -> None:
    text = "INNISFAIL - A skater won.\nHOLLIDAY, Mo. — A crash. He said NASA (the agency) - no."
    known = {"innisfail", "holliday", "nasa"}
    assert _found(dateline_places, text, known) == ["INNISFAIL", "HOLLIDAY"]
