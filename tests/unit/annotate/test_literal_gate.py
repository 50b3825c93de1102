"""The literal gate rules a text out only when the pattern has no match in it."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from sitroom.annotate.literal_gate import LiteralGate, factors_of
from sitroom.annotate.times import ALL_RULES

_AGO = re.compile(r"(?<![\w-])(?P<n>\d+)\s+(?i:days?|weeks?)\s+(?i:ago)\b")


def test_a_text_without_the_key_word_is_ruled_out() -> None:
    assert not LiteralGate("It rained for 3 days in a row.").may_match(_AGO)
    assert LiteralGate("It rained 3 days AGO.").may_match(_AGO)


def test_a_word_left_optional_is_not_required() -> None:
    pattern = re.compile(r"(?:last\s+)?(?i:friday)")
    assert LiteralGate("on Friday").may_match(pattern)
    assert not LiteralGate("last week").may_match(pattern)


def test_each_alternative_must_bring_a_word_of_its_own() -> None:
    # ``\d+`` brings none, so nothing can be ruled out by the alternation.
    assert LiteralGate("on 12").may_match(re.compile(r"(?:June|\d+)"))
    assert factors_of(re.compile(r"(?:June|\d+)")) is None


def test_case_twins_outside_ascii_are_never_ruled_out() -> None:
    # The Kelvin sign matches ``k`` and the long s matches ``s`` ignoring case; lower-casing
    # the text does not turn them into the ASCII letters.
    for pattern, text in ((re.compile(r"(?i:kelvin)"), "\u212aelvin"),
                          (re.compile(r"(?i:last)"), "la\u017ft")):
        assert pattern.search(text) is not None
        assert LiteralGate(text).may_match(pattern)


def test_case_counts_where_the_pattern_keeps_it() -> None:
    pattern = re.compile(r"\b(?:June|July)\s+\d+")
    assert not LiteralGate("june 5 and july 6").may_match(pattern)
    assert LiteralGate("June 5").may_match(pattern)


def test_no_time_rule_is_ruled_out_of_a_text_it_matches() -> None:
    texts = ("2 days ago the talks began; on March 3, 2021 (Jan. 5) they met.",
             "Three weeks later, last Friday's vote -- the 1990s, 9:30 a.m. today",
             "The fiscal year 2024 ended Sept. 30; \u212aelvin week; the FY2023 budget",
             "Labor Day, Good Friday at noon EST, in the 21st century, twice a week")
    for text in texts:
        gate = LiteralGate(text)
        for rule in ALL_RULES:
            if rule.pattern.search(text) is not None:
                assert gate.may_match(rule.pattern), rule.name
    assert sum(factors_of(rule.pattern) is not None for rule in ALL_RULES) > len(ALL_RULES) / 2


_PATTERNS = [re.compile(p) for p in (
    r"(?i)(?:the\s+)?(?P<n>\d+)\s+days?\s+ago",
    r"(?:(?i:k)ey|lock)s?",
    r"(?i:s)(?:ay|aid)+",
    r"(?:ab|(?i:c)d)(?=x)e?",
    r"[A-Z][a-z]+\s+(?i:day)",
)]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="aAbBcCdDeEkK\u212a\u017fsSyYxl1 ", max_size=30))
def test_random_text_is_ruled_out_only_without_a_match(text: str) -> None:
    gate = LiteralGate(text)
    for pattern in _PATTERNS:
        if pattern.search(text) is not None:
            assert gate.may_match(pattern), pattern.pattern
