from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from sitroom.resolve.name_trie import any_name


def longest_first(names: set[str]) -> str:
    ordered = sorted(names, key=lambda n: (-len(n), n))
    return "(?:" + "|".join(re.escape(n) for n in ordered) + ")"


# A small alphabet makes names that are prefixes of one another, share beginnings and
# overlap in the text; the characters a regex treats specially are among them.
alphabet = st.sampled_from(["A", "l", " ", "J", ".", "(", "é", "’", "?"])
names = st.sets(st.text(alphabet, max_size=6), min_size=1, max_size=12)
texts = st.text(alphabet, max_size=60)


@settings(max_examples=300, deadline=None)
@given(names, texts)
def test_the_same_matches_as_the_names_longest_first(found: set[str], text: str) -> None:
    for before, after in (("", ""), (r"(?<!\w)", r"(?!\w)")):
        trie = re.compile(before + any_name(found) + after)
        plain = re.compile(before + longest_first(found) + after)
        assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_the_longer_of_two_outlet_names_wins() -> None:
    pattern = re.compile(r"(?<!\w)" + any_name({"Al", "Al Jazeera", "AP"}) + r"(?!\w)")
    # In "Al Jazeeras" the longer name runs into a word; the shorter one stands alone.
    assert [m.span() for m in pattern.finditer("Al Jazeera and AP; Al Jazeeras, Al")] == [
        (0, 10), (15, 17), (19, 21), (32, 34)]
