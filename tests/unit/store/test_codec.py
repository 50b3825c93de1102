"""The store's annotation codec: a step that asks for the leading parts gets exactly what a
full decode gives, however the texts inside look."""

from __future__ import annotations

import json

from sitroom.store.codec import decode_annotations, encode_annotations
from sitroom.types import (
    Acronym,
    DocAnnotations,
    EventMention,
    Mention,
    QuoteMention,
    TimeMention,
)

# Texts that imitate the payload's own keys and escapes.
TRICKY = ('He said ,"events":[ was a key', 'a \\ backslash ",', '{"clauses":[]}', "ünï ,\"")


def _doc(key: str) -> DocAnnotations:
    return DocAnnotations(
        article=key,
        mentions=tuple(Mention(key, i, i + 3, text, "ORG") for i, text in enumerate(TRICKY)),
        acronyms=(Acronym(key, "UN", "United Nations", 0, 2),),
        times=(TimeMention(key, 0, 4, "2024", "DATE", "2024", "year"),),
        quotes=(QuoteMention(key, 5, 30, TRICKY[0], True, 0, 3, TRICKY[1], 4, 5, "said"),),
        events=(EventMention(key, 0, 9, TRICKY[0], 0, 2, "attack", "attack"),),
    )


def test_leading_parts_decode_as_the_whole_payload_does() -> None:
    doc = _doc("a1")
    payload = encode_annotations(doc)
    for parts in (("mentions",), ("mentions", "acronyms", "citations"), ("times",),
                  ("quotes", "mentions", "citations")):
        light = decode_annotations(payload, parts)
        full = decode_annotations(payload)
        for name in parts:
            assert getattr(light, name) == getattr(full, name) == getattr(doc, name)
        assert light.events == () and light.clauses == ()
    assert decode_annotations(payload, ("events", "mentions")).events == doc.events


def test_a_payload_in_another_key_order_is_read_whole() -> None:
    doc = _doc("a2")
    data = json.loads(encode_annotations(doc))
    reordered = {"article": data["article"], "events": data["events"],
                 **{k: v for k, v in data.items() if k not in ("article", "events")}}
    payload = json.dumps(reordered, ensure_ascii=False, separators=(",", ":"))
    light = decode_annotations(payload, ("mentions", "quotes"))
    assert light.mentions == doc.mentions and light.quotes == doc.quotes
    assert decode_annotations(payload, ("citations",)).citations == ()


def test_every_record_of_an_article_holds_one_copy_of_its_id() -> None:
    # The corpus steps key every mention by its article for several steps: a copy of the id
    # per record (as the JSON parser makes them) multiplied that by the mentions.
    for parts in (None, ("mentions", "quotes")):
        decoded = decode_annotations(encode_annotations(_doc("a" * 64)), parts)
        records = [*decoded.mentions, *decoded.quotes]
        assert records and all(record.article is decoded.article for record in records)
