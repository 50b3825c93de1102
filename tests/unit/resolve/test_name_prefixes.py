import pytest

from sitroom.errors import SitroomError
from sitroom.resolve.name_prefixes import parse_name_prefixes, strip_prefixes


@pytest.mark.parametrize(
    ("text", "core", "kinds"),
    [
        ("Speaker Nancy Pelosi", "Nancy Pelosi", ("title",)),
        ("pro-Mitt Romney", "Mitt Romney", ("prefix",)),
        ("then-President Barack Obama", "Barack Obama", ("prefix", "title")),
        ("Former Vice President Joe Biden", "Joe Biden", ("title", "title")),
        ("Lt. Gov. Dan Patrick", "Dan Patrick", ("title",)),
        ("Western COVID-19", "COVID-19", ("modifier",)),
        ("Donald Trump", "Donald Trump", ()),
        ("President", "President", ()),  # nothing would remain
        ("Mr. smith", "Mr. smith", ()),  # what remains has no capital: not a name
        ("Justice Department", "Justice Department", ()),  # a body's name, not a title
        ("Justice Anthony Kennedy", "Anthony Kennedy", ("title",)),
    ],
)
def test_strip_prefixes_offers_the_name_without_what_comes_before(
    text: str, core: str, kinds: tuple[str, ...]
) -> None:
    stripped = strip_prefixes(text)
    assert (stripped.core, stripped.kinds) == (core, kinds)


def test_the_word_lists_are_data_with_clear_errors() -> None:
    lists = parse_name_prefixes("# comment\ntitle,Grand Vizier\nprefix,proto\nmodifier,Upper\n")
    assert strip_prefixes("Grand Vizier Jafar", lists).core == "Jafar"
    assert strip_prefixes("proto-Indo Europeans", lists).core == "Indo Europeans"
    assert strip_prefixes("Speaker Nancy Pelosi", lists).kinds == ()
    with pytest.raises(SitroomError, match="line 2"):
        parse_name_prefixes("title,Sen\nhonorific,Sir\n")


def test_given_name_short_forms_read_from_data() -> None:
    from sitroom.resolve.given_names import full_given_name, parse_given_names

    assert full_given_name("joe") == "joseph" and full_given_name("bernie") == "bernard"
    assert full_given_name("ted") == "ted"  # Edward or Theodore: neither
    parsed = parse_given_names("# c\nalbert,al,bert\nrobert,bob,bert\n")
    assert parsed["al"] == {"albert"} and parsed["bert"] == {"albert", "robert"}
    with pytest.raises(SitroomError, match="line 1"):
        parse_given_names("joseph\n")
