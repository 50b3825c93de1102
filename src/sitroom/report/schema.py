"""The JSON Schema of report.json, and validation against it.

The schema is package data (``schema.json``) rather than Python so that it is the one document
users read, ``sitroom schema`` prints and every test validates against. A few rules a JSON
Schema cannot state (offsets in order, ids that must exist) are checked here after it.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources
from typing import Any

# jsonschema ships no type hints and the project does not install types-jsonschema.
from jsonschema import Draft202012Validator  # type: ignore[import-untyped, unused-ignore]
from jsonschema.exceptions import (  # type: ignore[import-untyped, unused-ignore]
    ValidationError,
    best_match,
)

from ..errors import SitroomError


@lru_cache(maxsize=1)
def _load_schema() -> dict[str, Any]:
    text = resources.files(__package__).joinpath("schema.json").read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


@lru_cache(maxsize=1)
def _validator() -> Any:
    return Draft202012Validator(_load_schema())


def report_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) that every report.json satisfies."""
    # A copy, so a caller that edits the result cannot corrupt the cached validator's schema.
    return copy.deepcopy(_load_schema())


def validate_report(data: Any) -> None:
    """Raise :class:`SitroomError` naming the JSON path of the first problem, if any.

    First the schema (the most relevant error, as jsonschema ranks them), then the links
    between records: offsets with ``start <= end``, ``date_range`` in order, and every article
    id that a record refers to present in ``articles``.
    """
    error = best_match(_validator().iter_errors(data))
    if error is not None:
        path, message = _describe(error)
        raise SitroomError(
            f"report.json does not match schema version 1 at {path}: {message}",
            fix=_fix_hint(error),
        )
    for path, message, fix in _link_problems(data):
        raise SitroomError(f"report.json is inconsistent at {path}: {message}", fix=fix)


def _describe(error: ValidationError) -> tuple[str, str]:
    """The JSON path and message; a missing field's path names the field itself."""
    path = str(error.json_path)
    if error.validator == "required" and isinstance(error.instance, dict):
        missing = [name for name in error.validator_value if name not in error.instance]
        if missing:
            return f"{path}.{missing[0]}", f"the required field {missing[0]!r} is missing"
    return path, str(error.message)


def _fix_hint(error: ValidationError) -> str:
    """A sentence telling the producer of the report what to change."""
    keyword = error.validator
    if keyword == "required":
        return "add the missing field (use an empty list or null when there is nothing to say)"
    if keyword == "additionalProperties":
        return "remove the unknown field, or add it to schema.json and bump schema_version"
    if keyword == "pattern" and error.validator_value == _load_schema()["$defs"]["date"]["pattern"]:
        return "write dates as a real calendar day, YYYY-MM-DD, or null when the day is unknown"
    if keyword == "pattern":
        return f"write the value in the form {error.validator_value!r}"
    if keyword in ("enum", "const"):
        return f"use one of the allowed values: {error.validator_value!r}"
    if keyword == "type":
        return f"give a value of type {error.validator_value!r}"
    if keyword in ("minimum", "maximum"):
        return "give a value inside the allowed range"
    return "see `sitroom schema` for what this field must hold"


# Lists whose items point into one article's text: (list name, field holding the article id).
_OFFSET_RECORDS = (("quotes", "article"), ("citations", "article"))
# Lists whose items carry evidence passages.
_EVIDENCE_RECORDS = ("events", "claims", "summary")
# Lists whose items name the articles they appear in.
_ARTICLE_LISTS = ("entities", "places", "stories")


def _link_problems(data: dict[str, Any]) -> Iterator[tuple[str, str, str]]:
    """(path, message, fix) for each broken link between records, in document order."""
    ids = [article["id"] for article in data["articles"]]
    known = set(ids)
    seen: set[str] = set()
    for index, article in enumerate(data["articles"]):
        path = f"$.articles[{index}]"
        if article["id"] in seen:
            yield f"{path}.id", f"article id {article['id']!r} appears twice", _MERGE_FIX
        seen.add(article["id"])
        date_range = article["date_range"]
        if date_range is not None and date_range[0] > date_range[1]:
            yield (
                f"{path}.date_range",
                "the first day is after the last",
                "write [earliest, latest]",
            )
        original = article["duplicate_of"]
        if original is not None and original not in known:
            yield f"{path}.duplicate_of", f"no article has id {original!r}", _ID_FIX
    for name, field in _OFFSET_RECORDS:
        for index, item in enumerate(data[name]):
            path = f"$.{name}[{index}]"
            yield from _check_article_ref(f"{path}.{field}", item[field], known)
            yield from _check_span(path, item)
    for name in _EVIDENCE_RECORDS:
        for index, item in enumerate(data[name]):
            for e_index, evidence in enumerate(item["evidence"]):
                path = f"$.{name}[{index}].evidence[{e_index}]"
                yield from _check_article_ref(f"{path}.article", evidence["article"], known)
                yield from _check_span(path, evidence)
    for name in _ARTICLE_LISTS:
        for index, item in enumerate(data[name]):
            for a_index, article_id in enumerate(item["articles"]):
                yield from _check_article_ref(
                    f"$.{name}[{index}].articles[{a_index}]", article_id, known
                )


_ID_FIX = "refer only to ids listed in `articles`"
_MERGE_FIX = "list each article once, with all its input files in `files`"


def _check_article_ref(
    path: str, article_id: str, known: set[str]
) -> Iterator[tuple[str, str, str]]:
    if article_id not in known:
        yield path, f"no article has id {article_id!r}", _ID_FIX


def _check_span(path: str, item: dict[str, Any]) -> Iterator[tuple[str, str, str]]:
    if item["start"] > item["end"]:
        yield (
            f"{path}.end",
            f"end ({item['end']}) is before start ({item['start']})",
            "offsets are [start, end) into the article's cleaned text",
        )
