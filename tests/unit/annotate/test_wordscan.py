"""The word scanner finds exactly what ``finditer`` finds, only trying fewer positions."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from sitroom.annotate.times import ALL_RULES
from sitroom.annotate.wordscan import WordScanner, finditer

#: Texts that press on the edges: a match at position 0, after punctuation that the
#: lookbehinds exclude or allow, capitals, the Kelvin sign (which matches ``k`` ignoring
#: case), and dates packed against each other.
TEXTS = (
    "2 days ago the talks began; on March 3, 2021, and again in mid-2022 (Jan. 5) they met.",
    "Three weeks later, last Friday's vote -- the 1990s, 'the past 10 years', 9:30 a.m. today",
    "£5 on 1/2/2020; $3 by Q3 2019. The fiscal year 2024 ended Sept. 30; \u212aelvin week",
    "Monday-Tuesday, 4-5 June; summer 2019/winter; ages 3-5: yesterday.Tomorrow…now",
    "(December 25) «Christmas Day» at noon EST, the morning after, in the 21st century",
)


def _found(pattern: re.Pattern[str], text: str, scanner: WordScanner | None = None
           ) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    matches = scanner.finditer(pattern) if scanner else pattern.finditer(text)
    return [(match.span(), match.groupdict()) for match in matches]


def test_every_time_rule_finds_what_finditer_finds() -> None:
    for text in TEXTS:
        scanner = WordScanner(text)
        for rule in ALL_RULES:
            assert _found(rule.pattern, text, scanner) == _found(rule.pattern, text), rule.name


def test_patterns_it_cannot_vouch_for_are_scanned_plainly() -> None:
    for pattern in (re.compile(r"(?<!\w)x*"),           # can match the empty string
                    re.compile(r"\d+"),                  # no leading lookbehind
                    re.compile(r"(?<![^a])b"),           # a negated lookbehind class
                    re.compile(r"(?<!\w).b", re.DOTALL),  # any character first
                    re.compile(r"(?<!\w)\d", re.ASCII)):
        text = "a1b 22b xb ab"
        assert list(m.span() for m in finditer(pattern, text)) == [
            m.span() for m in pattern.finditer(text)]


_PATTERNS = [re.compile(p) for p in (
    r"(?<![\w.-])(?:(?i:the\s+)?(?P<n>\d+)\s+(?i:days?)|(?i:k)ey)",
    r"(?<![\w'’.-])(?P<t>(?:a|an)\s+(?i:week)|(?i:a)b*)",
    r"(?<![\w.])(?:[A-Z][a-z]+\s+)+(?i:day)",
    r"(?<!-)(?:--|-?x)",
)]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="aAbBkK\u212adDyYsSx1 2.-'’\n", max_size=40))
def test_random_text_gives_the_same_matches(text: str) -> None:
    scanner = WordScanner(text)
    for pattern in _PATTERNS:
        assert _found(pattern, text, scanner) == _found(pattern, text)
