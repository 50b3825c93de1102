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
