from __future__ import annotations

import pytest

from sitroom.errors import UsageError
from sitroom.ingest import IngestOptions, parse_field_options


def test_defaults() -> None:
    options = IngestOptions()
    assert options.source is None
    assert dict(options.fields) == {}
    assert options.max_file_bytes == 200 * 1024 * 1024


def test_unknown_field_key_is_a_usage_error_with_a_fix() -> None:
    with pytest.raises(UsageError) as caught:
        IngestOptions(fields={"body": "content"})
    assert "'body'" in str(caught.value)
    assert caught.value.fix is not None and "text" in caught.value.fix


def test_parse_field_options() -> None:
    assert parse_field_options(["text=body", "Date = pub"]) == {"text": "body", "date": "pub"}
    with pytest.raises(UsageError):
        parse_field_options(["text"])


def test_limits_must_be_positive_and_name_their_option() -> None:
    with pytest.raises(UsageError) as caught:
        IngestOptions(max_rows=0)
    assert caught.value.fix is not None and "--max-rows" in caught.value.fix


def test_every_limit_is_an_option_of_both_option_objects() -> None:
    from sitroom.config import LIMITS, Options

    options = Options()
    for name, limit in LIMITS.items():
        assert getattr(IngestOptions(), name) == getattr(options, name)
        assert limit.flag.startswith("--max-")
    assert set(options.limits()) == set(LIMITS)
