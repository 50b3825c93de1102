"""JSON encoding of per-document annotations for the store.

Field names are written out so a stored payload stays readable; decoding builds the frozen
records back with tuples, so ``decode(encode(x)) == x``.
"""

from __future__ import annotations

import json
from collections.abc import Collection
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
from .plain_data import plain

_PARTS: dict[str, type[Any]] = {
    "mentions": Mention,
    "acronyms": Acronym,
    "times": TimeMention,
    "quotes": QuoteMention,
    "citations": CitationMention,
    "descriptors": DescriptorMention,
}


def encode_annotations(annotations: DocAnnotations) -> str:
    # plain() gives what dataclasses.asdict gives, without its deep copies (7 ms an article)
    return json.dumps(plain(annotations), ensure_ascii=False, separators=(",", ":"))


#: Every list-valued part of :class:`DocAnnotations`, by field name.
PART_NAMES = frozenset({*_PARTS, "events", "clauses"})


def decode_annotations(payload: str, parts: Collection[str] | None = None) -> DocAnnotations:
    """The record ``payload`` encodes; with ``parts`` (names from :data:`PART_NAMES`), only
    those parts are built and the others are left empty, so a step that reads the mentions
    does not pay for the clauses and events, the bulk of every payload."""
    wanted = PART_NAMES if parts is None else parts
    data = _leading(payload, wanted) or json.loads(payload)
    article = data["article"]
    decoded: dict[str, tuple[Any, ...]] = {}
    for name, record in _PARTS.items():
        if name in wanted:
            items = data.get(name, ())
            for item in items:
                # One string for the article id, not a copy per record from the parser: the
                # entity step keys every mention of the corpus by it for several steps
                # (133,000 copies of 113 bytes at 2,000 articles).
                if "article" in item:
                    item["article"] = article
            decoded[name] = tuple(record(**item) for item in items)
    if "events" in wanted:
        decoded["events"] = tuple(decode_event_mention(item) for item in data.get("events", ()))
    if "clauses" in wanted:
        decoded["clauses"] = tuple(_clause(item) for item in data.get("clauses", ()))
    return DocAnnotations(article=article, **decoded)


#: The parts written before the events (fields of DocAnnotations, in their order).
LEADING_PARTS = frozenset({"mentions", "acronyms", "times", "quotes", "citations"})
#: Where the events start in a payload: a JSON string holds no bare ``"``, so this can only
#: be a key, and one nested inside an earlier part leaves brackets open before it.
_EVENTS_KEY = ',"events":'


def _leading(payload: str, wanted: Collection[str]) -> dict[str, Any] | None:
    """The payload's fields before its events, when they hold every part ``wanted``: the
    steps that read mentions, times or quotes (most passes over a corpus) then leave the
    events and clauses, three quarters of the text, unparsed. None when that cannot be
    done exactly (a payload in another layout), and the whole payload is parsed instead."""
    if not wanted or not LEADING_PARTS.issuperset(wanted):
        return None
    head = payload_head(payload)
    if head is None:
        return None
    try:
        data = json.loads(head)
    except ValueError:
        return None
    if not isinstance(data, dict) or "article" not in data or any(n not in data for n in wanted):
        return None
    return data


def payload_head(payload: str) -> str | None:
    """The payload's fields before its events, closed as a JSON object of their own (the
    article and the parts of :data:`LEADING_PARTS`); None when the payload has no events
    key where it should be. :func:`decode_annotations` reads a head as it reads the whole
    payload, for those parts."""
    cut = payload.find(_EVENTS_KEY)
    return None if cut < 0 else payload[:cut] + "}"


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
