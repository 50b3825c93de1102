"""Every time-expression rule's pattern runs in linear time on crafted input.

``tests/unit/test_regex_linear.py`` audits the compiled patterns a module holds by name; the
time rules keep theirs inside tuples of :class:`Rule`, which that audit does not see. Each is
timed here the same way (the audit's own inputs and growth check), with ``finditer``, the one
call the extractor makes on them.
"""

from __future__ import annotations

import pytest

from sitroom.annotate.times import ALL_RULES
from sitroom.annotate.timex_rules import Rule
from tests.unit.test_regex_linear import _slow_growth


def test_every_rule_is_audited() -> None:
    names = {rule.name for rule in ALL_RULES}
    assert len(names) == len(ALL_RULES) > 50
    assert {"last_year_in_report", "term_ahead", "part_of_the_year"} <= names


@pytest.mark.parametrize("rule", ALL_RULES, ids=[rule.name for rule in ALL_RULES])
def test_rule_pattern_runs_in_linear_time(rule: Rule) -> None:
    problems = _slow_growth(rule.pattern, frozenset({"finditer"}))
    assert not problems, f"{rule.name} grows too fast: {problems}"
