"""The text ``json.dumps(value, indent=2, ensure_ascii=False, allow_nan=False)`` gives,
made about twice as fast.

With ``indent`` set, the standard library leaves its C encoder aside and runs a pure-Python
one: a chain of generators, one per nested list or object, yielding a piece per separator and
value. report.json of a large corpus is hundreds of megabytes of such text. Here each list or
object is one loop that appends ready-joined pieces to a list, and the scalar encoders are the
very ones the standard library uses (its C string encoder, ``int.__repr__``,
``float.__repr__``), so the bytes are the same: the unit tests compare both on every kind of
value, and a build's report.json is checked byte for byte against the standard encoder's.
"""

from __future__ import annotations

from json.encoder import encode_basestring
from typing import Any

_int_text = int.__repr__
_float_text = float.__repr__
_INFINITY = float("inf")


def dumps_indented(value: Any, newline: str = "\n") -> str:
    """``value`` as indented JSON; ``newline`` starts every line after the first (a longer
    one indents the whole text, as when a record sits in a list of a larger document).

    Raises ``ValueError`` for NaN or infinity and ``TypeError`` for what JSON cannot hold,
    as ``json.dumps`` does."""
    pieces: list[str] = []
    _append(value, pieces, newline)
    return "".join(pieces)


def _append(value: Any, pieces: list[str], newline: str) -> None:
    kind = type(value)
    if kind is dict:
        _append_object(value, pieces, newline)
    elif kind is list or kind is tuple:
        _append_array(value, pieces, newline)
    else:
        text = _scalar(value)
        if text is not None:
            pieces.append(text)
        elif isinstance(value, dict):
            _append_object(value, pieces, newline)
        elif isinstance(value, (list, tuple)):
            _append_array(value, pieces, newline)
        else:
            raise TypeError(f"Object of type {value.__class__.__name__} is not JSON serializable")


def _append_object(value: dict[Any, Any], pieces: list[str], newline: str) -> None:
    if not value:
        pieces.append("{}")
        return
    inner = newline + "  "
    lead = "{" + inner
    for key, item in value.items():
        name = encode_basestring(key) if type(key) is str else _key(key)
        # The commonest values inline, skipping a call: most report fields are strings,
        # whole numbers or null.
        kind = type(item)
        if kind is str:
            pieces.append(lead + name + ": " + encode_basestring(item))
        elif kind is int:
            pieces.append(lead + name + ": " + _int_text(item))
        elif item is None:
            pieces.append(lead + name + ": null")
        else:
            text = _scalar(item)
            if text is not None:
                pieces.append(lead + name + ": " + text)
            else:
                pieces.append(lead + name + ": ")
                _append(item, pieces, inner)
        lead = "," + inner
    pieces.append(newline + "}")


def _append_array(value: list[Any] | tuple[Any, ...], pieces: list[str], newline: str) -> None:
    if not value:
        pieces.append("[]")
        return
    inner = newline + "  "
    lead = "[" + inner
    for item in value:
        kind = type(item)
        if kind is str:
            pieces.append(lead + encode_basestring(item))
        elif kind is int:
            pieces.append(lead + _int_text(item))
        else:
            text = _scalar(item)
            if text is not None:
                pieces.append(lead + text)
            else:
                pieces.append(lead)
                _append(item, pieces, inner)
        lead = "," + inner
    pieces.append(newline + "]")


def _scalar(value: Any) -> str | None:
    """The text of a JSON scalar, tested in the standard encoder's order (a bool is an
    int, so it is tested first); None for a list, an object or anything else."""
    if isinstance(value, str):
        return encode_basestring(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return _int_text(value)
    if isinstance(value, float):
        return _finite(value)
    return None


def _finite(value: float) -> str:
    if value != value or value == _INFINITY or value == -_INFINITY:
        raise ValueError("Out of range float values are not JSON compliant: " + repr(value))
    return _float_text(value)


def _key(key: Any) -> str:
    """An object key as the standard encoder writes it: numbers, booleans and null become
    strings; anything else is refused."""
    if isinstance(key, str):
        return encode_basestring(key)
    if isinstance(key, float):
        return encode_basestring(_finite(key))
    if key is True:
        return '"true"'
    if key is False:
        return '"false"'
    if key is None:
        return '"null"'
    if isinstance(key, int):
        return encode_basestring(_int_text(key))
    raise TypeError(f"keys must be str, int, float, bool or None, not {key.__class__.__name__}")
