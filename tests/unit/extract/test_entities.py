from pathlib import Path
from typing import Any

from sitroom.extract import prepare
from sitroom.extract.entities import extract


def test_offsets_point_into_the_raw_files_and_entities_span_files(
    tmp_path: Path, nlp: Any
) -> None:
    first = tmp_path / "one.txt"
    first.write_text(
        " date 2024-12-06 Turkish President Recep Tayyip Erdoğan met reporters in Ankara.\n\n"
        "Erdoğan said the   talks would go on.\n",
        encoding="utf-8",
    )
    second = tmp_path / "two.txt"
    second.write_text("Erdogan spoke again on Friday in Turkey.\n", encoding="utf-8")
    items = list(extract(prepare([first, second])))
    raw = {str(first): first.read_text(encoding="utf-8"),
           str(second): second.read_text(encoding="utf-8")}
    assert items
    for item in items:
        assert set(item) == {"file", "start", "end", "text", "type", "entity", "name"}
        assert raw[item["file"]][item["start"] : item["end"]] == item["text"]
    erdogan = {item["entity"] for item in items if "rdo" in item["text"]}
    assert len(erdogan) == 1
    names = {item["name"] for item in items if "rdo" in item["text"]}
    assert names == {"Recep Tayyip Erdoğan"}
    assert any(item["text"] == "Turkey" and item["type"] == "GPE" for item in items)
