"""JSON encoding of per-document annotations for the store.

Field names are written out so a stored payload stays readable; decoding builds the frozen
records back with tuples, so ``decode(encode(x)) == x``.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from ..types import (
    Acronym,
    CitationMention,
    ClauseMention,
    DescriptorMention,
    DocAnnotations,
    EventMention,
    Mention,
    Quantity,
    QuoteMention,
    StatedNumber,
    TextSpan,
    TimeMention,
)

_PARTS: dict[str, type[Any]] = {
    "mentions": Mention,
    "acronyms": Acronym,
    "times": TimeMention,
    "quotes": QuoteMention,
    "citations": CitationMention,
    "descriptors": DescriptorMention,
}


def encode_annotations(annotations: DocAnnotations) -> str:
    return json.dumps(asdict(annotations), ensure_ascii=False, separators=(",", ":"))


def decode_annotations(payload: str) -> DocAnnotations:
    data = json.loads(payload)
    parts: dict[str, tuple[Any, ...]] = {}
    for name, record in _PARTS.items():
        parts[name] = tuple(record(**item) for item in data.get(name, ()))
    events = tuple(decode_event_mention(item) for item in data.get("events", ()))
    parts["clauses"] = tuple(_clause(item) for item in data.get("clauses", ()))
    return DocAnnotations(article=data["article"], events=events, **parts)


def _span(item: dict[str, Any] | None) -> TextSpan | None:
    return None if item is None else TextSpan(**item)


def decode_event_mention(item: dict[str, Any]) -> EventMention:
    """An :class:`EventMention` from its JSON form (its spans and numbers are records)."""
    fields = dict(item)
    fields["actors"] = tuple(TextSpan(**s) for s in item.get("actors", ()))
    fields["targets"] = tuple(TextSpan(**s) for s in item.get("targets", ()))
    fields["numbers"] = tuple(StatedNumber(**n) for n in item.get("numbers", ()))
    for name in ("place", "time", "speaker"):
        fields[name] = _span(item.get(name))
    return EventMention(**fields)


def _clause(item: dict[str, Any]) -> ClauseMention:
    quantities = tuple(Quantity(**q) for q in item.get("quantities", ()))
    return ClauseMention(**{**item, "quantities": quantities})
