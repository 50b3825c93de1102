import pytest

from sitroom.annotate.country_aliases import load_country_aliases, parse_country_aliases
from sitroom.annotate.gazetteer import load_countries
from sitroom.errors import SitroomError


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("US", "US"),
        ("U.S.", "US"),
        ("USA", "US"),
        ("America", "US"),
        ("United States", "US"),
        ("Britain", "GB"),
        ("U.K.", "GB"),
        ("DRC", "CD"),
        ("Burma", "MM"),
        ("us", None),  # the pronoun
        ("Us", None),
        ("u.s.", None),
        ("america", None),  # a lower-case word is not a name
    ],
)
def test_country_codes_know_short_forms_and_acronyms_written_in_capitals(
    text: str, code: str | None
) -> None:
    assert load_countries().country_code(text) == code


def test_the_packaged_alias_file_reads_and_separates_acronyms() -> None:
    aliases = load_country_aliases()
    assert aliases.acronyms["us"] == "US" and aliases.names["america"] == "US"
    assert "us" not in aliases.names


def test_a_bad_alias_line_names_the_line() -> None:
    parsed = parse_country_aliases("# comment\nFR,Gaul\nDE,BRD\n")
    assert parsed.names == {"gaul": "FR"} and parsed.acronyms == {"brd": "DE"}
    with pytest.raises(SitroomError, match="line 2"):
        parse_country_aliases("FR,Gaul\nFrance,Hexagone\n")
