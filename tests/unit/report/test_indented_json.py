from __future__ import annotations

import enum
import json
import math
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitroom.report.indented_json import dumps_indented


def standard(value: Any) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False, allow_nan=False)


# Every kind of value report.json holds: text with escapes, quotes, control characters and
# non-ASCII (bidi controls, astral characters), whole numbers of any size, finite floats of
# every magnitude (1e-05 and 1e+16 are written differently by other encoders), nesting.
scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text()
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4)
    | st.tuples(inner, inner)
    | st.dictionaries(st.text(max_size=6), inner, max_size=4),
    max_leaves=30,
)


@settings(max_examples=300, deadline=None)
@given(values)
def test_the_text_is_the_standard_encoders(value: Any) -> None:
    assert dumps_indented(value) == standard(value)


@settings(max_examples=100, deadline=None)
@given(values)
def test_a_longer_newline_indents_every_line(value: Any) -> None:
    assert dumps_indented(value, "\n    ") == standard(value).replace("\n", "\n    ")


class Level(enum.IntEnum):
    HIGH = 3


def test_keys_and_subclasses_as_the_standard_encoder_writes_them() -> None:
    value = {7: "a", 2.5: [], True: {}, False: 0, None: Level.HIGH, "s": [False, 1e-05, 1e16, -0.0]}
    assert dumps_indented(value) == standard(value)


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf, [1, {"x": math.nan}]])
def test_nan_and_infinity_are_refused(bad: Any) -> None:
    with pytest.raises(ValueError, match="not JSON compliant"):
        dumps_indented(bad)
    with pytest.raises(ValueError, match="not JSON compliant"):
        dumps_indented({math.inf: 1})


@pytest.mark.parametrize("bad", [{1, 2}, {"x": object()}, {(1, 2): "tuple key"}])
def test_what_json_cannot_hold_is_refused(bad: Any) -> None:
    with pytest.raises(TypeError):
        dumps_indented(bad)
