"""Pickling the report's records (frozen slotted dataclasses) at C speed.

A frozen dataclass with slots pickles through ``dataclasses``' own ``__getstate__`` and
``__setstate__``, Python functions that call ``dataclasses.fields`` for every record, nested
evidence included: reading the events and claims of 2,000 articles back from disk cost more
in those two functions (17 CPU s) than in unpickling itself. Here each record type of
:mod:`sitroom.types` is reduced to its class and its field values, read by one C
``attrgetter``, and rebuilt by calling the class with them (its ``__init__``): the same
record, as equality compares it, with no per-record Python loop over fields.
"""

from __future__ import annotations

import copyreg
import dataclasses
import io
import operator
import pickle
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from .. import types

Reducer = Callable[[Any], tuple[Any, tuple[Any, ...]]]


def dumps(value: Any) -> bytes:
    """``pickle.dumps(value)`` with the records of :mod:`sitroom.types` reduced to their
    fields; :func:`pickle.loads` reads it back."""
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = _dispatch_table()
    pickler.dump(value)
    return buffer.getvalue()


@lru_cache(maxsize=1)
def _dispatch_table() -> dict[type, Reducer]:
    table: dict[type, Reducer] = dict(copyreg.dispatch_table)  # type: ignore[arg-type]
    for value in vars(types).values():
        if isinstance(value, type) and dataclasses.is_dataclass(value):
            reducer = _reducer(value)
            if reducer is not None:
                table[value] = reducer
    return table


def _reducer(cls: type) -> Reducer | None:
    """(class, field values) for a record whose ``__init__`` takes every field in order;
    None for any other (it keeps the default pickling)."""
    fields = dataclasses.fields(cls)
    if not fields or any(not f.init or f.kw_only for f in fields):
        return None
    names = [f.name for f in fields]
    if len(names) == 1:
        single = operator.attrgetter(names[0])
        return lambda record: (cls, (single(record),))
    getter = operator.attrgetter(*names)
    return lambda record: (cls, getter(record))
