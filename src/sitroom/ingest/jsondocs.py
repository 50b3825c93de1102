"""JSON (one object, an array of objects, or an object wrapping such an array) and JSONL.

Which key holds the text, title, date, outlet, URL and author is decided once per file from
the keys of its first records (see :mod:`.records`), and again for any record that lacks the
chosen text key, so files mixing two shapes still read. Locators: the file itself for a lone
object, ``batch.json#2`` for the second element of an array, ``data.jsonl#line=7`` for a
line. A line or element that is not usable is rejected on its own; the others come through.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from itertools import islice
from typing import Any

from ..types import RawDocument, Rejected
from .options import IngestOptions
from .records import (
    CONTAINER_KEYS,
    SYNONYMS,
    FieldMap,
    no_text_reason,
    normalise_key,
    record_to_document,
    resolve_fields,
)

_SAMPLE_RECORDS = 50


def read_json(locator: str, text: str, options: IngestOptions) -> Iterator[RawDocument | Rejected]:
    """Documents from a JSON file's text."""
    try:
        value = json.loads(text)
    except RecursionError:
        yield Rejected(locator, "JSON nested too deeply to be articles; re-export the file")
        return
    except json.JSONDecodeError as error:
        if error.msg == "Extra data" and _each_line_parses(text):
            yield from read_jsonl(locator, text, options)
            return
        yield Rejected(locator, _json_error(error, text))
        return
    records = _records(value)
    if records is None:
        if isinstance(value, Mapping):
            yield _from_lone_object(locator, value, options)
            return
        yield Rejected(
            locator,
            f"JSON holds {_kind(value)}, not articles; expected an object with a text key, "
            "or an array of such objects",
        )
        return
    if not records:
        yield Rejected(locator, "the JSON array is empty")
        return
    fields = _sample_fields(records, options)
    if isinstance(fields, str):
        yield Rejected(locator, fields)
        return
    for number, record in enumerate(records, start=1):
        where = f"{locator}#{number}"
        if not isinstance(record, Mapping):
            yield Rejected(where, f"array element is {_kind(record)}, not an object")
            continue
        yield _convert(where, record, fields, options, "json")


def read_jsonl(locator: str, text: str, options: IngestOptions) -> Iterator[RawDocument | Rejected]:
    """Documents from JSON Lines text: one object per line, blank lines ignored."""
    fields: FieldMap | None = None
    pending: list[tuple[int, Any]] = []
    for number, line in enumerate(_lines(text), start=1):
        if not line.strip():
            continue
        where = f"{locator}#line={number}"
        try:
            record = json.loads(line)
        except RecursionError:
            yield Rejected(where, "JSON nested too deeply to be an article")
            continue
        except json.JSONDecodeError as error:
            yield Rejected(where, f"not valid JSON: {error.msg} at column {error.colno}")
            continue
        if not isinstance(record, Mapping):
            yield Rejected(where, f"line holds {_kind(record)}, not an object")
            continue
        if fields is None:
            # Choose the keys from the first records so that one odd record does not decide.
            pending.append((number, record))
            if len(pending) < _SAMPLE_RECORDS:
                continue
            chosen = _sample_fields([r for _, r in pending], options)
            if isinstance(chosen, str):
                yield Rejected(locator, chosen)
                return
            fields = chosen
            for held_number, held in pending:
                yield _convert(f"{locator}#line={held_number}", held, fields, options, "jsonl")
            pending.clear()
            continue
        yield _convert(where, record, fields, options, "jsonl")
    if fields is None:
        if not pending:
            yield Rejected(locator, "no JSON records found (empty or blank lines only)")
            return
        chosen = _sample_fields([r for _, r in pending], options)
        if isinstance(chosen, str):
            yield Rejected(locator, chosen)
            return
        for held_number, held in pending:
            yield _convert(f"{locator}#line={held_number}", held, chosen, options, "jsonl")


def _lines(text: str) -> Iterator[str]:
    """The lines of ``text`` one at a time: a file of millions of short lines is never held
    as a list (the reader stops at the record limit)."""
    start = 0
    while start < len(text):
        end = text.find("\n", start)
        if end < 0:
            end = len(text)
        yield text[start:end].rstrip("\r")
        start = end + 1


def _convert(
    where: str, record: Mapping[str, Any], fields: FieldMap, options: IngestOptions, fmt: str
) -> RawDocument | Rejected:
    if fields.text is None or (fields.text not in record and "text" not in options.fields):
        own = resolve_fields(record.keys(), options)
        if isinstance(own, FieldMap):
            fields = own
    return record_to_document(where, record, fields, options, fmt)


def _from_lone_object(
    locator: str, value: Mapping[str, Any], options: IngestOptions
) -> RawDocument | Rejected:
    fields = resolve_fields(value.keys(), options)
    if isinstance(fields, str):
        return Rejected(locator, fields)
    return record_to_document(locator, value, fields, options, "json")


def _records(value: Any) -> Sequence[Any] | None:
    """The list of records in ``value``: itself, or a list under a container key."""
    if isinstance(value, list):
        return value
    if not isinstance(value, Mapping):
        return None
    # An object that is itself an article (it has a text key) is not a container.
    if any(normalise_key(str(key)) in SYNONYMS["text"] for key in value):
        return None
    by_norm = {normalise_key(str(key)): key for key in value}
    for name in CONTAINER_KEYS:
        inner = value.get(by_norm.get(name, name))
        if isinstance(inner, list) and inner and isinstance(inner[0], Mapping):
            return inner
        if isinstance(inner, Mapping):
            nested = _records(inner)
            if nested:
                return nested
    return None


def _sample_fields(records: Sequence[Any], options: IngestOptions) -> FieldMap | str:
    keys: dict[str, None] = {}
    for record in islice(records, _SAMPLE_RECORDS):
        if isinstance(record, Mapping):
            keys.update(dict.fromkeys(str(key) for key in record))
    fields = resolve_fields(keys, options)
    if isinstance(fields, FieldMap) and fields.text is None:
        return no_text_reason(keys, "keys")
    return fields


def _each_line_parses(text: str) -> bool:
    """True when the first lines are each a JSON value (the file is JSON Lines)."""
    lines = [line for line in islice(text.splitlines(), 5) if line.strip()]
    try:
        for line in lines[:2]:
            json.loads(line)
    except json.JSONDecodeError:
        return False
    return len(lines) >= 2


def _json_error(error: json.JSONDecodeError, text: str) -> str:
    ends_early = error.pos >= len(text.rstrip()) or error.msg.startswith("Unterminated")
    what = "truncated JSON (the data stops mid-value)" if ends_early else "invalid JSON"
    return (
        f"{what}: {error.msg} at line {error.lineno} column {error.colno} (char {error.pos}); "
        "repair or re-export the file"
    )


def _kind(value: Any) -> str:
    if isinstance(value, Mapping):
        return "an object"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, str):
        return "a string"
    if value is None:
        return "null"
    return f"a {type(value).__name__}"
