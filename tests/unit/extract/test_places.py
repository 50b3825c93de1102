"""``sitroom extract places`` objects, with offsets into the raw file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sitroom.clean.offsets import OffsetMap
from sitroom.extract import PreparedDoc, prepare
from sitroom.extract.places import extract
from sitroom.types import Article, DocAnnotations, Mention

HEADER = " date 2025-08-12 "


def _prepared(file: str, body: str, names: list[str]) -> PreparedDoc:
    """A file whose raw text has a header line before ``body``; the cleaned text is ``body``."""
    raw = HEADER + body
    article = Article(file, body, "test", None, None, "2025-08-12", "header", None, "en", 0)
    mentions = tuple(Mention(file, body.index(n), body.index(n) + len(n), n, "GPE") for n in names)
    offsets = OffsetMap(((0, len(HEADER), len(body), True),), len(body), len(raw))
    return PreparedDoc(file, raw, article, offsets, DocAnnotations(file, mentions), None)


def test_one_object_per_place_mention_with_raw_offsets() -> None:
    doc = _prepared(
        "a.txt", "The Indus rose at Sukkur and Larkana in Sindh.", ["Sukkur", "Larkana", "Sindh"]
    )
    items = list(extract([doc]))
    assert [i["text"] for i in items] == ["Sukkur", "Larkana", "Sindh"]
    for item in items:
        assert doc.raw_text[item["start"] : item["end"]] == item["text"]
        assert item["file"] == "a.txt"
        assert set(item) >= {"name", "lat", "lon", "country_code", "geonames_id", "confidence"}
        assert item["country_code"] == "PK" and item["lat"] is not None
        assert "reason" not in item
    sukkur = items[0]
    assert sukkur["name"] == "Sukkur" and isinstance(sukkur["geonames_id"], int)
    assert abs(sukkur["lat"] - 27.70) < 0.2 and abs(sukkur["lon"] - 68.86) < 0.2


def test_unresolved_mentions_carry_a_reason_and_null_coordinates() -> None:
    doc = _prepared("b.txt", "Aid reached Zqxwabad in Pakistan.", ["Zqxwabad", "Pakistan"])
    items = {i["text"]: i for i in extract([doc])}
    assert items["Zqxwabad"]["lat"] is None and items["Zqxwabad"]["lon"] is None
    assert items["Zqxwabad"]["reason"] == "not in gazetteer"
    assert items["Pakistan"]["country_code"] == "PK"


def test_files_are_resolved_together_and_listed_in_order() -> None:
    first = _prepared("1.txt", "Shelling in Homs and Hama, Syria.", ["Homs", "Hama", "Syria"])
    second = _prepared("2.txt", "Families fled Hama.", ["Hama"])
    items = list(extract([first, second]))
    assert [i["file"] for i in items] == ["1.txt", "1.txt", "1.txt", "2.txt"]
    assert items[-1]["country_code"] == "SY"  # corpus focus places the bare name


def test_a_url_header_gives_the_article_its_web_address(tmp_path: Path, nlp: Any) -> None:
    # The outlet's country domain leans an article's places its way, as in build.
    path = tmp_path / "local.txt"
    path.write_text("url: https://news.example.co.uk/a/1\n\nPupils planted trees.\n")
    (doc,) = prepare([path])
    assert doc.article.url == "https://news.example.co.uk/a/1"
    assert doc.article.text.startswith("Pupils")
