"""JSON encoding of per-document annotations for the store.

Field names are written out so a stored payload stays readable; decoding builds the frozen
records back with tuples, so ``decode(encode(x)) == x``.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from ..types import Acronym, CitationMention, DocAnnotations, Mention, QuoteMention, TimeMention

_PARTS: dict[str, type[Any]] = {
    "mentions": Mention,
    "acronyms": Acronym,
    "times": TimeMention,
    "quotes": QuoteMention,
    "citations": CitationMention,
}


def encode_annotations(annotations: DocAnnotations) -> str:
    return json.dumps(asdict(annotations), ensure_ascii=False, separators=(",", ":"))


def decode_annotations(payload: str) -> DocAnnotations:
    data = json.loads(payload)
    parts: dict[str, tuple[Any, ...]] = {}
    for name, record in _PARTS.items():
        parts[name] = tuple(record(**item) for item in data.get(name, ()))
    return DocAnnotations(article=data["article"], **parts)
