from sitroom.annotate.acronyms import find_definitions


def _pairs(text: str) -> list[tuple[str, str]]:
    return [(d.short, d.long) for d in find_definitions(text)]


def test_long_form_then_acronym_takes_the_shortest_matching_words() -> None:
    text = "Fighters of the Turkish-backed Syrian National Army (SNA) joined."
    assert _pairs(text) == [("SNA", "Syrian National Army")]


def test_minor_words_and_arabic_article_are_looked_through() -> None:
    assert _pairs("led by Hay'at Tahrir al-Sham (HTS), a former affiliate") == [
        ("HTS", "Hay'at Tahrir al-Sham")
    ]
    assert _pairs("said the Syrian Observatory for Human Rights (SOHR).") == [
        ("SOHR", "Syrian Observatory for Human Rights")
    ]
    assert _pairs("the Ministry of Defence (MoD) said") == [("MoD", "Ministry of Defence")]


def test_acronym_then_long_form() -> None:
    text = "The NDMA (National Disaster Management Authority) warned."
    found = find_definitions(text)
    assert [(d.short, d.long) for d in found] == [
        ("NDMA", "National Disaster Management Authority")
    ]
    assert text[found[0].long_start : found[0].long_end] == found[0].long


def test_letters_that_do_not_match_are_not_definitions() -> None:
    assert _pairs("a meeting with the President (AP) on Monday") == []
    assert _pairs("the toll rose (UPDATED) overnight") == []
