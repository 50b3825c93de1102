"""Every object ``sitroom extract entities|places|times`` prints matches its published schema."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator  # type: ignore[import-untyped, unused-ignore]

from sitroom.extract import entities, places, prepare, times

TEXT = (
    " date 2024-11-28 Flooding cut the road between Sukkur and Larkana on Wednesday, two days "
    "after the river rose. Governor Imtiaz Dharejo said relief would arrive every morning "
    "from Karachi. Ayse Kilic of the Crescent Relief Alliance told reporters in Dadu that "
    "aid had reached 4,000 families. Nobody had heard of Qwertyville before.\n"
)


@pytest.mark.parametrize("kind", [entities, places, times], ids=lambda m: m.__name__)
def test_every_object_matches_the_published_schema(
    kind: Any, tmp_path: Path, nlp: Any
) -> None:
    name = kind.__name__.rsplit(".", 1)[-1]
    schema = json.loads(resources.files("sitroom.extract").joinpath(f"{name}.schema.json")
                        .read_text(encoding="utf-8"))
    validator = Draft202012Validator(schema)
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    rows = list(kind.extract(prepare([path])))
    assert rows, f"extract {name} found nothing to check"
    for row in rows:
        errors = [error.message for error in validator.iter_errors(row)]
        assert not errors, (row, errors)
        assert TEXT[row["start"]:row["end"]] == row["text"]
