"""Records made plain for the store read exactly as ``dataclasses.asdict`` makes them."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

from sitroom.store.codec import decode_annotations, encode_annotations
from sitroom.store.plain_data import plain
from sitroom.types import DocAnnotations, Mention, Quantity, StatedNumber, TextSpan


@dataclass(frozen=True, slots=True)
class _Inner:
    span: TextSpan | None
    numbers: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class _Outer:
    name: str
    inner: tuple[_Inner, ...]
    table: dict[str, _Inner] = field(default_factory=dict)
    ratio: float = 0.5
    flag: bool = False


def _same_json(value: object) -> None:
    assert json.dumps(plain(value), ensure_ascii=False) == json.dumps(
        asdict(value), ensure_ascii=False)  # type: ignore[call-overload]


def test_nested_records_give_what_asdict_gives() -> None:
    inner = _Inner(TextSpan(3, 9, "Aleppo"), (1, 2))
    _same_json(_Outer("é", (inner, _Inner(None)), {"k": inner}, 1.25, True))
    assert plain(_Outer("x", ())) == {"name": "x", "inner": [], "table": {}, "ratio": 0.5,
                                      "flag": False}


def test_stored_annotations_read_back_the_same() -> None:
    annotations = DocAnnotations(
        article="a1",
        mentions=(Mention(article="a1", start=0, end=6, text="Aleppo", label="GPE"),),
    )
    _same_json(annotations)
    assert decode_annotations(encode_annotations(annotations)) == annotations
    _same_json(StatedNumber("killed", 41, "people", 0, 2, "41"))
    _same_json(Quantity(41.0, "41", 0, 2, "people", "at least"))
