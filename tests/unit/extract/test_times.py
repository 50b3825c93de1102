"""``extract times``: JSON objects with offsets into the raw file."""

from __future__ import annotations

from datetime import date

from sitroom.clean.offsets import OffsetMap
from sitroom.extract import PreparedDoc
from sitroom.extract.times import extract
from sitroom.types import Article, DocAnnotations, TimeMention


def test_objects_point_into_the_raw_file() -> None:
    raw = " date 2024-11-28 Clashes began on Wednesday, two days before talks."
    body_offset = raw.index("Clashes")
    clean = raw[body_offset:]
    offsets = OffsetMap(((0, body_offset, len(clean), True),), len(clean), len(raw))
    article = Article("a1", clean, "unknown", None, None, "2024-11-28", "header", None, "en", 9)
    wednesday = clean.index("Wednesday")
    two_days = clean.index("two days")
    annotations = DocAnnotations("a1", times=(
        TimeMention("a1", two_days, two_days + 8, "two days", "DURATION", "P2D", "duration",
                    "before:P2D:talks"),
        TimeMention("a1", wednesday, wednesday + 9, "Wednesday", "DATE", "2024-11-27", "day"),
    ))
    doc = PreparedDoc("f.txt", raw, article, offsets, annotations, date(2024, 11, 28))
    items = list(extract([doc]))
    assert items == [
        {"file": "f.txt", "start": raw.index("Wednesday"), "end": raw.index("Wednesday") + 9,
         "text": "Wednesday", "type": "DATE", "value": "2024-11-27", "precision": "day"},
        {"file": "f.txt", "start": raw.index("two days"), "end": raw.index("two days") + 8,
         "text": "two days", "type": "DURATION", "value": "P2D", "precision": "duration",
         "relation": "before:P2D:talks"},
    ]
